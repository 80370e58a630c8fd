import { memo, useMemo, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from 'recharts';
import type { Sourced } from '../../data/schema';
import type { FastQuantity, Provenance } from '../../domain/estimate';
import { RELIANCE_TEXT, relianceOfStatus, type Reliance } from '../../domain/reliance';
import { formatValue, type UnitKind } from '../../domain/format';
import { decadeDomain, logTicks } from '../../domain/ticks';
import type { Row } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { selectAxisAvailability } from '../../store/bestView';
import { useDeferredVisibleRows } from '../../store/useDeferredRows';
import { CapabilityStatus } from '../../ui/CapabilityStatus';
import { useCapabilityMetric } from '../../store/useCapability';
import { CAPABILITY_LABEL } from '../../store/capability';
import { describeSettings } from '../../domain/capability/settings';
import { ExportButtons } from '../../ui/export/ExportButtons';
import { colorFor } from '../../ui/palette';
import { useElementWidth } from '../../ui/useElementWidth';

interface BarValue {
  value: number;
  provenance: Provenance;
  /** how much the value rests on disclosed figures: solid, half-tone or pale bar */
  reliance: Reliance;
}

interface BarMetric {
  id: string;
  label: string;
  unit: UnitKind;
  log: boolean;
  read: (r: Row) => BarValue | undefined;
}

const fromSourced = (s: Sourced | undefined): BarValue | undefined =>
  s ? { value: s.value, provenance: s.status, reliance: relianceOfStatus(s.status) } : undefined;
const fromFast = (q: FastQuantity | undefined, reliance: Reliance | undefined): BarValue | undefined =>
  q ? { value: q.value, provenance: q.provenance, reliance: reliance ?? relianceOfStatus(q.provenance) } : undefined;

/** Bar fill by reliance: the same three steps as the scatter's solid, half and hollow marks. */
const BAR_OPACITY: Record<Reliance, number> = { disclosed: 1, partly: 0.6, estimated: 0.25 };

const BUILT_IN: BarMetric[] = [
  {
    id: 'cost',
    label: 'Training cost (USD)',
    unit: 'usd',
    log: true,
    read: (r) =>
      r.fast.totalCostUsd
        ? fromFast(r.fast.totalCostUsd, r.reliance.totalCost)
        : fromFast(r.fast.costUsd, r.reliance.cost),
  },
  {
    id: 'gpuHours',
    label: 'GPU-hours',
    unit: 'gpu-hours',
    log: true,
    read: (r) =>
      r.fast.totalGpuHours
        ? fromFast(r.fast.totalGpuHours, r.reliance.totalGpuHours)
        : fromFast(r.fast.gpuHours, r.reliance.gpuHours),
  },
  {
    id: 'flop',
    label: 'Training compute (FLOP)',
    unit: 'flop',
    log: true,
    // own run + base runs, as cost and energy: R1's compute includes V3's (as Epoch counts it)
    read: (r) =>
      r.fast.totalFlop ? fromFast(r.fast.totalFlop, r.reliance.totalFlop) : fromFast(r.fast.flop, r.reliance.flop),
  },
  {
    id: 'energy',
    label: 'Training energy',
    unit: 'mwh',
    log: true,
    read: (r) =>
      r.fast.totalEnergyMwh
        ? fromFast(r.fast.totalEnergyMwh, r.reliance.totalEnergy)
        : fromFast(r.fast.energyMwh, r.reliance.energy),
  },
];

const ROW_HEIGHT = 22;
/** one bar row per model, every name shown */
const MODEL_NAME_AXIS = {
  type: 'category',
  dataKey: 'name',
  width: 150,
  stroke: 'var(--muted)',
  interval: 0,
  tick: { fontSize: 11 },
} as const;

/** A bar's model id, from recharts' click payload: clicking a bar opens the model's derivation and sources. */
const idOfBar = (bar: unknown): string | undefined => (bar as { payload?: { id?: string } } | undefined)?.payload?.id;

function ApiPriceBars({ rows, onSelect }: { rows: Row[]; onSelect: (id: string | undefined) => void }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const data = rows
    .filter((r) => r.model.usdPerMillionInputTokens || r.model.usdPerMillionOutputTokens)
    .map((r) => ({
      id: r.model.id,
      name: r.model.name,
      input: r.model.usdPerMillionInputTokens?.value,
      output: r.model.usdPerMillionOutputTokens?.value,
    }))
    .sort((a, b) => (b.output ?? b.input ?? 0) - (a.output ?? a.input ?? 0));
  const values = data.flatMap((d) => [d.input, d.output]).filter((v): v is number => v !== undefined && v > 0);
  const domain: [number, number] = values.length ? decadeDomain(values) : [0.01, 100];
  return (
    <figure className="chart-figure">
      <figcaption className="chart-title">API price per million tokens, input and output (log scale)</figcaption>
      <div ref={ref} className="chart-box">
        <BarChart
          width={width}
          height={Math.max(160, data.length * ROW_HEIGHT * 2 + 60)}
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
          role="img"
          aria-label={`API prices of ${data.length} models`}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            scale="log"
            domain={domain}
            ticks={logTicks(domain, values)}
            allowDataOverflow
            tickFormatter={(v: number) => formatValue(v, 'usd/mtok', 'tight')}
            stroke="var(--muted)"
          />
          <YAxis {...MODEL_NAME_AXIS} />
          <Bar
            dataKey="input"
            name="Input"
            fill="var(--us)"
            isAnimationActive={false}
            onClick={(b) => onSelect(idOfBar(b))}
            cursor="pointer"
          />
          <Bar
            dataKey="output"
            name="Output"
            fill="var(--china)"
            isAnimationActive={false}
            onClick={(b) => onSelect(idOfBar(b))}
            cursor="pointer"
          />
        </BarChart>
      </div>
      <div className="chart-legend">
        <span className="chart-legend__item">
          <span className="swatch" style={{ background: 'var(--us)' }} /> Input
        </span>
        <span className="chart-legend__item">
          <span className="swatch" style={{ background: 'var(--china)' }} /> Output
        </span>
        <span className="chart-legend__item">
          {rows.length - data.length} models without a published API price are not shown.
        </span>
      </div>
    </figure>
  );
}

export default function BarsView() {
  const rows = useDeferredVisibleRows();
  return <BarsPlot rows={rows} />;
}

const BarsPlot = memo(function BarsPlot({ rows }: { rows: Row[] }) {
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const y = useAppStore((s) => s.view.y);
  const setView = useAppStore((s) => s.setView);
  const select = useAppStore((s) => s.select);
  const avail = useAppStore(selectAxisAvailability);
  // a dataset without scores (Epoch's) opens on what it has: training compute
  const [metricId, setMetricId] = useState<string>(() =>
    benchmarks.some((b) => !avail.get(b.id)?.unavailable) ? 'bench' : 'flop',
  );
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const bench = benchmarks.find((b) => b.id === y);
  const capability = useCapabilityMetric(metricId === 'capability');
  const capMetric = capability.metric;
  const metric = useMemo<BarMetric | undefined>(
    () =>
      metricId === 'capability'
        ? {
            id: 'capability',
            label: CAPABILITY_LABEL,
            unit: 'capability',
            log: false,
            read: (r) => {
              const v = capMetric?.read(r);
              return v ? { value: v.value, provenance: v.provenance, reliance: v.reliance } : undefined;
            },
          }
        : metricId === 'bench'
          ? bench && {
              id: bench.id,
              label: bench.unit === 'percent' ? `${bench.name} (%)` : bench.name,
              unit: bench.unit === 'percent' ? 'percent' : 'score',
              log: false,
              read: (r) => fromSourced(r.model.benchmarks[bench.id]),
            }
          : BUILT_IN.find((m) => m.id === metricId),
    [metricId, bench, capMetric],
  );
  const data = useMemo(() => {
    if (!metric) return [];
    return rows
      .map((r) => ({ r, v: metric.read(r) }))
      .filter((d): d is { r: Row; v: BarValue } => d.v !== undefined && (!metric.log || d.v.value > 0))
      .sort((a, b) => b.v.value - a.v.value)
      .map(({ r, v }) => ({
        name: r.model.name,
        id: r.model.id,
        value: v.value,
        provenance: v.provenance,
        reliance: v.reliance,
        bloc: r.model.bloc,
      }));
  }, [rows, metric]);
  const values = data.map((d) => d.value);
  const domain: [number, number] | undefined = metric?.log && values.length ? decadeDomain(values) : undefined;
  const exportRef = useRef<HTMLDivElement>(null);
  const exportTitle = metricId === 'api' ? 'API price per million tokens, input and output' : (metric?.label ?? 'Bars');
  const exportLegend =
    metricId === 'api'
      ? [
          { label: 'Input', color: 'var(--us)' },
          { label: 'Output', color: 'var(--china)' },
        ]
      : ['China', 'United States', 'Europe', 'Other'].map((b) => ({ label: b, color: colorFor(b, [], 'bloc') }));
  return (
    <div className="bars-view" ref={exportRef}>
      <div className="chart-controls">
        <label>
          Metric{' '}
          <select value={metricId} onChange={(e) => setMetricId(e.target.value)}>
            <option value="bench">Benchmark score</option>
            <option value="capability">{CAPABILITY_LABEL}</option>
            {BUILT_IN.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
            <option value="api">API price (input and output)</option>
          </select>
        </label>
        {metricId === 'bench' && (
          <label>
            Benchmark{' '}
            <select value={y} onChange={(e) => setView('y', e.target.value)}>
              {benchmarks.map((b) => (
                <option key={b.id} value={b.id} disabled={avail.get(b.id)?.unavailable !== undefined && b.id !== y}>
                  {avail.get(b.id)?.unavailable ? `${b.name} — ${avail.get(b.id)?.unavailable}` : b.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ExportButtons
        chartRef={exportRef}
        title={exportTitle}
        legend={exportLegend}
        coverage={
          metricId === 'api' || !metric
            ? undefined
            : `${data.length} of ${rows.length} models shown${
                rows.length > data.length ? `; ${rows.length - data.length} not shown: no ${metric.label}` : ''
              }`
        }
        {...(metricId === 'capability' && capability.state.result
          ? {
              caption: {
                settings: `Capability fit: ${describeSettings(capability.state.result.settings)}`,
                attribution: 'Capability: Epoch AI benchmark-stitching data (MIT), Ho et al. 2025 method',
              },
            }
          : {})}
      />
      {metricId === 'capability' && <CapabilityStatus state={capability.state} />}
      {metricId === 'api' ? (
        <ApiPriceBars rows={rows} onSelect={select} />
      ) : metric ? (
        <figure className="chart-figure">
          <figcaption className="chart-title">
            {metric.label}
            {metric.log ? ' (log scale)' : ''}, {data.length} models
          </figcaption>
          <div ref={ref} className="chart-box">
            <BarChart
              width={width}
              height={Math.max(160, data.length * ROW_HEIGHT + 60)}
              data={data}
              layout="vertical"
              margin={{ top: 8, right: 70, bottom: 24, left: 8 }}
              role="img"
              aria-label={`${metric.label} for ${data.length} models, sorted`}
            >
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                {...(metric.log && domain
                  ? { scale: 'log' as const, domain, ticks: logTicks(domain, values), allowDataOverflow: true }
                  : {})}
                tickFormatter={(v: number) =>
                  metric.unit === 'flop'
                    ? formatValue(v, 'flop', 'tight').replace(' FLOP', '')
                    : formatValue(v, metric.unit, 'tight')
                }
                stroke="var(--muted)"
              />
              <YAxis {...MODEL_NAME_AXIS} />
              <Bar
                onClick={(b) => select(idOfBar(b))}
                cursor="pointer"
                dataKey="value"
                isAnimationActive={false}
                label={{
                  position: 'right',
                  fontSize: 10,
                  fill: 'var(--muted)',
                  formatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, metric.unit) : ''),
                }}
              >
                {data.map((d) => (
                  <Cell
                    key={d.id}
                    fill={colorFor(d.bloc, [], 'bloc')}
                    fillOpacity={BAR_OPACITY[d.reliance]}
                    stroke={colorFor(d.bloc, [], 'bloc')}
                    strokeDasharray={d.reliance === 'estimated' ? '3 2' : undefined}
                  />
                ))}
              </Bar>
            </BarChart>
          </div>
          <div className="chart-legend">
            {['China', 'United States', 'Europe', 'Other'].map((b) => (
              <span key={b} className="chart-legend__item">
                <span className="swatch" style={{ background: colorFor(b, [], 'bloc') }} /> {b}
              </span>
            ))}
            {(['disclosed', 'partly', 'estimated'] as const).map((r) => (
              <span key={r} className="chart-legend__item" title={RELIANCE_TEXT[r].long}>
                <span
                  className="swatch"
                  style={{
                    background: 'var(--muted)',
                    opacity: BAR_OPACITY[r],
                    outline: r === 'estimated' ? '1px dashed var(--muted)' : undefined,
                  }}
                />{' '}
                {RELIANCE_TEXT[r].short}
              </span>
            ))}
            <span className="chart-legend__item">Click a bar for its derivation and sources.</span>
          </div>
        </figure>
      ) : (
        <p className="empty">No benchmark in this dataset.</p>
      )}
    </div>
  );
});
