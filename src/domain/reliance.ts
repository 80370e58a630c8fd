/**
 * How much of a shown value rests on figures the lab itself disclosed, read from the engine's
 * derivation (each Quantity's inputs and their statuses), never recomputed:
 *
 *   disclosed  every figure it rests on was disclosed by the lab; only your assumptions added
 *              (DeepSeek-V3's cost: disclosed GPU-hours × your GPU price)
 *   partly     some of those figures are third-party estimates or leaks
 *   estimated  it rests on estimates or leaks only (GPT-4's cost: leaked parameters × leaked
 *              tokens × your MFU and price)
 *
 * Sliders are the reader's own choice, not a claim about the model, so they do not count. Nor do
 * chip specifications (peak FLOP/s): they describe the hardware, the same for every model on it.
 */
import type { Status } from '../data/schema';
import type { Estimate, InputUsed, Provenance, Quantity, RunEstimate } from './estimate';

export type Reliance = 'disclosed' | 'partly' | 'estimated';

const RANK: Record<Reliance, number> = { estimated: 0, partly: 1, disclosed: 2 };

/** The weaker of two reliances (a point is as solid as its weaker coordinate). */
export function weakest(a: Reliance | undefined, b: Reliance | undefined): Reliance | undefined {
  if (!a) return b;
  if (!b) return a;
  // Stryker disable next-line EqualityOperator: equal ranks are the same reliance, so either answer is it
  return RANK[a] <= RANK[b] ? a : b;
}

/** A sourced data value: the lab's own figure, or not. */
export function relianceOfStatus(status: Provenance): Reliance {
  return status === 'disclosed' ? 'disclosed' : 'estimated';
}

/** The data statuses a list of figures carries, summarised. */
export function relianceOf(statuses: readonly Status[]): Reliance {
  const disclosed = statuses.filter((s) => s === 'disclosed').length;
  if (disclosed === statuses.length) return 'disclosed';
  return disclosed > 0 ? 'partly' : 'estimated';
}

/** Hardware constants (a chip's peak) are not evidence about the model: see the module comment. */
const isChipSpec = (i: InputUsed) => i.unit === 'flop/s';

/** The data statuses a quantity rests on, following its computed inputs to earlier steps of the run. */
export function dataStatuses(q: Quantity<number>, run: RunEstimate, depth = 0): Status[] {
  if (q.provenance !== 'computed') return [q.provenance];
  return q.inputs.flatMap((i): Status[] => {
    if (i.status === 'assumption' || isChipSpec(i)) return [];
    if (i.status !== 'computed') return [i.status];
    // an earlier step of this derivation (GPU-hours rest on the training FLOP, cost on GPU-hours)
    const earlier = i.unit === 'flop' ? run.trainingFlop : i.unit === 'gpu-hours' ? run.gpuHours : undefined;
    if (!earlier) return [];
    // guards against a loop should the engine ever list a quantity among its own inputs; none does
    // Stryker disable next-line EqualityOperator,ArithmeticOperator,ConditionalExpression,LogicalOperator: a run's chain is at most cost → GPU-hours → FLOP and no quantity is its own input, so neither guard ever decides
    return earlier !== q && depth < 4 ? dataStatuses(earlier, run, depth + 1) : [];
  });
}

export type EstimateField =
  'flop' | 'gpuHours' | 'cost' | 'energy' | 'totalFlop' | 'totalCost' | 'totalGpuHours' | 'totalEnergy';

const RUN_FIELD = {
  flop: 'trainingFlop',
  gpuHours: 'gpuHours',
  cost: 'costUsd',
  energy: 'energyMwh',
  totalFlop: 'trainingFlop',
  totalCost: 'costUsd',
  totalGpuHours: 'gpuHours',
  totalEnergy: 'energyMwh',
} as const satisfies Record<EstimateField, keyof RunEstimate>;

/**
 * The reliance of each computed figure of an estimate; totals include every base run up the
 * chain (and, for a post-trained model whose own run is unknown, rest on the base runs alone).
 */
export function estimateReliance(e: Estimate): Partial<Record<EstimateField, Reliance>> {
  const out: Partial<Record<EstimateField, Reliance>> = {};
  for (const field of Object.keys(RUN_FIELD) as EstimateField[]) {
    const key = RUN_FIELD[field];
    const own = e[key] as Quantity<number> | undefined;
    const bases = field.startsWith('total') ? e.baseRuns : [];
    const baseQs = bases.map((b) => b[key] as Quantity<number> | undefined);
    // a total is shown only when every run in the chain has the figure (the engine's rule too)
    if (baseQs.some((q) => !q)) continue;
    if (!own && baseQs.length === 0) continue;
    const statuses = [
      ...(own ? dataStatuses(own, e) : []),
      ...bases.flatMap((b, i) => dataStatuses(baseQs[i] as Quantity<number>, b)),
    ];
    out[field] = relianceOf(statuses);
  }
  return out;
}

/** Words for a reliance, shared by the legend, tooltips and exports. */
export const RELIANCE_TEXT: Record<Reliance, { short: string; long: string }> = {
  disclosed: {
    short: 'from disclosed figures',
    long: 'every figure it rests on was disclosed by the lab; only your assumptions added',
  },
  partly: { short: 'partly from estimates', long: 'some of the figures it rests on are estimates or leaks' },
  estimated: { short: 'from estimates or leaks', long: 'it rests on third-party estimates or leaks only' },
};
