/**
 * The estimation engine: the only place the app turns data and assumptions into training
 * FLOP, GPU-hours, cost and energy. Pure functions, no React, no store.
 *
 *   FLOP       = 6 · N_active · D            (Kaplan et al. 2020, arXiv:2001.08361, §2.1)
 *   GPU-hours  = FLOP ÷ (peak dense BF16 FLOP/s × MFU × 3600)
 *   cost       = GPU-hours × USD per GPU-hour × full-cost multiplier
 *   energy     = GPU-hours × W per GPU × PUE
 *
 * Disclosed figures are never replaced: a lab's GPU-hours are used as they are, a lab's FLOP
 * outranks 6·N·D, and a reported cost is returned beside the computed one.
 */
import type { Chip, Model, Source, Sourced, Status } from '../data/schema';
import { assertValidAssumptions, type Assumptions } from './assumptions';
import { computeParamsOf } from './params';
import {
  SECONDS_PER_HOUR,
  WATTS_PER_MEGAWATT,
  type Flop,
  type Fraction,
  type GpuHours,
  type Megawatts,
  type Mwh,
  type Range,
  type Usd,
} from './units';

/** Where a shown number comes from: a data status, or computed here from inputs. */
export type Provenance = Status | 'computed';

/** The assumption sliders a computed value moves with. */
export type AssumptionKey =
  'mfu' | 'usdPerGpuHour' | 'wattsPerGpu' | 'pue' | 'defaultChipId' | 'costMultiplier' | 'rehostChipId';

export interface InputUsed {
  /** what this input is, e.g. "active parameters (DeepSeek-V3)" */
  label: string;
  value: number;
  range?: Range;
  unit:
    | 'count'
    | 'flop'
    | 'flop/s'
    | 'gpu-hours'
    | 'usd/gpu-hour'
    | 'watts'
    | 'fraction'
    | 'ratio'
    | 'usd'
    | 'hours'
    | 'score'
    | 'mwh'
    | 'usd/mtok';
  /** 'assumption' = a slider value; 'computed' = an earlier step of this derivation */
  status: Status | 'assumption' | 'computed';
  source?: Source;
  note?: string;
}

export interface Quantity<T extends number> {
  value: T;
  /** low–high, propagated from the inputs' ranges (equal to [value, value] when exact) */
  range: Range<T>;
  provenance: Provenance;
  /** the formula or rule that produced it, for the derivation card */
  method: string;
  inputs: InputUsed[];
  /** sliders that move this value; empty for disclosed figures */
  movesWith: AssumptionKey[];
  /** set when provenance is a data status */
  source?: Source;
  note?: string;
}

export type FlopBasisUsed = 'disclosed' | '6nd' | 'third-party';

export interface RunEstimate {
  modelId: string;
  /** 6 · N_active, FLOP per training token */
  flopPerToken?: Quantity<Flop>;
  trainingFlop?: Quantity<Flop>;
  flopBasis?: FlopBasisUsed;
  /** true when the requested basis had no data and the engine fell back to the auto order */
  basisFallback: boolean;
  chip?: { id: string; name: string; assumed: boolean; rehosted?: boolean };
  gpuHours?: Quantity<GpuHours>;
  /** a leaked or third-party GPU-hour figure (or chip count × duration), shown beside, not used */
  gpuHoursBeside?: Quantity<GpuHours>;
  costUsd?: Quantity<Usd>;
  energyMwh?: Quantity<Mwh>;
  clusterPowerMw?: Quantity<Megawatts>;
  impliedMfu?: Quantity<Fraction>;
  /** why a figure could not be estimated, for the UI to say "unknown because …" */
  missing: string[];
}

export interface Estimate extends RunEstimate {
  reportedCostUsd?: Sourced;
  /** the base model's run when the model is post-trained and the assumption includes it */
  baseRun?: RunEstimate;
  /** own run + base run (equal to own run when there is no base) */
  totalCostUsd?: Quantity<Usd>;
  totalGpuHours?: Quantity<GpuHours>;
  totalEnergyMwh?: Quantity<Mwh>;
}

export interface EstimationContext {
  chipsById: ReadonlyMap<string, Chip>;
  modelsById: ReadonlyMap<string, Model>;
}

export function makeContext(models: readonly Model[], chips: readonly Chip[]): EstimationContext {
  return {
    chipsById: new Map(chips.map((c) => [c.id, c])),
    modelsById: new Map(models.map((m) => [m.id, m])),
  };
}

const rangeOf = (s: Sourced): Range => s.range ?? [s.value, s.value];

const fromData = <T extends number>(s: Sourced, method: string): Quantity<T> => ({
  value: s.value as T,
  range: rangeOf(s) as Range<T>,
  provenance: s.status,
  method,
  inputs: [],
  movesWith: [],
  source: s.source,
  ...(s.note ? { note: s.note } : {}),
});

const input = (label: string, s: Sourced, unit: InputUsed['unit']): InputUsed => ({
  label,
  value: s.value,
  ...(s.range ? { range: s.range } : {}),
  unit,
  status: s.status,
  source: s.source,
  ...(s.note ? { note: s.note } : {}),
});

const assumption = (label: string, value: number, unit: InputUsed['unit']): InputUsed => ({
  label,
  value,
  unit,
  status: 'assumption',
});

const mulRange = (...rs: Range[]): Range => [rs.reduce((p, r) => p * r[0], 1), rs.reduce((p, r) => p * r[1], 1)];
const point = (n: number): Range => [n, n];
const span = <T extends number>(lo: number, hi: number): Range<T> => [lo as T, hi as T];

function flopPerTokenOf(model: Model): Quantity<Flop> | undefined {
  // MoE models compute with their active parameters; for dense ones total = active.
  const n = computeParamsOf(model);
  if (!n) return undefined;
  const { params, kind: which } = n;
  return {
    value: (6 * params.value) as Flop,
    range: mulRange(point(6), rangeOf(params)) as Range<Flop>,
    provenance: 'computed',
    method: `6 · N (${which})`,
    inputs: [input(which, params, 'count')],
    movesWith: [],
  };
}

function trainingFlopOf(
  model: Model,
  basis: Assumptions['basis'],
): { q?: Quantity<Flop>; used?: FlopBasisUsed; fallback: boolean; perToken?: Quantity<Flop> } {
  const perToken = flopPerTokenOf(model);
  const reported = model.trainingFlop;
  const disclosed = reported?.status === 'disclosed' ? reported : undefined;
  const thirdParty = reported && reported.status !== 'disclosed' ? reported : undefined;

  const sixND = (): Quantity<Flop> | undefined => {
    if (!perToken || !model.trainingTokens) return undefined;
    const tokens = model.trainingTokens;
    return {
      value: (perToken.value * tokens.value) as Flop,
      range: mulRange(perToken.range, rangeOf(tokens)) as Range<Flop>,
      provenance: 'computed',
      method: '6 · N_active · D',
      inputs: [...perToken.inputs, input('training tokens', tokens, 'count')],
      movesWith: [],
    };
  };
  const fromReported = (s: Sourced) =>
    fromData<Flop>(s, s.status === 'disclosed' ? 'training FLOP disclosed by the lab' : `training FLOP (${s.status})`);

  const auto = () => {
    if (disclosed) return { q: fromReported(disclosed), used: 'disclosed' as const };
    const computed = sixND();
    if (computed) return { q: computed, used: '6nd' as const };
    if (thirdParty) return { q: fromReported(thirdParty), used: 'third-party' as const };
    return {};
  };

  if (basis === '6nd') {
    const computed = sixND();
    if (computed) return { q: computed, used: '6nd', fallback: false, perToken };
    return { ...auto(), fallback: reported !== undefined, perToken };
  }
  if (basis === 'reported') {
    if (reported)
      return { q: fromReported(reported), used: disclosed ? 'disclosed' : 'third-party', fallback: false, perToken };
    return { ...auto(), fallback: sixND() !== undefined, perToken };
  }
  return { ...auto(), fallback: false, perToken };
}

function chipFor(model: Model, a: Assumptions, ctx: EstimationContext) {
  const rehost = a.rehostChipId ? ctx.chipsById.get(a.rehostChipId) : undefined;
  if (rehost) return { chip: rehost, assumed: false, rehosted: true };
  const own = model.chipId ? ctx.chipsById.get(model.chipId) : undefined;
  if (own) return { chip: own, assumed: false };
  const fallback = ctx.chipsById.get(a.defaultChipId);
  return fallback ? { chip: fallback, assumed: true } : undefined;
}

function priceFor(chipId: string | undefined, a: Assumptions): number {
  const own = chipId !== undefined ? a.usdPerGpuHourByChip[chipId] : undefined;
  return own ?? a.usdPerGpuHour;
}

/** The MFU and price used for the low and high ends of ranges: the point value, widened by the bands when on. */
function spread(a: Assumptions, price: number) {
  return a.bands
    ? {
        mfuLo: Math.min(a.mfu, a.mfuBand[0]),
        mfuHi: Math.max(a.mfu, a.mfuBand[1]),
        priceLo: Math.min(price, a.priceBand[0]),
        priceHi: Math.max(price, a.priceBand[1]),
      }
    : { mfuLo: a.mfu, mfuHi: a.mfu, priceLo: price, priceHi: price };
}

/** Estimates one training run (a model's own, without its base model). */
export function estimateRun(model: Model, a: Assumptions, ctx: EstimationContext): RunEstimate {
  const missing: string[] = [];
  const { q: trainingFlop, used: flopBasis, fallback, perToken } = trainingFlopOf(model, a.basis);
  if (!trainingFlop) missing.push('training FLOP: no disclosed FLOP, no parameters × tokens, no third-party estimate');

  const chipPick = chipFor(model, a, ctx);
  const chip = chipPick?.chip;
  const peak = chip?.peakBf16FlopPerSec;

  // GPU-hours: the lab's own figure wins; otherwise computed from FLOP and the MFU assumption.
  let gpuHours: Quantity<GpuHours> | undefined;
  let gpuHoursBeside: Quantity<GpuHours> | undefined;
  const dataGpuHours = model.gpuHours;
  const rehosted = chipPick?.rehosted === true;
  if (dataGpuHours?.status === 'disclosed' && !rehosted) {
    gpuHours = fromData<GpuHours>(dataGpuHours, 'GPU-hours disclosed by the lab');
  } else {
    if (dataGpuHours && rehosted) {
      gpuHoursBeside = fromData<GpuHours>(
        dataGpuHours,
        `GPU-hours of the real run (${dataGpuHours.status}), shown beside the what-if`,
      );
    } else if (dataGpuHours) {
      gpuHoursBeside = fromData<GpuHours>(
        dataGpuHours,
        `GPU-hours (${dataGpuHours.status}), shown beside the estimate`,
      );
    } else if (model.chipCount && model.trainingDurationHours) {
      const c = model.chipCount;
      const d = model.trainingDurationHours;
      const status: Status =
        c.status === 'disclosed' && d.status === 'disclosed'
          ? 'disclosed'
          : c.status === 'leak' || d.status === 'leak'
            ? 'leak'
            : 'estimate';
      gpuHoursBeside = {
        value: (c.value * d.value) as GpuHours,
        range: mulRange(rangeOf(c), rangeOf(d)) as Range<GpuHours>,
        provenance: status,
        method: 'chip count × training duration, shown beside the estimate',
        inputs: [input('chip count', c, 'count'), input('training duration', d, 'hours')],
        movesWith: [],
      };
    }
    if (trainingFlop && chip && peak) {
      const denom = peak.value * a.mfu * SECONDS_PER_HOUR;
      const peakRange = rangeOf(peak);
      const { mfuLo, mfuHi } = spread(a, 0);
      gpuHours = {
        value: (trainingFlop.value / denom) as GpuHours,
        // more FLOP, a slower chip or a lower MFU all mean more hours: low uses the high ends
        range: span<GpuHours>(
          trainingFlop.range[0] / (peakRange[1] * mfuHi * SECONDS_PER_HOUR),
          trainingFlop.range[1] / (peakRange[0] * mfuLo * SECONDS_PER_HOUR),
        ),
        provenance: 'computed',
        method: rehosted
          ? `what if: training FLOP ÷ (${chip.name} peak BF16 FLOP/s × MFU × 3600)`
          : 'training FLOP ÷ (peak BF16 FLOP/s × MFU × 3600)',
        inputs: [
          {
            label: `training FLOP (${trainingFlop.method})`,
            value: trainingFlop.value,
            range: trainingFlop.range,
            unit: 'flop',
            status: trainingFlop.provenance,
            ...(trainingFlop.source ? { source: trainingFlop.source } : {}),
          },
          input(`${chip.name} peak dense BF16`, peak, 'flop/s'),
          assumption('MFU', a.mfu, 'fraction'),
        ],
        movesWith: chipPick?.assumed ? ['mfu', 'defaultChipId'] : rehosted ? ['mfu', 'rehostChipId'] : ['mfu'],
      };
    } else if (trainingFlop && chip && !peak) {
      missing.push(`GPU-hours: ${chip.name} has no sourced peak BF16 FLOP/s`);
    } else if (trainingFlop && !chip) {
      missing.push('GPU-hours: no training chip known and no default chip');
    } else if (!trainingFlop) {
      missing.push('GPU-hours: not disclosed and no training FLOP to compute them from');
    }
  }

  let costUsd: Quantity<Usd> | undefined;
  let energyMwh: Quantity<Mwh> | undefined;
  if (gpuHours) {
    const price = priceFor(chip?.id, a);
    const perChip = chip && a.usdPerGpuHourByChip[chip.id] !== undefined;
    const { priceLo, priceHi } = spread(a, price);
    costUsd = {
      value: (gpuHours.value * price * a.costMultiplier) as Usd,
      range: span<Usd>(gpuHours.range[0] * priceLo * a.costMultiplier, gpuHours.range[1] * priceHi * a.costMultiplier),
      provenance: 'computed',
      method:
        a.costMultiplier === 1 ? 'GPU-hours × USD per GPU-hour' : 'GPU-hours × USD per GPU-hour × full-cost multiplier',
      inputs: [
        gpuHoursInput(gpuHours),
        assumption(perChip ? `GPU price for ${chip?.name ?? ''}` : 'GPU price', price, 'usd/gpu-hour'),
        ...(a.costMultiplier !== 1 ? [assumption('full-cost multiplier', a.costMultiplier, 'ratio')] : []),
      ],
      movesWith: [
        ...gpuHours.movesWith,
        'usdPerGpuHour',
        ...(a.costMultiplier !== 1 ? (['costMultiplier'] as const) : []),
      ],
    };
    const mwhPerGpuHour = (a.wattsPerGpu * a.pue) / WATTS_PER_MEGAWATT;
    energyMwh = {
      value: (gpuHours.value * mwhPerGpuHour) as Mwh,
      range: span<Mwh>(gpuHours.range[0] * mwhPerGpuHour, gpuHours.range[1] * mwhPerGpuHour),
      provenance: 'computed',
      method: 'GPU-hours × W per GPU × PUE',
      inputs: [
        gpuHoursInput(gpuHours),
        assumption('Power per GPU', a.wattsPerGpu, 'watts'),
        assumption('PUE', a.pue, 'ratio'),
      ],
      movesWith: [...gpuHours.movesWith, 'wattsPerGpu', 'pue'],
    };
  }

  let clusterPowerMw: Quantity<Megawatts> | undefined;
  if (model.chipCount) {
    const mwPerChip = (a.wattsPerGpu * a.pue) / WATTS_PER_MEGAWATT;
    clusterPowerMw = {
      value: (model.chipCount.value * mwPerChip) as Megawatts,
      range: span<Megawatts>(rangeOf(model.chipCount)[0] * mwPerChip, rangeOf(model.chipCount)[1] * mwPerChip),
      provenance: 'computed',
      method: 'chip count × W per GPU × PUE',
      inputs: [
        input('chip count', model.chipCount, 'count'),
        assumption('Power per GPU', a.wattsPerGpu, 'watts'),
        assumption('PUE', a.pue, 'ratio'),
      ],
      movesWith: ['wattsPerGpu', 'pue'],
    };
  }

  // Implied MFU only means something when the hours are a measurement, not our own estimate.
  let impliedMfu: Quantity<Fraction> | undefined;
  if (trainingFlop && gpuHours && gpuHours.provenance !== 'computed' && chip && peak) {
    const v = trainingFlop.value / (gpuHours.value * SECONDS_PER_HOUR * peak.value);
    impliedMfu = {
      value: v as Fraction,
      range: span<Fraction>(
        trainingFlop.range[0] / (gpuHours.range[1] * SECONDS_PER_HOUR * rangeOf(peak)[1]),
        trainingFlop.range[1] / (gpuHours.range[0] * SECONDS_PER_HOUR * rangeOf(peak)[0]),
      ),
      provenance: 'computed',
      method: 'training FLOP ÷ (GPU-hours × 3600 × peak BF16 FLOP/s)',
      inputs: [
        {
          label: `training FLOP (${trainingFlop.method})`,
          value: trainingFlop.value,
          unit: 'flop',
          status: trainingFlop.provenance,
        },
        gpuHoursInput(gpuHours),
        input(`${chip.name} peak dense BF16`, peak, 'flop/s'),
      ],
      movesWith: [],
    };
  }

  return {
    modelId: model.id,
    ...(perToken ? { flopPerToken: perToken } : {}),
    ...(trainingFlop ? { trainingFlop } : {}),
    ...(flopBasis ? { flopBasis } : {}),
    basisFallback: fallback,
    ...(chip
      ? {
          chip: {
            id: chip.id,
            name: chip.name,
            assumed: chipPick?.assumed ?? false,
            ...(rehosted ? { rehosted } : {}),
          },
        }
      : {}),
    ...(gpuHours ? { gpuHours } : {}),
    ...(gpuHoursBeside ? { gpuHoursBeside } : {}),
    ...(costUsd ? { costUsd } : {}),
    ...(energyMwh ? { energyMwh } : {}),
    ...(clusterPowerMw ? { clusterPowerMw } : {}),
    ...(impliedMfu ? { impliedMfu } : {}),
    missing,
  };
}

function gpuHoursInput(q: Quantity<GpuHours>): InputUsed {
  return {
    label: q.provenance === 'computed' ? 'GPU-hours (estimated)' : 'GPU-hours',
    value: q.value,
    range: q.range,
    unit: 'gpu-hours',
    status: q.provenance,
    ...(q.source ? { source: q.source } : {}),
  };
}

function sumQuantities<T extends number>(
  own: Quantity<T> | undefined,
  base: Quantity<T> | undefined,
  label: string,
): Quantity<T> | undefined {
  if (!own || !base) return own;
  return {
    value: (own.value + base.value) as T,
    range: [(own.range[0] + base.range[0]) as T, (own.range[1] + base.range[1]) as T],
    provenance: own.provenance === 'computed' || base.provenance === 'computed' ? 'computed' : own.provenance,
    method: `own run + base model run (${label})`,
    inputs: [],
    movesWith: [...new Set([...own.movesWith, ...base.movesWith])],
  };
}

/** Estimates a model: its own run, and for post-trained models optionally its base model's run. */
export function estimateModel(model: Model, assumptions: Assumptions, ctx: EstimationContext): Estimate {
  const a = assertValidAssumptions(assumptions);
  const own = estimateRun(model, a, ctx);
  const base = a.includeBaseRun && model.baseModelId ? ctx.modelsById.get(model.baseModelId) : undefined;
  // A base chain longer than one (R1 on V3 on V2) is not in the data; one level keeps cycles impossible.
  const baseRun = base && base.id !== model.id ? estimateRun(base, a, ctx) : undefined;
  const baseLabel = base?.name ?? '';
  return {
    ...own,
    ...(model.reportedCostUsd ? { reportedCostUsd: model.reportedCostUsd } : {}),
    ...(baseRun ? { baseRun } : {}),
    ...optional('totalCostUsd', sumQuantities(own.costUsd, baseRun?.costUsd, baseLabel)),
    ...optional('totalGpuHours', sumQuantities(own.gpuHours, baseRun?.gpuHours, baseLabel)),
    ...optional('totalEnergyMwh', sumQuantities(own.energyMwh, baseRun?.energyMwh, baseLabel)),
  };
}

function optional<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}

/** Estimates every model once; callers (selectors) memoize on (models, chips, assumptions). */
export function estimateAll(models: readonly Model[], chips: readonly Chip[], assumptions: Assumptions): Estimate[] {
  const ctx = makeContext(models, chips);
  assertValidAssumptions(assumptions);
  return models.map((m) => estimateModel(m, assumptions, ctx));
}

/**
 * The same estimates as `estimateModel`, as plain numbers and no derivation detail: what charts,
 * sorting and filtering need for every model on every slider step (10,000 models in a few ms,
 * where the full derivation takes ~10 µs a model). `estimate.test.ts` checks the two agree.
 */
export interface FastQuantity {
  value: number;
  lo: number;
  hi: number;
  provenance: Provenance;
}

export interface FastEstimate {
  flop?: FastQuantity;
  gpuHours?: FastQuantity;
  costUsd?: FastQuantity;
  energyMwh?: FastQuantity;
  /** own run + base run when the assumption includes it, else equal to the own run */
  totalCostUsd?: FastQuantity;
  totalEnergyMwh?: FastQuantity;
}

const fq = (value: number, lo: number, hi: number, provenance: Provenance): FastQuantity => ({
  value,
  lo,
  hi,
  provenance,
});
const fromSourcedFast = (s: Sourced): FastQuantity =>
  fq(s.value, s.range ? s.range[0] : s.value, s.range ? s.range[1] : s.value, s.status);

function fastFlop(model: Model, basis: Assumptions['basis']): FastQuantity | undefined {
  const params = computeParamsOf(model)?.params;
  const tokens = model.trainingTokens;
  const sixNd =
    params && tokens
      ? fq(
          6 * params.value * tokens.value,
          6 * (params.range ? params.range[0] : params.value) * (tokens.range ? tokens.range[0] : tokens.value),
          6 * (params.range ? params.range[1] : params.value) * (tokens.range ? tokens.range[1] : tokens.value),
          'computed',
        )
      : undefined;
  const reported = model.trainingFlop;
  if (basis === '6nd' && sixNd) return sixNd;
  if (basis === 'reported' && reported) return fromSourcedFast(reported);
  if (reported?.status === 'disclosed') return fromSourcedFast(reported);
  if (sixNd) return sixNd;
  return reported ? fromSourcedFast(reported) : undefined;
}

function fastRun(model: Model, a: Assumptions, ctx: EstimationContext): FastEstimate {
  const flopQ = fastFlop(model, a.basis);
  const rehost = a.rehostChipId ? ctx.chipsById.get(a.rehostChipId) : undefined;
  const own = model.chipId ? ctx.chipsById.get(model.chipId) : undefined;
  const chip = rehost ?? own ?? ctx.chipsById.get(a.defaultChipId);
  const peak = chip?.peakBf16FlopPerSec;
  let gpuHoursQ: FastQuantity | undefined;
  if (model.gpuHours?.status === 'disclosed' && !rehost) gpuHoursQ = fromSourcedFast(model.gpuHours);
  else if (flopQ && peak) {
    const pLo = peak.range ? peak.range[0] : peak.value;
    const pHi = peak.range ? peak.range[1] : peak.value;
    const { mfuLo, mfuHi } = spread(a, 0);
    gpuHoursQ = fq(
      flopQ.value / (peak.value * a.mfu * SECONDS_PER_HOUR),
      flopQ.lo / (pHi * mfuHi * SECONDS_PER_HOUR),
      flopQ.hi / (pLo * mfuLo * SECONDS_PER_HOUR),
      'computed',
    );
  }
  const out: FastEstimate = {};
  if (flopQ) out.flop = flopQ;
  if (gpuHoursQ) {
    out.gpuHours = gpuHoursQ;
    const price = (chip ? a.usdPerGpuHourByChip[chip.id] : undefined) ?? a.usdPerGpuHour;
    const { priceLo, priceHi } = spread(a, price);
    const m = a.costMultiplier;
    out.costUsd = fq(gpuHoursQ.value * price * m, gpuHoursQ.lo * priceLo * m, gpuHoursQ.hi * priceHi * m, 'computed');
    const e = (a.wattsPerGpu * a.pue) / WATTS_PER_MEGAWATT;
    out.energyMwh = fq(gpuHoursQ.value * e, gpuHoursQ.lo * e, gpuHoursQ.hi * e, 'computed');
  }
  return out;
}

const addFast = (x: FastQuantity | undefined, y: FastQuantity | undefined): FastQuantity | undefined =>
  x && y
    ? fq(
        x.value + y.value,
        x.lo + y.lo,
        x.hi + y.hi,
        x.provenance === 'computed' || y.provenance === 'computed' ? 'computed' : x.provenance,
      )
    : x;

export function estimateFast(model: Model, a: Assumptions, ctx: EstimationContext): FastEstimate {
  const own = fastRun(model, a, ctx);
  const base = a.includeBaseRun && model.baseModelId ? ctx.modelsById.get(model.baseModelId) : undefined;
  const baseRun = base && base.id !== model.id ? fastRun(base, a, ctx) : undefined;
  const total = addFast(own.costUsd, baseRun?.costUsd);
  const totalE = addFast(own.energyMwh, baseRun?.energyMwh);
  if (total) own.totalCostUsd = total;
  if (totalE) own.totalEnergyMwh = totalE;
  return own;
}
