/**
 * Importers for user data: the app's JSON schema, the app's own CSV export, and Epoch AI's CSV.
 * They never throw on bad input: every problem is reported with its row, field, what was
 * expected and what was found, and the valid rows are returned beside the problems so the user
 * can choose to keep them. Rows are numbered as a spreadsheet shows them (header = row 1) for
 * CSV, and from 1 for JSON arrays.
 */
import type { z } from 'zod';
import { convertEpochRows } from './epoch';
import type { ImportProblem } from './importProblem';
// kept here too for callers that import the whole importer
export { describeProblem, type ImportProblem } from './importProblem';
import { unneutralise } from './csv';
import { BLOCS, modelSchema, STATUSES, type Model, type Sourced } from './schema';
import benchmarksJson from '../../data/benchmarks.json';
import { benchmarkColumnName, DATA_COLUMN_NAMES, IDENTITY_NAMES, STATUS_WORDS, withUnit } from './columnNames';


export type ImportFormat = 'json' | 'app-csv' | 'epoch-csv';

export interface ImportResult {
  format: ImportFormat | 'unknown';
  totalRows: number;
  models: Model[];
  problems: ImportProblem[];
  timings?: { parseMs: number; validateMs: number };
}


const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === '') return 'an empty cell';
  // JSON quotes a string and writes any other value zod reports; String() only for what JSON cannot write
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const SLUG = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const MAX_ROWS = 200_000;

function zodProblems(issues: readonly z.core.$ZodIssue[], row: number, id: string | undefined): ImportProblem[] {
  return issues.map((i) => {
    const field = i.path.map(String).join('.') || '(record)';
    const got = 'input' in i ? show(i.input) : 'an invalid value';
    let expected = i.message;
    if (i.code === 'invalid_type') expected = `a ${i.expected}`;
    else if (i.code === 'unrecognized_keys') return { row, field: i.keys.join(', '), expected: 'only the schema’s fields', got: 'unknown field(s)' };
    else if (i.code === 'invalid_value') expected = `one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return { row, field: id ? `${field} (model "${id}")` : field, expected, got };
  });
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds a key that could reach Object.prototype if some code merged this object naively. */
function forbiddenKeyPath(v: unknown, path: string[] = [], depth = 0): string | undefined {
  if (!v || typeof v !== 'object' || depth > 6) return undefined;
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return [...path, k].join('.');
    const inner = forbiddenKeyPath((v as Record<string, unknown>)[k], [...path, k], depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

function checkModels(candidates: unknown[], rowOf: (i: number) => number): { models: Model[]; problems: ImportProblem[] } {
  const models: Model[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    const row = rowOf(i);
    const bad = forbiddenKeyPath(c);
    if (bad) {
      problems.push({ row, field: bad, expected: 'ordinary field names', got: `the reserved key "${bad.split('.').pop() ?? ''}"` });
      return;
    }
    const parsed = modelSchema.safeParse(c);
    const rawId = (c as { id?: unknown } | null | undefined)?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    if (!parsed.success) {
      // parse again with the offending input attached, only for the rows that fail
      const detailed = modelSchema.safeParse(c, { reportInput: true });
      problems.push(...zodProblems(detailed.success ? parsed.error.issues : detailed.error.issues, row, id));
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ row, field: 'id', expected: 'an id not used by an earlier row', got: show(parsed.data.id) });
      return;
    }
    seen.add(parsed.data.id);
    models.push({ ...parsed.data, userSupplied: true });
  });
  return { models, problems };
}

/** The app's JSON: `{ models: [...] }` (our export) or a bare array of models. */
export function importJson(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { format: 'json', totalRows: 0, models: [], problems: [{ field: 'file', expected: 'valid JSON', got: `a syntax error (${(e as Error).message})` }] };
  }
  const inner = (raw as { models?: unknown } | null)?.models;
  const list = Array.isArray(raw) ? raw : Array.isArray(inner) ? inner : undefined;
  if (!list) return { format: 'json', totalRows: 0, models: [], problems: [{ field: 'file', expected: 'an object with a "models" array, or an array of models', got: show(raw) }] };
  if (list.length > MAX_ROWS) return { format: 'json', totalRows: list.length, models: [], problems: [{ field: 'file', expected: `at most ${MAX_ROWS} models`, got: `${list.length}` }] };
  const { models, problems } = checkModels(list, (i) => i + 1);
  return { format: 'json', totalRows: list.length, models, problems };
}

/** CSV column id (as our table export writes it) -> model field. Estimates computed by the app are not data and are skipped. */
const CSV_FIELDS: Record<string, keyof Model> = {
  totalParams: 'totalParams',
  activeParams: 'activeParams',
  tokens: 'trainingTokens',
  flopReported: 'trainingFlop',
  gpuHoursReported: 'gpuHours',
  trainingDuration: 'trainingDurationHours',
  reportedCost: 'reportedCostUsd',
  chipCount: 'chipCount',
  priceIn: 'usdPerMillionInputTokens',
  priceOut: 'usdPerMillionOutputTokens',
};

/** The app's CSV names a column as the table does ("Params (total)"); older exports used ids ("totalParams (count)"). */
const NAME_TO_FIELD = new Map<string, string>([
  ...Object.entries(DATA_COLUMN_NAMES).map(([id, name]) => [name, id] as [string, string]),
  ...Object.entries(DATA_COLUMN_NAMES).map(([id, name]) => [withUnit(name, id === 'trainingDuration' ? 'hours' : undefined), id] as [string, string]),
  ...parseBenchmarksNames(),
]);

function parseBenchmarksNames(): [string, string][] {
  const list = (benchmarksJson as { benchmarks?: { id: string; name: string; unit: string }[] }).benchmarks ?? [];
  return list.map((b) => [benchmarkColumnName(b), `bench:${b.id}`]);
}

/** Status words as the screen and the CSV write them, back to the schema's statuses. */
const STATUS_FROM_WORDS = new Map<string, string>([
  ...STATUSES.map((st) => [st, st] as [string, string]),
  ...Object.entries(STATUS_WORDS).map(([st, word]) => [word.toLowerCase(), st] as [string, string]),
]);

export function detectCsvFormat(headers: string[]): ImportFormat | 'unknown' {
  const h = new Set(headers.map((x) => x.trim()));
  if (h.has('id') && h.has('name')) return 'app-csv';
  if (h.has(IDENTITY_NAMES.id) && h.has(IDENTITY_NAMES.name)) return 'app-csv';
  if ((h.has('Model') || h.has('System')) && h.has('Publication date')) return 'epoch-csv';
  return 'unknown';
}

/** Rows parsed with a header row (papaparse `header: true`). */
export function importCsvRecords(records: Record<string, string | undefined>[], headers: string[]): ImportResult {
  return importCsvTable(
    headers,
    records.map((r) => headers.map((h) => r[h] ?? '')),
  );
}

/**
 * The CSV as a header and rows of cells (papaparse `header: false`, the fast path for big files:
 * columns are resolved to indices once instead of looked up by name in every row).
 */
export function importCsvTable(headers: string[], rows: string[][]): ImportResult {
  const format = detectCsvFormat(headers);
  if (rows.length > MAX_ROWS)
    return { format, totalRows: rows.length, models: [], problems: [{ field: 'file', expected: `at most ${MAX_ROWS} rows`, got: `${rows.length}` }] };
  if (format === 'epoch-csv') {
    const records = rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])) as Record<string, string | undefined>);
    const { models, rejects } = convertEpochRows(records);
    const checked = checkModels(models, () => 0);
    return {
      format,
      totalRows: rows.length,
      models: checked.models,
      problems: [
        ...rejects.map((r) => ({
          row: r.row + 1,
          field: r.reason.includes('date') ? 'Publication date' : r.reason.includes('organization') ? 'Organization' : 'Model',
          expected: 'a value',
          got: r.reason,
        })),
        // converted rows the schema still refused are reported too, never dropped quietly
        ...checked.problems.map((p) => ({ ...p, row: undefined })),
      ],
    };
  }
  if (format === 'unknown')
    return {
      format,
      totalRows: rows.length,
      models: [],
      problems: [{ field: 'header', expected: 'the app’s CSV columns (id, name, …) or Epoch AI’s (Model, Publication date, …)', got: show(headers.slice(0, 6).join(', ')) }],
    };

  const col = new Map(headers.map((h, i) => [h.trim(), i]));
  const at = (name: string) => col.get(name) ?? -1;
  // value columns: "Params (total)" with "Params (total) status", "… source", "… source URL" (on-screen
  // names), or an older export's "<id> (<unit>)" with "<id> status", "<id> source", "<id> source url"
  const valueCols = headers
    .map((h, i) => {
      const name = h.trim();
      const byName = NAME_TO_FIELD.get(name);
      if (byName) return { id: byName, prefix: name, url: 'source URL', i };
      const id = /^(.+?) \([^)]*\)$/.exec(name)?.[1];
      return id === undefined ? undefined : { id, prefix: id, url: 'source url', i };
    })
    .filter((c): c is NonNullable<typeof c> => c !== undefined && (Object.hasOwn(CSV_FIELDS, c.id) || c.id.startsWith('bench:')))
    .map((c) => ({
      id: c.id,
      value: c.i,
      status: at(`${c.prefix} status`),
      title: at(`${c.prefix} source`),
      url: at(`${c.prefix} ${c.url}`),
      low: at(`${c.prefix} low`),
      high: at(`${c.prefix} high`),
      note: at(`${c.prefix} note`),
      field: c.id.startsWith('bench:') ? `benchmarks.${c.id.slice(6)}` : (CSV_FIELDS[c.id] as string),
      bench: c.id.startsWith('bench:') ? c.id.slice(6) : undefined,
    }));
  const either = (key: keyof typeof IDENTITY_NAMES) => (at(key) >= 0 ? at(key) : at(IDENTITY_NAMES[key]));
  const idx = {
    id: either('id'),
    name: either('name'),
    lab: either('lab'),
    country: either('country'),
    bloc: either('bloc'),
    releaseDate: either('releaseDate'),
    openWeights: either('openWeights'),
    architecture: either('architecture'),
    chipId: either('chipId'),
    baseModelId: either('baseModelId'),
    licence: either('licence'),
    notes: either('notes'),
    releaseTitle: either('releaseSource'),
    releaseUrl: either('releaseSource url'),
  };

  const problems: ImportProblem[] = [];
  const candidates: unknown[] = [];
  const rowNumbers: number[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: number): string | undefined => {
      if (k < 0) return undefined;
      const v = cells[k];
      return v === undefined ? undefined : unneutralise(v.trim());
    };
    const rowProblems: ImportProblem[] = [];
    const name = cell(idx.name) ?? '';
    const id = cell(idx.id) ?? '';
    const bloc = cell(idx.bloc) ?? '';
    if (!(BLOCS as readonly string[]).includes(bloc)) rowProblems.push({ row, field: 'bloc', expected: `one of ${BLOCS.join(', ')}`, got: show(bloc) });
    const owRaw = cell(idx.openWeights);
    const ow = (owRaw ?? '').toLowerCase();
    if (!['true', 'false', 'open', 'closed'].includes(ow)) rowProblems.push({ row, field: 'openWeights', expected: 'true or false', got: show(owRaw) });
    const chipId = cell(idx.chipId);
    const baseModelId = cell(idx.baseModelId);
    const licence = cell(idx.licence);
    const modelNotes = cell(idx.notes);
    const releaseTitle = cell(idx.releaseTitle);
    const releaseUrl = cell(idx.releaseUrl);
    const model: Record<string, unknown> = {
      id,
      name,
      lab: cell(idx.lab) ?? '',
      country: cell(idx.country) ?? '',
      bloc,
      releaseDate: cell(idx.releaseDate) ?? '',
      openWeights: ow === 'true' || ow === 'open',
      architecture: cell(idx.architecture) || 'unknown',
      ...(chipId ? { chipId } : {}),
      ...(baseModelId ? { baseModelId } : {}),
      ...(licence ? { licence } : {}),
      ...(modelNotes ? { notes: modelNotes } : {}),
      ...(releaseTitle || releaseUrl ? { releaseSource: { title: releaseTitle ?? '', url: releaseUrl ?? '' } } : {}),
      benchmarks: {} as Record<string, Sourced>,
    };
    for (const vc of valueCols) {
      const raw = cell(vc.value) ?? '';
      const statusWord = (cell(vc.status) ?? '').toLowerCase();
      if (raw === '' && (statusWord === '' || statusWord === 'unknown')) continue;
      if (statusWord.startsWith('computed')) continue; // an estimate the app made, not data
      const status = STATUS_FROM_WORDS.get(statusWord) ?? statusWord;
      const field = vc.field;
      const n = Number(raw);
      // a score of 0 is a real result; a size, cost or count of 0 means the cell was mis-filled
      const zeroAllowed = vc.bench !== undefined;
      if (raw === '' || !Number.isFinite(n) || n < 0 || (n === 0 && !zeroAllowed)) {
        rowProblems.push({ row, field, expected: zeroAllowed ? 'a number ≥ 0' : 'a positive number', got: show(raw) });
        continue;
      }
      if (!(STATUSES as readonly string[]).includes(status)) {
        rowProblems.push({ row, field: `${field} status`, expected: 'disclosed, estimate or leak', got: show(status) });
        continue;
      }
      const title = cell(vc.title) ?? '';
      const url = cell(vc.url) ?? '';
      if (!/^https?:\/\//i.test(url) || !URL.canParse(url) || title.length < 3) {
        rowProblems.push({ row, field: `${field} source`, expected: 'a source title and an http(s) URL', got: show(url || title || '') });
        continue;
      }
      const lowRaw = cell(vc.low) ?? '';
      const highRaw = cell(vc.high) ?? '';
      const note = cell(vc.note) ?? '';
      let range: [number, number] | undefined;
      if (lowRaw !== '' || highRaw !== '') {
        const lo = Number(lowRaw);
        const hi = Number(highRaw);
        if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= n && n <= hi)) {
          rowProblems.push({ row, field: `${field} range`, expected: `low ≤ ${n} ≤ high`, got: show(`${lowRaw}–${highRaw}`) });
          continue;
        }
        range = [lo, hi];
      }
      const sourced: Sourced = { value: n, status: status as Sourced['status'], source: { title, url }, ...(range ? { range } : {}), ...(note ? { note } : {}) };
      if (vc.bench !== undefined) {
        // the key is checked before it is used, so "__proto__" and friends never reach an object
        if (!SLUG.test(vc.bench)) {
          rowProblems.push({ row, field: `benchmark column ${show(vc.id)}`, expected: 'a benchmark id like "mmlu"', got: show(vc.bench) });
          continue;
        }
        (model.benchmarks as Record<string, Sourced>)[vc.bench] = sourced;
      } else model[field] = sourced;
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }
    candidates.push(model);
    rowNumbers.push(row);
  });
  const checked = checkCsvModels(candidates as Record<string, unknown>[], rowNumbers);
  return { format, totalRows: rows.length, models: checked.models, problems: [...problems, ...checked.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

/**
 * CSV rows are objects this module built itself: every number, status, source and range was
 * checked cell by cell above and benchmark keys were checked against the id pattern. Only the
 * identity fields still need the schema, so only they go through zod (about 3× faster than the
 * whole model on a 10,000-row file).
 */
const identitySchema = modelSchema.pick({
  id: true,
  name: true,
  lab: true,
  country: true,
  bloc: true,
  releaseDate: true,
  releaseSource: true,
  openWeights: true,
  licence: true,
  architecture: true,
  baseModelId: true,
  chipId: true,
  notes: true,
});
const IDENTITY_KEYS = new Set(Object.keys(identitySchema.shape));

function checkCsvModels(candidates: Record<string, unknown>[], rowNumbers: number[]): { models: Model[]; problems: ImportProblem[] } {
  const models: Model[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    const row = rowNumbers[i] ?? 0;
    const identity: Record<string, unknown> = {};
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) (IDENTITY_KEYS.has(k) ? identity : values)[k] = v;
    const parsed = identitySchema.safeParse(identity);
    if (!parsed.success) {
      const detailed = identitySchema.safeParse(identity, { reportInput: true });
      problems.push(...zodProblems(detailed.success ? parsed.error.issues : detailed.error.issues, row, typeof c.id === 'string' ? c.id : undefined));
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ row, field: 'id', expected: 'an id not used by an earlier row', got: show(parsed.data.id) });
      return;
    }
    seen.add(parsed.data.id);
    models.push({ ...(values as Omit<Model, keyof typeof identity>), ...parsed.data, userSupplied: true } as Model);
  });
  return { models, problems };
}
