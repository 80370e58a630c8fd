import { CapabilityMethod } from './CapabilityMethod';
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
    // chips' dated market prices and purchase prices are nested one level down
    for (const c of chips) {
      for (const p of c.marketPrices ?? []) add(p.price);
      if (c.purchasePrice) add(c.purchasePrice.price);
    }
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
          ). Precedence under “Auto”: FLOP disclosed by the lab › 6·N·D when N is the active parameter count and D the
          tokens the run actually processed › a third party’s FLOP figure (Epoch AI’s) › 6·N·D from weaker inputs,
          flagged. A dataset size is not tokens trained (it ignores epochs; a fine-tune’s is its fine-tuning set), and a
          total parameter count is not the active one when the architecture is unknown: then the third party’s figure is
          used, and the derivation card says why (“Epoch’s figure used: the dataset size is not tokens trained”).
        </li>
        <li>
          <strong>GPU-hours</strong>: the lab’s disclosed figure as it is; otherwise FLOP ÷ (chip peak dense BF16 FLOP/s
          × MFU × 3600). Leaked or third-party GPU-hours (GPT-4’s ~25,000 A100 × 90–100 days) are shown beside the
          estimate, never used in it.
        </li>
        <li>
          <strong>Cost</strong> = GPU-hours × USD per GPU-hour × full-cost multiplier, the price of an hour set by the{' '}
          <strong>cost basis</strong> (below). A lab-reported cost and Epoch AI’s cost are shown beside it, each with
          its status, never overwritten.
        </li>
        <li>
          <strong>Energy</strong> = GPU-hours × watts per GPU × PUE; cluster power = chips × watts × PUE.
        </li>
        <li>
          <strong>Implied MFU</strong> = FLOP ÷ (disclosed GPU-hours × 3600 × peak BF16).
        </li>
        <li>
          <strong>Post-trained models</strong> (DeepSeek-R1 on V3) show their own run; “include base-model run” adds the
          base model’s, up the whole chain (a fine-tune of a fine-tune). When a post-trained model’s own run is unknown
          (Kimi K2 Thinking on Kimi K2), its totals are its base model’s run, marked “post-training run unknown”.
        </li>
      </ol>
      <h3 id="cost-basis">Cost basis</h3>
      <ul>
        <li>
          <strong>Rental</strong> (default): GPU-hours × the GPU price slider, or a chip’s own price set in Hardware.
          The price DeepSeek used for V3 ($2 per H800-hour).
        </li>
        <li>
          <strong>Market</strong>: GPU-hours × the chip’s public rental price listed nearest before the run (the latest
          on or before its estimated start, else the earliest), each price sourced and dated in Hardware (archived AWS,
          Google Cloud and Lambda price pages, compiled in Epoch AI’s training-cost-trends price data). A chip without a
          listed price uses the GPU price, and the card says so.
        </li>
        <li>
          <strong>Amortized</strong>: Epoch AI’s method (
          <SourceLink
            title="Cottier et al., The rising costs of training frontier AI models, arXiv:2405.21015"
            url="https://arxiv.org/abs/2405.21015"
          />
          ; constants from their{' '}
          <SourceLink
            title="training-cost-trends repository"
            url="https://github.com/epoch-research/training-cost-trends"
          />
          ). USD per GPU-hour = V × r·ln(10) ÷ 8,766 h ÷ (1 − interconnect share) + W × PUE × $/kWh, where V is the
          hardware’s value at the start of the run: the acquisition price (× server overhead for a board price)
          depreciated by 10<sup>−r·t</sup> over the t years from availability (release + 90 days, or the price’s date)
          to the run’s start (publication − training time, or 793.5 h when unknown, − 60 days). An hour of use costs the
          value it wears off: r·ln(10) a year at r = 0.14 orders of magnitude a year, the ML GPU price-performance
          trend. Defaults: server overhead ×{d.serverOverhead}, interconnect{' '}
          {formatValue(d.interconnectShare, 'fraction')} of cluster cost, r = {d.depreciationOomPerYear}, electricity{' '}
          {formatValue(d.usdPerKwh, 'usd/kwh')} (2023 US industrial average, EIA). Chips without a sourced acquisition
          price use the GPU price, and say so. Epoch’s figures are in 2023 USD (deflated with the US producer price
          index for data processing and hosting, BLS PCU518210518210, which rose about 7% from mid-2018 to mid-2023 and
          5% from mid-2023 to mid-2025); ours are nominal USD, a difference of a few percent.
        </li>
      </ul>
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
      <CapabilityMethod />
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
