import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { convertEpochRows, slugify } from '../../src/data/epoch';

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
