/**
 * Trend fits for "does more compute win?": ordinary least squares of a score (or log compute)
 * against log10 of compute/cost (or release year), a bootstrap band, residuals and growth rates.
 * Pure functions; the random resampling takes a seed so results are reproducible.
 */
import { seededRandom } from './random';

export interface LinearFit {
  slope: number;
  intercept: number;
  n: number;
  r2: number;
}

export function leastSquares(xs: readonly number[], ys: readonly number[]): LinearFit | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, n, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

export const predict = (fit: LinearFit, x: number) => fit.intercept + fit.slope * x;

export interface Band {
  xs: number[];
  lo: number[];
  hi: number[];
  /** bootstrap percentiles of the slope */
  slopeLo: number;
  slopeHi: number;
}

const quantile = (sorted: number[], q: number) => {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
};

/** Percentile bootstrap band of the fitted line (resampling points with replacement). */
export function bootstrapBand(
  xs: readonly number[],
  ys: readonly number[],
  gridXs: readonly number[],
  iterations = 400,
  level = 0.9,
  seed = 1,
): Band | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return undefined;
  const rand = seededRandom(seed);
  const preds: number[][] = gridXs.map(() => []);
  const slopes: number[] = [];
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rand() * n);
      bx[i] = xs[k] as number;
      by[i] = ys[k] as number;
    }
    const f = leastSquares(bx, by);
    if (!f) continue;
    slopes.push(f.slope);
    gridXs.forEach((x, j) => (preds[j] as number[]).push(predict(f, x)));
  }
  const a = (1 - level) / 2;
  const sortedSlopes = slopes.sort((p, q) => p - q);
  return {
    xs: [...gridXs],
    lo: preds.map((p) =>
      quantile(
        p.sort((u, v) => u - v),
        a,
      ),
    ),
    hi: preds.map((p) => quantile(p, 1 - a)),
    slopeLo: quantile(sortedSlopes, a),
    slopeHi: quantile(sortedSlopes, 1 - a),
  };
}

/**
 * How far a model sits from a score-vs-log10(cost) trend: in points, and as "× cheaper than the
 * trend predicts for this score" (>1: reached its score for less than the trend says it costs).
 */
export function residual(
  fit: LinearFit,
  log10Cost: number,
  score: number,
): { points: number; timesCheaper: number | undefined } {
  const points = score - predict(fit, log10Cost);
  if (fit.slope <= 0) return { points, timesCheaper: undefined };
  const predictedLog10Cost = (score - fit.intercept) / fit.slope;
  return { points, timesCheaper: 10 ** (predictedLog10Cost - log10Cost) };
}

/** A fit of log10(value) against years: growth factor per year and doubling time in years. */
export function growth(fit: LinearFit): { perYear: number; doublingYears: number | undefined } {
  const perYear = 10 ** fit.slope;
  return { perYear, doublingYears: fit.slope > 0 ? Math.log10(2) / fit.slope : undefined };
}
