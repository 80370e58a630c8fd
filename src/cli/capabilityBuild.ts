/**
 * Builds stitching.json's content from the committed raw files and reviewed joins (node only):
 * shared by `npm run data:capability` and the test that checks the committed JSON is current.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { convertStitching, type NotableRow, type PublisherInfo, type StitchConversion } from '../data/capability';
import { convertEpochRows } from '../data/epoch';
import { curatedMapSchema, type CapabilityCoverage, type StitchingFile } from '../data/capabilitySchema';
import type { Benchmark, Model } from '../data/schema';
import { selectObservations } from '../domain/capability/select';
import { DEFAULT_CAPABILITY_SETTINGS } from '../domain/capability/settings';

export function buildStitching(root: string): {
  result: StitchConversion;
  files: Record<string, string>;
  coverage: CapabilityCoverage;
} {
  const rawDir = resolve(root, 'data/capability/raw');
  const joinsDir = resolve(root, 'data/capability/joins');
  const readJson = <T>(path: string): T | undefined =>
    existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;

  const files: Record<string, string> = {};
  for (const name of readdirSync(rawDir).filter((f) => f.endsWith('.csv')))
    files[name] = readFileSync(resolve(rawDir, name), 'utf8');

  // Epoch's Notable AI Models, converted as the Epoch dataset is, for each version's training compute
  const notableCsv = Papa.parse<Record<string, string>>(
    readFileSync(resolve(root, 'data/epoch/epoch_notable_ai_models.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
  const confidenceByName = new Map(notableCsv.map((r) => [(r.Model ?? '').trim(), (r.Confidence ?? '').trim()]));
  const { models: epochModels } = convertEpochRows(notableCsv);
  const notable: NotableRow[] = epochModels.map((m) => ({
    name: m.name,
    epochId: m.id,
    ...(m.trainingFlop ? { flop: m.trainingFlop.value } : {}),
    ...(confidenceByName.get(m.name) ? { confidence: confidenceByName.get(m.name) } : {}),
    organization: m.lab,
    country: m.country,
    bloc: m.bloc,
  }));

  // the reviewed version -> notable map; exact name matches stand where the map is silent
  const reviewed =
    readJson<Record<string, { notable: string | null }>>(resolve(joinsDir, 'version-to-notable.json')) ?? {};
  const notableNames = new Set(notable.map((n) => n.name));
  const modelOfVersion = new Map(
    Papa.parse<Record<string, string>>(files['model_versions.csv']!.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => [(r.id ?? '').trim(), (r.Model ?? '').trim()]),
  );
  const versionToNotable: Record<string, string | null> = {};
  for (const [id, model] of modelOfVersion) {
    const r = reviewed[id];
    if (r !== undefined) versionToNotable[id] = r.notable;
    else if (notableNames.has(model)) versionToNotable[id] = model;
  }

  const publisherFile = readJson<{
    sources: { source: string; link: string; publisher: string; kind: string }[];
    developers: Record<string, string>;
  }>(resolve(joinsDir, 'publishers.json'));
  const publishers: PublisherInfo | undefined = publisherFile && {
    sources: new Map(
      publisherFile.sources.map((s) => [
        `${s.source}\u0000${s.link}`,
        { publisher: s.publisher, labReport: s.kind === 'lab-report' },
      ]),
    ),
    developers: new Map(Object.entries(publisherFile.developers)),
  };

  const blocFile =
    readJson<Record<string, { bloc: NotableRow['bloc'] } | string>>(resolve(joinsDir, 'developer-blocs.json')) ?? {};
  const developerBlocs: Record<string, NotableRow['bloc']> = {};
  for (const [org, v] of Object.entries(blocFile)) if (typeof v === 'object') developerBlocs[org] = v.bloc;
  const result = convertStitching({
    files,
    versionToNotable,
    notable,
    developerBlocs,
    ...(publishers ? { publishers } : {}),
  });
  return { result, files, coverage: coverageOf(root, result.data) };
}

/**
 * Which models of the bundled datasets the default fit places on the scale (curated ids, Notable
 * AI Models names): the store reads it to decide, before any fit has run, whether a dataset can
 * open on capability against compute.
 */
export function coverageOf(root: string, file: StitchingFile): CapabilityCoverage {
  const models = (JSON.parse(readFileSync(resolve(root, 'data/models.json'), 'utf8')) as { models: Model[] }).models;
  const benchmarks = (
    JSON.parse(readFileSync(resolve(root, 'data/benchmarks.json'), 'utf8')) as { benchmarks: Benchmark[] }
  ).benchmarks;
  const map = curatedMapSchema.parse(
    JSON.parse(readFileSync(resolve(root, 'data/capability/joins/curated-map.json'), 'utf8')),
  );
  const sel = selectObservations(file, DEFAULT_CAPABILITY_SETTINGS, {
    models: models.map((m) => ({ ...m, benchmarks: m.benchmarks ?? {} })),
    benchmarks,
    map,
  });
  return {
    about: 'Written by npm run data:capability: the models the default capability fit places on the scale.',
    curatedIds: [...new Set(sel.versions.flatMap((v) => (v.curatedId ? [v.curatedId] : [])))].sort(),
    notableNames: [...new Set(sel.versions.flatMap((v) => (v.notable ? [v.notable.trim()] : [])))].sort(),
  };
}
