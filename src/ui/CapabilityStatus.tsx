import type { CapabilityState } from '../store/useCapability';
import { formatValue } from '../domain/format';

/** One line under a chart that plots the stitched capability: fitting, failed, or what it rests on. */
export function CapabilityStatus({ state }: { state: CapabilityState }) {
  if (state.status === 'error')
    return (
      <p className="chart-note capability-status" role="alert">
        The capability index could not be fitted: {state.error}
      </p>
    );
  if (!state.result)
    return (
      <p className="chart-note capability-status" role="status">
        Fitting the capability index (Ho et al. 2025) in the background…
      </p>
    );
  const r = state.result;
  return (
    <p className="chart-note capability-status">
      Capability (stitched): one scale fitted jointly from {formatValue(r.observations.length, 'count')} benchmark
      scores of {formatValue(r.versions.length, 'count')} model versions on {r.benchmarks.length} benchmarks (Ho et al.
      2025 method; Epoch AI benchmark-stitching data, MIT
      {r.settings.data === 'all' ? ', plus the curated dataset’s sourced scores' : ''}). Error bars: 90% interval (
      {state.intervalMethod === 'bootstrap' ? 'bootstrap over scores' : 'from the fit’s curvature'}). Anchor:{' '}
      {r.benchmarks.find((b) => b.anchor)?.name} = 0. Sliders do not move it.
    </p>
  );
}
