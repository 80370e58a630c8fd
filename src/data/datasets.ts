/**
 * Dataset loading. The curated dataset is bundled; Epoch's converted dataset (1,000+ models) is
 * a separate chunk fetched only when the user picks it, so it never weighs on first paint.
 */
import benchmarksJson from '../../data/benchmarks.json';
import chipsJson from '../../data/chips.json';
import modelsJson from '../../data/models.json';
import labsJson from '../../data/labs.json';
import curatedJoinJson from '../../data/epoch/curated-join.json';
import {
  curatedJoinFileSchema,
  labsFileSchema,
  type Benchmark,
  type Chip,
  type LabSpend,
  type Model,
  type ModelsFile,
} from './schema';
import { parseBenchmarksFile, parseChipsFile, parseModelsFile, type ValidationProblem } from './validate';

export interface Dataset {
  id: string;
  name: string;
  version?: string;
  models: Model[];
  attribution?: ModelsFile['attribution'];
}

export interface Reference {
  chips: Chip[];
  benchmarks: Benchmark[];
  labs: LabSpend[];
}

export class DatasetError extends Error {
  constructor(
    readonly datasetId: string,
    readonly problems: ValidationProblem[],
  ) {
    super(`${datasetId}: ${problems.length} problem(s), first: ${problems[0]?.path}: ${problems[0]?.message}`);
    this.name = 'DatasetError';
  }
}

export function loadReference(): Reference {
  const chips = parseChipsFile(chipsJson);
  const benchmarks = parseBenchmarksFile(benchmarksJson);
  if (!chips.ok) throw new DatasetError('chips', chips.problems);
  if (!benchmarks.ok) throw new DatasetError('benchmarks', benchmarks.problems);
  const labs = labsFileSchema.safeParse(labsJson);
  if (!labs.success) throw new DatasetError('labs', labs.error.issues.map((i) => ({ path: `labs.${i.path.join('.')}`, message: i.message })));
  return { chips: chips.data, benchmarks: benchmarks.data, labs: labs.data.labs };
}

export function toDataset(id: string, raw: unknown): Dataset {
  const parsed = parseModelsFile(raw, id);
  if (!parsed.ok) throw new DatasetError(id, parsed.problems);
  return {
    id,
    name: parsed.data.dataset,
    ...(parsed.data.version ? { version: parsed.data.version } : {}),
    models: parsed.data.models,
    ...(parsed.data.attribution ? { attribution: parsed.data.attribution } : {}),
  };
}

export const DATASETS = [
  { id: 'curated', label: 'Curated (Compute Ledger)' },
  { id: 'epoch', label: 'Epoch AI Notable Models' },
] as const;

/**
 * The curated dataset with Epoch AI's figures for its models attached (epochReference), from the
 * reviewed join that `npm run data:epoch` writes; models.json itself never carries them.
 */
export function loadCurated(): Dataset {
  const dataset = toDataset('curated', modelsJson);
  const join = curatedJoinFileSchema.safeParse(curatedJoinJson);
  if (!join.success)
    throw new DatasetError(
      'curated-join',
      join.error.issues.map((i) => ({ path: `curated-join.${i.path.join('.')}`, message: i.message })),
    );
  const refs = join.data.references;
  return {
    ...dataset,
    models: dataset.models.map((m) => (Object.hasOwn(refs, m.id) ? { ...m, epochReference: refs[m.id] } : m)),
  };
}

export async function loadDataset(id: string): Promise<Dataset> {
  if (id === 'curated') return loadCurated();
  if (id === 'epoch') {
    const mod = await import('../../data/epoch/notable-models.json');
    return toDataset('epoch', mod.default);
  }
  throw new DatasetError(id, [{ path: 'dataset', message: `unknown dataset "${id}"` }]);
}
