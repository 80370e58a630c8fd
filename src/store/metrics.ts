/**
 * What can go on a chart axis: each metric says how to read it from a row (a sourced or
 * computed quantity, so provenance travels with it), its unit and whether log suits it.
 */
import type { Benchmark, Sourced } from '../data/schema';
import { releaseTimeMs } from '../domain/dates';
import { activeParamsOf } from '../domain/params';
import type { FastQuantity, Provenance } from '../domain/estimate';
import type { UnitKind } from '../domain/format';
import { relianceOfStatus, type Reliance } from '../domain/reliance';
import type { Row } from './selectors';
import type { XAxis } from './url';

export interface AxisValue {
  value: number;
  range?: readonly [number, number];
  provenance: Provenance;
  /** how much of the value rests on figures the lab disclosed */
  reliance: Reliance;
}

export interface Metric {
  id: string;
  label: string;
  unit: UnitKind | 'date';
  defaultLog: boolean;
  read: (r: Row) => AxisValue | undefined;
}

const fromSourced = (s: Sourced | undefined): AxisValue | undefined =>
  s
    ? {
        value: s.value,
        provenance: s.status,
        reliance: relianceOfStatus(s.status),
        ...(s.range ? { range: s.range } : {}),
      }
    : undefined;
const fromFast = (q: FastQuantity | undefined, reliance: Reliance | undefined): AxisValue | undefined =>
  q
    ? {
        value: q.value,
        provenance: q.provenance,
        reliance: reliance ?? relianceOfStatus(q.provenance),
        ...(q.lo !== q.hi ? { range: [q.lo, q.hi] as const } : {}),
      }
    : undefined;

export const X_METRICS: Record<XAxis, Metric> = {
  flop: {
    id: 'flop',
    label: 'Training compute (FLOP)',
    unit: 'flop',
    defaultLog: true,
    // own run + base runs, as cost and energy: R1's compute includes V3's (as Epoch counts it)
    read: (r) =>
      r.fast.totalFlop ? fromFast(r.fast.totalFlop, r.reliance.totalFlop) : fromFast(r.fast.flop, r.reliance.flop),
  },
  gpuHours: {
    id: 'gpuHours',
    label: 'GPU-hours',
    unit: 'gpu-hours',
    defaultLog: true,
    read: (r) =>
      r.fast.totalGpuHours
        ? fromFast(r.fast.totalGpuHours, r.reliance.totalGpuHours)
        : fromFast(r.fast.gpuHours, r.reliance.gpuHours),
  },
  cost: {
    id: 'cost',
    label: 'Training cost (USD)',
    unit: 'usd',
    defaultLog: true,
    read: (r) =>
      r.fast.totalCostUsd
        ? fromFast(r.fast.totalCostUsd, r.reliance.totalCost)
        : fromFast(r.fast.costUsd, r.reliance.cost),
  },
  energy: {
    id: 'energy',
    label: 'Training energy',
    unit: 'mwh',
    defaultLog: true,
    read: (r) =>
      r.fast.totalEnergyMwh
        ? fromFast(r.fast.totalEnergyMwh, r.reliance.totalEnergy)
        : fromFast(r.fast.energyMwh, r.reliance.energy),
  },
  totalParams: {
    id: 'totalParams',
    label: 'Parameters (total)',
    unit: 'params',
    defaultLog: true,
    read: (r) => fromSourced(r.model.totalParams),
  },
  activeParams: {
    id: 'activeParams',
    label: 'Parameters (active)',
    unit: 'params',
    defaultLog: true,
    read: (r) => fromSourced(activeParamsOf(r.model)?.params),
  },
  tokens: {
    id: 'tokens',
    label: 'Training tokens',
    unit: 'tokens',
    defaultLog: true,
    read: (r) => fromSourced(r.model.trainingTokens),
  },
  date: {
    id: 'date',
    label: 'Release date',
    unit: 'date',
    defaultLog: false,
    read: (r) => ({
      value: releaseTimeMs(r.model.releaseDate),
      provenance: 'disclosed',
      reliance: 'disclosed',
    }),
  },
  apiPrice: {
    id: 'apiPrice',
    label: 'API price, input ($/M tokens)',
    unit: 'usd/mtok',
    defaultLog: true,
    read: (r) => fromSourced(r.model.usdPerMillionInputTokens),
  },
};

export function benchmarkMetric(b: Benchmark): Metric {
  return {
    id: b.id,
    label: b.unit === 'percent' ? `${b.name} (%)` : b.name,
    unit: b.unit === 'percent' ? 'percent' : 'score',
    defaultLog: false,
    read: (r) => fromSourced(r.model.benchmarks[b.id]),
  };
}
