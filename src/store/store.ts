/**
 * One zustand store made of slices: dataset, assumptions, filters, view. Derived data (estimates,
 * visible rows) lives in selectors.ts, never in the store.
 */
import { create, type StateCreator } from 'zustand';
import { assertValidAssumptions, DEFAULT_ASSUMPTIONS, type Assumptions } from '../domain/assumptions';
import { loadCurated, loadDataset, loadReference, DatasetError, type Dataset, type Reference } from '../data/datasets';
import type { Model } from '../data/schema';
import { loadPrefs, loadUserDatasets, savePrefs, saveUserDatasets, type StoredDataset } from '../data/storage';
import {
  CAPABILITY_METRIC,
  DEFAULT_FILTERS,
  DEFAULT_VIEW,
  MAX_NOTE_LENGTH,
  parseUrl,
  X_AXES,
  type Filters,
  type ViewState,
} from './url';
import { DEFAULT_CAPABILITY_URL_STATE, type CapabilityUrlState, type IntervalMethod } from './capabilityUrl';
import {
  DEFAULT_CAPABILITY_SETTINGS,
  PUBLISHED_SETTINGS,
  type CapabilitySettings,
} from '../domain/capability/settings';
import { bestView } from './bestView';
import { X_METRICS } from './metrics';
import { selectRows } from './selectors';

export interface DatasetSlice {
  dataset: Dataset;
  reference: Reference;
  datasetStatus: 'ready' | 'loading';
  /** the last load error; the previous dataset stays on screen */
  datasetError?: string;
  selectDataset: (id: string) => Promise<void>;
  /** datasets the user imported; persisted in IndexedDB */
  userDatasets: StoredDataset[];
  addUserDataset: (name: string, models: Model[], mergeWithCurated: boolean) => Promise<string>;
  removeUserDataset: (id: string) => Promise<void>;
  /** loads what earlier sessions saved; call once at start-up */
  restore: () => Promise<void>;
}

/** Turns a stored user dataset into what the views show (merged ones include the curated models). */
export function composeUserDataset(d: StoredDataset): Dataset {
  if (!d.mergeWithCurated) return { id: d.id, name: d.name, models: d.models };
  const curated = loadCurated();
  const taken = new Set(curated.models.map((m) => m.id));
  // an imported record never silently replaces a curated one: a clashing id gets a suffix
  const user = d.models.map((m) => (taken.has(m.id) ? { ...m, id: `${m.id}-user` } : m));
  return {
    id: d.id,
    name: `${curated.name} + ${d.name}`,
    models: [...curated.models, ...user],
    ...(curated.attribution ? { attribution: curated.attribution } : {}),
  };
}

function uniqueId(name: string, taken: Set<string>): string {
  const base = `user-${
    name
      .toLowerCase()
      .replace(/\.[a-z]+$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'data'
  }`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

export interface AssumptionsSlice {
  assumptions: Assumptions;
  setAssumption: <K extends keyof Assumptions>(key: K, value: Assumptions[K]) => void;
  setChipPrice: (chipId: string, usdPerGpuHour: number | undefined) => void;
  /** the user's acquisition price for a chip (amortized cost basis); undefined clears it */
  setChipPurchasePrice: (chipId: string, usd: number | undefined) => void;
  resetAssumption: (key: keyof Assumptions) => void;
  /** why the last change was refused (kept off the engine), shown next to the control */
  assumptionError?: string;
}

export interface FiltersSlice {
  filters: Filters;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  resetFilters: () => void;
}

export interface ViewSlice {
  view: ViewState;
  /** the scenario last applied, until the user changes something */
  activeScenarioId?: string;
  applyScenario: (s: { assumptions: Assumptions; view: ViewState }, id: string) => void;
  setView: <K extends keyof ViewState>(key: K, value: ViewState[K]) => void;
  select: (id: string | undefined) => void;
  toggleCompare: (id: string) => void;
  setCompare: (ids: string[]) => void;
  /** attach (or, with empty text, remove) a reader's note on a model */
  setNote: (id: string, text: string) => void;
  notices: string[];
  /** a problem found after the URL was read (e.g. a column a permalink names is not in the table) */
  addNotice: (text: string) => void;
  dismissNotices: () => void;
  /** why the axes just moved by themselves (a dataset without scores lands on compute over time) */
  viewNote?: string;
  theme: 'system' | 'light' | 'dark';
  setTheme: (t: 'system' | 'light' | 'dark') => void;
}

/** The capability fit's settings (never its results: those come from the worker, cached per settings). */
export interface CapabilitySlice {
  capability: CapabilityUrlState;
  setCapability: (patch: Partial<CapabilitySettings>) => void;
  /** "Published settings (Ho et al. 2025)" */
  applyPublishedCapability: () => void;
  resetCapability: () => void;
  setCapabilityInterval: (method: IntervalMethod) => void;
}

export type AppState = DatasetSlice & AssumptionsSlice & FiltersSlice & ViewSlice & CapabilitySlice;

type Slice<T> = StateCreator<AppState, [], [], T>;

/**
 * After the data changed: if the chosen axes would plot (almost) nothing, move to the most
 * informative view this dataset fills, and say why, instead of showing an empty chart.
 */
function landOnData(get: () => AppState, set: (p: Partial<AppState>) => void): void {
  const s = get();
  const { view, moved } = bestView(selectRows(s), s.reference.benchmarks, s.view);
  if (moved) set({ view, viewNote: `Showing ${moved.to}: ${moved.why}.` });
  else if (s.viewNote) set({ viewNote: undefined });
}

/** Only the latest dataset request may land: an older load finishing late is dropped. */
let datasetRequest = 0;

const datasetSlice: Slice<DatasetSlice> = (set, get) => ({
  dataset: loadCurated(),
  reference: loadReference(),
  datasetStatus: 'ready',
  userDatasets: [],
  selectDataset: async (id) => {
    const request = ++datasetRequest;
    if (get().dataset.id === id) {
      if (get().datasetStatus === 'loading') set({ datasetStatus: 'ready' });
      return;
    }
    const user = get().userDatasets.find((d) => d.id === id);
    if (user) {
      set({ dataset: composeUserDataset(user), datasetError: undefined, datasetStatus: 'ready' });
      landOnData(get, set);
      return;
    }
    if (id.startsWith('user-')) {
      set({
        datasetError: `Dataset "${id}" is not saved in this browser (imported data stays on the device that imported it).`,
      });
      return;
    }
    set({ datasetStatus: 'loading', datasetError: undefined });
    try {
      const dataset = await loadDataset(id);
      if (request !== datasetRequest) return;
      set({ dataset, datasetStatus: 'ready' });
      landOnData(get, set);
    } catch (e) {
      if (request !== datasetRequest) return;
      const message = e instanceof DatasetError ? e.message : `Could not load dataset "${id}": ${(e as Error).message}`;
      set({ datasetStatus: 'ready', datasetError: message });
    }
  },
  addUserDataset: async (name, models, mergeWithCurated) => {
    const taken = new Set(['curated', 'epoch', ...get().userDatasets.map((d) => d.id)]);
    const stored: StoredDataset = {
      id: uniqueId(name, taken),
      name,
      importedAt: new Date().toISOString(),
      mergeWithCurated,
      models,
    };
    const userDatasets = [...get().userDatasets, stored];
    set({ userDatasets, dataset: composeUserDataset(stored), datasetError: undefined });
    landOnData(get, set);
    const problem = await saveUserDatasets(userDatasets);
    if (problem) set({ notices: [...get().notices, problem] });
    return stored.id;
  },
  removeUserDataset: async (id) => {
    const userDatasets = get().userDatasets.filter((d) => d.id !== id);
    set({ userDatasets, ...(get().dataset.id === id ? { dataset: loadCurated() } : {}) });
    landOnData(get, set);
    const problem = await saveUserDatasets(userDatasets);
    if (problem) set({ notices: [...get().notices, problem] });
  },
  restore: async () => {
    const { datasets, notices } = await loadUserDatasets();
    const prefs = loadPrefs();
    set({
      userDatasets: datasets,
      theme: prefs.prefs.theme,
      notices: [...get().notices, ...notices, ...(prefs.notice ? [prefs.notice] : [])],
    });
  },
});

const assumptionsSlice: Slice<AssumptionsSlice> = (set, get) => ({
  assumptions: DEFAULT_ASSUMPTIONS,
  setAssumption: (key, value) => {
    const next = { ...get().assumptions, [key]: value };
    try {
      assertValidAssumptions(next);
      set({ assumptions: next, assumptionError: undefined, activeScenarioId: undefined });
    } catch (e) {
      set({ assumptionError: (e as Error).message });
    }
  },
  setChipPrice: (chipId, price) => {
    const byChip = { ...get().assumptions.usdPerGpuHourByChip };
    if (price === undefined) delete byChip[chipId];
    else byChip[chipId] = price;
    get().setAssumption('usdPerGpuHourByChip', byChip);
  },
  setChipPurchasePrice: (chipId, usd) => {
    const byChip = { ...get().assumptions.purchaseUsdByChip };
    if (usd === undefined) delete byChip[chipId];
    else byChip[chipId] = usd;
    get().setAssumption('purchaseUsdByChip', byChip);
  },
  resetAssumption: (key) => get().setAssumption(key, DEFAULT_ASSUMPTIONS[key]),
});

const filtersSlice: Slice<FiltersSlice> = (set, get) => ({
  filters: DEFAULT_FILTERS,
  setFilter: (key, value) => set({ filters: { ...get().filters, [key]: value } }),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
});

const viewSlice: Slice<ViewSlice> = (set, get) => ({
  view: DEFAULT_VIEW,
  setView: (key, value) => {
    const view = get().view;
    // choosing what is already chosen (the open tab, the same axis) keeps the scenario and its note
    if (Object.is(view[key], value)) return;
    // a logarithmic date axis means nothing: dates are always linear
    if (key === 'logX' && value === true && view.x === 'date') return;
    const next = { ...view, [key]: value };
    // each x axis opens on its natural scale (log for sizes and costs, linear for dates)
    if (key === 'x') next.logX = X_METRICS[value as ViewState['x']].defaultLog;
    set({
      view: next,
      activeScenarioId: undefined,
      ...(key === 'x' || key === 'y' ? { viewNote: undefined } : {}),
    });
  },
  select: (id) => {
    const { selectedId: _drop, ...rest } = get().view;
    set({ view: id ? { ...rest, selectedId: id } : rest });
  },
  toggleCompare: (id) => {
    const ids = get().view.compareIds;
    const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-4);
    set({ view: { ...get().view, compareIds: next } });
  },
  setCompare: (ids) => set({ view: { ...get().view, compareIds: ids.slice(0, 4) } }),
  setNote: (id, text) => {
    const notes = { ...get().view.notes };
    const t = text.trim().slice(0, MAX_NOTE_LENGTH);
    if (t) notes[id] = t;
    else delete notes[id];
    set({ view: { ...get().view, notes } });
  },
  applyScenario: ({ assumptions, view }, id) =>
    set({ assumptions, view, activeScenarioId: id, assumptionError: undefined }),
  notices: [],
  addNotice: (text) => {
    if (!get().notices.includes(text)) set({ notices: [...get().notices, text] });
  },
  dismissNotices: () => set({ notices: [] }),
  theme: 'system',
  setTheme: (theme) => {
    savePrefs({ theme });
    set({ theme });
  },
});

const capabilitySlice: Slice<CapabilitySlice> = (set, get) => ({
  capability: DEFAULT_CAPABILITY_URL_STATE,
  setCapability: (patch) =>
    set({ capability: { ...get().capability, settings: { ...get().capability.settings, ...patch } } }),
  applyPublishedCapability: () => set({ capability: { ...get().capability, settings: PUBLISHED_SETTINGS } }),
  resetCapability: () => set({ capability: { ...get().capability, settings: DEFAULT_CAPABILITY_SETTINGS } }),
  setCapabilityInterval: (interval) => set({ capability: { ...get().capability, interval } }),
});

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...datasetSlice(...a),
    ...assumptionsSlice(...a),
    ...filtersSlice(...a),
    ...viewSlice(...a),
    ...capabilitySlice(...a),
  }));

export const useAppStore = createAppStore();

/** Applies a query string to the store: the permalink entry point. Unknown ids become notices. */
export async function applyUrl(search: string, store = useAppStore): Promise<void> {
  const { state, notices } = parseUrl(search);
  if (state.datasetId !== store.getState().dataset.id) await store.getState().selectDataset(state.datasetId);
  const { dataset, reference } = store.getState();
  if (state.datasetVersion && dataset.version && state.datasetVersion !== dataset.version)
    notices.push(
      `This link was made with version ${state.datasetVersion} of the dataset (dv=${state.datasetVersion}); you are seeing version ${dataset.version}, so some figures may differ.`,
    );
  const modelIds = new Set(dataset.models.map((m) => m.id));
  const chipIds = new Set(reference.chips.map((c) => c.id));
  const benchIds = new Set(reference.benchmarks.map((b) => b.id));
  const view = { ...state.view };
  const unknown = view.compareIds.filter((id) => !modelIds.has(id));
  if (unknown.length > 0) notices.push(`Unknown model id(s) in models: ${unknown.join(', ')}.`);
  view.compareIds = view.compareIds.filter((id) => modelIds.has(id));
  const unknownNotes = Object.keys(view.notes).filter((id) => !modelIds.has(id));
  if (unknownNotes.length > 0) {
    notices.push(`Notes for unknown model id(s) ignored: ${unknownNotes.join(', ')}.`);
    view.notes = Object.fromEntries(Object.entries(view.notes).filter(([id]) => modelIds.has(id)));
  }
  if (view.selectedId && !modelIds.has(view.selectedId)) {
    notices.push(`Unknown model id in sel: ${view.selectedId}.`);
    delete view.selectedId;
  }
  if (!benchIds.has(view.y) && !(X_AXES as readonly string[]).includes(view.y) && view.y !== CAPABILITY_METRIC) {
    notices.push(`Unknown benchmark in y: ${view.y}; using ${DEFAULT_VIEW.y}.`);
    view.y = DEFAULT_VIEW.y;
  }
  const assumptions = { ...state.assumptions };
  if (!chipIds.has(assumptions.defaultChipId)) {
    notices.push(`Unknown chip in chip: ${assumptions.defaultChipId}; using ${DEFAULT_ASSUMPTIONS.defaultChipId}.`);
    assumptions.defaultChipId = DEFAULT_ASSUMPTIONS.defaultChipId;
  }
  if (assumptions.rehostChipId && !chipIds.has(assumptions.rehostChipId)) {
    notices.push(`Unknown chip in rehost: ${assumptions.rehostChipId}.`);
    delete assumptions.rehostChipId;
  }
  for (const id of Object.keys(assumptions.usdPerGpuHourByChip)) {
    if (!chipIds.has(id)) {
      notices.push(`Unknown chip in cp: ${id}.`);
      const { [id]: _drop, ...rest } = assumptions.usdPerGpuHourByChip;
      assumptions.usdPerGpuHourByChip = rest;
    }
  }
  for (const id of Object.keys(assumptions.purchaseUsdByChip)) {
    if (!chipIds.has(id)) {
      notices.push(`Unknown chip in hwprice: ${id}.`);
      const { [id]: _drop, ...rest } = assumptions.purchaseUsdByChip;
      assumptions.purchaseUsdByChip = rest;
    }
  }
  store.setState({
    assumptions,
    filters: state.filters,
    view,
    capability: state.capability ?? DEFAULT_CAPABILITY_URL_STATE,
    notices: [...store.getState().notices, ...notices],
    activeScenarioId: undefined,
  });
  landOnData(store.getState, store.setState);
}
