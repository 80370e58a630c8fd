/**
 * The user's assumptions: what fills in the figures labs did not disclose.
 * Defaults and their reasons are shown in the app (Sources & method) and documented in the README.
 */
export type Basis = 'auto' | '6nd' | 'reported';
export const BASES: readonly Basis[] = ['auto', '6nd', 'reported'];

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
  if (!['auto', '6nd', 'reported'].includes(a.basis))
    throw new AssumptionError('basis', `basis must be auto, 6nd or reported, got ${String(a.basis)}`);
  return a;
}
