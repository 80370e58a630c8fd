import { useEffect, useState } from 'react';
import { CartesianGrid, ScatterChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { linearTicks, logTicks, yearTicks } from '../../domain/ticks';
import { formatValue } from '../../domain/format';
import { paddedDomain } from '../../store/scatterState';
import { useElementWidth } from '../../ui/useElementWidth';
import { placeLabels } from '../../ui/labels';

/** Width of one character of an 11 px line label, generous so a label's box covers it. */
const LINE_LABEL_CHAR_PX = 6.5;

export interface ChartPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  lo: number;
  hi: number;
  color: string;
  /** hollow when the x value is not the lab's own figure */
  hollow: boolean;
  /** shown under the label in the tooltip */
  detail: string[];
  modelId?: string;
}

export interface ChartLine {
  key: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  label?: string;
  dashed?: boolean;
}

type XKind = 'date' | 'log-flop';

function Layer({
  points,
  lines,
  labelled,
  onHover,
  onSelect,
}: {
  points: ChartPoint[];
  lines: ChartLine[];
  labelled: ReadonlySet<string>;
  onHover: (h: { p: ChartPoint; px: number; py: number } | undefined) => void;
  onSelect: (p: ChartPoint) => void;
}) {
  const xs = useXAxisScale();
  const ys = useYAxisScale();
  const plot = usePlotArea();
  if (!xs || !ys || !plot) return null;
  const px = (v: number) => xs(v) ?? Number.NaN;
  const py = (v: number) => ys(v) ?? Number.NaN;
  return (
    <g className="capability-layer">
      <clipPath id="capability-clip">
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
      </clipPath>
      <g clipPath="url(#capability-clip)">
        {lines.map((l) => (
          <g key={l.key} className="iso-line">
            <line
              x1={px(l.x0)}
              y1={py(l.y0)}
              x2={px(l.x1)}
              y2={py(l.y1)}
              stroke="var(--accent)"
              strokeWidth={1.5}
              strokeDasharray={l.dashed ? '6 4' : undefined}
              opacity={0.8}
            />
            {l.label && (
              <text x={px(l.x1) - 4} y={py(l.y1) - 4} textAnchor="end" fontSize={11} fill="var(--accent)">
                {l.label}
              </text>
            )}
          </g>
        ))}
        {points.map((p) => {
          const cx = px(p.x);
          const cy = py(p.y);
          if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
          return (
            <g key={p.id} className="point" data-version-id={p.id}>
              <line x1={cx} x2={cx} y1={py(p.lo)} y2={py(p.hi)} stroke={p.color} strokeWidth={1} opacity={0.55} />
              <circle
                cx={cx}
                cy={cy}
                r={4.5}
                fill={p.hollow ? 'var(--panel)' : p.color}
                stroke={p.color}
                strokeWidth={p.hollow ? 1.8 : 1}
                style={{ cursor: p.modelId ? 'pointer' : 'default' }}
                onMouseEnter={() => onHover({ p, px: cx, py: cy })}
                onMouseLeave={() => onHover(undefined)}
                onClick={() => onSelect(p)}
              />
            </g>
          );
        })}
        {placeLabels(
          points
            .filter((p) => labelled.has(p.id))
            .map((p) => ({ id: p.id, text: p.label, px: px(p.x), py: py(p.y), priority: p.y })),
          plot,
          11,
          [
            ...points.map((p) => ({ x0: px(p.x) - 4, y0: py(p.y) - 4, x1: px(p.x) + 4, y1: py(p.y) + 4 })),
            // a line's own label ("trend", "2025") keeps its place: model labels go round it
            ...lines
              .filter((l) => l.label)
              .map((l) => ({
                x0: px(l.x1) - 4 - LINE_LABEL_CHAR_PX * (l.label?.length ?? 0),
                y0: py(l.y1) - 4 - 11,
                x1: px(l.x1) - 4,
                y1: py(l.y1) - 1,
              })),
          ],
        ).map((l) => (
          <text
            key={`l-${l.id}`}
            x={l.x}
            y={l.y}
            textAnchor={l.anchor}
            fontSize={11}
            fill="var(--text)"
            pointerEvents="none"
          >
            {l.text}
          </text>
        ))}
      </g>
    </g>
  );
}

/** A capability chart: points with 90% intervals, optional lines (trend, iso-date), one tab stop. */
export function CapabilityChart({
  title,
  xKind,
  xLabel,
  points,
  lines,
  labelled,
  onSelect,
  height = 420,
}: {
  title: string;
  xKind: XKind;
  xLabel: string;
  points: ChartPoint[];
  lines: ChartLine[];
  labelled: ReadonlySet<string>;
  onSelect: (p: ChartPoint) => void;
  height?: number;
}) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(800);
  const [hover, setHover] = useState<{ p: ChartPoint; px: number; py: number }>();
  const [focus, setFocus] = useState(-1);
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const log = xKind === 'log-flop';
  const xDomain = paddedDomain(
    points.map((p) => p.x),
    log,
  );
  const yDomain = paddedDomain(
    points.flatMap((p) => [p.lo, p.hi]),
    false,
  );
  const xTicks = log ? logTicks(xDomain) : yearTicks(xDomain);
  const yTicks = linearTicks(yDomain);
  const focused = focus >= 0 ? sorted[focus] : undefined;
  return (
    <div
      className="chart-box"
      ref={boxRef}
      tabIndex={0}
      role="group"
      aria-label={`${title}. ${points.length} model versions. Arrow keys move between them, Enter opens a model's derivation.`}
      onKeyDown={(e) => {
        if (sorted.length === 0) return;
        if (e.key === 'ArrowRight' || e.key === 'ArrowDown') setFocus((f) => Math.min(sorted.length - 1, f + 1));
        else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') setFocus((f) => Math.max(0, f - 1));
        else if (e.key === 'Enter' && focused) onSelect(focused);
        else if (e.key === 'Escape') setFocus(-1);
        else return;
        e.preventDefault();
      }}
      onBlur={() => setFocus(-1)}
    >
      <ScatterChart
        width={width}
        height={height}
        margin={{ top: 12, right: 24, bottom: 36, left: 12 }}
        role="img"
        aria-label={`${title}: ${points.length} model versions plotted`}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          scale={log ? 'log' : 'linear'}
          domain={xDomain}
          allowDataOverflow
          {...(xTicks && xTicks.length > 0 ? { ticks: xTicks } : {})}
          tickFormatter={(v: number) =>
            log ? formatValue(v, 'flop').replace(' FLOP', '') : new Date(v).getUTCFullYear().toString()
          }
          stroke="var(--muted)"
          label={{ value: xLabel, position: 'insideBottom', offset: -24, fill: 'var(--text)' }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={yDomain}
          allowDataOverflow
          {...(yTicks && yTicks.length > 0 ? { ticks: yTicks } : {})}
          tickFormatter={(v: number) => formatValue(v, 'capability')}
          width={56}
          stroke="var(--muted)"
          label={{
            value: 'Capability (stitched)',
            angle: -90,
            position: 'insideLeft',
            offset: 8,
            fill: 'var(--text)',
            style: { textAnchor: 'middle' },
          }}
        />
        <Layer points={points} lines={lines} labelled={labelled} onHover={setHover} onSelect={onSelect} />
        {focused && <FocusRing p={focused} onPlace={setHover} />}
      </ScatterChart>
      {hover && (
        <div
          className="chart-tooltip"
          role="tooltip"
          style={{ left: Math.min(hover.px + 12, width - 280), top: Math.max(hover.py - 10, 0) }}
        >
          <strong>{hover.p.label}</strong>
          {hover.p.detail.map((d) => (
            <span key={d}>{d}</span>
          ))}
          {hover.p.modelId && <span className="muted">Click for the model’s derivation</span>}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {focused ? `${focused.label}: capability ${formatValue(focused.y, 'capability')}` : ''}
      </p>
    </div>
  );
}

function FocusRing({ p, onPlace }: { p: ChartPoint; onPlace: (h: { p: ChartPoint; px: number; py: number }) => void }) {
  const xs = useXAxisScale();
  const ys = useYAxisScale();
  const px = xs?.(p.x);
  const py = ys?.(p.y);
  useEffect(() => {
    if (px !== undefined && py !== undefined) onPlace({ p, px, py });
  }, [p, px, py, onPlace]);
  if (px === undefined || py === undefined) return null;
  return <circle cx={px} cy={py} r={10} fill="none" stroke="var(--focus)" strokeWidth={2.5} strokeDasharray="3 2" />;
}
