import { expect, test } from 'vitest';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { modelSchema, sourcedSchema } from '../../src/data/schema';
import { crossCheck } from '../../src/data/validate';

const { models } = loadCurated();
const { chips, benchmarks } = loadReference();
const byId = new Map(models.map((m) => [m.id, m]));

test('the curated dataset is valid, cross-referenced and covers the frontier 2020–2026', () => {
  expect(crossCheck(models, chips, benchmarks)).toEqual([]);
  expect(models.length).toBeGreaterThanOrEqual(40);
  const years = new Set(models.map((m) => Number(m.releaseDate.slice(0, 4))));
  for (const y of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) expect(years.has(y), `a model from ${y}`).toBe(true);
});

test.each([
  'gpt-4',
  'deepseek-v3',
  'deepseek-r1',
  'llama-3.1-405b',
  'kimi-k2',
  'deepseek-v4-pro',
  'deepseek-v4-flash',
  'qwen2.5-72b',
  'gemini-3.1-pro',
  'gpt-5.5',
  'claude-opus-4.8',
])('public model id %s exists', (id) => expect(byId.has(id)).toBe(true));

test('the source documents’ figures are in the data with their status', () => {
  const v3 = byId.get('deepseek-v3')!;
  expect(v3.gpuHours).toMatchObject({ value: 2.788e6, status: 'disclosed' });
  expect(v3.activeParams).toMatchObject({ value: 37e9, status: 'disclosed' });
  expect(v3.trainingTokens).toMatchObject({ value: 14.8e12, status: 'disclosed' });
  expect(v3.reportedCostUsd?.value).toBe(5.576e6);
  const gpt4 = byId.get('gpt-4')!;
  // SemiAnalysis's ~280B; the essay's 220B is the low end of the range
  expect(gpt4.activeParams).toMatchObject({ value: 280e9, status: 'leak', range: [220e9, 280e9] });
  expect(gpt4.trainingTokens).toMatchObject({ value: 13e12, status: 'leak' });
  expect(gpt4.chipCount).toMatchObject({ value: 25000, status: 'leak' });
  const llama = byId.get('llama-3.1-405b')!;
  expect(llama.gpuHours).toMatchObject({ value: 30.84e6, status: 'disclosed' });
  expect(llama.trainingFlop).toMatchObject({ value: 3.8e25, status: 'disclosed' });
  expect(byId.get('deepseek-r1')?.baseModelId).toBe('deepseek-v3');
  expect(byId.get('deepseek-r1')?.reportedCostUsd?.value).toBe(294e3);
  expect(byId.get('deepseek-v4-pro')?.benchmarks['swe-bench-verified']?.value).toBe(80.6);
  expect(byId.get('gpt-5.5')?.benchmarks['swe-bench-verified']?.value).toBe(88.7);
  expect(byId.get('deepseek-v4-flash')?.usdPerMillionInputTokens?.value).toBe(0.14);
});

test('every required chip exists with a sourced dense BF16 (or stated FP16) peak', () => {
  const ids = [
    'a100',
    'h100',
    'h800',
    'h20',
    'h200',
    'b200',
    'gb200',
    'tpu-v4',
    'tpu-v5p',
    'ascend-910b',
    'ascend-910c',
    'mi300x',
  ];
  for (const id of ids) {
    const c = chips.find((x) => x.id === id);
    expect(c, id).toBeDefined();
    expect(c?.peakBf16FlopPerSec?.source.url, id).toMatch(/^https:\/\//);
  }
  // the H100's dense figure, not the 2× sparsity one
  expect(chips.find((c) => c.id === 'h100')?.peakBf16FlopPerSec?.value).toBeCloseTo(989.4e12, -11);
});

test('the schema refuses a value without a source, a negative value and a range that misses its value', () => {
  expect(sourcedSchema.safeParse({ value: 1, status: 'disclosed' }).success).toBe(false);
  expect(
    sourcedSchema.safeParse({ value: 1, status: 'disclosed', source: { title: 'x', url: 'notaurl' } }).success,
  ).toBe(false);
  expect(
    sourcedSchema.safeParse({ value: -1, status: 'estimate', source: { title: 'Paper', url: 'https://a.b' } }).success,
  ).toBe(false);
  expect(
    sourcedSchema.safeParse({
      value: 5,
      status: 'estimate',
      source: { title: 'Paper', url: 'https://a.b' },
      range: [6, 7],
    }).success,
  ).toBe(false);
  const m = { ...byId.get('deepseek-v3')!, totalParams: { value: 671e9, status: 'disclosed' } };
  const r = modelSchema.safeParse(m);
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.path).toEqual(['totalParams', 'source']);
});

test('a javascript: or data: source URL is refused by the schema', () => {
  for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.y/z'])
    expect(sourcedSchema.safeParse({ value: 1, status: 'leak', source: { title: 'Bad link', url } }).success, url).toBe(
      false,
    );
});

test('a lab’s figure read through Epoch is disclosed and cited to the lab, not to Epoch', () => {
  const labFigures: [string, 'totalParams' | 'activeParams' | 'trainingTokens', number][] = [
    ['llama-2-70b', 'totalParams', 70e9],
    ['llama-2-70b', 'trainingTokens', 2e12],
    ['qwen3-235b-a22b', 'totalParams', 235e9],
    ['qwen3-235b-a22b', 'activeParams', 22e9],
    ['qwen3-235b-a22b', 'trainingTokens', 36e12],
    ['glm-4.5', 'totalParams', 355e9],
    ['glm-4.5', 'activeParams', 32e9],
    ['nemotron-4-340b', 'totalParams', 340e9],
    ['nemotron-4-340b', 'trainingTokens', 9e12],
    ['llama-65b', 'totalParams', 65.2e9],
    ['glm-130b', 'totalParams', 130e9],
    ['glm-130b', 'trainingTokens', 400e9],
    ['yi-34b', 'totalParams', 34e9],
    ['yi-34b', 'trainingTokens', 3.1e12],
    ['qwen2-72b', 'trainingTokens', 7e12],
    ['glm-5', 'activeParams', 40e9],
    ['glm-5', 'trainingTokens', 28.5e12],
  ];
  for (const [id, field, value] of labFigures) {
    const v = byId.get(id)?.[field];
    expect(v, `${id}.${field}`).toMatchObject({ value, status: 'disclosed' });
    expect(v?.source.url, `${id}.${field}`).not.toMatch(/epoch\.ai/);
  }
  // Epoch's own assumption stays an estimate
  expect(byId.get('grok-1')?.trainingTokens).toMatchObject({ value: 6.2e12, status: 'estimate' });
});

test('the audit’s findings are in the data', () => {
  // the Instruct figure, like the other Llama 3.1 scores, from Meta's model card
  expect(byId.get('llama-3.1-405b')?.benchmarks['mmlu-pro']).toMatchObject({ value: 73.3, status: 'disclosed' });
  // the cited article gives only a family-wide $30M–$300M, so no per-model cost is recorded
  expect(byId.get('claude-3-opus')?.reportedCostUsd).toBeUndefined();
  for (const b of ['gpqa-diamond', 'livecodebench', 'codeforces'])
    expect(byId.get('deepseek-v4-pro')?.benchmarks[b]?.note, b).toMatch(/V4-Pro-Max/);
  expect(byId.get('gpt-4')?.benchmarks['gpqa-diamond']?.note).not.toMatch(/not verified/i);
  // dense models carry no stored active count: the app derives it from the total
  for (const m of models) if (m.architecture === 'dense') expect(m.activeParams, m.id).toBeUndefined();
});
