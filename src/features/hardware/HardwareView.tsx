import { useMemo } from 'react';
import { BOUNDS } from '../../domain/assumptions';
import { formatDate, formatValue } from '../../domain/format';
import { useAppStore } from '../../store/store';
import { ValueCell } from '../../ui/ValueCell';
import { NumberBox } from '../../ui/NumberBox';

export default function HardwareView() {
  const chips = useAppStore((s) => s.reference.chips);
  const models = useAppStore((s) => s.dataset.models);
  const byChip = useAppStore((s) => s.assumptions.usdPerGpuHourByChip);
  const globalPrice = useAppStore((s) => s.assumptions.usdPerGpuHour);
  const setChipPrice = useAppStore((s) => s.setChipPrice);
  const purchaseByChip = useAppStore((s) => s.assumptions.purchaseUsdByChip);
  const setChipPurchasePrice = useAppStore((s) => s.setChipPurchasePrice);
  const costBasis = useAppStore((s) => s.assumptions.costBasis);
  const usage = useMemo(() => {
    const c = new Map<string, number>();
    for (const m of models) if (m.chipId) c.set(m.chipId, (c.get(m.chipId) ?? 0) + 1);
    return c;
  }, [models]);
  return (
    <div className="hardware-view">
      <p className="muted">
        Peak figures are dense (no sparsity). “Your price” overrides the global GPU price (
        {formatValue(globalPrice, 'usd/gpu-hour')}) for models trained on that chip: an A100-hour and a B200-hour do not
        rent for the same. It applies under the rental and market cost bases; under market, a chip without it is priced
        at its listed price at the time of the run. Under the amortized basis (now: {costBasis}), a run is priced from
        the chip’s purchase price: set your own per accelerator, before the server overhead.
      </p>
      <div className="table-scroll" role="region" aria-label="Chips table" tabIndex={0}>
        <table className="models-table">
          <thead>
            <tr>
              {[
                // what moves the estimates first: peak compute and price; the specs follow
                'Chip',
                'Peak BF16',
                'Peak FP8',
                'Your price ($/GPU-h)',
                'Market price (sourced, dated)',
                'Purchase price (sourced)',
                'Your chip price ($)',
                'Models',
                'TDP',
                'Memory',
                'Memory bandwidth',
                'Interconnect',
                'Export control',
              ].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chips.map((c) => (
              <tr key={c.id} data-chip-id={c.id}>
                <th scope="row">
                  {c.name}
                  <div className="muted">{c.vendor}</div>
                </th>
                <td>
                  <ValueCell value={c.peakBf16FlopPerSec} unit="flop/s" />
                </td>
                <td>
                  <ValueCell value={c.peakFp8FlopPerSec} unit="flop/s" />
                </td>
                <td>
                  <NumberBox
                    className="chip-price"
                    label={`Price for ${c.name}`}
                    min={BOUNDS.usdPerGpuHour.min}
                    max={BOUNDS.usdPerGpuHour.max}
                    step={0.05}
                    placeholder={String(globalPrice)}
                    value={byChip[c.id]}
                    onCommit={(v) => setChipPrice(c.id, v)}
                    onClear={() => setChipPrice(c.id, undefined)}
                  />
                </td>
                <td>
                  {c.marketPrices && c.marketPrices.length > 0 ? (
                    <ul className="dated-prices">
                      {c.marketPrices.map((p) => (
                        <li key={p.date}>
                          <ValueCell value={p.price} unit="usd/gpu-hour" />{' '}
                          <span className="muted">{formatDate(p.date)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted" title="No sourced market price: the market basis uses the GPU price">
                      none sourced
                    </span>
                  )}
                </td>
                <td>
                  {c.purchasePrice ? (
                    <>
                      <ValueCell value={c.purchasePrice.price} unit="usd" />{' '}
                      <span className="muted">
                        {formatDate(c.purchasePrice.date)}
                        {c.purchasePrice.includesServer ? ', per GPU incl. server' : ''}
                      </span>
                    </>
                  ) : (
                    <span className="muted" title="No sourced purchase price: the amortized basis uses the GPU price">
                      none sourced
                    </span>
                  )}
                </td>
                <td>
                  <NumberBox
                    className="chip-price"
                    label={`Purchase price for ${c.name}`}
                    min={BOUNDS.purchaseUsd.min}
                    max={BOUNDS.purchaseUsd.max}
                    step={BOUNDS.purchaseUsd.step}
                    placeholder={c.purchasePrice ? String(c.purchasePrice.price.value) : '—'}
                    value={purchaseByChip[c.id]}
                    onCommit={(v) => setChipPurchasePrice(c.id, v)}
                    onClear={() => setChipPurchasePrice(c.id, undefined)}
                  />
                </td>
                <td>{usage.get(c.id) ?? 0}</td>
                <td>
                  <ValueCell value={c.tdpWatts} unit="watts" />
                </td>
                <td>
                  <ValueCell value={c.memoryBytes} unit="bytes" />
                </td>
                <td>
                  <ValueCell value={c.memoryBandwidthBytesPerSec} unit="bytes/s" />
                </td>
                <td>
                  <ValueCell value={c.interconnectBytesPerSec} unit="bytes/s" />
                </td>
                <td className="wrap">
                  <LongText text={c.exportControlNote} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** First sentence visible, the rest one click away: export notes run to paragraphs. */
function LongText({ text }: { text: string | undefined }) {
  if (!text) return <>—</>;
  const cut = text.search(/[.;]\s/);
  if (cut < 0 || text.length < 120) return <>{text}</>;
  return (
    <details>
      <summary>{text.slice(0, cut + 1)}</summary>
      {text.slice(cut + 2)}
    </details>
  );
}
