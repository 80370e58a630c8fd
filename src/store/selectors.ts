/**
 * Derived data. Estimates are computed once per change of dataset, chips or assumptions
 * (memoized on identity), then shared by every view.
 */
import type { Chip, Model } from '../data/schema';
import type { Assumptions } from '../domain/assumptions';
import { assertValidAssumptions, type Assumptions as A } from '../domain/assumptions';
import {
  estimateFast,
  estimateModel,
  makeContext,
  type Estimate,
  type EstimationContext,
  type FastEstimate,
} from '../domain/estimate';
import { memoLast, memoRecent } from './memo';
import { relianceTable, type RowReliance } from './reliance';
import type { AppState } from './store';
import type { Filters } from './url';

export interface Row {
  model: Model;
  /** numbers only, computed for every model on every change: charts, sorting */
  fast: FastEstimate;
  /** the full derivation (inputs, sources, formulas), computed on first read: cells, cards, exports */
  readonly estimate: Estimate;
  /** how much of each computed figure rests on disclosed figures (hollow, half or solid marks) */
  readonly reliance: RowReliance;
}

class LazyRow implements Row {
  private full?: Estimate;
  constructor(
    readonly model: Model,
    readonly fast: FastEstimate,
    private readonly assumptions: A,
    private readonly ctx: EstimationContext,
    private readonly relianceOf: () => Map<string, RowReliance>,
  ) {}
  get estimate(): Estimate {
    this.full ??= estimateModel(this.model, this.assumptions, this.ctx);
    return this.full;
  }
  get reliance(): RowReliance {
    return this.relianceOf().get(this.model.id) ?? {};
  }
}

// the lookups depend on the data only: built once per dataset, not on every slider step
const contextFor = memoLast(makeContext);

export function buildRows(models: Model[], chips: Chip[], assumptions: Assumptions): Row[] {
  assertValidAssumptions(assumptions);
  const ctx = contextFor(models, chips);
  const reliance = relianceTable(models, chips, assumptions);
  return models.map((model) => new LazyRow(model, estimateFast(model, assumptions, ctx), assumptions, ctx, reliance));
}

// two results kept: a deferred render (new values) and an urgent one (the last committed values)
// can interleave, and neither should recompute the other's rows
const computeRows = memoRecent(buildRows, 2);

/** Every model's row under these assumptions (the same array for the same inputs). */
export const rowsFor = (models: Model[], chips: Chip[], assumptions: Assumptions): Row[] =>
  computeRows(models, chips, assumptions);

export const selectRows = (s: AppState): Row[] => rowsFor(s.dataset.models, s.reference.chips, s.assumptions);

export function matchesFilters(m: Model, f: Filters): boolean {
  if (f.blocs.length > 0 && !f.blocs.includes(m.bloc)) return false;
  if (f.labs.length > 0 && !f.labs.includes(m.lab)) return false;
  if (f.openWeights === 'open' && !m.openWeights) return false;
  if (f.openWeights === 'closed' && m.openWeights) return false;
  if (f.architecture !== 'all' && m.architecture !== f.architecture) return false;
  const year = Number(m.releaseDate.slice(0, 4));
  if (f.fromYear !== undefined && year < f.fromYear) return false;
  if (f.toYear !== undefined && year > f.toYear) return false;
  if (f.text) {
    const q = f.text.toLowerCase();
    const hay = `${m.name} ${m.lab} ${m.country} ${m.id}`.toLowerCase();
    if (!q.split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  return true;
}

// which models pass the filters depends on the models and filters, never on a slider: worked out
// once per filter change, then each step's rows (in the models' order) are picked by index
const computeVisibleIndices = memoLast((models: Model[], filters: Filters): number[] => {
  const out: number[] = [];
  models.forEach((m, i) => {
    if (matchesFilters(m, filters)) out.push(i);
  });
  return out;
});

const computeVisible = memoRecent(
  (rows: Row[], indices: number[]): Row[] =>
    indices.length === rows.length ? rows : indices.map((i) => rows[i] as Row),
  2,
);

/** The rows that pass the filters, in the models' order. */
export const visibleRowsFor = (models: Model[], chips: Chip[], assumptions: Assumptions, filters: Filters): Row[] =>
  computeVisible(rowsFor(models, chips, assumptions), computeVisibleIndices(models, filters));

const computeLabs = memoLast((models: Model[]) =>
  [...new Set(models.map((m) => m.lab))].sort((a, b) => a.localeCompare(b)),
);
export const selectLabs = (s: AppState): string[] => computeLabs(s.dataset.models);
