/**
 * What survives a reload: imported datasets (IndexedDB, via idb-keyval: they can be tens of MB,
 * beyond localStorage's quota) and preferences (localStorage). Every entry is versioned; old
 * versions are migrated; an entry that cannot be read is kept under a backup key and reported,
 * never silently wiped, and the app starts on the bundled data.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Model } from './schema';

export const STORAGE_VERSION = 1;
const DATASETS_KEY = 'user-datasets';
const PREFS_KEY = 'compute-ledger:prefs';

export interface StoredDataset {
  id: string;
  name: string;
  importedAt: string;
  /** the user's models are shown together with the curated ones */
  mergeWithCurated: boolean;
  models: Model[];
}

interface EnvelopeV1 {
  version: 1;
  savedAt: string;
  datasets: StoredDataset[];
}

export interface Prefs {
  theme: 'system' | 'light' | 'dark';
}
export const DEFAULT_PREFS: Prefs = { theme: 'system' };

let idb: UseStore | undefined;
function db(): UseStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  idb ??= createStore('compute-ledger', 'kv');
  return idb;
}

/** Migrations from older envelope versions, keyed by the version they upgrade from. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // v0 (never shipped, kept as the pattern): a bare array of datasets
  0: (old) => ({ version: 1, savedAt: new Date().toISOString(), datasets: Array.isArray(old) ? old : [] }),
};

export interface LoadResult {
  datasets: StoredDataset[];
  notices: string[];
}

/**
 * Reads what was saved. `parseModel` checks each saved model against the schema (passed in, so
 * this module, which runs before the first chart, does not load the schema itself).
 */
export function readEnvelope(raw: unknown, parseModel: (m: unknown) => Model | undefined): LoadResult {
  const notices: string[] = [];
  if (raw === undefined || raw === null) return { datasets: [], notices };
  let env: unknown = raw;
  const versionOf = (v: unknown) => (Array.isArray(v) ? 0 : v && typeof v === 'object' && typeof (v as { version?: unknown }).version === 'number' ? (v as { version: number }).version : -1);
  let version = versionOf(env);
  while (version >= 0 && version < STORAGE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) break;
    env = migrate(env as Record<string, unknown>);
    version = versionOf(env);
  }
  if (version !== STORAGE_VERSION || !Array.isArray((env as EnvelopeV1).datasets)) {
    notices.push(version > STORAGE_VERSION ? 'Saved data comes from a newer version of Compute Ledger and was not loaded; it is kept as a backup.' : 'Saved data could not be read and was kept as a backup; the bundled data is shown.');
    return { datasets: [], notices };
  }
  const datasets: StoredDataset[] = [];
  for (const d of (env as EnvelopeV1).datasets) {
    if (!d || typeof d !== 'object' || typeof d.id !== 'string' || !Array.isArray(d.models)) {
      notices.push('A saved dataset was damaged and was kept as a backup.');
      continue;
    }
    const models: Model[] = [];
    let bad = 0;
    for (const m of d.models) {
      const ok = parseModel(m);
      if (ok) models.push(ok);
      else bad += 1;
    }
    if (bad > 0) notices.push(`Saved dataset “${String(d.name)}”: ${bad} damaged record(s) were skipped (a backup of the original is kept).`);
    datasets.push({ id: d.id, name: String(d.name), importedAt: String(d.importedAt), mergeWithCurated: Boolean(d.mergeWithCurated), models });
  }
  return { datasets, notices };
}

async function backup(raw: unknown): Promise<void> {
  const store = db();
  if (store) await set(`backup-${new Date().toISOString()}`, raw, store);
}

export async function loadUserDatasets(): Promise<LoadResult> {
  const store = db();
  if (!store) return { datasets: [], notices: [] };
  let raw: unknown;
  try {
    raw = await get(DATASETS_KEY, store);
  } catch (e) {
    return { datasets: [], notices: [`Saved datasets could not be opened (${(e as Error).message}); the bundled data is shown.`] };
  }
  if (raw === undefined || raw === null) return { datasets: [], notices: [] };
  const { parseStoredModel } = await import('./storedModel');
  const result = readEnvelope(raw, parseStoredModel);
  if (result.notices.length > 0) await backup(raw).catch(() => undefined);
  return result;
}

export async function saveUserDatasets(datasets: StoredDataset[]): Promise<string | undefined> {
  const store = db();
  if (!store) return 'This browser has no IndexedDB: imported data will not survive a reload.';
  const env: EnvelopeV1 = { version: 1, savedAt: new Date().toISOString(), datasets };
  try {
    await set(DATASETS_KEY, env, store);
    return undefined;
  } catch (e) {
    return `Could not save the imported data (${(e as Error).message}); it will be lost on reload.`;
  }
}


export function loadPrefs(storage: Storage | undefined = globalThis.localStorage): { prefs: Prefs; notice?: string } {
  if (!storage) return { prefs: DEFAULT_PREFS };
  const raw = storage.getItem(PREFS_KEY);
  if (raw === null) return { prefs: DEFAULT_PREFS };
  try {
    const v = JSON.parse(raw) as { version?: number; theme?: unknown };
    if (v.version !== 1 || !['system', 'light', 'dark'].includes(String(v.theme))) throw new Error('unexpected shape');
    return { prefs: { theme: v.theme as Prefs['theme'] } };
  } catch {
    storage.setItem(`${PREFS_KEY}:backup`, raw);
    return { prefs: DEFAULT_PREFS, notice: 'Saved preferences could not be read and were reset (the old value is kept as a backup).' };
  }
}

export function savePrefs(prefs: Prefs, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify({ version: 1, ...prefs }));
  } catch {
    // storage full or disabled: preferences are a convenience, the URL still carries the view
  }
}
