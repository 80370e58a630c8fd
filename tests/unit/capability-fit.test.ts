import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCuratedMap, parseStitching } from '../../src/data/capabilityData';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { bootstrapCapabilities, runCapabilityFit } from '../../src/domain/capability/run';
import { selectObservations, SelectionError, toStitchData } from '../../src/domain/capability/select';
import {
  DEFAULT_CAPABILITY_SETTINGS,
  PUBLISHED_SETTINGS,
  settingsKey,
  type CapabilitySettings,
} from '../../src/domain/capability/settings';
import { fitStitch, predictScore, type StitchData, type StitchOptions } from '../../src/domain/capability/stitch';
import { seededRandom } from '../../src/domain/random';

const root = resolve(import.meta.dirname, '../..');
const file = parseStitching(JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8')));
const map = parseCuratedMap(JSON.parse(readFileSync(resolve(root, 'data/capability/joins/curated-map.json'), 'utf8')));
const curated = { models: loadCurated().models, benchmarks: loadReference().benchmarks, map };
/** an independent scipy implementation of the paper's fit, run on the same raw files (see its _about) */
const oracle = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/capability-oracle.json'), 'utf8')) as {
  variants: Record<
    string,
    {
      n_versions: number;
      n_benchmarks: number;
      n_scores: number;
      objective: number;
      capabilities: Record<string, number>;
      benchmarks: Record<string, { difficulty: number; slope: number }>;
    }
  >;
};

const fit = (s: CapabilitySettings) => runCapabilityFit(file, s, settingsKey(s));
/**
 * A fit shared by several tests, made on first use inside a test rather than in a describe body:
 * work done while tests are collected is invisible to mutation testing (npm run test:mutation runs
 * it before a mutant is switched on), so results made there could never catch a wrong number.
 */
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

function normal(rand: () => number) {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const baseOptions: StitchOptions = {
  anchor: 0,
  anchorSlope: 1,
  anchorDifficulty: 0,
  lambda: 0.1,
  capabilityBound: 10,
  slopeBounds: [0.1, 10],
  slopeInit: 1,
  seed: 42,
};

/** Scores drawn from known capabilities, difficulties and slopes, with noise. */
function synthetic(seed: number, nModels = 150, nBench = 25, noise = 0.02, density = 0.3) {
  const rand = seededRandom(seed);
  const C = Array.from({ length: nModels }, () => normal(rand) * 1.2);
  const D = Array.from({ length: nBench }, () => normal(rand) * 1.2);
  const A = Array.from({ length: nBench }, (_, j) => (j === 0 ? 1 : 0.6 + rand() * 2));
  const m: number[] = [];
  const b: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < nModels; i++)
    for (let j = 0; j < nBench; j++)
      if (rand() < density || j === i % nBench) {
        m.push(i);
        b.push(j);
        y.push(Math.min(1, Math.max(0, predictScore(C[i]!, D[j]!, A[j]!) + normal(rand) * noise)));
      }
  const data: StitchData = {
    nModels,
    nBenchmarks: nBench,
    model: Int32Array.from(m),
    bench: Int32Array.from(b),
    score: Float64Array.from(y),
  };
  return { data, C, D, A };
}

function correlation(xs: readonly number[], ys: readonly number[]) {
  const n = xs.length;
  const mx = xs.reduce((a, v) => a + v, 0) / n;
  const my = ys.reduce((a, v) => a + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('the published settings reproduce the paper on Epoch’s data', () => {
  const published = once(() => fit(PUBLISHED_SETTINGS));
  const ref = oracle.variants.published!;

  test('179 model versions, 38 benchmarks, 1,324 scores', () => {
    const r = published();
    expect(r.versions).toHaveLength(179);
    expect(r.benchmarks).toHaveLength(38);
    expect(r.observations).toHaveLength(1324);
    expect([r.versions.length, r.benchmarks.length, r.observations.length]).toEqual([
      ref.n_versions,
      ref.n_benchmarks,
      ref.n_scores,
    ]);
    expect(r.steps.map((s) => s.label)).toEqual([
      "Epoch's scores",
      'At least 4 distinct benchmarks per version',
      'Released on or after 2022-11-01',
      'Connected to the anchor through shared benchmarks',
    ]);
    expect(r.converged).toBe(true);
  });

  test('every capability agrees with the independent scipy fit (to 1e-3, so to two decimals up to rounding)', () => {
    const r = published();
    const byId = new Map(r.versions.map((v) => [v.id, v.capability]));
    const ids = Object.keys(ref.capabilities);
    expect(ids).toHaveLength(179);
    for (const id of ids) expect(Math.abs((byId.get(id) as number) - ref.capabilities[id]!), id).toBeLessThan(1e-3);
    // the penalised objective is at least as low as scipy's (scipy stops at its default tolerances)
    expect(r.objective).toBeLessThanOrEqual(ref.objective + 1e-7);
  });

  test('benchmark difficulties and slopes agree with it, and the anchor sits at difficulty 0 with slope 1', () => {
    const r = published();
    for (const b of r.benchmarks) {
      const o = ref.benchmarks[b.name];
      expect(o, b.name).toBeDefined();
      expect(Math.abs(b.difficulty - o!.difficulty), b.name).toBeLessThan(5e-3);
      expect(Math.abs(b.slope - o!.slope), b.name).toBeLessThan(5e-3);
    }
    const anchor = r.benchmarks.find((b) => b.anchor)!;
    expect(anchor.name).toBe('Winogrande');
    expect(anchor.difficulty).toBeCloseTo(0, 12);
    expect(anchor.slope).toBe(1);
  });

  test.each([
    ['lambda_0', { lambda: 0 }],
    ['anchor_mmlu', { anchor: 'mmlu' }],
    ['min_2_benchmarks', { minBenchmarks: 2 }],
    ['no_date_filter', { from: undefined }],
  ] as const)('variant %s agrees with the oracle', (name, patch) => {
    const v = fit({ ...PUBLISHED_SETTINGS, ...patch });
    const o = oracle.variants[name]!;
    expect(v.versions.length).toBe(o.n_versions);
    expect(v.benchmarks.length).toBe(o.n_benchmarks);
    const byId = new Map(v.versions.map((x) => [x.id, x.capability]));
    // λ = 0 leaves three slopes on a bound and the optimum flatter: a looser tolerance there
    const tol = name === 'lambda_0' ? 5e-3 : 1e-3;
    for (const [id, c] of Object.entries(o.capabilities))
      expect(Math.abs((byId.get(id) as number) - c), `${name} ${id}`).toBeLessThan(tol);
  });
});

describe('the fit', () => {
  test('recovers known capabilities from simulated scores', () => {
    const { data, C, D } = synthetic(11);
    const f = fitStitch(data, baseOptions);
    expect(f.converged).toBe(true);
    // the truth on the fitted scale: capabilities relative to the anchor benchmark's difficulty
    const truth = C.map((c) => c - D[0]!);
    expect(correlation(truth, [...f.capability])).toBeGreaterThanOrEqual(0.99);
    const errors = truth.map((t, i) => Math.abs(t - f.capability[i]!)).sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.1);
  });

  test('the anchor fixes the scale: moving its difficulty moves every capability and difficulty by the same amount', () => {
    const { data } = synthetic(3, 60, 12);
    const at0 = fitStitch(data, baseOptions);
    const at1 = fitStitch(data, { ...baseOptions, anchorDifficulty: 1.5 });
    for (let m = 0; m < data.nModels; m++) expect(at1.capability[m]! - at0.capability[m]!).toBeCloseTo(1.5, 9);
    for (let b = 0; b < data.nBenchmarks; b++) expect(at1.difficulty[b]! - at0.difficulty[b]!).toBeCloseTo(1.5, 9);
    expect(at1.difficulty[0]).toBeCloseTo(1.5, 12);
  });

  test('λ = 0 fits the scores at least as closely as λ = 0.1, and λ shrinks the parameters', () => {
    const { data } = synthetic(5, 80, 15);
    const free = fitStitch(data, { ...baseOptions, lambda: 0 });
    const ridge = fitStitch(data, { ...baseOptions, lambda: 0.1 });
    expect(free.objective).toBeCloseTo(free.sse, 12);
    expect(ridge.objective).toBeGreaterThan(ridge.sse);
    expect(free.sse).toBeLessThanOrEqual(ridge.sse + 1e-12);
    const norm = (f: typeof free) => {
      let s = 0;
      for (const v of f.raw.capability) s += v * v;
      for (const v of f.raw.difficulty) s += v * v;
      return s;
    };
    expect(norm(ridge)).toBeLessThan(norm(free));
  });

  test('keeps every parameter within its bounds', () => {
    const { data } = synthetic(9, 60, 12, 0.05);
    const f = fitStitch(data, { ...baseOptions, capabilityBound: 1.5, slopeBounds: [0.5, 1.2] });
    for (const a of f.slope) {
      expect(a).toBeGreaterThanOrEqual(0.5 - 1e-12);
      expect(a).toBeLessThanOrEqual(1.2 + 1e-12);
    }
    for (const c of f.raw.capability) expect(Math.abs(c)).toBeLessThanOrEqual(1.5 + 1e-12);
    expect(f.converged).toBe(true);
  });

  test('does not depend on where it starts', () => {
    const { data } = synthetic(21, 60, 12);
    const a = fitStitch(data, { ...baseOptions, seed: 1 });
    const b = fitStitch(data, { ...baseOptions, seed: 999 });
    const c = fitStitch(data, { ...baseOptions, seed: undefined, slopeInit: 0.05 });
    for (let m = 0; m < data.nModels; m++) {
      expect(Math.abs(a.capability[m]! - b.capability[m]!)).toBeLessThan(1e-5);
      expect(Math.abs(a.capability[m]! - c.capability[m]!)).toBeLessThan(1e-5);
    }
  });

  test('a capability resting on fewer scores gets a wider interval', () => {
    const { data } = synthetic(13, 80, 20, 0.03, 0.5);
    const full = fitStitch(data, baseOptions);
    // keep only two of model 0's scores
    let kept = 0;
    const keep = [...data.score.keys()].filter((i) => data.model[i] !== 0 || kept++ < 2);
    const thin: StitchData = {
      ...data,
      model: Int32Array.from(keep, (i) => data.model[i]!),
      bench: Int32Array.from(keep, (i) => data.bench[i]!),
      score: Float64Array.from(keep, (i) => data.score[i]!),
    };
    const thinned = fitStitch(thin, baseOptions);
    expect(thinned.capabilitySe[0]).toBeGreaterThan(1.5 * full.capabilitySe[0]!);
    const r = fit(PUBLISHED_SETTINGS);
    for (const v of r.versions) {
      expect(v.se).toBeGreaterThan(0);
      expect(v.lo).toBeLessThan(v.capability);
      expect(v.hi).toBeGreaterThan(v.capability);
    }
  });

  test('refuses data it cannot fit, naming what is wrong', () => {
    const { data } = synthetic(1, 10, 4);
    expect(() => fitStitch({ ...data, score: data.score.map((s, i) => (i === 3 ? 1.4 : s)) }, baseOptions)).toThrow(
      /observation 3: score 1.4/,
    );
    expect(() => fitStitch(data, { ...baseOptions, anchor: 9 })).toThrow(/anchor benchmark index 9/);
    expect(() => fitStitch(data, { ...baseOptions, lambda: -1 })).toThrow(/λ must be a non-negative/);
  });
});

describe('selection', () => {
  test('a model with no benchmark in common with the rest is refused with a message, not given a number', () => {
    const lonely = { id: 'lonely-model', model: 'Lonely', date: '2025-01-01' };
    const lonelyBench = { ...file.benchmarks[0]!, id: 'lonely-bench', name: 'Lonely bench' };
    const withLonely = {
      ...file,
      versions: [...file.versions, lonely],
      benchmarks: [...file.benchmarks, lonelyBench],
      scores: [
        ...file.scores,
        [file.versions.length, file.benchmarks.length, 0.4, 0, 0, -1],
        [file.versions.length, file.benchmarks.length, 0.5, 0, 0, -1],
      ] as typeof file.scores,
    };
    const sel = selectObservations(withLonely, { ...PUBLISHED_SETTINGS, minBenchmarks: 1, from: undefined });
    expect(sel.versions.some((v) => v.id === 'lonely-model')).toBe(false);
    expect(sel.leftOut.get('lonely-model')).toMatch(/shares no benchmark.*cannot be placed on this scale/);
    expect(sel.benchmarks.some((b) => b.id === 'lonely-bench')).toBe(false);
  });

  test('an anchor without scores under the settings is refused by name', () => {
    expect(() => selectObservations(file, { ...PUBLISHED_SETTINGS, drop: ['winogrande'] })).toThrow(SelectionError);
    expect(() => selectObservations(file, { ...PUBLISHED_SETTINGS, anchor: 'no-such-bench' })).toThrow(
      /anchor benchmark "no-such-bench"/,
    );
  });

  test('leaving out the benchmarks labs optimise for is the paper’s robustness check', () => {
    const optimised = file.benchmarks.filter((b) => b.optimized && b.id !== 'weirdml').map((b) => b.id);
    const r = fit({ ...PUBLISHED_SETTINGS, anchor: 'weirdml', drop: optimised });
    expect(r.benchmarks.every((b) => !b.optimized)).toBe(true);
    expect(r.versions.length).toBeGreaterThan(10);
    expect(r.versions.length).toBeLessThan(179);
  });

  test('distilled versions can be left out', () => {
    const all = selectObservations(file, PUBLISHED_SETTINGS);
    const noDistilled = selectObservations(file, { ...PUBLISHED_SETTINGS, distilled: false });
    const distilledIds = all.versions.filter((v) => v.distilled === true).map((v) => v.id);
    expect(distilledIds.length).toBeGreaterThan(0);
    for (const id of distilledIds) expect(noDistilled.versions.some((v) => v.id === id)).toBe(false);
  });

  test('the curated dataset’s scores join Epoch’s, so the 2026 models get a capability', () => {
    const r = runCapabilityFit(file, DEFAULT_CAPABILITY_SETTINGS, 'default', curated);
    const ids = new Set(r.versions.map((v) => v.curatedId));
    for (const id of ['deepseek-v4-pro', 'gpt-5.5', 'qwen3.6-35b-a3b']) expect(ids.has(id), id).toBe(true);
    // curated-only benchmarks (HLE, SWE-Bench Pro…) enter as benchmarks of their own
    expect(r.benchmarks.some((b) => b.curatedOnly)).toBe(true);
    // a curated model mapped to an Epoch version adds its scores there instead of becoming a second version
    const gpt4 = r.versions.filter((v) => v.curatedId === 'gpt-4');
    expect(gpt4).toHaveLength(1);
    expect(gpt4[0]!.id).toBe(map.versions['gpt-4']!.version);
  });

  test('where Epoch and a lab both give a score, the fit uses Epoch’s and the lab’s stays visible beside it', () => {
    const r = runCapabilityFit(file, DEFAULT_CAPABILITY_SETTINGS, 'default', curated);
    const vi = r.versions.findIndex((v) => v.curatedId === 'claude-3-opus');
    const bi = r.benchmarks.findIndex((b) => b.id === 'mmlu');
    const used = r.observations.filter((o) => o.version === vi && o.benchmark === bi);
    const aside = r.setAside.filter((o) => o.version === vi && o.benchmark === bi);
    expect(used).toHaveLength(1);
    expect(used[0]!.origin).toBe('epoch');
    // Anthropic's own 86.8 (5-shot) stays visible, set aside
    expect(aside.some((o) => o.origin === 'curated' && Math.abs(o.value - 0.868) < 1e-9)).toBe(true);
  });

  test('labs’ own GPQA and SWE-bench figures are a measurement of their own, not Epoch’s harness runs', () => {
    const r = runCapabilityFit(file, DEFAULT_CAPABILITY_SETTINGS, 'default', curated);
    const labsGpqa = r.benchmarks.find((b) => b.id === 'labs-gpqa-diamond');
    const epochGpqa = r.benchmarks.find((b) => b.name === 'GPQA diamond');
    expect(labsGpqa?.name).toBe("GPQA Diamond (labs' reports)");
    expect(epochGpqa?.curatedOnly).toBe(false);
    // calibrated through the models that have both, labs' reports come out easier than Epoch's runs
    expect(labsGpqa!.difficulty).toBeLessThan(epochGpqa!.difficulty);
  });
});

describe('bootstrap intervals', () => {
  const eightBenchmarks = once(() => fit({ ...PUBLISHED_SETTINGS, minBenchmarks: 8 }));

  test('are reproducible from their seed and contain the fitted capability for most versions', () => {
    const small = eightBenchmarks();
    const a = bootstrapCapabilities(small, 20, 7);
    const b = bootstrapCapabilities(small, 20, 7);
    expect(a.lo).toEqual(b.lo);
    expect(a.resamples).toBeGreaterThan(15);
    const inside = small.versions.filter(
      (v, i) => a.lo[i]! <= v.capability + 0.05 && v.capability - 0.05 <= a.hi[i]!,
    ).length;
    expect(inside / small.versions.length).toBeGreaterThan(0.9);
  });

  test('report progress and stop when asked', () => {
    const small = eightBenchmarks();
    const seen: number[] = [];
    const r = bootstrapCapabilities(small, 50, 3, (done) => {
      seen.push(done);
      return done < 5;
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(r.resamples).toBeLessThanOrEqual(5);
  });
});

test('the fit’s input is one observation per version and benchmark', () => {
  const sel = selectObservations(file, PUBLISHED_SETTINGS);
  const data = toStitchData(sel);
  const pairs = new Set<string>();
  for (let i = 0; i < data.score.length; i++) pairs.add(`${data.model[i]}:${data.bench[i]}`);
  expect(pairs.size).toBe(data.score.length);
});
