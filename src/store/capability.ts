/**
 * The capability fit joined to what is on screen: which fitted version stands for each model of
 * the current dataset, the capability as a chart axis and a table value (with every score behind
 * it one click away), and the capability-against-compute fit under the reader's assumptions.
 * Pure functions of (fit result, rows); memoised on identity.
 */
import type { Model, Source, Status } from '../data/schema';
import { relianceOf, type Reliance } from '../domain/reliance';
import type { Provenance, Quantity } from '../domain/estimate';
import type { BootstrapIntervals, CapabilityResult, FittedVersion } from '../domain/capability/run';
import { formatValue } from '../domain/format';
import { memoLast } from './memo';
import type { AxisValue, Metric } from './metrics';
import type { Row } from './selectors';

export interface ModelCapability {
  modelId: string;
  version: FittedVersion;
  value: number;
  lo: number;
  hi: number;
  /** why this version stands for the model */
  standIn: string;
  /** how much of it rests on the labs' own reports: solid when every fitted score was disclosed */
  reliance: Reliance;
}

/** Reasoning-effort suffixes in Epoch's version ids, in the order a lab's default is preferred. */
const EFFORT_ORDER = ['', '_medium', '_high', '_low'];
const effortRank = (id: string) => {
  const m = /_(low|medium|high|minimal|xhigh|\d+K)$/i.exec(id);
  const i = EFFORT_ORDER.indexOf(m ? `_${(m[1] as string).toLowerCase()}` : '');
  return i < 0 ? EFFORT_ORDER.length : i;
};

/**
 * For a model several versions stand in for (snapshots, reasoning efforts), the one the lab first
 * released, at its default effort: earliest date, then no effort suffix, then medium, high, low;
 * then the most benchmarks.
 */
export function pickStandIn(versions: readonly FittedVersion[]): FittedVersion | undefined {
  return [...versions].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      effortRank(a.id) - effortRank(b.id) ||
      b.benchmarkIds.length - a.benchmarkIds.length ||
      a.id.localeCompare(b.id),
  )[0];
}

function intervalOf(result: CapabilityResult, i: number, boot?: BootstrapIntervals): [number, number] {
  const v = result.versions[i] as FittedVersion;
  if (boot && boot.key === result.key) {
    const lo = boot.lo[i];
    const hi = boot.hi[i];
    if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi))
      return [Math.min(lo, v.capability), Math.max(hi, v.capability)];
  }
  return [v.lo, v.hi];
}

const norm = (s: string) => s.trim();

/** Per version, the reliance of its fitted scores (computed once per fit). */
const statusesOf = memoLast((result: CapabilityResult): Reliance[] => {
  const statuses: Status[][] = result.versions.map(() => []);
  for (const o of result.observations) (statuses[o.version] as Status[]).push(o.status);
  return statuses.map((st) => relianceOf(st));
});

/** model id -> its capability, for the models of the current dataset that a fitted version stands for. */
export const capabilityByModel = memoLast(
  (
    result: CapabilityResult | undefined,
    models: readonly Model[],
    boot: BootstrapIntervals | undefined,
  ): Map<string, ModelCapability> => {
    const out = new Map<string, ModelCapability>();
    if (!result) return out;
    const byCurated = new Map<string, number>();
    const byNotable = new Map<string, number[]>();
    result.versions.forEach((v, i) => {
      if (v.curatedId) byCurated.set(v.curatedId, i);
      if (v.notable) {
        const k = norm(v.notable);
        byNotable.set(k, [...(byNotable.get(k) ?? []), i]);
      }
    });
    for (const m of models) {
      let i = byCurated.get(m.id);
      let standIn = 'the version our reviewed map names for this model (the one the lab first released)';
      if (i === undefined && !m.userSupplied) {
        const candidates = byNotable.get(norm(m.name));
        if (candidates && candidates.length > 0) {
          const pick = pickStandIn(candidates.map((c) => result.versions[c] as FittedVersion));
          i = pick ? result.versions.indexOf(pick) : undefined;
          standIn =
            candidates.length === 1
              ? "the only fitted version of this Epoch model (model_versions.csv's Model, or a reviewed alias)"
              : `of ${candidates.length} fitted versions, the first released at the default effort`;
        }
      }
      if (i === undefined) continue;
      const v = result.versions[i] as FittedVersion;
      const [lo, hi] = intervalOf(result, i, boot);
      out.set(m.id, {
        modelId: m.id,
        version: v,
        value: v.capability,
        lo,
        hi,
        standIn,
        reliance: statusesOf(result)[i] as Reliance,
      });
    }
    return out;
  },
);

export const CAPABILITY_LABEL = 'Capability (stitched)';

/** The capability as a chart axis: a fitted value with its 90% interval as the range. */
export function capabilityMetric(byModel: ReadonlyMap<string, ModelCapability>): Metric {
  return {
    id: 'capability',
    label: CAPABILITY_LABEL,
    unit: 'score',
    defaultLog: false,
    read: (r: Row): AxisValue | undefined => {
      const c = byModel.get(r.model.id);
      return c ? { value: c.value, range: [c.lo, c.hi], provenance: 'computed', reliance: c.reliance } : undefined;
    },
  };
}

const STITCHING_SOURCE: Source = {
  title:
    'Ho et al. 2025, A Rosetta Stone for AI Benchmarks (arXiv:2512.00193); Epoch AI benchmark-stitching data (MIT)',
  url: 'https://arxiv.org/abs/2512.00193',
};

/** The capability as a table value: its derivation lists every score it was fitted from. */
export function capabilityQuantity(result: CapabilityResult, c: ModelCapability): Quantity<number> {
  const vi = result.versions.indexOf(c.version);
  const inputs = result.observations
    .filter((o) => o.version === vi)
    .map((o) => {
      const b = result.benchmarks[o.benchmark];
      return {
        label: `${b?.name ?? 'benchmark'} score (${c.version.label})`,
        value: o.value * 100,
        unit: 'score' as const,
        status: o.status,
        source: o.source,
        ...(o.note ? { note: o.note } : {}),
      };
    });
  return {
    value: c.value,
    range: [c.lo, c.hi],
    provenance: 'computed' as Provenance,
    method: `capability fitted jointly with every benchmark's difficulty and slope (Ho et al. 2025) from ${inputs.length} score${inputs.length === 1 ? '' : 's'} of ${c.version.label}; ${c.standIn}. 90% interval ${formatValue(c.lo, 'score')}–${formatValue(c.hi, 'score')} (${result.interval.method}). Assumption sliders do not move it.`,
    inputs,
    movesWith: [],
    source: STITCHING_SOURCE,
  };
}
