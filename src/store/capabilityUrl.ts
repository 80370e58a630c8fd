/**
 * The capability fit's settings in the URL (public names: keep them).
 *   cap=published  Ho et al. 2025's settings on Epoch's data (other cap* parameters then adjust it)
 *   capanchor (benchmark id) · caplambda (λ, 0–10) · capbound (|C|, |D| bound, 1–50)
 *   capslope (low-high slope bounds, e.g. 0.1-10) · capmin (distinct benchmarks per version, 1–20)
 *   capfrom (earliest release, YYYY-MM-DD, or "any") · capdrop (benchmark ids left out, comma-separated)
 *   capdistilled (1|0) · capdata (epoch|all) · capci (curvature|bootstrap: how the 90% intervals are made)
 * Only what differs from the app's defaults is written; the published settings are written as
 * cap=published alone.
 */
import {
  CAPABILITY_BOUNDS,
  CAPABILITY_DATA_CHOICES,
  DEFAULT_CAPABILITY_SETTINGS,
  PUBLISHED_SETTINGS,
  sameSettings,
  type CapabilityDataChoice,
  type CapabilitySettings,
} from '../domain/capability/settings';

export type IntervalMethod = 'curvature' | 'bootstrap';
export const INTERVAL_METHODS: readonly IntervalMethod[] = ['curvature', 'bootstrap'];

export interface CapabilityUrlState {
  settings: CapabilitySettings;
  interval: IntervalMethod;
}

export const DEFAULT_CAPABILITY_URL_STATE: CapabilityUrlState = {
  settings: DEFAULT_CAPABILITY_SETTINGS,
  interval: 'curvature',
};

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const short = (s: string) => JSON.stringify(s.slice(0, 40));

function number(
  params: URLSearchParams,
  key: string,
  bounds: { min: number; max: number },
  fallback: number,
  label: string,
  notices: string[],
  integer = false,
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    notices.push(
      `Ignored ${key}=${short(raw)}: ${label} must be ${integer ? 'a whole number' : 'a number'}; using ${fallback}.`,
    );
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

export function parseCapabilityParams(params: URLSearchParams, notices: string[]): CapabilityUrlState {
  const cap = params.get('cap');
  let base = DEFAULT_CAPABILITY_SETTINGS;
  if (cap !== null) {
    if (cap === 'published') base = PUBLISHED_SETTINGS;
    else notices.push(`Ignored cap=${short(cap)}: expected "published".`);
  }
  const s: CapabilitySettings = { ...base, drop: [...base.drop] };
  const anchor = params.get('capanchor');
  if (anchor !== null) {
    if (ID.test(anchor) && anchor.length <= 80) s.anchor = anchor;
    else notices.push(`Ignored capanchor=${short(anchor)}: not a benchmark id.`);
  }
  s.lambda = number(params, 'caplambda', CAPABILITY_BOUNDS.lambda, s.lambda, 'λ', notices);
  s.bound = number(params, 'capbound', CAPABILITY_BOUNDS.bound, s.bound, 'the capability bound', notices);
  s.minBenchmarks = number(
    params,
    'capmin',
    CAPABILITY_BOUNDS.minBenchmarks,
    s.minBenchmarks,
    'the minimum benchmarks per version',
    notices,
    true,
  );
  const slope = params.get('capslope');
  if (slope !== null) {
    const m = /^([\d.]+)-([\d.]+)$/.exec(slope.trim());
    const lo = m ? Number(m[1]) : Number.NaN;
    const hi = m ? Number(m[2]) : Number.NaN;
    const b = CAPABILITY_BOUNDS.slope;
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo >= b.min && lo <= hi && hi <= b.max) {
      s.slopeMin = lo;
      s.slopeMax = hi;
    } else notices.push(`Ignored capslope=${short(slope)}: expected low-high slope bounds within ${b.min}–${b.max}.`);
  }
  const from = params.get('capfrom');
  if (from !== null) {
    if (from === 'any') delete s.from;
    else if (DAY.test(from) && !Number.isNaN(Date.parse(from))) s.from = from;
    else notices.push(`Ignored capfrom=${short(from)}: expected a date YYYY-MM-DD or "any".`);
  }
  const drop = params.get('capdrop');
  if (drop !== null) {
    const parts = drop
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const good = parts.filter((p) => ID.test(p) && p.length <= 80);
    if (good.length < parts.length)
      notices.push(`Ignored ${parts.length - good.length} malformed benchmark id(s) in capdrop.`);
    s.drop = [...new Set(good)].slice(0, 60);
  }
  const distilled = params.get('capdistilled');
  if (distilled !== null) {
    if (distilled === '1' || distilled === '0') s.distilled = distilled === '1';
    else notices.push(`Ignored capdistilled=${short(distilled)}: expected 1 or 0.`);
  }
  const data = params.get('capdata');
  if (data !== null) {
    if ((CAPABILITY_DATA_CHOICES as readonly string[]).includes(data)) s.data = data as CapabilityDataChoice;
    else notices.push(`Ignored capdata=${short(data)}: expected one of ${CAPABILITY_DATA_CHOICES.join(', ')}.`);
  }
  let interval: IntervalMethod = 'curvature';
  const ci = params.get('capci');
  if (ci !== null) {
    if ((INTERVAL_METHODS as readonly string[]).includes(ci)) interval = ci as IntervalMethod;
    else notices.push(`Ignored capci=${short(ci)}: expected one of ${INTERVAL_METHODS.join(', ')}.`);
  }
  return { settings: s, interval };
}

export function serializeCapabilityParams(state: CapabilityUrlState, p: URLSearchParams): void {
  const s = state.settings;
  if (sameSettings(s, PUBLISHED_SETTINGS)) p.set('cap', 'published');
  else {
    const d = DEFAULT_CAPABILITY_SETTINGS;
    if (s.anchor !== d.anchor) p.set('capanchor', s.anchor);
    if (s.lambda !== d.lambda) p.set('caplambda', String(s.lambda));
    if (s.bound !== d.bound) p.set('capbound', String(s.bound));
    if (s.slopeMin !== d.slopeMin || s.slopeMax !== d.slopeMax) p.set('capslope', `${s.slopeMin}-${s.slopeMax}`);
    if (s.minBenchmarks !== d.minBenchmarks) p.set('capmin', String(s.minBenchmarks));
    if (s.from !== d.from) p.set('capfrom', s.from ?? 'any');
    if (s.drop.length > 0) p.set('capdrop', [...s.drop].sort().join(','));
    if (s.distilled !== d.distilled) p.set('capdistilled', s.distilled ? '1' : '0');
    if (s.data !== d.data) p.set('capdata', s.data);
  }
  if (state.interval !== 'curvature') p.set('capci', state.interval);
}
