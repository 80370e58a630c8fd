/**
 * The scatter's analysis layer, computed without React: a least-squares trend of y against
 * (log) x with a bootstrap 90% band, each model's residual ("points above the trend", "× cheaper
 * than the trend predicts for this score"), growth per year when x is time, and the Pareto
 * frontier with, for each dominated model, the models that dominate it.
 */
import { bootstrapBand, growth, leastSquares, predict, residual, type Band, type LinearFit } from '../domain/fit';
import { lazyDominators, paretoFrontier } from '../domain/pareto';
import { formatValue, sig } from '../domain/format';
import type { Point, ScatterState } from './scatterState';
import type { FitSubset, ViewState } from './url';

const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

export interface Analysis {
  fit?: LinearFit & { subset: FitSubset; xIsLog: boolean; yIsLog: boolean; xIsDate: boolean };
  band?: Band;
  /** model id -> residual; timesCheaper only when x is a cost-like log axis and y a score */
  residuals: Map<string, { points: number; timesCheaper: number | undefined }>;
  growth?: { perYear: number; doublingYears: number | undefined; perYearLo: number; perYearHi: number };
  /** frontier points, cheapest first */
  frontier: Point[];
  /** the models that dominate a model (computed when first asked: O(n) each) */
  dominatedBy: { get: (id: string) => string[] | undefined };
  /** how many points the fit used */
  fitted: number;
}

/** x in fit space: log10 for log axes, years for dates (so slopes read per year). */
export function toFitX(x: number, logX: boolean, isDate: boolean): number {
  if (isDate) return x / MS_PER_YEAR + 1970;
  return logX ? Math.log10(x) : x;
}
export function fromFitX(x: number, logX: boolean, isDate: boolean): number {
  if (isDate) return (x - 1970) * MS_PER_YEAR;
  return logX ? 10 ** x : x;
}

function subsetOf(points: Point[], subset: FitSubset): Point[] {
  switch (subset) {
    case 'china':
      return points.filter((p) => p.row.model.bloc === 'China');
    case 'us':
      return points.filter((p) => p.row.model.bloc === 'United States');
    case 'europe':
      return points.filter((p) => p.row.model.bloc === 'Europe');
    case 'records': {
      // models that set a new best score when they were released
      const byDate = [...points].sort((a, b) => a.row.model.releaseDate.localeCompare(b.row.model.releaseDate));
      let best = -Infinity;
      return byDate.filter((p) => (p.y > best ? ((best = p.y), true) : false));
    }
    default:
      return points;
  }
}

/** Lower is better on these x metrics, so a Pareto frontier means something. */
const COST_LIKE = new Set(['flop', 'gpuHours', 'cost', 'energy', 'apiPrice', 'totalParams', 'activeParams', 'tokens']);

export function analyse(state: ScatterState, view: ViewState): Analysis {
  const out: Analysis = { residuals: new Map(), frontier: [], dominatedBy: { get: () => undefined }, fitted: 0 };
  const isDate = state.x.unit === 'date';
  const yIsScore = state.y.unit === 'percent' || state.y.unit === 'score';
  if (view.fit) {
    const pts = subsetOf(state.points, view.fitSubset);
    const xs = pts.map((p) => toFitX(p.x, view.logX, isDate));
    const ys = pts.map((p) => (view.logY ? Math.log10(p.y) : p.y));
    const fit = leastSquares(xs, ys);
    out.fitted = pts.length;
    if (fit) {
      out.fit = { ...fit, subset: view.fitSubset, xIsLog: view.logX && !isDate, yIsLog: view.logY, xIsDate: isDate };
      const lo = toFitX(state.xDomain[0], view.logX, isDate);
      const hi = toFitX(state.xDomain[1], view.logX, isDate);
      const grid = Array.from({ length: 41 }, (_, i) => lo + ((hi - lo) * i) / 40);
      out.band = bootstrapBand(xs, ys, grid, 300, 0.9, 1);
      for (const p of state.points) {
        const fx = toFitX(p.x, view.logX, isDate);
        if (!view.logY && yIsScore && view.logX && !isDate && COST_LIKE.has(state.x.id))
          out.residuals.set(p.id, residual(fit, fx, p.y));
        else
          out.residuals.set(p.id, {
            points: (view.logY ? Math.log10(p.y) : p.y) - predict(fit, fx),
            timesCheaper: undefined,
          });
      }
      if (isDate && view.logY) {
        const g = growth(fit);
        out.growth = {
          ...g,
          perYearLo: 10 ** (out.band?.slopeLo ?? fit.slope),
          perYearHi: 10 ** (out.band?.slopeHi ?? fit.slope),
        };
      }
    }
  }
  if (view.pareto && COST_LIKE.has(state.x.id) && yIsScore) {
    const pp = state.points.map((p) => ({ id: p.id, cost: p.x, score: p.y }));
    const ids = new Set(paretoFrontier(pp).map((p) => p.id));
    out.frontier = state.points.filter((p) => ids.has(p.id)).sort((a, b) => a.x - b.x);
    out.dominatedBy = lazyDominators(pp);
  }
  return out;
}

/** Plain-language summaries for tooltips, the chart note and exports; two significant figures, as a fit cannot support more. */
export function describeResidual(
  res: { points: number; timesCheaper: number | undefined },
  analysis: Analysis,
): string {
  const yLog = analysis.fit?.yIsLog ?? false;
  const above = res.points >= 0;
  const size = yLog
    ? `${formatValue(10 ** Math.abs(res.points), 'ratio', 'tight')}`
    : `${formatValue(Math.abs(res.points), 'score')} points`;
  const base = `${size} ${above ? 'above' : 'below'} the trend`;
  if (res.timesCheaper === undefined) return base;
  return res.timesCheaper >= 1
    ? `${base}; ${formatValue(res.timesCheaper, 'ratio', 'tight')} cheaper than the trend predicts for this score`
    : `${base}; ${formatValue(1 / res.timesCheaper, 'ratio', 'tight')} dearer than the trend predicts for this score`;
}

export function describeFit(analysis: Analysis, xLabel: string): string | undefined {
  const f = analysis.fit;
  if (!f) return analysis.fitted > 0 ? 'Not enough models for a trend.' : undefined;
  const band = analysis.band;
  if (analysis.growth) {
    const g = analysis.growth;
    return `Trend over ${f.n} models: ×${sig(g.perYear, 2)} per year (90% band ×${sig(g.perYearLo, 2)}–×${sig(g.perYearHi, 2)})${
      g.doublingYears ? `, doubling every ${sig(g.doublingYears * 12, 2)} months` : ''
    }; R² ${sig(f.r2, 2)}.`;
  }
  const per = f.xIsLog ? `per 10× ${xLabel}` : f.xIsDate ? 'per year' : `per unit of ${xLabel}`;
  const slope = f.yIsLog
    ? `×${sig(10 ** f.slope, 2)}`
    : `${f.slope >= 0 ? '+' : '−'}${sig(Math.abs(f.slope), 2)} points`;
  const bandText = band
    ? f.yIsLog
      ? ` (90% band ×${sig(10 ** band.slopeLo, 2)} to ×${sig(10 ** band.slopeHi, 2)})`
      : ` (90% band ${sig(band.slopeLo, 2)} to ${sig(band.slopeHi, 2)})`
    : '';
  return `Trend over ${f.n} models: ${slope} ${per}${bandText}; R² ${sig(f.r2, 2)}.`;
}
