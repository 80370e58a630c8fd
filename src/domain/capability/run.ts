/**
 * One capability fit from data and settings to a plain, serialisable result (what the worker
 * sends back), and the bootstrap of per-version intervals. Pure: no React, no store, no worker.
 */
import type { Benchmark, Model } from '../../data/schema';
import type { CuratedMap, StitchingFile } from '../../data/capabilitySchema';
import { seededRandom } from '../random';
import { normalQuantile } from './progress';
import {
  selectObservations,
  toStitchData,
  type Selection,
  type ScoreObservation,
  type SelectedBenchmark,
  type SelectedVersion,
  type SelectionStep,
} from './select';
import type { CapabilitySettings } from './settings';
import { fitStitch, type StitchData, type StitchParams } from './stitch';

export interface FittedVersion extends SelectedVersion {
  capability: number;
  /** standard error from the objective's curvature */
  se: number;
  /** 90% interval: from the curvature, or the bootstrap once it has run */
  lo: number;
  hi: number;
  /** distinct benchmarks fitted, by id */
  benchmarkIds: string[];
}

export interface FittedBenchmark extends SelectedBenchmark {
  difficulty: number;
  difficultySe: number;
  slope: number;
  slopeSe: number;
  /** versions with a fitted score on it */
  nVersions: number;
  anchor: boolean;
}

export interface CapabilityResult {
  key: string;
  settings: CapabilitySettings;
  versions: FittedVersion[];
  benchmarks: FittedBenchmark[];
  /** the fitted observations (one per version and benchmark) */
  observations: ScoreObservation[];
  /** scores the dedup rule set aside (a lab's figure where Epoch has one, lower repeats) */
  setAside: ScoreObservation[];
  steps: SelectionStep[];
  leftOut: [string, string][];
  available: Selection['available'];
  objective: number;
  sse: number;
  iterations: number;
  converged: boolean;
  /** the fitted parameters before the anchor shift: the bootstrap's warm start */
  raw: StitchParams;
  interval: { method: 'curvature' | 'bootstrap'; level: number; resamples?: number };
}

export const INTERVAL_LEVEL = 0.9;

export function stitchOptions(s: CapabilitySettings, anchor: number, start?: StitchParams) {
  return {
    anchor,
    anchorSlope: 1,
    anchorDifficulty: 0,
    lambda: s.lambda,
    capabilityBound: s.bound,
    slopeBounds: [s.slopeMin, s.slopeMax] as const,
    // the paper's regularised fit starts every free slope at 1 and C, D at small seeded noise
    slopeInit: 1,
    seed: 42,
    ...(start ? { start } : {}),
  };
}

export interface CuratedInput {
  models: readonly Model[];
  benchmarks: readonly Benchmark[];
  map: CuratedMap;
}

export function runCapabilityFit(
  file: StitchingFile,
  settings: CapabilitySettings,
  key: string,
  curated?: CuratedInput,
): CapabilityResult {
  const sel = selectObservations(file, settings, curated);
  const data = toStitchData(sel);
  const fit = fitStitch(data, stitchOptions(settings, sel.anchor));
  const z = normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2);
  const benchIds = sel.versions.map(() => new Set<string>());
  const nVersions = new Array<number>(sel.benchmarks.length).fill(0);
  for (const o of sel.observations) {
    (benchIds[o.version] as Set<string>).add((sel.benchmarks[o.benchmark] as SelectedBenchmark).id);
    nVersions[o.benchmark] = (nVersions[o.benchmark] as number) + 1;
  }
  return {
    key,
    settings,
    versions: sel.versions.map((v, i) => {
      const c = fit.capability[i] as number;
      const se = fit.capabilitySe[i] as number;
      return {
        ...v,
        capability: c,
        se,
        lo: c - z * se,
        hi: c + z * se,
        benchmarkIds: [...(benchIds[i] as Set<string>)],
      };
    }),
    benchmarks: sel.benchmarks.map((b, i) => ({
      ...b,
      difficulty: fit.difficulty[i] as number,
      difficultySe: fit.difficultySe[i] as number,
      slope: fit.slope[i] as number,
      slopeSe: fit.slopeSe[i] as number,
      nVersions: nVersions[i] as number,
      anchor: i === sel.anchor,
    })),
    observations: sel.observations,
    setAside: sel.setAside,
    steps: sel.steps,
    leftOut: [...sel.leftOut.entries()],
    available: sel.available,
    objective: fit.objective,
    sse: fit.sse,
    iterations: fit.iterations,
    converged: fit.converged,
    raw: fit.raw,
    interval: { method: 'curvature', level: INTERVAL_LEVEL },
  };
}

export interface BootstrapIntervals {
  key: string;
  /** per version (same order as the result): percentile interval */
  lo: number[];
  hi: number[];
  /** refits that converged and were used */
  resamples: number;
  level: number;
}

/**
 * Percentile bootstrap over scores: resample the fitted observations with replacement (as
 * multiplicities, so no data is copied), refit from the full fit (a warm start: a few Newton
 * steps), and take each version's 5th and 95th percentiles. A version that drew no score in a
 * resample has nothing to say there and is skipped for that resample; so is a resample without
 * the anchor.
 */
export function bootstrapCapabilities(
  result: CapabilityResult,
  iterations: number,
  seed: number,
  onProgress?: (done: number) => boolean | void,
): BootstrapIntervals {
  const nObs = result.observations.length;
  const anchor = result.benchmarks.findIndex((b) => b.anchor);
  const data: StitchData = {
    nModels: result.versions.length,
    nBenchmarks: result.benchmarks.length,
    model: Int32Array.from(result.observations, (o) => o.version),
    bench: Int32Array.from(result.observations, (o) => o.benchmark),
    score: Float64Array.from(result.observations, (o) => o.value),
    weight: new Float64Array(nObs),
  };
  const weight = data.weight as Float64Array;
  const rand = seededRandom(seed);
  const samples: number[][] = result.versions.map(() => []);
  const opts = stitchOptions(result.settings, anchor, result.raw);
  let used = 0;
  const seen = new Uint8Array(result.versions.length);
  for (let it = 0; it < iterations; it++) {
    weight.fill(0);
    for (let i = 0; i < nObs; i++) {
      const k = Math.floor(rand() * nObs);
      weight[k] = (weight[k] as number) + 1;
    }
    seen.fill(0);
    let anchorSeen = false;
    // Stryker disable next-line EqualityOperator: one past the end the weight reads undefined, which is not > 0
    for (let i = 0; i < nObs; i++)
      if ((weight[i] as number) > 0) {
        seen[data.model[i] as number] = 1;
        if (data.bench[i] === anchor) anchorSeen = true;
      }
    if (anchorSeen) {
      const fit = fitStitch(data, { ...opts, maxIterations: 200 });
      if (fit.converged) {
        used++;
        // Stryker disable next-line EqualityOperator: one past the end, seen[] reads undefined (falsy) and nothing is pushed
        for (let m = 0; m < samples.length; m++)
          if (seen[m]) (samples[m] as number[]).push(fit.capability[m] as number);
      }
    }
    if (onProgress && onProgress(it + 1) === false) break;
  }
  const a = (1 - INTERVAL_LEVEL) / 2;
  const q = (xs: number[], p: number) => {
    // Stryker disable next-line ConditionalExpression: without it an empty list gives NaN too (xs[-1] is undefined); the guard says so plainly
    if (xs.length === 0) return Number.NaN;
    const pos = (xs.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return (xs[lo] as number) + ((xs[hi] as number) - (xs[lo] as number)) * (pos - lo);
  };
  const lo: number[] = [];
  const hi: number[] = [];
  for (const s of samples) {
    s.sort((x, y) => x - y);
    lo.push(q(s, a));
    hi.push(q(s, 1 - a));
  }
  return { key: result.key, lo, hi, resamples: used, level: INTERVAL_LEVEL };
}
