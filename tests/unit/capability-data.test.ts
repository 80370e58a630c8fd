import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { buildStitching } from '../../src/cli/capabilityBuild';
import { convertStitching, normaliseDate, parseScore } from '../../src/data/capability';
import { CapabilityDataError, parseCuratedMap, parseStitching } from '../../src/data/capabilityData';

const root = resolve(import.meta.dirname, '../..');
const raw = (name: string) => readFileSync(resolve(root, 'data/capability/raw', name), 'utf8');

/** The real files, with one replaced. */
function filesWith(name: string, text: string): Record<string, string> {
  const names = [
    'benchmark_optim.csv',
    'distilled_models.csv',
    'model_versions.csv',
    'benchmarks_runs.csv',
    ...[
      'aider_polyglot',
      'anli',
      'arc_agi',
      'arc_ai2',
      'balrog',
      'bbh',
      'cadeval',
      'csqa2',
      'cybench',
      'deepresearch',
      'factorio_learning_environment',
      'fictionlivebench',
      'geobench',
      'gsm8k',
      'gso_bench',
      'hellaswag',
      'lambada',
      'lech_mazur_writing',
      'livebench',
      'mmlu',
      'openbookqa',
      'os_world',
      'osuniverse',
      'piqa',
      'scienceqa',
      'simple_bench',
      'superglue',
      'terminal_bench',
      'the_agent_company',
      'triviaqa',
      'videomme',
      'vpct',
      'weirdml',
      'winogrande',
    ].map((s) => `external_benchmark_${s}.csv`),
  ];
  const files: Record<string, string> = {};
  for (const n of names) files[n] = raw(n);
  files[name] = text;
  return files;
}

test('the committed stitching.json is what npm run data:capability makes from the committed raw files', () => {
  const { result, coverage } = buildStitching(root);
  const committed = JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8'));
  expect(JSON.parse(JSON.stringify(result.data))).toEqual(committed);
  // and the list of models the default fit covers, which the store uses before any fit has run
  expect(coverage).toEqual(JSON.parse(readFileSync(resolve(root, 'data/capability/coverage.json'), 'utf8')));
  expect(coverage.curatedIds).toContain('deepseek-v3');
  expect(coverage.notableNames).toContain('DeepSeek-V3');
  // every row Epoch's files hold is either a score or a named reject
  const rows = Object.values(result.counts).reduce((a, c) => a + c.rows, 0);
  const kept = Object.values(result.counts).reduce((a, c) => a + c.kept, 0);
  expect(kept).toBe(result.data.scores.length);
  expect(rows - kept).toBe(result.rejects.filter((r) => r.file !== 'model_versions.csv').length);
});

test('every score carries a source with an http(s) link and a status', () => {
  const f = parseStitching(JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8')));
  expect(f.scores.length).toBe(2408);
  for (const s of f.sources) expect(s.url).toMatch(/^https?:\/\//);
  const statuses = new Set(f.scores.map((s) => f.statuses[s[4]]));
  expect([...statuses].sort()).toEqual(['disclosed', 'estimate']);
  // Epoch's own runs are third-party evaluations
  const gpqa = f.benchmarks.findIndex((b) => b.id === 'gpqa-diamond');
  expect(f.scores.filter((s) => s[1] === gpqa).every((s) => f.statuses[s[4]] === 'estimate')).toBe(true);
});

test('a broken score names the file, the row and the column', () => {
  const mmlu = raw('external_benchmark_mmlu.csv').split('\n');
  // the 3rd data line (line 4 in a spreadsheet) gets a score that is not a number
  mmlu[3] = mmlu[3]!.replace(/,\d+(\.\d+)?%,/, ',eighty%,');
  const { rejects } = convertStitching({ files: filesWith('external_benchmark_mmlu.csv', mmlu.join('\n')) });
  expect(rejects).toContainEqual({
    file: 'external_benchmark_mmlu.csv',
    row: 4,
    column: 'EM',
    reason: '"eighty%" is not a number',
  });
});

test('a score above 100% and a missing column are refused by name', () => {
  const text = raw('external_benchmark_winogrande.csv').split('\n');
  text[1] = text[1]!.replace(/,\d+(\.\d+)?%,/, ',130%,');
  const { rejects } = convertStitching({ files: filesWith('external_benchmark_winogrande.csv', text.join('\n')) });
  expect(rejects.find((r) => r.file === 'external_benchmark_winogrande.csv' && r.row === 2)).toMatchObject({
    column: 'Accuracy',
    reason: '130% is not a score between 0 and 100%',
  });
  const noColumn = raw('external_benchmark_bbh.csv').replace(/^(\uFEFF?id,Name,)Average/, '$1Mean');
  const r2 = convertStitching({ files: filesWith('external_benchmark_bbh.csv', noColumn) });
  expect(r2.rejects.find((r) => r.file === 'external_benchmark_bbh.csv')).toMatchObject({
    column: 'Average',
    reason: 'column missing from the file',
  });
});

test('a missing file is named', () => {
  const files = filesWith('external_benchmark_mmlu.csv', '');
  delete files['external_benchmark_vpct.csv'];
  expect(() => convertStitching({ files })).toThrow(/external_benchmark_vpct.csv: file missing/);
});

test('scores read as the paper reads them', () => {
  expect(parseScore('77.0%', 'percent')).toBeCloseTo(0.77, 12);
  expect(parseScore('77', 'percent')).toBeCloseTo(0.77, 12);
  expect(parseScore('8.39', 'tenths')).toBeCloseTo(0.839, 12);
  expect(parseScore('0.850', 'fraction')).toBe(0.85);
  expect(parseScore('', 'percent')).toBeUndefined();
  expect(parseScore('n/a', 'percent')).toBeUndefined();
  expect(normaliseDate('2024/12/21')).toBe('2024-12-21');
  expect(normaliseDate('2024-2-3')).toBe('2024-02-03');
  expect(normaliseDate('December 2024')).toBeUndefined();
});

test('a damaged data file is reported with its path, never fitted', () => {
  const good = JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8'));
  const bad = { ...good, scores: [...good.scores.slice(0, 5), [0, 0, 1.7, 0, 0, -1]] };
  expect(() => parseStitching(bad)).toThrow(CapabilityDataError);
  expect(() => parseStitching(bad)).toThrow(/data\/capability\/stitching\.json: scores: each score must be/);
  const outOfRange = { ...good, scores: [[good.versions.length + 5, 0, 0.5, 0, 0, -1]] };
  expect(() => parseStitching(outOfRange)).toThrow(/scores\.0: refers to a version/);
  expect(() => parseCuratedMap({ versions: { x: { version: 'y' } }, benchmarks: {} })).toThrow(
    /curated-map\.json: versions\.x\.why/,
  );
});

test('the reviewed map names a version for every curated model, or says why not', () => {
  const map = parseCuratedMap(
    JSON.parse(readFileSync(resolve(root, 'data/capability/joins/curated-map.json'), 'utf8')),
  );
  const models = JSON.parse(readFileSync(resolve(root, 'data/models.json'), 'utf8')).models as { id: string }[];
  const versions = new Set(
    (
      JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8')).versions as { id: string }[]
    ).map((v) => v.id),
  );
  for (const m of models) {
    const e = map.versions[m.id];
    expect(e, m.id).toBeDefined();
    expect(e!.why.length).toBeGreaterThan(10);
    if (e!.version !== null) expect(versions.has(e!.version), `${m.id} -> ${e!.version}`).toBe(true);
  }
});
