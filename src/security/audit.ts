/**
 * Judges `npm audit --omit=dev --json` output against the project's exception list
 * (.ci/audit-exceptions.json). Pure: the CLI (src/cli/depsAudit.ts) runs npm and prints the verdict.
 * A high or critical advisory fails the check unless an unexpired exception names it; an audit
 * that could not run fails it too, unless the exception list acknowledges — with a reason and a
 * review date — that this CI cannot reach the advisory service, and then it says so loudly.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const auditExceptionsSchema = z.object({
  advisories: z.array(
    z.object({
      /** GHSA id (from the advisory's URL) or npm's numeric advisory id */
      id: z.string().min(1),
      package: z.string().min(1),
      reason: z.string().min(10, 'say why the advisory cannot be fixed and why it does not reach users'),
      reviewBy: isoDate,
    }),
  ),
  endpointUnavailable: z.object({ reason: z.string().min(10), verified: isoDate, reviewBy: isoDate }).optional(),
});
export type AuditExceptions = z.infer<typeof auditExceptionsSchema>;

/** The severities that fail the check (npm's --audit-level=high). */
const FAILING = new Set(['high', 'critical']);

interface Advisory {
  source: number | string;
  name: string;
  title: string;
  url: string;
  severity: string;
  range?: string;
}

interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { via: (string | Advisory)[] }>;
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
}

export interface AuditVerdict {
  ok: boolean;
  lines: string[];
}

const ghsaOf = (url: string) => /GHSA(-[a-z0-9]{4}){3}/i.exec(url)?.[0];

export function judgeAudit(npmOutput: string, exceptions: AuditExceptions, today: string): AuditVerdict {
  let report: AuditReport | undefined;
  try {
    report = JSON.parse(npmOutput) as AuditReport;
  } catch {
    report = undefined;
  }
  if (!report?.auditReportVersion || !report.vulnerabilities) {
    const why =
      [report?.message, report?.error?.code, report?.error?.summary].filter(Boolean).join(' — ') ||
      npmOutput.trim().slice(0, 300) ||
      'npm printed nothing';
    // only "the service answered with an HTTP error or could not be reached" may be acknowledged;
    // output npm itself could not produce (a crash, a bad lockfile) always fails
    const unreachable =
      typeof report?.statusCode === 'number' ||
      /^E(NOTFOUND|CONNREFUSED|CONNRESET|AI_AGAIN|TIMEDOUT|\d{3})$/.test(report?.error?.code ?? '');
    const ack = exceptions.endpointUnavailable;
    if (unreachable && ack && today <= ack.reviewBy)
      return {
        ok: true,
        lines: [
          '!!! npm audit: ADVISORIES NOT CHECKED — the advisory service could not be used:',
          `!!!   ${why}`,
          `!!! accepted in .ci/audit-exceptions.json until ${ack.reviewBy} (verified ${ack.verified}): ${ack.reason}`,
        ],
      };
    return {
      ok: false,
      lines: [
        `npm audit could not check the production dependencies: ${why}`,
        unreachable && ack
          ? `the acknowledgement in .ci/audit-exceptions.json expired on ${ack.reviewBy}: review it`
          : 'no advisory was checked, so this step fails rather than pass unchecked',
      ],
    };
  }

  const found = new Map<string, Advisory>();
  for (const v of Object.values(report.vulnerabilities))
    for (const via of v.via)
      if (typeof via === 'object' && FAILING.has(via.severity)) found.set(String(via.source), via);

  const lines: string[] = [];
  const failing: Advisory[] = [];
  const used = new Set<string>();
  for (const a of found.values()) {
    const ids = [String(a.source), ghsaOf(a.url)].filter(Boolean);
    const exception = exceptions.advisories.find((e) => ids.includes(e.id) && e.package === a.name);
    const label = `${a.severity} ${a.name} ${a.range ?? ''}: ${a.title} (${a.url})`;
    if (exception && today <= exception.reviewBy) {
      used.add(exception.id);
      lines.push(`  excepted until ${exception.reviewBy}: ${label} — ${exception.reason}`);
    } else {
      failing.push(a);
      lines.push(`  ✗ ${label}${exception ? ` — its exception expired on ${exception.reviewBy}` : ''}`);
    }
  }
  for (const e of exceptions.advisories)
    if (!used.has(e.id)) lines.push(`  note: exception ${e.id} (${e.package}) matches no current advisory: remove it`);
  const head =
    failing.length > 0
      ? `npm audit: ${failing.length} high/critical advisory(ies) in production dependencies:`
      : `npm audit: no unexcepted high or critical advisory in production dependencies (${found.size} found)`;
  return { ok: failing.length === 0, lines: [head, ...lines] };
}
