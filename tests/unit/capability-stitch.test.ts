/**
 * The stitching solver checked against oracles that share none of its code: the objective
 * recomputed from its definition, its gradient by finite differences (zero at the optimum, or
 * pointing out of the box at a bound), the standard errors from a numerically differentiated
 * Jacobian inverted by Gauss–Jordan, and weights against duplicated or dropped observations.
 * Problems are small (a few dozen models) so each fit takes milliseconds.
 */
import { expect, test } from 'vitest';
import {
  fitStitch,
  logistic,
  predictScore,
  StitchError,
  type StitchData,
  type StitchFit,
  type StitchOptions,
} from '../../src/domain/capability/stitch';
import { seededRandom } from '../../src/domain/random';

const options: StitchOptions = {
  anchor: 0,
  anchorSlope: 1,
  anchorDifficulty: 0,
  lambda: 0.1,
  capabilityBound: 10,
  slopeBounds: [0.1, 10],
  slopeInit: 1,
  seed: 42,
};

function normal(rand: () => number) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Scores from known capabilities, difficulties and slopes, with noise; every model on ≥ 2 benchmarks. */
function synthetic(seed: number, nModels: number, nBench: number, noise = 0.03, density = 0.5): StitchData {
  const rand = seededRandom(seed);
  const C = Array.from({ length: nModels }, () => normal(rand));
  const D = Array.from({ length: nBench }, () => normal(rand));
  const A = Array.from({ length: nBench }, (_, j) => (j === 0 ? 1 : 0.5 + rand() * 2));
  const m: number[] = [];
  const b: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < nModels; i++)
    for (let j = 0; j < nBench; j++)
      if (rand() < density || j === i % nBench || j === (i + 1) % nBench) {
        m.push(i);
        b.push(j);
        y.push(Math.min(1, Math.max(0, logistic(A[j]! * (C[i]! - D[j]!)) + normal(rand) * noise)));
      }
  return {
    nModels,
    nBenchmarks: nBench,
    model: Int32Array.from(m),
    bench: Int32Array.from(b),
    score: Float64Array.from(y),
  };
}

/** The penalised objective from its definition (raw, unshifted parameters). */
function objectiveOf(
  data: StitchData,
  o: StitchOptions,
  C: ArrayLike<number>,
  D: ArrayLike<number>,
  A: ArrayLike<number>,
) {
  let sse = 0;
  for (let i = 0; i < data.score.length; i++) {
    const b = data.bench[i]!;
    const p = 1 / (1 + Math.exp(-A[b]! * (C[data.model[i]!]! - D[b]!)));
    sse += (data.weight ? data.weight[i]! : 1) * (p - data.score[i]!) ** 2;
  }
  let reg = 0;
  for (let m = 0; m < data.nModels; m++) reg += C[m]! ** 2;
  for (let b = 0; b < data.nBenchmarks; b++) reg += D[b]! ** 2 + (b === o.anchor ? 0 : A[b]! ** 2);
  const free = data.nModels + 2 * data.nBenchmarks - 1;
  return { sse, objective: sse + (o.lambda / free) * reg };
}

type Vars = { C: Float64Array; D: Float64Array; A: Float64Array };
/** Every free variable of the raw solution: where it lives, its value and its box. */
function freeVariables(f: StitchFit, data: StitchData, o: StitchOptions) {
  const v: Vars = { C: f.raw.capability.slice(), D: f.raw.difficulty.slice(), A: f.raw.slope.slice() };
  const out: { arr: keyof Vars; i: number; lo: number; hi: number }[] = [];
  for (let m = 0; m < data.nModels; m++) out.push({ arr: 'C', i: m, lo: -o.capabilityBound, hi: o.capabilityBound });
  for (let b = 0; b < data.nBenchmarks; b++) {
    out.push({ arr: 'D', i: b, lo: -o.capabilityBound, hi: o.capabilityBound });
    if (b !== o.anchor) out.push({ arr: 'A', i: b, lo: o.slopeBounds[0], hi: o.slopeBounds[1] });
  }
  return { v, list: out };
}

/** ∂objective/∂θ by central differences. */
function numericGradient(data: StitchData, o: StitchOptions, f: StitchFit) {
  const { v, list } = freeVariables(f, data, o);
  const h = 1e-6;
  return list.map((x) => {
    const arr = v[x.arr];
    const keep = arr[x.i]!;
    arr[x.i] = keep + h;
    const up = objectiveOf(data, o, v.C, v.D, v.A).objective;
    arr[x.i] = keep - h;
    const down = objectiveOf(data, o, v.C, v.D, v.A).objective;
    arr[x.i] = keep;
    return { ...x, value: keep, g: (up - down) / (2 * h) };
  });
}

/** The first-order optimality conditions in a box: zero slope inside, slope pointing outward on a bound. */
function expectOptimal(data: StitchData, o: StitchOptions, f: StitchFit, tol = 1e-6) {
  for (const x of numericGradient(data, o, f)) {
    const atLo = x.value <= x.lo + 1e-9;
    const atHi = x.value >= x.hi - 1e-9;
    const where = `${x.arr}[${x.i}] = ${x.value}`;
    if (atLo) expect(x.g, where).toBeGreaterThan(-tol);
    else if (atHi) expect(x.g, where).toBeLessThan(tol);
    else expect(Math.abs(x.g), where).toBeLessThan(tol);
  }
}

test('the solution is an optimum: the objective matches its definition and its gradient is zero', () => {
  const data = synthetic(1, 30, 8);
  const f = fitStitch(data, options);
  expect(f.converged).toBe(true);
  const o = objectiveOf(data, options, f.raw.capability, f.raw.difficulty, f.raw.slope);
  expect(f.objective).toBeCloseTo(o.objective, 12);
  expect(f.sse).toBeCloseTo(o.sse, 12);
  expect(f.projectedGradient).toBeLessThanOrEqual(1e-9);
  expectOptimal(data, options, f);
  // and no nearby point is lower: nudging any single variable raises the objective
  const { v, list } = freeVariables(f, data, options);
  for (const x of list.slice(0, 12)) {
    for (const step of [1e-3, -1e-3]) {
      const arr = v[x.arr];
      const keep = arr[x.i]!;
      arr[x.i] = keep + step;
      expect(objectiveOf(data, options, v.C, v.D, v.A).objective).toBeGreaterThan(f.objective);
      arr[x.i] = keep;
    }
  }
});

test('a stronger penalty (λ) is part of the objective: each λ gives its own optimum', () => {
  const data = synthetic(2, 25, 6);
  for (const lambda of [0, 0.5, 3]) {
    const o = { ...options, lambda };
    const f = fitStitch(data, o);
    expect(f.converged, String(lambda)).toBe(true);
    expect(f.objective).toBeCloseTo(
      objectiveOf(data, o, f.raw.capability, f.raw.difficulty, f.raw.slope).objective,
      12,
    );
    expectOptimal(data, o, f);
  }
});

test('bounds hold, and where a variable rests on one the objective would fall only by leaving the box', () => {
  const data = synthetic(3, 30, 8, 0.05);
  const o: StitchOptions = { ...options, capabilityBound: 1.2, slopeBounds: [0.6, 1.3] };
  const f = fitStitch(data, o);
  expect(f.converged).toBe(true);
  let onBound = 0;
  for (const c of f.raw.capability) {
    expect(Math.abs(c)).toBeLessThanOrEqual(1.2);
    if (Math.abs(c) === 1.2) onBound++;
  }
  for (const d of f.raw.difficulty) expect(Math.abs(d)).toBeLessThanOrEqual(1.2);
  f.slope.forEach((a, b) => {
    if (b === 0) return;
    expect(a).toBeGreaterThanOrEqual(0.6);
    expect(a).toBeLessThanOrEqual(1.3);
    if (a === 0.6 || a === 1.3) onBound++;
  });
  // the box is tight enough that some variables sit on it, so the projected conditions are exercised
  expect(onBound).toBeGreaterThan(0);
  expectOptimal(data, o, f);
});

test('the anchor: its slope is held, and the shift puts its difficulty exactly where asked', () => {
  const data = synthetic(4, 25, 6);
  for (const [anchor, anchorSlope, anchorDifficulty] of [
    [0, 1, 0],
    [2, 1.7, -0.8],
    [5, 0.4, 2.5],
  ] as const) {
    const o = { ...options, anchor, anchorSlope, anchorDifficulty };
    const f = fitStitch(data, o);
    expect(f.slope[anchor]).toBe(anchorSlope);
    expect(f.difficulty[anchor]).toBeCloseTo(anchorDifficulty, 12);
    const shift = f.raw.difficulty[anchor]! - anchorDifficulty;
    f.capability.forEach((c, m) => expect(c).toBeCloseTo(f.raw.capability[m]! - shift, 12));
    f.difficulty.forEach((d, b) => expect(d).toBeCloseTo(f.raw.difficulty[b]! - shift, 12));
    expect([...f.slope]).toEqual([...f.raw.slope]);
    // the raw parameters are a warm start of their own: editing the shifted ones leaves them be
    const rawSlope0 = f.raw.slope[0];
    f.slope[0] = 99;
    expect(f.raw.slope[0]).toBe(rawSlope0);
    f.slope[0] = rawSlope0!;
    // predicted scores do not move with the shift
    for (let i = 0; i < data.score.length; i++) {
      const b = data.bench[i]!;
      const m = data.model[i]!;
      expect(predictScore(f.capability[m]!, f.difficulty[b]!, f.slope[b]!)).toBeCloseTo(
        predictScore(f.raw.capability[m]!, f.raw.difficulty[b]!, f.raw.slope[b]!),
        12,
      );
    }
    expectOptimal(data, o, f);
  }
});

test('a weight of 2 is the observation twice, a weight of 0 is no observation', () => {
  const data = synthetic(5, 20, 6);
  const n = data.score.length;
  const weight = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 2 : i % 11 === 0 ? 0 : 1));
  const weighted = fitStitch({ ...data, weight }, options);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) for (let k = 0; k < weight[i]!; k++) keep.push(i);
  const copied: StitchData = {
    ...data,
    model: Int32Array.from(keep, (i) => data.model[i]!),
    bench: Int32Array.from(keep, (i) => data.bench[i]!),
    score: Float64Array.from(keep, (i) => data.score[i]!),
  };
  const plain = fitStitch(copied, options);
  expect(weighted.converged && plain.converged).toBe(true);
  expect(weighted.objective).toBeCloseTo(plain.objective, 10);
  expect(weighted.sse).toBeCloseTo(plain.sse, 10);
  expect(weighted.residualVariance).toBeCloseTo(plain.residualVariance, 10);
  weighted.capability.forEach((c, m) => expect(c).toBeCloseTo(plain.capability[m]!, 6));
  weighted.capabilitySe.forEach((s, m) => expect(s).toBeCloseTo(plain.capabilitySe[m]!, 6));
  weighted.slopeSe.forEach((s, b) => expect(s).toBeCloseTo(plain.slopeSe[b]!, 6));
  // all weights 1 is no weights at all
  const ones = fitStitch({ ...data, weight: new Float64Array(n).fill(1) }, options);
  expect(ones.capability).toEqual(fitStitch(data, options).capability);
});

/** Gauss–Jordan inverse with partial pivoting. */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Standard errors from their definition: the Gauss–Newton curvature JᵀJ + penalty of a numerically
 * differentiated Jacobian, inverted by Gauss–Jordan, every variable free, relative to the anchor.
 */
function expectStandardErrors(data: StitchData, o: StitchOptions, f: StitchFit) {
  const { v, list } = freeVariables(f, data, o);
  const nObs = data.score.length;
  const h = 1e-6;
  // J[i][j] = ∂ predicted score i / ∂ variable j
  const pred = () =>
    Array.from({ length: nObs }, (_, i) =>
      predictScore(v.C[data.model[i]!]!, v.D[data.bench[i]!]!, v.A[data.bench[i]!]!),
    );
  const J = list.map((x) => {
    const arr = v[x.arr];
    const keep = arr[x.i]!;
    arr[x.i] = keep + h;
    const up = pred();
    arr[x.i] = keep - h;
    const down = pred();
    arr[x.i] = keep;
    return up.map((u, i) => (u - down[i]!) / (2 * h));
  });
  const penalty = o.lambda / (data.nModels + 2 * data.nBenchmarks - 1);
  const H = list.map((_, p) =>
    list.map((__, q) => J[p]!.reduce((s, jp, i) => s + jp * J[q]![i]!, 0) + (p === q ? penalty : 0)),
  );
  const Hinv = invert(H);
  const s2 = f.sse / (nObs - list.length);
  expect(f.residualVariance).toBeCloseTo(s2, 12);
  const at = (arr: keyof Vars, i: number) => list.findIndex((x) => x.arr === arr && x.i === i);
  const a = at('D', o.anchor);
  const relative = (p: number) => Math.sqrt(s2 * (Hinv[p]![p]! + Hinv[a]![a]! - 2 * Hinv[p]![a]!));
  for (let m = 0; m < data.nModels; m++) expect(f.capabilitySe[m]! / relative(at('C', m)), `C[${m}]`).toBeCloseTo(1, 5);
  for (let b = 0; b < data.nBenchmarks; b++) {
    if (b === o.anchor) expect(f.difficultySe[b]).toBe(0);
    else expect(f.difficultySe[b]! / relative(at('D', b)), `D[${b}]`).toBeCloseTo(1, 5);
    const k = at('A', b);
    if (k < 0) expect(f.slopeSe[b]).toBe(0);
    else expect(f.slopeSe[b]! / Math.sqrt(s2 * Hinv[k]![k]!), `A[${b}]`).toBeCloseTo(1, 5);
  }
}

test('standard errors: the Gauss–Newton curvature from a numerically differentiated Jacobian, relative to the anchor', () => {
  const data = synthetic(6, 7, 3, 0.05, 1);
  const o = { ...options, lambda: 0.3 };
  const f = fitStitch(data, o);
  expect(f.converged).toBe(true);
  expectStandardErrors(data, o, f);
});

test('standard errors treat a variable resting on a bound as free: its uncertainty is not zero', () => {
  const data = synthetic(6, 7, 3, 0.05, 1);
  const o: StitchOptions = { ...options, lambda: 0.3, capabilityBound: 0.8, slopeBounds: [0.7, 1.2] };
  const f = fitStitch(data, o);
  expect(f.converged).toBe(true);
  const onBound = [...f.raw.capability].filter((c) => Math.abs(c) === 0.8).length;
  expect(onBound).toBeGreaterThan(0);
  expectStandardErrors(data, o, f);
});

test('more observations than parameters divide the SSE; fewer leave it undivided', () => {
  const data = synthetic(7, 12, 4);
  const f = fitStitch(data, options);
  expect(f.residualVariance).toBeCloseTo(f.sse / (data.score.length - (12 + 2 * 4 - 1)), 14);
  // 3 models on 2 benchmarks, 4 scores: 6 parameters, so SSE ÷ 1
  const tiny: StitchData = {
    nModels: 3,
    nBenchmarks: 2,
    model: Int32Array.from([0, 0, 1, 2]),
    bench: Int32Array.from([0, 1, 1, 0]),
    score: Float64Array.from([0.3, 0.6, 0.55, 0.9]),
  };
  const t = fitStitch(tiny, options);
  expect(t.residualVariance).toBe(t.sse);
});

test('where it starts: seeded noise of s.d. 0.1 (or zero), slopes at their start value, all within bounds', () => {
  const many: StitchData = {
    nModels: 4000,
    nBenchmarks: 3,
    model: new Int32Array(0),
    bench: new Int32Array(0),
    score: new Float64Array(0),
  };
  const start = fitStitch(many, { ...options, maxIterations: 0 });
  expect(start.iterations).toBe(0);
  expect(start.converged).toBe(false);
  // no scores: the only gradient is the penalty's, penalty·θ, largest on the free slopes at 1
  expect(start.projectedGradient).toBeCloseTo(0.1 / (4000 + 2 * 3 - 1), 15);
  const c = [...start.raw.capability];
  const mean = c.reduce((s, x) => s + x, 0) / c.length;
  const sd = Math.sqrt(c.reduce((s, x) => s + (x - mean) ** 2, 0) / c.length);
  expect(Math.abs(mean)).toBeLessThan(0.01);
  expect(sd).toBeGreaterThan(0.095);
  expect(sd).toBeLessThan(0.105);
  // normal, not uniform: about 68% within one s.d., 95% within two
  const within = (k: number) => c.filter((x) => Math.abs(x - mean) < k * sd).length / c.length;
  expect(within(1)).toBeGreaterThan(0.65);
  expect(within(1)).toBeLessThan(0.71);
  expect(within(2)).toBeGreaterThan(0.93);
  expect(within(2)).toBeLessThan(0.97);
  expect([...start.raw.slope]).toEqual([1, 1, 1]);
  // the same seed gives the same start; another seed another start; no seed starts at zero
  expect(fitStitch(many, { ...options, maxIterations: 0 }).raw.capability).toEqual(start.raw.capability);
  expect(fitStitch(many, { ...options, maxIterations: 0, seed: 7 }).raw.capability).not.toEqual(start.raw.capability);
  const zero = fitStitch(many, {
    ...options,
    maxIterations: 0,
    seed: undefined,
    slopeInit: 25,
    anchor: 1,
    anchorSlope: 2,
  });
  expect(zero.raw.capability.every((x) => x === 0)).toBe(true);
  expect(zero.raw.difficulty.every((x) => x === 0)).toBe(true);
  // a start slope outside the bounds is brought inside; the anchor keeps its own
  expect([...zero.raw.slope]).toEqual([10, 2, 10]);
  expect([...fitStitch(many, { ...options, maxIterations: 0, slopeInit: 0.01 }).raw.slope]).toEqual([1, 0.1, 0.1]);
});

test('a warm start is clamped into the bounds and reaches the same optimum in a few steps', () => {
  const data = synthetic(8, 20, 5);
  const cold = fitStitch(data, options);
  const warm = fitStitch(data, { ...options, start: cold.raw });
  expect(warm.iterations).toBeLessThanOrEqual(2);
  warm.capability.forEach((c, m) => expect(c).toBeCloseTo(cold.capability[m]!, 8));
  const wild = {
    capability: new Float64Array(20).map((_, i) => (i % 2 ? 50 : -50)),
    difficulty: new Float64Array(5).fill(-40),
    slope: new Float64Array(5).map((_, i) => (i % 2 ? 0.001 : 99)),
  };
  const clamped = fitStitch(data, { ...options, start: wild, maxIterations: 0 });
  expect([...clamped.raw.capability]).toEqual([...wild.capability].map((x) => (x > 0 ? 10 : -10)));
  expect([...clamped.raw.difficulty]).toEqual([-10, -10, -10, -10, -10]);
  expect([...clamped.raw.slope]).toEqual([1, 0.1, 10, 0.1, 10]);
  // the start is copied, never written to
  expect(wild.capability[0]).toBe(-50);
  const far = fitStitch(data, { ...options, start: wild });
  expect(far.converged).toBe(true);
  far.capability.forEach((c, m) => expect(Math.abs(c - cold.capability[m]!)).toBeLessThan(1e-4));
});

test('Newton, Gauss–Newton and the hybrid reach the same optimum; the hybrid in a few dozen steps', () => {
  const data = synthetic(9, 40, 8);
  const hybrid = fitStitch(data, options);
  const newton = fitStitch(data, { ...options, hessian: 'newton' });
  const gn = fitStitch(data, { ...options, hessian: 'gauss-newton' });
  for (const f of [hybrid, newton, gn]) {
    expect(f.converged).toBe(true);
    f.capability.forEach((c, m) => expect(Math.abs(c - hybrid.capability[m]!)).toBeLessThan(1e-6));
  }
  expect(hybrid.iterations).toBeLessThan(40);
});

test('the iteration cap and the gradient tolerance are honoured', () => {
  const data = synthetic(10, 30, 6);
  const capped = fitStitch(data, { ...options, maxIterations: 2 });
  expect(capped.iterations).toBe(2);
  expect(capped.converged).toBe(false);
  expect(capped.projectedGradient).toBeGreaterThan(1e-9);
  const loose = fitStitch(data, { ...options, gradientTolerance: 1e-2 });
  const tight = fitStitch(data, options);
  expect(loose.converged).toBe(true);
  expect(loose.projectedGradient).toBeLessThanOrEqual(1e-2);
  expect(loose.iterations).toBeLessThan(tight.iterations);
  // a tolerance of 0 cannot be met exactly: the fit stops when steps stop changing anything
  const exact = fitStitch(data, { ...options, gradientTolerance: 0 });
  expect(exact.converged).toBe(true);
  expect(exact.iterations).toBeLessThan(500);
  exact.capability.forEach((c, m) => expect(Math.abs(c - tight.capability[m]!)).toBeLessThan(1e-7));
});

test('data it cannot fit is refused with a message naming what is wrong', () => {
  const data = synthetic(11, 6, 3);
  const fit =
    (d: Partial<StitchData>, o: Partial<StitchOptions> = {}) =>
    () =>
      fitStitch({ ...data, ...d }, { ...options, ...o });
  expect(fit({ bench: data.bench.slice(1) })).toThrow(
    new StitchError('observations: model, benchmark and score arrays differ in length'),
  );
  expect(fit({ model: data.model.slice(1) })).toThrow('arrays differ in length');
  expect(fit({ weight: new Float64Array(2) })).toThrow('observations: weights and scores differ in length');
  expect(fit({}, { anchor: 3 })).toThrow('anchor benchmark index 3 is out of range');
  expect(fit({}, { anchor: -1 })).toThrow('anchor benchmark index -1 is out of range');
  expect(fit({}, { anchor: 2 })).not.toThrow();
  expect(fit({}, { lambda: -0.5 })).toThrow('λ must be a non-negative number, got -0.5');
  expect(fit({}, { lambda: Number.POSITIVE_INFINITY })).toThrow('λ must be a non-negative number, got Infinity');
  expect(fit({}, { lambda: Number.NaN })).toThrow('got NaN');
  expect(fit({}, { capabilityBound: 0 })).toThrow('the capability bound must be positive, got 0');
  expect(fit({}, { slopeBounds: [0, 1] })).toThrow('slope bounds must satisfy 0 < low ≤ high, got 0–1');
  expect(fit({}, { slopeBounds: [2, 1] })).toThrow('slope bounds must satisfy 0 < low ≤ high, got 2–1');
  expect(fit({}, { slopeBounds: [1, 1] })).not.toThrow();
  const bad = (arr: 'model' | 'bench', value: number) => {
    const copy = data[arr].slice();
    copy[2] = value;
    return fit({ [arr]: copy });
  };
  expect(bad('model', 6)).toThrow('observation 2: model or benchmark index out of range');
  expect(bad('model', -1)).toThrow('observation 2: model or benchmark index out of range');
  expect(bad('bench', 3)).toThrow('observation 2: model or benchmark index out of range');
  expect(bad('bench', -1)).toThrow('observation 2: model or benchmark index out of range');
  const score = (value: number) => fit({ score: data.score.map((s, i) => (i === 4 ? value : s)) });
  expect(score(-0.1)).toThrow('observation 4: score -0.1 is not a fraction between 0 and 1');
  expect(score(Number.NaN)).toThrow('observation 4: score NaN is not a fraction between 0 and 1');
  expect(score(0)).not.toThrow();
  expect(score(1)).not.toThrow();
  expect(score(2)).toThrow('observation 4: score 2 is not a fraction between 0 and 1');
  expect(fit({ score: data.score.slice(1) })).toThrow(
    'observations: model, benchmark and score arrays differ in length',
  );
  expect(score(1.5)).toThrow(StitchError);
  let thrown: unknown;
  try {
    score(2)();
  } catch (e) {
    thrown = e;
  }
  expect((thrown as Error).name).toBe('StitchError');
});

test('the logistic link: half at the difficulty, steeper with the slope', () => {
  expect(logistic(0)).toBe(0.5);
  expect(logistic(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
  expect(predictScore(1.5, 1.5, 3)).toBe(0.5);
  expect(predictScore(2, 1, 2)).toBeCloseTo(logistic(2), 15);
  expect(predictScore(1, 2, 2)).toBeCloseTo(logistic(-2), 15);
});

/** The projected gradient from its definition: the largest |½ ∂objective/∂θ| of a variable not held on a bound. */
function projectedGradientOf(data: StitchData, o: StitchOptions, f: StitchFit) {
  let worst = 0;
  for (const x of numericGradient(data, o, f)) {
    const g = x.g / 2;
    const held = (x.value <= x.lo + 1e-12 && g > 0) || (x.value >= x.hi - 1e-12 && g < 0);
    if (!held) worst = Math.max(worst, Math.abs(g));
  }
  return worst;
}

test('the projected gradient it reports is the one where it stopped, with variables pushing out of the box left out', () => {
  const loose = synthetic(10, 30, 6);
  const boxed = synthetic(3, 30, 8, 0.05);
  const tight: StitchOptions = { ...options, capabilityBound: 1.2, slopeBounds: [0.6, 1.3] };
  for (const [data, o] of [
    [loose, options],
    [boxed, tight],
  ] as const) {
    for (const maxIterations of [0, 1, 2, 5]) {
      const f = fitStitch(data, { ...o, maxIterations });
      const expected = projectedGradientOf(data, o, f);
      expect(expected).toBeGreaterThan(1e-6);
      expect(Math.abs(f.projectedGradient - expected), `${maxIterations} steps`).toBeLessThan(1e-7 + 1e-6 * expected);
      expect(f.converged).toBe(false);
    }
  }
  // at the optimum of the boxed problem some variables push outward: counted, the gradient would be large
  const f = fitStitch(boxed, tight);
  expect(f.projectedGradient).toBeLessThanOrEqual(1e-9);
  const all = Math.max(...numericGradient(boxed, tight, f).map((x) => Math.abs(x.g / 2)));
  expect(all).toBeGreaterThan(1e-3);
});

test('the seeded start is Box–Muller over the seeded generator: capabilities first, then difficulties, s.d. 0.1', () => {
  const data = synthetic(2, 5, 3);
  for (const seed of [42, 7]) {
    const rand = seededRandom(seed);
    const draw = () => 0.1 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const C = Array.from({ length: 5 }, draw);
    const D = Array.from({ length: 3 }, draw);
    const start = fitStitch(data, { ...options, seed, maxIterations: 0 });
    start.raw.capability.forEach((c, m) => expect(c).toBeCloseTo(C[m]!, 14));
    start.raw.difficulty.forEach((d, b) => expect(d).toBeCloseTo(D[b]!, 14));
  }
});

/**
 * One Levenberg–Marquardt step from the start, from its definition: (M + μ·(diag(JᵀJ + penalty) + 1e-9))·δ = −g
 * with μ = 1e-3, g = ½∇objective, and M the Gauss–Newton curvature JᵀJ + penalty or the exact
 * Hessian ½∇²objective — each by finite differences of the objective and the predictions.
 */
function firstStep(data: StitchData, o: StitchOptions, start: StitchFit, exact: boolean, mu = 1e-3) {
  const { v, list } = freeVariables(start, data, o);
  const nObs = data.score.length;
  const F = () => objectiveOf(data, o, v.C, v.D, v.A).objective / 2;
  const from = list.map((x) => v[x.arr][x.i]!);
  // each variable is set from its start value and put back exactly (adding and subtracting drifts)
  const set = (p: number, by: number) => {
    const x = list[p]!;
    v[x.arr][x.i] = from[p]! + by;
  };
  const h = 1e-6;
  const g = list.map((_, p) => {
    set(p, h);
    const up = F();
    set(p, -h);
    const down = F();
    set(p, 0);
    return (up - down) / (2 * h);
  });
  const pred = () =>
    Array.from({ length: nObs }, (_, i) =>
      predictScore(v.C[data.model[i]!]!, v.D[data.bench[i]!]!, v.A[data.bench[i]!]!),
    );
  const J = list.map((_, p) => {
    set(p, h);
    const up = pred();
    set(p, -h);
    const down = pred();
    set(p, 0);
    return up.map((u, i) => (u - down[i]!) / (2 * h));
  });
  const penalty = o.lambda / (data.nModels + 2 * data.nBenchmarks - 1);
  const gn = list.map((_, p) =>
    list.map((__, q) => J[p]!.reduce((s, jp, i) => s + jp * J[q]![i]!, 0) + (p === q ? penalty : 0)),
  );
  const hh = 1e-4;
  const at = (p: number, dp: number, q: number, dq: number) => {
    set(p, dp);
    set(q, p === q ? dp + dq : dq);
    const value = F();
    set(q, 0);
    set(p, 0);
    return value;
  };
  const M = exact
    ? list.map((_, p) =>
        list.map(
          (__, q) => (at(p, hh, q, hh) - at(p, hh, q, -hh) - at(p, -hh, q, hh) + at(p, -hh, q, -hh)) / (4 * hh * hh),
        ),
      )
    : gn;
  // a variable on a bound whose gradient pushes it outward is held: left out of the system, step 0
  const free = list
    .map((x, p) => p)
    .filter((p) => !((from[p]! <= list[p]!.lo && g[p]! > 0) || (from[p]! >= list[p]!.hi && g[p]! < 0)));
  const damped = free.map((p) => free.map((q) => M[p]![q]! + (p === q ? mu * (gn[p]![p]! + 1e-9) : 0)));
  const inv = invert(damped);
  const step = new Array<number>(list.length).fill(0);
  free.forEach((p, i) => (step[p] = -inv[i]!.reduce((s, x, j) => s + x * g[free[j]!]!, 0)));
  return list.map((x, p) => ({ ...x, from: from[p]!, step: step[p]!, held: !free.includes(p) }));
}

const field = { C: 'capability', D: 'difficulty', A: 'slope' } as const;
/** The fit's parameters after its steps are the oracle's step from where it started, clamped into the box. */
function expectStep(f: StitchFit, steps: ReturnType<typeof firstStep>, digits: number, what: string) {
  for (const x of steps)
    expect(f.raw[field[x.arr]][x.i], `${what} ${x.arr}[${x.i}]`).toBeCloseTo(
      Math.min(x.hi, Math.max(x.lo, x.from + x.step)),
      digits,
    );
}

test('one step of each kind is the damped Gauss–Newton or Newton step from its definition; the hybrid starts with Newton', () => {
  const data = synthetic(6, 7, 3, 0.05, 1);
  const o = { ...options, lambda: 0.3 };
  // Newton from near the optimum (at the seeded start its system is indefinite and no step is taken)
  const near = fitStitch(data, { ...o, hessian: 'gauss-newton', maxIterations: 3 }).raw;
  for (const [hessian, exact, from, digits] of [
    ['gauss-newton', false, undefined, 8],
    ['newton', true, near, 5],
  ] as const) {
    const start = fitStitch(data, { ...o, start: from, maxIterations: 0 });
    const one = fitStitch(data, { ...o, start: from, hessian, maxIterations: 1 });
    expect(one.objective, hessian).toBeLessThan(start.objective);
    expectStep(one, firstStep(data, o, start, exact), digits, hessian);
    const hybrid = fitStitch(data, { ...o, start: from, maxIterations: 1 });
    if (exact) expect(hybrid.raw).toEqual(one.raw);
    else expect(hybrid.raw).not.toEqual(one.raw);
  }
});

test('the step is right where models share few benchmarks, where a score is repeated, and where variables rest on a bound', () => {
  const gn = { ...options, hessian: 'gauss-newton' as const };
  // sparse: each model's couplings are its own benchmarks only
  const sparse = synthetic(2, 10, 5, 0.03, 0.3);
  expectStep(
    fitStitch(sparse, { ...gn, maxIterations: 1 }),
    firstStep(sparse, gn, fitStitch(sparse, { ...gn, maxIterations: 0 }), false),
    7,
    'sparse',
  );
  // the same model and benchmark twice (as a bootstrap resample draws them)
  const base = synthetic(4, 8, 3, 0.05, 0.6);
  const twice = [0, 1, 1, 2, 3, 3, 3, ...Array.from({ length: base.score.length - 4 }, (_, i) => i + 4)];
  const repeated: StitchData = {
    ...base,
    model: Int32Array.from(twice, (i) => base.model[i]!),
    bench: Int32Array.from(twice, (i) => base.bench[i]!),
    score: Float64Array.from(twice, (i) => base.score[i]!),
  };
  expectStep(
    fitStitch(repeated, { ...gn, maxIterations: 1 }),
    firstStep(repeated, gn, fitStitch(repeated, { ...gn, maxIterations: 0 }), false),
    7,
    'repeated',
  );
  // Newton's coupling terms depend on the residual: the same pair twice with different scores
  const rescored: StitchData = {
    ...repeated,
    score: repeated.score.map((y, i) => (i === 2 ? Math.min(1, y + 0.2) : y)),
  };
  const newton = { ...options, hessian: 'newton' as const };
  const nearOptimum = fitStitch(rescored, { ...gn, maxIterations: 4 }).raw;
  const fromNear = fitStitch(rescored, { ...newton, start: nearOptimum, maxIterations: 0 });
  const newtonOne = fitStitch(rescored, { ...newton, start: nearOptimum, maxIterations: 1 });
  expect(newtonOne.objective).toBeLessThan(fromNear.objective);
  expectStep(newtonOne, firstStep(rescored, newton, fromNear, true), 5, 'repeated, Newton');
  // a boxed optimum with its difficulties moved: capabilities on the bound pushing outward stay put
  const boxed = synthetic(3, 30, 8, 0.05);
  const tight: StitchOptions = { ...gn, capabilityBound: 1.2, slopeBounds: [0.6, 1.3] };
  const optimum = fitStitch(boxed, tight).raw;
  const moved = { ...optimum, difficulty: optimum.difficulty.map((d) => Math.max(-1.2, Math.min(1.2, d + 0.3))) };
  const start = fitStitch(boxed, { ...tight, start: moved, maxIterations: 0 });
  const steps = firstStep(boxed, tight, start, false);
  expect(steps.filter((x) => x.held).length).toBeGreaterThan(0);
  const one = fitStitch(boxed, { ...tight, start: moved, maxIterations: 1 });
  expectStep(one, steps, 7, 'boxed');
});

test('no step is taken that raises the objective, from any start and with any kind of step', () => {
  const data = synthetic(8, 20, 5);
  const wild = {
    capability: new Float64Array(20).map((_, i) => (i % 2 ? 6 : -6)),
    difficulty: new Float64Array(5).fill(-4),
    slope: new Float64Array(5).map((_, i) => (i % 2 ? 0.2 : 8)),
  };
  for (const hessian of ['hybrid', 'newton', 'gauss-newton'] as const)
    for (const start of [undefined, wild]) {
      let last = Number.POSITIVE_INFINITY;
      for (let k = 0; k <= 12; k++) {
        const f = fitStitch(data, { ...options, hessian, start, maxIterations: k });
        expect(f.objective, `${hessian}, ${k} steps`).toBeLessThanOrEqual(last);
        expect(f.objective).toBeCloseTo(
          objectiveOf(data, options, f.raw.capability, f.raw.difficulty, f.raw.slope).objective,
          12,
        );
        last = f.objective;
      }
    }
});

test('an indefinite Newton system is retried with 10× the damping; after three the hybrid takes a Gauss–Newton step', () => {
  const data = synthetic(6, 7, 3, 0.05, 1);
  const o = { ...options, lambda: 0.3 };
  const start = fitStitch(data, { ...o, maxIterations: 0 });
  // from the seeded start Newton's system is indefinite: three iterations without a step
  for (const k of [1, 2, 3]) {
    expect(fitStitch(data, { ...o, maxIterations: k }).raw, `${k}`).toEqual(start.raw);
    expect(fitStitch(data, { ...o, hessian: 'newton', maxIterations: k }).raw).toEqual(start.raw);
  }
  // the fourth is a Gauss–Newton step at μ = 1e-3 · 10³; pure Newton is still stuck
  expect(fitStitch(data, { ...o, hessian: 'newton', maxIterations: 4 }).raw).toEqual(start.raw);
  const fourth = fitStitch(data, { ...o, maxIterations: 4 });
  expectStep(fourth, firstStep(data, o, start, false, 1), 8, 'fourth');
  // a step that helped: a third of the damping, and Gauss–Newton again while progress stays above 0.1%
  expect(fourth.objective).toBeLessThan(start.objective * 0.999);
  const fifth = fitStitch(data, { ...o, maxIterations: 5 });
  expectStep(
    fifth,
    firstStep(data, o, fitStitch(data, { ...o, start: fourth.raw, maxIterations: 0 }), false, 1 / 3),
    8,
    'fifth',
  );
});

test('the hybrid returns to Newton once Gauss–Newton slows: far fewer steps where Gauss–Newton crawls', () => {
  const data = synthetic(3, 30, 8, 0.05);
  const gn = fitStitch(data, { ...options, hessian: 'gauss-newton' });
  const hybrid = fitStitch(data, options);
  expect(gn.converged && hybrid.converged).toBe(true);
  expect(gn.iterations).toBeGreaterThan(40);
  expect(hybrid.iterations).toBeLessThan(gn.iterations / 2);
});

test('the projected gradient sees every capability, and a slope on its lower bound is held by the slope bounds', () => {
  const data = synthetic(10, 30, 6);
  const f = fitStitch(data, options);
  // capabilities pushed off the optimum: the largest gradient is a capability's
  const pushed = { ...f.raw, capability: f.raw.capability.map((c, m) => (m === 4 ? c + 1 : c)) };
  const off = fitStitch(data, { ...options, start: pushed, maxIterations: 0 });
  const grads = numericGradient(data, options, off);
  const largest = grads.reduce((a, b) => (Math.abs(b.g) > Math.abs(a.g) ? b : a));
  expect(largest.arr).toBe('C');
  expect(off.projectedGradient).toBeCloseTo(Math.abs(largest.g) / 2, 7);
  // and every difficulty, with the anchor anywhere: benchmark 4's pushed, the anchor at 2
  const anchored = { ...options, anchor: 2 };
  const g2 = fitStitch(data, anchored);
  const pushedD = { ...g2.raw, difficulty: g2.raw.difficulty.map((d, b) => (b === 4 ? d + 1 : d)) };
  const offD = fitStitch(data, { ...anchored, start: pushedD, maxIterations: 0 });
  const largestD = numericGradient(data, anchored, offD).reduce((a, b) => (Math.abs(b.g) > Math.abs(a.g) ? b : a));
  expect([largestD.arr, largestD.i]).toEqual(['D', 4]);
  expect(offD.projectedGradient).toBeCloseTo(Math.abs(largestD.g) / 2, 7);
  // slopes bounded to [1.5, 3] with the anchor elsewhere: benchmark 0's slope rests on 1.5, pushing down
  expectSlopeHeld([1.5, 3], 1.5);
});

test('without a penalty, a model or benchmark with no scores neither moves nor stops the fit', () => {
  const data = synthetic(2, 12, 4);
  // model 12 and benchmark 4 have no observations
  const orphans: StitchData = { ...data, nModels: 13, nBenchmarks: 5 };
  const o = { ...options, lambda: 0 };
  const start = fitStitch(orphans, { ...o, maxIterations: 0 });
  const f = fitStitch(orphans, o);
  expect(f.converged).toBe(true);
  expect(f.raw.capability[12]).toBe(start.raw.capability[12]);
  expect(f.raw.difficulty[4]).toBe(start.raw.difficulty[4]);
  expect(f.raw.slope[4]).toBe(start.raw.slope[4]);
  const alone = fitStitch(data, o);
  // without a penalty only differences C − D are fitted: compare on the anchor's scale
  f.capability.slice(0, 12).forEach((c, m) => expect(c).toBeCloseTo(alone.capability[m]!, 5));
});

test('a slope on its upper bound is held by the slope bounds, not the capability bound', () => {
  expectSlopeHeld([0.15, 0.25], 0.25);
});

/** Benchmark 0's slope fitted inside `bounds` (anchor elsewhere): it rests on `expected`, and the fit is optimal there. */
function expectSlopeHeld(bounds: [number, number], expected: number): void {
  const boxed = synthetic(3, 30, 8, 0.05);
  const o: StitchOptions = { ...options, anchor: 3, slopeBounds: bounds };
  const g = fitStitch(boxed, o);
  expect(g.raw.slope[0]).toBe(expected);
  expect(g.converged).toBe(true);
  expect(g.projectedGradient).toBeLessThanOrEqual(1e-9);
  expectOptimal(boxed, o, g);
}

test('with every difficulty held on a bound, the slopes still take their step', () => {
  // benchmark 0 is easy for everyone, benchmark 1 hard: both difficulties press against a tight box
  const data: StitchData = {
    nModels: 4,
    nBenchmarks: 2,
    model: Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3]),
    bench: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
    score: Float64Array.from([0.97, 0.02, 0.99, 0.05, 0.95, 0.03, 0.98, 0.08]),
  };
  const o: StitchOptions = { ...options, capabilityBound: 0.5, hessian: 'gauss-newton' };
  const start = {
    capability: Float64Array.from([0.1, -0.1, 0.2, 0]),
    difficulty: Float64Array.from([-0.5, 0.5]),
    slope: Float64Array.from([1, 3]),
  };
  const from = fitStitch(data, { ...o, start, maxIterations: 0 });
  const steps = firstStep(data, o, from, false);
  expect(steps.filter((x) => x.arr === 'D').every((x) => x.held)).toBe(true);
  const slope = steps.find((x) => x.arr === 'A');
  expect(slope?.held).toBe(false);
  expect(Math.abs(slope!.step)).toBeGreaterThan(1e-3);
  const one = fitStitch(data, { ...o, start, maxIterations: 1 });
  expect(one.objective).toBeLessThan(from.objective);
  expectStep(one, steps, 7, 'all difficulties held');
});
