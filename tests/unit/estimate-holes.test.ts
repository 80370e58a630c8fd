/**
 * The engine's wrong numbers that the mutation run found the other tests let through (issue 13):
 * each test names what a user would see go wrong.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../../src/domain/assumptions';
import {
  MAX_BASE_CHAIN,
  baseChain,
  estimateFast,
  estimateModel,
  makeContext,
  type Quantity,
} from '../../src/domain/estimate';
import type { Chip, Model, Sourced } from '../../src/data/schema';
import { chips, deepseekR1, deepseekV3, flopOnly, gpt4, kimiK2, kimiK2Thinking, models } from '../fixtures/mini';

const at = (over: Partial<Assumptions> = {}): Assumptions => ({ ...DEFAULT_ASSUMPTIONS, ...over });
const ctx = makeContext(models, chips);
const est = (m: Model, over: Partial<Assumptions> = {}, c = ctx) => estimateModel(m, at(over), c);

const paper = { title: 'A lab’s paper', url: 'https://example.org/paper' };
const s = (value: number, status: Sourced['status'] = 'disclosed', range?: [number, number]): Sourced => ({
  value,
  status,
  source: paper,
  ...(range ? { range } : {}),
});
const bare = { country: 'x', releaseDate: '2024-06', openWeights: true, benchmarks: {}, bloc: 'Europe' } as const;

describe('a mixture-of-experts model is costed on its active parameters only', () => {
  const moeTotalOnly: Model = {
    ...bare,
    id: 'moe-total-only',
    name: 'MoE, total only',
    lab: 'Lab',
    architecture: 'moe',
    totalParams: s(1e12),
    trainingTokens: s(10e12),
    chipId: 'a100',
  };
  test('with only its total parameters, 6·N·D is not computed and the FLOP stays unknown, saying why', () => {
    const e = est(moeTotalOnly);
    expect(e.trainingFlop).toBeUndefined();
    expect(e.flopPerToken).toBeUndefined();
    expect(e.gpuHours).toBeUndefined();
    expect(e.missing).toContain('training FLOP: no disclosed FLOP, no parameters × tokens, no third-party estimate');
    expect(e.missing).toContain('GPU-hours: not disclosed and no training FLOP to compute them from');
    // not even when 6·N·D is asked for: the total count of a MoE is not what a token costs
    expect(est(moeTotalOnly, { basis: '6nd' }).trainingFlop).toBeUndefined();
    expect(estimateFast(moeTotalOnly, at(), ctx).flop).toBeUndefined();
  });
  test('a dense model’s total count is its active count: 6·N·D, no caveat', () => {
    const dense: Model = { ...moeTotalOnly, id: 'dense', architecture: 'dense' };
    const e = est(dense);
    expect(e.flopBasis).toBe('6nd');
    expect(e.flopPerToken?.value).toBe(6e12);
    expect(e.flopPerToken?.method).toBe('6 · N (parameters (dense))');
    expect(e.trainingFlop?.value).toBe(6 * 1e12 * 10e12);
    expect(e.trainingFlop?.method).toBe('6 · N_active · D');
    expect(e.flopNote).toBeUndefined();
  });
  test('an unknown architecture’s total count is used only as a flagged last resort', () => {
    const unknown: Model = { ...moeTotalOnly, id: 'unk', architecture: 'unknown' };
    const e = est(unknown);
    expect(e.flopPerToken?.method).toBe('6 · N (parameters (total; architecture unknown))');
    expect(e.flopNote).toBe(
      '6·N·D with caveats: the parameter count is not known to be the active one (architecture unknown)',
    );
    expect(e.trainingFlop?.note).toBe(e.flopNote);
  });
});

describe('"fell back from the requested basis" is said only when it happened', () => {
  test('the automatic order never falls back', () => {
    for (const m of models) expect(est(m).basisFallback).toBe(false);
  });
  test('a forced basis that has its data does not fall back', () => {
    expect(est(gpt4, { basis: '6nd' }).basisFallback).toBe(false);
    expect(est(gpt4, { basis: 'reported' }).basisFallback).toBe(false);
    expect(est(flopOnly, { basis: 'reported' }).basisFallback).toBe(false);
    expect(est(flopOnly, { basis: '6nd' }).basisFallback).toBe(false);
  });
  test('a forced basis without its data falls back only when the other one exists', () => {
    const flopAlone: Model = { ...flopOnly, id: 'fa', totalParams: undefined, trainingTokens: undefined };
    expect(est(flopAlone, { basis: '6nd' }).basisFallback).toBe(true);
    expect(est(flopAlone, { basis: '6nd' }).flopBasis).toBe('disclosed');
    expect(est(deepseekV3, { basis: 'reported' }).basisFallback).toBe(true);
    // nothing to fall back to: no claim of a fallback
    expect(est(kimiK2Thinking, { basis: 'reported' }).basisFallback).toBe(false);
    expect(est(kimiK2Thinking, { basis: '6nd' }).basisFallback).toBe(false);
  });
});

describe('the "chip count × duration" figure shown beside an estimate', () => {
  const run = (c: Sourced, d: Sourced): Model => ({
    ...bare,
    id: 'cd',
    name: 'Count × duration',
    lab: 'Lab',
    architecture: 'dense',
    totalParams: s(70e9),
    trainingTokens: s(1e12),
    chipId: 'a100',
    chipCount: c,
    trainingDurationHours: d,
  });
  test('is disclosed only when both are; a leak in either makes it a leak; otherwise an estimate', () => {
    const status = (c: Sourced['status'], d: Sourced['status']) =>
      est(run(s(1000, c), s(100, d))).gpuHoursBeside?.provenance;
    expect(status('disclosed', 'disclosed')).toBe('disclosed');
    expect(status('disclosed', 'leak')).toBe('leak');
    expect(status('leak', 'disclosed')).toBe('leak');
    expect(status('leak', 'estimate')).toBe('leak');
    expect(status('estimate', 'leak')).toBe('leak');
    expect(status('disclosed', 'estimate')).toBe('estimate');
    expect(status('estimate', 'disclosed')).toBe('estimate');
  });
  test('is the product of the two, with their ranges, and never replaces the computed hours', () => {
    const e = est(run(s(1000, 'disclosed', [900, 1200]), s(100, 'disclosed', [90, 110])));
    expect(e.gpuHoursBeside).toMatchObject({
      value: 100_000,
      range: [81_000, 132_000],
      method: 'chip count × training duration, shown beside the estimate',
      movesWith: [],
    });
    expect(e.gpuHoursBeside?.inputs.map((i) => i.label)).toEqual(['chip count', 'training duration']);
    expect(e.gpuHours?.provenance).toBe('computed');
  });
  test('a third party’s GPU-hours are shown beside, named by their status', () => {
    const e = est({ ...run(s(1000), s(100)), gpuHours: s(5e5, 'estimate') });
    expect(e.gpuHoursBeside?.value).toBe(5e5);
    expect(e.gpuHoursBeside?.method).toBe('GPU-hours (estimate), shown beside the estimate');
    const rehosted = est(deepseekV3, { rehostChipId: 'a100' });
    expect(rehosted.gpuHoursBeside?.method).toBe('GPU-hours of the real run (disclosed), shown beside the what-if');
  });
});

describe('low ≤ value ≤ high for every quantity the engine returns', () => {
  // every input carries a range, so a wrong operator in any range shows
  const wide: Chip = {
    id: 'wide',
    name: 'Chip with a peak range',
    vendor: 'X',
    peakBf16FlopPerSec: s(400e12, 'estimate', [300e12, 500e12]),
  };
  const measured: Model = {
    ...bare,
    id: 'measured',
    name: 'Measured run',
    lab: 'Lab',
    architecture: 'dense',
    totalParams: s(70e9, 'disclosed', [60e9, 80e9]),
    trainingTokens: s(2e12, 'disclosed', [1.5e12, 2.5e12]),
    trainingFlop: s(8e23, 'disclosed', [6e23, 1e24]),
    gpuHours: s(2e6, 'disclosed', [1.5e6, 2.5e6]),
    chipId: 'wide',
    chipCount: s(4000, 'disclosed', [3000, 5000]),
    trainingDurationHours: s(500, 'estimate', [400, 600]),
  };
  const computed: Model = { ...measured, id: 'computed', name: 'Computed run', gpuHours: undefined };
  const child: Model = { ...computed, id: 'child', name: 'Child', baseModelId: 'measured' };
  const c = makeContext([measured, computed, child, ...models], [...chips, wide]);
  const every = (m: Model, a: Partial<Assumptions>) => {
    const e = est(m, a, c);
    const qs: [string, Quantity<number> | undefined][] = [
      ['flopPerToken', e.flopPerToken],
      ['trainingFlop', e.trainingFlop],
      ['gpuHours', e.gpuHours],
      ['gpuHoursBeside', e.gpuHoursBeside],
      ['costUsd', e.costUsd],
      ['energyMwh', e.energyMwh],
      ['clusterPowerMw', e.clusterPowerMw],
      ['impliedMfu', e.impliedMfu],
      ['totalTrainingFlop', e.totalTrainingFlop],
      ['totalGpuHours', e.totalGpuHours],
      ['totalCostUsd', e.totalCostUsd],
      ['totalEnergyMwh', e.totalEnergyMwh],
    ];
    return qs.filter((q): q is [string, Quantity<number>] => q[1] !== undefined);
  };
  test('under random valid assumptions, for runs measured, computed and chained', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(measured, computed, child, ...models),
        fc.record({
          mfu: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
          usdPerGpuHour: fc.double({ min: 0.1, max: 20, noNaN: true }),
          wattsPerGpu: fc.double({ min: 100, max: 2000, noNaN: true }),
          pue: fc.double({ min: 1, max: 2, noNaN: true }),
          bands: fc.boolean(),
        }),
        (m, a) => {
          for (const [name, q] of every(m, a)) {
            const ok = q.range[0] <= q.value * (1 + 1e-12) && q.value <= q.range[1] * (1 + 1e-12);
            if (!ok) throw new Error(`${m.id} ${name}: ${q.range[0]} ≤ ${q.value} ≤ ${q.range[1]} fails`);
          }
        },
      ),
    );
  });
  test('the ranges of cluster power and implied MFU are the inputs’ ends combined', () => {
    const e = est(measured, { wattsPerGpu: 1000, pue: 1.5 }, c);
    expect(e.clusterPowerMw?.value).toBeCloseTo(6, 12);
    expect(e.clusterPowerMw?.range[0]).toBeCloseTo(4.5, 12);
    expect(e.clusterPowerMw?.range[1]).toBeCloseTo(7.5, 12);
    // implied MFU = FLOP ÷ (GPU-hours × 3600 × peak): low from the fewest FLOP over the most hours on the fastest chip
    expect(e.impliedMfu?.value).toBeCloseTo(8e23 / (2e6 * 3600 * 400e12), 12);
    expect(e.impliedMfu?.range[0]).toBeCloseTo(6e23 / (2.5e6 * 3600 * 500e12), 12);
    expect(e.impliedMfu?.range[1]).toBeCloseTo(1e24 / (1.5e6 * 3600 * 300e12), 12);
    expect(e.impliedMfu?.method).toBe('training FLOP ÷ (GPU-hours × 3600 × peak BF16 FLOP/s)');
    // computed hours would make the implied MFU our own assumption back again: none is given
    expect(est(computed, {}, c).impliedMfu).toBeUndefined();
  });
  test('6·N·D’s range multiplies the ends of N and D', () => {
    const e = est(computed, {}, c);
    // disclosed FLOP outranks 6·N·D; forcing 6·N·D shows its own range
    const f = est(computed, { basis: '6nd' }, c);
    expect(e.trainingFlop?.value).toBe(8e23);
    expect(f.trainingFlop?.value).toBe(6 * 70e9 * 2e12);
    expect(f.trainingFlop?.range).toEqual([6 * 60e9 * 1.5e12, 6 * 80e9 * 2.5e12]);
    expect(f.flopPerToken?.range).toEqual([6 * 60e9, 6 * 80e9]);
    const fast = estimateFast(computed, at({ basis: '6nd' }), c).flop;
    expect([fast?.lo, fast?.value, fast?.hi]).toEqual([6 * 60e9 * 1.5e12, 6 * 70e9 * 2e12, 6 * 80e9 * 2.5e12]);
  });
  test('computed GPU-hours: low from the fastest chip, high from the slowest (and the fast path agrees)', () => {
    const e = est(computed, {}, c);
    expect(e.gpuHours?.range[0]).toBeCloseTo(6e23 / (500e12 * 0.35 * 3600), 0);
    expect(e.gpuHours?.range[1]).toBeCloseTo(1e24 / (300e12 * 0.35 * 3600), 0);
    const fast = estimateFast(computed, at(), c).gpuHours;
    expect(fast?.lo).toBeCloseTo(e.gpuHours!.range[0], 0);
    expect(fast?.hi).toBeCloseTo(e.gpuHours!.range[1], 0);
  });
});

describe('a total’s provenance', () => {
  const base: Model = { ...kimiK2, id: 'computed-base', name: 'Computed base' };
  const ownDisclosed: Model = {
    ...deepseekR1,
    id: 'own-disclosed',
    name: 'Own disclosed',
    baseModelId: 'computed-base',
  };
  const c = makeContext([base, ownDisclosed, ...models], chips);
  test('a total that includes a computed base run is computed, never disclosed', () => {
    const e = est(ownDisclosed, {}, c);
    expect(e.gpuHours?.provenance).toBe('disclosed');
    expect(e.baseRun?.gpuHours?.provenance).toBe('computed');
    expect(e.totalGpuHours?.provenance).toBe('computed');
    expect(e.totalGpuHours?.method).toBe('own run + base model run (Computed base)');
    expect(e.totalGpuHours?.movesWith).toContain('mfu');
    expect(estimateFast(ownDisclosed, at(), c).totalGpuHours?.provenance).toBe('computed');
  });
  test('a total of disclosed runs is disclosed; a leaked own run makes it the own run’s status', () => {
    const e = est(deepseekR1);
    expect(e.totalGpuHours?.provenance).toBe('disclosed');
    expect(e.totalGpuHours?.value).toBe(147e3 + 2.788e6);
    expect(e.totalGpuHours?.movesWith).toEqual([]);
    expect(estimateFast(deepseekR1, at(), ctx).totalGpuHours?.provenance).toBe('disclosed');
    // a third party's FLOP for the own run on a disclosed base, or the other way round: nobody
    // published that sum, so it is computed
    const thirdParty: Model = {
      ...flopOnly,
      id: 'third-party',
      name: 'Third party',
      trainingFlop: s(1e23, 'estimate'),
      baseModelId: 'flop-only',
    };
    const tc = makeContext([thirdParty, flopOnly], chips);
    const t = est(thirdParty, { basis: 'reported' }, tc);
    expect(t.totalTrainingFlop?.value).toBe(1e23 + 5e23);
    expect(t.totalTrainingFlop?.provenance).toBe('computed');
    expect(estimateFast(thirdParty, at({ basis: 'reported' }), tc).totalFlop?.provenance).toBe('computed');
    const onEstimate: Model = { ...flopOnly, id: 'on-estimate', baseModelId: 'third-party' };
    const oc = makeContext([thirdParty, onEstimate], chips);
    const o = est(onEstimate, { basis: 'reported', includeBaseRun: true }, oc);
    expect(o.trainingFlop?.provenance).toBe('disclosed');
    expect(o.totalTrainingFlop?.provenance).toBe('computed');
    expect(estimateFast(onEstimate, at({ basis: 'reported' }), oc).totalFlop?.provenance).toBe('computed');
  });
  test('the range of a total is the sum of the ends', () => {
    const e = est(deepseekR1, { bands: true });
    expect(e.totalCostUsd?.range[0]).toBeCloseTo(e.costUsd!.range[0] + e.baseRun!.costUsd!.range[0], 3);
    expect(e.totalCostUsd?.range[1]).toBeCloseTo(e.costUsd!.range[1] + e.baseRun!.costUsd!.range[1], 3);
    expect(e.totalCostUsd?.range[1]).toBeGreaterThan(e.totalCostUsd!.value);
  });
});

describe('a model is not its own base', () => {
  test('a model naming itself as base counts its run once', () => {
    const self: Model = { ...deepseekV3, baseModelId: 'deepseek-v3' };
    const c = makeContext([self], chips);
    expect(baseChain(self, c)).toEqual([]);
    const e = est(self, {}, c);
    expect(e.baseRuns).toEqual([]);
    expect(e.totalGpuHours?.value).toBe(2.788e6);
    expect(e.postTrainingUnknown).toBe(false);
    expect(estimateFast(self, at(), c).totalGpuHours?.value).toBe(2.788e6);
  });
  test('an unknown base id ends the chain; a long chain stops at MAX_BASE_CHAIN runs', () => {
    const orphan: Model = { ...deepseekR1, id: 'orphan', baseModelId: 'nowhere' };
    expect(baseChain(orphan, makeContext([orphan], chips))).toEqual([]);
    const chain: Model[] = Array.from({ length: MAX_BASE_CHAIN + 3 }, (_, i) => ({
      ...deepseekV3,
      id: `m${i}`,
      name: `M${i}`,
      ...(i > 0 ? { baseModelId: `m${i - 1}` } : {}),
    }));
    const last = chain[chain.length - 1]!;
    const got = baseChain(last, makeContext(chain, chips)).map((m) => m.id);
    expect(got).toHaveLength(MAX_BASE_CHAIN);
    expect(got[0]).toBe(`m${MAX_BASE_CHAIN + 1}`);
  });
});

describe('post-trained with an own run unknown', () => {
  test('is said only when the base run is counted and the own run has neither FLOP nor hours', () => {
    expect(est(kimiK2Thinking).postTrainingUnknown).toBe(true);
    expect(est(deepseekR1).postTrainingUnknown).toBe(false);
    expect(est(kimiK2).postTrainingUnknown).toBe(false);
    const hoursOnly: Model = { ...kimiK2Thinking, id: 'hours-only', gpuHours: s(1000) };
    expect(est(hoursOnly, {}, makeContext([hoursOnly, kimiK2], chips)).postTrainingUnknown).toBe(false);
    expect(estimateFast(hoursOnly, at(), makeContext([hoursOnly, kimiK2], chips)).partial).toBeUndefined();
  });
});

describe('what the derivation card says', () => {
  test('a per-chip price and the full-cost multiplier are named as inputs and sliders', () => {
    const e = est(gpt4, { costMultiplier: 2, usdPerGpuHourByChip: { a100: 1.5 } });
    expect(e.costUsd?.method).toBe('GPU-hours × USD per GPU-hour × full-cost multiplier');
    expect(e.costUsd?.inputs.map((i) => [i.label, i.status])).toEqual([
      ['GPU-hours (estimated)', 'computed'],
      ['GPU price for NVIDIA A100', 'assumption'],
      ['full-cost multiplier', 'assumption'],
    ]);
    // a per-chip price is not the global slider: moving that slider does not move this cost
    expect(e.costUsd?.movesWith).toEqual(['mfu', 'costMultiplier']);
    expect(est(gpt4).costUsd?.method).toBe('GPU-hours × USD per GPU-hour');
    expect(est(gpt4).costUsd?.movesWith).toEqual(['mfu', 'usdPerGpuHour']);
    expect(est(deepseekV3).costUsd?.inputs[0]?.label).toBe('GPU-hours');
  });
  test('a what-if on another chip says so, and moves with that choice', () => {
    const r = est(deepseekV3, { rehostChipId: 'a100' });
    expect(r.gpuHours?.method).toBe('what if: training FLOP ÷ (NVIDIA A100 peak BF16 FLOP/s × MFU × 3600)');
    expect(r.gpuHours?.movesWith).toEqual(['mfu', 'rehostChipId']);
    expect(r.gpuHours?.inputs.map((i) => [i.label, i.status])).toEqual([
      ['training FLOP (6 · N_active · D)', 'computed'],
      ['NVIDIA A100 peak dense BF16', 'disclosed'],
      ['MFU', 'assumption'],
    ]);
    expect(est(gpt4).gpuHours?.method).toBe('training FLOP ÷ (peak BF16 FLOP/s × MFU × 3600)');
    expect(est(gpt4).gpuHours?.movesWith).toEqual(['mfu']);
  });
  test('market and amortised costs name their method and every input', () => {
    const m = est(gpt4, { costBasis: 'market' });
    expect(m.costUsd?.method).toBe('GPU-hours × NVIDIA A100 market rental price (listed 2023-06-01)');
    expect(m.costUsd?.movesWith).toEqual(['mfu', 'costBasis']);
    const am = est(gpt4, { costBasis: 'amortized' });
    expect(am.costUsd?.method).toBe(
      'GPU-hours × (value at training start × r·ln10 ÷ 8,766 h ÷ (1 − interconnect share) + W × PUE × $/kWh) — Epoch AI’s amortised hardware + energy (Cottier et al. 2024)',
    );
    expect(am.costUsd?.inputs.map((i) => [i.label, i.status, i.unit])).toEqual([
      ['GPU-hours (estimated)', 'computed', 'gpu-hours'],
      ['NVIDIA A100 acquisition price', 'estimate', 'usd'],
      ['server overhead', 'assumption', 'ratio'],
      ['years in service, from availability (2020-08) to training start (≈2024-07)', 'computed', 'years'],
      ['depreciation r', 'assumption', 'oom/year'],
      ['value at training start (per GPU)', 'computed', 'usd'],
      ['interconnect share of cluster cost', 'assumption', 'fraction'],
      ['hardware + interconnect per GPU-hour', 'computed', 'usd/gpu-hour'],
      ['Power per GPU', 'assumption', 'watts'],
      ['PUE', 'assumption', 'ratio'],
      ['electricity price', 'assumption', 'usd/kwh'],
      ['energy per GPU-hour', 'computed', 'usd/gpu-hour'],
    ]);
    expect(am.costUsd?.movesWith).toEqual([
      'mfu',
      'costBasis',
      'serverOverhead',
      'depreciationOomPerYear',
      'interconnectShare',
      'wattsPerGpu',
      'pue',
      'usdPerKwh',
    ]);
  });
  test('energy, cluster power and implied MFU name their inputs', () => {
    const e = est(gpt4);
    expect(e.energyMwh?.method).toBe('GPU-hours × W per GPU × PUE');
    expect(e.energyMwh?.inputs.map((i) => i.label)).toEqual(['GPU-hours (estimated)', 'Power per GPU', 'PUE']);
    expect(e.energyMwh?.movesWith).toEqual(['mfu', 'wattsPerGpu', 'pue']);
    expect(e.clusterPowerMw?.method).toBe('chip count × W per GPU × PUE');
    expect(e.clusterPowerMw?.inputs.map((i) => i.label)).toEqual(['chip count', 'Power per GPU', 'PUE']);
    expect(e.clusterPowerMw?.movesWith).toEqual(['wattsPerGpu', 'pue']);
    const v3 = est(deepseekV3);
    expect(v3.impliedMfu?.inputs.map((i) => [i.label, i.status])).toEqual([
      ['training FLOP (6 · N_active · D)', 'computed'],
      ['GPU-hours', 'disclosed'],
      ['NVIDIA H800 peak dense BF16', 'disclosed'],
    ]);
  });
});

describe('why our figure and Epoch’s differ, in the engine’s words', () => {
  const ep = { title: 'Epoch AI', url: 'https://epoch.ai/data/ai-models' };
  const flopRef = (value: number, excludesBase = false) => ({
    model: 'X',
    trainingFlop: { value, status: 'estimate' as const, source: ep },
    ...(excludesBase ? { excludesBase } : {}),
  });
  const costRef = (value: number) => ({ model: 'X', costUsd2023: { value, status: 'estimate' as const, source: ep } });
  const r1WithFlop: Model = { ...deepseekR1, trainingFlop: s(1e23) };
  test('a fine-tune: own run plus base, or a base without a FLOP figure', () => {
    const sum = est({ ...r1WithFlop, epochReference: flopRef(1e26) });
    expect(sum.epochFlop?.ratio).toBeCloseTo((1e23 + 6 * 37e9 * 14.8e12) / 1e26, 12);
    expect(sum.epochFlop?.reason).toBe(
      'we count this run (1.0e23) plus the base model’s (DeepSeek-V3, 3.3e24); Epoch’s 1.0e26 is not that sum: Epoch counts this fine-tune’s base differently',
    );
    const noFlopBase: Model = { ...deepseekV3, activeParams: undefined, totalParams: undefined };
    const c = makeContext([noFlopBase], chips);
    expect(est({ ...r1WithFlop, epochReference: flopRef(1e26) }, {}, c).epochFlop?.reason).toBe(
      'the base model’s run (DeepSeek-V3) has no FLOP figure here, so only this run (1.0e23) is counted; Epoch’s 1.0e26 includes the base',
    );
  });
  test('Epoch’s figure without the base is compared with this run alone', () => {
    const own = est({ ...r1WithFlop, epochReference: flopRef(1e23, true) });
    expect(own.epochFlop?.ratio).toBe(1);
    expect(own.epochFlop?.reason).toBeUndefined();
  });
  test('a third party’s figure, and the edges of the tolerance', () => {
    const e = est({ ...gpt4, epochReference: flopRef(1e27) }, { basis: 'reported' });
    expect(e.epochFlop?.reason).toBe('this run’s figure (2.1e25, training FLOP (estimate)) is not Epoch’s 1.0e27');
    // exactly 3× either way is within tolerance; beyond it is explained
    expect(
      est({ ...gpt4, epochReference: flopRef(2.1e25 / 3) }, { basis: 'reported' }).epochFlop?.reason,
    ).toBeUndefined();
    expect(
      est({ ...gpt4, epochReference: flopRef(2.1e25 * 3) }, { basis: 'reported' }).epochFlop?.reason,
    ).toBeUndefined();
    expect(est({ ...gpt4, epochReference: flopRef(2.1e25 / 3.1) }, { basis: 'reported' }).epochFlop?.reason).toMatch(
      /^this run’s figure/,
    );
    // no reference value to divide by: no comparison
    expect(est({ ...gpt4, epochReference: flopRef(0) }).epochFlop).toBeUndefined();
  });
  test('cost: an assumed chip newer than the model, estimated hours, the multiplier', () => {
    const old: Model = { ...flopOnly, releaseDate: '2019-01', epochReference: costRef(1) };
    expect(est(old, { costMultiplier: 2 }).epochCost?.reason).toBe(
      'priced by the rental basis, while Epoch’s figure is amortised hardware + energy; the training chip is unknown and the default chip (NVIDIA A100, 2020) is newer than the model (2019); GPU-hours are estimated from FLOP at 35% MFU, not measured; the full-cost multiplier (×2) is on',
    );
    const recent: Model = { ...flopOnly, releaseDate: '2024-01', epochReference: costRef(1) };
    expect(est(recent, { costBasis: 'amortized' }).epochCost?.reason).toBe(
      'the training chip is unknown, so the default chip is assumed; GPU-hours are estimated from FLOP at 35% MFU, not measured',
    );
    expect(est({ ...gpt4, epochReference: costRef(1) }).epochCost?.reason).toBe(
      'priced by the rental basis, while Epoch’s figure is amortised hardware + energy; GPU-hours are 4.4e7 from FLOP at 35% MFU, while the data’s chips × training time give 5.7e7 (shown beside, not used)',
    );
  });
});

describe('the rest of what a reader can see change', () => {
  const ep = { title: 'Epoch AI', url: 'https://epoch.ai/data/ai-models' };
  const weakBoth: Model = {
    ...bare,
    id: 'weak-both',
    name: 'Weak both',
    lab: 'Lab',
    architecture: 'unknown',
    totalParams: s(10e9),
    trainingTokens: s(1e9),
    trainingTokensKind: 'dataset-size',
  };
  test('every caveat of a weak 6·N·D is listed, and whose figure was used instead', () => {
    const both =
      'the dataset size is not tokens trained (epochs unknown); the parameter count is not known to be the active one (architecture unknown)';
    expect(est(weakBoth).flopNote).toBe(`6·N·D with caveats: ${both}`);
    const epoch = est({ ...weakBoth, trainingFlop: { value: 1e20, status: 'estimate', source: ep } });
    expect(epoch.flopNote).toBe(`Epoch’s figure used: ${both}`);
    expect(epoch.trainingFlop?.method).toBe('training FLOP (estimate)');
    const other = est({ ...weakBoth, trainingFlop: s(1e20, 'leak') });
    expect(other.flopNote).toBe(`the third-party figure used: ${both}`);
    expect(est(weakBoth, { basis: '6nd' }).trainingFlop?.inputs.map((i) => i.label)).toEqual([
      'parameters (total; architecture unknown)',
      'training dataset size (not tokens trained)',
    ]);
  });
  test('the reported basis takes a lab’s figure as disclosed', () => {
    expect(est(flopOnly, { basis: 'reported' }).flopBasis).toBe('disclosed');
    expect(est(flopOnly, { basis: 'reported' }).trainingFlop?.method).toBe('training FLOP disclosed by the lab');
  });
  test('epochs with a range widen D’s range: dataset size × epochs, end by end', () => {
    const m: Model = {
      ...weakBoth,
      architecture: 'dense',
      trainingTokens: s(300e9, 'disclosed', [250e9, 350e9]),
      epochs: s(2, 'estimate', [1.5, 2.5]),
    };
    const e = est(m);
    expect(e.trainingFlop?.value).toBe(6 * 10e9 * 600e9);
    expect(e.trainingFlop?.range[0]).toBeCloseTo(6 * 10e9 * 250e9 * 1.5, -8);
    expect(e.trainingFlop?.range[1]).toBeCloseTo(6 * 10e9 * 350e9 * 2.5, -8);
    expect(e.trainingFlop?.method).toBe('6 · N_active · (dataset size × epochs)');
    expect(e.trainingFlop?.inputs.map((i) => [i.label, i.range])).toEqual([
      ['parameters (dense)', undefined],
      ['training dataset size', [250e9, 350e9]],
      ['epochs', [1.5, 2.5]],
    ]);
    const f = estimateFast(m, at(), ctx).flop;
    expect([f?.lo, f?.hi]).toEqual(e.trainingFlop?.range);
  });
  test('a figure’s note and source travel with it into the card', () => {
    const noted: Model = { ...flopOnly, trainingFlop: { ...s(5e23), note: 'from the paper’s table 2' } };
    expect(est(noted).trainingFlop?.note).toBe('from the paper’s table 2');
    const v3 = est(deepseekV3);
    expect(v3.gpuHours?.method).toBe('GPU-hours disclosed by the lab');
    expect(v3.costUsd?.inputs[0]?.source).toEqual(deepseekV3.gpuHours?.source);
    expect(v3.impliedMfu?.inputs[0]?.source).toBeUndefined();
    const g = est(gpt4);
    expect(g.gpuHoursBeside?.inputs[1]).toMatchObject({ label: 'training duration', range: [2160, 2400] });
    expect(g.gpuHours?.inputs[0]).toMatchObject({ label: 'training FLOP (6 · N_active · D)', status: 'computed' });
    const epochFlop = est(gpt4, { basis: 'reported' });
    expect(epochFlop.gpuHours?.inputs[0]?.source).toEqual(gpt4.trainingFlop?.source);
  });
  test('a chip named in the data or chosen for a what-if is not “assumed”', () => {
    expect(est(gpt4).chip).toEqual({ id: 'a100', name: 'NVIDIA A100', assumed: false });
    expect(est(gpt4, { rehostChipId: 'h100' }).chip).toEqual({
      id: 'h100',
      name: 'NVIDIA H100',
      assumed: false,
      rehosted: true,
    });
  });
  test('nothing is missing when everything is known; a missing chip is named', () => {
    expect(est(gpt4).missing).toEqual([]);
    expect(est(deepseekV3).missing).toEqual([]);
    expect(est(flopOnly, { defaultChipId: 'no-such-chip' }).missing).toEqual([
      'GPU-hours: no training chip known and no default chip',
    ]);
  });
  test('a base run without the figure leaves the total as the own run', () => {
    const c = makeContext([{ ...kimiK2Thinking, id: 'empty-base', baseModelId: undefined }], chips);
    const child: Model = { ...deepseekR1, baseModelId: 'empty-base' };
    const e = est(child, {}, c);
    expect(e.baseRuns.map((r) => r.modelId)).toEqual(['empty-base']);
    expect(e.totalGpuHours).toBe(e.gpuHours);
    expect(estimateFast(child, at(), c).totalGpuHours).toEqual(estimateFast(child, at(), c).gpuHours);
  });
  test('a chain names every base; a partial total says why', () => {
    const v2: Model = { ...deepseekV3, id: 'v2', name: 'V2' };
    const v3: Model = { ...deepseekV3, baseModelId: 'v2' };
    const e = estimateModel(deepseekR1, at(), makeContext([v2, v3, deepseekR1], chips));
    expect(e.totalGpuHours?.method).toBe('own run + base model run (DeepSeek-V3 + V2)');
    const k = est(kimiK2Thinking);
    expect(k.totalCostUsd?.note).toBe('post-training run unknown: only the base model’s run is counted');
    expect(est(kimiK2).totalCostUsd?.partial).toBeUndefined();
    const ref = { model: 'X', trainingFlop: { value: 1e27, status: 'estimate' as const, source: ep } };
    const r1 = estimateModel(
      { ...deepseekR1, trainingFlop: s(1e23), epochReference: ref },
      at(),
      makeContext([v2, v3], chips),
    );
    expect(r1.epochFlop?.reason).toBe(
      'we count this run (1.0e23) plus the base model’s (DeepSeek-V3 + V2, 6.6e24); Epoch’s 1.0e27 is not that sum: Epoch counts this fine-tune’s base differently',
    );
  });
  test('a weak 6·N·D far from Epoch’s figure carries its caveat into the reason', () => {
    const ref = { model: 'X', trainingFlop: { value: 1e30, status: 'estimate' as const, source: ep } };
    expect(est({ ...weakBoth, epochReference: ref }).epochFlop?.reason).toBe(
      'our 6·N·D (6.0e19) from parameters (total; architecture unknown) × training dataset size (not tokens trained) (6·N·D with caveats: the dataset size is not tokens trained (epochs unknown); the parameter count is not known to be the active one (architecture unknown)); Epoch’s 1.0e30 was derived differently (see Epoch’s notes)',
    );
  });
  test('the fast path gives only the figures it has', () => {
    expect(Object.keys(estimateFast(kimiK2Thinking, at({ includeBaseRun: false }), ctx))).toEqual([]);
    expect(Object.keys(estimateFast({ ...flopOnly, chipId: 'mystery' }, at(), ctx)).sort()).toEqual([
      'flop',
      'totalFlop',
    ]);
    const chained = estimateFast(kimiK2Thinking, at(), ctx);
    expect(Object.keys(chained).sort()).toEqual([
      'partial',
      'totalCostUsd',
      'totalEnergyMwh',
      'totalFlop',
      'totalGpuHours',
    ]);
  });
});
