import { BOUNDS } from '../../domain/assumptions';
import { formatValue } from '../../domain/format';
import { useAppStore } from '../../store/store';

/**
 * On a phone the full assumptions panel sits far below the chart: this bar keeps the two
 * assumptions that move cost the most (MFU and GPU price) beside the chart, so a change is seen
 * while it is made. Shown only on narrow screens (styles.css); the panel stays the full control.
 */
export function QuickAssumptions() {
  const mfu = useAppStore((s) => s.assumptions.mfu);
  const price = useAppStore((s) => s.assumptions.usdPerGpuHour);
  const setAssumption = useAppStore((s) => s.setAssumption);
  return (
    <div className="quick-assumptions" role="group" aria-label="Quick assumptions">
      <label>
        <span className="quick-assumptions__name">MFU {formatValue(mfu, 'fraction')}</span>
        <input
          type="range"
          aria-label="MFU (quick)"
          aria-valuetext={formatValue(mfu, 'fraction')}
          min={Math.round(BOUNDS.mfu.min * 100)}
          max={Math.round(BOUNDS.mfu.max * 100)}
          step={1}
          value={Math.round(mfu * 100)}
          onChange={(e) => setAssumption('mfu', Number(e.target.value) / 100)}
        />
      </label>
      <label>
        <span className="quick-assumptions__name">{formatValue(price, 'usd/gpu-hour')}</span>
        <input
          type="range"
          aria-label="GPU price (quick)"
          aria-valuetext={formatValue(price, 'usd/gpu-hour')}
          min={BOUNDS.usdPerGpuHour.min}
          max={BOUNDS.usdPerGpuHour.max}
          step={BOUNDS.usdPerGpuHour.step}
          value={price}
          onChange={(e) => setAssumption('usdPerGpuHour', Number(e.target.value))}
        />
      </label>
      <a href="#assumptions-title" className="quick-assumptions__all">
        All assumptions
      </a>
    </div>
  );
}
