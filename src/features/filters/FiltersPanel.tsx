import { BLOCS } from '../../data/constants';
import { selectLabs } from '../../store/selectors';
import { useAppStore } from '../../store/store';

export function FiltersPanel() {
  const f = useAppStore((s) => s.filters);
  const setFilter = useAppStore((s) => s.setFilter);
  const reset = useAppStore((s) => s.resetFilters);
  const labs = useAppStore(selectLabs);
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <section className="panel filters" aria-labelledby="filters-title">
      <h2 id="filters-title">Filters</h2>
      <div className="field">
        <label htmlFor="filter-text">Search</label>
        <input
          id="filter-text"
          type="search"
          placeholder="Model, lab, country"
          value={f.text}
          onChange={(e) => setFilter('text', e.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend>Bloc</legend>
        {BLOCS.map((b) => (
          <label key={b} className="check">
            <input
              type="checkbox"
              checked={f.blocs.includes(b)}
              onChange={() => setFilter('blocs', toggle(f.blocs, b))}
            />{' '}
            {b}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor="filter-open">Weights</label>
          <select
            id="filter-open"
            value={f.openWeights}
            onChange={(e) => setFilter('openWeights', e.target.value as typeof f.openWeights)}
          >
            <option value="all">All</option>
            <option value="open">Open weights</option>
            <option value="closed">Closed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-arch">Architecture</label>
          <select
            id="filter-arch"
            value={f.architecture}
            onChange={(e) => setFilter('architecture', e.target.value as typeof f.architecture)}
          >
            <option value="all">All</option>
            <option value="dense">Dense</option>
            <option value="moe">MoE</option>
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="filter-from">From year</label>
          <input
            id="filter-from"
            type="number"
            min={1950}
            max={2100}
            value={f.fromYear ?? ''}
            onChange={(e) => setFilter('fromYear', e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To year</label>
          <input
            id="filter-to"
            type="number"
            min={1950}
            max={2100}
            value={f.toYear ?? ''}
            onChange={(e) => setFilter('toYear', e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </div>
      </div>
      <details className="field">
        <summary>Labs {f.labs.length > 0 ? `(${f.labs.length})` : ''}</summary>
        <div className="lab-list">
          {labs.map((l) => (
            <label key={l} className="check">
              <input
                type="checkbox"
                checked={f.labs.includes(l)}
                onChange={() => setFilter('labs', toggle(f.labs, l))}
              />{' '}
              {l}
            </label>
          ))}
        </div>
      </details>
      <button type="button" className="link-button" onClick={reset}>
        Clear filters
      </button>
    </section>
  );
}
