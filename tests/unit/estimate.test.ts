import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_ASSUMPTIONS, AssumptionError, type Assumptions } from '../../src/domain/assumptions';
import { estimateFast, estimateModel, makeContext, type FastQuantity } from '../../src/domain/estimate';
import { loadCurated, loadReference } from '../../src/data/datasets';
import {
  chips,
  datasetSizeOnly,
  deepseekR1,
  deepseekV3,
  flopOnly,
  gpt4,
  kimiK2,
  kimiK2Thinking,
  models,
  unknownArchitecture,
  unknownModel,
  withEpochs,
} from '../fixtures/mini';
import type { Model } from '../../src/data/schema';

const ctx = makeContext(models, chips);
const at = (over: Partial<Assumptions> = {}): Assumptions => ({ ...DEFAULT_ASSUMPTIONS, ...over });
const est = (m: Model, over: Partial<Assumptions> = {}) => estimateModel(m, at(over), ctx);

describe('the source documents’ arithmetic', () => {
  test('GPT-4: 6 · 220e9 · 13e12 ≈ 1.7e25 FLOP → ≈ 44M A100-hours at 35% MFU', () => {
    const e = est(gpt4, { mfu: 0.35 });
    expect(e.flopBasis).toBe('6nd');
    expect(e.trainingFlop?.value).toBeCloseTo(1.716e25, -22);
    expect(e.gpuHours?.value).toBeGreaterThan(44e6 * 0.97);
    expect(e.gpuHours?.value).toBeLessThan(44e6 * 1.03);
    expect(e.gpuHours?.provenance).toBe('computed');
    // the leaked cluster figure is shown beside, not used
    expect(e.gpuHoursBeside?.provenance).toBe('leak');
    expect(e.gpuHoursBeside?.range).toEqual([25000 * 2160, 25000 * 2400]);
    expect(e.reportedCostUsd?.value).toBe(100e6);
  });

  test('DeepSeek-V3 at $2/GPU-hour costs $5.576M from its disclosed 2.788M H800-hours', () => {
    const e = est(deepseekV3, { usdPerGpuHour: 2 });
    expect(e.gpuHours?.provenance).toBe('disclosed');
    expect(e.costUsd?.value).toBeCloseTo(5.576e6, 0);
    expect(e.reportedCostUsd?.value).toBe(5.576e6);
  });

  test('DeepSeek-V3 implies ≈ 33% MFU against H800 BF16 peak', () => {
    const e = est(deepseekV3);
    expect(e.impliedMfu?.value).toBeGreaterThan(0.32);
    expect(e.impliedMfu?.value).toBeLessThan(0.34);
  });

  test('GPT-4 costs 14–18× DeepSeek-V3 + R1 at $2/h and 35% MFU', () => {
    const g = est(gpt4, { usdPerGpuHour: 2, mfu: 0.35 });
    const r = est(deepseekR1, { usdPerGpuHour: 2, mfu: 0.35, includeBaseRun: true });
    expect(r.baseRun?.modelId).toBe('deepseek-v3');
    expect(r.totalCostUsd?.value).toBeCloseTo(5.576e6 + 294e3, 0);
    const ratio = (g.costUsd?.value ?? 0) / (r.totalCostUsd?.value ?? Infinity);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
  });
});

describe('precedence and basis', () => {
  test('disclosed FLOP outranks 6·N·D; third-party FLOP ranks below it', () => {
    expect(est(flopOnly).flopBasis).toBe('disclosed');
    expect(est(flopOnly).trainingFlop?.value).toBe(5e23);
    expect(est(gpt4).flopBasis).toBe('6nd');
  });
  test('basis "reported" uses the reported figure; "6nd" forces 6·N·D', () => {
    expect(est(gpt4, { basis: 'reported' }).trainingFlop?.value).toBe(2.1e25);
    expect(est(gpt4, { basis: 'reported' }).flopBasis).toBe('third-party');
    expect(est(flopOnly, { basis: '6nd' }).trainingFlop?.value).toBe(6 * 70e9 * 1e12);
  });
  test('a forced basis without data falls back and says so', () => {
    const e = est(deepseekV3, { basis: 'reported' });
    expect(e.flopBasis).toBe('6nd');
    expect(e.basisFallback).toBe(true);
  });
  test('disclosed GPU-hours never move with MFU; computed ones do', () => {
    const lo = est(deepseekV3, { mfu: 0.2 });
    const hi = est(deepseekV3, { mfu: 0.6 });
    expect(lo.gpuHours?.value).toBe(hi.gpuHours?.value);
    expect(lo.gpuHours?.movesWith).toEqual([]);
    expect(est(gpt4, { mfu: 0.5 }).gpuHours?.value).toBeLessThan(est(gpt4, { mfu: 0.35 }).gpuHours?.value ?? 0);
  });
  test('models without a chip use the default chip and say it is assumed', () => {
    const e = est(flopOnly, { defaultChipId: 'h100' });
    expect(e.chip).toEqual({ id: 'h100', name: 'NVIDIA H100', assumed: true });
    expect(e.gpuHours?.movesWith).toContain('defaultChipId');
  });
  test('a per-chip price overrides the global price for that chip only', () => {
    const e = est(gpt4, { usdPerGpuHourByChip: { a100: 1 }, usdPerGpuHour: 3 });
    expect(e.costUsd?.value).toBeCloseTo(e.gpuHours!.value * 1, 3);
    expect(est(deepseekV3, { usdPerGpuHourByChip: { a100: 1 }, usdPerGpuHour: 3 }).costUsd?.value).toBeCloseTo(
      2.788e6 * 3,
      0,
    );
  });
  test('unknown stays unknown, with the reason', () => {
    const e = est(unknownModel);
    expect(e.trainingFlop).toBeUndefined();
    expect(e.gpuHours).toBeUndefined();
    expect(e.costUsd).toBeUndefined();
    expect(e.missing.join(' ')).toMatch(/training FLOP/);
  });
  test('a chip without a sourced peak gives no GPU-hours and says why', () => {
    const e = est({ ...flopOnly, chipId: 'mystery' });
    expect(e.gpuHours).toBeUndefined();
    expect(e.missing.join(' ')).toMatch(/no sourced peak/);
  });
  test('energy = GPU-hours × W × PUE; cluster power from the chip count', () => {
    const e = est(deepseekV3, { wattsPerGpu: 700, pue: 1.2 });
    expect(e.energyMwh?.value).toBeCloseTo((2.788e6 * 700 * 1.2) / 1e6, 6);
    expect(e.clusterPowerMw?.value).toBeCloseTo((2048 * 700 * 1.2) / 1e6, 9);
  });
  test('ranges propagate: GPT-4 duration range widens the beside figure, cost multiplier scales cost', () => {
    const e = est(gpt4, { costMultiplier: 5 });
    expect(e.costUsd?.value).toBeCloseTo(e.gpuHours!.value * 2 * 5, 0);
    expect(e.costUsd?.movesWith).toContain('costMultiplier');
  });
  test('every computed value names its inputs and their statuses', () => {
    const e = est(gpt4);
    const statuses = e.gpuHours?.inputs.map((i) => i.status);
    expect(statuses).toContain('assumption');
    expect(e.trainingFlop?.inputs.map((i) => i.status)).toEqual(['leak', 'leak']);
    expect(e.costUsd?.inputs.find((i) => i.label === 'GPU price')?.value).toBe(2);
  });
});

describe('invalid assumptions are rejected with a clear error', () => {
  test.each([
    [{ mfu: 0 }, /MFU/],
    [{ mfu: 1.2 }, /MFU/],
    [{ mfu: Number.NaN }, /MFU/],
    [{ usdPerGpuHour: -1 }, /GPU price/],
    [{ wattsPerGpu: 0 }, /Power per GPU/],
    [{ pue: 0.9 }, /PUE/],
  ])('%o', (over, message) => {
    expect(() => est(gpt4, over)).toThrow(AssumptionError);
    expect(() => est(gpt4, over)).toThrow(message);
  });
});

describe('properties', () => {
  const validAssumptions = fc.record({
    mfu: fc.double({ min: 0.01, max: 1, noNaN: true }),
    usdPerGpuHour: fc.double({ min: 0, max: 100, noNaN: true }),
    wattsPerGpu: fc.double({ min: 1, max: 5000, noNaN: true }),
    pue: fc.double({ min: 1, max: 3, noNaN: true }),
  });
  const anyModel = fc.constantFrom(...models);

  test('GPU-hours never rise as MFU rises', () => {
    fc.assert(
      fc.property(
        anyModel,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (m, x, y) => {
          const [lo, hi] = x < y ? [x, y] : [y, x];
          const a = est(m, { mfu: lo }).gpuHours?.value;
          const b = est(m, { mfu: hi }).gpuHours?.value;
          if (a === undefined || b === undefined) return a === b;
          return b <= a;
        },
      ),
    );
  });
  test('cost is linear in price', () => {
    fc.assert(
      fc.property(
        anyModel,
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (m, p, k) => {
          const a = est(m, { usdPerGpuHour: p }).costUsd?.value;
          const b = est(m, { usdPerGpuHour: p * k }).costUsd?.value;
          if (a === undefined) return b === undefined;
          return Math.abs((b ?? 0) - a * k) <= 1e-9 * Math.max(1, a * k);
        },
      ),
    );
  });
  test('valid input never gives NaN, Infinity or a negative number', () => {
    fc.assert(
      fc.property(anyModel, validAssumptions, fc.boolean(), (m, over, includeBaseRun) => {
        const e = est(m, { ...over, includeBaseRun });
        const values = [
          e.trainingFlop,
          e.gpuHours,
          e.costUsd,
          e.energyMwh,
          e.clusterPowerMw,
          e.impliedMfu,
          e.totalCostUsd,
        ]
          .filter((q) => q !== undefined)
          .flatMap((q) => [q.value, ...q.range]);
        return values.every((v) => Number.isFinite(v) && v >= 0);
      }),
    );
  });
  test('low ≤ value ≤ high for every estimate', () => {
    fc.assert(
      fc.property(anyModel, validAssumptions, (m, over) => {
        const e = est(m, over);
        return [e.trainingFlop, e.gpuHours, e.costUsd, e.energyMwh]
          .filter((q) => q !== undefined)
          .every((q) => q.range[0] <= q.value * (1 + 1e-12) && q.value <= q.range[1] * (1 + 1e-12));
      }),
    );
  });
});

describe('the fast path agrees with the full derivation', () => {
  const realModels = loadCurated().models;
  const realCtx = makeContext(realModels, loadReference().chips);
  const close = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  test('for every curated model under random valid assumptions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realModels),
        fc.record({
          mfu: fc.double({ min: 0.05, max: 0.8, noNaN: true }),
          usdPerGpuHour: fc.double({ min: 0.25, max: 10, noNaN: true }),
          wattsPerGpu: fc.double({ min: 100, max: 3000, noNaN: true }),
          pue: fc.double({ min: 1, max: 2, noNaN: true }),
          basis: fc.constantFrom('auto' as const, '6nd' as const, 'reported' as const),
          includeBaseRun: fc.boolean(),
          defaultChipId: fc.constantFrom('a100', 'h100', 'tpu-v4', 'ascend-910b'),
          costMultiplier: fc.constantFrom(1, 3),
          bands: fc.boolean(),
          rehost: fc.constantFrom(undefined, 'h20', 'ascend-910b', 'b200'),
          costBasis: fc.constantFrom('rental' as const, 'market' as const, 'amortized' as const),
          serverOverhead: fc.double({ min: 1, max: 3, noNaN: true }),
          interconnectShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          depreciationOomPerYear: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
          usdPerKwh: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
          purchaseUsdByChip: fc.constantFrom<Record<string, number>>(
            {},
            { h100: 25000 },
            { h800: 30000, 'tpu-v4': 4000 },
          ),
          usdPerGpuHourByChip: fc.constantFrom<Record<string, number>>({}, { a100: 1.2 }, { h100: 3 }),
        }),
        (m, { rehost, ...over }) => {
          const a = { ...DEFAULT_ASSUMPTIONS, ...over, ...(rehost ? { rehostChipId: rehost } : {}) };
          const full = estimateModel(m, a, realCtx);
          const fast = estimateFast(m, a, realCtx);
          const pairs: [
            { value: number; range: readonly [number, number]; provenance: string } | undefined,
            FastQuantity | undefined,
          ][] = [
            [full.trainingFlop, fast.flop],
            [full.gpuHours, fast.gpuHours],
            [full.costUsd, fast.costUsd],
            [full.energyMwh, fast.energyMwh],
            [full.totalCostUsd, fast.totalCostUsd],
            [full.totalEnergyMwh, fast.totalEnergyMwh],
            [full.totalTrainingFlop, fast.totalFlop],
            [full.totalGpuHours, fast.totalGpuHours],
          ];
          expect(fast.partial === true).toBe(full.postTrainingUnknown);
          for (const [f, q] of pairs) {
            expect(f === undefined).toBe(q === undefined);
            if (f && q) {
              expect(close(f.value, q.value)).toBe(true);
              expect(close(f.range[0], q.lo) && close(f.range[1], q.hi)).toBe(true);
              expect(q.provenance).toBe(f.provenance);
              // ranges stay low ≤ value ≤ high under every cost basis
              expect(q.lo <= q.value * (1 + 1e-12) && q.value <= q.hi * (1 + 1e-12)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
  test('the post-trained models with an unknown own run are in that sample', () => {
    // Kimi K2 Thinking is why the property above covers partial chains
    const k2t = realModels.find((m) => m.id === 'kimi-k2-thinking');
    expect(k2t?.baseModelId).toBe('kimi-k2');
    expect(estimateModel(k2t!, DEFAULT_ASSUMPTIONS, realCtx).postTrainingUnknown).toBe(true);
  });
});

describe('what-ifs and uncertainty bands', () => {
  test('rehosting on another chip recomputes even disclosed GPU-hours and keeps the real ones beside', () => {
    const real = est(deepseekV3);
    const onA100 = est(deepseekV3, { rehostChipId: 'a100' });
    expect(onA100.gpuHours?.provenance).toBe('computed');
    expect(onA100.gpuHoursBeside?.value).toBe(2.788e6);
    expect(onA100.chip).toMatchObject({ id: 'a100', rehosted: true });
    // 3.29e24 FLOP on a 312 TFLOP/s chip at 35% MFU
    expect(onA100.gpuHours?.value).toBeCloseTo((6 * 37e9 * 14.8e12) / (312e12 * 0.35 * 3600), -3);
    expect(real.gpuHours?.provenance).toBe('disclosed');
  });
  test('bands widen ranges around the point estimate: MFU 30–50% and $1–3 per GPU-hour', () => {
    const e = est(gpt4, { bands: true });
    const flop = 6 * 220e9 * 13e12;
    expect(e.gpuHours?.range[0]).toBeCloseTo(flop / (312e12 * 0.5 * 3600), -3);
    expect(e.gpuHours?.range[1]).toBeCloseTo(flop / (312e12 * 0.3 * 3600), -3);
    expect(e.costUsd?.range[0]).toBeCloseTo(e.gpuHours!.range[0] * 1, -1);
    expect(e.costUsd?.range[1]).toBeCloseTo(e.gpuHours!.range[1] * 3, -1);
    // disclosed GPU-hours keep their value; only the price band widens the cost
    const v3 = est(deepseekV3, { bands: true });
    expect(v3.gpuHours?.range).toEqual([2.788e6, 2.788e6]);
    expect(v3.costUsd?.range).toEqual([2.788e6, 2.788e6 * 3]);
  });
  test('bands are validated', () => {
    expect(() => est(gpt4, { mfuBand: [0.6, 0.3] })).toThrow(/MFU band/);
    expect(() => est(gpt4, { priceBand: [-1, 2] })).toThrow(/price band/);
  });
});

describe('precedence respects what a figure is', () => {
  test('a dataset size is not tokens trained: the third party’s FLOP outranks 6·N·D from it, and says why', () => {
    const e = est(datasetSizeOnly);
    expect(e.flopBasis).toBe('third-party');
    expect(e.trainingFlop?.value).toBe(3.19e23);
    expect(e.flopNote).toBe('Epoch’s figure used: the dataset size is not tokens trained (epochs unknown)');
  });
  test('dataset size × epochs is tokens trained: with active parameters, 6·N·D outranks the third party', () => {
    const e = est(withEpochs);
    expect(e.flopBasis).toBe('6nd');
    expect(e.trainingFlop?.value).toBe(6 * 175e9 * 300e9 * 2);
    expect(e.trainingFlop?.method).toBe('6 · N_active · (dataset size × epochs)');
    expect(e.trainingFlop?.inputs.map((i) => i.label)).toEqual([
      'parameters (dense)',
      'training dataset size',
      'epochs',
    ]);
  });
  test('total parameters of a model whose architecture is unknown are not known to be active', () => {
    const e = est(unknownArchitecture);
    expect(e.flopBasis).toBe('third-party');
    expect(e.flopNote).toMatch(/not known to be the active one/);
  });
  test('with no third-party figure, 6·N·D from weak inputs is still used, flagged', () => {
    const { trainingFlop: _t, ...noFigure } = datasetSizeOnly;
    const e = est(noFigure);
    expect(e.flopBasis).toBe('6nd');
    expect(e.trainingFlop?.value).toBe(6 * 175e9 * 16969897);
    expect(e.flopNote).toMatch(/^6·N·D with caveats: the dataset size is not tokens trained/);
  });
  test('basis "6nd" forces 6·N·D even from a dataset size, keeping the caveat', () => {
    const e = est(datasetSizeOnly, { basis: '6nd' });
    expect(e.flopBasis).toBe('6nd');
    expect(e.flopNote).toMatch(/caveats/);
  });
});

describe('post-trained models', () => {
  test('own run unknown: the base run’s compute, cost and energy are shown, marked post-training run unknown', () => {
    const e = est(kimiK2Thinking);
    expect(e.trainingFlop).toBeUndefined();
    expect(e.postTrainingUnknown).toBe(true);
    const k2 = est(kimiK2);
    expect(e.totalTrainingFlop?.value).toBe(6 * 32e9 * 15.5e12);
    expect(e.totalCostUsd?.value).toBeCloseTo(k2.costUsd!.value, 6);
    expect(e.totalEnergyMwh?.value).toBeCloseTo(k2.energyMwh!.value, 9);
    expect(e.totalGpuHours?.value).toBeCloseTo(k2.gpuHours!.value, 6);
    for (const q of [e.totalTrainingFlop, e.totalCostUsd, e.totalEnergyMwh, e.totalGpuHours]) {
      expect(q?.partial).toBe(true);
      expect(q?.method).toBe('base model run only (Kimi K2): post-training run unknown');
    }
    const fast = estimateFast(kimiK2Thinking, at(), ctx);
    expect(fast.partial).toBe(true);
    expect(fast.totalCostUsd?.value).toBeCloseTo(k2.costUsd!.value, 6);
    expect(fast.costUsd).toBeUndefined();
  });
  test('with the base run excluded, the model says why it is unknown', () => {
    const e = est(kimiK2Thinking, { includeBaseRun: false });
    expect(e.postTrainingUnknown).toBe(false);
    expect(e.totalCostUsd).toBeUndefined();
    expect(e.missing.join(' ')).toMatch(/training FLOP/);
  });
  test('chains of more than one base model add every run; a cycle stops the chain', () => {
    const v2: Model = { ...deepseekV3, id: 'v2', name: 'V2' };
    const v3: Model = { ...deepseekV3, baseModelId: 'v2' };
    const cyc: Model = { ...v2, baseModelId: 'deepseek-r1' };
    const chainCtx = makeContext([v2, v3, deepseekR1], chips);
    const e = estimateModel(deepseekR1, at(), chainCtx);
    expect(e.baseRuns.map((r) => r.modelId)).toEqual(['deepseek-v3', 'v2']);
    expect(e.totalGpuHours?.value).toBeCloseTo(147e3 + 2 * 2.788e6, 0);
    expect(estimateFast(deepseekR1, at(), chainCtx).totalGpuHours?.value).toBeCloseTo(147e3 + 2 * 2.788e6, 0);
    const cycleCtx = makeContext([cyc, v3, deepseekR1], chips);
    expect(estimateModel(deepseekR1, at(), cycleCtx).baseRuns.map((r) => r.modelId)).toEqual(['deepseek-v3', 'v2']);
  });
});

describe('cost bases', () => {
  const dated: Model = {
    ...gpt4,
    id: 'dated',
    releaseDate: '2023-03-14',
    trainingDurationHours: { value: 2280, status: 'leak', source: gpt4.trainingDurationHours!.source },
  };
  test('rental is today’s behaviour: GPU-hours × the GPU price slider', () => {
    const e = est(dated, { costBasis: 'rental', usdPerGpuHour: 2 });
    expect(e.costUsd?.value).toBeCloseTo(e.gpuHours!.value * 2, 3);
    expect(e.costBasis).toEqual({ basis: 'rental', pricedBy: 'slider' });
  });
  test('market: the chip’s listed price in force when the run started (latest on or before it)', () => {
    // the run started in 2022 (2023-03-14 − 95 days − 60 days): the 2021 price applies, not the 2023 one
    const e = est(dated, { costBasis: 'market', usdPerGpuHour: 9 });
    expect(e.costUsd?.value).toBeCloseTo(e.gpuHours!.value * 4.1, 3);
    expect(e.costUsd?.inputs[1]).toMatchObject({
      label: 'market price for NVIDIA A100, 2021-06-15',
      status: 'estimate',
    });
    const later = est({ ...dated, releaseDate: '2024-06' }, { costBasis: 'market' });
    expect(later.costUsd?.value).toBeCloseTo(later.gpuHours!.value * 1.5, 3);
    // before any listed price, the earliest applies
    const early = est({ ...dated, releaseDate: '2020-09' }, { costBasis: 'market' });
    expect(early.costUsd?.value).toBeCloseTo(early.gpuHours!.value * 4.1, 3);
  });
  test('market without a sourced price falls back to the slider and says so; a per-chip price wins', () => {
    const e = est(deepseekV3, { costBasis: 'market', usdPerGpuHour: 2.5 });
    expect(e.costUsd?.value).toBeCloseTo(2.788e6 * 2.5, 0);
    expect(e.costBasis?.fallback).toBe('no sourced market price for NVIDIA H800: the GPU price slider is used');
    expect(e.costUsd?.note).toBe(e.costBasis?.fallback);
    const own = est(dated, { costBasis: 'market', usdPerGpuHourByChip: { a100: 1 } });
    expect(own.costUsd?.value).toBeCloseTo(own.gpuHours!.value, 3);
  });
  test('amortized: Cottier et al.’s formula, checked by hand', () => {
    const a = at({ costBasis: 'amortized' });
    const e = est(dated, { costBasis: 'amortized' });
    // independent oracle: the paper's arithmetic written out, not the engine's helper
    const day = 86_400_000;
    const year = 365.25 * day;
    const start = Date.parse('2023-03-14') - 2280 * 3_600_000 - 60 * day;
    const available = Math.max(Date.parse('2020-05-14') + 90 * day, Date.parse('2020-07-01'));
    const value = 15000 * 1.64 * 10 ** (-0.14 * ((start - available) / year));
    const perHour = (value * 0.14 * Math.LN10) / (365.25 * 24) / (1 - 0.19) + 0.7 * 1.2 * 0.08;
    expect(e.costUsd?.value).toBeCloseTo(e.gpuHours!.value * perHour, 0);
    expect(a.serverOverhead).toBe(1.64);
    expect(e.costUsd?.movesWith).toEqual(
      expect.arrayContaining([
        'costBasis',
        'serverOverhead',
        'depreciationOomPerYear',
        'interconnectShare',
        'usdPerKwh',
      ]),
    );
    expect(e.costUsd?.inputs.find((i) => i.label.startsWith('NVIDIA A100 acquisition price'))?.value).toBe(15000);
  });
  test('amortized: a server price per GPU gets no server overhead; a newer run depreciates the hardware more', () => {
    const h: Model = { ...dated, chipId: 'h100', releaseDate: '2024-07-23', trainingDurationHours: undefined };
    const lo = est(h, { costBasis: 'amortized', serverOverhead: 1 });
    const hi = est(h, { costBasis: 'amortized', serverOverhead: 3 });
    expect(lo.costUsd?.value).toBe(hi.costUsd?.value);
    const later = est({ ...h, releaseDate: '2026-07-23' }, { costBasis: 'amortized' });
    expect(later.costUsd!.value / later.gpuHours!.value).toBeLessThan(lo.costUsd!.value / lo.gpuHours!.value);
  });
  test('amortized: your own chip price replaces the sourced one; a chip without any falls back to rental, saying so', () => {
    const mine = est(dated, { costBasis: 'amortized', purchaseUsdByChip: { a100: 30000 } });
    const sourced = est(dated, { costBasis: 'amortized' });
    expect(mine.costUsd!.value).toBeGreaterThan(sourced.costUsd!.value * 1.5);
    expect(mine.costUsd?.inputs.find((i) => i.label.includes('acquisition price'))?.status).toBe('assumption');
    const v3 = est(deepseekV3, { costBasis: 'amortized', usdPerGpuHour: 2 });
    expect(v3.costUsd?.value).toBeCloseTo(5.576e6, 0);
    expect(v3.costBasis?.fallback).toMatch(/no sourced acquisition price for NVIDIA H800/);
  });
  test('disclosed GPU-hours stay fixed under every basis; only the price of an hour changes', () => {
    for (const costBasis of ['rental', 'market', 'amortized'] as const)
      expect(est(deepseekV3, { costBasis }).gpuHours?.value).toBe(2.788e6);
  });
  test('bad amortisation parameters are refused, naming the control', () => {
    expect(() => est(gpt4, { serverOverhead: 0.5 })).toThrow(/Server overhead/);
    expect(() => est(gpt4, { interconnectShare: 1 })).toThrow(/Interconnect share/);
    expect(() => est(gpt4, { depreciationOomPerYear: 0 })).toThrow(/Depreciation/);
    expect(() => est(gpt4, { usdPerKwh: -1 })).toThrow(/Electricity price/);
    expect(() => est(gpt4, { costBasis: 'barter' as never })).toThrow(/Cost basis/);
    expect(() => est(gpt4, { purchaseUsdByChip: { a100: -3 } })).toThrow(/Purchase price for a100/);
  });
});

describe('our figures against Epoch’s', () => {
  test('a model more than 3× off says why: the engine’s reason for a partial chain', () => {
    const ref = {
      model: 'X',
      trainingFlop: { value: 3e25, status: 'estimate' as const, source: gpt4.trainingFlop!.source },
    };
    const e = est({ ...kimiK2Thinking, epochReference: ref });
    expect(e.epochFlop?.ratio).toBeCloseTo((6 * 32e9 * 15.5e12) / 3e25, 9);
    expect(e.epochFlop?.reason).toBe(
      'post-training run unknown: only the base model’s run (Kimi K2, 3.0e24) is counted, while Epoch’s 3.0e25 also counts this model’s own run',
    );
  });
  test('within 3× there is no reason to give; 6·N·D outranking Epoch is named when it is the cause', () => {
    const close = est(kimiK2Thinking);
    expect(close.epochFlop?.ratio).toBeCloseTo(2.976 / 4.2, 3);
    expect(close.epochFlop?.reason).toBeUndefined();
    const ref = {
      model: 'GPT-4',
      trainingFlop: { value: 1e26, status: 'estimate' as const, source: gpt4.trainingFlop!.source },
    };
    const far = est({ ...gpt4, epochReference: ref });
    expect(far.epochFlop?.reason).toMatch(
      /^our 6·N·D \(1\.7e25\) from active parameters × training tokens; Epoch’s 1\.0e26/,
    );
  });
  test('Epoch’s cost is compared with our total, and the cost basis is named when it explains a gap', () => {
    const ref = {
      model: 'V3',
      costUsd2023: { value: 5.39e6, status: 'estimate' as const, source: gpt4.trainingFlop!.source },
    };
    const e = est({ ...deepseekV3, epochReference: ref }, { usdPerGpuHour: 10 });
    expect(e.epochCost?.ratio).toBeCloseTo((2.788e6 * 10) / 5.39e6, 6);
    expect(e.epochCost?.reason).toMatch(/priced by the rental basis/);
  });
});
