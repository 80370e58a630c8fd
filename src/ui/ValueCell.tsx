import { useEffect, useId, useRef, useState } from 'react';
import type { Sourced } from '../data/schema';
import type { Quantity } from '../domain/estimate';
import { formatRange, formatValue, type Precision, type UnitKind } from '../domain/format';
import { safeHttpUrl } from './safeUrl';
import { STATUS_META } from './status';

type Shown = Sourced | Quantity<number>;

const provenanceOf = (v: Shown) => ('provenance' in v ? v.provenance : v.status);

/**
 * A number with its provenance: styled by status, with its source (or, for computed values,
 * its formula and inputs) one click away.
 */
export function ValueCell({
  value,
  unit,
  showRange = true,
  marker,
  precision = 'compare',
}: {
  value: Shown | undefined;
  unit: UnitKind;
  showRange?: boolean;
  /** a visible qualifier after the value, e.g. "= total (dense)" for a derived active count */
  marker?: string;
  /** 3 significant figures by default; the derivation card asks for 'full' */
  precision?: Precision;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const dialogRef = useRef<HTMLSpanElement>(null);
  // focus moves into the source once, when it opens (not on every re-render while a slider moves)
  useEffect(() => {
    if (open) dialogRef.current?.focus();
  }, [open]);
  if (!value)
    return (
      <span className="value value--unknown" title="Unknown: not disclosed and not estimable from the data">
        —
      </span>
    );
  const provenance = provenanceOf(value);
  const meta = STATUS_META[provenance];
  const range = value.range && value.range[0] !== value.range[1] ? value.range : undefined;
  const text = formatValue(value.value, unit, precision);
  return (
    <span className={`value value--${provenance}`}>
      <button
        type="button"
        className="value__button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${text}${marker ? ` ${marker}` : ''}, ${meta.label.toLowerCase()}: show source`}
        onClick={() => setOpen((o) => !o)}
      >
        {meta.mark && (
          <span className="value__mark" aria-hidden="true">
            {meta.mark}
          </span>
        )}
        {text}
      </button>
      {marker && <span className="value__marker"> {marker}</span>}
      {showRange && range && <span className="value__range"> ({formatRange(range, unit, precision)})</span>}
      {open && (
        <span
          id={id}
          role="dialog"
          aria-label="Source"
          className="popover"
          tabIndex={-1}
          ref={dialogRef}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <SourceDetails value={value} unit={unit} precision={precision === 'tight' ? 'compare' : precision} />
          <button type="button" className="popover__close" onClick={() => setOpen(false)}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}

export function SourceDetails({
  value,
  unit,
  precision = 'compare',
}: {
  value: Shown;
  unit: UnitKind;
  precision?: Precision;
}) {
  const provenance = provenanceOf(value);
  const meta = STATUS_META[provenance];
  return (
    <span className="source-details">
      <strong>{meta.label}</strong>
      {'method' in value && <span className="source-details__method">{value.method}</span>}
      {value.source && <SourceLink title={value.source.title} url={value.source.url} />}
      {'inputs' in value && value.inputs.length > 0 && (
        <span className="source-details__inputs">
          {value.inputs.map((i) => (
            <span key={i.label} className={`value--${i.status}`}>
              {i.label}: {formatValue(i.value, i.unit === 'fraction' ? 'fraction' : mapUnit(i.unit), precision)} (
              {STATUS_META[i.status].label.toLowerCase()})
              {i.source && (
                <>
                  {' '}
                  <SourceLink title={i.source.title} url={i.source.url} />
                </>
              )}
            </span>
          ))}
        </span>
      )}
      {value.note && <span className="source-details__note">{value.note}</span>}
      {'movesWith' in value && value.movesWith.length > 0 && (
        <span className="source-details__moves">Moves with: {value.movesWith.map(assumptionLabel).join(', ')}</span>
      )}
      {unit && null}
    </span>
  );
}

export function SourceLink({ title, url }: { title: string; url: string }) {
  const href = safeHttpUrl(url);
  if (!href)
    return (
      <span className="source-link source-link--unsafe" title="Link not shown: not an http(s) address">
        {title}
      </span>
    );
  return (
    <a className="source-link" href={href} target="_blank" rel="noopener noreferrer">
      {title}
    </a>
  );
}

export function mapUnit(u: string): UnitKind {
  switch (u) {
    case 'count':
      return 'count';
    case 'usd/gpu-hour':
      return 'usd/gpu-hour';
    case 'ratio':
      return 'ratio';
    default:
      return u as UnitKind;
  }
}

export function assumptionLabel(k: string): string {
  return (
    (
      {
        mfu: 'MFU',
        usdPerGpuHour: 'GPU price',
        wattsPerGpu: 'Power per GPU',
        pue: 'PUE',
        defaultChipId: 'default chip',
        costMultiplier: 'cost multiplier',
        rehostChipId: 'what-if chip',
        costBasis: 'Cost basis',
        serverOverhead: 'Server overhead',
        interconnectShare: 'Cluster interconnect',
        depreciationOomPerYear: 'Depreciation',
        usdPerKwh: 'Electricity price',
      } as Record<string, string>
    )[k] ?? k
  );
}
