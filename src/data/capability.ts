/**
 * Converts Epoch AI's benchmark-stitching files (data/capability/raw/, MIT) into
 * data/capability/stitching.json: every score a sourced value, every version with its release
 * date and Epoch model, every row that could not be used listed with file, row, column and reason.
 * Reads the files the way the paper's own loader does (Ho et al. 2025, benchmark-stitching
 * data_loader.py), so the "published settings" fit sees the paper's data.
 * Pure: takes file texts, returns data and rejects (the CLI does the file I/O).
 */
import Papa from 'papaparse';
import type { Source, Status } from './schema';
import type { StitchBenchmark, StitchingFile, StitchVersion } from './capabilitySchema';
import { slugify } from './epoch';

export const STITCHING_ATTRIBUTION = {
  name: 'Epoch AI, benchmark-stitching data',
  licence: 'MIT',
  citation:
    'Epoch AI, benchmark-stitching data (MIT), github.com/epoch-research/benchmark-stitching; method: Ho, Denain, Atanasov, Albanie, Shah, "A Rosetta Stone for AI Benchmarks", arXiv:2512.00193 (2025).',
  url: 'https://github.com/epoch-research/benchmark-stitching',
};

const EPOCH_RUNS_SOURCE_URL = 'https://epoch.ai/benchmarks';

interface BenchmarkFile {
  name: string;
  file: string;
  column: string;
  scale: StitchBenchmark['scale'];
  /** for benchmarks_runs.csv: the `task` value */
  task?: string;
}

/**
 * Which file and column each benchmark is read from, and its scale — the paper's table
 * (benchmark-stitching README, data_loader.py). BoolQ (a part of SuperGLUE), MCBench (a win rate)
 * and METR (a time horizon in minutes) are not scores of this kind and are left out, as in the paper.
 */
export const BENCHMARK_FILES: readonly BenchmarkFile[] = [
  { name: 'GPQA diamond', file: 'benchmarks_runs.csv', column: 'Best score (across scorers)', scale: 'fraction', task: 'GPQA diamond' },
  {
    name: 'FrontierMath-2025-02-28-Private',
    file: 'benchmarks_runs.csv',
    column: 'Best score (across scorers)',
    scale: 'fraction',
    task: 'FrontierMath-2025-02-28-Private',
  },
  { name: 'MATH level 5', file: 'benchmarks_runs.csv', column: 'Best score (across scorers)', scale: 'fraction', task: 'MATH level 5' },
  {
    name: 'OTIS Mock AIME 2024-2025',
    file: 'benchmarks_runs.csv',
    column: 'Best score (across scorers)',
    scale: 'fraction',
    task: 'OTIS Mock AIME 2024-2025',
  },
  {
    name: 'SWE-Bench verified',
    file: 'benchmarks_runs.csv',
    column: 'Best score (across scorers)',
    scale: 'fraction',
    task: 'SWE-Bench verified',
  },
  {
    name: 'FrontierMath-Tier-4-2025-07-01-Private',
    file: 'benchmarks_runs.csv',
    column: 'Best score (across scorers)',
    scale: 'fraction',
    task: 'FrontierMath-Tier-4-2025-07-01-Private',
  },
  { name: 'Aider polyglot', file: 'external_benchmark_aider_polyglot.csv', column: 'Percent correct', scale: 'percent' },
  { name: 'ANLI', file: 'external_benchmark_anli.csv', column: 'Score', scale: 'percent' },
  { name: 'ARC-AGI', file: 'external_benchmark_arc_agi.csv', column: 'Score', scale: 'percent' },
  { name: 'ARC AI2', file: 'external_benchmark_arc_ai2.csv', column: 'Challenge score', scale: 'percent' },
  { name: 'Balrog', file: 'external_benchmark_balrog.csv', column: 'Average progress', scale: 'percent' },
  { name: 'BBH', file: 'external_benchmark_bbh.csv', column: 'Average', scale: 'percent' },
  { name: 'CadEval', file: 'external_benchmark_cadeval.csv', column: 'Overall pass (%)', scale: 'percent' },
  { name: 'CSQA2', file: 'external_benchmark_csqa2.csv', column: 'Score', scale: 'percent' },
  { name: 'Cybench', file: 'external_benchmark_cybench.csv', column: 'Unguided % Solved', scale: 'percent' },
  { name: 'DeepResearch Bench', file: 'external_benchmark_deepresearch.csv', column: 'Average score', scale: 'percent' },
  {
    name: 'Factorio learning environment',
    file: 'external_benchmark_factorio_learning_environment.csv',
    column: 'Lab Success %',
    scale: 'percent',
  },
  { name: 'Fiction.LiveBench', file: 'external_benchmark_fictionlivebench.csv', column: '16k token score', scale: 'percent' },
  { name: 'GeoBench', file: 'external_benchmark_geobench.csv', column: 'ACW Country %', scale: 'percent' },
  { name: 'GSM8K', file: 'external_benchmark_gsm8k.csv', column: 'EM', scale: 'percent' },
  { name: 'GSO-Bench', file: 'external_benchmark_gso_bench.csv', column: 'Score OPT@1', scale: 'percent' },
  { name: 'HellaSwag', file: 'external_benchmark_hellaswag.csv', column: 'Overall accuracy', scale: 'percent' },
  { name: 'LAMBADA', file: 'external_benchmark_lambada.csv', column: 'Score', scale: 'percent' },
  { name: 'Lech Mazur Writing', file: 'external_benchmark_lech_mazur_writing.csv', column: 'Mean score', scale: 'tenths' },
  { name: 'LiveBench', file: 'external_benchmark_livebench.csv', column: 'Global average', scale: 'percent' },
  { name: 'MMLU', file: 'external_benchmark_mmlu.csv', column: 'EM', scale: 'percent' },
  { name: 'OpenBookQA', file: 'external_benchmark_openbookqa.csv', column: 'Accuracy', scale: 'percent' },
  { name: 'OSWorld', file: 'external_benchmark_os_world.csv', column: 'Score', scale: 'percent' },
  { name: 'OSUniverse', file: 'external_benchmark_osuniverse.csv', column: 'Weighted Score', scale: 'percent' },
  { name: 'PIQA', file: 'external_benchmark_piqa.csv', column: 'Score', scale: 'percent' },
  { name: 'ScienceQA', file: 'external_benchmark_scienceqa.csv', column: 'Score', scale: 'percent' },
  { name: 'SimpleBench', file: 'external_benchmark_simple_bench.csv', column: 'Score (AVG@5)', scale: 'percent' },
  { name: 'SuperGLUE', file: 'external_benchmark_superglue.csv', column: 'Score', scale: 'percent' },
  { name: 'Terminal Bench', file: 'external_benchmark_terminal_bench.csv', column: 'Accuracy mean', scale: 'percent' },
  { name: 'The Agent Company', file: 'external_benchmark_the_agent_company.csv', column: '% Resolved', scale: 'percent' },
  { name: 'TriviaQA', file: 'external_benchmark_triviaqa.csv', column: 'EM', scale: 'percent' },
  { name: 'VideoMME', file: 'external_benchmark_videomme.csv', column: 'Overall (no subtitles)', scale: 'percent' },
  { name: 'VPCT', file: 'external_benchmark_vpct.csv', column: 'Correct', scale: 'percent' },
  { name: 'WeirdML', file: 'external_benchmark_weirdml.csv', column: 'Accuracy', scale: 'percent' },
  { name: 'Winogrande', file: 'external_benchmark_winogrande.csv', column: 'Accuracy', scale: 'percent' },
];

/** Files in the folder that are deliberately not read, and why (reported, so nothing is silently ignored). */
export const FILES_LEFT_OUT: Readonly<Record<string, string>> = {
  'external_benchmark_boolq.csv': 'BoolQ is part of SuperGLUE: counting it again would double-weight it (as in the paper)',
  'external_benchmark_mcbench.csv': 'MCBench reports a win rate between models, not a score on fixed tasks (as in the paper)',
  'external_benchmark_metr.csv': "METR's time horizon is in minutes, not a score: a validation target, not an input",
};

/**
 * Corrections the paper's own loader applies to model_versions.csv (data_loader.py), applied here
 * so the published settings see the same data. Each is reported in the conversion report.
 */
export const VERSION_DATE_CORRECTIONS: Readonly<Record<string, { date: string; why: string }>> = {
  'gemini-exp-1206': { date: '2024-12-06', why: 'the file says 2025-12-06, after the data was collected (typo)' },
  'LLaMA-13B': { date: '2023-02-24', why: 'inconsistent with the other LLaMA models, released together' },
  'LLaMA-33B': { date: '2023-02-24', why: 'inconsistent with the other LLaMA models, released together' },
};
/**
 * Epoch's later loader (data_loader.py at 042e2e4) also drops the versions of "Mistral Large";
 * the paper's own counts (179 versions, 38 benchmarks) include them, so they are kept here.
 */
export const NOT_APPLIED = ["data_loader.py's later drop of 'Mistral Large' versions: the paper's 179 versions include mistral-large-2402"];

export interface StitchReject {
  file: string;
  /** the row's line in the CSV as a spreadsheet shows it (the header is line 1) */
  row: number;
  column: string;
  reason: string;
}

/** Who published a score source, for the status rule (a lab's own report about its model is disclosed). */
export interface PublisherInfo {
  /** "source title\u0000source link" -> publisher org and whether it is a lab's own report */
  sources: ReadonlyMap<string, { publisher: string; labReport: boolean }>;
  /** version id -> developing organisation */
  developers: ReadonlyMap<string, string>;
}

export interface NotableRow {
  name: string;
  epochId: string;
  flop?: number;
  confidence?: string;
  organization: string;
  country?: string;
  bloc: 'United States' | 'China' | 'Europe' | 'Other';
}

export interface StitchInputs {
  /** file name -> CSV text */
  files: Readonly<Record<string, string>>;
  /** reviewed map: version id -> notable model name (null: not in Notable AI Models) */
  versionToNotable?: Readonly<Record<string, string | null>>;
  notable?: readonly NotableRow[];
  publishers?: PublisherInfo;
  /** developer organisation -> bloc */
  developerBlocs?: Readonly<Record<string, NotableRow['bloc']>>;
}

export interface StitchConversion {
  data: StitchingFile;
  rejects: StitchReject[];
  /** what was applied, for the report */
  corrections: string[];
  counts: Record<string, { rows: number; kept: number }>;
}

type Row = Record<string, string | undefined>;

// Papa drops a leading byte-order mark itself (several of Epoch's files start with one)
function parseCsv(text: string): Row[] {
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}

/** Dates appear as 2024-12-21 and 2024/12/21; anything else is refused. */
export function normaliseDate(raw: string): string | undefined {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const iso = `${y}-${(mo as string).padStart(2, '0')}-${(d as string).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/**
 * A score cell as a fraction. "77.0%" and "77" both mean 77 percent in a percent column (the
 * paper strips the % and divides by 100); Lech Mazur's writing scores are out of 10.
 */
export function parseScore(raw: string, scale: StitchBenchmark['scale']): number | undefined {
  const t = raw.trim().replace(/%$/, '').trim();
  // stricter than Number(): '', '0x10' and '1_000' are not scores
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) return undefined;
  return scale === 'fraction' ? n : scale === 'percent' ? n / 100 : n / 10;
}

// callers pass trimmed cells
const isHttp = (s: string) => /^https?:\/\/\S+$/i.test(s);
const key = (title: string, link: string) => `${title}\u0000${link}`;
/** a cell's text, trimmed; '' when the file has no such column */
const cell = (r: Row, column: string) => (r[column] ?? '').trim();

export function convertStitching(input: StitchInputs): StitchConversion {
  const rejects: StitchReject[] = [];
  const corrections: string[] = [];
  const counts: StitchConversion['counts'] = {};
  const files = input.files;
  const need = (name: string): Row[] => {
    const text = files[name];
    if (text === undefined) throw new Error(`${name}: file missing from the stitching folder`);
    return parseCsv(text);
  };

  // benchmark metadata (release date, optimised-for flag) from benchmark_optim.csv
  const optim = new Map<string, Row>();
  need('benchmark_optim.csv').forEach((r) => optim.set(cell(r, 'benchmark'), r));
  const truthy = (v: string | undefined) => v !== undefined && /^(true|1|yes)$/i.test(v.trim());
  const benchmarks: StitchBenchmark[] = BENCHMARK_FILES.map((b) => {
    const meta = optim.get(b.name);
    const date = meta?.benchmark_release_date ? normaliseDate(meta.benchmark_release_date) : undefined;
    const url = cell(meta ?? {}, 'source');
    return {
      id: slugify(b.name),
      name: b.name,
      file: b.file,
      column: b.column,
      scale: b.scale,
      ...(date ? { releaseDate: date } : {}),
      optimized: truthy(meta?.optimized_for),
      coding: truthy(meta?.is_coding),
      math: truthy(meta?.is_math),
      ...(isHttp(url) ? { source: { title: `${b.name}: benchmark page or paper`, url } } : {}),
    };
  });
  const benchIndex = new Map(benchmarks.map((b, i) => [b.name, i]));

  // versions
  const distilled = new Map<string, boolean>();
  // a row without a model lands under '', which no version has (empty version ids are refused)
  need('distilled_models.csv').forEach((r) => distilled.set(cell(r, 'model'), truthy(r.distilled)));
  const versions: StitchVersion[] = [];
  const versionIndex = new Map<string, number>();
  need('model_versions.csv').forEach((r, i) => {
    const line = i + 2;
    // ids are kept exactly as written (one ends in a space): the paper joins on the raw strings
    const id = r.id ?? '';
    if (!id.trim()) {
      rejects.push({ file: 'model_versions.csv', row: line, column: 'id', reason: 'empty version id' });
      return;
    }
    if (versionIndex.has(id)) {
      rejects.push({ file: 'model_versions.csv', row: line, column: 'id', reason: `duplicate version id "${id}"` });
      return;
    }
    const model = cell(r, 'Model');
    const rawDate = cell(r, 'Version release date');
    let date = rawDate ? normaliseDate(rawDate) : undefined;
    if (rawDate && !date)
      rejects.push({
        file: 'model_versions.csv',
        row: line,
        column: 'Version release date',
        reason: `"${rawDate}" is not a date (kept the version without one)`,
      });
    const fix = VERSION_DATE_CORRECTIONS[id];
    if (fix && fix.date !== date) {
      corrections.push(`${id}: release date ${rawDate || '(none)'} → ${fix.date} (${fix.why})`);
      date = fix.date;
    }
    const notable = input.versionToNotable?.[id] ?? undefined;
    const display = cell(r, 'Display name');
    const d = distilled.get(id);
    const developer = input.publishers?.developers.get(id);
    const bloc = developer ? input.developerBlocs?.[developer] : undefined;
    versionIndex.set(id, versions.length);
    versions.push({
      id,
      model,
      ...(display ? { displayName: display } : {}),
      ...(date ? { date } : {}),
      ...(d !== undefined ? { distilled: d } : {}),
      ...(notable ? { notable } : {}),
      ...(developer ? { developer } : {}),
      ...(bloc ? { bloc } : {}),
    });
  });

  const sources: Source[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (s: Source) => {
    const k = key(s.title, s.url);
    let i = sourceIndex.get(k);
    if (i === undefined) {
      i = sources.length;
      sources.push(s);
      sourceIndex.set(k, i);
    }
    return i;
  };
  const statuses: Status[] = ['estimate', 'disclosed'];
  const notes: string[] = [];
  const noteIndex = new Map<string, number>();
  const noteOf = (n: string) => {
    if (!n) return -1;
    let i = noteIndex.get(n);
    if (i === undefined) {
      i = notes.length;
      notes.push(n);
      noteIndex.set(n, i);
    }
    return i;
  };
  const scores: StitchingFile['scores'] = [];

  const runs = need('benchmarks_runs.csv');
  for (const b of BENCHMARK_FILES) {
    const bi = benchIndex.get(b.name) as number;
    const rows = b.task ? runs.filter((r) => cell(r, 'task') === b.task) : need(b.file);
    const stat = (counts[b.name] = { rows: rows.length, kept: 0 });
    rows.forEach((r) => {
      const line = (b.task ? runs.indexOf(r) : rows.indexOf(r)) + 2;
      const reject = (column: string, reason: string) => rejects.push({ file: b.file, row: line, column, reason });
      const versionCol = b.task ? 'model' : 'Model version';
      const version = r[versionCol] ?? '';
      if (!version.trim()) return reject(versionCol, 'empty model version: the score cannot be joined to a model');
      const rawScore = r[b.column];
      if (rawScore === undefined) return reject(b.column, 'column missing from the file');
      if (rawScore.trim() === '') return reject(b.column, 'empty score');
      const value = parseScore(rawScore, b.scale);
      if (value === undefined) return reject(b.column, `"${rawScore.trim().slice(0, 30)}" is not a number`);
      if (value < 0 || value > 1) return reject(b.column, `${rawScore.trim()} is not a score between 0 and 100%`);
      let source: Source;
      let status: Status = 'estimate';
      let note = '';
      if (b.task) {
        const viewer = cell(r, 'log viewer');
        source = { title: `Epoch AI Benchmarking Hub: ${b.task} evaluation`, url: isHttp(viewer) ? viewer : EPOCH_RUNS_SOURCE_URL };
        if (!isHttp(viewer)) note = 'run log not public; Epoch AI Benchmarking Hub';
      } else {
        const title = cell(r, 'Source');
        // every value needs a source; the paper also leaves these rows out
        if (!title) return reject('Source', 'no source given');
        const linkCol = Object.keys(r).find((k) => k.startsWith('Source link')) ?? 'Source link';
        const link = cell(r, linkCol);
        const fallback = benchmarks[bi]?.source?.url;
        if (!isHttp(link) && !fallback) return reject(linkCol, 'no http(s) source link');
        source = { title, url: isHttp(link) ? link : (fallback as string) };
        if (!isHttp(link)) note = "no link in Epoch's row: the benchmark's own page is linked";
        const shots = cell(r, 'Shots');
        if (shots) note = [note, `${shots}-shot`].filter(Boolean).join('; ');
        const pub = input.publishers?.sources.get(key(title, link));
        const dev = input.publishers?.developers.get(version);
        // a lab's own report about its own model is a disclosure; everything else is third party
        if (pub?.labReport && dev && pub.publisher === dev) status = 'disclosed';
      }
      const vi = versionIndex.get(version);
      if (vi === undefined) {
        const near = versionIndex.has(version.trim()) ? ` (model_versions.csv has "${version.trim()}": the paper joins exact strings)` : '';
        return reject(versionCol, `version "${version}" is not in model_versions.csv${near}`);
      }
      stat.kept++;
      scores.push([vi, bi, value, sourceOf(source), statuses.indexOf(status), noteOf(note)]);
    });
  }

  const notableCompute: StitchingFile['notableCompute'] = {};
  const byName = new Map((input.notable ?? []).map((n) => [n.name, n]));
  for (const v of versions) {
    if (!v.notable || notableCompute[v.notable]) continue;
    const n = byName.get(v.notable);
    if (!n) continue;
    notableCompute[v.notable] = {
      ...(n.flop !== undefined ? { flop: n.flop } : {}),
      ...(n.confidence ? { confidence: n.confidence } : {}),
      organization: n.organization,
      ...(n.country ? { country: n.country } : {}),
      bloc: n.bloc,
      epochId: n.epochId,
    };
  }

  return {
    data: {
      attribution: STITCHING_ATTRIBUTION,
      benchmarks,
      versions,
      sources,
      statuses,
      notes,
      scores,
      notableCompute,
    },
    rejects,
    corrections,
    counts,
  };
}

/** data/capability/conversion-report.json: what was read, corrected, refused and left out, and why. */
export function conversionReport(result: StitchConversion, fileNames: readonly string[]) {
  return {
    counts: result.counts,
    corrections: result.corrections,
    notApplied: NOT_APPLIED,
    filesLeftOut: fileNames.filter((f) => FILES_LEFT_OUT[f]).map((f) => ({ file: f, reason: FILES_LEFT_OUT[f] })),
    rejects: result.rejects,
  };
}
