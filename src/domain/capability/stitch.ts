/**
 * Benchmark stitching, the method of Ho et al. 2025, "A Rosetta Stone for AI Benchmarks"
 * (arXiv:2512.00193), behind Epoch AI's Capabilities Index. Each model version m has one latent
 * capability C_m; each benchmark b a difficulty D_b and a slope α_b:
 *
 *   predicted score(m, b) = logistic(α_b · (C_m − D_b))
 *
 * fitted jointly by least squares on the scores themselves (not on logits) with an L2 penalty
 *
 *   Σ (predicted − observed)² + λ · (ΣC² + ΣD² + Σ free α²) / (models + 2·benchmarks − 1)
 *
 * under bounds on C, D and α. The anchor benchmark's slope is held fixed during the fit and
 * afterwards every C and D is shifted so that the anchor's difficulty is the chosen value: that is
 * what makes capabilities from different fits comparable.
 *
 * The solver is Levenberg–Marquardt with a projected active set for the bounds. The normal
 * equations are solved by eliminating the capabilities first: no two capabilities share an
 * observation, so their block is diagonal and only a (2·benchmarks)² Schur complement is ever
 * factorised — a few hundred microseconds per step for Epoch's data.
 * Pure and deterministic: the same data and options give the same numbers.
 */
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from '../linalg';
import { seededRandom } from '../random';

/** Standard normal draws from the seeded generator (Box–Muller). */
function gaussian(seed: number): () => number {
  const rand = seededRandom(seed);
  return () => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

export interface StitchData {
  nModels: number;
  nBenchmarks: number;
  /** per observation: model index, benchmark index and score as a fraction 0–1 */
  model: Int32Array;
  bench: Int32Array;
  score: Float64Array;
  /** per observation multiplicity (a bootstrap resample); every observation counts once when absent */
  weight?: Float64Array;
}

export interface StitchParams {
  capability: Float64Array;
  difficulty: Float64Array;
  slope: Float64Array;
}

export interface StitchOptions {
  /** index of the benchmark that fixes the scale */
  anchor: number;
  /** the anchor's slope, held during the fit (the paper: 1) */
  anchorSlope: number;
  /** the anchor's difficulty after the final shift (the paper: 0) */
  anchorDifficulty: number;
  /** L2 regularisation strength λ (the paper: 0.1) */
  lambda: number;
  /** C and D are kept in [−bound, bound] during the fit (the paper: 10) */
  capabilityBound: number;
  /** α is kept in [low, high] (the paper: [0.1, 10]) */
  slopeBounds: readonly [number, number];
  /** starting slope of every free benchmark (the paper's regularised fit: 1) */
  slopeInit: number;
  /**
   * C and D start at seeded noise (standard deviation 0.1, as the paper's code does with its own
   * generator), so the start is the same every time; without a seed they start at 0. The optimum
   * does not depend on it (starts tried move capabilities by < 1e-4).
   */
  seed?: number;
  /** a warm start (e.g. the full fit, for bootstrap refits), in the unshifted parametrisation */
  start?: StitchParams;
  maxIterations?: number;
  /** stop when the largest projected-gradient component falls below this */
  gradientTolerance?: number;
  /**
   * 'hybrid' (default): Newton steps, which reach the optimum in a few dozen iterations where
   * Gauss–Newton alone takes hundreds; when the Newton system is indefinite three times running it
   * falls back to Gauss–Newton until progress slows. The other two force one kind.
   */
  hessian?: 'hybrid' | 'gauss-newton' | 'newton';
}

export interface StitchFit extends StitchParams {
  /** the penalised objective at the solution (sum of squared errors + penalty) */
  objective: number;
  /** sum of squared score errors alone */
  sse: number;
  iterations: number;
  converged: boolean;
  /** largest projected-gradient component at the end (0 at an exact optimum) */
  projectedGradient: number;
  /** the parameters as fitted, before the anchor shift: a warm start for refits */
  raw: StitchParams;
  /** standard errors from the objective's curvature (Gauss–Newton), on the shifted scale */
  capabilitySe: Float64Array;
  difficultySe: Float64Array;
  slopeSe: Float64Array;
  /** residual variance of the scores, SSE ÷ (observations − parameters) */
  residualVariance: number;
}

export class StitchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StitchError';
  }
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Predicted score of a model with capability c on a benchmark with difficulty d and slope a. */
export const predictScore = (c: number, d: number, a: number): number => logistic(a * (c - d));

function validate(data: StitchData, o: StitchOptions): void {
  const { nModels, nBenchmarks, model, bench, score } = data;
  if (model.length !== bench.length || model.length !== score.length)
    throw new StitchError('observations: model, benchmark and score arrays differ in length');
  if (data.weight && data.weight.length !== score.length)
    throw new StitchError('observations: weights and scores differ in length');
  if (!(o.anchor >= 0 && o.anchor < nBenchmarks))
    throw new StitchError(`anchor benchmark index ${o.anchor} is out of range`);
  if (!(o.lambda >= 0 && Number.isFinite(o.lambda)))
    throw new StitchError(`λ must be a non-negative number, got ${o.lambda}`);
  if (!(o.capabilityBound > 0))
    throw new StitchError(`the capability bound must be positive, got ${o.capabilityBound}`);
  const [lo, hi] = o.slopeBounds;
  if (!(lo > 0 && lo <= hi)) throw new StitchError(`slope bounds must satisfy 0 < low ≤ high, got ${lo}–${hi}`);
  for (let i = 0; i < score.length; i++) {
    const m = model[i] as number;
    const b = bench[i] as number;
    const y = score[i] as number;
    if (!(m >= 0 && m < nModels) || !(b >= 0 && b < nBenchmarks))
      throw new StitchError(`observation ${i}: model or benchmark index out of range`);
    if (!(y >= 0 && y <= 1)) throw new StitchError(`observation ${i}: score ${y} is not a fraction between 0 and 1`);
  }
}

// Stryker disable next-line EqualityOperator: at x equal to a bound both branches return the same number
const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Fits capabilities, difficulties and slopes. Throws StitchError on data it cannot fit. */
export function fitStitch(data: StitchData, o: StitchOptions): StitchFit {
  validate(data, o);
  const { nModels: nM, nBenchmarks: nB, model, bench, score } = data;
  const nObs = score.length;
  const weight = data.weight;
  const anchor = o.anchor;
  const bound = o.capabilityBound;
  const [aLo, aHi] = o.slopeBounds;
  const penalty = o.lambda / (nM + 2 * nB - 1);
  const maxIterations = o.maxIterations ?? 2000;
  const gtol = o.gradientTolerance ?? 1e-9;

  const noise = o.seed !== undefined ? gaussian(o.seed) : () => 0;
  const C = o.start ? Float64Array.from(o.start.capability) : Float64Array.from({ length: nM }, () => 0.1 * noise());
  const D = o.start ? Float64Array.from(o.start.difficulty) : Float64Array.from({ length: nB }, () => 0.1 * noise());
  const A = o.start ? Float64Array.from(o.start.slope) : new Float64Array(nB).fill(o.slopeInit);
  // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
  for (let m = 0; m < nM; m++) C[m] = clamp(C[m] as number, -bound, bound);
  // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
  for (let b = 0; b < nB; b++) {
    D[b] = clamp(D[b] as number, -bound, bound);
    A[b] = clamp(A[b] as number, aLo, aHi);
  }
  A[anchor] = o.anchorSlope;

  // observations grouped by model (CSR), so the Schur complement is built one model at a time
  const byModelStart = new Int32Array(nM + 1);
  // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
  for (let i = 0; i < nObs; i++) {
    const next = (model[i] as number) + 1;
    byModelStart[next] = (byModelStart[next] as number) + 1;
  }
  // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
  for (let m = 0; m < nM; m++) byModelStart[m + 1] = (byModelStart[m + 1] as number) + (byModelStart[m] as number);
  const byModel = new Int32Array(nObs);
  {
    const fill = byModelStart.slice(0, nM);
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let i = 0; i < nObs; i++) {
      const m = model[i] as number;
      byModel[fill[m] as number] = i;
      fill[m] = (fill[m] as number) + 1;
    }
  }

  const objectiveAt = (c: Float64Array, d: Float64Array, a: Float64Array) => {
    let sse = 0;
    for (let i = 0; i < nObs; i++) {
      const b = bench[i] as number;
      const r = predictScore(c[model[i] as number] as number, d[b] as number, a[b] as number) - (score[i] as number);
      sse += (weight ? (weight[i] as number) : 1) * r * r;
    }
    let reg = 0;
    for (let m = 0; m < nM; m++) reg += (c[m] as number) ** 2;
    for (let b = 0; b < nB; b++) {
      reg += (d[b] as number) ** 2;
      if (b !== anchor) reg += (a[b] as number) ** 2;
    }
    return { sse, objective: sse + penalty * reg };
  };

  // B-block variables: D_b then α_b; compact index into the Schur complement, −1 when fixed
  const nBVars = 2 * nB;
  const gC = new Float64Array(nM);
  const hCC = new Float64Array(nM);
  const gB = new Float64Array(nBVars);
  const hBdiag = new Float64Array(nBVars); // H_DD and H_αα per benchmark
  const hDA = new Float64Array(nB); // H_Dα per benchmark
  // per observation: the Hessian's coupling of C_m with D_b and with α_b
  const hCD = new Float64Array(nObs);
  const hCA = new Float64Array(nObs);
  // Gauss–Newton diagonals, which scale the damping (always ≥ 0, unlike the exact Hessian's)
  const gnC = new Float64Array(nM);
  const gnB = new Float64Array(nBVars);
  // Stryker disable next-line BooleanLiteral: set from the mode before its first use
  let exact = false;

  /**
   * Gradient and Hessian of F = ½·objective. With `exact` off this is Gauss–Newton (JᵀJ), robust
   * far from the optimum; with it on, the residuals' own curvature is added (Newton), which
   * converges in a handful of steps once close.
   */
  const assemble = () => {
    gC.fill(0);
    hCC.fill(0);
    gB.fill(0);
    hBdiag.fill(0);
    hDA.fill(0);
    gnC.fill(0);
    gnB.fill(0);
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let i = 0; i < nObs; i++) {
      const m = model[i] as number;
      const b = bench[i] as number;
      const a = A[b] as number;
      const diff = (C[m] as number) - (D[b] as number);
      const p = logistic(a * diff);
      const s = p * (1 - p);
      const w = weight ? (weight[i] as number) : 1;
      const r = p - (score[i] as number);
      // Stryker disable next-line ConditionalExpression: only the anchor's own slope entries would change, and its fixed slope is in neither the system nor the projected gradient
      const freeSlope = b !== anchor;
      // ∂p/∂C = a·s, ∂p/∂D = −a·s, ∂p/∂α = diff·s
      const jc = a * s;
      const ja = freeSlope ? diff * s : 0;
      const gnCC = w * jc * jc;
      const gnAA = w * ja * ja;
      let cc = gnCC;
      let dd = gnCC;
      let aa = gnAA;
      let cd = -gnCC;
      let ca = w * jc * ja;
      let da = -w * jc * ja;
      if (exact) {
        // r · ∂²p: ∂²p/∂z² = s(1 − 2p) along z = α(C − D), plus ∂²z/∂C∂α = 1, ∂²z/∂D∂α = −1
        const q = w * r * s * (1 - 2 * p);
        cc += q * a * a;
        dd += q * a * a;
        cd -= q * a * a;
        // Stryker disable next-line ConditionalExpression: only the anchor's own slope entries would change, and its fixed slope is in neither the system nor the projected gradient
        if (freeSlope) {
          aa += q * diff * diff;
          ca += q * a * diff + w * r * s;
          da += -q * a * diff - w * r * s;
        }
      }
      hCD[i] = cd;
      hCA[i] = freeSlope ? ca : 0;
      gC[m] = (gC[m] as number) + w * jc * r;
      hCC[m] = (hCC[m] as number) + cc;
      gnC[m] = (gnC[m] as number) + gnCC;
      gB[b] = (gB[b] as number) - w * jc * r;
      gB[nB + b] = (gB[nB + b] as number) + w * ja * r;
      hBdiag[b] = (hBdiag[b] as number) + dd;
      hBdiag[nB + b] = (hBdiag[nB + b] as number) + aa;
      gnB[b] = (gnB[b] as number) + gnCC;
      gnB[nB + b] = (gnB[nB + b] as number) + gnAA;
      hDA[b] = (hDA[b] as number) + da;
    }
    // the penalty's gradient and curvature (F = ½·objective, so both are penalty·θ and penalty)
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let m = 0; m < nM; m++) {
      gC[m] = (gC[m] as number) + penalty * (C[m] as number);
      hCC[m] = (hCC[m] as number) + penalty;
      gnC[m] = (gnC[m] as number) + penalty;
    }
    for (let b = 0; b < nB; b++) {
      gB[b] = (gB[b] as number) + penalty * (D[b] as number);
      hBdiag[b] = (hBdiag[b] as number) + penalty;
      gnB[b] = (gnB[b] as number) + penalty;
      // Stryker disable next-line ConditionalExpression: only the anchor's own slope entries would change, and its fixed slope is in neither the system nor the projected gradient
      if (b !== anchor) {
        gB[nB + b] = (gB[nB + b] as number) + penalty * (A[b] as number);
        hBdiag[nB + b] = (hBdiag[nB + b] as number) + penalty;
        gnB[nB + b] = (gnB[nB + b] as number) + penalty;
      }
    }
  };

  const valueOfB = (k: number) => (k < nB ? (D[k] as number) : (A[k - nB] as number));
  /** a variable sitting on a bound whose gradient pushes it outward is held for this step */
  const held = (value: number, lo: number, hi: number, g: number) =>
    // Stryker disable next-line EqualityOperator: values are clamped exactly onto a bound; the two differ only at a gradient of exactly 0
    (value <= lo + 1e-12 && g > 0) || (value >= hi - 1e-12 && g < 0);

  const projectedGradient = () => {
    let worst = 0;
    for (let m = 0; m < nM; m++) {
      const g = gC[m] as number;
      if (!held(C[m] as number, -bound, bound, g)) worst = Math.max(worst, Math.abs(g));
    }
    for (let k = 0; k < nBVars; k++) {
      // Stryker disable next-line ConditionalExpression: the anchor's fixed slope has no gradient (its terms are never added), so skipping it or not gives the same maximum
      if (k === nB + anchor) continue;
      const g = gB[k] as number;
      if (!held(valueOfB(k), k < nB ? -bound : aLo, k < nB ? bound : aHi, g)) worst = Math.max(worst, Math.abs(g));
    }
    return worst;
  };

  const sIndex = new Int32Array(nBVars);
  const hRow = new Float64Array(nBVars);
  const mark = new Int32Array(nBVars); // reset to −1 by every solve
  // reused between steps: the Schur complement, its right-hand side and each model's coupling row
  const S = new Float64Array(nBVars * nBVars);
  const rhs = new Float64Array(nBVars);
  const xB = new Float64Array(nBVars);
  const dC = new Float64Array(nM);
  const cDiag = new Float64Array(nM);
  const coupleStart = new Int32Array(nM + 1);
  const coupleIdx = new Int32Array(2 * nObs);
  const coupleVal = new Float64Array(2 * nObs);
  const cFree = new Uint8Array(nM);
  const lowOfB = (k: number) => (k < nB ? -bound : aLo);
  const highOfB = (k: number) => (k < nB ? bound : aHi);

  /**
   * Solves the damped normal equations for a step (dC, xB). `mu` scales the damping; with
   * mu = 0 and every variable free, the factor left in S serves the standard errors.
   */
  const solve = (mu: number, freeAll: boolean): number | undefined => {
    let k = 0;
    for (let v = 0; v < nBVars; v++) {
      const fixed = v === nB + anchor || (!freeAll && held(valueOfB(v), lowOfB(v), highOfB(v), gB[v] as number));
      sIndex[v] = fixed ? -1 : k++;
    }
    const n = k;
    S.fill(0, 0, n * n);
    rhs.fill(0, 0, n);
    // Stryker disable next-line EqualityOperator: one past the end, b = nB rewrites benchmark 0's slope entries with the values they already have
    for (let b = 0; b < nB; b++) {
      const iD = sIndex[b] as number;
      const iA = sIndex[nB + b] as number;
      // Stryker disable next-line ConditionalExpression: with iD = −1 the writes land before the array's start and are dropped
      if (iD >= 0) {
        S[iD * n + iD] = (hBdiag[b] as number) + mu * ((gnB[b] as number) + 1e-9);
        rhs[iD] = -(gB[b] as number);
      }
      // Stryker disable next-line ConditionalExpression: with iA = −1 the writes land before the array's start and are dropped
      if (iA >= 0) {
        S[iA * n + iA] = (hBdiag[nB + b] as number) + mu * ((gnB[nB + b] as number) + 1e-9);
        rhs[iA] = -(gB[nB + b] as number);
      }
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a −1 index writes before the array or into the upper triangle, which the Cholesky factorisation never reads (and iA is 0 only when every difficulty is held, iD = −1)
      if (iD >= 0 && iA >= 0) {
        // Stryker disable next-line ArithmeticOperator: the upper triangle; the Cholesky factorisation reads only the lower one (next line)
        S[iD * n + iA] = hDA[b] as number;
        S[iA * n + iD] = hDA[b] as number;
      }
    }
    mark.fill(-1);
    let nc = 0;
    for (let m = 0; m < nM; m++) {
      coupleStart[m] = nc;
      cFree[m] = 0;
      if (!freeAll && held(C[m] as number, -bound, bound, gC[m] as number)) continue;
      const d = (hCC[m] as number) + mu * ((gnC[m] as number) + 1e-9);
      if (!(d > 0)) return undefined;
      cFree[m] = 1;
      cDiag[m] = d;
      const first = nc;
      for (let q = byModelStart[m] as number; q < (byModelStart[m + 1] as number); q++) {
        const i = byModel[q] as number;
        const b = bench[i] as number;
        for (let side = 0; side < 2; side++) {
          const s = sIndex[side === 0 ? b : nB + b] as number;
          if (s < 0) continue;
          if (mark[s] !== m) {
            mark[s] = m;
            hRow[s] = 0;
            coupleIdx[nc++] = s;
          }
          hRow[s] = (hRow[s] as number) + (side === 0 ? (hCD[i] as number) : (hCA[i] as number));
        }
      }
      const rc = -(gC[m] as number);
      for (let t = first; t < nc; t++) {
        const u = coupleIdx[t] as number;
        const hu = hRow[u] as number;
        coupleVal[t] = hu;
        rhs[u] = (rhs[u] as number) - (hu * rc) / d;
        const row = u * n;
        for (let t2 = first; t2 < nc; t2++) {
          const v = coupleIdx[t2] as number;
          S[row + v] = (S[row + v] as number) - (hu * (hRow[v] as number)) / d;
        }
      }
    }
    coupleStart[nM] = nc;
    if (!choleskyInPlace(S, n)) return undefined;
    xB.set(rhs.subarray(0, n));
    choleskySolveInPlace(S, n, xB);
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let m = 0; m < nM; m++) {
      // Stryker disable next-line ConditionalExpression,BlockStatement: a held capability's free move points out of the box (its gradient is not 0) and the clamp puts it back on the bound
      if (!cFree[m]) {
        dC[m] = 0;
        continue;
      }
      let s = -(gC[m] as number);
      for (let t = coupleStart[m] as number; t < (coupleStart[m + 1] as number); t++)
        s -= (coupleVal[t] as number) * (xB[coupleIdx[t] as number] as number);
      dC[m] = s / (cDiag[m] as number);
    }
    return n;
  };

  let { objective, sse } = objectiveAt(C, D, A);
  const mode = o.hessian ?? 'hybrid';
  exact = mode !== 'gauss-newton';
  let mu = 1e-3;
  let iterations = 0;
  let converged = false;
  let pg: number;
  const C2 = new Float64Array(nM);
  const D2 = new Float64Array(nB);
  const A2 = new Float64Array(nB);
  let stalled = 0;
  let failures = 0;
  while (iterations < maxIterations) {
    assemble();
    pg = projectedGradient();
    // converged is decided after the loop, from the gradient where the fit stopped
    // Stryker disable next-line EqualityOperator: a gradient exactly at the tolerance
    if (pg <= gtol) break;
    iterations++;
    const step = solve(mu, false);
    if (step === undefined) {
      // an indefinite Newton system: more damping, and back to Gauss–Newton if it keeps failing
      mu = Math.max(mu * 10, 1e-6);
      if (++failures >= 3 && mode === 'hybrid') exact = false;
      continue;
    }
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let m = 0; m < nM; m++) C2[m] = clamp((C[m] as number) + (dC[m] as number), -bound, bound);
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let b = 0; b < nB; b++) {
      const iD = sIndex[b] as number;
      const iA = sIndex[nB + b] as number;
      D2[b] = clamp((D[b] as number) + (iD >= 0 ? (xB[iD] as number) : 0), -bound, bound);
      A2[b] = b === anchor ? (A[b] as number) : clamp((A[b] as number) + (iA >= 0 ? (xB[iA] as number) : 0), aLo, aHi);
    }
    const next = objectiveAt(C2, D2, A2);
    if (next.objective < objective) {
      const relative = (objective - next.objective) / Math.max(objective, 1e-300);
      C.set(C2);
      D.set(D2);
      A.set(A2);
      objective = next.objective;
      sse = next.sse;
      failures = 0;
      mu = Math.max(mu / 3, 1e-12);
      // Stryker disable next-line EqualityOperator: progress of exactly 0.1%
      if (mode === 'hybrid' && !exact && relative < 1e-3) exact = true;
      // a string of steps that change nothing measurable: the optimum to machine precision
      stalled = relative < 1e-15 ? stalled + 1 : 0;
      if (stalled >= 5) {
        assemble();
        pg = projectedGradient();
        converged = pg <= Math.max(gtol, 1e-6);
        break;
      }
    } else {
      mu = Math.max(mu * 4, 1e-9);
      // Stryker disable next-line EqualityOperator: μ is a product of powers of 10, 4 and 3 from 1e-3 and is never exactly 1e16
      if (mu > 1e16) {
        assemble();
        pg = projectedGradient();
        converged = pg <= Math.max(gtol, 1e-6);
        break;
      }
    }
  }

  // standard errors from the Gauss–Newton curvature at the solution, every variable free
  exact = false;
  assemble();
  // the gradient where the fit stopped: a capped fit's last step moved past the one checked in the loop
  pg = projectedGradient();
  // Stryker disable next-line EqualityOperator: a gradient exactly at the tolerance
  if (pg <= gtol) converged = true;
  const nParams = nM + 2 * nB - 1;
  let effectiveObs = 0;
  for (let i = 0; i < nObs; i++) effectiveObs += weight ? (weight[i] as number) : 1;
  const residualVariance = sse / Math.max(1, effectiveObs - nParams);
  const capabilitySe = new Float64Array(nM).fill(Number.NaN);
  const difficultySe = new Float64Array(nB).fill(Number.NaN);
  const slopeSe = new Float64Array(nB).fill(Number.NaN);
  const n = solve(0, true);
  if (n !== undefined) {
    const Sinv = choleskyInverse(S, n);
    const a = sIndex[anchor] as number;
    const sAA = Sinv[a * n + a] as number;
    // Stryker disable next-line EqualityOperator: one past the end, b = nB reads slope 0's entries and its writes are dropped
    for (let b = 0; b < nB; b++) {
      const i = sIndex[b] as number;
      // the anchor's difficulty is pinned by the shift: the others' uncertainty is relative to it
      const v = (Sinv[i * n + i] as number) + sAA - 2 * (Sinv[i * n + a] as number);
      difficultySe[b] = Math.sqrt(Math.max(0, v * residualVariance));
      const iA = sIndex[nB + b] as number;
      // Stryker disable next-line EqualityOperator: with every variable free the slopes are indexed after all difficulties, so iA > 0 whenever iA ≥ 0
      slopeSe[b] = iA >= 0 ? Math.sqrt(Math.max(0, (Sinv[iA * n + iA] as number) * residualVariance)) : 0;
    }
    const sh = new Float64Array(n);
    // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
    for (let m = 0; m < nM; m++) {
      const d = cDiag[m] as number;
      const t0 = coupleStart[m] as number;
      const t1 = coupleStart[m + 1] as number;
      sh.fill(0);
      for (let t = t0; t < t1; t++) {
        const u = coupleIdx[t] as number;
        const hu = coupleVal[t] as number;
        const row = u * n;
        // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
        for (let v = 0; v < n; v++) sh[v] = (sh[v] as number) + (Sinv[row + v] as number) * hu;
      }
      let hSh = 0;
      for (let t = t0; t < t1; t++) hSh += (coupleVal[t] as number) * (sh[coupleIdx[t] as number] as number);
      // Var(C_m − D_anchor) from the block inverse: 1/d + hᵀS⁻¹h/d² + S⁻¹_aa + 2(S⁻¹h)_a/d
      const v = 1 / d + hSh / (d * d) + sAA + (2 * (sh[a] as number)) / d;
      capabilitySe[m] = Math.sqrt(Math.max(0, v * residualVariance));
    }
  }

  const raw = { capability: C.slice(), difficulty: D.slice(), slope: A.slice() };
  const shift = (D[anchor] as number) - o.anchorDifficulty;
  // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
  for (let m = 0; m < nM; m++) C[m] = (C[m] as number) - shift;
  // Stryker disable next-line EqualityOperator: one past the end reads undefined from typed arrays and its writes are dropped
  for (let b = 0; b < nB; b++) D[b] = (D[b] as number) - shift;
  return {
    capability: C,
    difficulty: D,
    slope: A,
    objective,
    sse,
    iterations,
    converged,
    projectedGradient: pg,
    raw,
    capabilitySe,
    difficultySe,
    slopeSe,
    residualVariance,
  };
}
