import { useId } from 'react';
import { BOUNDS, DEFAULT_ASSUMPTIONS, type Assumptions, type Basis, type CostBasis } from '../../domain/assumptions';
import { formatValue } from '../../domain/format';
import { useAppStore } from '../../store/store';
import { NumberBox } from '../../ui/NumberBox';

interface SliderSpec {
  key: 'mfu' | 'usdPerGpuHour' | 'wattsPerGpu' | 'pue' | AmortizationKey;
  /** accessible name: a public interface, tests and screen-reader users rely on it */
  label: string;
  unit: string;
  /** slider/number value <-> stored value, when they differ (MFU is shown in percent, stored as a fraction) */
  toShown?: (v: number) => number;
  fromShown?: (v: number) => number;
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
    note: 'Default $2: DeepSeek’s own H800 rental assumption; applies to every chip without its own price (Hardware tab).',
  },
  {
    key: 'wattsPerGpu',
    label: 'Power per GPU',
    unit: 'W',
    note: 'Default 700 W: H100 SXM TDP. Add host and network share for all-in draw (~1 kW).',
  },
  {
    key: 'pue',
    label: 'PUE',
    unit: '×',
    note: 'Default 1.2: a modern hyperscale facility; 1.0 = IT power only.',
  },
];

type AmortizationKey = 'serverOverhead' | 'interconnectShare' | 'depreciationOomPerYear' | 'usdPerKwh';

/** The amortized basis's parameters, each with Cottier et al.'s default and why (arXiv:2405.21015). */
const AMORTIZATION: SliderSpec[] = [
  {
    key: 'serverOverhead',
    label: 'Server overhead',
    unit: '×',
    note: 'Default ×1.64: a server costs 1.54–1.69× its accelerators (CPUs, memory, chassis), Cottier et al.’s average; not applied to prices that are already per server (H100).',
  },
  {
    key: 'interconnectShare',
    label: 'Cluster interconnect',
    unit: '% of cost',
    toShown: (v) => Math.round(v * 1000) / 10,
    fromShown: (v) => Math.round(v * 10) / 1000,
    note: 'Default 19%: Cottier et al.’s estimate of switches and cabling as a share of the whole cluster’s cost.',
  },
  {
    key: 'depreciationOomPerYear',
    label: 'Depreciation',
    unit: 'OOM/yr',
    note: 'Default 0.14 orders of magnitude a year (≈28% of the value lost yearly): the ML GPU price-performance trend Cottier et al. depreciate hardware by, from availability to the run.',
  },
  {
    key: 'usdPerKwh',
    label: 'Electricity price',
    unit: '$/kWh',
    note: 'Default $0.08: the 2023 US industrial average (8.06¢, EIA) Cottier et al. use; energy is GPU-hours × Power per GPU × PUE.',
  },
];

const COST_BASIS_OPTIONS: [CostBasis, string, string][] = [
  ['rental', 'Rental', 'GPU-hours × the GPU price (or a chip’s own price, Hardware tab).'],
  [
    'market',
    'Market',
    'GPU-hours × each chip’s listed public rental price at the time of the run (Hardware tab); chips without one use the GPU price, and say so.',
  ],
  [
    'amortized',
    'Amortized (Epoch’s method)',
    'The hardware value the run uses up plus networking and energy (Cottier et al. 2024), as in Epoch’s cost figures; chips without a sourced purchase price use the GPU price, and say so.',
  ],
];

const boundsOf = (key: SliderSpec['key']) => BOUNDS[key];

function Slider({ spec }: { spec: SliderSpec }) {
  const value = useAppStore((s) => s.assumptions[spec.key]);
  const setAssumption = useAppStore((s) => s.setAssumption);
  const reset = useAppStore((s) => s.resetAssumption);
  const id = useId();
  const b = boundsOf(spec.key);
  const toShown = spec.toShown ?? ((v: number) => v);
  const fromShown = spec.fromShown ?? ((v: number) => v);
  const shown = toShown(value);
  const min = toShown(b.min);
  const max = toShown(b.max);
  const step = spec.key === 'mfu' || spec.key === 'interconnectShare' ? 1 : b.step;
  const apply = (raw: string) => {
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) return;
    setAssumption(spec.key, fromShown(Math.min(max, Math.max(min, n))));
  };
  const isDefault = value === DEFAULT_ASSUMPTIONS[spec.key];
  return (
    <div className="slider">
      <div className="slider__head">
        <label htmlFor={id} className="slider__label">
          {spec.label}
        </label>
        <span className="slider__number">
          <NumberBox
            label={`${spec.label} value`}
            min={min}
            max={max}
            step={step}
            value={shown}
            onCommit={(v) => setAssumption(spec.key, fromShown(v))}
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
    case 'serverOverhead':
      return `times ${v}`;
    case 'interconnectShare':
      return formatValue(v, 'fraction');
    case 'depreciationOomPerYear':
      return formatValue(v, 'oom/year');
    case 'usdPerKwh':
      return formatValue(v, 'usd/kwh');
  }
}

/** How a GPU-hour is priced: one control for the three bases, with the amortized basis's parameters under it. */
export function CostBasisControl() {
  const costBasis = useAppStore((s) => s.assumptions.costBasis);
  const setAssumption = useAppStore((s) => s.setAssumption);
  const noteId = useId();
  return (
    <fieldset className="field cost-basis">
      <legend>Cost basis</legend>
      {COST_BASIS_OPTIONS.map(([v, label]) => (
        <label key={v} className="radio">
          <input
            type="radio"
            name="costbasis"
            value={v}
            checked={costBasis === v}
            onChange={() => setAssumption('costBasis', v)}
            aria-describedby={costBasis === v ? noteId : undefined}
          />{' '}
          {label}
        </label>
      ))}
      <p id={noteId} className="slider__note">
        {COST_BASIS_OPTIONS.find(([v]) => v === costBasis)?.[2]}
      </p>
      {costBasis === 'amortized' && AMORTIZATION.map((spec) => <Slider key={spec.key} spec={spec} />)}
    </fieldset>
  );
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
      <CostBasisControl />
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
      <div className="field">
        <label htmlFor="cost-multiplier">Full-cost multiplier ×{a.costMultiplier}</label>
        <input
          id="cost-multiplier"
          type="range"
          min={BOUNDS.costMultiplier.min}
          max={BOUNDS.costMultiplier.max}
          step={BOUNDS.costMultiplier.step}
          value={a.costMultiplier}
          aria-valuetext={`times ${a.costMultiplier}`}
          onChange={(e) => set('costMultiplier', Number(e.target.value))}
        />
        <p className="slider__note">
          Final run only = ×1. Research, ablations and failed runs are often put at 3–5× the final run.
        </p>
      </div>
      <div className="field">
        <label htmlFor="rehost">What if trained on</label>
        <select
          id="rehost"
          value={a.rehostChipId ?? ''}
          onChange={(e) => set('rehostChipId', e.target.value || undefined)}
        >
          <option value="">Each model’s own chip</option>
          {chips
            .filter((c) => c.peakBf16FlopPerSec)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
        <p className="slider__note">
          Recomputes every run’s GPU-hours from its FLOP on that chip; disclosed GPU-hours are then shown beside, not
          used.
        </p>
      </div>
      <fieldset className="field">
        <legend>Uncertainty</legend>
        <label className="check">
          <input type="checkbox" checked={a.bands} onChange={(e) => set('bands', e.target.checked)} /> Show ranges from
          assumption bands
        </label>
        {a.bands && (
          <div className="field-row">
            <div>
              <span className="band-label">MFU low–high (%)</span>
              <span className="band-inputs">
                <NumberBox
                  label="MFU band low (%)"
                  value={Math.round(a.mfuBand[0] * 100)}
                  min={5}
                  max={80}
                  step={1}
                  onCommit={(v) => set('mfuBand', [v / 100, Math.max(v / 100, a.mfuBand[1])])}
                />
                <NumberBox
                  label="MFU band high (%)"
                  value={Math.round(a.mfuBand[1] * 100)}
                  min={5}
                  max={80}
                  step={1}
                  onCommit={(v) => set('mfuBand', [Math.min(v / 100, a.mfuBand[0]), v / 100])}
                />
              </span>
            </div>
            <div>
              <span className="band-label">Price low–high ($)</span>
              <span className="band-inputs">
                <NumberBox
                  label="GPU price band low"
                  value={a.priceBand[0]}
                  min={0.25}
                  max={10}
                  step={0.25}
                  onCommit={(v) => set('priceBand', [v, Math.max(v, a.priceBand[1])])}
                />
                <NumberBox
                  label="GPU price band high"
                  value={a.priceBand[1]}
                  min={0.25}
                  max={10}
                  step={0.25}
                  onCommit={(v) => set('priceBand', [Math.min(v, a.priceBand[0]), v])}
                />
              </span>
            </div>
          </div>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
