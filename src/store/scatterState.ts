/**
 * Everything the scatter draws, computed without React (after OWID's ScatterPlotChartState):
 * points with provenance, ranges and colour; domains; what was left out and why; label layout.
 */
import type { Benchmark } from '../data/schema';
import { niceStep } from '../domain/ticks';
import { weakest, type Reliance } from '../domain/reliance';
import type { Row } from './selectors';
import { CAPABILITY_METRIC, type ColorBy, type ViewState } from './url';
import { benchmarkMetric, X_METRICS, type Metric } from './metrics';

export interface Point {
  id: string;
  name: string;
  x: number;
  y: number;
  xRange?: readonly [number, number];
  yRange?: readonly [number, number];
  /** how much of the point's position rests on disclosed figures: the weaker of its two coordinates */
  reliance: Reliance;
  colorKey: string;
  row: Row;
}

/** What both point layers (SVG and canvas) receive from the scatter view. */
export interface PointLayerProps {
  state: ScatterState;
  view: ViewState;
  selectedId: string | undefined;
  onHover: (p: { point: Point; px: number; py: number } | undefined) => void;
  onSelect: (id: string) => void;
  /** how many model names the layer could not place without overlap (the chart says so) */
  onLabelsHidden?: (hidden: number) => void;
}

export interface ScatterState {
  x: Metric;
  y: Metric;
  points: Point[];
  xDomain: [number, number];
  yDomain: [number, number];
  /** "12 models not shown: no training cost" */
  excluded: { count: number; reason: string }[];
  colorKeys: string[];
}

export function colorKeyOf(r: Row, by: ColorBy): string {
  if (by === 'lab') return r.model.lab;
  if (by === 'open') return r.model.openWeights ? 'Open weights' : 'Closed weights';
  return r.model.bloc;
}

/** Pads a domain so points do not sit on the frame; log domains pad multiplicatively. */
export function paddedDomain(values: number[], log: boolean): [number, number] {
  if (values.length === 0) return log ? [1, 10] : [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (log) {
    const l = Math.log10(lo);
    const h = Math.log10(hi);
    const pad = Math.max((h - l) * 0.06, 0.15);
    return [10 ** (l - pad), 10 ** (h + pad)];
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.04;
  const step = niceStep((hi - lo + 2 * pad) / 5);
  return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step];
}

/**
 * `capability` is the stitched capability axis when the fit is ready; while it is not, y=capability
 * plots nothing and says so.
 */
export function buildScatter(rows: Row[], benchmarks: Benchmark[], view: ViewState, capability?: Metric): ScatterState {
  const x = X_METRICS[view.x];
  const yMetric =
    view.y === CAPABILITY_METRIC
      ? (capability ?? {
          id: CAPABILITY_METRIC,
          label: 'Capability (stitched)',
          unit: 'score',
          defaultLog: false,
          read: () => undefined,
        })
      : (X_METRICS as Record<string, Metric | undefined>)[view.y];
  const bench = benchmarks.find((b) => b.id === view.y) ?? benchmarks[0];
  const y: Metric =
    yMetric ??
    (bench
      ? benchmarkMetric(bench)
      : { id: 'none', label: 'No benchmark', unit: 'score', defaultLog: false, read: () => undefined });
  const points: Point[] = [];
  let noX = 0;
  let noY = 0;
  let nonPositive = 0;
  for (const row of rows) {
    const xv = x.read(row);
    const yv = y.read(row);
    if (!yv || !Number.isFinite(yv.value)) {
      noY += 1;
      continue;
    }
    if (!xv || !Number.isFinite(xv.value)) {
      noX += 1;
      continue;
    }
    if ((view.logX && xv.value <= 0) || (view.logY && yv.value <= 0)) {
      nonPositive += 1;
      continue;
    }
    points.push({
      id: row.model.id,
      name: row.model.name,
      x: xv.value,
      y: yv.value,
      ...(xv.range ? { xRange: xv.range } : {}),
      ...(yv.range ? { yRange: yv.range } : {}),
      reliance: weakest(xv.reliance, yv.reliance) ?? 'estimated',
      colorKey: colorKeyOf(row, view.colorBy),
      row,
    });
  }
  const excluded = [
    { count: noY, reason: yMetric ? `no ${lowerFirst(y.label)}` : `no ${y.label} score` },
    { count: noX, reason: `no ${lowerFirst(x.label)}` },
    { count: nonPositive, reason: 'zero or negative value on a log axis' },
  ].filter((e) => e.count > 0);
  const xs = points.flatMap((p) => (p.xRange ? [p.x, ...p.xRange] : [p.x])).filter((v) => !view.logX || v > 0);
  const ys = points.flatMap((p) => (p.yRange ? [p.y, ...p.yRange] : [p.y])).filter((v) => !view.logY || v > 0);
  const colorKeys = [...new Set(points.map((p) => p.colorKey))].sort();
  return {
    x,
    y,
    points,
    xDomain: paddedDomain(xs, view.logX),
    yDomain: paddedDomain(ys, view.logY),
    excluded,
    colorKeys,
  };
}

/**
 * How many models a chart shows and why the others are not, for the chart note and the exported
 * image's source line: "29 of 54 models shown; 24 not shown: no MMLU (%) score; 1 not shown: no
 * training cost (USD)". Models hidden by filters are counted apart.
 */
export function describeCoverage(state: ScatterState, visible: number, total: number): string {
  const parts = [`${state.points.length} of ${visible} models shown`];
  for (const e of state.excluded) parts.push(`${e.count} not shown: ${e.reason}`);
  if (total > visible) parts.push(`${total - visible} more left out by the filters`);
  return parts.join('; ');
}

/** "Training cost" -> "training cost", but "GPU-hours" and "API price" stay as they are. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? `${s.charAt(0).toLowerCase()}${s.slice(1)}` : s;
}
