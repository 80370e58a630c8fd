/**
 * Capability against compute for the Capability tab (kept apart from capability.ts so the table
 * and the scatter, which load early, never carry the regression code).
 */
import type { Provenance } from '../domain/estimate';
import type { CapabilityResult, FittedVersion } from '../domain/capability/run';
import {
  computeVsTrend,
  computeVsTrendInterval,
  decimalYear,
  fitProgress,
  fitTimeTrend,
  type ProgressFit,
  type ProgressPoint,
  type TimeTrend,
} from '../domain/capability/progress';
import type { ModelCapability } from './capability';
import { memoLast } from './memo';
import type { Row } from './selectors';

/** Where a fitted version's training compute comes from: the dataset's row (our engine) or Epoch's figure. */
export interface VersionCompute {
  flop: number;
  provenance: Provenance;
  /** "our estimator (curated dataset)" or "Epoch AI (Confident)" */
  basis: string;
}

/**
 * A model's training compute as the capability it reached rests on: its own run plus its base
 * model's (R1's RL run alone is a small fraction of what made R1), as Epoch counts it.
 */
export function withBaseRun(
  row: Row,
  rowById: ReadonlyMap<string, Row>,
): { flop: number; provenance: Provenance; withBase?: string; partial?: boolean } | undefined {
  const baseId = row.model.baseModelId;
  const baseName = baseId ? (rowById.get(baseId)?.model.name ?? baseId) : undefined;
  const own = row.fast.flop;
  const total = row.fast.totalFlop;
  // the engine's total already chains every base run (when "include base-model run" is on)
  if (baseId && total && total.value > 0 && (row.fast.partial || !own || total.value > own.value))
    return {
      flop: total.value,
      provenance: total.provenance,
      ...(baseName ? { withBase: baseName } : {}),
      ...(row.fast.partial ? { partial: true } : {}),
    };
  if (!own || !(own.value > 0)) return undefined;
  // with the base run switched off for costs, capability still rests on it: add it here
  const base = baseId && baseId !== row.model.id ? rowById.get(baseId)?.fast.flop : undefined;
  if (!base || !(base.value > 0)) return { flop: own.value, provenance: own.provenance };
  const rank: Provenance[] = ['disclosed', 'estimate', 'leak', 'computed'];
  const provenance = rank[Math.max(rank.indexOf(own.provenance), rank.indexOf(base.provenance))] as Provenance;
  return { flop: own.value + base.value, provenance, ...(baseName ? { withBase: baseName } : {}) };
}

export interface ProgressView {
  fit?: ProgressFit;
  time?: TimeTrend;
  points: (ProgressPoint & {
    version: FittedVersion;
    compute: VersionCompute;
    vsTrend?: number;
    /** 90% interval of vsTrend over the bootstrap of the joint fit */
    vsTrendRange?: [number, number];
  })[];
  /** versions with a capability but left out of the compute fit, counted by reason */
  leftOut: { reason: string; count: number }[];
}

/**
 * Capability against compute for every fitted version: compute from the on-screen dataset's row
 * when the version stands for one of its models (so the reader's compute basis and assumptions
 * move the fit), otherwise Epoch's own figure for the version's model.
 */
export const progressView = memoLast(
  (
    result: CapabilityResult | undefined,
    rows: readonly Row[],
    byModel: ReadonlyMap<string, ModelCapability>,
    includeDistilled: boolean,
  ): ProgressView => {
    if (!result) return { points: [], leftOut: [] };
    const rowById = new Map(rows.map((r) => [r.model.id, r]));
    const rowByVersion = new Map<string, Row>();
    for (const r of rows) {
      const c = byModel.get(r.model.id);
      if (c) rowByVersion.set(c.version.id, r);
    }
    const points: ProgressView['points'] = [];
    const left = new Map<string, number>();
    const skip = (reason: string) => left.set(reason, (left.get(reason) ?? 0) + 1);
    for (const v of result.versions) {
      if (!v.date) {
        skip('no release date');
        continue;
      }
      if (v.distilled === true && !includeDistilled) {
        skip('distilled from a larger model (left out, as in the paper)');
        continue;
      }
      const row = rowByVersion.get(v.id);
      let compute: VersionCompute | undefined;
      const own = row ? withBaseRun(row, rowById) : undefined;
      // a row that counts only its base run (post-training run unknown) is a lower bound: where
      // Epoch gives the whole model's compute, that figure stands (Kimi K2 Thinking: 4.2e24)
      const epochCovers = !!own?.partial && !!v.epoch?.flop && v.epoch.flop > own.flop;
      if (row && own && !epochCovers)
        compute = {
          flop: own.flop,
          provenance: own.provenance,
          basis: `the ${row.model.name} row on screen${own.withBase ? ` (incl. its base model ${own.withBase})` : ''}`,
        };
      else if (v.epoch?.flop)
        compute = {
          flop: v.epoch.flop,
          provenance: 'estimate',
          basis: `Epoch AI${v.epoch.confidence ? ` (${v.epoch.confidence})` : ''}${epochCovers && row ? `; the ${row.model.name} row counts only its base run` : ''}`,
        };
      if (!compute) {
        skip('no training compute known');
        continue;
      }
      points.push({
        id: v.id,
        capability: v.capability,
        log10Flop: Math.log10(compute.flop),
        years: decimalYear(v.date),
        version: v,
        compute,
      });
    }
    const fit = fitProgress(points);
    const time = fitTimeTrend(
      result.versions
        .filter((v) => v.date)
        .map((v) => ({ capability: v.capability, years: decimalYear(v.date as string) })),
    );
    if (fit)
      for (const p of points) {
        const v = computeVsTrend(fit, p);
        if (v !== undefined) p.vsTrend = v;
        const range = computeVsTrendInterval(fit, p);
        if (range) p.vsTrendRange = range;
      }
    return {
      ...(fit ? { fit } : {}),
      ...(time ? { time } : {}),
      points,
      leftOut: [...left.entries()].map(([reason, count]) => ({ reason, count })),
    };
  },
);
