import { DEFAULT_CAPABILITY_SETTINGS, PUBLISHED_SETTINGS, describeSettings } from '../../domain/capability/settings';
import { SourceLink } from '../../ui/ValueCell';

/** Sources & method: the capability index in plain words, its assumptions and its limits. */
export function CapabilityMethod() {
  return (
    <section aria-labelledby="capability-method-title">
      <h3 id="capability-method-title">The capability index (one scale for every benchmark)</h3>
      <p>
        A benchmark score says how a model did on one test; tests saturate and come and go, so a 2020 model and a 2026
        one are rarely scored on the same one. The capability index puts them on one scale, with the method of Ho,
        Denain, Atanasov, Albanie and Shah, <em>A Rosetta Stone for AI Benchmarks</em> (
        <SourceLink title="arXiv:2512.00193" url="https://arxiv.org/abs/2512.00193" />, 2025), which is behind Epoch
        AI’s Capabilities Index:
      </p>
      <ol className="formulas">
        <li>
          Every model version gets one number, its <strong>capability</strong> C; every benchmark a{' '}
          <strong>difficulty</strong> D and a <strong>slope</strong> α. The predicted score is logistic(α · (C − D)): a
          model as capable as the benchmark is difficult scores 50%, and the slope says how quickly scores rise around
          that point.
        </li>
        <li>
          All of them are fitted together by least squares on the scores, with a small penalty λ · (ΣC² + ΣD² + Σα²) ÷
          (models + 2 · benchmarks − 1) that keeps poorly determined values near 0 (λ = 0.1), within bounds (C and D
          within ±10, α in 0.1–10). Two models never scored on the same benchmark are still compared, through the models
          they share benchmarks with.
        </li>
        <li>
          The scale is fixed by an <strong>anchor</strong> benchmark (Winogrande): its slope is held at 1 and, after the
          fit, every value is shifted so that its difficulty is 0. Capabilities are therefore in “Winogrande units”;
          only differences mean something.
        </li>
        <li>
          <strong>Intervals</strong> (90%): by default from the fit’s curvature (the Gauss–Newton approximation of the
          objective at its minimum, scaled by the residual variance) — instant, but it treats the model as right.
          “Bootstrap over scores” refits 200 resamples of the scores in a background worker (seeded, so the same every
          time) and takes each capability’s 5th–95th percentiles; it also reflects how much a capability depends on
          which scores happen to be in the data.
        </li>
        <li>
          <strong>Against compute</strong>: capability = a + b · log10(training FLOP) + c · year, by least squares on
          the fitted versions with a known training compute (distilled models left out, as in the paper). c ÷ b is how
          many orders of magnitude less compute buy the same capability each year; its 90% interval comes from 1,000
          seeded bootstrap resamples of the models. Compute comes from the on-screen dataset’s row where a version
          stands for one of its models — so the compute basis and the assumption sliders move this fit — and otherwise
          from Epoch AI’s figure for the version’s model; a post-trained model counts its base model’s run too.
          Capabilities themselves never move with a slider.
        </li>
      </ol>
      <p>
        <strong>Data.</strong> Epoch AI’s benchmark-stitching scores (2,408 scores on 40 benchmarks: Epoch’s own
        evaluations and leaderboards, which count as third-party estimates, and labs’ own reports about their models,
        which count as disclosed), joined to model versions through Epoch’s model_versions file and a reviewed map; in
        the default settings, the curated dataset’s own sourced scores join them, so the 2026 models get a capability.
        Where Epoch and a lab give a score for the same model and benchmark, the fit uses Epoch’s (one harness for every
        model keeps a benchmark’s difficulty comparable) and the lab’s stays visible beside it. Labs’ GPQA Diamond and
        SWE-bench Verified figures are fitted as benchmarks of their own, because Epoch’s scores for those two are its
        own runs with its own harness, which sit below the labs’ reports.
      </p>
      <p>
        <strong>Settings.</strong> Published (Ho et al. 2025): {describeSettings(PUBLISHED_SETTINGS)}. Compute Ledger’s
        default: {describeSettings(DEFAULT_CAPABILITY_SETTINGS, 'Winogrande')}. Every setting is in the link.
      </p>
      <p>
        <strong>Limits.</strong> One number per model: a model much better at code than at knowledge questions is
        averaged. Benchmarks labs optimise for reward targeted training as much as general capability — the paper’s
        robustness check, “leave out the ones labs optimise for”, is one click in the Capability tab. Reasoning-effort
        settings are separate versions (o3 low, medium, high); a dataset’s model is represented by the version its lab
        first released at its default effort. A capability resting on one or two scores is poorly pinned down: its
        interval says so. Benchmarks a single model was scored on carry no information about it.
      </p>
      <p className="attribution">
        Benchmark scores: Epoch AI, benchmark-stitching data (MIT),{' '}
        <SourceLink
          title="github.com/epoch-research/benchmark-stitching"
          url="https://github.com/epoch-research/benchmark-stitching"
        />
        .
      </p>
    </section>
  );
}
