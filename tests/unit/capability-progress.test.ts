import { expect, test } from 'vitest';
import {
  computeVsTrend,
  computeVsTrendInterval,
  decimalYear,
  fitProgress,
  fitTimeTrend,
  normalQuantile,
  ols,
  tQuantile,
  type ProgressPoint,
} from '../../src/domain/capability/progress';
import { describeProgress, describeVsTrend } from '../../src/store/capabilityView';
import { seededRandom } from '../../src/domain/random';

/** Capabilities drawn from a known a + b·log10(FLOP) + c·year, with noise. */
function synthetic(n: number, noise: number, seed = 4): ProgressPoint[] {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: n }, (_, i) => {
    const log10Flop = 22 + rand() * 5;
    const years = 2020 + rand() * 6;
    return { id: `m${i}`, log10Flop, years, capability: -200 + 0.3 * log10Flop + 0.1 * years + noise * gauss() };
  });
}

test('quantiles match the tables', () => {
  expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
  expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  // Student's t, two-sided 90%: df 10 -> 1.812, df 30 -> 1.697, df 100 -> 1.660
  expect(tQuantile(0.95, 10)).toBeCloseTo(1.8125, 3);
  expect(tQuantile(0.95, 30)).toBeCloseTo(1.6973, 3);
  expect(tQuantile(0.95, 100)).toBeCloseTo(1.6602, 3);
  expect(tQuantile(0.05, 10)).toBeCloseTo(-1.8125, 3);
});

test('least squares solves a system whose answer is known exactly', () => {
  // y = 2 + 3x1 − x2 exactly
  const x = [
    [1, 0, 0],
    [1, 1, 0],
    [1, 0, 1],
    [1, 2, 3],
    [1, 5, 1],
  ];
  const y = x.map((r) => 2 + 3 * r[1]! - r[2]!);
  const f = ols(x, y)!;
  expect(f.coefficients[0]).toBeCloseTo(2, 10);
  expect(f.coefficients[1]).toBeCloseTo(3, 10);
  expect(f.coefficients[2]).toBeCloseTo(-1, 10);
  expect(f.r2).toBeCloseTo(1, 10);
  expect(ols([[1], [1]], [1, 2])?.coefficients[0]).toBeCloseTo(1.5, 12);
  expect(ols([[1, 2]], [1])).toBeUndefined();
});

test('the joint fit recovers compute and time effects, and c / b as orders of magnitude a year', () => {
  const f = fitProgress(synthetic(200, 0.05))!;
  expect(f.b.value).toBeCloseTo(0.3, 1);
  expect(f.c.value).toBeCloseTo(0.1, 1);
  expect(f.b.lo).toBeLessThan(0.3);
  expect(f.b.hi).toBeGreaterThan(0.3);
  // 0.1 / 0.3 = a third of an order of magnitude a year: ≈2.15× less compute a year
  expect(f.oomPerYear.value).toBeCloseTo(1 / 3, 1);
  expect(f.factorPerYear.value).toBeCloseTo(10 ** f.oomPerYear.value, 10);
  expect(f.oomPerYear.lo).toBeLessThan(f.oomPerYear.value);
  expect(f.oomPerYear.hi).toBeGreaterThan(f.oomPerYear.value);
  expect(f.n).toBe(200);
  // reproducible: the bootstrap is seeded
  expect(fitProgress(synthetic(200, 0.05))!.oomPerYear).toEqual(f.oomPerYear);
});

test('compute against the trend: a model on the trend needed what it used; one above it needed more', () => {
  const f = fitProgress(synthetic(200, 0.05))!;
  const onTrend: ProgressPoint = {
    id: 'x',
    log10Flop: 24,
    years: 2024,
    capability: f.a.value + f.b.value * 24 + f.c.value * 2024,
  };
  expect(computeVsTrend(f, onTrend)).toBeCloseTo(1, 8);
  // one order of magnitude of compute's worth of capability above the trend: used 10× less than it needed
  const above = { ...onTrend, capability: onTrend.capability + f.b.value };
  expect(computeVsTrend(f, above)).toBeCloseTo(0.1, 8);
  const [lo, hi] = computeVsTrendInterval(f, above)!;
  expect(lo).toBeLessThan(0.1);
  expect(hi).toBeGreaterThan(0.1);
  expect(describeVsTrend(0.1)).toBe('10× less');
  expect(describeVsTrend(4)).toBe('4× more');
  expect(describeVsTrend(0.1, [0.05, 2])).toBe('10× less (90%: 2× more to 20× less)');
  expect(describeVsTrend(undefined)).toBe('—');
});

test('too few models, or no compute effect, is said rather than given a number', () => {
  expect(fitProgress(synthetic(4, 0.05))).toBeUndefined();
  expect(describeProgress(undefined, [])).toMatch(/Too few fitted versions/);
  const flat = synthetic(50, 0.05).map((p) => ({ ...p, capability: 0.1 * p.years + (p.log10Flop % 0.01) }));
  const f = fitProgress(flat)!;
  if (f.b.value <= 0) expect(describeProgress(f, [])).toMatch(/does not rise with compute/);
  const good = fitProgress(synthetic(100, 0.05))!;
  expect(describeProgress(good, [{ reason: 'no training compute known', count: 3 }])).toMatch(
    /less training compute per year for the same capability \(90% CI .*on 100 model versions.*Not in the fit: 3 no training compute known/,
  );
});

test('capability over time: units a year with an interval', () => {
  const pts = Array.from({ length: 30 }, (_, i) => ({ years: 2020 + i / 5, capability: 0.5 * (2020 + i / 5) - 1000 }));
  const t = fitTimeTrend(pts)!;
  expect(t.perYear.value).toBeCloseTo(0.5, 8);
  expect(decimalYear('2023-07-02')).toBeCloseTo(2023.5, 2);
  expect(decimalYear('2024-01')).toBeCloseTo(2024.04, 2);
});
