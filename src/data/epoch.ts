/**
 * Converts Epoch AI's Notable AI Models CSV into our dataset schema. Columns are mapped by
 * header name, so older exports (fewer columns, some renamed) still convert; a row that cannot
 * be converted is reported with its row number and reason, never silently dropped.
 * Pure: takes parsed rows, returns models and rejects (the CLI does the file I/O).
 */
import type { EpochReference, Model, Sourced } from './schema';
import { modelSchema } from './schema';

export const EPOCH_SOURCE = { title: 'Epoch AI, Notable AI Models (retrieved 2026-05-02)', url: 'https://epoch.ai/data/ai-models' };
export const EPOCH_ATTRIBUTION = {
  name: 'Epoch AI, Notable AI Models',
  licence: 'CC BY 4.0',
  citation:
    "Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning'. Published online at epoch.ai. Retrieved from: 'https://epoch.ai/data/ai-models' [online resource].",
  url: 'https://epoch.ai/data/ai-models',
  retrieved: '2026-05-02',
};

/** Header names across export versions (first match wins). */
const COLUMNS = {
  name: ['Model', 'System'],
  org: ['Organization'],
  date: ['Publication date'],
  domain: ['Domain'],
  params: ['Parameters'],
  paramsNotes: ['Parameters notes'],
  flop: ['Training compute (FLOP)'],
  flopNotes: ['Training compute notes'],
  dataset: ['Training dataset size (total)', 'Training dataset size (datapoints)'],
  confidence: ['Confidence'],
  link: ['Link'],
  country: ['Country (of organization)', 'Country (from Organization)'],
  hours: ['Training time (hours)'],
  hardware: ['Training hardware'],
  hwCount: ['Hardware quantity'],
  cost: ['Training compute cost (2023 USD)'],
  base: ['Base model'],
  finetuneFlop: ['Finetune compute (FLOP)'],
  epochs: ['Epochs'],
  access: ['Model accessibility'],
} as const;

/** Epoch hardware names -> our chip ids (chips we have sourced peaks for). */
const HARDWARE: [RegExp, string][] = [
  [/\bA100\b/i, 'a100'],
  [/\bH800\b/i, 'h800'],
  [/\bH100\b/i, 'h100'],
  [/\bH200\b/i, 'h200'],
  [/\bH20\b/i, 'h20'],
  [/\bGB200\b/i, 'gb200'],
  [/\bB200\b/i, 'b200'],
  [/TPU v3\b/i, 'tpu-v3'],
  [/TPU v4\b/i, 'tpu-v4'],
  [/TPU v5p\b/i, 'tpu-v5p'],
  [/TPU v5e\b/i, 'tpu-v5e'],
  [/TPU v6e\b/i, 'tpu-v6e'],
  [/Ascend 910B\b/i, 'ascend-910b'],
  [/Ascend 910C\b/i, 'ascend-910c'],
  [/MI300X\b/i, 'mi300x'],
  [/\bV100S?\b/i, 'v100'],
  [/\bP100\b/i, 'p100'],
  [/\bK80\b/i, 'k80'],
  [/\bK40[cmst]?\b/i, 'k40'],
  [/GTX TITAN X\b/i, 'gtx-titan-x'],
  [/GTX 580\b/i, 'gtx-580'],
  [/TPU v2\b/i, 'tpu-v2'],
  [/TPU v1\b/i, 'tpu-v1'],
];

const EUROPE = new Set([
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
]);

export interface EpochReject {
  /** 1-based data row number (header is row 0) */
  row: number;
  model: string;
  reason: string;
}

export interface EpochConversion {
  models: Model[];
  rejects: EpochReject[];
  /** fields dropped from otherwise valid rows, counted by reason */
  droppedFields: Record<string, number>;
}

type CsvRow = Record<string, string | undefined>;

function pick(row: CsvRow, key: keyof typeof COLUMNS): string {
  for (const h of COLUMNS[key]) {
    const v = row[h];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return '';
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/-*\.-*/g, '.')
      // after the dashes beside dots: "v1 . 5" is "v1..5" until here
      .replace(/\.{2,}/g, '.')
      // no '--', '..', '-.' or '.-' is left, so an edge has one '-' or '.' at most
      .replace(/^[-.]|[-.]$/g, '') || 'model'
  );
}

function blocOf(countries: string[]): Model['bloc'] {
  // Stryker disable next-line StringLiteral: with no country the bloc is Other, whatever this text
  const first = countries[0] ?? '';
  if (first === 'United States of America') return 'United States';
  if (first === 'China' || first === 'Hong Kong') return 'China';
  if (EUROPE.has(first)) return 'Europe';
  return 'Other';
}

const short = (s: string, n = 280) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Reads a non-negative number from a cell; 0 and junk are unknown (Epoch leaves unknown cells empty). */
function cellNumber(row: CsvRow, key: keyof typeof COLUMNS): number | undefined {
  // an empty cell reads as 0, which is unknown too
  const n = Number(pick(row, key));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const epochValue = (value: number, note?: string): Sourced => ({
  value,
  status: 'estimate',
  source: EPOCH_SOURCE,
  ...(note ? { note } : {}),
});

/**
 * Epoch's own figures for a row, to show beside ours: its training compute (which for a fine-tune
 * counts the base model's run too) and its amortised hardware + energy cost in 2023 USD.
 */
export function epochReferenceOf(row: CsvRow): EpochReference | undefined {
  const model = pick(row, 'name');
  const flop = cellNumber(row, 'flop');
  const cost = cellNumber(row, 'cost');
  if (!model || (flop === undefined && cost === undefined)) return undefined;
  const base = pick(row, 'base');
  return {
    model,
    ...(flop !== undefined
      ? {
          trainingFlop: epochValue(
            flop,
            base ? `Epoch's training compute of a fine-tune of ${short(base, 60)}.` : undefined,
          ),
        }
      : {}),
    ...(cost !== undefined
      ? {
          costUsd2023: epochValue(
            cost,
            "Epoch's amortised hardware + energy cost of the final run, in 2023 USD (Cottier et al. 2024); not a rental price.",
          ),
        }
      : {}),
  };
}

export function convertEpochRows(rows: CsvRow[]): EpochConversion {
  const models: Model[] = [];
  const rejects: EpochReject[] = [];
  const droppedFields: Record<string, number> = {};
  const usedIds = new Map<string, number>();
  const fineTunes: FineTune[] = [];
  const drop = (reason: string) => {
    droppedFields[reason] = (droppedFields[reason] ?? 0) + 1;
  };

  rows.forEach((row, i) => {
    const rowNo = i + 1;
    const name = pick(row, 'name');
    if (!name) return rejects.push({ row: rowNo, model: '', reason: 'no model name' });
    const date = pick(row, 'date');
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date))
      return rejects.push({ row: rowNo, model: name, reason: date ? `publication date "${short(date, 30)}" is not YYYY-MM-DD` : 'no publication date' });
    const org = pick(row, 'org');
    if (!org) return rejects.push({ row: rowNo, model: name, reason: 'no organization' });

    const number = (key: keyof typeof COLUMNS, field: string): number | undefined => {
      const raw = pick(row, key);
      if (!raw) return undefined;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) {
        drop(`${field}: not a non-negative number`);
        return undefined;
      }
      if (n === 0) {
        // Epoch uses empty for unknown; a 0 here would plot as "free", so it is treated as unknown
        drop(`${field}: zero treated as unknown`);
        return undefined;
      }
      return n;
    };
    const sourced = (value: number | undefined, note?: string): Sourced | undefined =>
      value === undefined ? undefined : { value, status: 'estimate', source: EPOCH_SOURCE, ...(note ? { note: short(note) } : {}) };

    const countries = pick(row, 'country')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const paramsNotes = pick(row, 'paramsNotes');
    const moe = /mixture[- ]of[- ]experts|\bMoE\b/i.test(paramsNotes);
    const hardware = pick(row, 'hardware');
    const firstChip = hardware.split(',')[0];
    // Stryker disable next-line StringLiteral: split always gives a first element; the fallback is for the type checker
    const chipId = HARDWARE.find(([re]) => re.test(firstChip ?? ''))?.[1];
    if (hardware && !chipId) drop('chip: hardware not in the chips table');
    const language = /language/i.test(pick(row, 'domain'));
    const confidence = pick(row, 'confidence');
    const flopNotes = pick(row, 'flopNotes');
    // read for its drop count only: the figure itself goes to epochReference
    number('cost', 'cost');
    const link = pick(row, 'link');
    const access = pick(row, 'access');

    // a repeated name gets -2, -3…, skipping any suffix another row's name already produced
    const base = slugify(name);
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.set(id, 1);

    const params = number('params', 'parameters');
    const flop = number('flop', 'training FLOP');
    const tokens = language ? number('dataset', 'training tokens') : undefined;
    const chipCount = number('hwCount', 'chip count');
    const hours = number('hours', 'training time');
    const baseName = pick(row, 'base');
    const epochs = number('epochs', 'epochs');
    const notes = [
      link ? `Paper: ${link}` : '',
      hardware && !chipId ? `Training hardware: ${hardware}.` : '',
      baseName ? `Base model: ${baseName}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const reference = epochReferenceOf(row);

    const candidate = {
      id,
      name,
      lab: org.split(',')[0]?.trim() || org,
      country: countries[0] ?? 'Unknown',
      bloc: blocOf(countries),
      releaseDate: date,
      openWeights: access.startsWith('Open weights'),
      ...(access ? { licence: access } : {}),
      architecture: moe ? 'moe' : 'unknown',
      ...opt('totalParams', sourced(params, paramsNotes)),
      ...opt('trainingFlop', sourced(flop, [confidence && `Epoch confidence: ${confidence}.`, flopNotes].filter(Boolean).join(' '))),
      ...opt(
        'trainingTokens',
        sourced(
          tokens,
          baseName
            ? `Epoch's training dataset size: the fine-tuning set on top of ${short(baseName, 60)}, not tokens trained.`
            : "Epoch's training dataset size: the size of the training set, not tokens trained (epochs ignored).",
        ),
      ),
      ...(tokens !== undefined ? { trainingTokensKind: 'dataset-size' } : {}),
      ...(tokens !== undefined ? opt('epochs', sourced(epochs)) : {}),
      ...(chipId ? { chipId } : {}),
      ...opt('chipCount', sourced(chipCount)),
      ...opt('trainingDurationHours', sourced(hours)),
      benchmarks: {},
      ...(notes ? { notes } : {}),
      ...(reference ? { epochReference: reference } : {}),
    };
    const parsed = modelSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // Stryker disable next-line StringLiteral,LogicalOperator: unreachable today (slug ids, checked dates, positive numbers pass the schema); reports a row, not a crash, if the schema changes
      return rejects.push({ row: rowNo, model: name, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    }
    models.push(parsed.data);
    if (baseName) fineTunes.push({ model: parsed.data, baseName, finetuneFlop: number('finetuneFlop', 'fine-tune FLOP') });
  });
  chainFineTunes(models, fineTunes);
  return { models, rejects, droppedFields };
}

interface FineTune {
  model: Model;
  baseName: string;
  finetuneFlop?: number;
}

/**
 * Fine-tunes point at their base model, as R1 points at V3, so a run's total counts the base's.
 * Epoch's "Training compute" of a fine-tune already includes its base model's run: when the base is
 * in the dataset, the model's own run is Epoch's "Finetune compute" (or unknown, when Epoch gives
 * only the total) and the engine adds the base's; when it is not, the total stays, and says so.
 */
function chainFineTunes(models: Model[], fineTunes: FineTune[]) {
  const byName = new Map<string, Model>();
  for (const m of models) if (!byName.has(m.name)) byName.set(m.name, m);
  for (const { model, baseName, finetuneFlop } of fineTunes) {
    const base = byName.get(baseName);
    const total = model.trainingFlop;
    if (!base || base.id === model.id) {
      if (total)
        model.trainingFlop = {
          ...total,
          note: short(`Includes the base model's run (${baseName}, not in this dataset). ${total.note ?? ''}`.trim()),
        };
      continue;
    }
    model.baseModelId = base.id;
    // Epoch usually counts the base's run in a fine-tune's total, but not always: a total below the
    // base model's own figure can only be the fine-tune's run
    const baseFlop = base.epochReference?.trainingFlop?.value;
    const ownOnly =
      total !== undefined &&
      baseFlop !== undefined &&
      total.value < baseFlop &&
      // …unless Epoch's own fine-tune figure is far below the total, which then counts something more
      (finetuneFlop === undefined || total.value <= 3 * finetuneFlop);
    if (ownOnly && model.epochReference) model.epochReference = { ...model.epochReference, excludesBase: true };
    if (finetuneFlop !== undefined)
      model.trainingFlop = {
        value: finetuneFlop,
        status: 'estimate',
        source: EPOCH_SOURCE,
        note: `Epoch's fine-tune compute: this model's own run on top of ${short(baseName, 60)}.`,
      };
    else if (ownOnly && total)
      model.trainingFlop = {
        ...total,
        note: short(
          `Epoch's training compute, which here counts only this run: it is below the base model's (${baseName}). ${total.note ?? ''}`.trim(),
        ),
      };
    else delete model.trainingFlop;
  }
}

function opt<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}
