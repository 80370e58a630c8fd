/**
 * The user's assumptions: what fills in the figures labs did not disclose.
 * Defaults and their reasons are shown in the app (Sources & method) and documented in the README.
 */
export type Basis = 'auto' | '6nd' | 'reported';
export const BASES: readonly Basis[] = ['auto', '6nd', 'reported'];

/**
 * How a GPU-hour is priced. rental: the GPU price slider (per-chip prices override it); market:
 * each chip's own dated public rental price; amortized: Epoch AI's method (Cottier et al. 2024,
 * arXiv:2405.21015), the hardware's depreciation during the run plus cluster networking and energy.
 */
export type CostBasis = 'rental' | 'market' | 'amortized';
export const COST_BASES: readonly CostBasis[] = ['rental', 'market', 'amortized'];

export interface Assumptions {
  /** model FLOP utilisation, a fraction in (0, 1] */
  mfu: number;
  /** rental price applied to every chip without its own price */
  usdPerGpuHour: number;
  /** per-chip rental prices set in the Hardware view; chip id -> USD per GPU-hour */
  usdPerGpuHourByChip: Readonly<Record<string, number>>;
  /** average draw per accelerator incl. its share of host and network, W */
  wattsPerGpu: number;
  /** power usage effectiveness of the data centre, >= 1 */
  pue: number;
  basis: Basis;
  /** chip assumed for models whose training chip is unknown */
  defaultChipId: string;
  /** add the base model's run to a post-trained model's (R1 = V3 + RL) */
  includeBaseRun: boolean;
  /** full-cost multiplier for research, ablations and failed runs; 1 = final run only */
  costMultiplier: number;
  costBasis: CostBasis;
  /** amortized basis: server cost ÷ accelerator cost (CPUs, memory, chassis), applied to board prices */
  serverOverhead: number;
  /** amortized basis: cluster-level interconnect as a share of the whole cluster's cost */
  interconnectShare: number;
  /** amortized basis: hardware value lost per year, in orders of magnitude (price-performance progress) */
  depreciationOomPerYear: number;
  /** amortized basis: electricity price, USD per kWh */
  usdPerKwh: number;
  /** amortized basis: per-chip acquisition prices set in the Hardware view; chip id -> USD per accelerator */
  purchaseUsdByChip: Readonly<Record<string, number>>;
  /** "what if this run had used chip X": GPU-hours recomputed from FLOP on that chip, disclosed ones shown beside */
  rehostChipId?: string;
  /** carry assumption bands (MFU and price low–high) into every estimate's range */
  bands: boolean;
  mfuBand: readonly [number, number];
  priceBand: readonly [number, number];
}

export interface AssumptionBounds {
  min: number;
  max: number;
  step: number;
}

/** Slider ranges (issue #3): they bound what the UI and URL accept, not what the engine can compute. */
export const BOUNDS = {
  mfu: { min: 0.05, max: 0.8, step: 0.01 },
  usdPerGpuHour: { min: 0.25, max: 10, step: 0.05 },
  wattsPerGpu: { min: 100, max: 3000, step: 10 },
  pue: { min: 1, max: 2, step: 0.01 },
  costMultiplier: { min: 1, max: 10, step: 0.5 },
  // Cottier et al.'s 90% interval is 1.3–2.1; the range leaves room either side
  serverOverhead: { min: 1, max: 3, step: 0.01 },
  // their interval for the interconnect multiplier, 1.07–1.32, is a 7–24% share
  interconnectShare: { min: 0, max: 0.5, step: 0.01 },
  depreciationOomPerYear: { min: 0.01, max: 0.5, step: 0.01 },
  usdPerKwh: { min: 0.01, max: 0.5, step: 0.005 },
  purchaseUsd: { min: 100, max: 200_000, step: 100 },
} as const satisfies Record<string, AssumptionBounds>;

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  // 35%: the MFU the GPT-4 estimate in the source documents assumes (SemiAnalysis, 2023); Llama 3.1
  // reports 38–43% on H100 (arXiv:2407.21783) and DeepSeek-V3 implies ~33% of H800 BF16 peak.
  mfu: 0.35,
  // $2: DeepSeek-V3's own accounting price for an H800-hour (arXiv:2412.19437), within the
  // $1–2/h A100 and ~$3/h H100 rental range the source documents use.
  usdPerGpuHour: 2,
  usdPerGpuHourByChip: {},
  // 700 W: the H100 SXM TDP, the most common training chip in the dataset.
  wattsPerGpu: 700,
  // 1.2: a typical modern hyperscale facility; 1.0 means IT power only.
  pue: 1.2,
  basis: 'auto',
  // A100: the chip most pre-2024 frontier runs used, and what the GPT-4 estimate assumes.
  defaultChipId: 'a100',
  includeBaseRun: true,
  costMultiplier: 1,
  // rental keeps the behaviour every existing link was made with
  costBasis: 'rental',
  // 1.64: Cottier et al.'s average server-to-accelerator cost ratio (1.54 for P100, 1.66 A100, 1.69 V100)
  serverOverhead: 1.64,
  // 19%: their estimate of cluster-level interconnect as a share of total cluster cost
  interconnectShare: 0.19,
  // 0.14 orders of magnitude a year: the ML GPU price-performance trend they depreciate hardware by
  depreciationOomPerYear: 0.14,
  // $0.08/kWh: the US industrial average in 2023 (8.06¢, EIA), the price they use for 2023 runs
  usdPerKwh: 0.08,
  purchaseUsdByChip: {},
  bands: false,
  // the ranges the source documents argue over: 30–50% MFU, $1–3 per GPU-hour
  mfuBand: [0.3, 0.5],
  priceBand: [1, 3],
};

export class AssumptionError extends Error {
  constructor(
    readonly field: keyof Assumptions,
    message: string,
  ) {
    super(message);
    this.name = 'AssumptionError';
  }
}

const positiveFinite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Rejects assumptions the engine cannot use, naming the field; returns the input unchanged when valid. */
export function assertValidAssumptions(a: Assumptions): Assumptions {
  if (!positiveFinite(a.mfu) || a.mfu > 1)
    throw new AssumptionError('mfu', `MFU must be a fraction greater than 0 and at most 1, got ${String(a.mfu)}`);
  if (typeof a.usdPerGpuHour !== 'number' || !Number.isFinite(a.usdPerGpuHour) || a.usdPerGpuHour < 0)
    throw new AssumptionError(
      'usdPerGpuHour',
      `GPU price must be a non-negative number of USD per GPU-hour, got ${String(a.usdPerGpuHour)}`,
    );
  for (const [chip, price] of Object.entries(a.usdPerGpuHourByChip)) {
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0)
      throw new AssumptionError(
        'usdPerGpuHourByChip',
        `GPU price for ${chip} must be a non-negative number, got ${String(price)}`,
      );
  }
  if (!positiveFinite(a.wattsPerGpu))
    throw new AssumptionError(
      'wattsPerGpu',
      `Power per GPU must be a positive number of watts, got ${String(a.wattsPerGpu)}`,
    );
  if (!positiveFinite(a.pue) || a.pue < 1)
    throw new AssumptionError('pue', `PUE must be at least 1, got ${String(a.pue)}`);
  if (!positiveFinite(a.costMultiplier) || a.costMultiplier < 1)
    throw new AssumptionError('costMultiplier', `Cost multiplier must be at least 1, got ${String(a.costMultiplier)}`);
  const [mLo, mHi] = a.mfuBand;
  if (!(mLo > 0 && mLo <= mHi && mHi <= 1))
    throw new AssumptionError('mfuBand', `MFU band must satisfy 0 < low ≤ high ≤ 1, got ${mLo}–${mHi}`);
  const [pLo, pHi] = a.priceBand;
  if (!(pLo >= 0 && pLo <= pHi && Number.isFinite(pHi)))
    throw new AssumptionError('priceBand', `price band must satisfy 0 ≤ low ≤ high, got ${pLo}–${pHi}`);
  if (!(COST_BASES as readonly string[]).includes(a.costBasis))
    throw new AssumptionError(
      'costBasis',
      `Cost basis must be rental, market or amortized, got ${String(a.costBasis)}`,
    );
  if (!positiveFinite(a.serverOverhead) || a.serverOverhead < 1)
    throw new AssumptionError('serverOverhead', `Server overhead must be at least 1, got ${String(a.serverOverhead)}`);
  if (typeof a.interconnectShare !== 'number' || !(a.interconnectShare >= 0 && a.interconnectShare < 1))
    throw new AssumptionError(
      'interconnectShare',
      `Interconnect share must be a fraction from 0 up to (not including) 1, got ${String(a.interconnectShare)}`,
    );
  if (!positiveFinite(a.depreciationOomPerYear))
    throw new AssumptionError(
      'depreciationOomPerYear',
      `Depreciation must be a positive number of orders of magnitude per year, got ${String(a.depreciationOomPerYear)}`,
    );
  if (typeof a.usdPerKwh !== 'number' || !Number.isFinite(a.usdPerKwh) || a.usdPerKwh < 0)
    throw new AssumptionError(
      'usdPerKwh',
      `Electricity price must be a non-negative number of USD per kWh, got ${String(a.usdPerKwh)}`,
    );
  for (const [chip, price] of Object.entries(a.purchaseUsdByChip)) {
    if (!positiveFinite(price))
      throw new AssumptionError(
        'purchaseUsdByChip',
        `Purchase price for ${chip} must be a positive number, got ${String(price)}`,
      );
  }
  if (!['auto', '6nd', 'reported'].includes(a.basis))
    throw new AssumptionError('basis', `basis must be auto, 6nd or reported, got ${String(a.basis)}`);
  return a;
}
