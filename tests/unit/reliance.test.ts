import { expect, test } from 'vitest';
import type { Model } from '../../src/data/schema';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { estimateModel, makeContext } from '../../src/domain/estimate';
import { dataStatuses, estimateReliance, relianceOf, weakest } from '../../src/domain/reliance';
import { buildRows } from '../../src/store/selectors';
import { buildScatter } from '../../src/store/scatterState';
import { DEFAULT_VIEW } from '../../src/store/url';
import { chips, deepseekR1, deepseekV3, flopOnly, gpt4, models } from '../fixtures/mini';

const ctx = makeContext(models, chips);
const reliance = (m: Model, a = DEFAULT_ASSUMPTIONS) => estimateReliance(estimateModel(m, a, ctx));

test('DeepSeek-V3’s cost rests on disclosed GPU-hours and your price only: solid', () => {
  expect(reliance(deepseekV3).cost).toBe('disclosed');
  expect(reliance(deepseekV3).gpuHours).toBe('disclosed');
});

test('GPT-4’s cost rests on leaked parameters and tokens (the A100’s datasheet peak does not count): hollow', () => {
  const e = estimateModel(gpt4, DEFAULT_ASSUMPTIONS, ctx);
  expect(dataStatuses(e.costUsd!, e)).toEqual(['leak', 'leak']);
  expect(reliance(gpt4).cost).toBe('estimated');
  expect(reliance(gpt4).flop).toBe('estimated');
});

test('an amortised cost counts each figure once: the GPU-hours behind it, and the chip price', () => {
  const e = estimateModel(gpt4, { ...DEFAULT_ASSUMPTIONS, costBasis: 'amortized' }, ctx);
  expect(e.costBasis?.pricedBy).toBe('amortized');
  // leaked parameters and tokens (through the GPU-hours), the third party's acquisition price; the
  // computed steps of the amortisation (years in service, value at start…) add no figure of their own
  expect(dataStatuses(e.costUsd!, e)).toEqual(['leak', 'leak', 'estimate']);
});

test('a mix of disclosed and estimated inputs gives a half mark', () => {
  const mixed: Model = {
    ...flopOnly,
    id: 'mixed',
    trainingFlop: undefined,
    trainingTokens: { ...flopOnly.trainingTokens!, status: 'estimate' },
  };
  const ctx2 = makeContext([...models, mixed], chips);
  const r = estimateReliance(estimateModel(mixed, DEFAULT_ASSUMPTIONS, ctx2));
  expect(r.flop).toBe('partly');
  expect(r.cost).toBe('partly');
  // the lab's own FLOP figure is used as it is: solid
  expect(reliance(flopOnly).flop).toBe('disclosed');
});

test('a total with the base run is as solid as both runs: R1 + V3 disclosed, or weaker when the switch changes it', () => {
  expect(reliance(deepseekR1).totalCost).toBe('disclosed');
  // what-if on another chip: V3's hours are then computed from 6·N·D of disclosed inputs, still disclosed
  expect(reliance(deepseekV3, { ...DEFAULT_ASSUMPTIONS, rehostChipId: 'h100' }).cost).toBe('disclosed');
  // forcing the third-party FLOP figure makes GPT-4's FLOP an estimate
  expect(reliance(gpt4, { ...DEFAULT_ASSUMPTIONS, basis: 'reported' }).flop).toBe('estimated');
});

test('summaries: all disclosed, some, none; the weaker of two', () => {
  expect(relianceOf([])).toBe('disclosed');
  expect(relianceOf(['disclosed', 'estimate'])).toBe('partly');
  expect(relianceOf(['leak', 'estimate'])).toBe('estimated');
  expect(weakest('disclosed', 'partly')).toBe('partly');
  expect(weakest(undefined, 'estimated')).toBe('estimated');
});

test('scatter points carry the weaker mark of their two coordinates, and the marks do not move with a slider', () => {
  const score = (status: 'disclosed' | 'estimate'): Model['benchmarks'] => ({
    mmlu: { value: 80, status, source: { title: 'card', url: 'https://example.org' } },
  });
  const ms = [
    { ...deepseekV3, benchmarks: score('disclosed') },
    { ...gpt4, benchmarks: score('disclosed') },
    { ...flopOnly, benchmarks: score('estimate') },
  ];
  const benchmarks = [
    { id: 'mmlu', name: 'MMLU', unit: 'percent', description: '', source: { title: 't', url: 'https://e.org' } },
  ] as never;
  const marks = (mfu: number) =>
    Object.fromEntries(
      buildScatter(buildRows(ms, chips, { ...DEFAULT_ASSUMPTIONS, mfu }), benchmarks, {
        ...DEFAULT_VIEW,
        y: 'mmlu',
      }).points.map((p) => [p.id, p.reliance]),
    );
  expect(marks(0.35)).toEqual({
    'deepseek-v3': 'disclosed',
    'gpt-4': 'estimated',
    // disclosed FLOP, but a third-party score: the weaker coordinate decides
    'flop-only': 'estimated',
  });
  expect(marks(0.6)).toEqual(marks(0.35));
});

test('no figure, no mark; a total needs the figure for every run in the chain, and is as solid as the weakest', () => {
  const bare: Model = {
    ...flopOnly,
    id: 'bare',
    trainingFlop: undefined,
    trainingTokens: undefined,
    totalParams: undefined,
    activeParams: undefined,
    gpuHours: undefined,
    chipCount: undefined,
    trainingDurationHours: undefined,
    reportedCostUsd: undefined,
  };
  // a post-trained model on a leaked base: its own run disclosed, the total only partly
  const onLeakedBase: Model = { ...deepseekR1, id: 'r1-on-gpt4', baseModelId: gpt4.id };
  const onBareBase: Model = { ...deepseekR1, id: 'r1-on-bare', baseModelId: 'bare' };
  const ctx3 = makeContext([...models, bare, onLeakedBase, onBareBase], chips);
  const r = (m: Model) => estimateReliance(estimateModel(m, DEFAULT_ASSUMPTIONS, ctx3));
  expect(r(bare)).toEqual({});
  expect(r(onLeakedBase).cost).toBe('disclosed');
  expect(r(onLeakedBase).totalCost).toBe('partly');
  // R1's own FLOP is unknown: its total FLOP rests on the leaked base run alone
  expect(r(onLeakedBase).flop).toBeUndefined();
  expect(r(onLeakedBase).totalFlop).toBe('estimated');
  expect(r(onBareBase).cost).toBe('disclosed');
  expect(r(onBareBase).totalCost).toBeUndefined();
  expect(r(onBareBase).totalGpuHours).toBeUndefined();
});
