import { useMemo } from 'react';
import { DEFAULT_ASSUMPTIONS } from '../../domain/assumptions';
import { formatValue } from '../../domain/format';
import type { Model, Source, Sourced } from '../../data/schema';
import { useAppStore } from '../../store/store';
import { checkClaims } from '../../store/claims';
import { useDeferredAllRows } from '../../store/useDeferredRows';
import { SourceLink } from '../../ui/ValueCell';
import { STATUS_META } from '../../ui/status';

const EPOCH_CITATION =
  "Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning'. Published online at epoch.ai. Retrieved from: 'https://epoch.ai/data/ai-models' [online resource]. Licence: CC BY 4.0.";

function sourcedValues(m: Model): Sourced[] {
  const out: Sourced[] = [];
  for (const v of Object.values(m))
    if (v && typeof v === 'object' && 'source' in v && 'status' in v) out.push(v as Sourced);
  out.push(...Object.values(m.benchmarks));
  return out;
}

export default function SourcesView() {
  const models = useAppStore((s) => s.dataset.models);
  const chips = useAppStore((s) => s.reference.chips);
  const labs = useAppStore((s) => s.reference.labs);
  const dataset = useAppStore((s) => s.dataset);
  const sources = useMemo(() => {
    const byUrl = new Map<string, { source: Source; count: number }>();
    const add = (v: Sourced) => {
      const e = byUrl.get(v.source.url) ?? { source: v.source, count: 0 };
      e.count += 1;
      byUrl.set(v.source.url, e);
    };
    for (const m of models) for (const v of sourcedValues(m)) add(v);
    // chips and company spend are cited the same way
    for (const c of [...chips, ...labs])
      for (const v of Object.values(c)) if (v && typeof v === 'object' && 'source' in v) add(v as Sourced);
    return [...byUrl.values()].sort((a, b) => b.count - a.count);
  }, [models, chips, labs]);
  const counts = useMemo(() => {
    const c = { disclosed: 0, estimate: 0, leak: 0 };
    for (const m of models) for (const v of sourcedValues(m)) c[v.status] += 1;
    return c;
  }, [models]);
  const d = DEFAULT_ASSUMPTIONS;
  const rows = useDeferredAllRows();
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const claims = useMemo(() => checkClaims(rows, benchmarks), [rows, benchmarks]);
  return (
    <div className="prose">
      {claims.length > 0 && (
        <>
          <h2>The source documents’ claims, under your assumptions</h2>
          <ul className="claims">
            {claims.map((c) => (
              <li key={c.id} className={c.holds ? 'claim claim--holds' : 'claim claim--fails'}>
                <strong>{c.holds ? 'Holds' : 'Does not hold'}:</strong> {c.claim}.{' '}
                <span className="muted">Now: {c.now}.</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Method</h2>
      <ol className="formulas">
        <li>
          <strong>Training FLOP</strong> = 6 · N<sub>active</sub> · D (Kaplan et al. 2020,{' '}
          <SourceLink title="arXiv:2001.08361" url="https://arxiv.org/abs/2001.08361" />
          ). Precedence under “Auto”: FLOP disclosed by the lab › 6·N·D from parameters and tokens › a third-party FLOP
          estimate.
        </li>
        <li>
          <strong>GPU-hours</strong>: the lab’s disclosed figure as it is; otherwise FLOP ÷ (chip peak dense BF16 FLOP/s
          × MFU × 3600). Leaked or third-party GPU-hours (GPT-4’s ~25,000 A100 × 90–100 days) are shown beside the
          estimate, never used in it.
        </li>
        <li>
          <strong>Cost</strong> = GPU-hours × USD per GPU-hour (per-chip price if set) × full-cost multiplier. A
          lab-reported cost is shown beside it, never overwritten.
        </li>
        <li>
          <strong>Energy</strong> = GPU-hours × watts per GPU × PUE; cluster power = chips × watts × PUE.
        </li>
        <li>
          <strong>Implied MFU</strong> = FLOP ÷ (disclosed GPU-hours × 3600 × peak BF16).
        </li>
        <li>
          <strong>Post-trained models</strong> (DeepSeek-R1 on V3) show their own run; “include base-model run” adds the
          base model’s.
        </li>
      </ol>
      <h3>Defaults and why</h3>
      <ul>
        <li>
          MFU {formatValue(d.mfu, 'fraction')}: the assumption of the SemiAnalysis GPT-4 estimate; DeepSeek-V3 implies
          ~33%, Llama 3.1 reports 38–43%.
        </li>
        <li>
          GPU price {formatValue(d.usdPerGpuHour, 'usd/gpu-hour')}: DeepSeek-V3’s own accounting price for an H800-hour.
        </li>
        <li>Power per GPU {formatValue(d.wattsPerGpu, 'watts')}: the H100 SXM TDP.</li>
        <li>PUE {d.pue}: a typical modern hyperscale data centre.</li>
        <li>Default chip A100: the chip of most pre-2024 frontier runs and of the GPT-4 estimate.</li>
      </ul>
      <h3>How statuses are assigned</h3>
      <ul>
        {(['disclosed', 'estimate', 'leak', 'computed'] as const).map((k) => (
          <li key={k} className={`value--${k}`}>
            <span className="value__mark">{STATUS_META[k].mark || '●'}</span> <strong>{STATUS_META[k].label}</strong>:{' '}
            {STATUS_META[k].description}
          </li>
        ))}
      </ul>
      <p>
        This dataset ({dataset.name}): {counts.disclosed} disclosed, {counts.estimate} third-party estimates,{' '}
        {counts.leak} leaks or press reports. Unknown values are left empty (—), never 0.
      </p>
      <h3>Data and licences</h3>
      <ul>
        <li>
          Curated dataset: compiled for Compute Ledger from the labs’ papers, model cards and pricing pages and the
          third-party sources listed below.
        </li>
        <li>
          Epoch AI datasets (Notable AI Models, Machine Learning Hardware): {EPOCH_CITATION}{' '}
          <SourceLink title="epoch.ai/data" url="https://epoch.ai/data" />
        </li>
      </ul>
      <h3 id="links">Links and dataset versions</h3>
      <p>
        The address bar holds the whole view, so a copied link reopens it. Links also carry <code>dv=</code>, the
        version of the dataset they were made with
        {dataset.version ? (
          <>
            {' '}
            (this one is <code>dv={dataset.version}</code>)
          </>
        ) : null}
        : figures can change when the data is corrected, and a link opened on another version says so instead of showing
        different numbers silently.
      </p>
      <h3>Sources cited in this dataset ({sources.length})</h3>
      <ul className="source-list">
        {sources.map(({ source, count }) => (
          <li key={source.url}>
            <SourceLink title={source.title} url={source.url} />{' '}
            <span className="muted">
              · {count} value{count === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
