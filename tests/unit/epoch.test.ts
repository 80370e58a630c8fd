import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { convertEpochRows, slugify } from '../../src/data/epoch';
import { buildCuratedJoin, CURATED_TO_EPOCH } from '../../src/data/epochJoin';
import { loadCurated } from '../../src/data/datasets';

const root = resolve(import.meta.dirname, '../..');

test('converts real rows by header name and marks every value as an Epoch estimate', () => {
  const { models, rejects } = convertEpochRows([
    {
      Model: 'DeepSeek-V3 (Mar 2025)',
      Organization: 'DeepSeek',
      'Publication date': '2025-03-24',
      Domain: 'Language',
      Parameters: '671000000000.0',
      'Parameters notes': 'Mixture-of-Experts (MoE) language model with 671B total parameters with 37B activated',
      'Training compute (FLOP)': '3.3e+24',
      'Training dataset size (total)': '14800000000000',
      Confidence: 'Confident',
      'Country (of organization)': 'China',
      'Training hardware': 'NVIDIA H800 SXM5',
      'Hardware quantity': '2048',
      'Model accessibility': 'Open weights (unrestricted)',
    },
  ]);
  expect(rejects).toEqual([]);
  const m = models[0]!;
  expect(m).toMatchObject({
    id: 'deepseek-v3-mar-2025',
    bloc: 'China',
    chipId: 'h800',
    architecture: 'moe',
    openWeights: true,
  });
  expect(m.trainingFlop?.value).toBe(3.3e24);
  expect(m.trainingFlop?.status).toBe('estimate');
  expect(m.trainingFlop?.source.url).toBe('https://epoch.ai/data/ai-models');
  expect(m.chipCount?.value).toBe(2048);
});

test('rows it cannot convert are reported with row number and reason; bad numbers are dropped, not zeroed', () => {
  const { models, rejects, droppedFields } = convertEpochRows([
    { Model: '', Organization: 'X', 'Publication date': '2020-01-01' },
    { Model: 'No date', Organization: 'X' },
    { Model: 'Bad date', Organization: 'X', 'Publication date': 'sometime' },
    {
      Model: 'Weird numbers',
      Organization: 'X',
      'Publication date': '2020-01-01',
      Parameters: '-5',
      'Training compute (FLOP)': 'lots',
    },
    // an older export: other header name for the country, extra unknown column
    {
      System: 'Old export',
      Organization: 'Y',
      'Publication date': '2019-02-01',
      'Country (from Organization)': 'France',
      Extra: '1',
    },
  ]);
  expect(rejects.map((r) => [r.row, r.reason])).toEqual([
    [1, 'no model name'],
    [2, 'no publication date'],
    [3, 'publication date "sometime" is not YYYY-MM-DD'],
  ]);
  expect(models.map((m) => m.id)).toEqual(['weird-numbers', 'old-export']);
  expect(models[0]?.totalParams).toBeUndefined();
  expect(models[0]?.trainingFlop).toBeUndefined();
  expect(droppedFields['parameters: not a non-negative number']).toBe(1);
  expect(models[1]?.bloc).toBe('Europe');
});

test('ids are unique slugs even when names repeat', () => {
  const rows = [1, 2, 3].map(() => ({
    Model: 'GPT-4 (Mar 2023)',
    Organization: 'OpenAI',
    'Publication date': '2023-03-15',
  }));
  expect(convertEpochRows(rows).models.map((m) => m.id)).toEqual([
    'gpt-4-mar-2023',
    'gpt-4-mar-2023-2',
    'gpt-4-mar-2023-3',
  ]);
  expect(slugify('Llama 3.1-405B')).toBe('llama-3.1-405b');
});

test('the committed Epoch dataset is exactly what npm run data:epoch produces from the committed CSV', () => {
  const csv = Papa.parse<Record<string, string>>(
    readFileSync(resolve(root, 'data/epoch/epoch_notable_ai_models.csv'), 'utf8'),
    {
      header: true,
      skipEmptyLines: true,
    },
  );
  const { models, rejects } = convertEpochRows(csv.data);
  const committed = JSON.parse(readFileSync(resolve(root, 'data/epoch/notable-models.json'), 'utf8')) as {
    models: unknown[];
  };
  expect(committed.models).toEqual(models);
  expect(models.length + rejects.length).toBe(csv.data.length);
});

const row = (over: Record<string, string>) => ({
  Organization: 'Lab',
  'Publication date': '2022-01-01',
  Domain: 'Language',
  ...over,
});

test('a dataset size is recorded as such, with epochs when Epoch gives them', () => {
  const { models } = convertEpochRows([
    row({ Model: 'A', Parameters: '1e9', 'Training dataset size (total)': '3e11', Epochs: '2.0' }),
    row({ Model: 'B', Parameters: '1e9', 'Training dataset size (total)': '3e11' }),
  ]);
  expect(models[0]).toMatchObject({ trainingTokensKind: 'dataset-size', epochs: { value: 2, status: 'estimate' } });
  expect(models[0]?.trainingTokens?.note).toMatch(/not tokens trained/);
  expect(models[1]?.trainingTokensKind).toBe('dataset-size');
  expect(models[1]?.epochs).toBeUndefined();
});

test('fine-tunes chain to their base model; their own run is Epoch’s fine-tune compute', () => {
  const { models } = convertEpochRows([
    row({ Model: 'GPT-3 175B (davinci)', 'Training compute (FLOP)': '3.14e+23' }),
    row({
      Model: 'InstructGPT 175B',
      'Training compute (FLOP)': '3.19181e+23',
      'Training dataset size (total)': '16969897',
      'Base model': 'GPT-3 175B (davinci)',
      'Finetune compute (FLOP)': '5.181e+21',
    }),
  ]);
  const instruct = models[1]!;
  expect(instruct.baseModelId).toBe('gpt-3-175b-davinci');
  expect(instruct.trainingFlop?.value).toBe(5.181e21);
  expect(instruct.trainingFlop?.note).toMatch(/fine-tune compute/);
  // Epoch's total, which counts GPT-3's run, is kept beside as the reference
  expect(instruct.epochReference?.trainingFlop?.value).toBe(3.19181e23);
  expect(instruct.epochReference?.excludesBase).toBeUndefined();
  expect(instruct.trainingTokens?.note).toMatch(/fine-tuning set/);
});

test('a fine-tune with only Epoch’s total has an unknown own run; a total below the base’s is the fine-tune alone', () => {
  const { models } = convertEpochRows([
    row({ Model: 'Kimi K2', 'Training compute (FLOP)': '2.976e+24' }),
    row({ Model: 'Kimi K2 Thinking', 'Training compute (FLOP)': '4.2e+24', 'Base model': 'Kimi K2' }),
    row({ Model: 'Small tune', 'Training compute (FLOP)': '5e+20', 'Base model': 'Kimi K2' }),
    row({ Model: 'Orphan tune', 'Training compute (FLOP)': '1e+22', 'Base model': 'Not in the CSV' }),
  ]);
  const [, thinking, small, orphan] = models;
  expect(thinking?.baseModelId).toBe('kimi-k2');
  expect(thinking?.trainingFlop).toBeUndefined();
  expect(thinking?.epochReference?.trainingFlop?.value).toBe(4.2e24);
  expect(small?.trainingFlop?.value).toBe(5e20);
  expect(small?.epochReference?.excludesBase).toBe(true);
  expect(orphan?.baseModelId).toBeUndefined();
  expect(orphan?.trainingFlop?.value).toBe(1e22);
  expect(orphan?.trainingFlop?.note).toMatch(/Includes the base model's run \(Not in the CSV, not in this dataset\)/);
});

test('Epoch’s cost is kept as a reference with its status, not in the notes', () => {
  const { models } = convertEpochRows([row({ Model: 'C', 'Training compute cost (2023 USD)': '5390000.0' })]);
  expect(models[0]?.epochReference?.costUsd2023).toMatchObject({ value: 5.39e6, status: 'estimate' });
  expect(models[0]?.notes ?? '').not.toMatch(/cost/);
});

test('the curated → Epoch join names rows that exist, reports the ones that do not, and is committed as generated', () => {
  const csv = Papa.parse<Record<string, string>>(
    readFileSync(resolve(root, 'data/epoch/epoch_notable_ai_models.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  );
  const join = buildCuratedJoin(csv.data);
  expect(join.missing).toEqual([]);
  expect(join.references['gpt-4']?.model).toBe('GPT-4 (Mar 2023)');
  expect(join.references['gpt-4']?.costUsd2023?.value).toBeCloseTo(37334304.98, 0);
  expect(join.references['deepseek-v3']?.costUsd2023?.value).toBe(5.39e6);
  const committed = JSON.parse(readFileSync(resolve(root, 'data/epoch/curated-join.json'), 'utf8')) as {
    references: unknown;
  };
  expect(committed.references).toEqual(join.references);
  expect(buildCuratedJoin(csv.data, { 'gpt-4': 'GPT-4 (not a row)' }).missing).toEqual(['gpt-4 → "GPT-4 (not a row)"']);
  // every mapped id is a curated model, and the curated dataset carries the figures
  const curated = loadCurated();
  const ids = new Set(curated.models.map((m) => m.id));
  expect(Object.keys(CURATED_TO_EPOCH).filter((id) => !ids.has(id))).toEqual([]);
  expect(curated.models.find((m) => m.id === 'palm-2')?.epochReference?.costUsd2023?.value).toBeCloseTo(5014267, 0);
});
