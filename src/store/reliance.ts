/**
 * The reliance of every model's computed figures (see domain/reliance), read from full
 * derivations. It does not move with the sliders' values, only with the choices that change which
 * figures a derivation uses (compute basis, what-if chip, base run, default chip), so it is
 * computed once per dataset and such choice, on first use, and shared by every slider step.
 */
import type { Chip, Model } from '../data/schema';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../domain/assumptions';
import { estimateModel, makeContext } from '../domain/estimate';
import { estimateReliance, type EstimateField, type Reliance } from '../domain/reliance';
import { memoLast } from './memo';

export type RowReliance = Partial<Record<EstimateField, Reliance>>;

const tableFor = memoLast(
  (
    models: Model[],
    chips: Chip[],
    basis: Assumptions['basis'],
    rehostChipId: string | undefined,
    includeBaseRun: boolean,
    defaultChipId: string,
  ) => {
    let table: Map<string, RowReliance> | undefined;
    return (): Map<string, RowReliance> => {
      if (!table) {
        const ctx = makeContext(models, chips);
        const a: Assumptions = {
          ...DEFAULT_ASSUMPTIONS,
          basis,
          includeBaseRun,
          defaultChipId,
          ...(rehostChipId ? { rehostChipId } : {}),
        };
        table = new Map(models.map((m) => [m.id, estimateReliance(estimateModel(m, a, ctx))]));
      }
      return table;
    };
  },
);

/** A lookup of each model's reliance under these assumptions, computed when first asked. */
export function relianceTable(models: Model[], chips: Chip[], a: Assumptions): () => Map<string, RowReliance> {
  return tableFor(models, chips, a.basis, a.rehostChipId, a.includeBaseRun, a.defaultChipId);
}
