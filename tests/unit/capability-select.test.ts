import { expect, test } from 'vitest';
import { selectObservations, SelectionError, toStitchData } from '../../src/domain/capability/select';
import { tinyCurated, tinyFile, tinySettings } from './capabilityFixture';

const src = (n: number) => ({ title: `Source ${n}`, url: `https://example.org/${n}` });

test('Epoch’s data: each step says what it kept, and every version left out says why', () => {
  const sel = selectObservations(tinyFile, tinySettings);
  expect(sel.steps).toEqual([
    { label: "Epoch's scores", versions: 6, benchmarks: 5, scores: 14 },
    { label: 'At least 2 distinct benchmarks per version', versions: 5, benchmarks: 5, scores: 13 },
    { label: 'Connected to the anchor through shared benchmarks', versions: 4, benchmarks: 3, scores: 11 },
  ]);
  expect([...sel.leftOut]).toEqual([
    ['v-one', 'scores on 1 distinct benchmark; the settings need 2'],
    [
      'v-island',
      "shares no benchmark, directly or through other models, with the anchor's: it cannot be placed on this scale",
    ],
  ]);
  // a version without any score is not a version the settings left out
  expect(sel.leftOut.has('v-noscore')).toBe(false);
  expect(sel.anchor).toBe(0);
});

test('the versions fitted carry their names, dates and Epoch’s compute, and nothing they do not have', () => {
  const sel = selectObservations(tinyFile, tinySettings);
  expect(sel.versions).toEqual([
    {
      id: 'v-a',
      label: 'Model A (v-a)',
      epochModel: 'Model A',
      date: '2023-01-10',
      notable: 'Model A',
      epoch: tinyFile.notableCompute['Model A'],
      developer: 'Lab A',
      bloc: 'United States',
    },
    { id: 'v-b', label: 'Model B (v-b)', epochModel: 'Model B', date: '2022-06-01', distilled: true },
    // no name at all: the id stands alone
    { id: 'v-c', label: 'v-c', epochModel: '' },
    // a notable name Epoch has no compute for: no compute
    {
      id: 'v-d',
      label: 'Model D (v-d)',
      epochModel: 'D',
      date: '2024-03-01',
      distilled: false,
      notable: 'Unknown to Epoch',
    },
  ]);
  expect(sel.benchmarks).toEqual([
    { id: 'winogrande', name: 'Winogrande', releaseDate: '2019-07-01', optimized: false, curatedOnly: false },
    { id: 'mmlu', name: 'MMLU', optimized: true, source: src(9), curatedOnly: false },
    { id: 'gsm8k', name: 'GSM8K', optimized: false, curatedOnly: false },
  ]);
  expect(sel.available).toEqual([
    { id: 'winogrande', name: 'Winogrande', optimized: false, curatedOnly: false },
    { id: 'mmlu', name: 'MMLU', optimized: true, curatedOnly: false },
    { id: 'gsm8k', name: 'GSM8K', optimized: false, curatedOnly: false },
    { id: 'island', name: 'Island', optimized: false, curatedOnly: false },
    { id: 'island-2', name: 'Island 2', optimized: false, curatedOnly: false },
  ]);
});

test('one score per version and benchmark: the highest of Epoch’s, the others set aside with their sources', () => {
  const sel = selectObservations(tinyFile, tinySettings);
  const row = (v: number) =>
    sel.observations.filter((o) => o.version === v).map((o) => [sel.benchmarks[o.benchmark]!.id, o.value]);
  expect(row(0)).toEqual([
    ['winogrande', 0.8],
    ['mmlu', 0.7],
    ['gsm8k', 0.5],
  ]);
  expect(row(3)).toEqual([
    ['mmlu', 0.9],
    ['gsm8k', 0.8],
    ['winogrande', 0.95],
  ]);
  const kept = sel.observations.find((o) => o.version === 0 && o.benchmark === 1)!;
  expect(kept).toEqual({
    version: 0,
    benchmark: 1,
    value: 0.7,
    status: 'disclosed',
    source: src(1),
    note: 'best of two runs',
    origin: 'epoch',
  });
  expect(sel.setAside).toEqual([
    { version: 0, benchmark: 1, value: 0.6, status: 'estimate', source: src(0), origin: 'epoch' },
  ]);
  expect(sel.observations).toHaveLength(10);
  const data = toStitchData(sel);
  expect(data.nModels).toBe(4);
  expect(data.nBenchmarks).toBe(3);
  expect([...data.model]).toEqual(sel.observations.map((o) => o.version));
  expect([...data.bench]).toEqual(sel.observations.map((o) => o.benchmark));
  expect([...data.score]).toEqual(sel.observations.map((o) => o.value));
  expect(data.weight).toBeUndefined();
});

test('leaving benchmarks out, a higher minimum, a start date and no distilled models', () => {
  const drop1 = selectObservations(tinyFile, { ...tinySettings, drop: ['gsm8k'] });
  expect(drop1.steps[1]).toEqual({ label: 'Leave out 1 benchmark', versions: 6, benchmarks: 4, scores: 11 });
  // v-c had winogrande and gsm8k: one distinct benchmark is left
  expect(drop1.leftOut.get('v-c')).toBe('scores on 1 distinct benchmark; the settings need 2');
  expect(drop1.benchmarks.map((b) => b.id)).toEqual(['winogrande', 'mmlu']);
  const drop2 = selectObservations(tinyFile, { ...tinySettings, drop: ['island', 'island-2'] });
  // a version with no score left is gone, not 'left out'
  expect(drop2.steps[1]).toEqual({ label: 'Leave out 2 benchmarks', versions: 5, benchmarks: 3, scores: 12 });
  expect(drop2.leftOut.has('v-island')).toBe(false);

  const three = selectObservations(tinyFile, { ...tinySettings, minBenchmarks: 3 });
  expect(three.steps[1]!.label).toBe('At least 3 distinct benchmarks per version');
  expect(three.leftOut.get('v-b')).toBe('scores on 2 distinct benchmarks; the settings need 3');
  expect(three.versions.map((v) => v.id)).toEqual(['v-a', 'v-d']);
  const one = selectObservations(tinyFile, { ...tinySettings, minBenchmarks: 1 });
  expect(one.steps[1]!.label).toBe('At least 1 distinct benchmark per version');
  expect(one.versions.map((v) => v.id)).toContain('v-one');

  const from = selectObservations(tinyFile, { ...tinySettings, from: '2023-01-10' });
  expect(from.steps.map((s) => s.label)).toContain('Released on or after 2023-01-10');
  expect(from.steps[2]).toEqual({ label: 'Released on or after 2023-01-10', versions: 3, benchmarks: 5, scores: 9 });
  expect(from.leftOut.get('v-b')).toBe('released 2022-06-01, before 2023-01-10');
  expect(from.leftOut.get('v-c')).toBe('no release date (the settings start at 2023-01-10)');
  // on the day itself is in
  expect(from.versions.map((v) => v.id)).toEqual(['v-a', 'v-d']);

  const noDistilled = selectObservations(tinyFile, { ...tinySettings, distilled: false });
  expect(noDistilled.steps[2]).toEqual({ label: 'Without distilled models', versions: 4, benchmarks: 5, scores: 11 });
  expect(noDistilled.leftOut.get('v-b')).toBe('distilled from a larger model (distilled models are left out)');
  // not distilled, and unknown, are both kept
  expect(noDistilled.versions.map((v) => v.id)).toEqual(['v-a', 'v-c', 'v-d']);
  // with the defaults, none of those steps is listed
  expect(selectObservations(tinyFile, tinySettings).steps.map((s) => s.label)).not.toContain(
    'Without distilled models',
  );
});

test('the anchor: refused by id when unknown, by name when the settings leave it without scores', () => {
  expect(() => selectObservations(tinyFile, { ...tinySettings, anchor: 'nope' })).toThrow(
    new SelectionError('anchor benchmark "nope" is not in the data'),
  );
  expect(() => selectObservations(tinyFile, { ...tinySettings, drop: ['winogrande'] })).toThrow(
    'the anchor benchmark "Winogrande" has no scores under these settings: choose another anchor or loosen the filters',
  );
  try {
    selectObservations(tinyFile, { ...tinySettings, anchor: 'nope' });
  } catch (e) {
    expect((e as Error).name).toBe('SelectionError');
  }
  // another anchor: the island is its own scale, and everything else is left out
  const island = selectObservations(tinyFile, { ...tinySettings, anchor: 'island-2' });
  expect(island.versions.map((v) => v.id)).toEqual(['v-island']);
  expect(island.benchmarks.map((b) => b.id)).toEqual(['island', 'island-2']);
  expect(island.anchor).toBe(1);
  expect(island.leftOut.get('v-a')).toMatch(/^shares no benchmark/);
});

test('reaching the anchor through other models: a chain of shared benchmarks is enough', () => {
  // v-x shares only gsm8k with v-c, which shares winogrande with the anchor
  const chained = {
    ...tinyFile,
    benchmarks: [...tinyFile.benchmarks, { ...tinyFile.benchmarks[3]!, id: 'far', name: 'Far' }],
    versions: [...tinyFile.versions, { id: 'v-x', model: 'X' }, { id: 'v-y', model: 'Y' }],
    scores: [
      ...tinyFile.scores,
      [7, 2, 0.4, 0, 0, -1],
      [7, 5, 0.4, 0, 0, -1],
      [8, 5, 0.6, 0, 0, -1],
      [8, 3, 0.6, 0, 0, -1],
    ] as typeof tinyFile.scores,
  };
  const sel = selectObservations(chained, tinySettings);
  // v-y reaches the anchor through far -> v-x -> gsm8k, and brings the island in with it
  expect(sel.versions.map((v) => v.id)).toEqual(['v-a', 'v-b', 'v-c', 'v-d', 'v-island', 'v-x', 'v-y']);
  expect(sel.benchmarks.map((b) => b.id)).toEqual(['winogrande', 'mmlu', 'gsm8k', 'island', 'island-2', 'far']);
  expect(sel.leftOut.has('v-island')).toBe(false);
});

test('the curated dataset’s scores join Epoch’s as their own versions and benchmarks', () => {
  const sel = selectObservations(tinyFile, { ...tinySettings, data: 'all' }, tinyCurated);
  expect(sel.steps).toEqual([
    { label: "Epoch's scores and the curated dataset's", versions: 8, benchmarks: 6, scores: 19 },
    { label: 'At least 2 distinct benchmarks per version', versions: 6, benchmarks: 6, scores: 17 },
    { label: 'Connected to the anchor through shared benchmarks', versions: 5, benchmarks: 4, scores: 15 },
  ]);
  // a curated score above 100% is dropped, leaving Cur Bad one benchmark
  expect(sel.leftOut.get('curated:cur-bad')).toBe('scores on 1 distinct benchmark; the settings need 2');
  expect(sel.benchmarks.map((b) => b.id)).toEqual(['winogrande', 'mmlu', 'gsm8k', 'labs-hle']);
  expect(sel.benchmarks[3]).toEqual({
    id: 'labs-hle',
    name: "HLE (labs' reports)",
    optimized: false,
    source: src(20),
    curatedOnly: true,
  });
  expect(sel.available.map((b) => b.id)).toEqual(['winogrande', 'mmlu', 'gsm8k', 'island', 'island-2', 'labs-hle']);
  expect(sel.available[5]).toEqual({
    id: 'labs-hle',
    name: "HLE (labs' reports)",
    optimized: false,
    curatedOnly: true,
  });
  const curNew = sel.versions.find((v) => v.id === 'curated:cur-new')!;
  // a month-only release date stands for mid-month
  expect(curNew).toEqual({
    id: 'curated:cur-new',
    label: 'Cur New (curated scores)',
    epochModel: 'Cur New',
    date: '2025-02-15',
    curatedId: 'cur-new',
  });
  const vi = sel.versions.indexOf(curNew);
  expect(sel.observations.filter((o) => o.version === vi)).toEqual([
    {
      version: vi,
      benchmark: 1,
      value: 0.9,
      status: 'disclosed',
      source: src(30),
      note: 'five-shot',
      origin: 'curated',
    },
    { version: vi, benchmark: 3, value: 0.3, status: 'disclosed', source: src(30), origin: 'curated' },
  ]);
  // the mapped model adds its scores to Epoch's version, whose own MMLU score wins over the lab's higher one
  expect(sel.versions[0]).toMatchObject({ id: 'v-a', curatedId: 'cur-a' });
  expect(sel.observations.filter((o) => o.version === 0).map((o) => [o.benchmark, o.value, o.origin])).toEqual([
    [0, 0.8, 'epoch'],
    [1, 0.7, 'epoch'],
    [2, 0.5, 'epoch'],
    [3, 0.2, 'curated'],
  ]);
  expect(sel.setAside.map((o) => [o.version, o.benchmark, o.value, o.origin])).toEqual([
    [0, 1, 0.6, 'epoch'],
    [0, 1, 0.8, 'curated'],
  ]);
});

test('with Epoch’s data only, a curated model still names its version, but adds no score', () => {
  const sel = selectObservations(tinyFile, tinySettings, tinyCurated);
  expect(sel.versions[0]).toMatchObject({ id: 'v-a', curatedId: 'cur-a' });
  expect(sel.versions.some((v) => v.id.startsWith('curated:'))).toBe(false);
  expect(sel.observations.every((o) => o.origin === 'epoch')).toBe(true);
  expect(sel.available.some((b) => b.curatedOnly)).toBe(false);
  expect(sel.steps[0]!.label).toBe("Epoch's scores");
  // and 'all' without a curated dataset is Epoch's data
  const alone = selectObservations(tinyFile, { ...tinySettings, data: 'all' });
  expect(alone.observations).toEqual(selectObservations(tinyFile, tinySettings).observations);
});

test('between two scores of the same origin and value the first is kept', () => {
  const twice = { ...tinyFile, scores: [...tinyFile.scores, [0, 0, 0.8, 1, 1, -1]] as typeof tinyFile.scores };
  const sel = selectObservations(twice, tinySettings);
  expect(sel.observations.find((o) => o.version === 0 && o.benchmark === 0)!.source).toEqual(src(0));
  expect(sel.setAside.find((o) => o.benchmark === 0)!.source).toEqual(src(1));
});
