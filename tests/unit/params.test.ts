import { expect, test } from 'vitest';
import type { Model } from '../../src/data/schema';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { estimateFast, estimateModel, makeContext } from '../../src/domain/estimate';
import { activeParamsOf, computeParamsOf, DENSE_DERIVATION, DENSE_MARKER } from '../../src/domain/params';
import { chips, deepseekV3 } from '../fixtures/mini';

const paper = { title: 'Qwen Team, "Hello Qwen2"', url: 'https://qwenlm.github.io/blog/qwen2/' };
const dense: Model = {
  id: 'qwen2-72b',
  name: 'Qwen2-72B',
  lab: 'Alibaba',
  country: 'China',
  bloc: 'China',
  releaseDate: '2024-06-07',
  openWeights: true,
  architecture: 'dense',
  totalParams: { value: 72.71e9, status: 'disclosed', source: paper, note: '70.21B non-embedding.' },
  trainingTokens: { value: 7e12, status: 'disclosed', source: paper },
  benchmarks: {},
};

test('a dense model’s active parameters are its total, same status and source, flagged as derived', () => {
  const a = activeParamsOf(dense);
  expect(a?.derived).toBe(DENSE_DERIVATION);
  expect(a?.params).toMatchObject({ value: 72.71e9, status: 'disclosed', source: paper });
  expect(a?.params.note).toBe(
    'Dense model: active parameters = total (derived from the total, not a separate figure). 70.21B non-embedding.',
  );
  // the data itself is untouched
  expect(dense.activeParams).toBeUndefined();
});

test('a recorded active count wins; a mixture of experts or an unknown architecture is never assumed dense', () => {
  expect(activeParamsOf(deepseekV3)).toEqual({ params: deepseekV3.activeParams });
  const { activeParams: _a, ...moeWithoutActive } = deepseekV3;
  expect(activeParamsOf(moeWithoutActive)).toBeUndefined();
  expect(activeParamsOf({ ...dense, architecture: 'unknown' })).toBeUndefined();
  expect(activeParamsOf({ ...dense, totalParams: undefined })).toBeUndefined();
});

test('the engine keeps using the total for any model not known to be MoE, as before', () => {
  expect(computeParamsOf(dense)).toEqual({ params: dense.totalParams, kind: 'parameters (dense)' });
  expect(computeParamsOf({ ...dense, architecture: 'unknown' })?.params.value).toBe(72.71e9);
  const { activeParams: _a, ...moeWithoutActive } = deepseekV3;
  expect(computeParamsOf(moeWithoutActive)).toBeUndefined();

  const ctx = makeContext([dense], chips);
  const e = estimateModel(dense, DEFAULT_ASSUMPTIONS, ctx);
  expect(e.flopPerToken?.value).toBe(6 * 72.71e9);
  expect(e.flopPerToken?.method).toBe('6 · N (parameters (dense))');
  expect(e.trainingFlop?.value).toBe(6 * 72.71e9 * 7e12);
  expect(estimateFast(dense, DEFAULT_ASSUMPTIONS, ctx).flop?.value).toBe(e.trainingFlop?.value);
});

test('the words beside a derived active count, and a total without a note of its own', () => {
  // what the table and the derivation card print next to the figure
  expect(DENSE_MARKER).toBe('= total (dense)');
  expect(DENSE_DERIVATION).toBe('dense: active = total');
  const plain: Model = { ...dense, totalParams: { ...dense.totalParams!, note: undefined } };
  expect(activeParamsOf(plain)?.params.note).toBe(
    'Dense model: active parameters = total (derived from the total, not a separate figure).',
  );
});
