/**
 * Active parameters: the ones a token passes through, and so the N in 6·N·D. A dense model uses
 * every parameter, so its active count is its total — derived here, never written into the data,
 * and shown with the total's status and source plus a visible "= total (dense)" marker.
 */
import type { Model, Sourced } from '../data/schema';

export const DENSE_DERIVATION = 'dense: active = total';
/** What the table and the derivation card show next to a derived active count. */
export const DENSE_MARKER = '= total (dense)';

export interface ActiveParams {
  /** the recorded active count, or the total it is derived from (same status and source) */
  params: Sourced;
  /** set when `params` is the total standing in for the active count */
  derived?: typeof DENSE_DERIVATION;
}

/** The active parameters a reader may be shown: recorded, or for a dense model its total. */
export function activeParamsOf(model: Model): ActiveParams | undefined {
  if (model.activeParams) return { params: model.activeParams };
  if (model.architecture === 'dense' && model.totalParams)
    return {
      params: {
        ...model.totalParams,
        note: `Dense model: active parameters = total (derived from the total, not a separate figure).${
          model.totalParams.note ? ` ${model.totalParams.note}` : ''
        }`,
      },
      derived: DENSE_DERIVATION,
    };
  return undefined;
}

/**
 * The N the engine multiplies by 6·D: the active count when known, else the total for any model
 * not known to be a mixture of experts (a dense model by definition; an unknown one because the
 * total is the only count there is). `kind` keeps the derivation card's wording.
 */
export function computeParamsOf(
  model: Model,
): { params: Sourced; kind: 'active parameters' | 'parameters (dense)' } | undefined {
  if (model.activeParams) return { params: model.activeParams, kind: 'active parameters' };
  if (model.architecture !== 'moe' && model.totalParams)
    return { params: model.totalParams, kind: 'parameters (dense)' };
  return undefined;
}
