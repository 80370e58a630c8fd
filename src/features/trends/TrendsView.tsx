import { useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatDate, formatValue } from '../../domain/format';
import { ValueCell } from '../../ui/ValueCell';
import { releaseTimeMs } from '../../domain/dates';
import { bestOverTime, gapBetween, type Step } from '../../store/blocs';
import { useAppStore } from '../../store/store';
import { yearTicks } from '../../domain/ticks';
import { ExportButtons } from '../../ui/export/ExportButtons';
import { BLOC_COLORS, BLOC_DASH } from '../../ui/palette';
import { useElementWidth } from '../../ui/useElementWidth';
import { matchesFilters } from '../../store/selectors';

const BLOCS = ['United States', 'China', 'Europe'] as const;
const ms = releaseTimeMs;

/** Best score per bloc over time, and the China–US gap in points and months. */
export default function TrendsView() {
  const allModels = useAppStore((s) => s.dataset.models);
  const filters = useAppStore((s) => s.filters);
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const y = useAppStore((s) => s.view.y);
  const setView = useAppStore((s) => s.setView);
  const models = useMemo(() => allModels.filter((m) => matchesFilters(m, filters)), [allModels, filters]);
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const m of models) for (const b of Object.keys(m.benchmarks)) c.set(b, (c.get(b) ?? 0) + 1);
    return c;
  }, [models]);
  const bench = benchmarks.find((b) => b.id === y) ?? benchmarks.find((b) => b.id === 'mmlu') ?? benchmarks[0];
  const series = useMemo(
    () => (bench ? BLOCS.map((b) => ({ bloc: b, steps: bestOverTime(models, bench.id, b) })) : []),
    [models, bench],
  );
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const exportRef = useRef<HTMLDivElement>(null);
  const us = series.find((s) => s.bloc === 'United States')?.steps ?? [];
  const cn = series.find((s) => s.bloc === 'China')?.steps ?? [];
  const gap = gapBetween(us, cn, 'United States', 'China');
  const dates = series.flatMap((s) => s.steps.map((p) => ms(p.date)));
  const now = dates.length ? Math.max(...dates) : 0;
  const domain: [number, number] = dates.length ? [Math.min(...dates) - 90 * 864e5, now + 60 * 864e5] : [0, 1];
  // extend each step line to the latest date so the current best reads across
  const toLine = (steps: Step[]) => [
    ...steps.map((p) => ({ t: ms(p.date), v: p.best, id: p.modelId })),
    ...(steps.length ? [{ t: domain[1], v: steps[steps.length - 1]!.best, id: '' }] : []),
  ];
  const title = bench ? `Best ${bench.name} score to date, by bloc` : 'Best score to date';
  const scores = series.flatMap((s) => s.steps.map((p) => p.best));
  const yDomain: [number, number] = scores.length
    ? bench?.unit === 'percent'
      ? [
          Math.max(0, Math.floor((Math.min(...scores) - 5) / 10) * 10),
          Math.min(100, Math.ceil((Math.max(...scores) + 5) / 10) * 10),
        ]
      : [Math.min(...scores) * 0.95, Math.max(...scores) * 1.05]
    : [0, 100];
  return (
    <div className="trends-view" ref={exportRef}>
      <div className="chart-controls">
        <label>
          Benchmark{' '}
          <select value={bench?.id ?? ''} onChange={(e) => setView('y', e.target.value)}>
            {benchmarks.map((b) => (
              <option key={b.id} value={b.id} disabled={!counts.get(b.id) && b.id !== bench?.id}>
                {counts.get(b.id) ? `${b.name} (${counts.get(b.id)})` : `${b.name} — no scores among these models`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ExportButtons
        chartRef={exportRef}
        title={title}
        legend={BLOCS.map((b) => ({ label: b, color: BLOC_COLORS[b] ?? 'var(--other)' }))}
      />
      <figure className="chart-figure">
        <figcaption className="chart-title">{title}</figcaption>
        <div className="chart-box" ref={ref}>
          <LineChart
            width={width}
            height={380}
            margin={{ top: 12, right: 24, bottom: 24, left: 8 }}
            role="img"
            aria-label={title}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="t"
              domain={domain}
              ticks={yearTicks(domain)}
              allowDataOverflow
              tickFormatter={(v: number) => String(new Date(v).getUTCFullYear())}
              stroke="var(--muted)"
            />
            <YAxis type="number" dataKey="v" domain={yDomain} allowDataOverflow stroke="var(--muted)" width={48} />
            {series.map((s) =>
              s.steps.length > 0 ? (
                <Line
                  key={s.bloc}
                  data={toLine(s.steps)}
                  dataKey="v"
                  name={s.bloc}
                  type="stepAfter"
                  stroke={BLOC_COLORS[s.bloc]}
                  strokeDasharray={BLOC_DASH[s.bloc]}
                  strokeWidth={2.5}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              ) : null,
            )}
          </LineChart>
        </div>
        <div className="chart-legend">
          {series.map((s) => (
            <span key={s.bloc} className="chart-legend__item">
              <svg width="22" height="10" aria-hidden="true">
                <line
                  x1="1"
                  x2="21"
                  y1="5"
                  y2="5"
                  stroke={BLOC_COLORS[s.bloc]}
                  strokeWidth="3"
                  strokeDasharray={BLOC_DASH[s.bloc]}
                />
              </svg>{' '}
              {s.bloc} ({s.steps.length} record
              {s.steps.length === 1 ? '' : 's'})
            </span>
          ))}
        </div>
        <details className="records">
          <summary>Record-setting models, with each score’s status and source</summary>
          {series.map((s) => (
            <div key={s.bloc}>
              <h3>{s.bloc}</h3>
              <ul>
                {s.steps.map((p) => {
                  const m = byId.get(p.modelId);
                  return (
                    <li key={p.modelId}>
                      {m?.name ?? p.modelId} ({formatDate(p.date)}):{' '}
                      <ValueCell
                        value={m && bench ? m.benchmarks[bench.id] : undefined}
                        unit={bench?.unit === 'percent' ? 'percent' : 'score'}
                      />
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </details>
        <p className="chart-note trend-summary" aria-live="polite">
          {gap && gap.points < 0.05
            ? `The United States and China are level on ${bench?.name ?? ''} (best score ${formatValue(us[us.length - 1]?.best ?? 0, 'score')}).`
            : gap
              ? `${gap.leader} leads ${gap.follower} by ${formatValue(gap.points, 'score')} points on ${bench?.name ?? ''}${
                  gap.months !== undefined && gap.months > 0
                    ? `; ${gap.follower}’s best was first reached by ${gap.leader} ${gap.months} month${gap.months === 1 ? '' : 's'} earlier`
                    : ''
                }.`
              : 'Not enough scores from both the United States and China on this benchmark to measure a gap.'}
        </p>
      </figure>
    </div>
  );
}
