import { useId } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { fromFitX, type Analysis } from '../../store/analysis';
import type { ViewState } from '../../store/url';

/** Trend line, its 90% bootstrap band, and the Pareto frontier, drawn under the points. */
export function AnalysisLayer({ analysis, view }: { analysis: Analysis; view: ViewState }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const clipId = useId().replace(/:/g, '');
  if (!xScale || !yScale || !plot) return null;
  const isDate = analysis.fit?.xIsDate ?? false;
  const px = (fx: number) => xScale(fromFitX(fx, view.logX, isDate)) ?? Number.NaN;
  const py = (fy: number) => yScale(view.logY ? 10 ** fy : fy) ?? Number.NaN;
  const parts: React.ReactNode[] = [];
  const { fit, band } = analysis;
  if (fit && band) {
    const upper = band.xs.map((x, i) => `${px(x)},${py(band.hi[i] as number)}`);
    const lower = band.xs.map((x, i) => `${px(x)},${py(band.lo[i] as number)}`).reverse();
    const pts = [...upper, ...lower].filter((s) => !s.includes('NaN'));
    parts.push(
      <polygon
        key="band"
        className="trend-band"
        points={pts.join(' ')}
        fill="var(--accent)"
        fillOpacity={0.12}
        stroke="none"
      />,
    );
    const x0 = band.xs[0] as number;
    const x1 = band.xs[band.xs.length - 1] as number;
    parts.push(
      <line
        key="fit"
        className="trend-line"
        x1={px(x0)}
        y1={py(fit.intercept + fit.slope * x0)}
        x2={px(x1)}
        y2={py(fit.intercept + fit.slope * x1)}
        stroke="var(--accent)"
        strokeWidth={2}
        strokeDasharray="6 4"
      />,
    );
  }
  if (analysis.frontier.length > 1) {
    // staircase: from each frontier model, flat to the next one's cost, then up to its score
    const f = analysis.frontier;
    let d = `M${xScale(f[0]!.x) ?? 0},${yScale(f[0]!.y) ?? 0}`;
    for (let i = 1; i < f.length; i++) d += ` H${xScale(f[i]!.x) ?? 0} V${yScale(f[i]!.y) ?? 0}`;
    parts.push(
      <path
        key="pareto"
        className="pareto-line"
        d={d}
        fill="none"
        stroke="var(--text)"
        strokeWidth={1.5}
        opacity={0.7}
      />,
    );
  }
  return (
    <g className="analysis">
      <clipPath id={clipId}>
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>{parts}</g>
    </g>
  );
}
