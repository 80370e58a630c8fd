/**
 * What the capability worker does for each request, as a plain async function (so tests, and
 * browsers without module workers, can run it in-thread): load the data once, fit, and bootstrap
 * with progress. Fits are cached per settings key for the bootstrap that follows.
 */
import type { Benchmark, Model } from './schema';
import type { CuratedMap, StitchingFile } from './capabilitySchema';
import { loadBundledCapabilityData } from './capabilityData';
import { bootstrapCapabilities, runCapabilityFit, type BootstrapIntervals, type CapabilityResult } from '../domain/capability/run';
import { settingsKey, type CapabilitySettings } from '../domain/capability/settings';

export type CapabilityRequest =
  | { type: 'fit'; id: number; settings: CapabilitySettings; curated: { models: Model[]; benchmarks: Benchmark[] } }
  | {
      type: 'bootstrap';
      id: number;
      settings: CapabilitySettings;
      curated: { models: Model[]; benchmarks: Benchmark[] };
      iterations: number;
      seed: number;
    };

export type CapabilityResponse =
  | { type: 'result'; id: number; result: CapabilityResult; ms: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'intervals'; id: number; intervals: BootstrapIntervals; ms: number }
  | { type: 'error'; id: number; message: string };

let data: Promise<{ file: StitchingFile; map: CuratedMap }> | undefined;
const fits = new Map<string, CapabilityResult>();

// Stryker disable next-line ConditionalExpression: both clocks exist in Node and browsers; only differences are posted
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

async function fitFor(settings: CapabilitySettings, curated: { models: Model[]; benchmarks: Benchmark[] }): Promise<CapabilityResult> {
  const key = settingsKey(settings);
  const cached = fits.get(key);
  if (cached) return cached;
  data ??= loadBundledCapabilityData();
  const { file, map } = await data;
  const result = runCapabilityFit(file, settings, key, { ...curated, map });
  fits.set(key, result);
  if (fits.size > 20) fits.delete(fits.keys().next().value as string);
  return result;
}

export async function runCapabilityRequest(req: CapabilityRequest, post: (msg: CapabilityResponse) => void): Promise<void> {
  const t0 = now();
  try {
    const result = await fitFor(req.settings, req.curated);
    if (req.type === 'fit') {
      post({ type: 'result', id: req.id, result, ms: now() - t0 });
      return;
    }
    const every = Math.max(1, Math.round(req.iterations / 50));
    const intervals = bootstrapCapabilities(result, req.iterations, req.seed, (done) => {
      if (done % every === 0 || done === req.iterations) post({ type: 'progress', id: req.id, done, total: req.iterations });
    });
    post({ type: 'intervals', id: req.id, intervals, ms: now() - t0 });
  } catch (e) {
    post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
}
