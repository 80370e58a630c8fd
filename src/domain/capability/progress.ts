/**
 * What the capability scale lets us measure against compute (Ho et al. 2025, §5):
 *
 *   capability = a + b · log10(training FLOP) + c · years
 *
 * fitted by ordinary least squares. b is capability per order of magnitude of compute, c per year;
 * c / b is how many orders of magnitude less compute buy the same capability each year
 * ("algorithmic progress"), 10^(c/b) the same as a factor. Intervals: t-based for a, b, c; a
 * seeded bootstrap over models for c / b, whose sampling distribution is skewed.
 */
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from '../linalg';
import { seededRandom } from '../random';

const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/** Decimal year of an ISO date: 2023-07-02 -> ≈2023.5. */
export function decimalYear(isoDate: string): number {
  const t = Date.parse(isoDate.length === 7 ? `${isoDate}-15` : isoDate);
  return 1970 + t / MS_PER_YEAR;
}

export interface OlsFit {
  coefficients: number[];
  standardErrors: number[];
  residualVariance: number;
  n: number;
  r2: number;
}

/**
 * A predictor whose share of variance not explained by the others (1 − R²) is below this is taken
 * as a combination of them. Exact collinearity leaves ~1e-16 after rounding; real compute and
 * release dates, however correlated, leave orders of magnitude more.
 */
const COLLINEAR_BELOW = 1e-10;

/**
 * Whether some column of x is (to rounding) a linear combination of the others. The normal
 * equations' own Cholesky cannot tell: with uncentred columns (years ≈ 2024) rounding leaves a
 * positive pivot and the solve returns slopes with standard errors of 10³–10⁶. Checked on the
 * centred columns, where each pivot relative to its diagonal is that column's 1 − R² against the
 * columns before it; constant columns are intercepts, and more than one is collinear.
 */
export function collinear(x: readonly (readonly number[])[], k: number): boolean {
  const columns = Array.from({ length: k }, (_, p) => x.map((row) => row[p] as number));
  const varying = columns.filter((column) => column.some((v) => v !== column[0]));
  if (k - varying.length > 1) return true;
  const centred = varying.map((column) => {
    const mean = column.reduce((sum, v) => sum + v, 0) / column.length;
    return column.map((v) => v - mean);
  });
  const m = centred.length;
  const gram = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++)
      gram[i * m + j] = (centred[i] as number[]).reduce(
        (sum, v, r) => sum + v * ((centred[j] as number[])[r] as number),
        0,
      );
  const diagonal = Array.from({ length: m }, (_, i) => gram[i * m + i] as number);
  if (!choleskyInPlace(gram, m)) return true;
  // Stryker disable next-line EqualityOperator: a share of exactly 1e-10
  return diagonal.some((d, i) => (gram[i * m + i] as number) ** 2 < COLLINEAR_BELOW * d);
}

/**
 * Least squares of y on the columns of x (each row: the predictors, an intercept column included by
 * the caller); undefined with no more rows than columns or collinear columns.
 */
export function ols(x: readonly (readonly number[])[], y: readonly number[]): OlsFit | undefined {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  if (n <= k || k === 0 || collinear(x, k)) return undefined;
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    const yi = y[i] as number;
    // Stryker disable next-line EqualityOperator: one past the end reads undefined and the typed arrays drop the writes
    for (let p = 0; p < k; p++) {
      const xp = row[p] as number;
      xty[p] = (xty[p] as number) + xp * yi;
      for (let q = 0; q < k; q++) xtx[p * k + q] = (xtx[p * k + q] as number) + xp * (row[q] as number);
    }
  }
  const factor = xtx;
  if (!choleskyInPlace(factor, k)) return undefined;
  const beta = xty;
  choleskySolveInPlace(factor, k, beta);
  let sse = 0;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    let pred = 0;
    for (let p = 0; p < k; p++) pred += (row[p] as number) * (beta[p] as number);
    sse += ((y[i] as number) - pred) ** 2;
    sst += ((y[i] as number) - mean) ** 2;
  }
  const residualVariance = sse / (n - k);
  const inv = choleskyInverse(factor, k);
  return {
    coefficients: [...beta],
    standardErrors: Array.from({ length: k }, (_, p) => Math.sqrt((inv[p * k + p] as number) * residualVariance)),
    residualVariance,
    n,
    r2: sst > 0 ? 1 - sse / sst : 1,
  };
}

/**
 * Student's t quantile (two-sided intervals) by the Cornish–Fisher expansion below: within 1e-5 of
 * printed tables from 10 degrees of freedom, within 0.2% at 3–9 (for 90% and 95% intervals).
 */
export function tQuantile(p: number, df: number): number {
  const outside = 'p must be in (0, 1)';
  if (!(p < 1)) throw new RangeError(outside);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: p ≤ 0 let through goes on as 1 − p ≥ 1 (below), which the line above refuses with the same message
  if (!(p > 0)) throw new RangeError(outside);
  // Stryker disable next-line ConditionalExpression: the expansion is odd in z, so it gives the same value below 0.5 (to rounding)
  if (p < 0.5) return -tQuantile(1 - p, df);
  const z = normalQuantile(p);
  // Stryker disable next-line EqualityOperator: at exactly 10⁶ degrees of freedom the expansion and z differ by 4e-7
  if (!Number.isFinite(df) || df > 1e6) return z;
  // Cornish–Fisher expansion of t in terms of z (Abramowitz & Stegun 26.7.5)
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  const poly = (cs: number[], x: number) => cs.reduce((acc, ci) => acc * x + ci, 0);
  // Stryker disable next-line EqualityOperator: the approximation is continuous at its breakpoints
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  // Stryker disable next-line EqualityOperator: the approximation is continuous at its breakpoints
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

export interface ProgressPoint {
  id: string;
  capability: number;
  log10Flop: number;
  years: number;
}

export interface ProgressFit {
  /** intercept, capability per OOM of compute, capability per year */
  a: Interval;
  b: Interval;
  c: Interval;
  /** c / b: orders of magnitude less compute per year for the same capability */
  oomPerYear: Interval;
  /** 10^(c / b) */
  factorPerYear: Interval;
  n: number;
  r2: number;
  level: number;
  /** resamples the bootstrap of c / b used (those with spread in compute and dates where b > 0) */
  bootstrapResamples: number;
  /** the bootstrap's (a, b, c) per usable resample, for per-model intervals */
  samples: readonly (readonly [number, number, number])[];
}

const quantile = (sorted: readonly number[], q: number): number => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
};

/** The joint fit and its intervals; undefined with fewer than 5 models or no spread in compute or dates. */
export function fitProgress(
  points: readonly ProgressPoint[],
  level = 0.9,
  resamples = 1000,
  seed = 1,
): ProgressFit | undefined {
  // no spread in compute or dates is a second intercept column: ols refuses it (see collinear)
  if (points.length < 5) return undefined;
  const rowsOf = (ps: readonly ProgressPoint[]) => ps.map((p) => [1, p.log10Flop, p.years]);
  const fit = ols(
    rowsOf(points),
    points.map((p) => p.capability),
  );
  if (!fit) return undefined;
  const t = tQuantile(1 - (1 - level) / 2, fit.n - 3);
  const iv = (i: number): Interval => {
    const v = fit.coefficients[i] as number;
    const se = fit.standardErrors[i] as number;
    return { value: v, lo: v - t * se, hi: v + t * se };
  };
  const b = fit.coefficients[1] as number;
  const c = fit.coefficients[2] as number;
  const rand = seededRandom(seed);
  const ratios: number[] = [];
  const samples: [number, number, number][] = [];
  const sample: ProgressPoint[] = [];
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < points.length; i++) sample[i] = points[Math.floor(rand() * points.length)] as ProgressPoint;
    const f = ols(
      rowsOf(sample),
      sample.map((p) => p.capability),
    );
    // a resample with no compute effect has no "compute per year" to speak of
    // Stryker disable next-line EqualityOperator: a compute slope of exactly 0 in a resample
    if (f && (f.coefficients[1] as number) > 0) {
      const [fa, fb, fc] = f.coefficients as [number, number, number];
      ratios.push(fc / fb);
      samples.push([fa, fb, fc]);
    }
  }
  ratios.sort((p, q) => p - q);
  const alpha = (1 - level) / 2;
  // Stryker disable next-line EqualityOperator: a compute slope of exactly 0
  const ratio = b > 0 ? c / b : Number.NaN;
  const oomPerYear: Interval =
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no usable resample the quantiles read past the list and give NaN too; the guard says so plainly
    ratios.length > 0
      ? { value: ratio, lo: quantile(ratios, alpha), hi: quantile(ratios, 1 - alpha) }
      : { value: ratio, lo: Number.NaN, hi: Number.NaN };
  return {
    a: iv(0),
    b: iv(1),
    c: iv(2),
    oomPerYear,
    factorPerYear: { value: 10 ** oomPerYear.value, lo: 10 ** oomPerYear.lo, hi: 10 ** oomPerYear.hi },
    n: fit.n,
    r2: fit.r2,
    level,
    bootstrapResamples: ratios.length,
    samples,
  };
}

/** Capability the joint fit expects from this much compute at this date. */
export function expectedCapability(f: ProgressFit, log10Flop: number, years: number): number {
  return f.a.value + f.b.value * log10Flop + f.c.value * years;
}

/**
 * How much compute the trend says a model's capability needed at its release date, as actual ÷
 * needed: above 1, the model used more compute than the trend (late or inefficient); below 1, less.
 */
export function computeVsTrend(f: ProgressFit, p: ProgressPoint): number | undefined {
  if (!(f.b.value > 0)) return undefined;
  const neededLog10 = (p.capability - f.a.value - f.c.value * p.years) / f.b.value;
  return 10 ** (p.log10Flop - neededLog10);
}

/**
 * The same ratio under each bootstrap resample of the joint fit: its 90% interval. With a small
 * compute coefficient b, a modest capability residual is orders of magnitude of compute, so the
 * point value alone overstates what is known.
 */
export function computeVsTrendInterval(f: ProgressFit, p: ProgressPoint): [number, number] | undefined {
  const vals: number[] = [];
  for (const [a, b, c] of f.samples) vals.push(10 ** (p.log10Flop - (p.capability - a - c * p.years) / b));
  if (vals.length < 10) return undefined;
  vals.sort((x, y) => x - y);
  const alpha = (1 - f.level) / 2;
  return [quantile(vals, alpha), quantile(vals, 1 - alpha)];
}

export interface TimeTrend {
  perYear: Interval;
  intercept: number;
  n: number;
  r2: number;
}

/** Capability against release date: capability units per year with a t-based interval; undefined without spread in dates. */
export function fitTimeTrend(
  points: readonly { capability: number; years: number }[],
  level = 0.9,
): TimeTrend | undefined {
  const fit = ols(
    points.map((p) => [1, p.years]),
    points.map((p) => p.capability),
  );
  if (!fit) return undefined;
  const t = tQuantile(1 - (1 - level) / 2, fit.n - 2);
  const v = fit.coefficients[1] as number;
  const se = fit.standardErrors[1] as number;
  return {
    perYear: { value: v, lo: v - t * se, hi: v + t * se },
    intercept: fit.coefficients[0] as number,
    n: fit.n,
    r2: fit.r2,
  };
}
