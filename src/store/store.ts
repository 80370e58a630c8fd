/**
 * One zustand store made of slices: dataset, assumptions, filters, view. Derived data (estimates,
 * visible rows) lives in selectors.ts, never in the store.
 */
import { create, type StateCreator } from 'zustand';
import { assertValidAssumptions, DEFAULT_ASSUMPTIONS, type Assumptions } from '../domain/assumptions';
import { loadCurated, loadDataset, loadReference, DatasetError, type Dataset, type Reference } from '../data/datasets';
import { DEFAULT_FILTERS, DEFAULT_VIEW, parseUrl, type Filters, type ViewState } from './url';

export interface DatasetSlice {
  dataset: Dataset;
  reference: Reference;
  datasetStatus: 'ready' | 'loading';
  /** the last load error; the previous dataset stays on screen */
  datasetError?: string;
  selectDataset: (id: string) => Promise<void>;
}

export interface AssumptionsSlice {
  assumptions: Assumptions;
  setAssumption: <K extends keyof Assumptions>(key: K, value: Assumptions[K]) => void;
  setChipPrice: (chipId: string, usdPerGpuHour: number | undefined) => void;
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
  setView: <K extends keyof ViewState>(key: K, value: ViewState[K]) => void;
  select: (id: string | undefined) => void;
  toggleCompare: (id: string) => void;
  setCompare: (ids: string[]) => void;
  notices: string[];
  dismissNotices: () => void;
  theme: 'system' | 'light' | 'dark';
  setTheme: (t: 'system' | 'light' | 'dark') => void;
}

export type AppState = DatasetSlice & AssumptionsSlice & FiltersSlice & ViewSlice;

type Slice<T> = StateCreator<AppState, [], [], T>;

const datasetSlice: Slice<DatasetSlice> = (set, get) => ({
  dataset: loadCurated(),
  reference: loadReference(),
  datasetStatus: 'ready',
  selectDataset: async (id) => {
    if (get().dataset.id === id) return;
    set({ datasetStatus: 'loading', datasetError: undefined });
    try {
      const dataset = await loadDataset(id);
      set({ dataset, datasetStatus: 'ready' });
    } catch (e) {
      const message = e instanceof DatasetError ? e.message : `Could not load dataset "${id}": ${(e as Error).message}`;
      set({ datasetStatus: 'ready', datasetError: message });
    }
  },
});

const assumptionsSlice: Slice<AssumptionsSlice> = (set, get) => ({
  assumptions: DEFAULT_ASSUMPTIONS,
  setAssumption: (key, value) => {
    const next = { ...get().assumptions, [key]: value };
    try {
      assertValidAssumptions(next);
      set({ assumptions: next, assumptionError: undefined });
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
  resetAssumption: (key) => get().setAssumption(key, DEFAULT_ASSUMPTIONS[key]),
});

const filtersSlice: Slice<FiltersSlice> = (set, get) => ({
  filters: DEFAULT_FILTERS,
  setFilter: (key, value) => set({ filters: { ...get().filters, [key]: value } }),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
});

const viewSlice: Slice<ViewSlice> = (set, get) => ({
  view: DEFAULT_VIEW,
  setView: (key, value) => set({ view: { ...get().view, [key]: value } }),
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
  notices: [],
  dismissNotices: () => set({ notices: [] }),
  theme: 'system',
  setTheme: (theme) => set({ theme }),
});

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...datasetSlice(...a),
    ...assumptionsSlice(...a),
    ...filtersSlice(...a),
    ...viewSlice(...a),
  }));

export const useAppStore = createAppStore();

/** Applies a query string to the store: the permalink entry point. Unknown ids become notices. */
export async function applyUrl(search: string, store = useAppStore): Promise<void> {
  const { state, notices } = parseUrl(search);
  if (state.datasetId !== store.getState().dataset.id) await store.getState().selectDataset(state.datasetId);
  const { dataset, reference } = store.getState();
  const modelIds = new Set(dataset.models.map((m) => m.id));
  const chipIds = new Set(reference.chips.map((c) => c.id));
  const benchIds = new Set(reference.benchmarks.map((b) => b.id));
  const view = { ...state.view };
  const unknown = view.compareIds.filter((id) => !modelIds.has(id));
  if (unknown.length > 0) notices.push(`Unknown model id(s) in models: ${unknown.join(', ')}.`);
  view.compareIds = view.compareIds.filter((id) => modelIds.has(id));
  if (view.selectedId && !modelIds.has(view.selectedId)) {
    notices.push(`Unknown model id in sel: ${view.selectedId}.`);
    delete view.selectedId;
  }
  if (!benchIds.has(view.y)) {
    notices.push(`Unknown benchmark in y: ${view.y}; using ${DEFAULT_VIEW.y}.`);
    view.y = DEFAULT_VIEW.y;
  }
  const assumptions = { ...state.assumptions };
  if (!chipIds.has(assumptions.defaultChipId)) {
    notices.push(`Unknown chip in chip: ${assumptions.defaultChipId}; using ${DEFAULT_ASSUMPTIONS.defaultChipId}.`);
    assumptions.defaultChipId = DEFAULT_ASSUMPTIONS.defaultChipId;
  }
  for (const id of Object.keys(assumptions.usdPerGpuHourByChip)) {
    if (!chipIds.has(id)) {
      notices.push(`Unknown chip in cp: ${id}.`);
      const { [id]: _drop, ...rest } = assumptions.usdPerGpuHourByChip;
      assumptions.usdPerGpuHourByChip = rest;
    }
  }
  store.setState({ assumptions, filters: state.filters, view, notices });
}
