/**
 * Derived data. Estimates are computed once per change of dataset, chips or assumptions
 * (memoized on identity), then shared by every view.
 */
import type { Chip, Model } from '../data/schema';
import type { Assumptions } from '../domain/assumptions';
import { estimateAll, type Estimate } from '../domain/estimate';
import { memoLast } from './memo';
import type { AppState } from './store';
import type { Filters } from './url';

export interface Row {
  model: Model;
  estimate: Estimate;
}

const computeRows = memoLast((models: Model[], chips: Chip[], assumptions: Assumptions): Row[] => {
  const estimates = estimateAll(models, chips, assumptions);
  return models.map((model, i) => ({ model, estimate: estimates[i] as Estimate }));
});

export const selectRows = (s: AppState): Row[] => computeRows(s.dataset.models, s.reference.chips, s.assumptions);

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

const computeVisible = memoLast((rows: Row[], filters: Filters): Row[] =>
  rows.filter((r) => matchesFilters(r.model, filters)),
);

export const selectVisibleRows = (s: AppState): Row[] => computeVisible(selectRows(s), s.filters);

const computeLabs = memoLast((models: Model[]) =>
  [...new Set(models.map((m) => m.lab))].sort((a, b) => a.localeCompare(b)),
);
export const selectLabs = (s: AppState): string[] => computeLabs(s.dataset.models);

export const selectChipsById = memoLast((chips: Chip[]) => new Map(chips.map((c) => [c.id, c])));
