/**
 * `npm run data:audit`: checks that data/audit/models-audit.csv has a row for every sourced value
 * in data/models.json, with the same value and status, a verdict and what was checked; prints the
 * counts by status and verdict. Exits 1 on any problem.
 * `npm run data:audit -- --write`: rewrites the table from the data, keeping the findings of rows
 * that still match and leaving empty rows for new or changed values to audit.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { auditCsv, checkAudit, mergeAudit, parseAuditCsv, type AuditRow } from '../data/audit';
import { parseModelsFile } from '../data/validate';

const root = resolve(import.meta.dirname, '../..');
const modelsPath = resolve(root, 'data/models.json');
const auditPath = resolve(root, 'data/audit/models-audit.csv');

const parsed = parseModelsFile(JSON.parse(readFileSync(modelsPath, 'utf8')), 'data/models.json');
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(`✗ ${p.path}: ${p.message}`);
  process.exit(1);
}
const models = parsed.data.models;
const existing: AuditRow[] = existsSync(auditPath) ? parseAuditCsv(readFileSync(auditPath, 'utf8')).rows : [];

if (process.argv.includes('--write')) {
  const merged = mergeAudit(models, existing);
  mkdirSync(dirname(auditPath), { recursive: true });
  writeFileSync(auditPath, auditCsv(merged));
  const todo = merged.filter((r) => r.verdict === '').length;
  console.log(`wrote ${merged.length} rows to data/audit/models-audit.csv; ${todo} to audit`);
  process.exit(0);
}

const { rows, problems: csvProblems } = existsSync(auditPath)
  ? parseAuditCsv(readFileSync(auditPath, 'utf8'))
  : {
      rows: [],
      problems: [{ path: 'data/audit/models-audit.csv', message: 'missing: run npm run data:audit -- --write' }],
    };
const problems = [...csvProblems, ...checkAudit(models, rows)];
if (problems.length > 0) {
  for (const p of problems.slice(0, 200)) console.error(`✗ ${p.path}: ${p.message}`);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
const count = (pick: (r: AuditRow) => string) =>
  Object.entries(rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [pick(r)]: (acc[pick(r)] ?? 0) + 1 }), {}))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
console.log(
  `✓ ${rows.length} values audited. By status: ${count((r) => r.status)}. By verdict: ${count((r) => r.verdict)}.`,
);
