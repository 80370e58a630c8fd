import { expect, test } from 'vitest';
import {
  collinear,
  computeVsTrend,
  decimalYear,
  expectedCapability,
  fitProgress,
  fitTimeTrend,
  normalQuantile,
  ols,
  tQuantile,
  type ProgressPoint,
} from '../../src/domain/capability/progress';
import { seededRandom } from '../../src/domain/random';

/** Independent oracle: the 3 × 3 normal equations inverted by the adjugate (no Cholesky). */
function inverse3(m: number[][]) {
  const [[a, b, c], [d, e, f], [g, h, i]] = m as [
    [number, number, number],
    [number, number, number],
    [number, number, number],
  ];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

function olsOracle(rows: number[][], y: number[]) {
  const k = 3;
  const xtx = Array.from({ length: k }, (_, p) =>
    Array.from({ length: k }, (_, q) => rows.reduce((s, r) => s + r[p]! * r[q]!, 0)),
  );
  const xty = Array.from({ length: k }, (_, p) => rows.reduce((s, r, n) => s + r[p]! * y[n]!, 0));
  const inv = inverse3(xtx);
  const beta = inv.map((row) => row.reduce((s, v, q) => s + v * xty[q]!, 0));
  const fitted = rows.map((r) => r.reduce((s, v, p) => s + v * beta[p]!, 0));
  const sse = y.reduce((s, v, n) => s + (v - fitted[n]!) ** 2, 0);
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const s2 = sse / (y.length - k);
  return { beta, se: inv.map((row, p) => Math.sqrt(row[p]! * s2)), s2, r2: 1 - sse / sst };
}

/** a and b agree to `digits` significant digits (the raw-year normal equations are ill-conditioned for both sides) */
function expectClose(a: number, b: number, digits = 7) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(Math.abs(a), Math.abs(b), 1) * 10 ** -digits);
}

/** Models drawn from a known law: capability = −20 + 1.1·log10(FLOP) + 0.4·(year − 2020), with noise. */
function synthetic(n: number, seed: number, noise = 0.3): ProgressPoint[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const log10Flop = 22 + rand() * 5;
    const years = 2019 + rand() * 6;
    return {
      id: `m${i}`,
      log10Flop,
      years,
      capability: -20 + 1.1 * log10Flop + 0.4 * (years - 2020) + (rand() - 0.5) * 2 * noise,
    };
  });
}

/** Student's t quantiles from printed tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2). */
const T_TABLE: [number, number, number][] = [
  [0.95, 10, 1.812461],
  [0.95, 20, 1.724718],
  [0.95, 30, 1.697261],
  [0.95, 100, 1.660234],
  [0.975, 10, 2.228139],
  [0.975, 20, 2.085963],
  [0.975, 30, 2.042272],
  [0.995, 30, 2.749996],
];

test('t quantiles agree with the printed tables (to 1e-5 from 10 degrees of freedom), symmetric, normal in the limit', () => {
  for (const [p, df, t] of T_TABLE) {
    expect(Math.abs(tQuantile(p, df) - t), `${p} ${df}`).toBeLessThan(1e-5);
    expect(Math.abs(tQuantile(1 - p, df) + t), `${1 - p} ${df}`).toBeLessThan(1e-5);
  }
  // few degrees of freedom: the expansion is within 0.2% of the table (3 df, 95%: 2.353363)
  expect(Math.abs(tQuantile(0.95, 3) / 2.353363 - 1)).toBeLessThan(2e-3);
  expect(Math.abs(tQuantile(0.975, 5) / 2.570582 - 1)).toBeLessThan(2e-3);
  expect(tQuantile(0.95, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.95));
  expect(tQuantile(0.95, 2e6)).toBe(normalQuantile(0.95));
  expect(tQuantile(0.5, 7)).toBe(0);
  for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => tQuantile(p, 10)).toThrow('p must be in (0, 1)');
});

test('normal quantiles agree with the printed tables in the centre and both tails (to 1e-8)', () => {
  const table: [number, number][] = [
    [0.5, 0],
    [0.9, 1.281551566],
    [0.95, 1.644853627],
    [0.975, 1.959963985],
    [0.3, -0.524400513],
    [0.01, -2.326347874],
    [0.02, -2.053748911],
    [0.98, 2.053748911],
    [0.999, 3.090232306],
    [0.0001, -3.719016485],
  ];
  for (const [p, z] of table) expect(Math.abs(normalQuantile(p) - z), String(p)).toBeLessThan(1e-8);
});

test('decimal years: days since 1970 over 365.25; a month-only date is mid-month', () => {
  expect(decimalYear('1970-01-01')).toBe(1970);
  // 2000-01-01 is 10,957 days after 1970-01-01
  expect(decimalYear('2000-01-01')).toBeCloseTo(1970 + 10957 / 365.25, 12);
  expect(decimalYear('2024-07')).toBe(decimalYear('2024-07-15'));
  expect(decimalYear('2023-07-02')).toBeCloseTo(2023.5, 2);
});

test('least squares: coefficients, standard errors, residual variance and R² match the closed form', () => {
  const pts = synthetic(12, 3);
  const rows = pts.map((p) => [1, p.log10Flop, p.years]);
  const y = pts.map((p) => p.capability);
  const f = ols(rows, y)!;
  const o = olsOracle(rows, y);
  f.coefficients.forEach((c, i) => expectClose(c, o.beta[i]!));
  f.standardErrors.forEach((s, i) => expectClose(s, o.se[i]!));
  expectClose(f.residualVariance, o.s2);
  expectClose(f.r2, o.r2);
  expect(f.n).toBe(12);
  // a perfect fit of a constant: R² is 1, not 0/0
  const flat = ols(
    [
      [1, 1],
      [1, 2],
      [1, 3],
    ],
    [4, 4, 4],
  )!;
  expect(flat.r2).toBe(1);
  expect(flat.coefficients[0]).toBeCloseTo(4, 12);
});

test('least squares refuses too few rows, no predictors and predictors that say the same thing', () => {
  expect(ols([], [])).toBeUndefined();
  expect(ols([[], []], [1, 2])).toBeUndefined();
  expect(
    ols(
      [
        [1, 2],
        [1, 3],
      ],
      [1, 2],
    ),
  ).toBeUndefined();
  const collinear = [1, 2, 3, 4, 5].map((x) => [1, x, 2 * x]);
  expect(ols(collinear, [1, 2, 3, 4, 6])).toBeUndefined();
  // one more row than predictors is enough
  expect(
    ols(
      [
        [1, 0],
        [1, 1],
        [1, 3],
      ],
      [1, 2, 4],
    )?.n,
  ).toBe(3);
});

test('the t quantile refuses probabilities outside (0, 1)', () => {
  for (const p of [0, 1, -0.1, 1.5]) expect(() => tQuantile(p, 5), String(p)).toThrow('p must be in (0, 1)');
  expect(tQuantile(0.5, 5)).toBe(0);
});

test('compute and dates that move exactly in step are refused, not fitted with meaningless slopes', () => {
  // 10× compute every 1.5 years, exactly: compute and date say the same thing, so their separate
  // effects cannot be told apart (before, the fit returned them with standard errors of 10³–10⁶)
  const logFlop = [22, 22.7, 23.1, 23.9, 24.4, 25, 25.2, 25.9];
  const inStep = (jitterYears: number): ProgressPoint[] =>
    logFlop.map((f, i) => ({
      id: `m${i}`,
      log10Flop: f,
      years: 2015 + (f - 22) * 1.5 + (i % 2 ? jitterYears : -jitterYears),
      capability: 0.3 * f + (i % 3) * 0.1,
    }));
  expect(fitProgress(inStep(0))).toBeUndefined();
  expect(
    ols(
      inStep(0).map((p) => [1, p.log10Flop, p.years]),
      logFlop,
    ),
  ).toBeUndefined();
  // a release a month off the line is information, not rounding: fitted
  const month = fitProgress(inStep(1 / 12));
  expect(month?.n).toBe(8);
  expect(Number.isFinite(month?.b.value)).toBe(true);
  // the same holds for the intercept repeated, or a predictor that is a multiple plus a constant
  expect(
    collinear(
      [
        [1, 1, 2],
        [1, 1, 3],
        [1, 1, 5],
      ],
      3,
    ),
  ).toBe(true);
  expect(
    collinear(
      [
        [1, 2, 7],
        [1, 3, 9],
        [1, 5, 13],
        [1, 6, 15],
      ],
      3,
    ),
  ).toBe(true);
  expect(
    collinear(
      [
        [1, 2, 7],
        [1, 3, 9],
        [1, 5, 14],
        [1, 6, 15],
      ],
      3,
    ),
  ).toBe(false);
  // the rule is a share of each column's own spread (1 − R² below 1e-10), whatever the units: a
  // FLOP column spread over ten orders and one over a hundredth of an order are judged alike
  const share = (x1: number[], x2: number[]) => {
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [m1, m2] = [mean(x1), mean(x2)];
    const cov = x1.reduce((a, v, i) => a + (v - m1) * ((x2[i] as number) - m2), 0);
    const v1 = x1.reduce((a, v) => a + (v - m1) ** 2, 0);
    const v2 = x2.reduce((a, v) => a + (v - m2) ** 2, 0);
    return 1 - (cov * cov) / (v1 * v2);
  };
  for (const scale of [1e-3, 1, 1e3])
    for (const [wobble, expected] of [
      [1e-7, true],
      [1e-3, false],
    ] as const) {
      const x1 = [0, 1, 2, 3, 4, 5, 6, 7].map((r) => r * scale);
      const x2 = x1.map((v, r) => 2 * v + 1 + (r % 2 ? wobble : -wobble) * scale);
      // the oracle's 1 − R² is far from the threshold on either side
      expect(share(x1, x2) < 1e-10).toBe(expected);
      expect(Math.abs(Math.log10(share(x1, x2) / 1e-10))).toBeGreaterThan(2);
      expect(
        collinear(
          x1.map((v, r) => [1, v, x2[r] as number]),
          3,
        ),
        `scale ${scale}, wobble ${wobble}`,
      ).toBe(expected);
    }
  // a predictor column with no intercept beside it is not an intercept twice
  expect(
    collinear(
      [
        [1, 2],
        [1, 3],
        [1, 5],
      ],
      2,
    ),
  ).toBe(false);
});

test('compute and time against capability: the joint fit recovers the law, with t intervals of the right width', () => {
  const pts = synthetic(40, 7);
  const f = fitProgress(pts, 0.9, 200, 3)!;
  const o = olsOracle(
    pts.map((p) => [1, p.log10Flop, p.years]),
    pts.map((p) => p.capability),
  );
  const t = tQuantile(0.95, 37);
  for (const [iv, i] of [
    [f.a, 0],
    [f.b, 1],
    [f.c, 2],
  ] as const) {
    expectClose(iv.value, o.beta[i]!);
    expectClose(iv.hi - iv.value, t * o.se[i]!);
    expectClose(iv.value - iv.lo, t * o.se[i]!);
  }
  // the law recovered (an interval misses the truth one time in ten, so the check is on the estimate)
  expect(Math.abs(f.b.value - 1.1)).toBeLessThan(0.1);
  expect(Math.abs(f.c.value - 0.4)).toBeLessThan(0.1);
  expect(f.b.lo).toBeLessThan(f.b.value);
  expect(f.c.hi).toBeGreaterThan(f.c.value);
  expect(f.n).toBe(40);
  expectClose(f.r2, o.r2);
  expect(f.level).toBe(0.9);
  // c / b: 0.4 / 1.1 orders of magnitude less compute per year for the same capability
  expect(f.oomPerYear.value).toBeCloseTo(f.c.value / f.b.value, 12);
  expect(Math.abs(f.oomPerYear.value - 0.4 / 1.1)).toBeLessThan(0.05);
  expect(f.factorPerYear.value).toBeCloseTo(10 ** f.oomPerYear.value, 10);
  expect(f.factorPerYear.lo).toBeCloseTo(10 ** f.oomPerYear.lo, 10);
  expect(f.factorPerYear.hi).toBeCloseTo(10 ** f.oomPerYear.hi, 10);
  // a 50% interval sits inside the 90% one
  const half = fitProgress(pts, 0.5, 200, 3)!;
  expect(half.b.hi - half.b.lo).toBeLessThan(f.b.hi - f.b.lo);
  expect(half.oomPerYear.lo).toBeGreaterThanOrEqual(f.oomPerYear.lo);
  expect(half.oomPerYear.hi).toBeLessThanOrEqual(f.oomPerYear.hi);
});

test('the c / b interval is the 5th–95th percentile of the bootstrap ratios (independent redo, same seed)', () => {
  const pts = synthetic(15, 11, 0.6);
  const f = fitProgress(pts, 0.9, 300, 9)!;
  const rand = seededRandom(9);
  const ratios: number[] = [];
  for (let r = 0; r < 300; r++) {
    const s = pts.map(() => pts[Math.floor(rand() * pts.length)]!);
    // a resample without spread in compute or dates has no slope to speak of
    if (new Set(s.map((p) => p.log10Flop)).size < 2 || new Set(s.map((p) => p.years)).size < 2) continue;
    const o = olsOracle(
      s.map((p) => [1, p.log10Flop, p.years]),
      s.map((p) => p.capability),
    );
    if (Number.isFinite(o.beta[1]) && o.beta[1]! > 0) ratios.push(o.beta[2]! / o.beta[1]!);
  }
  ratios.sort((a, b) => a - b);
  const at = (q: number) => {
    const h = (ratios.length - 1) * q;
    const i = Math.floor(h);
    return ratios[i]! + (h - i) * (ratios[Math.ceil(h)]! - ratios[i]!);
  };
  expect(f.bootstrapResamples).toBe(ratios.length);
  expectClose(f.oomPerYear.lo, at(0.05));
  expectClose(f.oomPerYear.hi, at(0.95));
  expect(f.oomPerYear.lo).toBeLessThan(f.oomPerYear.value);
  expect(f.oomPerYear.hi).toBeGreaterThan(f.oomPerYear.value);
  // the defaults: 90%, 1000 resamples, seed 1
  const d = fitProgress(pts)!;
  expect(d.level).toBe(0.9);
  expect(d.bootstrapResamples).toBeGreaterThan(900);
  expect(d.bootstrapResamples).toBeLessThanOrEqual(1000);
});

test('fewer than five models, or no spread in compute, gives no fit; a falling compute trend gives no c / b', () => {
  expect(fitProgress(synthetic(4, 1))).toBeUndefined();
  expect(fitProgress(synthetic(5, 1), 0.9, 20)).toBeDefined();
  // (rounding once let these through with a meaningless slope: b = 16, 90% interval ±1.8 million)
  expect(fitProgress(synthetic(8, 2).map((p) => ({ ...p, log10Flop: 24 })))).toBeUndefined();
  expect(fitProgress(synthetic(8, 2).map((p) => ({ ...p, years: 2023.5 })))).toBeUndefined();
  expect(fitTimeTrend(synthetic(8, 2).map((p) => ({ ...p, years: 2023.5 })))).toBeUndefined();
  // a resample that drew one model five times is skipped, not fitted
  const five = fitProgress(synthetic(5, 8), 0.9, 400, 2)!;
  expect(five.bootstrapResamples).toBeLessThan(400);
  expect(Math.abs(five.oomPerYear.lo)).toBeLessThan(100);
  expect(Math.abs(five.oomPerYear.hi)).toBeLessThan(100);
  // capability falls with compute: c / b has no meaning, and no resample gives one
  const falling = synthetic(10, 4, 0).map((p) => ({ ...p, capability: 50 - 2 * p.log10Flop + 0.3 * p.years }));
  const f = fitProgress(falling, 0.9, 50)!;
  expect(f.b.value).toBeLessThan(0);
  expect(f.oomPerYear.value).toBeNaN();
  expect(f.oomPerYear.lo).toBeNaN();
  expect(f.oomPerYear.hi).toBeNaN();
  expect(f.bootstrapResamples).toBe(0);
  expect(computeVsTrend(f, falling[0]!)).toBeUndefined();
});

test('what the trend expects, and a model’s compute against it', () => {
  const f = fitProgress(synthetic(30, 5, 0), 0.9, 20)!;
  // noise-free data: the fit is the law itself
  expect(expectedCapability(f, 25, 2022)).toBeCloseTo(-20 + 1.1 * 25 + 0.4 * 2, 8);
  const onTrend = { id: 'x', log10Flop: 25, years: 2022, capability: expectedCapability(f, 25, 2022) };
  expect(computeVsTrend(f, onTrend)).toBeCloseTo(1, 8);
  // 1.1 capability units above the trend: the trend needed 10× the compute it used
  expect(computeVsTrend(f, { ...onTrend, capability: onTrend.capability + 1.1 })).toBeCloseTo(0.1, 8);
  expect(computeVsTrend({ ...f, b: { ...f.b, value: 0 } }, onTrend)).toBeUndefined();
});

test('capability against release date: slope per year with a t interval on n − 2 degrees of freedom', () => {
  const rand = seededRandom(21);
  const pts = Array.from({ length: 12 }, () => {
    const years = 2018 + rand() * 7;
    return { years, capability: 0.5 * (years - 2018) + (rand() - 0.5) };
  });
  const tt = fitTimeTrend(pts)!;
  // the oracle: the closed form for one predictor
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p.years, 0) / n;
  const my = pts.reduce((s, p) => s + p.capability, 0) / n;
  const sxx = pts.reduce((s, p) => s + (p.years - mx) ** 2, 0);
  const slope = pts.reduce((s, p) => s + (p.years - mx) * (p.capability - my), 0) / sxx;
  const sse = pts.reduce((s, p) => s + (p.capability - my - slope * (p.years - mx)) ** 2, 0);
  const se = Math.sqrt(sse / (n - 2) / sxx);
  expect(tt.perYear.value).toBeCloseTo(slope, 8);
  expect(tt.intercept).toBeCloseTo(my - slope * mx, 5);
  expect(tt.perYear.hi - tt.perYear.value).toBeCloseTo(tQuantile(0.95, n - 2) * se, 8);
  expect(tt.perYear.value - tt.perYear.lo).toBeCloseTo(tQuantile(0.95, n - 2) * se, 8);
  expect(tt.n).toBe(12);
  const sst = pts.reduce((s, p) => s + (p.capability - my) ** 2, 0);
  expect(tt.r2).toBeCloseTo(1 - sse / sst, 10);
  expect(fitTimeTrend(pts, 0.5)!.perYear.hi - slope).toBeCloseTo(tQuantile(0.75, n - 2) * se, 8);
  expect(fitTimeTrend(pts.slice(0, 2))).toBeUndefined();
});
