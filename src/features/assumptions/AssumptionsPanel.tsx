import { useId } from 'react';
import { BOUNDS, DEFAULT_ASSUMPTIONS, type Assumptions, type Basis } from '../../domain/assumptions';
import { formatValue } from '../../domain/format';
import { useAppStore } from '../../store/store';

interface SliderSpec {
  key: 'mfu' | 'usdPerGpuHour' | 'wattsPerGpu' | 'pue';
  /** accessible name: a public interface, tests and screen-reader users rely on it */
  label: string;
  unit: string;
  /** slider/number value <-> stored value (MFU is shown in percent, stored as a fraction) */
  toShown: (v: number) => number;
  fromShown: (v: number) => number;
  note: string;
}

const SLIDERS: SliderSpec[] = [
  {
    key: 'mfu',
    label: 'MFU',
    unit: '%',
    toShown: (v) => Math.round(v * 1000) / 10,
    fromShown: (v) => Math.round(v * 10) / 1000,
    note: 'Default 35%: the GPT-4 estimate’s assumption; DeepSeek-V3 implies ~33%, Llama 3.1 reports 38–43%.',
  },
  {
    key: 'usdPerGpuHour',
    label: 'GPU price',
    unit: '$/GPU-h',
    toShown: (v) => v,
    fromShown: (v) => v,
    note: 'Default $2: DeepSeek’s own H800 rental assumption; applies to every chip without its own price (Hardware tab).',
  },
  {
    key: 'wattsPerGpu',
    label: 'Power per GPU',
    unit: 'W',
    toShown: (v) => v,
    fromShown: (v) => v,
    note: 'Default 700 W: H100 SXM TDP. Add host and network share for all-in draw (~1 kW).',
  },
  {
    key: 'pue',
    label: 'PUE',
    unit: '×',
    toShown: (v) => v,
    fromShown: (v) => v,
    note: 'Default 1.2: a modern hyperscale facility; 1.0 = IT power only.',
  },
];

const boundsOf = (key: SliderSpec['key']) => BOUNDS[key];

function Slider({ spec }: { spec: SliderSpec }) {
  const value = useAppStore((s) => s.assumptions[spec.key]);
  const setAssumption = useAppStore((s) => s.setAssumption);
  const reset = useAppStore((s) => s.resetAssumption);
  const id = useId();
  const b = boundsOf(spec.key);
  const shown = spec.toShown(value);
  const min = spec.toShown(b.min);
  const max = spec.toShown(b.max);
  const step = spec.key === 'mfu' ? 1 : b.step;
  const apply = (raw: string) => {
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) return;
    const clamped = Math.min(max, Math.max(min, n));
    setAssumption(spec.key, spec.fromShown(clamped));
  };
  const isDefault = value === DEFAULT_ASSUMPTIONS[spec.key];
  return (
    <div className="slider">
      <div className="slider__head">
        <label htmlFor={id} className="slider__label">
          {spec.label}
        </label>
        <span className="slider__number">
          <input
            type="number"
            aria-label={`${spec.label} value`}
            min={min}
            max={max}
            step={step}
            value={shown}
            onChange={(e) => apply(e.target.value)}
          />
          <span className="slider__unit">{spec.unit}</span>
        </span>
        <button
          type="button"
          className="slider__reset"
          onClick={() => reset(spec.key)}
          disabled={isDefault}
          aria-label={`Reset ${spec.label} to default`}
          title="Reset to default"
        >
          ↺
        </button>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-valuetext={valueText(spec.key, value)}
        onChange={(e) => apply(e.target.value)}
      />
      <p className="slider__note">{spec.note}</p>
    </div>
  );
}

function valueText(key: SliderSpec['key'], v: number): string {
  switch (key) {
    case 'mfu':
      return formatValue(v, 'fraction');
    case 'usdPerGpuHour':
      return formatValue(v, 'usd/gpu-hour');
    case 'wattsPerGpu':
      return formatValue(v, 'watts');
    case 'pue':
      return `PUE ${v}`;
  }
}

export function AssumptionsPanel() {
  const a = useAppStore((s) => s.assumptions);
  const chips = useAppStore((s) => s.reference.chips);
  const setAssumption = useAppStore((s) => s.setAssumption);
  const error = useAppStore((s) => s.assumptionError);
  const set = <K extends keyof Assumptions>(k: K, v: Assumptions[K]) => setAssumption(k, v);
  return (
    <section className="panel assumptions" aria-labelledby="assumptions-title">
      <h2 id="assumptions-title">Assumptions</h2>
      <p className="panel__hint">Fill in only what labs did not disclose. Disclosed figures never move.</p>
      {SLIDERS.map((s) => (
        <Slider key={s.key} spec={s} />
      ))}
      <div className="field">
        <label htmlFor="default-chip">Default chip</label>
        <select id="default-chip" value={a.defaultChipId} onChange={(e) => set('defaultChipId', e.target.value)}>
          {chips
            .filter((c) => c.peakBf16FlopPerSec)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
        <p className="slider__note">For models whose training chip is unknown.</p>
      </div>
      <fieldset className="field">
        <legend>Compute basis</legend>
        {(
          [
            ['auto', 'Auto (disclosed › 6·N·D › third-party)'],
            ['6nd', '6·N·D'],
            ['reported', 'Reported FLOP'],
          ] as [Basis, string][]
        ).map(([v, label]) => (
          <label key={v} className="radio">
            <input type="radio" name="basis" value={v} checked={a.basis === v} onChange={() => set('basis', v)} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={a.includeBaseRun} onChange={(e) => set('includeBaseRun', e.target.checked)} />{' '}
        Include base-model run for post-trained models (R1 = V3 + RL)
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
