/**
 * The value-by-value audit of data/models.json (data/audit/models-audit.csv): one row per sourced
 * value, saying what was looked at to find the figure's origin and what was concluded. The check
 * keeps the table from going stale: every value needs a row whose value and status still match,
 * and a row without a value is an error too.
 */
import Papa from 'papaparse';
import { toCsv } from './csv';
import { sourcedFieldsOf } from './provenance';
import type { Model } from './schema';
import type { ValidationProblem } from './validate';

export const AUDIT_COLUMNS = ['model', 'field', 'value', 'status', 'origin checked', 'verdict', 'note'] as const;

export const VERDICTS = [
  'correct',
  'status corrected',
  'value corrected',
  'source corrected',
  'origin not confirmed',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface AuditRow {
  model: string;
  field: string;
  value: string;
  status: string;
  origin: string;
  verdict: string;
  note: string;
}

const key = (model: string, field: string) => `${model}|${field}`;

/** One unaudited row per sourced value, in the data's order. */
export function auditSkeleton(models: readonly Model[]): AuditRow[] {
  return models.flatMap((m) =>
    sourcedFieldsOf(m).map(([field, v]) => ({
      model: m.id,
      field,
      value: String(v.value),
      status: v.status,
      origin: '',
      verdict: '',
      note: '',
    })),
  );
}

export function parseAuditCsv(text: string): { rows: AuditRow[]; problems: ValidationProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const problems: ValidationProblem[] = [];
  const missing = AUDIT_COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length > 0) problems.push({ path: 'audit', message: `missing column(s): ${missing.join(', ')}` });
  const rows = parsed.data.map((r) => ({
    model: r.model ?? '',
    field: r.field ?? '',
    value: r.value ?? '',
    status: r.status ?? '',
    origin: r['origin checked'] ?? '',
    verdict: r.verdict ?? '',
    note: r.note ?? '',
  }));
  return { rows, problems };
}

export function auditCsv(rows: readonly AuditRow[]): string {
  return toCsv(
    [...AUDIT_COLUMNS],
    rows.map((r) => [r.model, r.field, r.value, r.status, r.origin, r.verdict, r.note]),
  );
}

/** Everything that makes the audit table disagree with the data or leave a value unexamined. */
export function checkAudit(models: readonly Model[], rows: readonly AuditRow[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const byKey = new Map<string, AuditRow>();
  for (const r of rows) {
    const k = key(r.model, r.field);
    if (byKey.has(k)) problems.push({ path: `audit "${r.model}".${r.field}`, message: 'duplicate row' });
    byKey.set(k, r);
  }
  const expected = auditSkeleton(models);
  const present = new Set(expected.map((e) => key(e.model, e.field)));
  for (const e of expected) {
    const path = `audit "${e.model}".${e.field}`;
    const r = byKey.get(key(e.model, e.field));
    if (!r) {
      problems.push({ path, message: `no audit row for this value (${e.value}, ${e.status})` });
      continue;
    }
    if (Number(r.value) !== Number(e.value))
      problems.push({ path, message: `audited value ${r.value} but the data says ${e.value}: audit it again` });
    if (r.status !== e.status)
      problems.push({ path, message: `audited status ${r.status} but the data says ${e.status}: audit it again` });
    if (!(VERDICTS as readonly string[]).includes(r.verdict))
      problems.push({
        path,
        message: `verdict "${r.verdict}" is not one of: ${VERDICTS.join(', ')}`,
      });
    if (r.origin.trim() === '') problems.push({ path, message: 'origin checked is empty: say what was looked at' });
  }
  for (const r of rows)
    if (!present.has(key(r.model, r.field)))
      problems.push({ path: `audit "${r.model}".${r.field}`, message: 'row for a value that is not in the data' });
  return problems;
}

/**
 * The skeleton merged with an existing audit: rows that still match the data keep their findings;
 * changed or new values get an empty row to fill in; rows for removed values are dropped.
 */
export function mergeAudit(models: readonly Model[], rows: readonly AuditRow[]): AuditRow[] {
  const byKey = new Map(rows.map((r) => [key(r.model, r.field), r]));
  return auditSkeleton(models).map((e) => {
    const r = byKey.get(key(e.model, e.field));
    return r && Number(r.value) === Number(e.value) && r.status === e.status ? { ...r, value: e.value } : e;
  });
}
