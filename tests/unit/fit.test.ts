import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bootstrapBand, growth, leastSquares, predict, residual } from '../../src/domain/fit';
import { seededRandom } from '../../src/domain/random';

/** Independent oracle: the textbook closed form from raw sums, and R² as 1 − SSE/SST. */
function closedForm(xs: readonly number[], ys: readonly number[]) {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
    sxy += xs[i]! * ys[i]!;
    sxx += xs[i]! * xs[i]!;
  }
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const intercept = (sy - slope * sx) / n;
  const mean = sy / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (ys[i]! - intercept - slope * xs[i]!) ** 2;
    sst += (ys[i]! - mean) ** 2;
  }
  return { slope, intercept, r2: 1 - sse / sst };
}

/** Linear-interpolation percentile of an already sorted list (the same definition R calls type 7). */
function percentile(sorted: readonly number[], q: number) {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return sorted[i]! + (h - i) * ((sorted[Math.min(i + 1, sorted.length - 1)] ?? 0) - sorted[i]!);
}

test('property: the fitted line, R² and n match the closed form', () => {
  const pointsArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -100, max: 100 })), {
      minLength: 3,
      maxLength: 30,
    })
    .filter((ps) => new Set(ps.map((p) => p[0])).size > 1 && new Set(ps.map((p) => p[1])).size > 1);
  fc.assert(
    fc.property(pointsArb, (ps) => {
      const xs = ps.map((p) => p[0] / 4 + 20);
      const ys = ps.map((p) => p[1]);
      const f = leastSquares(xs, ys)!;
      const o = closedForm(xs, ys);
      expect(f.n).toBe(ps.length);
      expect(f.slope).toBeCloseTo(o.slope, 6);
      expect(f.intercept).toBeCloseTo(o.intercept, 4);
      expect(f.r2).toBeCloseTo(o.r2, 8);
      expect(f.r2).toBeGreaterThanOrEqual(0);
      expect(f.r2).toBeLessThanOrEqual(1 + 1e-12);
      expect(predict(f, 22)).toBeCloseTo(o.intercept + o.slope * 22, 4);
    }),
  );
});

test('a fit needs two points at two different x; a flat line fits perfectly', () => {
  expect(leastSquares([], [])).toBeUndefined();
  expect(leastSquares([1], [5])).toBeUndefined();
  expect(leastSquares([3, 3, 3], [1, 2, 3])).toBeUndefined();
  const two = leastSquares([1, 3], [10, 20])!;
  expect([two.slope, two.intercept, two.n, two.r2]).toEqual([5, 5, 2, 1]);
  const flat = leastSquares([1, 2, 3], [7, 7, 7])!;
  expect([flat.slope, flat.intercept, flat.r2]).toEqual([0, 7, 1]);
  // with more x than y values, only the pairs count
  const uneven = leastSquares([1, 2, 3, 100], [2, 4, 6])!;
  expect(uneven.n).toBe(3);
  expect(uneven.slope).toBeCloseTo(2, 12);
  expect(leastSquares([1, 2], [2, 4, 600])!.slope).toBeCloseTo(2, 12);
  // a noisy example whose R² is worked by hand: ys 1,3,2 on xs 1,2,3 -> slope 0.5, R² 0.25
  const noisy = leastSquares([1, 2, 3], [1, 3, 2])!;
  expect(noisy.slope).toBeCloseTo(0.5, 12);
  expect(noisy.intercept).toBeCloseTo(1, 12);
  expect(noisy.r2).toBeCloseTo(0.25, 12);
});

/** The bootstrap redone independently: the same seeded draws, slopes by the closed form, sorted, percentiles. */
function bootstrapOracle(xs: number[], ys: number[], grid: number[], iterations: number, level: number, seed: number) {
  const rand = seededRandom(seed);
  const n = xs.length;
  const slopes: number[] = [];
  const preds: number[][] = grid.map(() => []);
  for (let it = 0; it < iterations; it++) {
    const idx = Array.from({ length: n }, () => Math.floor(rand() * n));
    const bx = idx.map((k) => xs[k]!);
    if (new Set(bx).size < 2) continue;
    const o = closedForm(
      bx,
      idx.map((k) => ys[k]!),
    );
    slopes.push(o.slope);
    grid.forEach((x, j) => preds[j]!.push(o.intercept + o.slope * x));
  }
  const a = (1 - level) / 2;
  const up = (v: number[]) => [...v].sort((p, q) => p - q);
  return {
    slopeLo: percentile(up(slopes), a),
    slopeHi: percentile(up(slopes), 1 - a),
    lo: preds.map((p) => percentile(up(p), a)),
    hi: preds.map((p) => percentile(up(p), 1 - a)),
  };
}

test('the bootstrap band is the 5th–95th percentile of resampled lines, slopes sorted (independent redo)', () => {
  const rand = seededRandom(99);
  const xs = Array.from({ length: 25 }, (_, i) => 22 + i / 6);
  const ys = xs.map((x) => 8 * x - 150 + (rand() - 0.5) * 20);
  const grid = [22, 23.5, 26];
  const band = bootstrapBand(xs, ys, grid, 200, 0.9, 5)!;
  const o = bootstrapOracle(xs, ys, grid, 200, 0.9, 5);
  expect(band.xs).toEqual(grid);
  expect(band.xs).not.toBe(grid);
  expect(band.slopeLo).toBeCloseTo(o.slopeLo, 8);
  expect(band.slopeHi).toBeCloseTo(o.slopeHi, 8);
  grid.forEach((_, j) => {
    expect(band.lo[j]).toBeCloseTo(o.lo[j]!, 6);
    expect(band.hi[j]).toBeCloseTo(o.hi[j]!, 6);
    expect(band.lo[j]!).toBeLessThan(band.hi[j]!);
  });
  expect(band.slopeLo).toBeLessThan(band.slopeHi);
  // a 50% band sits inside the 90% one; the defaults are 400 resamples at 90%, seed 1
  const half = bootstrapBand(xs, ys, grid, 200, 0.5, 5)!;
  expect(half.slopeLo).toBeGreaterThan(band.slopeLo);
  expect(half.slopeHi).toBeLessThan(band.slopeHi);
  const byDefault = bootstrapBand(xs, ys, grid)!;
  expect(byDefault.slopeLo).toBeCloseTo(bootstrapOracle(xs, ys, grid, 400, 0.9, 1).slopeLo, 8);
  expect(bootstrapBand(xs, ys, grid, 200, 0.9, 6)!.slopeLo).not.toBe(band.slopeLo);
});

test('the band needs three points; resamples that cannot be fitted are skipped, and none at all gives no band', () => {
  expect(bootstrapBand([1, 2], [1, 2], [1])).toBeUndefined();
  const three = bootstrapBand([1, 2, 3], [2, 4, 6], [2], 50)!;
  // every resample with two distinct x lies on the same exact line
  expect(three.slopeLo).toBeCloseTo(2, 12);
  expect(three.slopeHi).toBeCloseTo(2, 12);
  expect(three.lo[0]).toBeCloseTo(4, 12);
  const degenerate = bootstrapBand([5, 5, 5], [1, 2, 3], [5], 20)!;
  expect(degenerate.slopeLo).toBeNaN();
  expect(degenerate.lo[0]).toBeNaN();
  expect(degenerate.hi[0]).toBeNaN();
});

test('residual: points off the trend, and "× cheaper" only where the trend rises', () => {
  const rising = { slope: 10, intercept: 0, n: 10, r2: 1 };
  expect(residual(rising, 6, 50)).toEqual({ points: -10, timesCheaper: 0.1 });
  // the trend predicts 80 points at 10^8 (intercept 0): 80 at 10^6 is 100× cheaper
  expect(residual({ ...rising, intercept: 5 }, 6, 85).timesCheaper).toBeCloseTo(100, 8);
  expect(residual({ ...rising, slope: 0 }, 6, 50)).toEqual({ points: 50, timesCheaper: undefined });
  expect(residual({ ...rising, slope: -2 }, 6, 50)).toEqual({ points: 62, timesCheaper: undefined });
});

test('growth per year and doubling time; a flat or falling trend never doubles', () => {
  expect(growth({ slope: 1, intercept: 0, n: 3, r2: 1 })).toEqual({ perYear: 10, doublingYears: Math.log10(2) });
  expect(growth({ slope: 0, intercept: 0, n: 3, r2: 1 })).toEqual({ perYear: 1, doublingYears: undefined });
  expect(growth({ slope: -1, intercept: 0, n: 3, r2: 1 }).doublingYears).toBeUndefined();
});
