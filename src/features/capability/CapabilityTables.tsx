import { useMemo, useState } from 'react';
import type { CapabilityResult } from '../../domain/capability/run';
import { formatDate, formatValue } from '../../domain/format';
import { describeVsTrend, type CapabilityPoint } from '../../store/capabilityView';
import { SourceLink } from '../../ui/ValueCell';
import { STATUS_META } from '../../ui/status';

/** rows shown before "Show all": enough to see the top and the models argued about, light enough to stay quick */
const FIRST_ROWS = 60;

type SortKey = 'capability' | 'date' | 'label' | 'benchmarks' | 'flop' | 'vsTrend';

function sortValue(p: CapabilityPoint, k: SortKey): number | string | undefined {
  if (k === 'label') return p.label.toLowerCase();
  if (k === 'date') return p.date;
  if (k === 'benchmarks') return p.nBenchmarks;
  if (k === 'flop') return p.flop;
  if (k === 'vsTrend') return p.vsTrend;
  return p.capability;
}

function SortHeader({
  k,
  label,
  sort,
  setSort,
}: {
  k: SortKey;
  label: string;
  sort: { k: SortKey; desc: boolean };
  setSort: (s: { k: SortKey; desc: boolean }) => void;
}) {
  const active = sort.k === k;
  return (
    <th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort({ k, desc: active ? !sort.desc : k !== 'label' })}
      >
        {label}
        {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

/** Every fitted model version: capability, interval, benchmarks, compute and place against the compute trend. */
export function VersionTable({
  result,
  points,
  onOpenModel,
}: {
  result: CapabilityResult;
  points: CapabilityPoint[];
  onOpenModel: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ k: SortKey; desc: boolean }>({ k: 'capability', desc: true });
  const [showAll, setShowAll] = useState(false);
  const names = useMemo(() => new Map(result.benchmarks.map((b) => [b.id, b.name])), [result]);
  const sorted = useMemo(
    () =>
      [...points].sort((a, b) => {
        const x = sortValue(a, sort.k);
        const y = sortValue(b, sort.k);
        if (x === undefined && y === undefined) return 0;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        const c = x < y ? -1 : x > y ? 1 : 0;
        return sort.desc ? -c : c;
      }),
    [points, sort],
  );
  return (
    <div className="table-scroll capability-table" role="region" aria-label="Fitted model versions" tabIndex={0}>
      <table className="models-table">
        <thead>
          <tr>
            <SortHeader k="label" label="Model version" sort={sort} setSort={setSort} />
            <th scope="col">Model</th>
            <SortHeader k="date" label="Released" sort={sort} setSort={setSort} />
            <SortHeader k="capability" label="Capability" sort={sort} setSort={setSort} />
            <th scope="col">90% interval</th>
            <SortHeader k="benchmarks" label="Benchmarks" sort={sort} setSort={setSort} />
            <SortHeader k="flop" label="Training compute" sort={sort} setSort={setSort} />
            <SortHeader k="vsTrend" label="Compute vs trend" sort={sort} setSort={setSort} />
          </tr>
        </thead>
        <tbody>
          {(showAll ? sorted : sorted.slice(0, FIRST_ROWS)).map((p) => (
            <tr key={p.versionId} data-version-id={p.versionId}>
              <th scope="row" className="version-cell">
                {p.label}
                {p.distilled ? <span className="muted"> · distilled</span> : null}
              </th>
              <td>
                {p.modelId ? (
                  <button type="button" className="link-button" onClick={() => onOpenModel(p.modelId as string)}>
                    {p.modelName}
                  </button>
                ) : (
                  <span className="muted">not in this dataset</span>
                )}
              </td>
              <td>{p.date ? formatDate(p.date) : '—'}</td>
              <td className="num value--computed">{formatValue(p.capability, 'capability')}</td>
              <td className="num">
                {formatValue(p.lo, 'capability')} to {formatValue(p.hi, 'capability')}
              </td>
              <td className="num" title={p.benchmarkIds.map((id) => names.get(id) ?? id).join(', ')}>
                {p.nBenchmarks}
                <span className="visually-hidden">: {p.benchmarkIds.map((id) => names.get(id) ?? id).join(', ')}</span>
              </td>
              <td className={`num value--${p.computeProvenance ?? 'unknown'}`} title={p.computeBasis}>
                {p.flop !== undefined ? (
                  <>
                    <span className="value__mark" aria-hidden="true">
                      {STATUS_META[p.computeProvenance ?? 'estimate'].mark}
                    </span>
                    {formatValue(p.flop, 'flop')}
                    <span className="visually-hidden">
                      {' '}
                      ({STATUS_META[p.computeProvenance ?? 'estimate'].label}; {p.computeBasis})
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{describeVsTrend(p.vsTrend, p.vsTrendRange)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > FIRST_ROWS && (
        <button type="button" className="link-button show-all" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${sorted.length} versions`}
        </button>
      )}
    </div>
  );
}

/** Each benchmark's fitted difficulty and slope, with how many versions it rests on. */
export function BenchmarkTable({ result }: { result: CapabilityResult }) {
  const rows = [...result.benchmarks].sort((a, b) => a.difficulty - b.difficulty);
  return (
    <div className="table-scroll" role="region" aria-label="Fitted benchmarks" tabIndex={0}>
      <table className="models-table">
        <thead>
          <tr>
            <th scope="col">Benchmark</th>
            <th scope="col">Difficulty</th>
            <th scope="col">Slope</th>
            <th scope="col">Versions</th>
            <th scope="col">Released</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                {b.name}
                {b.anchor ? <span className="muted"> · anchor</span> : null}
                {b.optimized ? <span className="muted"> · optimised for</span> : null}
                {b.curatedOnly ? <span className="muted"> · curated scores</span> : null}
              </th>
              <td className="num">
                {formatValue(b.difficulty, 'capability')}
                {b.anchor ? '' : ` ± ${formatValue(b.difficultySe, 'capability')}`}
              </td>
              <td className="num">
                {formatValue(b.slope, 'capability')}
                {b.anchor ? ' (held)' : ` ± ${formatValue(b.slopeSe, 'capability')}`}
              </td>
              <td className="num">{b.nVersions}</td>
              <td>{b.releaseDate ? formatDate(b.releaseDate) : '—'}</td>
              <td>{b.source ? <SourceLink title={b.source.title} url={b.source.url} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
