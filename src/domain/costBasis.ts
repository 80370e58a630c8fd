/**
 * What one GPU-hour costs under each cost basis. Pure, shared by the full derivation and the fast
 * path in estimate.ts so the two cannot price an hour differently.
 *
 *   rental     USD/GPU-h = per-chip price if set, else the GPU price slider
 *   market     USD/GPU-h = per-chip price if set, else the chip's public rental price listed
 *                          closest before the run (the latest on or before it), else the slider
 *   amortized  USD/GPU-h = value at training start × r·ln(10) ÷ hours per year ÷ (1 − interconnect share)
 *                          + W per GPU × PUE × USD per kWh
 *     value at training start = acquisition price (× server overhead for a board price)
 *                               × 10^(−r × years from hardware availability to training start)
 *
 * The amortized basis is Epoch AI's method (Cottier et al., "The rising costs of training frontier
 * AI models", arXiv:2405.21015, §2 and Appendix A; constants from their training-cost-trends
 * repository): hardware loses value at the ML GPU price-performance trend, r = 0.14 orders of
 * magnitude a year, so an hour of use costs the value it loses in that hour, r·ln(10)/year of the
 * value. A chip without a sourced acquisition price falls back to the rental price, and says so.
 */
import type { Chip, DatedPrice, Model, Sourced } from '../data/schema';
import type { Assumptions, CostBasis } from './assumptions';
import { releaseTimeMs } from './dates';

const DAY_MS = 86_400_000;
/** Cottier et al. (DAYS_PER_YEAR = 365.25) */
export const HOURS_PER_YEAR = 24 * 365.25;
const YEAR_MS = HOURS_PER_YEAR * 3_600_000;
/** Cottier et al.: a run ends about 60 days before the model is published */
export const PUBLICATION_LAG_DAYS = 60;
/** Cottier et al.: the median training time of the running top-10 models, 793.5 hours, when a run's is unknown */
export const MEDIAN_TRAINING_HOURS = 793.5;
/** Cottier et al.: GPUs enter service 90 days after release (or when the price was observed, if later) */
export const DEPLOYMENT_LAG_DAYS = 90;

/** Estimated start of the training run: publication − training time − 60 days (Cottier et al.). */
const startCache = new WeakMap<Model, number>();
export function trainingStartMs(model: Model): number {
  let ms = startCache.get(model);
  if (ms === undefined) {
    const hours = model.trainingDurationHours?.value ?? MEDIAN_TRAINING_HOURS;
    ms = dateMs(model.releaseDate) - hours * 3_600_000 - PUBLICATION_LAG_DAYS * DAY_MS;
    startCache.set(model, ms);
  }
  return ms;
}

/** Dates parse once: the market and amortized bases read them for every model on every slider step. */
const dateCache = new Map<string, number>();
function dateMs(iso: string): number {
  let ms = dateCache.get(iso);
  if (ms === undefined) dateCache.set(iso, (ms = releaseTimeMs(iso)));
  return ms;
}

/** The listed rental price that applied when the run started: the latest on or before it, else the earliest. */
export function marketPriceAt(chip: Chip, atMs: number): DatedPrice | undefined {
  const prices = chip.marketPrices;
  if (!prices || prices.length === 0) return undefined;
  let before: DatedPrice | undefined;
  let beforeMs = -Infinity;
  let after: DatedPrice | undefined;
  let afterMs = Infinity;
  for (const p of prices) {
    const t = dateMs(p.date);
    if (t <= atMs && t > beforeMs) [before, beforeMs] = [p, t];
    if (t > atMs && t < afterMs) [after, afterMs] = [p, t];
  }
  return before ?? after;
}

export interface AmortizedRate {
  /** USD per accelerator as sourced or set by the user */
  purchaseUsd: number;
  /** the sourced price, when the user has not set their own */
  purchaseSource?: Sourced;
  includesServer: boolean;
  /** per accelerator, with its share of the server */
  serverUsd: number;
  acquisitionMs: number;
  startMs: number;
  yearsInService: number;
  valueAtStartUsd: number;
  hardwareUsdPerHour: number;
  /** hardware plus its share of cluster-level interconnect */
  clusterUsdPerHour: number;
  energyUsdPerHour: number;
}

export interface CostRate {
  basis: CostBasis;
  /** what actually priced the hour */
  pricedBy: 'slider' | 'per-chip' | 'market' | 'amortized';
  usdPerGpuHour: number;
  lo: number;
  hi: number;
  /** set when the chosen basis had no data for this chip and the GPU price stood in */
  fallback?: string;
  market?: DatedPrice;
  amortized?: AmortizedRate;
}

function rental(chip: Chip | undefined, a: Assumptions, basis: CostBasis, fallback?: string): CostRate {
  const own = chip ? a.usdPerGpuHourByChip[chip.id] : undefined;
  const price = own ?? a.usdPerGpuHour;
  // the assumption bands are about the slider's price, so they widen only a slider-priced hour
  const lo = a.bands ? Math.min(price, a.priceBand[0]) : price;
  const hi = a.bands ? Math.max(price, a.priceBand[1]) : price;
  return {
    basis,
    pricedBy: own !== undefined ? 'per-chip' : 'slider',
    usdPerGpuHour: price,
    lo,
    hi,
    ...(fallback ? { fallback } : {}),
  };
}

function amortizedRate(model: Model, chip: Chip, a: Assumptions): AmortizedRate | undefined {
  const user = a.purchaseUsdByChip[chip.id];
  const sourced = chip.purchasePrice;
  if (user === undefined && !sourced) return undefined;
  // a price the user types is per accelerator board; a sourced one says whether a server is in it
  const includesServer = user === undefined && sourced ? sourced.includesServer : false;
  const purchaseUsd = user ?? sourced?.price.value ?? 0;
  const serverUsd = includesServer ? purchaseUsd : purchaseUsd * a.serverOverhead;
  const released = chip.releaseDate ? dateMs(chip.releaseDate) + DEPLOYMENT_LAG_DAYS * DAY_MS : -Infinity;
  const priced = sourced ? dateMs(sourced.date) : -Infinity;
  const acquisitionMs = Math.max(released, priced);
  // a run cannot start on hardware before it exists: no appreciation before acquisition
  const startMs = Math.max(trainingStartMs(model), acquisitionMs);
  const yearsInService = Number.isFinite(acquisitionMs) ? (startMs - acquisitionMs) / YEAR_MS : 0;
  const r = a.depreciationOomPerYear;
  const valueAtStartUsd = serverUsd * 10 ** (-r * yearsInService);
  const hardwareUsdPerHour = (valueAtStartUsd * r * Math.LN10) / HOURS_PER_YEAR;
  const clusterUsdPerHour = hardwareUsdPerHour / (1 - a.interconnectShare);
  const energyUsdPerHour = ((a.wattsPerGpu * a.pue) / 1000) * a.usdPerKwh;
  return {
    purchaseUsd,
    ...(user === undefined && sourced ? { purchaseSource: sourced.price } : {}),
    includesServer,
    serverUsd,
    acquisitionMs,
    startMs,
    yearsInService,
    valueAtStartUsd,
    hardwareUsdPerHour,
    clusterUsdPerHour,
    energyUsdPerHour,
  };
}

/** The price of one GPU-hour of `model`'s run on `chip` under the assumptions' cost basis. */
export function costRate(model: Model, chip: Chip | undefined, a: Assumptions): CostRate {
  const basis = a.costBasis;
  if (basis === 'rental' || !chip) return rental(chip, a, basis);
  if (basis === 'market') {
    if (a.usdPerGpuHourByChip[chip.id] !== undefined) return rental(chip, a, basis);
    const listed = marketPriceAt(chip, trainingStartMs(model));
    if (!listed)
      return rental(chip, a, basis, `no sourced market price for ${chip.name}: the GPU price slider is used`);
    const v = listed.price.value;
    return { basis, pricedBy: 'market', usdPerGpuHour: v, lo: v, hi: v, market: listed };
  }
  const am = amortizedRate(model, chip, a);
  if (!am)
    return rental(
      chip,
      a,
      basis,
      `no sourced acquisition price for ${chip.name}: priced at the GPU price (rental) instead`,
    );
  const v = am.clusterUsdPerHour + am.energyUsdPerHour;
  return { basis, pricedBy: 'amortized', usdPerGpuHour: v, lo: v, hi: v, amortized: am };
}
