/**
 * The Epoch CSV converter on small hand-made rows with known output: every column it reads, every
 * reason it gives for a reject or a dropped cell (as the CLI prints them), and the fine-tune chain.
 * The whole-CSV test in epoch.test.ts checks the committed data; these pin the rules one at a time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { convertEpochRows, EPOCH_ATTRIBUTION, EPOCH_SOURCE, epochReferenceOf, slugify } from '../../src/data/epoch';
import { buildCuratedJoin } from '../../src/data/epochJoin';

type Row = Record<string, string | undefined>;
const row = (over: Row): Row => ({ Organization: 'Lab', 'Publication date': '2022-01-01', ...over });
const one = (over: Row) => {
  const r = convertEpochRows([row(over)]);
  expect(r.rejects).toEqual([]);
  return r.models[0]!;
};

test('a full row converts to exactly the model a reader expects, each figure an Epoch estimate with its note', () => {
  const { models, rejects, droppedFields } = convertEpochRows([
    {
      Model: ' Tiny LM 1.5B ',
      Organization: 'Acme AI, Beta University',
      'Publication date': '2023-07',
      Domain: 'Multimodal,Language',
      Parameters: '1.5e9',
      'Parameters notes': 'Dense decoder',
      'Training compute (FLOP)': '2.7e21',
      'Training compute notes': '6ND.',
      'Training dataset size (total)': '3e11',
      Confidence: 'Likely',
      Link: 'https://example.org/tiny',
      'Country (of organization)': 'Germany, United States of America',
      'Training time (hours)': '240',
      'Training hardware': 'NVIDIA A100 SXM4 80 GB, NVIDIA H100',
      'Hardware quantity': '64',
      'Training compute cost (2023 USD)': '12000',
      Epochs: '1.5',
      'Model accessibility': 'Open weights (restricted use)',
    },
  ]);
  expect(rejects).toEqual([]);
  expect(droppedFields).toEqual({});
  const src = EPOCH_SOURCE;
  expect(models).toEqual([
    {
      id: 'tiny-lm-1.5b',
      name: 'Tiny LM 1.5B',
      lab: 'Acme AI',
      country: 'Germany',
      bloc: 'Europe',
      releaseDate: '2023-07',
      openWeights: true,
      licence: 'Open weights (restricted use)',
      architecture: 'unknown',
      totalParams: { value: 1.5e9, status: 'estimate', source: src, note: 'Dense decoder' },
      trainingFlop: { value: 2.7e21, status: 'estimate', source: src, note: 'Epoch confidence: Likely. 6ND.' },
      trainingTokens: {
        value: 3e11,
        status: 'estimate',
        source: src,
        note: "Epoch's training dataset size: the size of the training set, not tokens trained (epochs ignored).",
      },
      trainingTokensKind: 'dataset-size',
      epochs: { value: 1.5, status: 'estimate', source: src },
      chipId: 'a100',
      chipCount: { value: 64, status: 'estimate', source: src },
      trainingDurationHours: { value: 240, status: 'estimate', source: src },
      benchmarks: {},
      notes: 'Paper: https://example.org/tiny',
      epochReference: {
        model: 'Tiny LM 1.5B',
        trainingFlop: { value: 2.7e21, status: 'estimate', source: src },
        costUsd2023: {
          value: 12000,
          status: 'estimate',
          source: src,
          note: "Epoch's amortised hardware + energy cost of the final run, in 2023 USD (Cottier et al. 2024); not a rental price.",
        },
      },
    },
  ]);
});

test('a sparse row gets unknowns, not guesses: no country is "Unknown"/Other, closed weights, no licence, no notes', () => {
  const m = one({ Model: 'Bare' });
  expect(m).toEqual({
    id: 'bare',
    name: 'Bare',
    lab: 'Lab',
    country: 'Unknown',
    bloc: 'Other',
    releaseDate: '2022-01-01',
    openWeights: false,
    architecture: 'unknown',
    benchmarks: {},
  });
  expect(one({ Model: 'API', 'Model accessibility': 'API access' })).toMatchObject({
    openWeights: false,
    licence: 'API access',
  });
});

test('the bloc follows the first country: United States, China (with Hong Kong), Europe, else Other', () => {
  const bloc = (country: string) => one({ Model: 'M', 'Country (of organization)': country }).bloc;
  expect(bloc('United States of America')).toBe('United States');
  expect(bloc('China')).toBe('China');
  expect(bloc('Hong Kong')).toBe('China');
  const europe = [
    'United Kingdom of Great Britain and Northern Ireland',
    'France',
    'Germany',
    'Switzerland',
    'Netherlands',
    'Finland',
    'Italy',
    'Spain',
    'Belgium',
    'Denmark',
    'Sweden',
    'Norway',
    'Austria',
    'Poland',
    'Czechia',
    'Croatia',
    'Ireland',
  ];
  expect(europe.map((c) => [c, bloc(c)])).toEqual(europe.map((c) => [c, 'Europe']));
  expect(bloc('Canada')).toBe('Other');
  expect(bloc('Israel,United States of America')).toBe('Other');
  expect(one({ Model: 'M', 'Country (of organization)': ' ,China' }).country).toBe('China');
  expect(one({ Model: 'M', 'Country (of organization)': 'France , China' })).toMatchObject({
    country: 'France',
    bloc: 'Europe',
  });
});

test('an older export’s header names are read when the newer ones are missing or blank', () => {
  const m = one({
    Model: '  ',
    System: 'Old name',
    'Country (of organization)': '',
    'Country (from Organization)': 'France',
    Domain: 'Language',
    'Training dataset size (datapoints)': '5e9',
  });
  expect(m).toMatchObject({ name: 'Old name', id: 'old-name', country: 'France', bloc: 'Europe' });
  expect(m.trainingTokens?.value).toBe(5e9);
  // the newer header wins when both are filled
  expect(one({ Model: 'New', System: 'Old' }).name).toBe('New');
});

test('MoE is read from the parameter notes in the ways Epoch writes it', () => {
  const arch = (notes: string) => one({ Model: 'M', 'Parameters notes': notes }).architecture;
  expect(arch('Mixture-of-Experts (MoE) language model')).toBe('moe');
  expect(arch('a sparse mixture of experts')).toBe('moe');
  expect(arch('mixture-of experts')).toBe('moe');
  expect(arch('an moe with 8 experts')).toBe('moe');
  expect(arch('Dense transformer')).toBe('unknown');
  // "MoE" as a word, not inside another word
  expect(arch('Moebius strip')).toBe('unknown');
});

test('Epoch’s hardware names map to our chip ids by the first chip listed; an unknown chip goes to the notes', () => {
  const chip = (hw: string) => one({ Model: 'M', 'Training hardware': hw }).chipId;
  const cases: [string, string][] = [
    ['NVIDIA A100 SXM4 40 GB', 'a100'],
    ['NVIDIA H800 SXM5', 'h800'],
    ['NVIDIA H100 SXM5 80GB', 'h100'],
    ['NVIDIA H200 SXM', 'h200'],
    ['NVIDIA H20', 'h20'],
    ['NVIDIA GB200', 'gb200'],
    ['NVIDIA B200 GPUs', 'b200'],
    ['Google TPU v3', 'tpu-v3'],
    ['Google TPU v4', 'tpu-v4'],
    ['Google TPU v5p', 'tpu-v5p'],
    ['Google TPU v5e', 'tpu-v5e'],
    ['Google TPU v6e Trillium', 'tpu-v6e'],
    ['Huawei Ascend 910B', 'ascend-910b'],
    ['Huawei Ascend 910C', 'ascend-910c'],
    ['AMD Instinct MI300X', 'mi300x'],
    ['NVIDIA Tesla V100 DGXS 32 GB', 'v100'],
    ['NVIDIA Tesla V100S PCIe 32 GB', 'v100'],
    ['NVIDIA P100', 'p100'],
    ['NVIDIA Tesla K80', 'k80'],
    ['NVIDIA Tesla K40', 'k40'],
    ['NVIDIA Tesla K40c', 'k40'],
    // the passively cooled server card, same GK110B chip and peaks (one row of Epoch's CSV)
    ['NVIDIA Tesla K40m', 'k40'],
    ['NVIDIA GeForce GTX TITAN X', 'gtx-titan-x'],
    ['NVIDIA GeForce GTX 580', 'gtx-580'],
    ['Google TPU v2', 'tpu-v2'],
    ['Google TPU v1', 'tpu-v1'],
    ['nvidia a100', 'a100'],
    ['NVIDIA H100, NVIDIA A100', 'h100'],
  ];
  expect(cases.map(([hw]) => [hw, chip(hw)])).toEqual(cases);
  // a chip we have no sourced peaks for is not guessed from a near name
  for (const hw of [
    'NVIDIA A1000',
    'NVIDIA H2000',
    'NVIDIA GH200',
    'NVIDIA K40x',
    'NVIDIA V1000',
    'Google TPU v7 Ironwood',
  ])
    expect([hw, chip(hw)]).toEqual([hw, undefined]);
  // …and the notes say what Epoch listed, with how many rows lost their chip
  const r = convertEpochRows([
    row({ Model: 'C', 'Training hardware': 'Cerebras CS-2', Link: 'https://x.org/p', 'Base model': 'Z' }),
  ]);
  expect(r.models[0]?.notes).toBe('Paper: https://x.org/p Training hardware: Cerebras CS-2. Base model: Z.');
  expect(r.droppedFields).toEqual({ 'chip: hardware not in the chips table': 1 });
});

test('training tokens are read only for language models', () => {
  expect(one({ Model: 'V', Domain: 'Vision', 'Training dataset size (total)': '1e6' }).trainingTokens).toBeUndefined();
  expect(
    one({ Model: 'L', Domain: 'Multimodal,language', 'Training dataset size (total)': '1e6' }).trainingTokens?.value,
  ).toBe(1e6);
  // epochs only come with a token count
  expect(one({ Model: 'V', Domain: 'Vision', Epochs: '3' }).epochs).toBeUndefined();
});

test('dates: YYYY-MM-DD and YYYY-MM pass; anything else is a reject that quotes (a short cut of) the cell', () => {
  const reasons = convertEpochRows([
    row({ Model: 'A', 'Publication date': '2021-03' }),
    row({ Model: 'B', 'Publication date': '2021-03-04T00:00' }),
    row({ Model: 'C', 'Publication date': 'x2021-03-04' }),
    row({ Model: 'D', 'Publication date': '2021' }),
    row({ Model: 'E', 'Publication date': 'released some time in the spring of 2021, we think' }),
  ]);
  expect(reasons.models.map((m) => m.releaseDate)).toEqual(['2021-03']);
  expect(reasons.rejects).toEqual([
    { row: 2, model: 'B', reason: 'publication date "2021-03-04T00:00" is not YYYY-MM-DD' },
    { row: 3, model: 'C', reason: 'publication date "x2021-03-04" is not YYYY-MM-DD' },
    { row: 4, model: 'D', reason: 'publication date "2021" is not YYYY-MM-DD' },
    { row: 5, model: 'E', reason: 'publication date "released some time in the spr…" is not YYYY-MM-DD' },
  ]);
});

test('a row without an organization is rejected with its row number and name', () => {
  expect(convertEpochRows([row({ Model: 'A' }), row({ Model: 'Orgless', Organization: ' ' })]).rejects).toEqual([
    { row: 2, model: 'Orgless', reason: 'no organization' },
  ]);
  // the lab is the first organization named
  expect(one({ Model: 'M', Organization: 'Google DeepMind,Google' }).lab).toBe('Google DeepMind');
  expect(one({ Model: 'M', Organization: ',Solo' }).lab).toBe(',Solo');
  expect(one({ Model: 'M', Organization: 'Acme AI , Beta' }).lab).toBe('Acme AI');
  expect(convertEpochRows([row({ Model: ' ' })]).rejects).toEqual([{ row: 1, model: '', reason: 'no model name' }]);
});

test('a cell that is not a positive number is dropped and counted by field and reason, never zeroed', () => {
  const r = convertEpochRows([
    row({
      Model: 'A',
      Domain: 'Language',
      Parameters: '0',
      'Training compute (FLOP)': '-1e20',
      'Training dataset size (total)': 'n/a',
      'Hardware quantity': 'Infinity',
      'Training time (hours)': '0.0',
      'Training compute cost (2023 USD)': 'lots',
      Epochs: '-2',
    }),
    row({ Model: 'B', Parameters: '0', 'Training compute cost (2023 USD)': '0' }),
  ]);
  expect(r.droppedFields).toEqual({
    'cost: not a non-negative number': 1,
    'cost: zero treated as unknown': 1,
    'parameters: zero treated as unknown': 2,
    'training FLOP: not a non-negative number': 1,
    'training tokens: not a non-negative number': 1,
    'chip count: not a non-negative number': 1,
    'training time: zero treated as unknown': 1,
    'epochs: not a non-negative number': 1,
  });
  const a = r.models[0]!;
  for (const k of [
    'totalParams',
    'trainingFlop',
    'trainingTokens',
    'chipCount',
    'trainingDurationHours',
    'epochs',
  ] as const)
    expect([k, a[k]]).toEqual([k, undefined]);
  expect(a.epochReference).toBeUndefined();
  expect(a.trainingTokensKind).toBeUndefined();
});

test('long notes are cut to 280 characters with an ellipsis; short ones are kept whole', () => {
  const long = 'x'.repeat(300);
  const m = one({
    Model: 'M',
    Parameters: '7',
    'Parameters notes': long,
    'Training compute (FLOP)': '1e20',
    'Training compute notes': 'y'.repeat(270),
  });
  expect(m.totalParams?.note).toBe(`${'x'.repeat(279)}…`);
  expect(m.trainingFlop?.note).toBe(`${'y'.repeat(270)}`);
  expect(one({ Model: 'M', Parameters: '7', 'Parameters notes': 'x'.repeat(280) }).totalParams?.note).toBe(
    'x'.repeat(280),
  );
  expect(one({ Model: 'M', 'Training compute (FLOP)': '1e20', Confidence: 'Speculative' }).trainingFlop?.note).toBe(
    'Epoch confidence: Speculative.',
  );
});

test('ids: slugs of the name, accents folded, dots kept, repeats numbered past ids already taken', () => {
  expect(slugify('Ça Va — Modèle 2.0')).toBe('ca-va-modele-2.0');
  expect(slugify('..v1...2--.x--')).toBe('v1.2.x');
  expect(slugify('  -Leading and trailing- ')).toBe('leading-and-trailing');
  expect(slugify('名前')).toBe('model');
  expect(slugify('A - . - B')).toBe('a.b');
  // dots that meet once the dashes beside them go are one dot (these ids were "a..b", refused by the schema)
  expect(slugify('a.-.b')).toBe('a.b');
  expect(slugify('GPT 4 . - . 5')).toBe('gpt-4.5');
  expect(slugify('.-.x.-.')).toBe('x');
  // a dash on one side of a dot only
  expect(slugify('GPT-4. Turbo')).toBe('gpt-4.turbo');
  expect(slugify('GPT-4 .Turbo')).toBe('gpt-4.turbo');
  expect(slugify('-. x .-')).toBe('x');
  expect(convertEpochRows([row({ Model: 'v1 . 5' })])).toMatchObject({ rejects: [], models: [{ id: 'v1.5' }] });
  const ids = convertEpochRows([
    row({ Model: 'X' }),
    row({ Model: 'X 2' }),
    row({ Model: 'x' }),
    row({ Model: 'X' }),
  ]).models.map((m) => m.id);
  expect(ids).toEqual(['x', 'x-2', 'x-3', 'x-4']);
});

test('Epoch’s reference figures: none without a name or a FLOP or cost figure; a fine-tune’s FLOP says so', () => {
  expect(epochReferenceOf({ Model: '', 'Training compute (FLOP)': '1e20' })).toBeUndefined();
  expect(
    epochReferenceOf({ Model: 'M', 'Training compute (FLOP)': '0', 'Training compute cost (2023 USD)': 'x' }),
  ).toBeUndefined();
  expect(epochReferenceOf({ Model: 'M', 'Training compute cost (2023 USD)': '5' })).toEqual({
    model: 'M',
    costUsd2023: expect.objectContaining({ value: 5 }),
  });
  expect(epochReferenceOf({ Model: 'M', 'Training compute (FLOP)': '1e20', 'Base model': 'B'.repeat(70) })).toEqual({
    model: 'M',
    trainingFlop: {
      value: 1e20,
      status: 'estimate',
      source: EPOCH_SOURCE,
      note: `Epoch's training compute of a fine-tune of ${'B'.repeat(59)}….`,
    },
  });
});

test('a fine-tune whose base is missing, or is itself, keeps Epoch’s total and says it includes the base’s run', () => {
  const { models } = convertEpochRows([
    row({ Model: 'Self', 'Training compute (FLOP)': '1e22', 'Base model': 'Self', Confidence: 'Likely' }),
    row({ Model: 'Orphan', 'Base model': 'Elsewhere' }),
  ]);
  expect(models[0]?.baseModelId).toBeUndefined();
  expect(models[0]?.trainingFlop?.note).toBe(
    "Includes the base model's run (Self, not in this dataset). Epoch confidence: Likely.",
  );
  expect(models[1]?.trainingFlop).toBeUndefined();
  expect(models[1]?.baseModelId).toBeUndefined();
});

test('a fine-tune chains to the first row of its base’s name; a total below the base’s counts only its own run', () => {
  const { models } = convertEpochRows([
    row({ Model: 'Base', 'Training compute (FLOP)': '1e24' }),
    row({ Model: 'Base', 'Training compute (FLOP)': '1e20' }),
    row({ Model: 'Tune', 'Training compute (FLOP)': '5e23', 'Base model': 'Base', Confidence: 'Confident' }),
  ]);
  const tune = models[2]!;
  expect(tune.baseModelId).toBe('base');
  expect(tune.trainingFlop).toEqual({
    value: 5e23,
    status: 'estimate',
    source: EPOCH_SOURCE,
    note: "Epoch's training compute, which here counts only this run: it is below the base model's (Base). Epoch confidence: Confident.",
  });
  expect(tune.epochReference?.excludesBase).toBe(true);
});

test('a total equal to the base’s counts the base too: the own run is unknown', () => {
  const { models } = convertEpochRows([
    row({ Model: 'Base', 'Training compute (FLOP)': '1e24' }),
    row({ Model: 'Tune', 'Training compute (FLOP)': '1e24', 'Base model': 'Base' }),
  ]);
  expect(models[1]?.trainingFlop).toBeUndefined();
  expect(models[1]?.epochReference?.excludesBase).toBeUndefined();
  expect(models[1]?.baseModelId).toBe('base');
});

test('a total below the base’s but over 3× Epoch’s fine-tune figure counts something more: not marked own-only', () => {
  const make = (finetune: string) =>
    convertEpochRows([
      row({ Model: 'Base', 'Training compute (FLOP)': '100' }),
      row({
        Model: 'Tune',
        'Training compute (FLOP)': '48',
        'Base model': 'Base',
        'Finetune compute (FLOP)': finetune,
      }),
    ]).models[1]!;
  // a total of 48 ≤ 3 × 16: the total is the fine-tune's own run
  expect(make('16').epochReference?.excludesBase).toBe(true);
  // 48 > 3 × 15.9
  expect(make('15.9').epochReference?.excludesBase).toBeUndefined();
  const t = make('16');
  expect(t.trainingFlop).toEqual({
    value: 16,
    status: 'estimate',
    source: EPOCH_SOURCE,
    note: "Epoch's fine-tune compute: this model's own run on top of Base.",
  });
  // a fine-tune figure on a row with no base is not read
  expect(convertEpochRows([row({ Model: 'Solo', 'Finetune compute (FLOP)': '0' })]).droppedFields).toEqual({});
});

test('the curated join takes the first row of each name, by either header, and skips rows with no figures', () => {
  const join = buildCuratedJoin(
    [
      { Model: ' Alpha ', 'Training compute (FLOP)': '1e22' },
      { Model: 'Alpha', 'Training compute (FLOP)': '9e22' },
      { System: 'Beta', 'Training compute cost (2023 USD)': '100' },
      { Model: 'Gamma' },
      { Model: '' },
    ],
    { alpha: 'Alpha', beta: 'Beta', gamma: 'Gamma', delta: 'Delta' },
  );
  expect(Object.keys(join.references)).toEqual(['alpha', 'beta']);
  expect(join.references['alpha']?.trainingFlop?.value).toBe(1e22);
  expect(join.references['beta']?.costUsd2023?.value).toBe(100);
  expect(join.missing).toEqual(['delta → "Delta"']);
});

test('the attribution the CLI writes is the one committed beside both Epoch files (CC BY 4.0 asks for it)', () => {
  const root = resolve(import.meta.dirname, '../..');
  for (const file of ['data/epoch/notable-models.json', 'data/epoch/curated-join.json']) {
    const committed = JSON.parse(readFileSync(resolve(root, file), 'utf8')) as { attribution: unknown };
    expect([file, committed.attribution]).toEqual([file, EPOCH_ATTRIBUTION]);
  }
});

test('an infinite cost or FLOP is no figure at all', () => {
  expect(epochReferenceOf({ Model: 'M', 'Training compute cost (2023 USD)': 'Infinity' })).toBeUndefined();
  expect(epochReferenceOf({ Model: 'M', 'Training compute (FLOP)': '-Infinity' })).toBeUndefined();
});

test('a fine-tune with no FLOP of its own, under a base that has one, has no FLOP and the base chained', () => {
  const { models } = convertEpochRows([
    row({ Model: 'Base', 'Training compute (FLOP)': '1e24' }),
    row({ Model: 'Tune', 'Base model': 'Base' }),
    row({ Model: 'Orphan', 'Training compute (FLOP)': '1e22', 'Base model': 'Gone' }),
  ]);
  expect(models[1]).toMatchObject({ baseModelId: 'base', notes: 'Base model: Base.' });
  expect(models[1]?.trainingFlop).toBeUndefined();
  expect(models[1]?.epochReference).toBeUndefined();
  expect(models[2]?.trainingFlop?.note).toBe("Includes the base model's run (Gone, not in this dataset).");
});

test('a fine-tune’s own run below its base’s, with no note of Epoch’s, says only why it counts that run', () => {
  const { models, droppedFields } = convertEpochRows([
    row({ Model: 'Base', 'Training compute (FLOP)': '1e24' }),
    row({ Model: 'Tune', 'Training compute (FLOP)': '1e22', 'Base model': 'Base', 'Finetune compute (FLOP)': '0' }),
  ]);
  expect(models[1]?.trainingFlop?.note).toBe(
    "Epoch's training compute, which here counts only this run: it is below the base model's (Base).",
  );
  // a fine-tune compute of 0 is unknown, and counted as dropped
  expect(droppedFields).toEqual({ 'fine-tune FLOP: zero treated as unknown': 1 });
});
