/**
 * The Cholesky solves under both fits (the stitching solver and the compute–time regression),
 * checked against oracles that share none of their code: a factor worked out by hand, the product
 * L·Lᵀ rebuilt from the factor, A·x = b and A·A⁻¹ = I on random positive-definite matrices.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from '../../src/domain/linalg';

/** A random symmetric positive-definite matrix: MᵀM + n·I from a seeded matrix M. */
const spd = (n: number, entries: number[]): Float64Array => {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += entries[k * n + i]! * entries[k * n + j]!;
      a[i * n + j] = s;
    }
  return a;
};

const arbitrarySpd = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n })
      .map((e) => ({ n, a: spd(n, e) })),
  );

test('a 3 × 3 factor worked out by hand, written to the lower triangle only', () => {
  // A = L·Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 4]]
  const a = Float64Array.from([4, 2, -2, 2, 10, 5, -2, 5, 21]);
  expect(choleskyInPlace(a, 3)).toBe(true);
  // lower triangle: L; upper triangle: A's, untouched
  expect([...a]).toEqual([2, 2, -2, 1, 3, 5, -1, 2, 4]);
  // A·x = b with x = (1, −1, 2): b = (−2, 2, 35)
  const b = Float64Array.from([-2, 2, 35]);
  choleskySolveInPlace(a, 3, b);
  [1, -1, 2].forEach((x, i) => expect(b[i]).toBeCloseTo(x, 12));
});

test('a matrix that is not positive definite is refused, so the solver can add damping', () => {
  // semi-definite: a zero pivot
  expect(choleskyInPlace(Float64Array.from([1, 1, 1, 1]), 2)).toBe(false);
  // indefinite: a negative pivot after elimination
  expect(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
  // negative from the start, and a NaN or an infinite entry
  expect(choleskyInPlace(Float64Array.from([-1]), 1)).toBe(false);
  expect(choleskyInPlace(Float64Array.from([Number.NaN]), 1)).toBe(false);
  expect(choleskyInPlace(Float64Array.from([Number.POSITIVE_INFINITY]), 1)).toBe(false);
  // the second pivot fails after the first succeeded
  expect(choleskyInPlace(Float64Array.from([4, 2, 0, 2, 1, 0, 0, 0, 1]), 3)).toBe(false);
  // the smallest positive pivot is accepted
  expect(choleskyInPlace(Float64Array.from([Number.MIN_VALUE]), 1)).toBe(true);
});

test('property: the factor is lower triangular with a positive diagonal and L·Lᵀ = A', () => {
  fc.assert(
    fc.property(arbitrarySpd, ({ n, a }) => {
      const l = a.slice();
      expect(choleskyInPlace(l, n)).toBe(true);
      for (let i = 0; i < n; i++) {
        expect(l[i * n + i]).toBeGreaterThan(0);
        for (let j = 0; j < n; j++) {
          // rebuild A from the lower triangle alone
          let s = 0;
          for (let k = 0; k <= Math.min(i, j); k++) s += l[i * n + k]! * l[j * n + k]!;
          expect(s).toBeCloseTo(a[i * n + j]!, 8);
          // the upper triangle is the input's
          if (j > i) expect(l[i * n + j]).toBe(a[i * n + j]);
        }
      }
    }),
    { seed: 13, numRuns: 60 },
  );
});

test('property: the solve gives A·x = b, and the inverse gives A·A⁻¹ = I and is symmetric', () => {
  fc.assert(
    fc.property(
      arbitrarySpd,
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
      ({ n, a }, rhs) => {
        const l = a.slice();
        choleskyInPlace(l, n);
        const b = Float64Array.from(rhs.slice(0, n));
        const x = b.slice();
        choleskySolveInPlace(l, n, x);
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += a[i * n + k]! * x[k]!;
          expect(s).toBeCloseTo(b[i]!, 8);
        }
        const inv = choleskyInverse(l, n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += a[i * n + k]! * inv[k * n + j]!;
            expect(s).toBeCloseTo(i === j ? 1 : 0, 8);
            expect(inv[i * n + j]).toBeCloseTo(inv[j * n + i]!, 10);
          }
      },
    ),
    { seed: 17, numRuns: 60 },
  );
});
