/**
 * Small domain modules held to what a reader sees: the reported cost with its base model's, the
 * seeded generator every bootstrap and permalink reproduces, export file names, and the words for
 * how much an estimate rests on disclosed figures.
 */
import { expect, test } from 'vitest';
import { loadCurated } from '../../src/data/datasets';
import type { Model } from '../../src/data/schema';
import { fileSlug, assumptionsSlug } from '../../src/domain/describe';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { seededRandom } from '../../src/domain/random';
import { RELIANCE_TEXT, weakest } from '../../src/domain/reliance';
import { reportedCostWithBase } from '../../src/domain/reportedTotal';

test('DeepSeek-R1’s reported cost with V3’s: $5.576M + $294K, each cited to DeepSeek', () => {
  const models = loadCurated().models;
  const byId = new Map(models.map((m) => [m.id, m]));
  const r1 = byId.get('deepseek-r1')!;
  const v3 = byId.get('deepseek-v3')!;
  const total = reportedCostWithBase(r1, byId, true);
  expect(total?.value).toBe(5_870_000);
  expect(total?.range).toEqual([5_870_000, 5_870_000]);
  expect(total?.provenance).toBe('computed');
  expect(total?.method).toBe(`reported cost + base model’s reported cost (${v3.name})`);
  expect(total?.inputs).toEqual([
    {
      label: `${r1.name} reported cost`,
      value: 294_000,
      unit: 'usd',
      status: 'disclosed',
      source: r1.reportedCostUsd!.source,
    },
    {
      label: `${v3.name} reported cost`,
      value: 5_576_000,
      unit: 'usd',
      status: 'disclosed',
      source: v3.reportedCostUsd!.source,
    },
  ]);
  expect(reportedCostWithBase(r1, byId, false)).toBeUndefined();
  expect(reportedCostWithBase(v3, byId, true)).toBeUndefined();
});

test('a reported total’s range adds the ends of both ranges', () => {
  const cost = (value: number, range?: [number, number]) => ({
    value,
    status: 'estimate' as const,
    source: { title: 'Report', url: 'https://example.org/r' },
    ...(range ? { range } : {}),
  });
  const base = { id: 'b', name: 'Base', reportedCostUsd: cost(100, [80, 130]) } as unknown as Model;
  const post = { id: 'p', name: 'Post', baseModelId: 'b', reportedCostUsd: cost(10, [5, 20]) } as unknown as Model;
  const byId = new Map([
    ['b', base],
    ['p', post],
  ]);
  const total = reportedCostWithBase(post, byId, true);
  expect(total?.value).toBe(110);
  expect(total?.range).toEqual([85, 150]);
  const plain = { ...post, reportedCostUsd: cost(10) } as Model;
  expect(reportedCostWithBase(plain, byId, true)?.range).toEqual([90, 140]);
});

test('the seeded generator is mulberry32: the published sequence, so a permalink’s bootstrap is the same everywhere', () => {
  const one = seededRandom(1);
  expect([one(), one(), one()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  const answer = seededRandom(42);
  expect([answer(), answer(), answer()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
});

test('export file names: lowercase words joined by hyphens, brackets dropped, at most 80 characters', () => {
  expect(fileSlug('MMLU (%) vs. training cost')).toBe('mmlu-vs-training-cost');
  expect(fileSlug('  --GPT-4o (OpenAI)  &  Llama 3.1 405B!! ')).toBe('gpt-4o-llama-3-1-405b');
  expect(fileSlug('(only brackets)')).toBe('chart');
  expect(fileSlug('a'.repeat(100))).toBe('a'.repeat(80));
  expect(fileSlug('Cost (USD) per (GPU) hour')).toBe('cost-per-hour');
  expect(assumptionsSlug({ ...DEFAULT_ASSUMPTIONS, mfu: 0.5, usdPerGpuHour: 2.5, costBasis: 'market' })).toBe(
    'mfu50-price2p5-market',
  );
});

test('the words for what an estimate rests on, and the weaker of two', () => {
  expect(RELIANCE_TEXT).toEqual({
    disclosed: {
      short: 'from disclosed figures',
      long: 'every figure it rests on was disclosed by the lab; only your assumptions added',
    },
    partly: { short: 'partly from estimates', long: 'some of the figures it rests on are estimates or leaks' },
    estimated: { short: 'from estimates or leaks', long: 'it rests on third-party estimates or leaks only' },
  });
  expect(weakest('partly', 'partly')).toBe('partly');
  expect(weakest('disclosed', 'estimated')).toBe('estimated');
  expect(weakest('estimated', 'disclosed')).toBe('estimated');
  expect(weakest(undefined, 'partly')).toBe('partly');
});

test('assumptions the engine cannot use are refused naming the field and the value; the edges that are fine pass', async () => {
  const { assertValidAssumptions, AssumptionError } = await import('../../src/domain/assumptions');
  const refuse = (over: Partial<typeof DEFAULT_ASSUMPTIONS>, field: string, message: string) => {
    let thrown: unknown;
    try {
      assertValidAssumptions({ ...DEFAULT_ASSUMPTIONS, ...over });
    } catch (e) {
      thrown = e;
    }
    expect(thrown, JSON.stringify(over)).toBeInstanceOf(AssumptionError);
    expect((thrown as InstanceType<typeof AssumptionError>).field).toBe(field);
    expect((thrown as Error).name).toBe('AssumptionError');
    expect((thrown as Error).message).toBe(message);
  };
  const pass = (over: Partial<typeof DEFAULT_ASSUMPTIONS>) =>
    expect(assertValidAssumptions({ ...DEFAULT_ASSUMPTIONS, ...over })).toEqual({ ...DEFAULT_ASSUMPTIONS, ...over });
  const nan = Number.NaN;
  const inf = Number.POSITIVE_INFINITY;
  const gpu = (v: unknown) => `GPU price must be a non-negative number of USD per GPU-hour, got ${String(v)}`;
  refuse({ usdPerGpuHour: -1 }, 'usdPerGpuHour', gpu(-1));
  refuse({ usdPerGpuHour: nan }, 'usdPerGpuHour', gpu(nan));
  refuse({ usdPerGpuHour: '2' as unknown as number }, 'usdPerGpuHour', gpu('2'));
  pass({ usdPerGpuHour: 0 });
  const chip = (v: unknown) => `GPU price for h100 must be a non-negative number, got ${String(v)}`;
  refuse({ usdPerGpuHourByChip: { h100: -0.5 } }, 'usdPerGpuHourByChip', chip(-0.5));
  refuse({ usdPerGpuHourByChip: { h100: inf } }, 'usdPerGpuHourByChip', chip(inf));
  refuse({ usdPerGpuHourByChip: { h100: '3' as unknown as number } }, 'usdPerGpuHourByChip', chip('3'));
  pass({ usdPerGpuHourByChip: { h100: 0, a100: 1.5 } });
  refuse({ costMultiplier: 0.9 }, 'costMultiplier', 'Cost multiplier must be at least 1, got 0.9');
  refuse({ costMultiplier: nan }, 'costMultiplier', 'Cost multiplier must be at least 1, got NaN');
  pass({ costMultiplier: 1 });
  const mfuBand = (lo: number, hi: number) => `MFU band must satisfy 0 < low ≤ high ≤ 1, got ${lo}–${hi}`;
  refuse({ mfuBand: [0, 0.5] }, 'mfuBand', mfuBand(0, 0.5));
  refuse({ mfuBand: [0.5, 0.4] }, 'mfuBand', mfuBand(0.5, 0.4));
  refuse({ mfuBand: [0.5, 1.01] }, 'mfuBand', mfuBand(0.5, 1.01));
  pass({ mfuBand: [0.4, 0.4] });
  pass({ mfuBand: [0.01, 1] });
  const priceBand = (lo: number, hi: number) => `price band must satisfy 0 ≤ low ≤ high, got ${lo}–${hi}`;
  refuse({ priceBand: [-1, 2] }, 'priceBand', priceBand(-1, 2));
  refuse({ priceBand: [3, 2] }, 'priceBand', priceBand(3, 2));
  refuse({ priceBand: [1, inf] }, 'priceBand', priceBand(1, inf));
  pass({ priceBand: [0, 0] });
  pass({ priceBand: [2, 2] });
  const share = (v: unknown) =>
    `Interconnect share must be a fraction from 0 up to (not including) 1, got ${String(v)}`;
  refuse({ interconnectShare: 1 }, 'interconnectShare', share(1));
  refuse({ interconnectShare: -0.1 }, 'interconnectShare', share(-0.1));
  refuse({ interconnectShare: '0.2' as unknown as number }, 'interconnectShare', share('0.2'));
  pass({ interconnectShare: 0 });
  const kwh = (v: unknown) => `Electricity price must be a non-negative number of USD per kWh, got ${String(v)}`;
  refuse({ usdPerKwh: -0.01 }, 'usdPerKwh', kwh(-0.01));
  refuse({ usdPerKwh: inf }, 'usdPerKwh', kwh(inf));
  refuse({ usdPerKwh: '0.1' as unknown as number }, 'usdPerKwh', kwh('0.1'));
  pass({ usdPerKwh: 0 });
  refuse(
    { basis: 'flops' as unknown as (typeof DEFAULT_ASSUMPTIONS)['basis'] },
    'basis',
    'basis must be auto, 6nd or reported, got flops',
  );
  for (const basis of ['auto', '6nd', 'reported'] as const) pass({ basis });
});
