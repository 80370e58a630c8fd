/**
 * `npm run data:validate [models.json ...]`: validates the curated dataset (and any extra
 * model files given) against the zod schema, checks cross-references and the status rule
 * (src/data/provenance.ts). Exits 1 on any problem.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  crossCheck,
  parseBenchmarksFile,
  parseChipsFile,
  parseModelsFile,
  type ValidationProblem,
} from '../data/validate';
import { curatedJoinFileSchema, labsFileSchema, type Model } from '../data/schema';
import { notesProblems, provenanceProblems } from '../data/provenance';

const root = resolve(import.meta.dirname, '../..');
const read = (p: string): unknown => JSON.parse(readFileSync(resolve(root, p), 'utf8'));

const problems: ValidationProblem[] = [];
const chipsRaw = read('data/chips.json');
const labsRaw = read('data/labs.json');
problems.push(
  ...notesProblems((chipsRaw as { chips?: unknown }).chips, 'chips'),
  ...notesProblems((labsRaw as { labs?: unknown }).labs, 'labs'),
);
const chips = parseChipsFile(chipsRaw);
const benchmarks = parseBenchmarksFile(read('data/benchmarks.json'));
if (!chips.ok) problems.push(...chips.problems);
if (!benchmarks.ok) problems.push(...benchmarks.problems);
const labs = labsFileSchema.safeParse(labsRaw);
if (!labs.success)
  problems.push(...labs.error.issues.map((i) => ({ path: `labs.${i.path.join('.')}`, message: i.message })));

const files = process.argv.slice(2);
const modelFiles = files.length > 0 ? files : ['data/models.json', 'data/epoch/notable-models.json'];
const counts: string[] = [];
for (const file of modelFiles) {
  let raw: unknown;
  try {
    raw = read(file);
  } catch (e) {
    problems.push({ path: file, message: `cannot read: ${(e as Error).message}` });
    continue;
  }
  const parsed = parseModelsFile(raw, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    continue;
  }
  const models: Model[] = parsed.data.models;
  problems.push(...provenanceProblems(models, file));
  if (chips.ok && benchmarks.ok)
    problems.push(
      ...crossCheck(models, chips.data, benchmarks.data).map((p) => ({ ...p, path: `${file}: ${p.path}` })),
    );
  counts.push(`${file}: ${models.length} models`);
  // Epoch's figures for curated models are joined by id: every id must still exist
  if (file === 'data/models.json') {
    const join = curatedJoinFileSchema.safeParse(read('data/epoch/curated-join.json'));
    if (!join.success)
      problems.push(
        ...join.error.issues.map((i) => ({
          path: `data/epoch/curated-join.json: ${i.path.join('.')}`,
          message: i.message,
        })),
      );
    else {
      const ids = new Set(models.map((m) => m.id));
      for (const id of Object.keys(join.data.references))
        if (!ids.has(id))
          problems.push({ path: `data/epoch/curated-join.json: ${id}`, message: 'no curated model with this id' });
    }
  }
}

if (problems.length > 0) {
  for (const p of problems.slice(0, 200)) console.error(`✗ ${p.path}: ${p.message}`);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `✓ ${counts.join('; ')}; ${chips.ok ? chips.data.length : 0} chips; ${benchmarks.ok ? benchmarks.data.length : 0} benchmarks`,
);
