/**
 * The main thread's side of the capability worker: asks for fits and bootstraps, keeps their
 * results per settings key (the store holds settings, never results), and tells subscribers.
 * The worker module, the fit code and the stitching data load only on the first request.
 */
import type { BootstrapIntervals, CapabilityResult } from '../domain/capability/run';
import { settingsKey, type CapabilitySettings } from '../domain/capability/settings';
import type { CapabilityRequest, CapabilityResponse } from './capabilityRunner';
import type { Benchmark, Model } from './schema';
import { startCapabilityWorker } from '../security/trustedTypes';

export interface FitState {
  status: 'fitting' | 'ready' | 'error';
  result?: CapabilityResult;
  error?: string;
  /** time in the worker, ms */
  ms?: number;
}

export interface BootstrapState {
  status: 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  intervals?: BootstrapIntervals;
  error?: string;
  ms?: number;
}

export interface CapabilitySnapshot {
  fits: ReadonlyMap<string, FitState>;
  bootstraps: ReadonlyMap<string, BootstrapState>;
}

type Curated = { models: Model[]; benchmarks: Benchmark[] };

interface Channel {
  post: (req: CapabilityRequest) => void;
  terminate: () => void;
}

/** A module worker where there is one; in-thread (tests, old browsers) otherwise. */
function openChannel(onMessage: (msg: CapabilityResponse) => void): Channel {
  if (typeof Worker !== 'undefined') {
    const worker = startCapabilityWorker();
    worker.onmessage = (e: MessageEvent<CapabilityResponse>) => onMessage(e.data);
    worker.onerror = (e) => onMessage({ type: 'error', id: -1, message: e.message || 'the capability worker failed' });
    return { post: (req) => worker.postMessage(req), terminate: () => worker.terminate() };
  }
  let alive = true;
  return {
    post: (req) => {
      void import('./capabilityRunner').then(({ runCapabilityRequest }) =>
        runCapabilityRequest(req, (msg) => {
          if (alive) onMessage(msg);
        }),
      );
    },
    terminate: () => {
      alive = false;
    },
  };
}

export const BOOTSTRAP_ITERATIONS = 200;
export const BOOTSTRAP_SEED = 20251128;

export class CapabilityClient {
  private fits = new Map<string, FitState>();
  private bootstraps = new Map<string, BootstrapState>();
  private snapshot: CapabilitySnapshot = { fits: this.fits, bootstraps: this.bootstraps };
  private listeners = new Set<() => void>();
  private fitChannel?: Channel;
  private bootChannel?: Channel;
  private nextId = 1;
  private pendingFit = new Map<number, string>();
  private pendingBoot?: { id: number; key: string };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CapabilitySnapshot => this.snapshot;

  private emit() {
    this.snapshot = { fits: new Map(this.fits), bootstraps: new Map(this.bootstraps) };
    for (const l of this.listeners) l();
  }

  /** Starts a fit unless one for these settings is done or under way. */
  requestFit(settings: CapabilitySettings, curated: Curated): string {
    const key = settingsKey(settings);
    const known = this.fits.get(key);
    if (known && known.status !== 'error') return key;
    this.fitChannel ??= openChannel((msg) => this.onFitMessage(msg));
    const id = this.nextId++;
    this.pendingFit.set(id, key);
    this.fits.set(key, { status: 'fitting' });
    this.emit();
    this.fitChannel.post({ type: 'fit', id, settings, curated });
    return key;
  }

  private onFitMessage(msg: CapabilityResponse) {
    const key = this.pendingFit.get(msg.id);
    if (msg.type === 'error' && msg.id === -1) {
      // the worker itself failed: every pending fit fails with its message
      for (const [id, k] of this.pendingFit) {
        this.fits.set(k, { status: 'error', error: msg.message });
        this.pendingFit.delete(id);
      }
      this.fitChannel?.terminate();
      this.fitChannel = undefined;
      this.emit();
      return;
    }
    if (key === undefined) return;
    this.pendingFit.delete(msg.id);
    if (msg.type === 'result') this.fits.set(key, { status: 'ready', result: msg.result, ms: msg.ms });
    else if (msg.type === 'error') this.fits.set(key, { status: 'error', error: msg.message });
    this.emit();
  }

  /** Bootstrap intervals for these settings, with progress; one at a time. */
  startBootstrap(settings: CapabilitySettings, curated: Curated, iterations = BOOTSTRAP_ITERATIONS): void {
    const key = settingsKey(settings);
    const known = this.bootstraps.get(key);
    if (known && (known.status === 'running' || known.status === 'done')) return;
    this.cancelBootstrap();
    this.bootChannel = openChannel((msg) => this.onBootMessage(msg));
    const id = this.nextId++;
    this.pendingBoot = { id, key };
    this.bootstraps.set(key, { status: 'running', done: 0, total: iterations });
    this.emit();
    this.bootChannel.post({ type: 'bootstrap', id, settings, curated, iterations, seed: BOOTSTRAP_SEED });
  }

  /** Stops a running bootstrap at once (the worker is terminated; fits are unaffected). */
  cancelBootstrap(): void {
    if (!this.pendingBoot) return;
    const { key } = this.pendingBoot;
    const state = this.bootstraps.get(key);
    this.bootChannel?.terminate();
    this.bootChannel = undefined;
    this.pendingBoot = undefined;
    if (state?.status === 'running') this.bootstraps.set(key, { ...state, status: 'cancelled' });
    this.emit();
  }

  private onBootMessage(msg: CapabilityResponse) {
    const p = this.pendingBoot;
    if (!p || (msg.id !== p.id && msg.id !== -1)) return;
    const state = this.bootstraps.get(p.key) ?? { status: 'running' as const, done: 0, total: 0 };
    if (msg.type === 'progress') this.bootstraps.set(p.key, { ...state, done: msg.done, total: msg.total });
    else if (msg.type === 'intervals') {
      this.bootstraps.set(p.key, { ...state, status: 'done', done: state.total, intervals: msg.intervals, ms: msg.ms });
      this.bootChannel?.terminate();
      this.bootChannel = undefined;
      this.pendingBoot = undefined;
    } else if (msg.type === 'error') {
      this.bootstraps.set(p.key, { ...state, status: 'error', error: msg.message });
      this.bootChannel?.terminate();
      this.bootChannel = undefined;
      this.pendingBoot = undefined;
    }
    this.emit();
  }
}

export const capabilityClient = new CapabilityClient();
