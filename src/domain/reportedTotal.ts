/**
 * A post-trained model's reported cost with its base model's reported cost added: what the
 * essays' "seventeen times" divides by (DeepSeek's $5.576M for V3 + $294K for R1 ≈ $5.87M,
 * both from DeepSeek's own papers). A sum of two reported figures, never an estimate of ours.
 */
import type { Model } from '../data/schema';
import type { Quantity } from './estimate';
import type { Usd } from './units';

export function reportedCostWithBase(
  model: Model,
  modelsById: ReadonlyMap<string, Model>,
  includeBaseRun: boolean,
): Quantity<Usd> | undefined {
  const base = includeBaseRun && model.baseModelId ? modelsById.get(model.baseModelId) : undefined;
  const own = model.reportedCostUsd;
  const baseCost = base?.reportedCostUsd;
  if (!own || !base || !baseCost) return undefined;
  const lo = (own.range?.[0] ?? own.value) + (baseCost.range?.[0] ?? baseCost.value);
  const hi = (own.range?.[1] ?? own.value) + (baseCost.range?.[1] ?? baseCost.value);
  return {
    value: (own.value + baseCost.value) as Usd,
    range: [lo as Usd, hi as Usd],
    provenance: 'computed',
    method: `reported cost + base model’s reported cost (${base.name})`,
    inputs: [
      {
        label: `${model.name} reported cost`,
        value: own.value,
        unit: 'usd',
        status: own.status,
        source: own.source,
      },
      {
        label: `${base.name} reported cost`,
        value: baseCost.value,
        unit: 'usd',
        status: baseCost.status,
        source: baseCost.source,
      },
    ],
    movesWith: [],
  };
}
