import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { auditCsv, checkAudit, mergeAudit, parseAuditCsv, VERDICTS } from '../../src/data/audit';
import { loadCurated } from '../../src/data/datasets';
import type { Model } from '../../src/data/schema';

const root = resolve(import.meta.dirname, '../..');
const { models } = loadCurated();
const audit = parseAuditCsv(readFileSync(resolve(root, 'data/audit/models-audit.csv'), 'utf8'));

test('the committed audit covers every sourced value in models.json, with the same value and status', () => {
  expect(audit.problems).toEqual([]);
  expect(checkAudit(models, audit.rows)).toEqual([]);
  const benchmarkScores = models.reduce((n, m) => n + Object.keys(m.benchmarks).length, 0);
  expect(audit.rows.filter((r) => r.field.startsWith('benchmarks.')).length).toBe(benchmarkScores);
  for (const r of audit.rows) expect(VERDICTS as readonly string[]).toContain(r.verdict);
});

const tiny: Model[] = [
  {
    id: 'm',
    name: 'M',
    lab: 'L',
    country: 'x',
    bloc: 'Other',
    releaseDate: '2024-01',
    openWeights: true,
    architecture: 'dense',
    totalParams: { value: 7e9, status: 'disclosed', source: { title: 'paper', url: 'https://example.org/p' } },
    benchmarks: { mmlu: { value: 60, status: 'estimate', source: { title: 'tracker', url: 'https://example.org/t' } } },
  },
];
const row = (field: string, value: string, status: string, verdict = 'correct') => ({
  model: 'm',
  field,
  value,
  status,
  origin: 'paper https://example.org/p',
  verdict,
  note: '',
});

test('an audit that no longer matches the data is refused, value by value', () => {
  expect(
    checkAudit(tiny, [
      row('totalParams', '8000000000', 'estimate', 'looks fine'),
      row('trainingTokens', '1000000000000', 'disclosed'),
      { ...row('totalParams', '7000000000', 'disclosed'), origin: '' },
    ]),
  ).toEqual([
    { path: 'audit "m".totalParams', message: 'duplicate row' },
    { path: 'audit "m".totalParams', message: 'origin checked is empty: say what was looked at' },
    { path: 'audit "m".benchmarks.mmlu', message: 'no audit row for this value (60, estimate)' },
    { path: 'audit "m".trainingTokens', message: 'row for a value that is not in the data' },
  ]);
  expect(
    checkAudit(tiny, [
      row('totalParams', '8000000000', 'estimate', 'looks fine'),
      row('benchmarks.mmlu', '60', 'estimate'),
    ]),
  ).toEqual([
    { path: 'audit "m".totalParams', message: 'audited value 8000000000 but the data says 7000000000: audit it again' },
    { path: 'audit "m".totalParams', message: 'audited status estimate but the data says disclosed: audit it again' },
    {
      path: 'audit "m".totalParams',
      message: `verdict "looks fine" is not one of: ${VERDICTS.join(', ')}`,
    },
  ]);
});

test('rewriting the skeleton keeps findings that still match and blanks the rest; the CSV round-trips', () => {
  const kept = row('benchmarks.mmlu', '60', 'estimate');
  const stale = row('totalParams', '8000000000', 'disclosed');
  const merged = mergeAudit(tiny, [stale, kept, row('gone', '1', 'leak')]);
  expect(merged).toEqual([
    { model: 'm', field: 'totalParams', value: '7000000000', status: 'disclosed', origin: '', verdict: '', note: '' },
    kept,
  ]);
  expect(parseAuditCsv(auditCsv(merged)).rows).toEqual(merged);
});

test('an audit file missing columns is named; absent cells read as empty; an origin of spaces is empty', () => {
  const short = parseAuditCsv('model,field,value\nm,totalParams,7000000000\n');
  expect(short.problems).toEqual([
    { path: 'audit', message: 'missing column(s): status, origin checked, verdict, note' },
  ]);
  expect(short.rows).toEqual([
    { model: 'm', field: 'totalParams', value: '7000000000', status: '', origin: '', verdict: '', note: '' },
  ]);
  const noKeys = parseAuditCsv('status,origin checked,verdict,note\ndisclosed,paper,correct,\n');
  expect(noKeys.problems).toEqual([{ path: 'audit', message: 'missing column(s): model, field, value' }]);
  expect(noKeys.rows).toEqual([
    { model: '', field: '', value: '', status: 'disclosed', origin: 'paper', verdict: 'correct', note: '' },
  ]);
  const blankOrigin = [
    { ...row('totalParams', '7000000000', 'disclosed'), origin: '   ' },
    row('benchmarks.mmlu', '60', 'estimate'),
  ];
  expect(checkAudit(tiny, blankOrigin)).toEqual([
    { path: 'audit "m".totalParams', message: 'origin checked is empty: say what was looked at' },
  ]);
  // a row whose status changed is not kept by the merge, even with the same value
  const merged = mergeAudit(tiny, [
    row('totalParams', '7000000000', 'estimate'),
    row('benchmarks.mmlu', '60', 'estimate'),
  ]);
  expect(merged[0]?.verdict).toBe('');
  expect(merged[1]?.verdict).toBe('correct');
});
