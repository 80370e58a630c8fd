import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, ScatterChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { formatValue, type UnitKind } from '../../domain/format';
import { useAppStore } from '../../store/store';
import { useDeferredVisibleRows } from '../../store/useDeferredRows';
import type { Row } from '../../store/selectors';
import { CAPABILITY_METRIC, noteOf, X_AXES, type ViewState, type XAxis as XAxisId } from '../../store/url';
import { CAPABILITY_LABEL } from '../../store/capability';
import { describeSettings } from '../../domain/capability/settings';
import { useCapabilityMetric } from '../../store/useCapability';
import { ExportButtons } from '../../ui/export/ExportButtons';
import { colorFor } from '../../ui/palette';
import { STATUS_META } from '../../ui/status';
import { RELIANCE_TEXT, type Reliance } from '../../domain/reliance';
import { useElementWidth } from '../../ui/useElementWidth';
import { X_METRICS } from '../../store/metrics';
import { selectAxisAvailability } from '../../store/bestView';
import { placeLabels } from '../../ui/labels';
import { CANVAS_THRESHOLD, CanvasPoints } from './CanvasPoints';
import {
  buildScatter,
  describeCoverage,
  lowerFirst,
  type Point,
  type PointLayerProps,
  type ScatterState,
} from '../../store/scatterState';
import { linearTicks, logTicks, yearTicks } from '../../domain/ticks';
import { analyse, describeFit, describeResidual, type Analysis } from '../../store/analysis';
import { AnalysisLayer } from './AnalysisLayer';
import { CapabilityStatus } from '../../ui/CapabilityStatus';

const CHART_HEIGHT = 480;
const RELIANCES: Reliance[] = ['disclosed', 'partly', 'estimated'];

/** Axis ticks: tight precision, units left to the axis title. */
export function formatAxis(v: number, unit: UnitKind | 'date'): string {
  if (unit === 'date') return new Date(v).getUTCFullYear().toString();
  if (unit === 'flop') return formatValue(v, 'flop', 'tight').replace(' FLOP', '');
  if (unit === 'gpu-hours') return formatValue(v, 'gpu-hours', 'tight').replace(' GPU-h', '');
  return formatValue(v, unit, 'tight');
}

function Points({ state, view, selectedId, onHover, onSelect, onLabelsHidden }: PointLayerProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const px = (v: number) => xScale(v) ?? Number.NaN;
  const py = (v: number) => yScale(v) ?? Number.NaN;
  const notes = view.notes;
  // annotated models are always labelled, with their note; others only when labels are on
  const wanted = state.points.filter((p) => view.labels || noteOf(notes, p.id) !== undefined);
  const placed = placeLabels(
    wanted.map((p) => ({
      id: p.id,
      text: noteOf(notes, p.id) !== undefined ? `${p.name}: ${noteOf(notes, p.id)}` : p.name,
      px: px(p.x),
      py: py(p.y),
      priority: (noteOf(notes, p.id) !== undefined ? 1e6 : 0) + (p.id === selectedId ? 1000 : 0) + p.y,
      force: noteOf(notes, p.id) !== undefined,
    })),
    plot,
    11,
    state.points.map((p) => ({ x0: px(p.x) - 5, y0: py(p.y) - 5, x1: px(p.x) + 5, y1: py(p.y) + 5 })),
  );
  return (
    <g className="points">
      <Report value={wanted.length - placed.length} to={onLabelsHidden} />
      {state.points.map((p) => {
        const color = colorFor(p.colorKey, state.colorKeys, view.colorBy);
        const cx = px(p.x);
        const cy = py(p.y);
        if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
        const selected = p.id === selectedId;
        const noted = noteOf(notes, p.id) !== undefined;
        return (
          <g
            key={p.id}
            data-model-id={p.id}
            className={`point${selected ? ' point--selected' : ''}${noted ? ' point--noted' : ''}`}
          >
            {noted && <circle cx={cx} cy={cy} r={10} fill="none" stroke="var(--accent)" strokeWidth={2.5} />}
            {p.xRange && (
              <line
                x1={px(p.xRange[0])}
                x2={px(p.xRange[1])}
                y1={cy}
                y2={cy}
                stroke={color}
                strokeWidth={1.2}
                opacity={0.7}
              />
            )}
            {p.yRange && (
              <line
                x1={cx}
                x2={cx}
                y1={py(p.yRange[0])}
                y2={py(p.yRange[1])}
                stroke={color}
                strokeWidth={1.2}
                opacity={0.7}
              />
            )}
            <circle
              cx={cx}
              cy={cy}
              r={selected ? 7 : 5.5}
              fill={p.reliance === 'disclosed' ? color : 'var(--panel)'}
              stroke={selected ? 'var(--text)' : color}
              strokeWidth={p.reliance === 'disclosed' ? 1 : 2}
              data-reliance={p.reliance}
              onMouseEnter={() => onHover({ point: p, px: cx, py: cy })}
              onMouseLeave={() => onHover(undefined)}
              onClick={() => onSelect(p.id)}
              style={{ cursor: 'pointer' }}
            />
            {p.reliance === 'partly' && (
              <path d={halfDisc(cx, cy, selected ? 7 : 5.5)} fill={color} pointerEvents="none" />
            )}
          </g>
        );
      })}
      {placed.map((l) => (
        <text
          key={l.id}
          x={l.x}
          y={l.y}
          textAnchor={l.anchor}
          className="point-label"
          fontSize={11}
          fill="var(--text)"
          pointerEvents="none"
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}

/** Passes a number computed while drawing up to the view, after the draw. */
function Report({ value, to }: { value: number; to: ((n: number) => void) | undefined }) {
  useEffect(() => to?.(value), [value, to]);
  return null;
}

/** The left half of a disc: the mark of a value that rests partly on disclosed figures. */
export function halfDisc(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r} A${r},${r} 0 0 0 ${cx},${cy + r} Z`;
}

/** The three marks, explained where the reader meets them (legend, export, tooltip). */
export function RelianceMark({ reliance, color = 'var(--muted)' }: { reliance: Reliance; color?: string }) {
  return (
    <svg width="12" height="12" aria-hidden="true" className="reliance-mark">
      <circle
        cx="6"
        cy="6"
        r="4.5"
        fill={reliance === 'disclosed' ? color : 'var(--panel)'}
        stroke={color}
        strokeWidth={reliance === 'disclosed' ? 1 : 2}
      />
      {reliance === 'partly' && <path d={halfDisc(6, 6, 4.5)} fill={color} />}
    </svg>
  );
}

/** Ring around the keyboard-focused model; tells the view where it is so the tooltip follows. */
function FocusMarker({
  point,
  onPlace,
}: {
  point: Point;
  onPlace: (p: { point: Point; px: number; py: number }) => void;
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const px = xScale?.(point.x);
  const py = yScale?.(point.y);
  useEffect(() => {
    if (px !== undefined && py !== undefined) onPlace({ point, px, py });
  }, [point, px, py, onPlace]);
  if (px === undefined || py === undefined) return null;
  return (
    <circle
      className="focus-ring"
      cx={px}
      cy={py}
      r={11}
      fill="none"
      stroke="var(--focus)"
      strokeWidth={2.5}
      strokeDasharray="3 2"
    />
  );
}

function Tooltip({ point, state, analysis }: { point: Point; state: ScatterState; analysis: Analysis }) {
  const res = analysis.residuals.get(point.id);
  const dominators = analysis.dominatedBy.get(point.id);
  const xv = state.x.read(point.row);
  const yv = state.y.read(point.row);
  const m = point.row.model;
  return (
    <>
      <strong>{m.name}</strong>
      <span className="muted">
        {m.lab} · {m.bloc} · {m.openWeights ? 'open weights' : 'closed'}
      </span>
      {xv && (
        <span>
          {state.x.label}: {formatAxisValue(xv.value, state.x.unit)}{' '}
          <em className={`value--${xv.provenance}`}>({STATUS_META[xv.provenance].label.toLowerCase()})</em>
        </span>
      )}
      {yv && (
        <span>
          {state.y.label}: {formatAxisValue(yv.value, state.y.unit)}{' '}
          <em className={`value--${yv.provenance}`}>({STATUS_META[yv.provenance].label.toLowerCase()})</em>
        </span>
      )}
      {point.row.fast.partial && (
        <span className="tooltip-analysis">Post-training run unknown: the base model’s run only</span>
      )}
      <span className="muted">
        <RelianceMark reliance={point.reliance} /> {RELIANCE_TEXT[point.reliance].long}
      </span>
      {point.row.estimate.reportedCostUsd && (
        <span>
          Reported cost: {formatValue(point.row.estimate.reportedCostUsd.value, 'usd')} (
          {STATUS_META[point.row.estimate.reportedCostUsd.status].label.toLowerCase()})
        </span>
      )}
      {res && <span className="tooltip-analysis">{describeResidual(res, analysis)}</span>}
      {analysis.frontier.some((p) => p.id === point.id) && (
        <span className="tooltip-analysis">On the Pareto frontier</span>
      )}
      {dominators && (
        <span className="tooltip-analysis">
          Dominated by{' '}
          {dominators
            .slice(0, 4)
            .map((id) => state.points.find((p) => p.id === id)?.name ?? id)
            .join(', ')}
          {dominators.length > 4 ? ` and ${dominators.length - 4} more` : ''}
        </span>
      )}
      <span className="muted">Click, or Enter, for the derivation and sources</span>
    </>
  );
}

function formatAxisValue(v: number, unit: UnitKind | 'date'): string {
  if (unit === 'date') return new Date(v).toISOString().slice(0, 10);
  return formatValue(v, unit);
}

export function ScatterControls() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const avail = useAppStore(selectAxisAvailability);
  // an option the dataset cannot fill stays listed, disabled, saying why
  const optionText = (id: string, label: string, withCount: boolean) => {
    const a = avail.get(id);
    if (a?.unavailable) return `${label} — ${a.unavailable}`;
    return withCount ? `${label} (${a?.count ?? 0})` : label;
  };
  const dateAxis = view.x === 'date';
  return (
    <div className="chart-controls">
      <label>
        X axis{' '}
        <select value={view.x} onChange={(e) => setView('x', e.target.value as XAxisId)}>
          {X_AXES.map((x) => (
            <option key={x} value={x} disabled={avail.get(x)?.unavailable !== undefined && x !== view.x}>
              {optionText(x, X_METRICS[x].label, false)}
            </option>
          ))}
        </select>
      </label>
      <label className="check-inline">
        <input
          type="checkbox"
          checked={view.logX && !dateAxis}
          disabled={dateAxis}
          aria-describedby={dateAxis ? 'logx-why' : undefined}
          onChange={(e) => setView('logX', e.target.checked)}
        />{' '}
        Log X
        {dateAxis && (
          <span id="logx-why" className="control-hint">
            {' '}
            (dates are linear)
          </span>
        )}
      </label>
      <label>
        Y axis{' '}
        <select value={view.y} onChange={(e) => setView('y', e.target.value)}>
          <optgroup label="Benchmarks (models with a score)">
            {benchmarks.map((b) => (
              <option key={b.id} value={b.id} disabled={avail.get(b.id)?.unavailable !== undefined && b.id !== view.y}>
                {optionText(b.id, b.name, true)}
              </option>
            ))}
          </optgroup>
          <optgroup label="One scale for every benchmark">
            <option value={CAPABILITY_METRIC}>{CAPABILITY_LABEL}</option>
          </optgroup>
          <optgroup label="Compute and cost">
            {X_AXES.filter((x) => x !== 'date').map((x) => (
              <option key={x} value={x} disabled={avail.get(x)?.unavailable !== undefined && x !== view.y}>
                {optionText(x, X_METRICS[x].label, false)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="check-inline">
        <input type="checkbox" checked={view.logY} onChange={(e) => setView('logY', e.target.checked)} /> Log Y
      </label>
      <label>
        Colour by{' '}
        <select value={view.colorBy} onChange={(e) => setView('colorBy', e.target.value as ViewState['colorBy'])}>
          <option value="bloc">Bloc</option>
          <option value="lab">Lab</option>
          <option value="open">Open weights</option>
        </select>
      </label>
      <label className="check-inline">
        <input type="checkbox" checked={view.labels} onChange={(e) => setView('labels', e.target.checked)} /> Labels
      </label>
      <label className="check-inline">
        <input type="checkbox" checked={view.fit} onChange={(e) => setView('fit', e.target.checked)} /> Trend
      </label>
      {view.fit && (
        <label>
          Fit to{' '}
          <select
            value={view.fitSubset}
            onChange={(e) => setView('fitSubset', e.target.value as ViewState['fitSubset'])}
          >
            <option value="all">All models shown</option>
            <option value="china">Chinese labs</option>
            <option value="us">US labs</option>
            <option value="europe">European labs</option>
            <option value="records">Record-setters (best score at release)</option>
          </select>
        </label>
      )}
      <label className="check-inline">
        <input type="checkbox" checked={view.pareto} onChange={(e) => setView('pareto', e.target.checked)} /> Pareto
        frontier
      </label>
    </div>
  );
}

export default function ScatterView() {
  const rows = useDeferredVisibleRows();
  return <ScatterPlot rows={rows} />;
}

const ScatterPlot = memo(function ScatterPlot({ rows }: { rows: Row[] }) {
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const view = useAppStore((s) => s.view);
  const select = useAppStore((s) => s.select);
  const setView = useAppStore((s) => s.setView);
  const viewNote = useAppStore((s) => s.viewNote);
  const totalModels = useAppStore((s) => s.dataset.models.length);
  const capability = useCapabilityMetric(view.y === CAPABILITY_METRIC);
  const capMetric = capability.metric;
  const state = useMemo(() => buildScatter(rows, benchmarks, view, capMetric), [rows, benchmarks, view, capMetric]);
  const analysis = useMemo(() => analyse(state, view), [state, view]);
  const [hover, setHover] = useState<{ point: Point; px: number; py: number }>();
  // keyboard: one tab stop on the chart, arrow keys walk the models in x order, Enter opens the
  // derivation. The active point survives a trip into the card and back (Escape returns here).
  const [focusId, setFocusId] = useState<string>();
  const [labelsHidden, setLabelsHidden] = useState(0);
  const [chartFocused, setChartFocused] = useState(false);
  const openDerivation = (id: string) => {
    setFocusId(id);
    // the card takes the reader's attention: no tooltip left over the neighbouring labels
    setHover(undefined);
    select(id);
  };
  const byX = useMemo(() => [...state.points].sort((a, b) => a.x - b.x || a.y - b.y), [state.points]);
  const focused = focusId ? byX.find((p) => p.id === focusId) : undefined;
  const onChartKey = (e: React.KeyboardEvent) => {
    if (byX.length === 0) return;
    const i = focused ? byX.indexOf(focused) : -1;
    let next: Point | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = byX[Math.min(byX.length - 1, i + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = byX[Math.max(0, i < 0 ? 0 : i - 1)];
    else if (e.key === 'Home') next = byX[0];
    else if (e.key === 'End') next = byX[byX.length - 1];
    else if ((e.key === 'Enter' || e.key === ' ') && focused) {
      e.preventDefault();
      openDerivation(focused.id);
      return;
    } else if (e.key === 'Escape') {
      // with the card open, Escape closes it (the card listens on the document) and the point stays
      if (view.selectedId) return;
      setFocusId(undefined);
      setHover(undefined);
      return;
    } else return;
    e.preventDefault();
    if (next) setFocusId(next.id);
  };
  const [boxRef, width] = useElementWidth<HTMLDivElement>(900);
  const xTicks =
    view.logX && state.x.unit !== 'date'
      ? logTicks(
          state.xDomain,
          state.points.map((p) => p.x),
        )
      : state.x.unit === 'date'
        ? yearTicks(state.xDomain)
        : linearTicks(state.xDomain);
  const yTicks = view.logY
    ? logTicks(
        state.yDomain,
        state.points.map((p) => p.y),
      )
    : linearTicks(state.yDomain);
  const title = `${state.y.label} vs. ${lowerFirst(state.x.label)}`;
  const exportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // read by `npm run bench` (first chart painted after navigation)
    if (state.points.length > 0 && performance.getEntriesByName('first-chart').length === 0)
      performance.mark('first-chart');
  }, [state.points.length]);
  const hasRanges = state.points.some((p) => p.xRange || p.yRange);
  const coverage = describeCoverage(state, rows.length, totalModels);
  const legend = [
    ...state.colorKeys.map((k) => ({ label: k, color: colorFor(k, state.colorKeys, view.colorBy) })),
    ...RELIANCES.map((r) => ({ label: RELIANCE_TEXT[r].short, color: 'var(--muted)', mark: r })),
  ];
  return (
    <div className="scatter-view" ref={exportRef}>
      <ScatterControls />
      <ExportButtons
        chartRef={exportRef}
        title={title}
        legend={legend}
        coverage={coverage}
        {...(view.y === CAPABILITY_METRIC && capability.state.result
          ? {
              caption: {
                settings: `Capability fit: ${describeSettings(capability.state.result.settings)}`,
                attribution: 'Capability: Epoch AI benchmark-stitching data (MIT), Ho et al. 2025 method',
              },
            }
          : {})}
      />
      <figure className="chart-figure">
        <figcaption className="chart-title">{title}</figcaption>
        {viewNote && (
          <p className="chart-note chart-note--moved" role="status">
            {viewNote}
          </p>
        )}
        <div
          className="chart-box"
          ref={boxRef}
          tabIndex={0}
          role="group"
          aria-label={`${title}. ${state.points.length} models. Arrow keys move between models, Enter opens the derivation.`}
          onKeyDown={onChartKey}
          onFocus={() => setChartFocused(true)}
          onBlur={() => {
            setChartFocused(false);
            setHover(undefined);
          }}
        >
          <ScatterChart
            width={width}
            height={CHART_HEIGHT}
            margin={{ top: 12, right: 24, bottom: 36, left: 12 }}
            // the chart box above is the one tab stop, with its own arrow-key walk
            accessibilityLayer={false}
            role="img"
            aria-label={`${title}: ${state.points.length} models plotted`}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              scale={view.logX ? 'log' : 'linear'}
              domain={state.xDomain}
              allowDataOverflow
              {...(xTicks && xTicks.length > 0 ? { ticks: xTicks } : {})}
              tickFormatter={(v: number) => formatAxis(v, state.x.unit)}
              stroke="var(--muted)"
              label={{ value: state.x.label, position: 'insideBottom', offset: -24, fill: 'var(--text)' }}
            />
            <YAxis
              type="number"
              dataKey="y"
              scale={view.logY ? 'log' : 'linear'}
              domain={state.yDomain}
              allowDataOverflow
              {...(yTicks && yTicks.length > 0 ? { ticks: yTicks } : {})}
              tickFormatter={(v: number) => formatAxis(v, state.y.unit === 'percent' ? 'score' : state.y.unit)}
              width={state.y.unit === 'percent' || state.y.unit === 'score' ? 56 : 72}
              stroke="var(--muted)"
              label={{
                value: state.y.label,
                angle: -90,
                position: 'insideLeft',
                offset: 8,
                fill: 'var(--text)',
                style: { textAnchor: 'middle' },
              }}
            />
            <AnalysisLayer analysis={analysis} view={view} />
            {focused && chartFocused && <FocusMarker point={focused} onPlace={setHover} />}
            {state.points.length > CANVAS_THRESHOLD ? (
              <CanvasPoints
                state={state}
                view={view}
                selectedId={view.selectedId}
                onHover={setHover}
                onSelect={openDerivation}
                onLabelsHidden={setLabelsHidden}
              />
            ) : (
              <Points
                state={state}
                view={view}
                selectedId={view.selectedId}
                onHover={setHover}
                onSelect={openDerivation}
                onLabelsHidden={setLabelsHidden}
              />
            )}
          </ScatterChart>
          {hover && (
            <div
              className="chart-tooltip"
              role="tooltip"
              style={{ left: Math.min(hover.px + 12, width - 260), top: Math.max(hover.py - 10, 0) }}
            >
              <Tooltip point={hover.point} state={state} analysis={analysis} />
            </div>
          )}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {focused && chartFocused
            ? `${focused.name}: ${state.y.label} ${formatAxisValue(focused.y, state.y.unit)}, ${state.x.label} ${formatAxisValue(focused.x, state.x.unit)}`
            : ''}
        </p>
        <div className="chart-legend" aria-label="Legend">
          {state.colorKeys.map((k) => (
            <span key={k} className="chart-legend__item">
              <svg width="12" height="12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" fill={colorFor(k, state.colorKeys, view.colorBy)} />
              </svg>{' '}
              {k}
            </span>
          ))}
          <span className="chart-legend__group">
            <span title="How much of a point’s position rests on figures the lab itself disclosed">Marks:</span>
            {RELIANCES.map((r) => (
              <span key={r} className="chart-legend__item" title={RELIANCE_TEXT[r].long}>
                <RelianceMark reliance={r} /> {RELIANCE_TEXT[r].short}
              </span>
            ))}
          </span>
          {hasRanges && (
            <span className="chart-legend__item">
              <svg width="16" height="12" aria-hidden="true">
                <line x1="1" x2="15" y1="6" y2="6" stroke="var(--muted)" strokeWidth="1.5" />
              </svg>{' '}
              low–high range {view.x === 'cost' || view.x === 'flop' ? 'of the figure it rests on' : ''}
            </span>
          )}
        </div>
        {view.fit && <p className="chart-note trend-summary">{describeFit(analysis, lowerFirst(state.x.label))}</p>}
        {view.pareto && analysis.frontier.length === 0 && (
          <p className="chart-note">
            The Pareto frontier needs a cost-like x axis (compute, cost, energy, price, size) and a score on y.
          </p>
        )}
        {state.points.length === 0 && rows.length > 0 && (
          <p className="chart-note">
            Nothing to plot on these axes.{' '}
            <button
              type="button"
              onClick={() => {
                setView('x', 'date');
                setView('logX', false);
                setView('y', 'flop');
                setView('logY', true);
              }}
            >
              Plot training compute over time instead
            </button>
          </p>
        )}
        {view.y === CAPABILITY_METRIC && <CapabilityStatus state={capability.state} />}
        <p className="chart-note" aria-live="polite">
          {coverage}.
          {view.labels && labelsHidden > 0 && (
            <span className="labels-hidden">
              {' '}
              {labelsHidden} label{labelsHidden === 1 ? '' : 's'} hidden where points crowd — hover a point, or move
              along them with the arrow keys, for its name.
            </span>
          )}
        </p>
      </figure>
    </div>
  );
});
