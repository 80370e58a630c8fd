/**
 * React's view of the capability fit: asks the worker for the fit of the current settings (and the
 * bootstrap when the reader chose bootstrap intervals), and joins the result to the on-screen rows.
 * Nothing runs until a view that needs capability mounts.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { capabilityClient, type BootstrapState, type FitState } from '../data/capabilityClient';
import { loadCurated } from '../data/datasets';
import type { Model } from '../data/schema';
import { settingsKey } from '../domain/capability/settings';
import type { CapabilityResult } from '../domain/capability/run';
import { capabilityByModel, capabilityMetric, type ModelCapability } from './capability';
import type { Metric } from './metrics';
import { useAppStore } from './store';

let curatedModels: Model[] | undefined;
/** The curated dataset's models, whose own scores can join the fit (parsed once). */
function curatedForFit(): Model[] {
  curatedModels ??= loadCurated().models;
  return curatedModels;
}

export interface CapabilityState {
  status: 'fitting' | 'ready' | 'error';
  result?: CapabilityResult;
  error?: string;
  ms?: number;
  bootstrap?: BootstrapState;
  key: string;
  /** how the intervals on screen were made: bootstrap once it has finished for these settings */
  intervalMethod: 'curvature' | 'bootstrap';
}

/** The fit for the store's current settings; `enabled` false asks for nothing (the worker stays unloaded). */
export function useCapabilityFit(enabled = true): CapabilityState {
  const capability = useAppStore((s) => s.capability);
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const snap = useSyncExternalStore(
    capabilityClient.subscribe,
    capabilityClient.getSnapshot,
    capabilityClient.getSnapshot,
  );
  const key = settingsKey(capability.settings);
  useEffect(() => {
    if (!enabled) return;
    capabilityClient.requestFit(capability.settings, { models: curatedForFit(), benchmarks });
  }, [enabled, capability.settings, benchmarks]);
  const fit: FitState | undefined = snap.fits.get(key);
  useEffect(() => {
    if (!enabled || capability.interval !== 'bootstrap' || fit?.status !== 'ready') return;
    capabilityClient.startBootstrap(capability.settings, { models: curatedForFit(), benchmarks });
  }, [enabled, capability.interval, capability.settings, benchmarks, fit?.status]);
  const bootstrap = snap.bootstraps.get(key);
  return {
    status: fit?.status ?? 'fitting',
    ...(fit?.result ? { result: fit.result } : {}),
    ...(fit?.error ? { error: fit.error } : {}),
    ...(fit?.ms !== undefined ? { ms: fit.ms } : {}),
    ...(bootstrap ? { bootstrap } : {}),
    key,
    intervalMethod: capability.interval === 'bootstrap' && bootstrap?.status === 'done' ? 'bootstrap' : 'curvature',
  };
}

/**
 * Capability per model of the current dataset (all models, not only the filtered ones). It reads
 * the models, never the estimates: a slider step must not re-render the views that use it in the
 * urgent render (they redraw once, from the deferred rows).
 */
export function useCapabilityByModel(enabled = true): {
  state: CapabilityState;
  byModel: Map<string, ModelCapability>;
} {
  const state = useCapabilityFit(enabled);
  const models = useAppStore((s) => s.dataset.models);
  const boot = state.intervalMethod === 'bootstrap' ? state.bootstrap?.intervals : undefined;
  const byModel = capabilityByModel(state.result, models, boot);
  return { state, byModel };
}

/** The capability axis, or undefined while the fit is not ready. */
export function useCapabilityMetric(enabled: boolean): { metric?: Metric; state: CapabilityState } {
  const { state, byModel } = useCapabilityByModel(enabled);
  const metric = useMemo(() => (state.result ? capabilityMetric(byModel) : undefined), [state.result, byModel]);
  return { ...(metric ? { metric } : {}), state };
}
