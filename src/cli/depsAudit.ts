/**
 * `npm run deps:audit`: runs `npm audit --omit=dev --json` and fails on any high or critical
 * advisory in the production dependencies that .ci/audit-exceptions.json does not excuse, or
 * when the audit itself could not run (see src/security/audit.ts). Exits 1 on failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditExceptionsSchema, judgeAudit } from '../security/audit';

const root = resolve(import.meta.dirname, '../..');
const exceptionsFile = resolve(root, '.ci/audit-exceptions.json');
const parsed = auditExceptionsSchema.safeParse(JSON.parse(readFileSync(exceptionsFile, 'utf8')));
if (!parsed.success) {
  console.log(`${exceptionsFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(1);
}
// npm's exit code mixes "found advisories" with "could not audit": the JSON says which
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
const verdict = judgeAudit(run.stdout || run.stderr || '', parsed.data, new Date().toISOString().slice(0, 10));
for (const line of verdict.lines) console.log(line);
process.exit(verdict.ok ? 0 : 1);
