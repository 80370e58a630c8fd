/**
 * The dataset loaders and the schema's own rules, each checked as a maintainer or user meets them:
 * the committed files pass, each kind of bad value is refused with its message, and the loaders
 * name the dataset they refuse.
 */
import { expect, test } from 'vitest';
import { MINIMAL_MODEL } from '../fixtures/minimalModel';
import { checkBundledData, DatasetError, loadCurated, loadDataset, toDataset } from '../../src/data/datasets';
import { labsFileSchema, modelsFileSchema, sourcedSchema } from '../../src/data/schema';
import { notesProblems, provenanceProblems } from '../../src/data/provenance';
import { describeIssues } from '../../src/data/validate';
import type { Model } from '../../src/data/schema';

// untyped on purpose: the schema's refusals are tested with values the type would not allow
const model = (over: Record<string, unknown> = {}) => ({ ...MINIMAL_MODEL, ...over });
const value = (over: Record<string, unknown> = {}) => ({
  value: 1,
  status: 'disclosed',
  source: { title: 'Paper', url: 'https://example.org/p' },
  ...over,
});
/** The messages the schema gives for one sourced value. */
const messagesFor = (over: Record<string, unknown>) => {
  const r = sourcedSchema.safeParse(value(over));
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const modelMessages = (over: Record<string, unknown>) => {
  const r = modelsFileSchema.safeParse({ dataset: 'd', models: [model(over)] });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

test('every committed data file passes the schema and the cross-checks the page runs after the first chart', async () => {
  expect(await checkBundledData()).toEqual([]);
});

test('source URLs: http and https only, the scheme exactly', () => {
  const url = (u: string) => messagesFor({ source: { title: 'Paper', url: u } });
  expect(url('http://example.org/p')).toEqual([]);
  expect(url('https://example.org/p')).toEqual([]);
  for (const bad of ['shttp://example.org/p', 'httpx://example.org/p', 'ftp://example.org/p', '/relative'])
    expect(url(bad), bad).toEqual(['source url must be an absolute http(s) URL']);
  expect(messagesFor({ source: { title: 'P', url: 'https://example.org' } })).toEqual(['source title is required']);
});

test('values: zero is a value, negatives and non-finite numbers are refused by name', () => {
  expect(messagesFor({ value: 0 })).toEqual([]);
  expect(messagesFor({ value: -1 })).toEqual(['must not be negative']);
  expect(messagesFor({ value: Number.POSITIVE_INFINITY })).toEqual(['must be a finite number']);
  expect(messagesFor({ value: '5' })).toEqual(['must be a finite number']);
  expect(messagesFor({ value: 5, range: [1, Number.NaN] })).toEqual(['must be a finite number']);
  expect(messagesFor({ value: 5, range: [6, 9] })).toEqual(['range [6, 9] must contain value 5']);
});

test('ids and dates must match their whole pattern, not just begin or end with it', () => {
  const slugMessage = 'id must be a lowercase slug like "deepseek-v3" or "llama-3.1-405b"';
  expect(modelMessages({ id: 'llama-3.1-405b' })).toEqual([]);
  expect(modelMessages({ id: 'gpt-4<script>' })).toEqual([slugMessage]);
  expect(modelMessages({ id: '<b>gpt-4' })).toEqual([slugMessage]);
  const dateMessage = 'date must be YYYY-MM-DD or YYYY-MM';
  expect(modelMessages({ releaseDate: '2024-01-31' })).toEqual([]);
  expect(modelMessages({ releaseDate: 'x2024-01-31' })).toEqual([dateMessage]);
  expect(modelMessages({ releaseDate: '2024-01-31x' })).toEqual([dateMessage]);
});

test('what trainingTokens counts: trained tokens or the dataset size, nothing else', () => {
  expect(modelMessages({ trainingTokensKind: 'trained' })).toEqual([]);
  expect(modelMessages({ trainingTokensKind: 'dataset-size' })).toEqual([]);
  expect(modelMessages({ trainingTokensKind: 'epochs' })).toHaveLength(1);
});

test('lab spending: a lab is named, attribution has its fields, and unknown keys are refused', () => {
  expect(labsFileSchema.safeParse({ labs: [{ lab: 'OpenAI', operatingCostUsd: value() }] }).success).toBe(true);
  expect(labsFileSchema.safeParse({ labs: [{ lab: '' }] }).success).toBe(false);
  expect(labsFileSchema.safeParse({ labs: [{ lab: 'OpenAI', capex: 1 }] }).success).toBe(false);
  expect(labsFileSchema.safeParse({ labs: [], extra: 1 }).success).toBe(false);
  const withAttribution = (attribution: unknown) =>
    modelsFileSchema.safeParse({ dataset: 'd', attribution, models: [model()] }).success;
  expect(
    withAttribution({ name: 'Epoch AI', licence: 'CC BY 4.0', citation: 'Epoch AI (2026)', url: 'https://epoch.ai' }),
  ).toBe(true);
  expect(withAttribution({ name: 'Epoch AI', licence: 'CC BY 4.0', url: 'https://epoch.ai' })).toBe(false);
});

test('loading datasets: curated once, Epoch’s parsed from its chunk, an unknown id refused by name', async () => {
  const curated = loadCurated();
  expect(curated.id).toBe('curated');
  expect(loadCurated()).toBe(curated);
  expect(await loadDataset('curated')).toBe(curated);
  // Epoch's figures for curated models come from the reviewed join
  expect(curated.models.find((m) => m.id === 'llama-65b')?.epochReference?.model).toBe('LLaMA-65B');
  const epoch = await loadDataset('epoch');
  expect(epoch.id).toBe('epoch');
  expect(epoch.models.length).toBeGreaterThan(900);
  expect(epoch.attribution?.licence).toMatch(/CC BY 4\.0/);
  const refusal = loadDataset('mystery');
  await expect(refusal).rejects.toBeInstanceOf(DatasetError);
  await expect(refusal).rejects.toThrow('mystery: 1 problem(s), first: dataset: unknown dataset "mystery"');
  await expect(refusal).rejects.toHaveProperty('name', 'DatasetError');
});

test('a models file from outside: version and attribution kept when given, absent when not; problems named', async () => {
  const bare = await toDataset('mine', { dataset: 'My models', models: [model()] });
  expect(bare).toEqual({ id: 'mine', name: 'My models', models: [model()] });
  expect('version' in bare || 'attribution' in bare).toBe(false);
  const attribution = { name: 'Me', licence: 'MIT', citation: 'Me (2026)', url: 'https://example.org' };
  const full = await toDataset('mine', { dataset: 'My models', version: '3', attribution, models: [model()] });
  expect(full.version).toBe('3');
  expect(full.attribution).toEqual(attribution);
  await expect(toDataset('mine', { dataset: 'x', models: [model({ releaseDate: 'soon' })] })).rejects.toThrow(
    'mine: 1 problem(s), first: mine.models[0 "m"].releaseDate: date must be YYYY-MM-DD or YYYY-MM',
  );
});

test('leaks cited to the lab’s own site are refused for every lab in the table', () => {
  // an independent list: one page per lab, written out here rather than read from the table
  const pages: [string, string][] = [
    ['OpenAI', 'https://openai.com/index/x'],
    ['Anthropic', 'https://www.anthropic.com/news/x'],
    ['Google', 'https://blog.google/technology/x'],
    ['Google DeepMind', 'https://deepmind.google/x'],
    ['Google Research', 'https://research.google/blog/x'],
    ['DeepMind', 'https://deepmind.com/x'],
    ['Meta AI', 'https://ai.meta.com/blog/x'],
    ['DeepSeek', 'https://github.com/deepseek-ai/DeepSeek-V3'],
    ['Moonshot AI', 'https://moonshotai.github.io/Kimi-K2/'],
    ['Alibaba', 'https://qwenlm.github.io/blog/x'],
    ['Alibaba (Qwen)', 'https://huggingface.co/Qwen/x'],
    ['Z.ai (Zhipu AI)', 'https://z.ai/blog/x'],
    ['xAI', 'https://x.ai/news/x'],
    ['Mistral AI', 'https://mistral.ai/news/x'],
    ['NVIDIA', 'https://developer.nvidia.com/x'],
    ['Inflection AI', 'https://inflection.ai/x'],
    ['Technology Innovation Institute', 'https://huggingface.co/tiiuae/falcon-40b'],
    ['01.AI', 'https://01.ai/x'],
    ['Huawei', 'https://www.huawei.com/x'],
    ['Baidu', 'https://research.baidu.com/x'],
  ];
  for (const [lab, url] of pages) {
    const m = model({ lab, totalParams: value({ status: 'leak', source: { title: 'Lab page', url } }) }) as Model;
    expect([lab, provenanceProblems([m]).length]).toEqual([lab, 1]);
  }
  // a host that only contains "www." is not the lab's site
  const lookAlike = model({
    lab: 'OpenAI',
    totalParams: value({ status: 'leak', source: { title: 'x', url: 'https://openai.www.com/x' } }),
  }) as Model;
  expect(provenanceProblems([lookAlike])).toEqual([]);
  const tracker = (url: string) =>
    provenanceProblems([model({ totalParams: value({ source: { title: 'x', url } }) }) as Model]).length;
  expect(tracker('https://epoch.www.ai/data')).toBe(0);
  expect(tracker('https://www.epoch.ai/data')).toBe(1);
});

test('notes: only keys note, notes or ending in Note; empty values and non-objects are walked safely', () => {
  expect(notesProblems({ NotebookUrl: 'seed 002', noteworthy: 'seed 002' }, 'f')).toEqual([]);
  expect(notesProblems({ chips: [null, 7, 'x', { id: 'a', note: 'seed 001' }], note: null }, 'f')).toEqual([
    {
      path: 'f.chips["a"].note',
      message:
        'note mentions the source-document file name "seed 001", which readers do not have: cite the document by its title',
    },
  ]);
  expect(notesProblems({ chips: [{ id: 3, note: 'seed 001' }] }, 'f').map((p) => p.path)).toEqual(['f.chips[0].note']);
});

test('problem paths step through arrays by index and id, and through values that are not objects', () => {
  const issue = (path: (string | number)[]) => ({ code: 'custom' as const, path, message: 'bad', input: undefined });
  const root = { models: [{ id: 7 }, { id: 'b', tags: ['x'] }, null], n: 5 };
  expect(
    describeIssues(
      [
        issue(['models', 0, 'id']),
        issue(['models', 1, 'tags', 0, 'y']),
        issue(['models', 2, 'id']),
        issue(['n', 'x', 'y']),
      ],
      root,
      'file',
    ).map((p) => p.path),
  ).toEqual(['file.models[0].id', 'file.models[1 "b"].tags[0].y', 'file.models[2].id', 'file.n.x.y']);
});
