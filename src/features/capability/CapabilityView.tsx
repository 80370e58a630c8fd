/**
 * The Capability tab: the stitched capability index (Ho et al. 2025) fitted live on Epoch's
 * benchmark data (and the curated dataset's scores), against release date and against training
 * compute under the reader's assumptions, with every benchmark's fit shown so it can be judged.
 */
import { memo, useRef, useState } from 'react';
import { useDeferredAllRows } from '../../store/useDeferredRows';
import type { Row } from '../../store/selectors';
import { memoLast } from '../../store/memo';
import { loadCurated } from '../../data/datasets';
import type { Model } from '../../data/schema';
import { describeSettings } from '../../domain/capability/settings';
import { formatValue } from '../../domain/format';
import { progressView } from '../../store/capabilityProgress';
import {
  benchmarkPanels,
  capabilityPoints,
  describeProgress,
  describeVsTrend,
  isoDateLines,
  type CapabilityPoint,
} from '../../store/capabilityView';
import { useAppStore } from '../../store/store';
import { useCapabilityByModel } from '../../store/useCapability';
import { ExportButtons } from '../../ui/export/ExportButtons';
import { colorFor } from '../../ui/palette';
import { STATUS_META } from '../../ui/status';
import { CapabilityChart, type ChartLine, type ChartPoint } from './CapabilityChart';
import { CapabilitySettingsPanel } from './CapabilitySettingsPanel';
import { BenchmarkTable, VersionTable } from './CapabilityTables';
import { BenchmarkFits } from './BenchmarkFits';
import { capabilityCsv } from './exportCapability';
import { downloadBlob } from '../../ui/export/chartExport';

let curatedModels: Model[] | undefined;
const curated = () => (curatedModels ??= loadCurated().models);

const BLOCS = ['United States', 'China', 'Europe', 'Other'];
const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/** The few versions worth a label: the top of each year, and what the source documents argue about. */
const labelsFor = memoLast(pickLabels);
function pickLabels(points: readonly CapabilityPoint[]): Set<string> {
  const out = new Set<string>();
  const byYear = new Map<string, CapabilityPoint[]>();
  for (const p of points) {
    const y = p.date?.slice(0, 4) ?? '?';
    byYear.set(y, [...(byYear.get(y) ?? []), p]);
  }
  for (const ps of byYear.values())
    for (const p of [...ps].sort((a, b) => b.capability - a.capability).slice(0, 2)) out.add(p.versionId);
  for (const p of points)
    if (/deepseek|kimi|qwen3|gpt-4-0314|glm-5/i.test(p.versionId) && p.modelId) out.add(p.versionId);
  return out;
}

export default function CapabilityView() {
  return <CapabilityBody rows={useDeferredAllRows()} />;
}

const CapabilityBody = memo(function CapabilityBody({ rows }: { rows: Row[] }) {
  const { state, byModel } = useCapabilityByModel(true);
  const settings = useAppStore((s) => s.capability.settings);
  const select = useAppStore((s) => s.select);
  const [showDistilled, setShowDistilled] = useState(false);
  // 49 small plots are a few thousand DOM nodes: drawn when asked for
  const [fitsOpen, setFitsOpen] = useState(false);
  const result = state.result;
  const boot = state.intervalMethod === 'bootstrap' ? state.bootstrap?.intervals : undefined;
  const progress = progressView(result, rows, byModel, showDistilled);
  const points = capabilityPoints(result, rows, byModel, curated(), boot, progress);
  const panels = benchmarkPanels(result);
  const labelled = labelsFor(points);
  const timeRef = useRef<HTMLDivElement>(null);
  const computeRef = useRef<HTMLDivElement>(null);
  const anchorName = result?.benchmarks.find((b) => b.anchor)?.name ?? settings.anchor;
  const settingsLine = describeSettings(settings, anchorName);
  const colorOf = (bloc: string) => colorFor(bloc, BLOCS, 'bloc');
  const onSelect = (p: ChartPoint) => {
    if (p.modelId) select(p.modelId);
  };

  const timePoints: ChartPoint[] = points
    .filter((p) => p.dateMs !== undefined)
    .map((p) => ({
      id: p.versionId,
      label: p.label,
      x: p.dateMs as number,
      y: p.capability,
      lo: p.lo,
      hi: p.hi,
      color: colorOf(p.bloc),
      hollow: false,
      detail: [
        `Released ${p.date}`,
        `Capability ${formatValue(p.capability, 'capability')} (90%: ${formatValue(p.lo, 'capability')} to ${formatValue(p.hi, 'capability')})`,
        `${p.nBenchmarks} benchmark${p.nBenchmarks === 1 ? '' : 's'} · ${p.bloc}`,
      ],
      ...(p.modelId ? { modelId: p.modelId } : {}),
    }));
  const time = progress.time;
  const timeLines: ChartLine[] = [];
  if (time && timePoints.length > 1) {
    const xs = timePoints.map((p) => p.x);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const at = (ms: number) => time.intercept + time.perYear.value * (1970 + ms / MS_PER_YEAR);
    timeLines.push({ key: 'trend', x0, y0: at(x0), x1, y1: at(x1), dashed: true, label: 'trend' });
  }

  const computePoints: ChartPoint[] = points
    .filter((p) => p.flop !== undefined && progress.points.some((q) => q.id === p.versionId))
    .map((p) => ({
      id: p.versionId,
      label: p.label,
      x: p.flop as number,
      y: p.capability,
      lo: p.lo,
      hi: p.hi,
      color: colorOf(p.bloc),
      hollow: p.computeProvenance !== 'disclosed',
      detail: [
        `Released ${p.date ?? '—'}`,
        `Capability ${formatValue(p.capability, 'capability')} (90%: ${formatValue(p.lo, 'capability')} to ${formatValue(p.hi, 'capability')})`,
        `Training compute ${formatValue(p.flop, 'flop')} (${STATUS_META[p.computeProvenance ?? 'estimate'].label.toLowerCase()}; ${p.computeBasis ?? ''})`,
        `vs the compute trend at its date: ${describeVsTrend(p.vsTrend, p.vsTrendRange)} compute than the trend needs for this capability`,
      ],
      ...(p.modelId ? { modelId: p.modelId } : {}),
    }));
  const fit = progress.fit;
  const isoLines: ChartLine[] = [];
  if (fit && computePoints.length > 1) {
    const xs = computePoints.map((p) => p.x);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const years = [
      ...new Set(
        points.filter((p) => p.flop !== undefined && p.date).map((p) => Number((p.date as string).slice(0, 4))),
      ),
    ].sort();
    for (const l of isoDateLines(fit, [lo, hi], years))
      isoLines.push({
        key: `iso-${l.year}`,
        x0: l.from.flop,
        y0: l.from.capability,
        x1: l.to.flop,
        y1: l.to.capability,
        label: `${l.year}`,
      });
  }

  const caption = {
    settings: `Capability fit: ${settingsLine}`,
    attribution: 'Benchmark scores: Epoch AI benchmark-stitching data (MIT); method: Ho et al. 2025, arXiv:2512.00193',
  };
  return (
    <div className="capability-view">
      <header className="capability-intro">
        <h2>Capability index: one scale for every benchmark</h2>
        <p>
          Each model version gets one capability and each benchmark a difficulty and a slope, fitted jointly so that
          models never scored on the same benchmark still land on one scale (Ho et al. 2025,{' '}
          <em>A Rosetta Stone for AI Benchmarks</em>, the method behind Epoch AI’s Capabilities Index). Fitted here,
          live, on Epoch AI’s benchmark data
          {settings.data === 'all' ? ' plus the curated dataset’s sourced scores' : ''}; 0 is the anchor benchmark’s
          difficulty ({anchorName}). The sliders do not move capabilities; they move the compute side.
        </p>
      </header>
      <CapabilitySettingsPanel state={state} />
      {state.status === 'error' && (
        <p className="notices" role="alert">
          The capability index could not be fitted with these settings: {state.error} The previous fit is not shown;
          change a setting or choose the published settings.
        </p>
      )}
      {!result && state.status !== 'error' && (
        <p role="status" className="chart-note">
          Fitting the capability index in a background worker…
        </p>
      )}
      {result && (
        <>
          <p className="chart-note capability-summary" aria-live="polite">
            {formatValue(result.versions.length, 'count')} model versions on {result.benchmarks.length} benchmarks from{' '}
            {formatValue(result.observations.length, 'count')} scores;{' '}
            {result.converged ? 'converged' : 'did NOT converge'} in {result.iterations} iterations
            {state.ms !== undefined ? ` (${formatValue(state.ms, 'count')} ms in the worker)` : ''}. Intervals:{' '}
            {state.intervalMethod === 'bootstrap' ? 'bootstrap over scores' : 'from the fit’s curvature'}.
          </p>
          <details className="capability-steps">
            <summary>How the data was selected ({result.leftOut.length} versions with scores left out)</summary>
            <div className="table-scroll">
              <table className="models-table">
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col">Versions</th>
                    <th scope="col">Benchmarks</th>
                    <th scope="col">Scores</th>
                  </tr>
                </thead>
                <tbody>
                  {result.steps.map((s) => (
                    <tr key={s.label}>
                      <td>{s.label}</td>
                      <td>{s.versions}</td>
                      <td>{s.benchmarks}</td>
                      <td>{s.scores}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>

          <section className="capability-section" aria-labelledby="cap-time-title" ref={timeRef}>
            <h3 id="cap-time-title">Capability over release date</h3>
            <ExportButtons
              chartRef={timeRef}
              title="Capability (stitched) over release date"
              legend={BLOCS.map((b) => ({ label: b, color: colorOf(b) }))}
              caption={caption}
            />
            <CapabilityChart
              title="Capability over release date"
              xKind="date"
              xLabel="Release date"
              points={timePoints}
              lines={timeLines}
              labelled={labelled}
              onSelect={onSelect}
            />
            <BlocLegend colorOf={colorOf} />
            {time && (
              <p className="chart-note">
                Trend: {time.perYear.value >= 0 ? '+' : ''}
                {formatValue(time.perYear.value, 'capability')} capability units a year (90% CI{' '}
                {formatValue(time.perYear.lo, 'capability')} to {formatValue(time.perYear.hi, 'capability')}), least
                squares on {time.n} dated versions.
              </p>
            )}
          </section>

          <section className="capability-section" aria-labelledby="cap-compute-title" ref={computeRef}>
            <h3 id="cap-compute-title">Capability against training compute</h3>
            <ExportButtons
              chartRef={computeRef}
              title="Capability (stitched) against training compute"
              legend={[
                ...BLOCS.map((b) => ({ label: b, color: colorOf(b) })),
                { label: 'compute estimated or computed', color: 'var(--muted)', hollow: true },
              ]}
              caption={caption}
            />
            <label className="check-inline">
              <input type="checkbox" checked={showDistilled} onChange={(e) => setShowDistilled(e.target.checked)} />{' '}
              Include distilled models in the compute fit (the paper leaves them out)
            </label>
            <CapabilityChart
              title="Capability against training compute"
              xKind="log-flop"
              xLabel="Training compute (FLOP)"
              points={computePoints}
              lines={isoLines}
              labelled={labelled}
              onSelect={onSelect}
            />
            <BlocLegend colorOf={colorOf} hollowNote />
            <p className="chart-note progress-summary">{describeProgress(fit, progress.leftOut)}</p>
            <p className="chart-note">
              Lines: the capability the joint fit expects at each compute for a model released mid-year. Compute comes
              from the row on screen where the version stands for one of this dataset’s models (so the compute basis and
              assumption sliders move this fit), otherwise from Epoch AI’s figure for its model.
            </p>
          </section>

          <section className="capability-section" aria-labelledby="cap-versions-title">
            <h3 id="cap-versions-title">Model versions</h3>
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  new Blob([capabilityCsv(result, points, settingsLine)], { type: 'text/csv;charset=utf-8' }),
                  'compute-ledger-capability.csv',
                )
              }
            >
              Download CSV
            </button>
            <VersionTable result={result} points={points} onOpenModel={select} />
          </section>

          <section className="capability-section" aria-labelledby="cap-bench-title">
            <h3 id="cap-bench-title">Benchmarks</h3>
            <BenchmarkTable result={result} />
          </section>

          <section className="capability-section" aria-labelledby="cap-fits-title">
            <h3 id="cap-fits-title">Each benchmark: observed scores against the fitted curve</h3>
            <p className="chart-note">
              A point per fitted score (x: the version’s capability, y: its score); the line is logistic(slope ×
              (capability − difficulty)). Scores far from their line are what the one-number-per-model assumption does
              not explain.
            </p>
            <details className="benchmark-fits-details" onToggle={(e) => setFitsOpen(e.currentTarget.open)}>
              <summary>
                Show the {panels.length} benchmark plots (worst fits:{' '}
                {[...panels]
                  .sort((a, b) => b.rmsePoints - a.rmsePoints)
                  .slice(0, 3)
                  .map((p) => `${p.benchmark.name} ${formatValue(p.rmsePoints, 'score')} pts`)
                  .join(', ')}
                )
              </summary>
              {fitsOpen && <BenchmarkFits panels={panels} />}
            </details>
          </section>
          <p className="attribution">
            Benchmark scores: Epoch AI, benchmark-stitching data (MIT), github.com/epoch-research/benchmark-stitching.
            Method: Ho, Denain, Atanasov, Albanie, Shah, “A Rosetta Stone for AI Benchmarks”, arXiv:2512.00193 (2025).
            Training compute where not on screen: Epoch AI, Notable AI Models (CC BY 4.0).
          </p>
        </>
      )}
    </div>
  );
});

function BlocLegend({ colorOf, hollowNote }: { colorOf: (b: string) => string; hollowNote?: boolean }) {
  return (
    <div className="chart-legend" aria-label="Legend">
      {BLOCS.map((b) => (
        <span key={b} className="chart-legend__item">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill={colorOf(b)} />
          </svg>{' '}
          {b}
        </span>
      ))}
      <span className="chart-legend__item">| bar = 90% interval</span>
      {hollowNote && <span className="chart-legend__item">hollow = compute estimated or computed</span>}
    </div>
  );
}
