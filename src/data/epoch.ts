/**
 * Converts Epoch AI's Notable AI Models CSV into our dataset schema. Columns are mapped by
 * header name, so older exports (fewer columns, some renamed) still convert; a row that cannot
 * be converted is reported with its row number and reason, never silently dropped.
 * Pure: takes parsed rows, returns models and rejects (the CLI does the file I/O).
 */
import type { Model, Sourced } from './schema';
import { modelSchema } from './schema';
import { formatValue } from '../domain/format';

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
  mfu: ['Hardware utilization (MFU)', 'Hardware utilization'],
  cost: ['Training compute cost (2023 USD)'],
  base: ['Base model'],
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
  [/TPU v4\b/i, 'tpu-v4'],
  [/TPU v5p\b/i, 'tpu-v5p'],
  [/TPU v5e\b/i, 'tpu-v5e'],
  [/TPU v6e\b/i, 'tpu-v6e'],
  [/Ascend 910B\b/i, 'ascend-910b'],
  [/Ascend 910C\b/i, 'ascend-910c'],
  [/MI300X\b/i, 'mi300x'],
  [/\bV100\b/i, 'v100'],
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
      .replace(/\.{2,}/g, '.')
      .replace(/-*\.-*/g, '.')
      .replace(/^[-.]+|[-.]+$/g, '') || 'model'
  );
}

function blocOf(countries: string[]): Model['bloc'] {
  const first = countries[0] ?? '';
  if (first === 'United States of America') return 'United States';
  if (first === 'China' || first === 'Hong Kong') return 'China';
  if (EUROPE.has(first)) return 'Europe';
  return 'Other';
}

const short = (s: string, n = 280) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function convertEpochRows(rows: CsvRow[]): EpochConversion {
  const models: Model[] = [];
  const rejects: EpochReject[] = [];
  const droppedFields: Record<string, number> = {};
  const usedIds = new Map<string, number>();
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
    const chipId = HARDWARE.find(([re]) => re.test(hardware.split(',')[0] ?? ''))?.[1];
    if (hardware && !chipId) drop('chip: hardware not in the chips table');
    const language = /language/i.test(pick(row, 'domain'));
    const confidence = pick(row, 'confidence');
    const flopNotes = pick(row, 'flopNotes');
    const cost = number('cost', 'cost');
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
    const notes = [
      link ? `Paper: ${link}` : '',
      cost !== undefined ? `Epoch's amortised hardware + energy cost: ${formatValue(cost, 'usd')} (2023 USD; not a rental price).` : '',
      hardware && !chipId ? `Training hardware: ${hardware}.` : '',
      pick(row, 'base') ? `Base model: ${pick(row, 'base')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');

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
      ...opt('trainingTokens', sourced(tokens, 'Epoch training dataset size; may differ from tokens seen (epochs).')),
      ...(chipId ? { chipId } : {}),
      ...opt('chipCount', sourced(chipCount)),
      ...opt('trainingDurationHours', sourced(hours)),
      benchmarks: {},
      ...(notes ? { notes } : {}),
    };
    const parsed = modelSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return rejects.push({ row: rowNo, model: name, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    }
    models.push(parsed.data);
  });
  return { models, rejects, droppedFields };
}

function opt<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}
