import { STATUS_META } from './status';

export function StatusLegend() {
  return (
    <aside className="legend" aria-label="How values are marked">
      {(['disclosed', 'estimate', 'leak', 'computed'] as const).map((k) => (
        <span key={k} className={`legend__item value--${k}`} title={STATUS_META[k].description}>
          <span className="value__mark" aria-hidden="true">
            {STATUS_META[k].mark || '●'}
          </span>{' '}
          {STATUS_META[k].label}
        </span>
      ))}
      <span className="legend__item value--unknown">— Unknown</span>
    </aside>
  );
}
