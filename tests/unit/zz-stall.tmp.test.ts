import { test } from 'vitest';
import { fitStitch, type StitchData, type StitchOptions } from '../../src/domain/capability/stitch';
const options: StitchOptions = { anchor: 0, anchorSlope: 1, anchorDifficulty: 0, lambda: 0.1, capabilityBound: 10, slopeBounds: [0.1, 10], slopeInit: 1, seed: 42 };
test('x', () => {
  // model 0 scores 1 everywhere: its capability runs off to the bound
  const data: StitchData = { nModels: 3, nBenchmarks: 2, model: Int32Array.from([0, 0, 1, 1, 2, 2]), bench: Int32Array.from([0, 1, 0, 1, 0, 1]), score: Float64Array.from([1, 1, 0.3, 0.6, 0.5, 0.7]) };
  for (const [lambda, bound, hessian] of [[0, 1000, 'hybrid'], [0, 1000, 'gauss-newton'], [0, 60, 'hybrid'], [0, 40, 'gauss-newton'], [1e-12, 1000, 'hybrid']] as const) {
    const f = fitStitch(data, { ...options, lambda, capabilityBound: bound, gradientTolerance: 0, hessian });
    console.log('R', lambda, bound, hessian, f.iterations, f.converged, f.projectedGradient, f.raw.capability[0]);
  }
});
