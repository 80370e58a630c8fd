/**
 * Dense symmetric positive-definite solves for the small systems the fits need (a few hundred
 * unknowns at most). Matrices are row-major Float64Arrays of n × n.
 */

/**
 * Cholesky factorisation A = L·Lᵀ in place (the lower triangle receives L, the upper is left
 * untouched). Returns false when A is not positive definite, so a damped solver can add damping
 * and try again instead of dividing by zero.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j] as number;
    for (let k = 0; k < j; k++) {
      const l = a[rowJ + k] as number;
      d -= l * l;
    }
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    // Stryker disable next-line EqualityOperator: one past the end row n is beyond the typed array: it reads undefined and the write is dropped
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j] as number;
      for (let k = 0; k < j; k++) s -= (a[rowI + k] as number) * (a[rowJ + k] as number);
      a[rowI + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b for x (b is overwritten with x), given the factor from choleskyInPlace. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  // Stryker disable next-line EqualityOperator: one past the end b[n] is beyond the typed array: it reads undefined and the write is dropped
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[row + k] as number) * (b[k] as number);
    b[i] = s / (l[row + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (b[k] as number);
    b[i] = s / (l[i * n + i] as number);
  }
}

/** The inverse of A from its Cholesky factor, as a full symmetric matrix. */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySolveInPlace(l, n, col);
    // Stryker disable next-line EqualityOperator: one past the end the write lands beyond the typed array and is dropped
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i] as number;
  }
  return inv;
}
