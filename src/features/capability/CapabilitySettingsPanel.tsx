import {
  CAPABILITY_BOUNDS,
  DEFAULT_CAPABILITY_SETTINGS,
  PUBLISHED_SETTINGS,
  sameSettings,
} from '../../domain/capability/settings';
import type { CapabilityResult } from '../../domain/capability/run';
import { capabilityClient } from '../../data/capabilityClient';
import { formatValue } from '../../domain/format';
import { useAppStore } from '../../store/store';
import type { CapabilityState } from '../../store/useCapability';
import { NumberBox } from '../../ui/NumberBox';

/** Every setting of the capability fit, each in the permalink. */
export function CapabilitySettingsPanel({ state }: { state: CapabilityState }) {
  const { settings, interval } = useAppStore((s) => s.capability);
  const set = useAppStore((s) => s.setCapability);
  const published = useAppStore((s) => s.applyPublishedCapability);
  const reset = useAppStore((s) => s.resetCapability);
  const setInterval = useAppStore((s) => s.setCapabilityInterval);
  const available: CapabilityResult['available'] = state.result?.available ?? [];
  const isPublished = sameSettings(settings, PUBLISHED_SETTINGS);
  const isDefault = sameSettings(settings, DEFAULT_CAPABILITY_SETTINGS);
  const dropped = new Set(settings.drop);
  const unknownDrops = available.length > 0 ? settings.drop.filter((d) => !available.some((b) => b.id === d)) : [];
  const boot = state.bootstrap;
  const toggleDrop = (id: string, on: boolean) =>
    set({ drop: on ? settings.drop.filter((d) => d !== id) : [...settings.drop, id] });
  return (
    <section className="panel capability-settings" aria-labelledby="cap-settings-title">
      <h3 id="cap-settings-title">Fit settings</h3>
      <div className="capability-settings__presets">
        <button
          type="button"
          className={isPublished ? 'preset preset--active' : 'preset'}
          aria-pressed={isPublished}
          onClick={published}
        >
          Published settings (Ho et al. 2025)
        </button>
        <button
          type="button"
          className={isDefault ? 'preset preset--active' : 'preset'}
          aria-pressed={isDefault}
          onClick={reset}
        >
          Compute Ledger defaults
        </button>
      </div>
      <p className="panel__hint">
        {isPublished
          ? 'The paper’s choices on Epoch’s data only: Winogrande anchor, λ 0.1, more than 3 benchmarks per version, versions from November 2022.'
          : isDefault
            ? 'The paper’s method with the curated dataset’s scores added and 2 benchmarks per version, so the 2026 models get a place on the scale; their intervals show how little a few scores pin down.'
            : 'Custom settings: every one is in the link.'}
      </p>
      <div className="capability-settings__grid">
        <label>
          Data{' '}
          <select value={settings.data} onChange={(e) => set({ data: e.target.value as typeof settings.data })}>
            <option value="epoch">Epoch’s scores only</option>
            <option value="all">Epoch’s + the curated dataset’s</option>
          </select>
        </label>
        <label>
          Anchor benchmark{' '}
          <select value={settings.anchor} onChange={(e) => set({ anchor: e.target.value })}>
            {available.length === 0 && <option value={settings.anchor}>{settings.anchor}</option>}
            {available
              .filter((b) => !dropped.has(b.id))
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Regularisation λ{' '}
          <NumberBox
            label="Regularisation λ"
            value={settings.lambda}
            {...CAPABILITY_BOUNDS.lambda}
            onCommit={(v) => set({ lambda: v })}
          />
        </label>
        <label>
          Capability bound (±){' '}
          <NumberBox
            label="Capability bound"
            value={settings.bound}
            {...CAPABILITY_BOUNDS.bound}
            onCommit={(v) => set({ bound: v })}
          />
        </label>
        <label>
          Slope low{' '}
          <NumberBox
            label="Slope low"
            value={settings.slopeMin}
            min={CAPABILITY_BOUNDS.slope.min}
            max={settings.slopeMax}
            step={CAPABILITY_BOUNDS.slope.step}
            onCommit={(v) => set({ slopeMin: v })}
          />
        </label>
        <label>
          Slope high{' '}
          <NumberBox
            label="Slope high"
            value={settings.slopeMax}
            min={settings.slopeMin}
            max={CAPABILITY_BOUNDS.slope.max}
            step={CAPABILITY_BOUNDS.slope.step}
            onCommit={(v) => set({ slopeMax: v })}
          />
        </label>
        <label>
          Minimum distinct benchmarks{' '}
          <NumberBox
            label="Minimum distinct benchmarks"
            value={settings.minBenchmarks}
            {...CAPABILITY_BOUNDS.minBenchmarks}
            onCommit={(v) => set({ minBenchmarks: Math.round(v) })}
          />
        </label>
        <label>
          Earliest release date{' '}
          <input
            type="date"
            aria-label="Earliest release date"
            value={settings.from ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              if (v === '') set({ from: undefined });
              else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) set({ from: v });
            }}
          />
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={settings.distilled} onChange={(e) => set({ distilled: e.target.checked })} />{' '}
          Include distilled models
        </label>
      </div>
      <details className="capability-settings__benchmarks">
        <summary>
          Benchmarks in the fit:{' '}
          {available.length - settings.drop.filter((d) => available.some((b) => b.id === d)).length} of{' '}
          {available.length}
          {settings.drop.length > 0 ? ` (left out: ${settings.drop.join(', ')})` : ''}
        </summary>
        <div className="capability-settings__bulk">
          <button
            type="button"
            className="link-button"
            onClick={() =>
              set({ drop: available.filter((b) => b.optimized && b.id !== settings.anchor).map((b) => b.id) })
            }
          >
            Leave out the ones labs optimise for
          </button>
          <button type="button" className="link-button" onClick={() => set({ drop: [] })}>
            Use all
          </button>
        </div>
        {unknownDrops.length > 0 && (
          <p className="notice-inline" role="alert">
            Unknown benchmark id(s) in capdrop ignored: {unknownDrops.join(', ')}.
          </p>
        )}
        <ul className="capability-settings__list">
          {available.map((b) => (
            <li key={b.id}>
              <label className="check-inline">
                <input
                  type="checkbox"
                  checked={!dropped.has(b.id)}
                  disabled={b.id === settings.anchor}
                  onChange={(e) => toggleDrop(b.id, e.target.checked)}
                />{' '}
                {b.name}
                {b.optimized ? <span className="muted"> · optimised for</span> : null}
                {b.curatedOnly ? <span className="muted"> · curated scores</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <fieldset className="capability-settings__intervals">
        <legend>90% intervals</legend>
        <label className="check-inline">
          <input
            type="radio"
            name="capci"
            checked={interval === 'curvature'}
            onChange={() => setInterval('curvature')}
          />{' '}
          From the fit’s curvature (instant)
        </label>
        <label className="check-inline">
          <input
            type="radio"
            name="capci"
            checked={interval === 'bootstrap'}
            onChange={() => setInterval('bootstrap')}
          />{' '}
          Bootstrap over scores (200 refits)
        </label>
        {interval === 'bootstrap' && boot && (
          <div className="bootstrap-progress" role="status" aria-live="polite">
            {boot.status === 'running' && (
              <>
                <progress max={boot.total} value={boot.done} aria-label="Bootstrap refits done" /> {boot.done} of{' '}
                {boot.total} refits{' '}
                <button
                  type="button"
                  onClick={() => {
                    capabilityClient.cancelBootstrap();
                    setInterval('curvature');
                  }}
                >
                  Cancel
                </button>
              </>
            )}
            {boot.status === 'done' && boot.intervals && (
              <span>
                Bootstrap done: {boot.intervals.resamples} refits in {formatValue((boot.ms ?? 0) / 1000, 'score')} s.
              </span>
            )}
            {boot.status === 'error' && <span>Bootstrap failed: {boot.error}</span>}
          </div>
        )}
      </fieldset>
    </section>
  );
}
