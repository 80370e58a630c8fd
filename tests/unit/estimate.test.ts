import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_ASSUMPTIONS, AssumptionError, type Assumptions } from '../../src/domain/assumptions';
import { estimateFast, estimateModel, makeContext, type FastQuantity } from '../../src/domain/estimate';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { chips, deepseekR1, deepseekV3, flopOnly, gpt4, models, unknownModel } from '../fixtures/mini';
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
          ];
          for (const [f, q] of pairs) {
            expect(f === undefined).toBe(q === undefined);
            if (f && q) {
              expect(close(f.value, q.value)).toBe(true);
              expect(close(f.range[0], q.lo) && close(f.range[1], q.hi)).toBe(true);
              expect(q.provenance).toBe(f.provenance);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
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
