/**
 * Reproducible synthetic datasets for the benchmark: the curated models, jittered with a seeded
 * PRNG (mulberry32, src/domain/random.ts) so 100, 1,000 or 10,000 models look like the real ones (same statuses,
 * sources, chips and benchmark coverage) without committing a 10,000-row file.
 */
import type { Model, Sourced } from '../../src/data/schema';
import { seededRandom } from '../../src/domain/random';

const NUMERIC: (keyof Model)[] = [
  'totalParams',
  'activeParams',
  'trainingTokens',
  'trainingFlop',
  'chipCount',
  'trainingDurationHours',
  'gpuHours',
  'reportedCostUsd',
  'usdPerMillionInputTokens',
  'usdPerMillionOutputTokens',
];

export function makeSynthetic(base: readonly Model[], n: number, seed = 42): Model[] {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const out: Model[] = [];
  for (let i = 0; i < n; i++) {
    const m = base[i % base.length] as Model;
    const factor = Math.exp(gauss() * 0.35);
    const jitter = (s: Sourced | undefined, f = factor): Sourced | undefined =>
      s && {
        ...s,
        value: s.value * f,
        ...(s.range ? { range: [s.range[0] * f, s.range[1] * f] as [number, number] } : {}),
      };
    const copy: Model = { ...m, id: `${m.id}-s${i}`, name: `${m.name} #${i}`, benchmarks: {} };
    for (const k of NUMERIC) {
      const v = jitter(m[k] as Sourced | undefined);
      if (v) (copy as Record<string, unknown>)[k] = v;
      else delete (copy as Record<string, unknown>)[k];
    }
    if (
      m.activeParams &&
      m.totalParams &&
      copy.activeParams &&
      copy.totalParams &&
      copy.activeParams.value > copy.totalParams.value
    )
      copy.activeParams = { ...copy.activeParams, value: copy.totalParams.value };
    for (const [b, s] of Object.entries(m.benchmarks)) {
      const v = Math.min(100, Math.max(0.1, s.value + gauss() * 3));
      copy.benchmarks[b] = {
        ...s,
        value: Math.round(v * 10) / 10,
        ...(s.range ? { range: [Math.min(v, s.range[0]), Math.max(v, s.range[1])] as [number, number] } : {}),
      };
    }
    delete copy.baseModelId;
    const year = Number(m.releaseDate.slice(0, 4));
    const month = Math.min(12, Math.max(1, Number(m.releaseDate.slice(5, 7)) + Math.round(gauss() * 3)));
    copy.releaseDate = `${year}-${String(month).padStart(2, '0')}`;
    out.push(copy);
  }
  return out;
}
