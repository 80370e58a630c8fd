/**
 * Which view a dataset can fill. A dataset switch (or a permalink) must never land on an empty
 * plot: given the rows and the current view, `bestView` keeps the view when it plots enough
 * models, else moves to the first candidate in VIEW_PREFERENCES that does, and says why.
 * `axisAvailability` gives every axis option's model count and, when it has none, the reason
 * the option is disabled ("no MMLU scores in this dataset").
 *
 * To prefer another view (e.g. capability against compute once a capability index exists), put
 * a candidate at the head of VIEW_PREFERENCES: each names an x, a y (or the best-covered
 * benchmark) and their scales, and is chosen only if the data fills it.
 */
import type { Benchmark, Chip, Model } from '../data/schema';
import { DEFAULT_ASSUMPTIONS } from '../domain/assumptions';
import { memoLast } from './memo';
import { benchmarkMetric, X_METRICS, type Metric } from './metrics';
import { buildRows, type Row } from './selectors';
import type { AppState } from './store';
import { CAPABILITY_METRIC, X_AXES, type ViewState, type XAxis } from './url';
import coverage from '../../data/capability/coverage.json';

/** Fewer points than this read as an empty chart: no trend, no comparison. */
export const MIN_POINTS = 3;

/** Stands for "the benchmark most models in this dataset have a score on". */
export const BEST_BENCHMARK = '@best-benchmark';

export interface ViewCandidate {
  /** what the reader sees, for the note that explains the move ("training compute over time") */
  describe: string;
  x: XAxis;
  /** a y axis id, or BEST_BENCHMARK */
  y: string;
  logX: boolean;
  logY: boolean;
}

/**
 * Most informative first: the stitched capability against compute (one scale for every model),
 * scores against cost or compute, then compute and cost over time.
 */
export const VIEW_PREFERENCES: ViewCandidate[] = [
  {
    describe: 'capability (stitched) against training compute',
    x: 'flop',
    y: CAPABILITY_METRIC,
    logX: true,
    logY: false,
  },
  { describe: 'scores against training cost', x: 'cost', y: BEST_BENCHMARK, logX: true, logY: false },
  { describe: 'scores against training compute', x: 'flop', y: BEST_BENCHMARK, logX: true, logY: false },
  { describe: 'training compute over time', x: 'date', y: 'flop', logX: false, logY: true },
  { describe: 'training cost over time', x: 'date', y: 'cost', logX: false, logY: true },
  { describe: 'parameters over time', x: 'date', y: 'totalParams', logX: false, logY: true },
];

export interface AxisOption {
  id: string;
  label: string;
  /** models with a value on this axis */
  count: number;
  /** why the option is unavailable; set only when count is 0 */
  unavailable?: string;
}

/**
 * Capability before any fit has run: which models the default fit places on the scale, from
 * data/capability/coverage.json (written with the stitching data). Enough to count points; the
 * chart itself draws the fitted values.
 */
const coveredCurated = new Set(coverage.curatedIds);
const coveredNotable = new Set(coverage.notableNames);
const CAPABILITY_COVERAGE: Metric = {
  id: CAPABILITY_METRIC,
  label: 'Capability (stitched)',
  unit: 'capability',
  defaultLog: false,
  read: (r) =>
    (r.model.userSupplied ? false : coveredCurated.has(r.model.id) || coveredNotable.has(r.model.name.trim()))
      ? { value: 0, provenance: 'computed', reliance: 'partly' }
      : undefined,
};

function metricOf(id: string, benchmarks: readonly Benchmark[]): Metric | undefined {
  if (id === CAPABILITY_METRIC) return CAPABILITY_COVERAGE;
  const x = (X_METRICS as Record<string, Metric | undefined>)[id];
  if (x) return x;
  const b = benchmarks.find((bb) => bb.id === id);
  return b ? benchmarkMetric(b) : undefined;
}

/** Every x-axis metric and benchmark with its model count, and why those with none are unavailable. */
export function axisAvailability(rows: readonly Row[], benchmarks: readonly Benchmark[]): Map<string, AxisOption> {
  const out = new Map<string, AxisOption>();
  for (const id of X_AXES) {
    const m = X_METRICS[id];
    const count = rows.reduce((n, r) => (m.read(r) ? n + 1 : n), 0);
    out.set(id, {
      id,
      label: m.label,
      count,
      ...(count === 0 ? { unavailable: 'no values in this dataset' } : {}),
    });
  }
  const scores = new Map<string, number>();
  for (const r of rows) for (const b of Object.keys(r.model.benchmarks)) scores.set(b, (scores.get(b) ?? 0) + 1);
  for (const b of benchmarks) {
    const count = scores.get(b.id) ?? 0;
    out.set(b.id, {
      id: b.id,
      label: b.name,
      count,
      ...(count === 0 ? { unavailable: 'no scores in this dataset' } : {}),
    });
  }
  return out;
}

// what the data holds does not move with the sliders: counted once per dataset, at the defaults
const availabilityOf = memoLast((models: Model[], chips: Chip[], benchmarks: Benchmark[]) =>
  axisAvailability(buildRows(models, chips, DEFAULT_ASSUMPTIONS), benchmarks),
);
export const selectAxisAvailability = (s: AppState): Map<string, AxisOption> =>
  availabilityOf(s.dataset.models, s.reference.chips, s.reference.benchmarks);

/** Models that would be drawn on these axes (both values present, positive on a log axis). */
export function plottableCount(
  rows: readonly Row[],
  benchmarks: readonly Benchmark[],
  v: Pick<ViewState, 'x' | 'y' | 'logX' | 'logY'>,
): number {
  const x = X_METRICS[v.x];
  const y = metricOf(v.y, benchmarks);
  if (!y) return 0;
  let n = 0;
  for (const r of rows) {
    const xv = x.read(r);
    const yv = y.read(r);
    if (!xv || !yv || !Number.isFinite(xv.value) || !Number.isFinite(yv.value)) continue;
    if ((v.logX && xv.value <= 0) || (v.logY && yv.value <= 0)) continue;
    n += 1;
  }
  return n;
}

export interface BestView {
  view: ViewState;
  /** set when the view moved: what it shows now and why the old one could not be shown */
  moved?: { to: string; why: string };
}

/** The view to show: the current one if the data fills it, else the first candidate that it fills. */
export function bestView(
  rows: readonly Row[],
  benchmarks: readonly Benchmark[],
  view: ViewState,
  candidates: readonly ViewCandidate[] = VIEW_PREFERENCES,
): BestView {
  if (plottableCount(rows, benchmarks, view) >= MIN_POINTS) return { view };
  const avail = axisAvailability(rows, benchmarks);
  const best = [...benchmarks].sort((a, b) => (avail.get(b.id)?.count ?? 0) - (avail.get(a.id)?.count ?? 0))[0];
  for (const c of candidates) {
    const y = c.y === BEST_BENCHMARK ? best?.id : c.y;
    if (!y) continue;
    const next = { ...view, x: c.x, y, logX: c.logX, logY: c.logY };
    if (plottableCount(rows, benchmarks, next) < MIN_POINTS) continue;
    if (next.x === view.x && next.y === view.y && next.logX === view.logX && next.logY === view.logY) return { view };
    const yName = lowerLabel(avail.get(view.y)?.label ?? view.y);
    const xName = lowerLabel(X_METRICS[view.x].label);
    const why = avail.get(view.y)?.unavailable
      ? benchmarks.some((b) => b.id === view.y)
        ? `no ${yName} scores in this dataset`
        : `no ${yName} values in this dataset`
      : avail.get(view.x)?.unavailable
        ? `no ${xName} values in this dataset`
        : `fewer than ${MIN_POINTS} models have both ${xName} and ${yName}`;
    const to = c.y === BEST_BENCHMARK && best ? c.describe.replace('scores', `${best.name} scores`) : c.describe;
    return { view: next, moved: { to, why } };
  }
  return { view };
}

/** "Training cost (USD)" -> "training cost", "GPU-hours" stays: labels inside a sentence. */
function lowerLabel(label: string): string {
  const bare = label.replace(/\s*\((USD|FLOP|%)\)$/, '');
  return /^[A-Z][a-z]/.test(bare) ? `${bare.charAt(0).toLowerCase()}${bare.slice(1)}` : bare;
}
