import { expect, test } from 'vitest';
import {
  bootstrapCapabilities,
  INTERVAL_LEVEL,
  runCapabilityFit,
  stitchOptions,
} from '../../src/domain/capability/run';
import { selectObservations, toStitchData } from '../../src/domain/capability/select';
import { fitStitch } from '../../src/domain/capability/stitch';
import { seededRandom } from '../../src/domain/random';
import { tinyCurated, tinyFile, tinySettings } from './capabilityFixture';

/** z for a two-sided 90% interval, from printed tables */
const Z90 = 1.6448536;

test('the fit’s options: the paper’s anchor slope 1 and difficulty 0, the settings’ λ and bounds, seed 42', () => {
  expect(stitchOptions({ ...tinySettings, lambda: 0.3, bound: 7, slopeMin: 0.2, slopeMax: 5 }, 2)).toEqual({
    anchor: 2,
    anchorSlope: 1,
    anchorDifficulty: 0,
    lambda: 0.3,
    capabilityBound: 7,
    slopeBounds: [0.2, 5],
    slopeInit: 1,
    seed: 42,
  });
  const start = { capability: new Float64Array(1), difficulty: new Float64Array(1), slope: new Float64Array(1) };
  expect(stitchOptions(tinySettings, 0, start).start).toBe(start);
  expect('start' in stitchOptions(tinySettings, 0)).toBe(false);
  expect(INTERVAL_LEVEL).toBe(0.9);
});

test('a fit’s result: each version’s capability with a 90% interval, each benchmark with its counts', () => {
  const settings = { ...tinySettings, data: 'all' as const };
  const r = runCapabilityFit(tinyFile, settings, 'the-key', tinyCurated);
  const sel = selectObservations(tinyFile, settings, tinyCurated);
  const f = fitStitch(toStitchData(sel), stitchOptions(settings, sel.anchor));
  expect(r.key).toBe('the-key');
  expect(r.settings).toBe(settings);
  expect(r.versions.map((v) => v.id)).toEqual(sel.versions.map((v) => v.id));
  r.versions.forEach((v, i) => {
    expect(v).toMatchObject(sel.versions[i]!);
    expect(v.capability).toBe(f.capability[i]);
    expect(v.se).toBe(f.capabilitySe[i]);
    expect(v.se).toBeGreaterThan(0);
    expect(v.lo).toBeCloseTo(v.capability - Z90 * v.se, 6);
    expect(v.hi).toBeCloseTo(v.capability + Z90 * v.se, 6);
  });
  // the distinct benchmarks each version was fitted on, by id
  expect(r.versions.map((v) => v.benchmarkIds)).toEqual([
    ['winogrande', 'mmlu', 'gsm8k', 'labs-hle'],
    ['winogrande', 'mmlu'],
    ['winogrande', 'gsm8k'],
    ['mmlu', 'gsm8k', 'winogrande'],
    ['mmlu', 'labs-hle'],
  ]);
  expect(r.benchmarks.map((b) => [b.id, b.nVersions, b.anchor])).toEqual([
    ['winogrande', 4, true],
    ['mmlu', 4, false],
    ['gsm8k', 3, false],
    ['labs-hle', 2, false],
  ]);
  r.benchmarks.forEach((b, i) => {
    expect(b).toMatchObject(sel.benchmarks[i]!);
    expect([b.difficulty, b.difficultySe, b.slope, b.slopeSe]).toEqual([
      f.difficulty[i],
      f.difficultySe[i],
      f.slope[i],
      f.slopeSe[i],
    ]);
  });
  expect(r.observations).toEqual(sel.observations);
  expect(r.setAside).toEqual(sel.setAside);
  expect(r.steps).toEqual(sel.steps);
  expect(r.leftOut).toEqual([...sel.leftOut.entries()]);
  expect(r.available).toEqual(sel.available);
  expect([r.objective, r.sse, r.iterations, r.converged]).toEqual([f.objective, f.sse, f.iterations, f.converged]);
  expect(r.converged).toBe(true);
  expect(r.raw).toEqual(f.raw);
  expect(r.interval).toEqual({ method: 'curvature', level: 0.9 });
});

/** The bootstrap redone by hand: the same draws, a refit per resample, percentiles of each version. */
function bootstrapOracle(iterations: number, seed: number) {
  const r = runCapabilityFit(tinyFile, tinySettings, 'k');
  const n = r.observations.length;
  const anchor = r.benchmarks.findIndex((b) => b.anchor);
  const rand = seededRandom(seed);
  const samples: number[][] = r.versions.map(() => []);
  let used = 0;
  for (let it = 0; it < iterations; it++) {
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) weight[Math.floor(rand() * n)]! += 1;
    if (!r.observations.some((o, i) => weight[i]! > 0 && o.benchmark === anchor)) continue;
    const f = fitStitch(
      {
        nModels: r.versions.length,
        nBenchmarks: r.benchmarks.length,
        model: Int32Array.from(r.observations, (o) => o.version),
        bench: Int32Array.from(r.observations, (o) => o.benchmark),
        score: Float64Array.from(r.observations, (o) => o.value),
        weight,
      },
      { ...stitchOptions(tinySettings, anchor, r.raw), maxIterations: 200 },
    );
    if (!f.converged) continue;
    used++;
    r.versions.forEach((_, m) => {
      if (r.observations.some((o, i) => o.version === m && weight[i]! > 0)) samples[m]!.push(f.capability[m]!);
    });
  }
  const pct = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    if (s.length === 0) return Number.NaN;
    const h = (s.length - 1) * q;
    return s[Math.floor(h)]! + (h - Math.floor(h)) * (s[Math.ceil(h)]! - s[Math.floor(h)]!);
  };
  return { r, used, lo: samples.map((s) => pct(s, 0.05)), hi: samples.map((s) => pct(s, 0.95)) };
}

test('bootstrap intervals: the 5th and 95th percentiles of refits on resampled scores (independent redo)', () => {
  const o = bootstrapOracle(60, 5);
  const b = bootstrapCapabilities(o.r, 60, 5);
  expect(b.key).toBe('k');
  expect(b.level).toBe(0.9);
  expect(b.resamples).toBe(o.used);
  // a resample without the anchor's scores is skipped: with 10 scores, 3 of them the anchor's, some are
  expect(b.resamples).toBeLessThan(60);
  expect(b.resamples).toBeGreaterThan(40);
  b.lo.forEach((lo, m) => {
    expect(lo).toBeCloseTo(o.lo[m]!, 6);
    expect(b.hi[m]).toBeCloseTo(o.hi[m]!, 6);
    expect(lo).toBeLessThan(b.hi[m]!);
  });
  // a different seed draws different resamples
  expect(bootstrapCapabilities(o.r, 60, 6).lo).not.toEqual(b.lo);
});

test('no resample, no interval; progress can stop the bootstrap', () => {
  const r = runCapabilityFit(tinyFile, tinySettings, 'k');
  const none = bootstrapCapabilities(r, 0, 1);
  expect(none.resamples).toBe(0);
  expect(none.lo.every((x) => Number.isNaN(x))).toBe(true);
  expect(none.hi.every((x) => Number.isNaN(x))).toBe(true);
  const seen: number[] = [];
  const stopped = bootstrapCapabilities(r, 30, 2, (done) => {
    seen.push(done);
    return done === 4 ? false : undefined;
  });
  expect(seen).toEqual([1, 2, 3, 4]);
  expect(stopped.resamples).toBeLessThanOrEqual(4);
  // returning true (or nothing) carries on
  const all: number[] = [];
  bootstrapCapabilities(r, 6, 2, (done) => {
    all.push(done);
    return true;
  });
  expect(all).toEqual([1, 2, 3, 4, 5, 6]);
});
