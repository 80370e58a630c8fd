import { expect, test } from 'vitest';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { estimateModel, makeContext } from '../../src/domain/estimate';
import { SCENARIOS, scenarioState } from '../../src/store/scenarios';
import { parseUrl, serializeUrl } from '../../src/store/url';

const models = loadCurated().models;
const ctx = makeContext(models, loadReference().chips);
const byId = new Map(models.map((m) => [m.id, m]));
const run = (scenarioId: string, modelId: string) => {
  const sc = SCENARIOS.find((s) => s.id === scenarioId)!;
  return estimateModel(byId.get(modelId)!, scenarioState(sc).assumptions, ctx);
};

test('“GPT-4 as estimated in 2023”: ≈44M A100-hours, $44–88M at $1–2, the leaked 54–60M GPU-hours beside', () => {
  const e = run('gpt4-2023', 'gpt-4');
  expect(e.trainingFlop?.value).toBeCloseTo(1.716e25, -22);
  expect(e.gpuHours!.value / 44e6).toBeGreaterThan(0.97);
  expect(e.gpuHours!.value / 44e6).toBeLessThan(1.03);
  expect(e.costUsd!.range[0] / 1e6).toBeCloseTo(43.6, 0);
  expect(e.costUsd!.range[1] / 1e6).toBeCloseTo(87.3, 0);
  expect(e.gpuHoursBeside?.range).toEqual([54e6, 60e6]);
  // ~1 kW per GPU all-in: 44M GPU-hours ≈ 44 GWh (the leaked 55M give the essays' 50–60 GWh)
  expect(e.energyMwh!.value / 1000).toBeCloseTo(43.6, 0);
});

test('“DeepSeek’s own accounting”: V3 $5.576M, V3 + R1 ≈ $5.87M', () => {
  expect(run('deepseek-accounting', 'deepseek-v3').costUsd?.value).toBeCloseTo(5.576e6, 0);
  expect(run('deepseek-accounting', 'deepseek-r1').totalCostUsd!.value / 1e6).toBeCloseTo(5.87, 2);
});

test('“Export-control world”: DeepSeek-V3 on H20 needs ~17.6M GPU-hours; the real 2.788M stay beside', () => {
  const e = run('export-control', 'deepseek-v3');
  expect(e.gpuHours!.value / 1e6).toBeCloseTo(17.6, 0);
  expect(e.gpuHoursBeside?.value).toBe(2.788e6);
  // days on the real 2,048-GPU cluster
  expect(e.gpuHours!.value / 2048 / 24).toBeGreaterThan(300);
});

test('“Seventeen times” lands on 17×: GPT-4’s reported $100M ÷ V3 + R1’s disclosed $5.87M; its note’s other figures hold', async () => {
  const { reportedCostWithBase } = await import('../../src/domain/reportedTotal');
  const { formatValue } = await import('../../src/domain/format');
  const sc = SCENARIOS.find((s) => s.id === 'seventeen-times')!;
  const v3r1 = reportedCostWithBase(byId.get('deepseek-r1')!, byId, scenarioState(sc).assumptions.includeBaseRun)!;
  expect(v3r1.value).toBe(5.87e6);
  expect(v3r1.inputs.map((i) => i.status)).toEqual(['disclosed', 'disclosed']);
  const gpt4Reported = byId.get('gpt-4')!.reportedCostUsd!.value;
  // what Compare shows in R1's column of the row the scenario is named after
  expect(formatValue(gpt4Reported / v3r1.value, 'ratio')).toBe('17×');
  expect(formatValue(gpt4Reported / byId.get('deepseek-v3')!.reportedCostUsd!.value, 'ratio')).toBe('17.9×');
  const estimated = run('seventeen-times', 'gpt-4').costUsd!.value;
  expect(formatValue(estimated, 'usd')).toBe('$87.3M');
  expect(formatValue(estimated / run('seventeen-times', 'deepseek-r1').totalCostUsd!.value, 'ratio')).toBe('14.9×');
  for (const figure of ['17×', '17.9×', '$87.3M', '14.9×', '$5.87M']) expect(sc.expect).toContain(figure);
});

test('every scenario is a permalink: its state round-trips through the URL', () => {
  for (const sc of SCENARIOS) {
    const st = scenarioState(sc);
    const back = parseUrl(serializeUrl({ ...st, filters: parseUrl('').state.filters, datasetId: 'curated' }));
    expect(back.notices).toEqual([]);
    expect(back.state.assumptions).toEqual(st.assumptions);
    expect(back.state.view).toEqual(st.view);
  }
});

test('claims check: at the defaults every headline claim holds; at $5/h and 50% MFU the cost claims move', async () => {
  const { checkClaims } = await import('../../src/store/claims');
  const { buildRows } = await import('../../src/store/selectors');
  const { DEFAULT_ASSUMPTIONS } = await import('../../src/domain/assumptions');
  const { benchmarks, chips } = loadReference();
  const at = (over = {}) => checkClaims(buildRows(models, chips, { ...DEFAULT_ASSUMPTIONS, ...over }), benchmarks);
  expect(at().map((c) => [c.id, c.holds])).toEqual([
    ['v3-cost', true],
    ['v3-mfu', true],
    ['gpt4-hours', true],
    ['seventeen', true],
    ['r1-above', true],
  ]);
  const moved = Object.fromEntries(at({ usdPerGpuHour: 5, mfu: 0.5 }).map((c) => [c.id, c.holds]));
  expect(moved['v3-cost']).toBe(false);
  expect(moved['v3-mfu']).toBe(true);
  expect(moved['gpt4-hours']).toBe(false);
});
