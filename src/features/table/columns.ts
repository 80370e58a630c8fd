/**
 * Table columns as data: id, header with unit, how to read the value (a sourced or computed
 * quantity) and its unit kind. The renderer in ModelTable draws them all the same way.
 */
import { benchmarkColumnName, DATA_COLUMN_NAMES } from '../../data/columnNames';
import type { Benchmark, Sourced } from '../../data/schema';
import type { Quantity } from '../../domain/estimate';
import { activeParamsOf, DENSE_MARKER } from '../../domain/params';
import type { UnitKind } from '../../domain/format';
import type { Row } from '../../store/selectors';

export interface ValueColumn {
  id: string;
  header: string;
  unit: UnitKind;
  get: (r: Row) => Sourced | Quantity<number> | undefined;
  /** a visible qualifier for a derived value ("= total (dense)") */
  marker?: (r: Row) => string | undefined;
  /** a cheap number for sorting every row, where `get` would build full derivations */
  sortValue?: (r: Row) => number | undefined;
  /** shown by default */
  defaultVisible: boolean;
  /** a short visible caveat beside the value ("post-training run unknown") */
  flag?: (r: Row) => string | undefined;
  group: 'model' | 'training' | 'estimate' | 'benchmark' | 'price';
}

export const VALUE_COLUMNS: ValueColumn[] = [
  {
    id: 'totalParams',
    header: DATA_COLUMN_NAMES.totalParams,
    unit: 'params',
    get: (r) => r.model.totalParams,
    defaultVisible: true,
    group: 'model',
  },
  {
    id: 'activeParams',
    header: DATA_COLUMN_NAMES.activeParams,
    unit: 'params',
    get: (r) => activeParamsOf(r.model)?.params,
    marker: (r) => (activeParamsOf(r.model)?.derived ? DENSE_MARKER : undefined),
    defaultVisible: true,
    group: 'model',
  },
  {
    id: 'tokens',
    header: DATA_COLUMN_NAMES.tokens,
    unit: 'tokens',
    get: (r) => r.model.trainingTokens,
    defaultVisible: true,
    group: 'training',
  },
  {
    id: 'flop',
    header: 'Training FLOP',
    unit: 'flop',
    get: (r) => r.estimate.trainingFlop ?? partialTotal(r, r.estimate.totalTrainingFlop),
    sortValue: (r) => (r.fast.flop ?? partialFast(r, r.fast.totalFlop))?.value,
    flag: partialFlag,
    defaultVisible: true,
    group: 'estimate',
  },
  {
    id: 'gpuHours',
    header: 'GPU-hours',
    unit: 'gpu-hours',
    get: (r) => r.estimate.gpuHours ?? partialTotal(r, r.estimate.totalGpuHours),
    sortValue: (r) => (r.fast.gpuHours ?? partialFast(r, r.fast.totalGpuHours))?.value,
    flag: partialFlag,
    defaultVisible: true,
    group: 'estimate',
  },
  {
    id: 'cost',
    header: 'Training cost (USD)',
    unit: 'usd',
    get: (r) => r.estimate.costUsd ?? partialTotal(r, r.estimate.totalCostUsd),
    sortValue: (r) => (r.fast.costUsd ?? partialFast(r, r.fast.totalCostUsd))?.value,
    flag: partialFlag,
    defaultVisible: true,
    group: 'estimate',
  },
  {
    id: 'totalCost',
    header: 'Cost incl. base run (USD)',
    unit: 'usd',
    get: (r) => (r.estimate.baseRun ? r.estimate.totalCostUsd : undefined),
    defaultVisible: false,
    group: 'estimate',
  },
  {
    id: 'reportedCost',
    header: DATA_COLUMN_NAMES.reportedCost,
    unit: 'usd',
    get: (r) => r.model.reportedCostUsd,
    defaultVisible: true,
    group: 'training',
  },
  {
    id: 'epochCost',
    header: 'Epoch cost (2023 USD, amortised)',
    unit: 'usd',
    get: (r) => r.model.epochReference?.costUsd2023,
    defaultVisible: true,
    group: 'training',
  },
  {
    id: 'epochFlop',
    header: 'Epoch training compute (FLOP)',
    unit: 'flop',
    get: (r) => r.model.epochReference?.trainingFlop,
    defaultVisible: false,
    group: 'training',
  },
  {
    id: 'energy',
    header: 'Energy',
    unit: 'mwh',
    get: (r) => r.estimate.energyMwh ?? partialTotal(r, r.estimate.totalEnergyMwh),
    sortValue: (r) => (r.fast.energyMwh ?? partialFast(r, r.fast.totalEnergyMwh))?.value,
    flag: partialFlag,
    defaultVisible: true,
    group: 'estimate',
  },
  {
    id: 'impliedMfu',
    header: 'Implied MFU',
    unit: 'fraction',
    get: (r) => r.estimate.impliedMfu,
    defaultVisible: false,
    group: 'estimate',
  },
  {
    id: 'chipCount',
    header: DATA_COLUMN_NAMES.chipCount,
    unit: 'count',
    get: (r) => r.model.chipCount,
    defaultVisible: false,
    group: 'training',
  },
  {
    id: 'gpuHoursBeside',
    header: 'GPU-hours reported beside (leak, third party or chips × days)',
    unit: 'gpu-hours',
    get: (r) => r.estimate.gpuHoursBeside,
    defaultVisible: false,
    group: 'training',
  },
  // the data as recorded, whatever the engine chose to use: these make the CSV export re-importable
  {
    id: 'flopReported',
    header: DATA_COLUMN_NAMES.flopReported,
    unit: 'flop',
    get: (r) => r.model.trainingFlop,
    defaultVisible: false,
    group: 'training',
  },
  {
    id: 'gpuHoursReported',
    header: DATA_COLUMN_NAMES.gpuHoursReported,
    unit: 'gpu-hours',
    get: (r) => r.model.gpuHours,
    defaultVisible: false,
    group: 'training',
  },
  {
    id: 'trainingDuration',
    header: DATA_COLUMN_NAMES.trainingDuration,
    unit: 'hours',
    get: (r) => r.model.trainingDurationHours,
    defaultVisible: false,
    group: 'training',
  },
  {
    id: 'priceIn',
    header: DATA_COLUMN_NAMES.priceIn,
    unit: 'usd/mtok',
    get: (r) => r.model.usdPerMillionInputTokens,
    defaultVisible: false,
    group: 'price',
  },
  {
    id: 'priceOut',
    header: DATA_COLUMN_NAMES.priceOut,
    unit: 'usd/mtok',
    get: (r) => r.model.usdPerMillionOutputTokens,
    defaultVisible: false,
    group: 'price',
  },
];

/**
 * A post-trained model whose own run is unknown shows its base run's totals in the run columns,
 * flagged, rather than nothing (Kimi K2 Thinking shows Kimi K2's compute, cost and energy).
 */
function partialTotal<T>(r: Row, total: T | undefined): T | undefined {
  return r.fast.partial ? total : undefined;
}
function partialFast<T>(r: Row, total: T | undefined): T | undefined {
  return r.fast.partial ? total : undefined;
}
function partialFlag(r: Row): string | undefined {
  return r.fast.partial ? 'post-training run unknown' : undefined;
}

export function benchmarkColumns(benchmarks: Benchmark[], rows: Row[]): ValueColumn[] {
  const scores = new Map<string, number>();
  for (const r of rows) for (const id of Object.keys(r.model.benchmarks)) scores.set(id, (scores.get(id) ?? 0) + 1);
  // the benchmarks most models have a score on come first
  return benchmarks
    .filter((b) => scores.has(b.id))
    .sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0))
    .map((b) => ({
      id: `bench:${b.id}`,
      header: benchmarkColumnName(b),
      unit: b.unit === 'percent' ? ('percent' as const) : ('score' as const),
      get: (r: Row) => r.model.benchmarks[b.id],
      defaultVisible: ['mmlu', 'swe-bench-verified', 'benchlm-composite'].includes(b.id),
      group: 'benchmark' as const,
    }));
}

/** What the table leads with, in this order, after the scores: compute and cost. */
const LEAD_IDS = ['cost', 'gpuHours', 'flop', 'energy'];

/** Scores and the compute/cost columns come first; identity and inputs follow. */
export function isLeadColumn(c: ValueColumn): boolean {
  return c.group === 'benchmark' || LEAD_IDS.includes(c.id);
}

export function leadFirst(cols: ValueColumn[]): ValueColumn[] {
  const rank = (c: ValueColumn) => (LEAD_IDS.includes(c.id) ? LEAD_IDS.indexOf(c.id) : LEAD_IDS.length);
  return [...cols].sort((a, b) => rank(a) - rank(b));
}

/**
 * The stitched capability as a column: the fitted value with its 90% interval, every score it
 * rests on one click away. `read` returns the capability quantity of a row when the fit is ready.
 */
export function capabilityColumn(
  read: (r: Row) => Quantity<number> | undefined,
  sortValue: (r: Row) => number | undefined,
): ValueColumn {
  return {
    id: 'capability',
    header: 'Capability (stitched)',
    unit: 'capability',
    get: read,
    sortValue,
    defaultVisible: true,
    group: 'benchmark',
  };
}
