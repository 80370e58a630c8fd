/**
 * URL <-> state. Parameter names are a public interface (permalinks in articles): keep them.
 *   mfu (fraction) · price (USD/GPU-hour) · power (W/GPU) · pue · basis (auto|6nd|reported)
 *   chip (default chip id) · base (1|0: include base-model run) · mult (full-cost multiplier)
 *   rehost (chip id: what-if) · bands (1|0) · mfuband (0.3-0.5) · priceband (1-3)
 *   view · x · y · logx · logy · color · models (comma-separated ids) · sel · dataset
 *   q (text filter) · bloc · open (open|closed) · arch · lab (repeatable) · from · to (release years)
 *   dv (dataset version the link was made with)
 *   fit (1|0: trend line) · subset (all|china|us|europe|records) · pareto (1|0: frontier)
 *   io (input tokens per output token for blended API prices, default 3)
 *   note (repeatable: model-id:text, the reader's annotations)
 *   cap, capanchor, caplambda, capbound, capslope, capmin, capfrom, capdrop, capdistilled, capdata,
 *   capci: the capability fit's settings (see capabilityUrl.ts); y=capability plots it
 *   costbasis (rental|market|amortized: how a GPU-hour is priced; rental is the default)
 *   serverx (server overhead ×, amortized) · netshare (interconnect share of cluster cost, 0–0.5)
 *   deprec (depreciation, orders of magnitude per year) · kwh (electricity, USD per kWh)
 *   hwprice (per-chip acquisition prices, USD per accelerator: h100:30000,a100:12000)
 *   sort (table sort: comma-separated column ids, a leading - for descending: sort=-cost,name)
 *   cols (table columns changed from the defaults: an id shows it, -id hides it: cols=impliedMfu,-lab)
 * Bad values are clamped or ignored, and each one produces a notice naming the parameter.
 */
import {
  BOUNDS,
  BASES,
  COST_BASES,
  DEFAULT_ASSUMPTIONS,
  type Assumptions,
  type Basis,
  type CostBasis,
} from '../domain/assumptions';
import { BLOCS } from '../data/constants';
import {
  DEFAULT_CAPABILITY_URL_STATE,
  parseCapabilityParams,
  serializeCapabilityParams,
  type CapabilityUrlState,
} from './capabilityUrl';

export const VIEWS = ['scatter', 'capability', 'bars', 'table', 'compare', 'trends', 'hardware', 'sources'] as const;
export type View = (typeof VIEWS)[number];
export const COLOR_BYS = ['bloc', 'lab', 'open'] as const;
export type ColorBy = (typeof COLOR_BYS)[number];
export const X_AXES = [
  'flop',
  'gpuHours',
  'cost',
  'energy',
  'totalParams',
  'activeParams',
  'tokens',
  'date',
  'apiPrice',
] as const;
export type XAxis = (typeof X_AXES)[number];
/** the stitched capability index as an axis (y=capability) */
export const CAPABILITY_METRIC = 'capability';

export interface Filters {
  text: string;
  blocs: string[];
  openWeights: 'all' | 'open' | 'closed';
  architecture: 'all' | 'dense' | 'moe';
  labs: string[];
  fromYear?: number;
  toYear?: number;
}
export const DEFAULT_FILTERS: Filters = { text: '', blocs: [], openWeights: 'all', architecture: 'all', labs: [] };

export interface ViewState {
  view: View;
  x: XAxis;
  /** a benchmark id, or a metric from X_AXES (compute over time) */
  y: string;
  logX: boolean;
  logY: boolean;
  colorBy: ColorBy;
  labels: boolean;
  selectedId?: string;
  compareIds: string[];
  /** draw a least-squares trend with its bootstrap band */
  fit: boolean;
  /** which models the trend is fitted to */
  fitSubset: FitSubset;
  /** draw the Pareto frontier (more score for less) */
  pareto: boolean;
  /** input tokens per output token for blended API prices */
  ioRatio: number;
  /** the reader's highlights: model id -> short note, drawn on charts and in exports */
  notes: Record<string, string>;
  /** the table's sort, first key first */
  sort: ColumnSort[];
  /** table columns the reader showed (true) or hid (false); every other column keeps its default */
  columns: Record<string, boolean>;
}

export interface ColumnSort {
  id: string;
  desc: boolean;
}

export const FIT_SUBSETS = ['all', 'china', 'us', 'europe', 'records'] as const;
export type FitSubset = (typeof FIT_SUBSETS)[number];
export const DEFAULT_VIEW: ViewState = {
  view: 'scatter',
  x: 'cost',
  y: 'mmlu',
  logX: true,
  logY: false,
  colorBy: 'bloc',
  labels: true,
  compareIds: [],
  fit: false,
  fitSubset: 'all',
  pareto: false,
  ioRatio: 3,
  notes: {},
  sort: [],
  columns: {},
};

export interface UrlState {
  assumptions: Assumptions;
  filters: Filters;
  view: ViewState;
  datasetId: string;
  /** the dataset version the link was made with (dv); a different version is pointed out */
  datasetVersion?: string;
  /** the capability fit's settings; absent means the defaults */
  capability?: CapabilityUrlState;
}

export interface ParseResult {
  state: UrlState;
  notices: string[];
}

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

function num(
  params: URLSearchParams,
  key: string,
  bounds: { min: number; max: number },
  fallback: number,
  notices: string[],
  label: string,
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) {
    notices.push(`Ignored ${key}=${JSON.stringify(raw.slice(0, 40))}: ${label} must be a number; using ${fallback}.`);
    return fallback;
  }
  if (n < bounds.min || n > bounds.max) {
    const clamped = Math.min(bounds.max, Math.max(bounds.min, n));
    notices.push(
      `${key}=${raw.slice(0, 40)} is outside ${label}'s range ${bounds.min}–${bounds.max}; using ${clamped}.`,
    );
    return clamped;
  }
  return n;
}

export const MAX_NOTE_LENGTH = 140;
const MAX_NOTES = 100;

/** A model's note, if it has one: own keys only, so an id like "constructor" is never mistaken for one. */
export function noteOf(notes: Readonly<Record<string, string>>, id: string): string | undefined {
  return Object.hasOwn(notes, id) ? notes[id] : undefined;
}

/** note=gpt-4:Leaked figures (repeatable). Keys go into a prototype-free object. */
function parseNotes(values: string[], notices: string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (values.length > MAX_NOTES) notices.push(`Only the first ${MAX_NOTES} of ${values.length} notes were kept.`);
  for (const raw of values.slice(0, MAX_NOTES)) {
    const i = raw.indexOf(':');
    const id = i > 0 ? raw.slice(0, i) : '';
    const text =
      i > 0
        ? raw
            .slice(i + 1)
            .trim()
            .slice(0, MAX_NOTE_LENGTH)
        : '';
    if (!ID.test(id) || text === '') {
      notices.push(`Ignored note=${JSON.stringify(raw.slice(0, 40))}: expected model-id:text.`);
      continue;
    }
    out[id] = text;
  }
  return { ...out };
}

/** A table column id: "cost", "bench:mmlu". */
const COLUMN_ID = /^[a-zA-Z][a-zA-Z0-9]*(?::[a-z0-9]+(?:[.-][a-z0-9]+)*)?$/;
const MAX_COLUMNS = 60;

/** sort=-cost,name: column ids, a leading "-" for descending. */
function parseSort(raw: string | null, notices: string[]): ColumnSort[] {
  if (raw === null || raw === '') return [];
  const out: ColumnSort[] = [];
  const bad: string[] = [];
  for (const part of raw.split(',').slice(0, MAX_COLUMNS)) {
    const desc = part.startsWith('-');
    const id = desc ? part.slice(1) : part;
    if (COLUMN_ID.test(id) && !out.some((c) => c.id === id)) out.push({ id, desc });
    else bad.push(part);
  }
  if (bad.length > 0)
    notices.push(
      `Ignored ${JSON.stringify(bad.join(',').slice(0, 40))} in sort: expected column ids, - for descending.`,
    );
  return out;
}

/** cols=impliedMfu,-lab: columns shown (id) or hidden (-id) against the defaults. */
function parseColumns(raw: string | null, notices: string[]): Record<string, boolean> {
  const out: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  if (raw === null || raw === '') return {};
  const bad: string[] = [];
  for (const part of raw.split(',').slice(0, MAX_COLUMNS)) {
    const hide = part.startsWith('-');
    const id = hide ? part.slice(1) : part;
    if (COLUMN_ID.test(id)) out[id] = !hide;
    else bad.push(part);
  }
  if (bad.length > 0)
    notices.push(`Ignored ${JSON.stringify(bad.join(',').slice(0, 40))} in cols: expected column ids, - to hide one.`);
  return { ...out };
}

/** "0.3-0.5": a low–high band inside the slider's bounds. */
function band(
  params: URLSearchParams,
  key: string,
  bounds: { min: number; max: number },
  fallback: readonly [number, number],
  notices: string[],
): readonly [number, number] {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const m = /^([\d.]+)-([\d.]+)$/.exec(raw.trim());
  const lo = m ? Number(m[1]) : Number.NaN;
  const hi = m ? Number(m[2]) : Number.NaN;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi && lo >= bounds.min && hi <= bounds.max)) {
    notices.push(
      `Ignored ${key}=${JSON.stringify(raw.slice(0, 40))}: expected low-high within ${bounds.min}–${bounds.max}.`,
    );
    return fallback;
  }
  return [lo, hi];
}

/** "h100:2.5,a100:1.2": chip id -> number within bounds; a bad part is dropped with a notice naming the parameter. */
function perChip(
  params: URLSearchParams,
  key: string,
  bounds: { min: number; max: number },
  notices: string[],
  label: string,
): Record<string, number> {
  const raw = params.get(key);
  const byChip: Record<string, number> = {};
  if (!raw) return byChip;
  for (const part of raw.split(',')) {
    const [id, value] = part.split(':');
    const n = Number(value);
    if (
      id &&
      ID.test(id) &&
      value !== undefined &&
      value.trim() !== '' &&
      Number.isFinite(n) &&
      n >= bounds.min &&
      n <= bounds.max
    )
      byChip[id] = n;
    else
      notices.push(
        `Ignored per-chip ${label} ${JSON.stringify(part.slice(0, 40))} in ${key}: expected chip-id:number within ${bounds.min}–${bounds.max}.`,
      );
  }
  return byChip;
}

function oneOf<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
  fallback: T,
  notices: string[],
): T {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  notices.push(`Ignored ${key}=${JSON.stringify(raw.slice(0, 40))}: expected one of ${allowed.join(', ')}.`);
  return fallback;
}

function flag(params: URLSearchParams, key: string, fallback: boolean, notices: string[]): boolean {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  notices.push(`Ignored ${key}=${JSON.stringify(raw.slice(0, 40))}: expected 1 or 0.`);
  return fallback;
}

function ids(params: URLSearchParams, key: string, notices: string[], max = 50): string[] {
  const raw = params.get(key);
  if (raw === null || raw === '') return [];
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const good = parts.filter((p) => ID.test(p));
  if (good.length < parts.length) notices.push(`Ignored ${parts.length - good.length} malformed id(s) in ${key}.`);
  return [...new Set(good)].slice(0, max);
}

/** Parses a query string; never throws. Unknown model ids are checked later against the dataset. */
export function parseUrl(search: string): ParseResult {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: defaults(), notices: ['The link could not be read; showing defaults.'] };
  }
  const d = DEFAULT_ASSUMPTIONS;
  const chipRaw = params.get('chip');
  let defaultChipId = d.defaultChipId;
  if (chipRaw !== null) {
    if (ID.test(chipRaw)) defaultChipId = chipRaw;
    else notices.push(`Ignored chip=${JSON.stringify(chipRaw.slice(0, 40))}: not a chip id.`);
  }
  const assumptions: Assumptions = {
    mfu: num(params, 'mfu', BOUNDS.mfu, d.mfu, notices, 'MFU (a fraction, e.g. 0.35)'),
    usdPerGpuHour: num(params, 'price', BOUNDS.usdPerGpuHour, d.usdPerGpuHour, notices, 'GPU price'),
    usdPerGpuHourByChip: {},
    wattsPerGpu: num(params, 'power', BOUNDS.wattsPerGpu, d.wattsPerGpu, notices, 'Power per GPU'),
    pue: num(params, 'pue', BOUNDS.pue, d.pue, notices, 'PUE'),
    basis: oneOf<Basis>(params, 'basis', BASES, d.basis, notices),
    defaultChipId,
    includeBaseRun: flag(params, 'base', d.includeBaseRun, notices),
    costMultiplier: num(params, 'mult', BOUNDS.costMultiplier, d.costMultiplier, notices, 'cost multiplier'),
    bands: flag(params, 'bands', d.bands, notices),
    mfuBand: band(params, 'mfuband', BOUNDS.mfu, d.mfuBand, notices),
    priceBand: band(params, 'priceband', BOUNDS.usdPerGpuHour, d.priceBand, notices),
    costBasis: oneOf<CostBasis>(params, 'costbasis', COST_BASES, d.costBasis, notices),
    serverOverhead: num(params, 'serverx', BOUNDS.serverOverhead, d.serverOverhead, notices, 'server overhead'),
    interconnectShare: num(
      params,
      'netshare',
      BOUNDS.interconnectShare,
      d.interconnectShare,
      notices,
      'interconnect share',
    ),
    depreciationOomPerYear: num(
      params,
      'deprec',
      BOUNDS.depreciationOomPerYear,
      d.depreciationOomPerYear,
      notices,
      'depreciation (orders of magnitude per year)',
    ),
    usdPerKwh: num(params, 'kwh', BOUNDS.usdPerKwh, d.usdPerKwh, notices, 'electricity price'),
    purchaseUsdByChip: perChip(params, 'hwprice', BOUNDS.purchaseUsd, notices, 'acquisition price'),
  };
  const rehost = params.get('rehost');
  if (rehost !== null) {
    if (ID.test(rehost)) assumptions.rehostChipId = rehost;
    else notices.push(`Ignored rehost=${JSON.stringify(rehost.slice(0, 40))}: not a chip id.`);
  }
  // per-chip prices: cp=h100:2.5,a100:1.2
  assumptions.usdPerGpuHourByChip = perChip(params, 'cp', BOUNDS.usdPerGpuHour, notices, 'price');

  const v = DEFAULT_VIEW;
  const yRaw = params.get('y');
  let y = v.y;
  if (yRaw !== null) {
    if (ID.test(yRaw) || (X_AXES as readonly string[]).includes(yRaw) || yRaw === CAPABILITY_METRIC) y = yRaw;
    else notices.push(`Ignored y=${JSON.stringify(yRaw.slice(0, 40))}: not a benchmark id or metric.`);
  }
  const selRaw = params.get('sel');
  const view: ViewState = {
    view: oneOf(params, 'view', VIEWS, v.view, notices),
    x: oneOf(params, 'x', X_AXES, v.x, notices),
    y,
    logX: flag(params, 'logx', v.logX, notices),
    logY: flag(params, 'logy', v.logY, notices),
    colorBy: oneOf(params, 'color', COLOR_BYS, v.colorBy, notices),
    labels: flag(params, 'labels', v.labels, notices),
    compareIds: ids(params, 'models', notices, 4),
    fit: flag(params, 'fit', v.fit, notices),
    fitSubset: oneOf(params, 'subset', FIT_SUBSETS, v.fitSubset, notices),
    pareto: flag(params, 'pareto', v.pareto, notices),
    ioRatio: num(params, 'io', { min: 0, max: 100 }, v.ioRatio, notices, 'input:output ratio'),
    notes: parseNotes(params.getAll('note'), notices),
    sort: parseSort(params.get('sort'), notices),
    columns: parseColumns(params.get('cols'), notices),
    ...(selRaw !== null && ID.test(selRaw) ? { selectedId: selRaw } : {}),
  };
  if (selRaw !== null && !ID.test(selRaw)) notices.push(`Ignored sel: not a model id.`);
  if (view.x === 'date' && view.logX) {
    if (params.get('logx') !== null) notices.push('Ignored logx=1: a release-date axis has no log scale.');
    view.logX = false;
  }

  const year = (key: string) => {
    const raw = params.get(key);
    if (raw === null) return undefined;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1950 && n <= 2100) return n;
    notices.push(`Ignored ${key}=${JSON.stringify(raw.slice(0, 40))}: expected a year.`);
    return undefined;
  };
  const blocsRaw = params.get('bloc');
  const blocs = blocsRaw ? blocsRaw.split(',').filter((b) => (BLOCS as readonly string[]).includes(b)) : [];
  if (blocsRaw && blocs.length < blocsRaw.split(',').length)
    notices.push(`Ignored unknown bloc(s) in bloc=; expected ${BLOCS.join(', ')}.`);
  const fromYear = year('from');
  const toYear = year('to');
  const filters: Filters = {
    text: (params.get('q') ?? '').slice(0, 200),
    blocs,
    openWeights: oneOf(params, 'open', ['all', 'open', 'closed'] as const, 'all', notices),
    architecture: oneOf(params, 'arch', ['all', 'dense', 'moe'] as const, 'all', notices),
    // one lab per `lab` parameter (names may contain commas: "Acme, Inc.")
    labs: params
      .getAll('lab')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 50),
    ...(fromYear !== undefined ? { fromYear } : {}),
    ...(toYear !== undefined ? { toYear } : {}),
  };
  const datasetRaw = params.get('dataset');
  let datasetId = 'curated';
  if (datasetRaw !== null) {
    if (ID.test(datasetRaw) && datasetRaw.length <= 80) datasetId = datasetRaw;
    else
      notices.push(
        `Ignored dataset=${JSON.stringify(datasetRaw.slice(0, 40))}: expected curated, epoch or an imported dataset's id.`,
      );
  }
  const dv = params.get('dv');
  const datasetVersion = dv !== null && /^[\w.-]{1,40}$/.test(dv) ? dv : undefined;
  if (dv !== null && datasetVersion === undefined) notices.push('Ignored dv: not a dataset version.');
  const capability = parseCapabilityParams(params, notices);
  return {
    state: { assumptions, filters, view, datasetId, ...(datasetVersion ? { datasetVersion } : {}), capability },
    notices,
  };
}

export function defaults(): UrlState {
  return {
    assumptions: { ...DEFAULT_ASSUMPTIONS },
    filters: { ...DEFAULT_FILTERS },
    view: { ...DEFAULT_VIEW },
    datasetId: 'curated',
    capability: DEFAULT_CAPABILITY_URL_STATE,
  };
}

/** Only values that differ from the defaults are written, so shared links stay short and readable. */
export function serializeUrl(s: UrlState): string {
  const p = new URLSearchParams();
  const a = s.assumptions;
  const d = DEFAULT_ASSUMPTIONS;
  if (s.datasetId !== 'curated') p.set('dataset', s.datasetId);
  if (s.datasetVersion) p.set('dv', s.datasetVersion);
  if (s.view.view !== DEFAULT_VIEW.view) p.set('view', s.view.view);
  if (a.mfu !== d.mfu) p.set('mfu', String(a.mfu));
  if (a.usdPerGpuHour !== d.usdPerGpuHour) p.set('price', String(a.usdPerGpuHour));
  if (a.wattsPerGpu !== d.wattsPerGpu) p.set('power', String(a.wattsPerGpu));
  if (a.pue !== d.pue) p.set('pue', String(a.pue));
  if (a.basis !== d.basis) p.set('basis', a.basis);
  if (a.defaultChipId !== d.defaultChipId) p.set('chip', a.defaultChipId);
  if (a.includeBaseRun !== d.includeBaseRun) p.set('base', a.includeBaseRun ? '1' : '0');
  if (a.costMultiplier !== d.costMultiplier) p.set('mult', String(a.costMultiplier));
  if (a.rehostChipId) p.set('rehost', a.rehostChipId);
  if (a.bands !== d.bands) p.set('bands', a.bands ? '1' : '0');
  if (a.mfuBand[0] !== d.mfuBand[0] || a.mfuBand[1] !== d.mfuBand[1])
    p.set('mfuband', `${a.mfuBand[0]}-${a.mfuBand[1]}`);
  if (a.priceBand[0] !== d.priceBand[0] || a.priceBand[1] !== d.priceBand[1])
    p.set('priceband', `${a.priceBand[0]}-${a.priceBand[1]}`);
  const cp = Object.entries(a.usdPerGpuHourByChip);
  if (cp.length > 0) p.set('cp', cp.map(([k, v]) => `${k}:${v}`).join(','));
  if (a.costBasis !== d.costBasis) p.set('costbasis', a.costBasis);
  if (a.serverOverhead !== d.serverOverhead) p.set('serverx', String(a.serverOverhead));
  if (a.interconnectShare !== d.interconnectShare) p.set('netshare', String(a.interconnectShare));
  if (a.depreciationOomPerYear !== d.depreciationOomPerYear) p.set('deprec', String(a.depreciationOomPerYear));
  if (a.usdPerKwh !== d.usdPerKwh) p.set('kwh', String(a.usdPerKwh));
  const hw = Object.entries(a.purchaseUsdByChip);
  if (hw.length > 0) p.set('hwprice', hw.map(([k, v]) => `${k}:${v}`).join(','));
  const v = s.view;
  if (v.x !== DEFAULT_VIEW.x) p.set('x', v.x);
  if (v.y !== DEFAULT_VIEW.y) p.set('y', v.y);
  if (v.logX !== DEFAULT_VIEW.logX) p.set('logx', v.logX ? '1' : '0');
  if (v.logY !== DEFAULT_VIEW.logY) p.set('logy', v.logY ? '1' : '0');
  if (v.colorBy !== DEFAULT_VIEW.colorBy) p.set('color', v.colorBy);
  if (v.labels !== DEFAULT_VIEW.labels) p.set('labels', v.labels ? '1' : '0');
  if (v.compareIds.length > 0) p.set('models', v.compareIds.join(','));
  if (v.fit !== DEFAULT_VIEW.fit) p.set('fit', v.fit ? '1' : '0');
  if (v.fitSubset !== DEFAULT_VIEW.fitSubset) p.set('subset', v.fitSubset);
  if (v.pareto !== DEFAULT_VIEW.pareto) p.set('pareto', v.pareto ? '1' : '0');
  if (v.ioRatio !== DEFAULT_VIEW.ioRatio) p.set('io', String(v.ioRatio));
  for (const [id, text] of Object.entries(v.notes)) p.append('note', `${id}:${text}`);
  if (v.sort.length > 0) p.set('sort', v.sort.map((c) => `${c.desc ? '-' : ''}${c.id}`).join(','));
  const cols = Object.entries(v.columns);
  if (cols.length > 0) p.set('cols', cols.map(([id, shown]) => `${shown ? '' : '-'}${id}`).join(','));
  if (v.selectedId) p.set('sel', v.selectedId);
  const f = s.filters;
  if (f.text) p.set('q', f.text);
  if (f.blocs.length > 0) p.set('bloc', f.blocs.join(','));
  if (f.openWeights !== 'all') p.set('open', f.openWeights);
  if (f.architecture !== 'all') p.set('arch', f.architecture);
  for (const lab of f.labs) p.append('lab', lab);
  if (f.fromYear !== undefined) p.set('from', String(f.fromYear));
  if (f.toYear !== undefined) p.set('to', String(f.toYear));
  if (s.capability) serializeCapabilityParams(s.capability, p);
  const out = p.toString();
  return out ? `?${out}` : '';
}
