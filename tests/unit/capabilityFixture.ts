/**
 * A stitching file and a curated dataset small enough to reason about by hand (and to fit in
 * milliseconds), built to touch every rule of the selection: duplicate scores, a version on one
 * benchmark, one without a date, a distilled one, an island of versions that shares no benchmark
 * with the anchor, curated models mapped to a version or standing alone, and curated benchmarks
 * that are Epoch's, the labs' own, not fitted, or not percentages.
 */
import type { CuratedMap, StitchingFile } from '../../src/data/capabilitySchema';
import type { Benchmark, Model, Source } from '../../src/data/schema';
import type { CapabilitySettings } from '../../src/domain/capability/settings';

const src = (n: number): Source => ({ title: `Source ${n}`, url: `https://example.org/${n}` });

const bench = (id: string, name: string, extra: Partial<StitchingFile['benchmarks'][number]> = {}) => ({
  id,
  name,
  file: `external_benchmark_${id}.csv`,
  column: 'Score',
  scale: 'percent' as const,
  optimized: false,
  coding: false,
  math: false,
  ...extra,
});

export const tinyFile: StitchingFile = {
  attribution: { name: 'Test', licence: 'MIT', citation: 'Test data', url: 'https://example.org' },
  benchmarks: [
    bench('winogrande', 'Winogrande', { releaseDate: '2019-07-01' }),
    bench('mmlu', 'MMLU', { optimized: true, source: src(9) }),
    bench('gsm8k', 'GSM8K', { math: true }),
    bench('island', 'Island'),
    bench('island-2', 'Island 2'),
  ],
  versions: [
    {
      id: 'v-a',
      model: 'Model A',
      displayName: 'Model A',
      date: '2023-01-10',
      notable: 'Model A',
      developer: 'Lab A',
      bloc: 'United States',
    },
    { id: 'v-b', model: 'Model B', date: '2022-06-01', distilled: true },
    { id: 'v-c', model: '' },
    {
      id: 'v-d',
      model: 'D',
      displayName: 'Model D',
      date: '2024-03-01',
      distilled: false,
      notable: 'Unknown to Epoch',
    },
    { id: 'v-island', model: 'Island', date: '2024-01-01' },
    { id: 'v-one', model: 'One', date: '2024-01-01' },
    { id: 'v-noscore', model: 'None', date: '2024-01-01' },
  ],
  sources: [src(0), src(1)],
  statuses: ['estimate', 'disclosed'],
  notes: ['best of two runs'],
  // [version, benchmark, score, source, status, note]
  scores: [
    [0, 0, 0.8, 0, 0, -1],
    [0, 1, 0.6, 0, 0, -1],
    [0, 1, 0.7, 1, 1, 0],
    [0, 2, 0.5, 0, 0, -1],
    [1, 0, 0.7, 0, 0, -1],
    [1, 1, 0.5, 0, 0, -1],
    [2, 0, 0.6, 0, 0, -1],
    [2, 2, 0.3, 0, 0, -1],
    [3, 1, 0.9, 0, 0, -1],
    [3, 2, 0.8, 0, 0, -1],
    [3, 0, 0.95, 0, 0, -1],
    [4, 3, 0.4, 0, 0, -1],
    [4, 4, 0.5, 0, 0, -1],
    [5, 0, 0.5, 0, 0, -1],
  ],
  notableCompute: {
    'Model A': { flop: 2e24, organization: 'Lab A', bloc: 'United States', epochId: 'model-a' },
  },
};

const curatedBench = (id: string, name: string, unit: Benchmark['unit'] = 'percent'): Benchmark => ({
  id,
  name,
  measures: `${name} tasks`,
  unit,
  higherIsBetter: true,
  source: src(20),
});

const score = (value: number, note?: string) => ({
  value,
  status: 'disclosed' as const,
  source: src(30),
  ...(note ? { note } : {}),
});

const model = (id: string, name: string, releaseDate: string, benchmarks: Model['benchmarks']): Model => ({
  id,
  name,
  lab: 'Lab',
  country: 'US',
  bloc: 'United States',
  releaseDate,
  openWeights: false,
  architecture: 'dense',
  benchmarks,
});

export const tinyCurated: { models: Model[]; benchmarks: Benchmark[]; map: CuratedMap } = {
  models: [
    model('cur-a', 'Cur A', '2023-01-10', { mmlu: score(80), hle: score(20) }),
    model('cur-new', 'Cur New', '2025-02', {
      mmlu: score(90, 'five-shot'),
      hle: score(30),
      gpqa: score(50),
      arena: score(60),
    }),
    model('cur-bad', 'Cur Bad', '2025-03-01', { mmlu: score(150), hle: score(40) }),
  ],
  benchmarks: [
    curatedBench('mmlu', 'MMLU'),
    curatedBench('hle', 'HLE'),
    curatedBench('gpqa', 'GPQA'),
    curatedBench('arena', 'Arena', 'elo'),
    curatedBench('swe', 'SWE'),
  ],
  map: {
    versions: {
      'cur-a': { version: 'v-a', why: 'the same model' },
      'cur-new': { version: null, why: 'not in Epoch’s data' },
      'cur-bad': { version: null, why: 'not in Epoch’s data' },
    },
    benchmarks: {
      mmlu: { stitch: 'mmlu', fitted: true, why: 'the same benchmark' },
      hle: { stitch: null, fitted: true, why: 'labs’ own reports' },
      gpqa: { stitch: null, fitted: false, why: 'not fitted' },
      arena: { stitch: null, fitted: true, why: 'an Elo, not a fraction' },
      swe: { stitch: 'no-such-benchmark', fitted: true, why: 'mapped to a benchmark the file lacks' },
    },
  },
};

export const tinySettings: CapabilitySettings = {
  anchor: 'winogrande',
  lambda: 0.1,
  bound: 10,
  slopeMin: 0.1,
  slopeMax: 10,
  minBenchmarks: 2,
  drop: [],
  distilled: true,
  data: 'epoch',
};
