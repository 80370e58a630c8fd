/**
 * What the Capability tab draws, computed without React: one point per fitted version with its
 * bloc, interval, compute and place against the compute trend; the iso-date lines of the joint
 * fit; the per-benchmark curves. The components only draw these.
 */
import type { Model } from '../data/schema';
import type { Provenance } from '../domain/estimate';
import { expectedCapability, type ProgressFit } from '../domain/capability/progress';
import { predictScore } from '../domain/capability/stitch';
import type { BootstrapIntervals, CapabilityResult, FittedBenchmark } from '../domain/capability/run';
import { releaseTimeMs } from '../domain/dates';
import { formatValue } from '../domain/format';
import type { ModelCapability } from './capability';
import type { ProgressView } from './capabilityProgress';
import { memoLast } from './memo';
import type { Row } from './selectors';

export interface CapabilityPoint {
  versionId: string;
  label: string;
  /** the on-screen dataset's model this version stands for (opens its derivation card) */
  modelId?: string;
  modelName?: string;
  date?: string;
  dateMs?: number;
  capability: number;
  lo: number;
  hi: number;
  bloc: string;
  nBenchmarks: number;
  benchmarkIds: string[];
  distilled?: boolean;
  flop?: number;
  computeProvenance?: Provenance;
  computeBasis?: string;
  /** actual ÷ trend-needed compute at its release date (below 1: less compute than the trend) */
  vsTrend?: number;
  vsTrendRange?: [number, number];
}

export const capabilityPoints = memoLast(
  (
    result: CapabilityResult | undefined,
    rows: readonly Row[],
    byModel: ReadonlyMap<string, ModelCapability>,
    curated: readonly Model[],
    boot: BootstrapIntervals | undefined,
    progress: ProgressView,
  ): CapabilityPoint[] => {
    if (!result) return [];
    const rowOfVersion = new Map<string, Row>();
    for (const r of rows) {
      const c = byModel.get(r.model.id);
      if (c) rowOfVersion.set(c.version.id, r);
    }
    const curatedById = new Map(curated.map((m) => [m.id, m]));
    const progressById = new Map(progress.points.map((p) => [p.id, p]));
    const useBoot = boot && boot.key === result.key;
    return result.versions.map((v, i) => {
      const row = rowOfVersion.get(v.id);
      const cm = v.curatedId ? curatedById.get(v.curatedId) : undefined;
      const bloc = row?.model.bloc ?? cm?.bloc ?? v.epoch?.bloc ?? v.bloc ?? 'Other';
      const p = progressById.get(v.id);
      const bl = useBoot ? boot.lo[i] : undefined;
      const bh = useBoot ? boot.hi[i] : undefined;
      const lo = bl !== undefined && Number.isFinite(bl) ? Math.min(bl, v.capability) : v.lo;
      const hi = bh !== undefined && Number.isFinite(bh) ? Math.max(bh, v.capability) : v.hi;
      return {
        versionId: v.id,
        label: v.label,
        ...(row ? { modelId: row.model.id, modelName: row.model.name } : {}),
        ...(v.date ? { date: v.date, dateMs: releaseTimeMs(v.date) } : {}),
        capability: v.capability,
        lo,
        hi,
        bloc,
        nBenchmarks: v.benchmarkIds.length,
        benchmarkIds: v.benchmarkIds,
        ...(v.distilled !== undefined ? { distilled: v.distilled } : {}),
        ...(p
          ? {
              flop: p.compute.flop,
              computeProvenance: p.compute.provenance,
              computeBasis: p.compute.basis,
              ...(p.vsTrend !== undefined ? { vsTrend: p.vsTrend } : {}),
              ...(p.vsTrendRange ? { vsTrendRange: p.vsTrendRange } : {}),
            }
          : {}),
      };
    });
  },
);

/** Lines of equal release date on capability-against-compute: capability = a + b·log10(FLOP) + c·year. */
export function isoDateLines(fit: ProgressFit, flopDomain: readonly [number, number], years: readonly number[]) {
  const [x0, x1] = flopDomain;
  return years.map((year) => ({
    year,
    from: { flop: x0, capability: expectedCapability(fit, Math.log10(x0), year + 0.5) },
    to: { flop: x1, capability: expectedCapability(fit, Math.log10(x1), year + 0.5) },
  }));
}

/** "Training compute needed for a fixed capability falls ≈3× a year (90% CI 2–5×), 0.5 OOM/yr, on 44 models." */
export function describeProgress(fit: ProgressFit | undefined, leftOut: ProgressView['leftOut']): string {
  if (!fit)
    return 'Too few fitted versions with a known training compute and release date for the joint fit (it needs 5).';
  const f = fit.factorPerYear;
  const o = fit.oomPerYear;
  const out = leftOut.map((l) => `${l.count} ${l.reason}`).join('; ');
  if (!(fit.b.value > 0))
    return `On ${fit.n} models, capability does not rise with compute once release date is accounted for (b = ${formatValue(fit.b.value, 'capability')}), so no compute-per-year figure can be given.`;
  return (
    `≈${formatValue(f.value, 'ratio')} less training compute per year for the same capability (90% CI ${formatValue(f.lo, 'ratio')}–${formatValue(f.hi, 'ratio')}; ` +
    `${formatValue(o.value, 'capability')} orders of magnitude a year, ${formatValue(o.lo, 'capability')}–${formatValue(o.hi, 'capability')}), ` +
    `from capability = a + b·log10(FLOP) + c·year on ${fit.n} model versions (b = ${formatValue(fit.b.value, 'capability')} per 10× compute, c = ${formatValue(fit.c.value, 'capability')} per year, R² ${formatValue(fit.r2, 'capability')}).` +
    (out ? ` Not in the fit: ${out}.` : '')
  );
}

const oneWay = (v: number) => (v >= 1 ? `${formatValue(v, 'ratio')} more` : `${formatValue(1 / v, 'ratio')} less`);

/** "1.8× more" / "3.2× less", with the 90% interval when there is one: "3.2× less (90%: 1.1× more to 40× less)". */
export function describeVsTrend(vsTrend: number | undefined, range?: readonly [number, number]): string {
  if (vsTrend === undefined || !Number.isFinite(vsTrend)) return '—';
  if (!range) return oneWay(vsTrend);
  return `${oneWay(vsTrend)} (90%: ${oneWay(range[1])} to ${oneWay(range[0])})`;
}

/** Observed scores against the fitted curve of one benchmark, for the small multiples. */
export interface BenchmarkFitPanel {
  benchmark: FittedBenchmark;
  points: { capability: number; score: number; label: string; origin: 'epoch' | 'curated' }[];
  curve: { capability: number; score: number }[];
  /** root-mean-square error of the fitted scores, in percentage points */
  rmsePoints: number;
}

export const benchmarkPanels = memoLast((result: CapabilityResult | undefined): BenchmarkFitPanel[] => {
  if (!result) return [];
  const caps = result.versions.map((v) => v.capability);
  const lo = Math.min(...caps) - 0.5;
  const hi = Math.max(...caps) + 0.5;
  return result.benchmarks.map((b, bi) => {
    const obs = result.observations.filter((o) => o.benchmark === bi);
    let se = 0;
    const points = obs.map((o) => {
      const v = result.versions[o.version];
      const c = v?.capability ?? 0;
      se += (predictScore(c, b.difficulty, b.slope) - o.value) ** 2;
      return { capability: c, score: o.value, label: v?.label ?? '', origin: o.origin };
    });
    const curve = Array.from({ length: 41 }, (_, k) => {
      const c = lo + ((hi - lo) * k) / 40;
      return { capability: c, score: predictScore(c, b.difficulty, b.slope) };
    });
    return { benchmark: b, points, curve, rmsePoints: obs.length ? Math.sqrt(se / obs.length) * 100 : 0 };
  });
});
