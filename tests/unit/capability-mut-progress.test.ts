/**
 * A model's compute against the trend, with its interval: the ratio redone by hand under every
 * bootstrap sample of the joint fit, and its percentiles taken by hand.
 */
import { expect, test } from 'vitest';
import {
  computeVsTrend,
  computeVsTrendInterval,
  fitProgress,
  ols,
  type ProgressPoint,
} from '../../src/domain/capability/progress';
import { seededRandom } from '../../src/domain/random';

/** capability = −20 + 1.1·log10(FLOP) + 0.4·(year − 2020), with noise */
function points(n: number, seed: number): ProgressPoint[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const log10Flop = 22 + rand() * 5;
    const years = 2019 + rand() * 6;
    return { id: `m${i}`, log10Flop, years, capability: -20 + 1.1 * log10Flop + 0.4 * (years - 2020) + rand() - 0.5 };
  });
}

const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  return s[Math.floor(h)]! + (h - Math.floor(h)) * (s[Math.ceil(h)]! - s[Math.floor(h)]!);
};

test('compute against the trend: its interval is the percentiles of the ratio under each bootstrap sample', () => {
  const f = fitProgress(points(20, 4), 0.9, 200, 3)!;
  const p = { id: 'x', log10Flop: 24.5, years: 2023.2, capability: 7.9 };
  // actual ÷ needed, where needed solves capability = a + b·log10(needed) + c·years
  const ratio = ([a, b, c]: readonly [number, number, number]) =>
    10 ** (p.log10Flop - (p.capability - a - c * p.years) / b);
  expect(computeVsTrend(f, p)).toBeCloseTo(ratio([f.a.value, f.b.value, f.c.value]), 10);
  const ratios = f.samples.map(ratio);
  const [lo, hi] = computeVsTrendInterval(f, p)!;
  expect(lo).toBeCloseTo(percentile(ratios, 0.05), 10);
  expect(hi).toBeCloseTo(percentile(ratios, 0.95), 10);
  // the fit's level sets the percentiles
  const [lo50, hi50] = computeVsTrendInterval({ ...f, level: 0.5 }, p)!;
  expect(lo50).toBeCloseTo(percentile(ratios, 0.25), 10);
  expect(hi50).toBeCloseTo(percentile(ratios, 0.75), 10);
  // ten samples are enough for an interval; nine are not
  expect(computeVsTrendInterval({ ...f, samples: f.samples.slice(0, 10) }, p)).toBeDefined();
  expect(computeVsTrendInterval({ ...f, samples: f.samples.slice(0, 9) }, p)).toBeUndefined();
});

test('a flat series: no slope, and R² 1 (there was no variation to explain), not NaN', () => {
  const f = ols(
    [
      [1, 0],
      [1, 1],
      [1, 2],
    ],
    [3, 3, 3],
  )!;
  expect(f.coefficients[0]).toBeCloseTo(3, 12);
  expect(f.coefficients[1]).toBeCloseTo(0, 12);
  expect(f.r2).toBe(1);
});
