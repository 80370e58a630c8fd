/**
 * The estimation engine: the only place the app turns data and assumptions into training
 * FLOP, GPU-hours, cost and energy. Pure functions, no React, no store.
 *
 *   FLOP       = 6 · N_active · D            (Kaplan et al. 2020, arXiv:2001.08361, §2.1)
 *   GPU-hours  = FLOP ÷ (peak dense BF16 FLOP/s × MFU × 3600)
 *   cost       = GPU-hours × USD per GPU-hour (by cost basis, see costBasis.ts) × full-cost multiplier
 *   energy     = GPU-hours × W per GPU × PUE
 *
 * Disclosed figures are never replaced: a lab's GPU-hours are used as they are, a lab's FLOP
 * outranks 6·N·D, and a reported cost is returned beside the computed one.
 *
 * Precedence for training FLOP ("auto"): FLOP disclosed by the lab › 6·N·D when N is the active
 * parameter count and D the tokens the run actually processed › a third party's FLOP figure ›
 * 6·N·D from weaker inputs (total parameters of a model whose architecture is unknown, or a
 * dataset size without epochs), which is then flagged. A third party such as Epoch AI usually
 * had more to go on than a dataset size; 6·N·D only outranks it when its inputs are the right ones.
 */
import type { Chip, Model, Source, Sourced, Status } from '../data/schema';
import { assertValidAssumptions, type Assumptions, type CostBasis } from './assumptions';
import { costRate, type CostRate } from './costBasis';
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

/** The assumption controls a computed value moves with. */
export type AssumptionKey =
  | 'mfu'
  | 'usdPerGpuHour'
  | 'wattsPerGpu'
  | 'pue'
  | 'defaultChipId'
  | 'costMultiplier'
  | 'rehostChipId'
  | 'costBasis'
  | 'serverOverhead'
  | 'interconnectShare'
  | 'depreciationOomPerYear'
  | 'usdPerKwh';

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
    | 'usd/mtok'
    | 'usd/kwh'
    | 'years'
    | 'oom/year';
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
  /** a total that counts only the base model's run because the model's own run is unknown */
  partial?: boolean;
}

export type FlopBasisUsed = 'disclosed' | '6nd' | 'third-party';

export interface RunEstimate {
  modelId: string;
  /** 6 · N_active, FLOP per training token */
  flopPerToken?: Quantity<Flop>;
  trainingFlop?: Quantity<Flop>;
  flopBasis?: FlopBasisUsed;
  /**
   * Why the FLOP figure is the one it is when the precedence had a choice to make: "Epoch's figure
   * used: the dataset size is not tokens trained", or the caveats of a 6·N·D used as a last resort.
   */
  flopNote?: string;
  /** true when the requested basis had no data and the engine fell back to the auto order */
  basisFallback: boolean;
  chip?: { id: string; name: string; assumed: boolean; rehosted?: boolean };
  gpuHours?: Quantity<GpuHours>;
  /** a leaked or third-party GPU-hour figure (or chip count × duration), shown beside, not used */
  gpuHoursBeside?: Quantity<GpuHours>;
  costUsd?: Quantity<Usd>;
  /** the cost basis that priced this run, and why it fell back to the GPU price if it did */
  costBasis?: { basis: CostBasis; pricedBy: CostRate['pricedBy']; fallback?: string };
  energyMwh?: Quantity<Mwh>;
  clusterPowerMw?: Quantity<Megawatts>;
  impliedMfu?: Quantity<Fraction>;
  /** why a figure could not be estimated, for the UI to say "unknown because …" */
  missing: string[];
}

/** Our figure against a third party's for the same model, and why they differ when they differ much. */
export interface ReferenceCheck {
  reference: Sourced;
  /** ours ÷ theirs */
  ratio: number;
  /** set when the two are more than REFERENCE_TOLERANCE apart */
  reason?: string;
}

/** Beyond this factor either way a disagreement with Epoch's figure is explained in the card. */
export const REFERENCE_TOLERANCE = 3;

export interface Estimate extends RunEstimate {
  reportedCostUsd?: Sourced;
  /** the nearest base model's run (R1 → V3) when the model is post-trained and the assumption includes it */
  baseRun?: RunEstimate;
  /** every base run up the chain, nearest first (a fine-tune of a fine-tune has two) */
  baseRuns: RunEstimate[];
  /** post-trained, own run unknown: the totals count the base model's run only */
  postTrainingUnknown: boolean;
  /** own run + base runs (equal to own run when there is no base) */
  totalTrainingFlop?: Quantity<Flop>;
  totalCostUsd?: Quantity<Usd>;
  totalGpuHours?: Quantity<GpuHours>;
  totalEnergyMwh?: Quantity<Mwh>;
  /** our total training FLOP against Epoch AI's (which counts a fine-tune's base model too) */
  epochFlop?: ReferenceCheck;
  /** our total cost against Epoch AI's amortised cost (2023 USD) */
  epochCost?: ReferenceCheck;
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

const computedInput = (label: string, value: number, unit: InputUsed['unit']): InputUsed => ({
  label,
  value,
  unit,
  status: 'computed',
});

const mulRange = (...rs: Range[]): Range => [rs.reduce((p, r) => p * r[0], 1), rs.reduce((p, r) => p * r[1], 1)];
const point = (n: number): Range => [n, n];
const span = <T extends number>(lo: number, hi: number): Range<T> => [lo as T, hi as T];

// ---------------------------------------------------------------------------------------------
// Training FLOP: what 6·N·D can be built from, and whether it may outrank a third party's figure

interface ParamsChoice {
  params: Sourced;
  /** true when N is the active parameter count: given as such, or a dense model's total */
  active: boolean;
  label: string;
}

function paramsOf(model: Model): ParamsChoice | undefined {
  if (model.activeParams) return { params: model.activeParams, active: true, label: 'active parameters' };
  if (!model.totalParams || model.architecture === 'moe') return undefined;
  return model.architecture === 'dense'
    ? { params: model.totalParams, active: true, label: 'parameters (dense)' }
    : { params: model.totalParams, active: false, label: 'parameters (total; architecture unknown)' };
}

interface TokensChoice {
  value: number;
  lo: number;
  hi: number;
  /** true when D is tokens the run processed: stated as such, or a dataset size × epochs */
  trained: boolean;
}

/** D for 6·N·D as plain numbers (the fast path reads this for every model on every slider step). */
function tokensOf(model: Model): TokensChoice | undefined {
  const t = model.trainingTokens;
  if (!t) return undefined;
  const lo = t.range ? t.range[0] : t.value;
  const hi = t.range ? t.range[1] : t.value;
  if (model.trainingTokensKind !== 'dataset-size') return { value: t.value, lo, hi, trained: true };
  const e = model.epochs;
  if (!e) return { value: t.value, lo, hi, trained: false };
  return {
    value: t.value * e.value,
    lo: lo * (e.range ? e.range[0] : e.value),
    hi: hi * (e.range ? e.range[1] : e.value),
    trained: true,
  };
}

/** The inputs behind D, for the derivation card only. */
function tokenInputs(model: Model): InputUsed[] {
  const t = model.trainingTokens;
  if (!t) return [];
  if (model.trainingTokensKind !== 'dataset-size') return [input('training tokens', t, 'count')];
  if (model.epochs) return [input('training dataset size', t, 'count'), input('epochs', model.epochs, 'ratio')];
  return [input('training dataset size (not tokens trained)', t, 'count')];
}

type FlopPick = 'disclosed' | '6nd' | 'third-party' | '6nd-weak';

interface FlopPlan {
  pick?: FlopPick;
  fallback: boolean;
  params?: ParamsChoice;
  tokens?: TokensChoice;
}

const whoseFigure = (s: Sourced) => (/epoch\.ai|epochai\.org/.test(s.source.url) ? 'Epoch’s' : 'the third-party');

/** Why 6·N·D from these inputs is not what it needs: empty when it is. */
function weaknesses(p: ParamsChoice, t: TokensChoice): string[] {
  const out: string[] = [];
  if (!t.trained) out.push('the dataset size is not tokens trained (epochs unknown)');
  if (!p.active) out.push('the parameter count is not known to be the active one (architecture unknown)');
  return out;
}

/**
 * Decides which training-FLOP figure a run uses; shared by the full derivation and the fast path,
 * so it builds no strings (the card's explanation is flopNoteOf's).
 */
function planFlop(model: Model, basis: Assumptions['basis']): FlopPlan {
  // straight-line on purpose: this runs for every model on every slider step
  const params = paramsOf(model);
  const tokens = params ? tokensOf(model) : undefined;
  const reported = model.trainingFlop;
  const has6nd = params !== undefined && tokens !== undefined;
  const strong6nd = has6nd && params.active && tokens.trained;
  if (basis === '6nd' && has6nd) return { pick: strong6nd ? '6nd' : '6nd-weak', params, tokens, fallback: false };
  if (basis === 'reported' && reported)
    return { pick: reported.status === 'disclosed' ? 'disclosed' : 'third-party', fallback: false };
  // auto order, or the fallback of a forced basis that had no data
  const fallback = basis === '6nd' ? reported !== undefined : basis === 'reported' ? has6nd : false;
  if (reported?.status === 'disclosed') return { pick: 'disclosed', fallback };
  if (strong6nd) return { pick: '6nd', params, tokens, fallback };
  if (reported) return has6nd ? { pick: 'third-party', params, tokens, fallback } : { pick: 'third-party', fallback };
  // Stryker disable next-line ConditionalExpression: without 6·N·D's inputs a '6nd-weak' pick computes nothing, the same as no pick
  if (has6nd) return { pick: '6nd-weak', params, tokens, fallback };
  return { fallback };
}

/** Why the precedence chose what it did, when 6·N·D's inputs were not what it needs. */
function flopNoteOf(model: Model, plan: FlopPlan): string | undefined {
  if (!plan.params || !plan.tokens) return undefined;
  const weak = weaknesses(plan.params, plan.tokens);
  // Stryker disable next-line ConditionalExpression: with no weakness the pick is '6nd' or 'disclosed', for which no note is written below
  if (weak.length === 0) return undefined;
  if (plan.pick === 'third-party' && model.trainingFlop)
    return `${whoseFigure(model.trainingFlop)} figure used: ${weak.join('; ')}`;
  if (plan.pick === '6nd-weak') return `6·N·D with caveats: ${weak.join('; ')}`;
  return undefined;
}

function flopPerTokenOf(p: ParamsChoice): Quantity<Flop> {
  return {
    value: (6 * p.params.value) as Flop,
    range: mulRange(point(6), rangeOf(p.params)) as Range<Flop>,
    provenance: 'computed',
    method: `6 · N (${p.label})`,
    inputs: [input(p.label, p.params, 'count')],
    movesWith: [],
  };
}

function trainingFlopOf(
  model: Model,
  basis: Assumptions['basis'],
): { q?: Quantity<Flop>; used?: FlopBasisUsed; fallback: boolean; perToken?: Quantity<Flop>; note?: string } {
  const plan = planFlop(model, basis);
  const params = paramsOf(model);
  const perToken = params ? flopPerTokenOf(params) : undefined;
  const note = flopNoteOf(model, plan);
  const base = {
    fallback: plan.fallback,
    ...(perToken ? { perToken } : {}),
    ...(note ? { note } : {}),
  };
  const reported = model.trainingFlop;
  switch (plan.pick) {
    case 'disclosed':
      return reported
        ? { ...base, q: fromData<Flop>(reported, 'training FLOP disclosed by the lab'), used: 'disclosed' }
        : base;
    case 'third-party':
      return reported
        ? { ...base, q: fromData<Flop>(reported, `training FLOP (${reported.status})`), used: 'third-party' }
        : base;
    case '6nd':
    case '6nd-weak': {
      const t = plan.tokens;
      if (!t || !perToken) return base;
      const inputs = tokenInputs(model);
      return {
        ...base,
        used: '6nd',
        q: {
          value: (perToken.value * t.value) as Flop,
          range: span<Flop>(perToken.range[0] * t.lo, perToken.range[1] * t.hi),
          provenance: 'computed',
          method: inputs.length > 1 ? '6 · N_active · (dataset size × epochs)' : '6 · N_active · D',
          inputs: [...perToken.inputs, ...inputs],
          movesWith: [],
          ...(note ? { note } : {}),
        },
      };
    }
    default:
      return base;
  }
}

function chipFor(model: Model, a: Assumptions, ctx: EstimationContext) {
  const rehost = a.rehostChipId ? ctx.chipsById.get(a.rehostChipId) : undefined;
  if (rehost) return { chip: rehost, assumed: false, rehosted: true };
  const own = model.chipId ? ctx.chipsById.get(model.chipId) : undefined;
  if (own) return { chip: own, assumed: false };
  const fallback = ctx.chipsById.get(a.defaultChipId);
  return fallback ? { chip: fallback, assumed: true } : undefined;
}

/** The MFU used for the low and high ends of ranges: the point value, widened by the band when on. */
function mfuSpread(a: Assumptions) {
  return a.bands
    ? { mfuLo: Math.min(a.mfu, a.mfuBand[0]), mfuHi: Math.max(a.mfu, a.mfuBand[1]) }
    : { mfuLo: a.mfu, mfuHi: a.mfu };
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** The cost step's method, inputs and sliders, from the rate the cost basis produced. */
function costDerivation(
  rate: CostRate,
  chip: Chip | undefined,
  a: Assumptions,
): { method: string; inputs: InputUsed[]; movesWith: AssumptionKey[] } {
  const mult = a.costMultiplier !== 1 ? ' × full-cost multiplier' : '';
  const multInput = a.costMultiplier !== 1 ? [assumption('full-cost multiplier', a.costMultiplier, 'ratio')] : [];
  const multKey: AssumptionKey[] = a.costMultiplier !== 1 ? ['costMultiplier'] : [];
  // Stryker disable next-line StringLiteral: a cost is priced by chip name only when there is a chip
  const chipName = chip?.name ?? '';
  if (rate.pricedBy === 'market' && rate.market)
    return {
      method: `GPU-hours × ${chipName} market rental price (listed ${rate.market.date})${mult}`,
      inputs: [
        input(`market price for ${chipName}, ${rate.market.date}`, rate.market.price, 'usd/gpu-hour'),
        ...multInput,
      ],
      movesWith: ['costBasis', ...multKey],
    };
  if (rate.pricedBy === 'amortized' && rate.amortized) {
    const am = rate.amortized;
    const purchase: InputUsed = am.purchaseSource
      ? input(
          `${chipName} acquisition price${am.includesServer ? ' (per GPU, server included)' : ''}`,
          am.purchaseSource,
          'usd',
        )
      : assumption(`${chipName} acquisition price (yours)`, am.purchaseUsd, 'usd');
    return {
      method:
        `GPU-hours × (value at training start × r·ln10 ÷ ${'8,766'} h ÷ (1 − interconnect share) + W × PUE × $/kWh)${mult}` +
        ' — Epoch AI’s amortised hardware + energy (Cottier et al. 2024)',
      inputs: [
        purchase,
        ...(am.includesServer ? [] : [assumption('server overhead', a.serverOverhead, 'ratio')]),
        computedInput(
          `years in service, from availability (${monthOf(am.acquisitionMs)}) to training start (≈${monthOf(am.startMs)})`,
          am.yearsInService,
          'years',
        ),
        assumption('depreciation r', a.depreciationOomPerYear, 'oom/year'),
        computedInput('value at training start (per GPU)', am.valueAtStartUsd, 'usd'),
        assumption('interconnect share of cluster cost', a.interconnectShare, 'fraction'),
        computedInput('hardware + interconnect per GPU-hour', am.clusterUsdPerHour, 'usd/gpu-hour'),
        assumption('Power per GPU', a.wattsPerGpu, 'watts'),
        assumption('PUE', a.pue, 'ratio'),
        assumption('electricity price', a.usdPerKwh, 'usd/kwh'),
        computedInput('energy per GPU-hour', am.energyUsdPerHour, 'usd/gpu-hour'),
        ...multInput,
      ],
      movesWith: [
        'costBasis',
        ...(am.includesServer ? [] : (['serverOverhead'] as const)),
        'depreciationOomPerYear',
        'interconnectShare',
        'wattsPerGpu',
        'pue',
        'usdPerKwh',
        ...multKey,
      ],
    };
  }
  const perChip = rate.pricedBy === 'per-chip';
  return {
    method: `GPU-hours × USD per GPU-hour${mult}`,
    inputs: [
      assumption(perChip ? `GPU price for ${chipName}` : 'GPU price', rate.usdPerGpuHour, 'usd/gpu-hour'),
      ...multInput,
    ],
    movesWith: [
      ...(perChip ? [] : (['usdPerGpuHour'] as const)),
      ...(rate.fallback ? (['costBasis'] as const) : []),
      ...multKey,
    ],
  };
}

/** Estimates one training run (a model's own, without its base model). */
export function estimateRun(model: Model, a: Assumptions, ctx: EstimationContext): RunEstimate {
  const missing: string[] = [];
  const { q: trainingFlop, used: flopBasis, fallback, perToken, note: flopNote } = trainingFlopOf(model, a.basis);
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
      const { mfuLo, mfuHi } = mfuSpread(a);
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
        // Stryker disable next-line OptionalChaining: inside this branch there is a chip, so chipPick is set
        movesWith: chipPick?.assumed ? ['mfu', 'defaultChipId'] : rehosted ? ['mfu', 'rehostChipId'] : ['mfu'],
      };
    } else if (trainingFlop && chip && !peak) {
      missing.push(`GPU-hours: ${chip.name} has no sourced peak BF16 FLOP/s`);
    } else if (trainingFlop && !chip) {
      missing.push('GPU-hours: no training chip known and no default chip');
      // Stryker disable next-line ConditionalExpression: the branches above leave only the case without training FLOP
    } else if (!trainingFlop) {
      missing.push('GPU-hours: not disclosed and no training FLOP to compute them from');
    }
  }

  let costUsd: Quantity<Usd> | undefined;
  let energyMwh: Quantity<Mwh> | undefined;
  let costBasis: RunEstimate['costBasis'];
  if (gpuHours) {
    const rate = costRate(model, chip, a);
    const m = a.costMultiplier;
    const d = costDerivation(rate, chip, a);
    costBasis = { basis: rate.basis, pricedBy: rate.pricedBy, ...(rate.fallback ? { fallback: rate.fallback } : {}) };
    costUsd = {
      value: (gpuHours.value * rate.usdPerGpuHour * m) as Usd,
      range: span<Usd>(gpuHours.range[0] * rate.lo * m, gpuHours.range[1] * rate.hi * m),
      provenance: 'computed',
      method: d.method,
      inputs: [gpuHoursInput(gpuHours), ...d.inputs],
      movesWith: [...new Set([...gpuHours.movesWith, ...d.movesWith])],
      ...(rate.fallback ? { note: rate.fallback } : {}),
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
    ...(flopNote ? { flopNote } : {}),
    basisFallback: fallback,
    ...(chip
      ? {
          chip: {
            id: chip.id,
            name: chip.name,
            // Stryker disable next-line OptionalChaining,BooleanLiteral: with a chip, chipPick is set and assumed is a boolean
            assumed: chipPick?.assumed ?? false,
            ...(rehosted ? { rehosted } : {}),
          },
        }
      : {}),
    ...(gpuHours ? { gpuHours } : {}),
    ...(gpuHoursBeside ? { gpuHoursBeside } : {}),
    ...(costUsd ? { costUsd } : {}),
    ...(costBasis ? { costBasis } : {}),
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

/** Longest chain of base models followed (a guard against cycles in imported data as much as a limit). */
export const MAX_BASE_CHAIN = 8;

/** The models a post-trained model was built on, nearest first; stops at a cycle or an unknown id. */
export function baseChain(model: Model, ctx: EstimationContext): Model[] {
  const chain: Model[] = [];
  const seen = new Set([model.id]);
  let next = model.baseModelId;
  while (next && !seen.has(next) && chain.length < MAX_BASE_CHAIN) {
    const base = ctx.modelsById.get(next);
    if (!base) break;
    chain.push(base);
    seen.add(base.id);
    next = base.baseModelId;
  }
  return chain;
}

/**
 * Own run + base runs. When the own run is unknown the total is the base runs alone, marked
 * partial ("post-training run unknown"), so the model never shows nothing when its base is known.
 */
function total<T extends number>(
  own: Quantity<T> | undefined,
  bases: (Quantity<T> | undefined)[],
  baseNames: string[],
): Quantity<T> | undefined {
  const known = bases.filter((q): q is Quantity<T> => q !== undefined);
  if (known.length === 0) return own;
  const parts = own ? [own, ...known] : known;
  const provenance: Provenance = sumProvenance(parts.map((q) => q.provenance));
  const names = baseNames.join(' + ');
  return {
    value: parts.reduce<number>((s, q) => s + q.value, 0) as T,
    range: [
      parts.reduce<number>((s, q) => s + q.range[0], 0) as T,
      parts.reduce<number>((s, q) => s + q.range[1], 0) as T,
    ],
    provenance,
    method: own ? `own run + base model run (${names})` : `base model run only (${names}): post-training run unknown`,
    inputs: [],
    movesWith: [...new Set(parts.flatMap((q) => q.movesWith))],
    ...(own ? {} : { partial: true, note: 'post-training run unknown: only the base model’s run is counted' }),
  };
}

function check(ours: number | undefined, reference: Sourced | undefined, why: () => string | undefined) {
  if (ours === undefined || !reference || !(reference.value > 0)) return undefined;
  const ratio = ours / reference.value;
  const off = ratio > REFERENCE_TOLERANCE || ratio < 1 / REFERENCE_TOLERANCE;
  const reason = off ? why() : undefined;
  return { reference, ratio, ...(reason ? { reason } : {}) } satisfies ReferenceCheck;
}

const sci = (n: number) => n.toExponential(1).replace('e+', 'e');

/** Why our training FLOP and Epoch's differ by more than REFERENCE_TOLERANCE: the engine's own account of what it did. */
function flopReason(own: RunEstimate, bases: RunEstimate[], baseModels: Model[], epoch: Sourced): string {
  const theirs = `Epoch’s ${sci(epoch.value)}`;
  const names = baseModels.map((m) => m.name).join(' + ');
  const baseFlop = bases.reduce((s, b) => s + (b.trainingFlop?.value ?? 0), 0);
  const ownFlop = own.trainingFlop;
  if (bases.length > 0 && !ownFlop)
    return `post-training run unknown: only the base model’s run (${names}, ${sci(baseFlop)}) is counted, while ${theirs} also counts this model’s own run`;
  if (bases.length > 0 && bases.some((b) => !b.trainingFlop))
    return `the base model’s run (${names}) has no FLOP figure here, so only this run (${sci(ownFlop?.value ?? 0)}) is counted; ${theirs} includes the base`;
  if (bases.length > 0)
    return `we count this run (${sci(ownFlop?.value ?? 0)}) plus the base model’s (${names}, ${sci(baseFlop)}); ${theirs} is not that sum: Epoch counts this fine-tune’s base differently`;
  if (ownFlop && own.flopBasis === '6nd')
    return `our 6·N·D (${sci(ownFlop.value)}) from ${ownFlop.inputs.map((i) => i.label).join(' × ')}${
      own.flopNote ? ` (${own.flopNote})` : ''
    }; ${theirs} was derived differently (see Epoch’s notes)`;
  if (ownFlop) return `this run’s figure (${sci(ownFlop.value)}, ${ownFlop.method}) is not ${theirs}`;
  // Stryker disable next-line StringLiteral: unreachable (check() compares nothing when this run has no FLOP and no base run), kept as the total function's last word
  return `no training FLOP for this run; ${theirs}`;
}

function costReason(
  own: RunEstimate,
  bases: RunEstimate[],
  model: Model,
  a: Assumptions,
  ctx: EstimationContext,
): string {
  const parts: string[] = [];
  const runs = [own, ...bases];
  if (a.costBasis !== 'amortized')
    parts.push(`priced by the ${a.costBasis} basis, while Epoch’s figure is amortised hardware + energy`);
  for (const r of runs) if (r.costBasis?.fallback) parts.push(r.costBasis.fallback);
  const chip = own.chip ? ctx.chipsById.get(own.chip.id) : undefined;
  if (own.chip?.assumed)
    parts.push(
      chip?.releaseDate && chip.releaseDate > model.releaseDate
        ? `the training chip is unknown and the default chip (${chip.name}, ${chip.releaseDate.slice(0, 4)}) is newer than the model (${model.releaseDate.slice(0, 4)})`
        : 'the training chip is unknown, so the default chip is assumed',
    );
  if (own.gpuHours?.provenance === 'computed' && own.gpuHoursBeside)
    parts.push(
      `GPU-hours are ${sci(own.gpuHours.value)} from FLOP at ${Math.round(a.mfu * 100)}% MFU, while the data’s chips × training time give ${sci(own.gpuHoursBeside.value)} (shown beside, not used)`,
    );
  else if (own.gpuHours?.provenance === 'computed')
    parts.push(`GPU-hours are estimated from FLOP at ${Math.round(a.mfu * 100)}% MFU, not measured`);
  if (a.costMultiplier !== 1) parts.push(`the full-cost multiplier (×${a.costMultiplier}) is on`);
  return parts.join('; ');
}

/** Estimates a model: its own run, and for post-trained models optionally its base models' runs. */
export function estimateModel(model: Model, assumptions: Assumptions, ctx: EstimationContext): Estimate {
  const a = assertValidAssumptions(assumptions);
  const own = estimateRun(model, a, ctx);
  const baseModels = a.includeBaseRun ? baseChain(model, ctx) : [];
  const baseRuns = baseModels.map((b) => estimateRun(b, a, ctx));
  const names = baseModels.map((b) => b.name);
  const postTrainingUnknown = baseRuns.length > 0 && !own.trainingFlop && !own.gpuHours;
  const totalTrainingFlop = total(
    own.trainingFlop,
    baseRuns.map((b) => b.trainingFlop),
    names,
  );
  const totalCostUsd = total(
    own.costUsd,
    baseRuns.map((b) => b.costUsd),
    names,
  );
  const ref = model.epochReference;
  // like with like: Epoch's figures for a fine-tune usually count its base model's run, and when
  // they do not (excludesBase) they are compared with this model's own run
  const ownOnly = ref?.excludesBase === true;
  const flopRuns = ownOnly ? [] : baseRuns;
  const flopModels = ownOnly ? [] : baseModels;
  const epochFlop = check(ownOnly ? own.trainingFlop?.value : totalTrainingFlop?.value, ref?.trainingFlop, () =>
    ref?.trainingFlop ? flopReason(own, flopRuns, flopModels, ref.trainingFlop) : undefined,
  );
  const epochCost = check(ownOnly ? own.costUsd?.value : totalCostUsd?.value, ref?.costUsd2023, () =>
    costReason(own, flopRuns, model, a, ctx),
  );
  return {
    ...own,
    ...(model.reportedCostUsd ? { reportedCostUsd: model.reportedCostUsd } : {}),
    ...(baseRuns[0] ? { baseRun: baseRuns[0] } : {}),
    baseRuns,
    postTrainingUnknown,
    ...optional('totalTrainingFlop', totalTrainingFlop),
    ...optional('totalCostUsd', totalCostUsd),
    ...optional(
      'totalGpuHours',
      total(
        own.gpuHours,
        baseRuns.map((b) => b.gpuHours),
        names,
      ),
    ),
    ...optional(
      'totalEnergyMwh',
      total(
        own.energyMwh,
        baseRuns.map((b) => b.energyMwh),
        names,
      ),
    ),
    ...optional('epochFlop', epochFlop),
    ...optional('epochCost', epochCost),
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
  /** own run + base runs when the assumption includes them, else equal to the own run */
  totalFlop?: FastQuantity;
  totalGpuHours?: FastQuantity;
  totalCostUsd?: FastQuantity;
  totalEnergyMwh?: FastQuantity;
  /** post-trained, own run unknown: the totals are the base model's run only */
  partial?: boolean;
}

const fq = (value: number, lo: number, hi: number, provenance: Provenance): FastQuantity => ({
  value,
  lo,
  hi,
  provenance,
});
const fromSourcedFast = (s: Sourced): FastQuantity =>
  fq(s.value, s.range ? s.range[0] : s.value, s.range ? s.range[1] : s.value, s.status);

/**
 * Which FLOP figure a model uses depends on the model and the compute basis only, never on a
 * slider, so the fast path works it out once per model and basis (models are immutable data).
 */
const fastFlopCache = new WeakMap<Model, Partial<Record<Assumptions['basis'], FastQuantity | null>>>();

function fastFlop(model: Model, basis: Assumptions['basis']): FastQuantity | undefined {
  let byBasis = fastFlopCache.get(model);
  const hit = byBasis?.[basis];
  // Stryker disable next-line ConditionalExpression: a cache miss recomputes the same figure (models are immutable)
  if (hit !== undefined) return hit ?? undefined;
  const q = computeFastFlop(model, basis);
  // Stryker disable next-line ConditionalExpression: a fresh cache entry recomputes the same figures (models are immutable)
  if (!byBasis) fastFlopCache.set(model, (byBasis = {}));
  byBasis[basis] = q ?? null;
  return q;
}

function computeFastFlop(model: Model, basis: Assumptions['basis']): FastQuantity | undefined {
  const plan = planFlop(model, basis);
  const reported = model.trainingFlop;
  if ((plan.pick === 'disclosed' || plan.pick === 'third-party') && reported) return fromSourcedFast(reported);
  if ((plan.pick === '6nd' || plan.pick === '6nd-weak') && plan.params && plan.tokens) {
    const p = plan.params.params;
    const t = plan.tokens;
    return fq(
      6 * p.value * t.value,
      6 * (p.range ? p.range[0] : p.value) * t.lo,
      6 * (p.range ? p.range[1] : p.value) * t.hi,
      'computed',
    );
  }
  return undefined;
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
    const { mfuLo, mfuHi } = mfuSpread(a);
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
    const m = a.costMultiplier;
    if (a.costBasis === 'rental') {
      // the default basis inline (costRate's rental branch, without its object): every slider step
      const price = (chip ? a.usdPerGpuHourByChip[chip.id] : undefined) ?? a.usdPerGpuHour;
      const lo = a.bands ? Math.min(price, a.priceBand[0]) : price;
      const hi = a.bands ? Math.max(price, a.priceBand[1]) : price;
      out.costUsd = fq(gpuHoursQ.value * price * m, gpuHoursQ.lo * lo * m, gpuHoursQ.hi * hi * m, 'computed');
    } else {
      const rate = costRate(model, chip, a);
      out.costUsd = fq(
        gpuHoursQ.value * rate.usdPerGpuHour * m,
        gpuHoursQ.lo * rate.lo * m,
        gpuHoursQ.hi * rate.hi * m,
        'computed',
      );
    }
    const e = (a.wattsPerGpu * a.pue) / WATTS_PER_MEGAWATT;
    out.energyMwh = fq(gpuHoursQ.value * e, gpuHoursQ.lo * e, gpuHoursQ.hi * e, 'computed');
  }
  return out;
}

function addFast(own: FastQuantity | undefined, bases: (FastQuantity | undefined)[]): FastQuantity | undefined {
  const known = bases.filter((q): q is FastQuantity => q !== undefined);
  if (known.length === 0) return own;
  const parts = own ? [own, ...known] : known;
  return fq(
    parts.reduce((s, q) => s + q.value, 0),
    parts.reduce((s, q) => s + q.lo, 0),
    parts.reduce((s, q) => s + q.hi, 0),
    sumProvenance(parts.map((q) => q.provenance)),
  );
}

const NO_RUNS: readonly FastEstimate[] = [];

export function estimateFast(model: Model, a: Assumptions, ctx: EstimationContext): FastEstimate {
  const own = fastRun(model, a, ctx);
  const bases = a.includeBaseRun && model.baseModelId ? baseChain(model, ctx).map((b) => fastRun(b, a, ctx)) : NO_RUNS;
  if (bases.length === 0) {
    // no base run: the totals are the own run (no allocation, this is the common case)
    if (own.flop) own.totalFlop = own.flop;
    if (own.gpuHours) own.totalGpuHours = own.gpuHours;
    if (own.costUsd) own.totalCostUsd = own.costUsd;
    if (own.energyMwh) own.totalEnergyMwh = own.energyMwh;
    return own;
  }
  const totalFlop = addFast(
    own.flop,
    bases.map((b) => b.flop),
  );
  const totalGpuHours = addFast(
    own.gpuHours,
    bases.map((b) => b.gpuHours),
  );
  const totalCostUsd = addFast(
    own.costUsd,
    bases.map((b) => b.costUsd),
  );
  const totalEnergyMwh = addFast(
    own.energyMwh,
    bases.map((b) => b.energyMwh),
  );
  if (totalFlop) own.totalFlop = totalFlop;
  if (totalGpuHours) own.totalGpuHours = totalGpuHours;
  if (totalCostUsd) own.totalCostUsd = totalCostUsd;
  if (totalEnergyMwh) own.totalEnergyMwh = totalEnergyMwh;
  if (!own.flop && !own.gpuHours) own.partial = true;
  return own;
}

/**
 * A sum keeps its parts' status only when they all share it: a lab's figure plus a third party's
 * (or plus our estimate) is nobody's published figure, so it is our arithmetic, shown as computed.
 */
function sumProvenance(parts: Provenance[]): Provenance {
  const first = parts[0] ?? 'computed';
  return parts.every((p) => p === first) ? first : 'computed';
}
