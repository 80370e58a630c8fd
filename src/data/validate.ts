import type { z } from 'zod';
import {
  benchmarksFileSchema,
  chipsFileSchema,
  modelsFileSchema,
  type Benchmark,
  type Chip,
  type ModelsFile,
} from './schema';

export interface ValidationProblem {
  /** where: "models[3].trainingFlop.source.url" */
  path: string;
  message: string;
}

/** Turns zod's issues into messages that name the record (by id when there is one) and the field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: unknown, label: string): ValidationProblem[] {
  return issues.map((issue) => {
    const parts: string[] = [label];
    let cursor: unknown = root;
    for (const key of issue.path) {
      if (typeof key === 'number' && Array.isArray(cursor)) {
        const item: unknown = cursor[key];
        const id =
          item && typeof item === 'object' && 'id' in item && typeof (item as { id: unknown }).id === 'string'
            ? (item as { id: string }).id
            : undefined;
        parts.push(id ? `[${key} "${id}"]` : `[${key}]`);
        cursor = item;
      } else {
        parts.push(`.${String(key)}`);
        cursor = cursor && typeof cursor === 'object' ? (cursor as Record<string, unknown>)[String(key)] : undefined;
      }
    }
    return { path: parts.join(''), message: issue.message };
  });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: ValidationProblem[] };

export function parseModelsFile(raw: unknown, label = 'models'): Parsed<ModelsFile> {
  const r = modelsFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, problems: describeIssues(r.error.issues, raw, label) };
  return { ok: true, data: r.data };
}

export function parseChipsFile(raw: unknown): Parsed<Chip[]> {
  const r = chipsFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, problems: describeIssues(r.error.issues, raw, 'chips') };
  return { ok: true, data: r.data.chips };
}

export function parseBenchmarksFile(raw: unknown): Parsed<Benchmark[]> {
  const r = benchmarksFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, problems: describeIssues(r.error.issues, raw, 'benchmarks') };
  return { ok: true, data: r.data.benchmarks };
}

/** Checks that ids are unique and that every reference (chip, base model, benchmark) resolves. */
export function crossCheck(models: ModelsFile['models'], chips: Chip[], benchmarks: Benchmark[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const dup = (ids: string[], label: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push({ path: `${label} "${id}"`, message: 'duplicate id' });
      seen.add(id);
    }
  };
  dup(
    models.map((m) => m.id),
    'models',
  );
  dup(
    chips.map((c) => c.id),
    'chips',
  );
  dup(
    benchmarks.map((b) => b.id),
    'benchmarks',
  );
  const chipIds = new Set(chips.map((c) => c.id));
  const modelIds = new Set(models.map((m) => m.id));
  const benchIds = new Set(benchmarks.map((b) => b.id));
  for (const m of models) {
    if (m.chipId && !chipIds.has(m.chipId))
      problems.push({ path: `models "${m.id}".chipId`, message: `unknown chip "${m.chipId}"` });
    if (m.baseModelId && !modelIds.has(m.baseModelId))
      problems.push({ path: `models "${m.id}".baseModelId`, message: `unknown base model "${m.baseModelId}"` });
    if (m.baseModelId === m.id)
      problems.push({ path: `models "${m.id}".baseModelId`, message: 'a model cannot be its own base' });
    for (const b of Object.keys(m.benchmarks))
      if (!benchIds.has(b)) problems.push({ path: `models "${m.id}".benchmarks.${b}`, message: `unknown benchmark "${b}"` });
    if (m.activeParams && m.totalParams && m.activeParams.value > m.totalParams.value)
      problems.push({ path: `models "${m.id}".activeParams`, message: 'active parameters exceed total parameters' });
  }
  return problems;
}
