/**
 * Loads and checks the stitching data and the reviewed curated map (the worker's, or a test's,
 * entry point to the data). A broken file is reported by path, never fitted.
 */
import { curatedMapSchema, stitchingFileSchema, type CuratedMap, type StitchingFile } from './capabilitySchema';

export class CapabilityDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CapabilityDataError';
  }
}

/** The first problem zod found, named by file and path (a refusal always has at least one). */
function firstProblem(file: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const i = issues[0] as (typeof issues)[number];
  return `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`;
}

export function parseStitching(raw: unknown, file = 'data/capability/stitching.json'): StitchingFile {
  const r = stitchingFileSchema.safeParse(raw);
  if (!r.success) throw new CapabilityDataError(`${firstProblem(file, r.error.issues)} (run npm run data:capability)`);
  return r.data;
}

export function parseCuratedMap(raw: unknown, file = 'data/capability/joins/curated-map.json'): CuratedMap {
  const r = curatedMapSchema.safeParse(raw);
  if (!r.success) throw new CapabilityDataError(firstProblem(file, r.error.issues));
  return r.data;
}

/** The bundled data, loaded on first use (a chunk of its own, never on the first page). */
export async function loadBundledCapabilityData(): Promise<{ file: StitchingFile; map: CuratedMap }> {
  const [s, m] = await Promise.all([import('../../data/capability/stitching.json'), import('../../data/capability/joins/curated-map.json')]);
  return { file: parseStitching(s.default), map: parseCuratedMap(m.default) };
}
