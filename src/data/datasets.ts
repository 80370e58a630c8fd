/**
 * Dataset loading. The curated dataset is bundled; Epoch's converted dataset (1,000+ models) is
 * a separate chunk fetched only when the user picks it, so it never weighs on first paint.
 *
 * The bundled files are checked against the schema by `npm run data:validate` before they ship,
 * and again in the page by `checkBundledData` right after the first chart is drawn: the schema
 * library (zod, ~25 KB gzip) is not needed to draw it. Anything loaded later (Epoch, imports,
 * saved datasets) is parsed by the schema before it is shown.
 */
import benchmarksJson from '../../data/benchmarks.json';
import chipsJson from '../../data/chips.json';
import modelsJson from '../../data/models.json';
import labsJson from '../../data/labs.json';
import curatedJoinJson from '../../data/epoch/curated-join.json';
import type { Benchmark, Chip, LabSpend, Model, ModelsFile } from './schema';
import type { ValidationProblem } from './validate';

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

let reference: Reference | undefined;

/** Chips, benchmarks and lab spending as bundled (checked by `checkBundledData`). */
export function loadReference(): Reference {
  reference ??= {
    chips: (chipsJson as unknown as { chips: Chip[] }).chips,
    benchmarks: (benchmarksJson as unknown as { benchmarks: Benchmark[] }).benchmarks,
    labs: (labsJson as unknown as { labs: LabSpend[] }).labs,
  };
  return reference;
}

function datasetOf(id: string, file: ModelsFile): Dataset {
  return {
    id,
    name: file.dataset,
    ...(file.version ? { version: file.version } : {}),
    models: file.models,
    ...(file.attribution ? { attribution: file.attribution } : {}),
  };
}

/** A models file from outside the bundle: parsed by the schema, or refused with its problems. */
export async function toDataset(id: string, raw: unknown): Promise<Dataset> {
  const { parseModelsFile } = await import('./validate');
  const parsed = parseModelsFile(raw, id);
  if (!parsed.ok) throw new DatasetError(id, parsed.problems);
  return datasetOf(id, parsed.data);
}

/**
 * Runs the schema and the cross-references over the bundled files, after the first chart: a
 * problem becomes a message naming the record and field (the build refuses such a file first).
 */
export async function checkBundledData(): Promise<ValidationProblem[]> {
  const v = await import('./validate');
  const { curatedJoinFileSchema, labsFileSchema } = await import('./schema');
  const models = v.parseModelsFile(modelsJson, 'models');
  const chips = v.parseChipsFile(chipsJson);
  const benchmarks = v.parseBenchmarksFile(benchmarksJson);
  const labs = labsFileSchema.safeParse(labsJson);
  const join = curatedJoinFileSchema.safeParse(curatedJoinJson);
  const problems = [
    ...(models.ok ? [] : models.problems),
    ...(chips.ok ? [] : chips.problems),
    ...(benchmarks.ok ? [] : benchmarks.problems),
    ...(labs.success ? [] : v.describeIssues(labs.error.issues, labsJson, 'labs')),
    ...(join.success ? [] : v.describeIssues(join.error.issues, curatedJoinJson, 'curated-join')),
  ];
  if (models.ok && chips.ok && benchmarks.ok) problems.push(...v.crossCheck(models.data.models, chips.data, benchmarks.data));
  return problems;
}

export const DATASETS = [
  { id: 'curated', label: 'Curated (Compute Ledger)' },
  { id: 'epoch', label: 'Epoch AI Notable Models' },
] as const;

let curated: Dataset | undefined;

/**
 * The curated dataset, with Epoch AI's figures for its models attached (epochReference) from the
 * reviewed join that `npm run data:epoch` writes; models.json itself never carries them.
 */
export function loadCurated(): Dataset {
  if (!curated) {
    const file = modelsJson as unknown as ModelsFile;
    const refs = (curatedJoinJson as unknown as { references: Record<string, Model['epochReference']> }).references;
    curated = datasetOf('curated', {
      ...file,
      models: file.models.map((m: Model) => {
        // the schema's one default: a model without scores has an empty benchmarks record
        const withScores = { ...m, benchmarks: m.benchmarks ?? {} };
        const ref = Object.hasOwn(refs, m.id) ? refs[m.id] : undefined;
        return ref ? { ...withScores, epochReference: ref } : withScores;
      }),
    });
  }
  return curated;
}

export async function loadDataset(id: string): Promise<Dataset> {
  if (id === 'curated') return loadCurated();
  if (id === 'epoch') {
    const mod = await import('../../data/epoch/notable-models.json');
    return await toDataset('epoch', mod.default);
  }
  throw new DatasetError(id, [{ path: 'dataset', message: `unknown dataset "${id}"` }]);
}
