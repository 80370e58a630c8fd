/**
 * From the stitching data (and, when chosen, the curated dataset's own scores) to the observations
 * one fit sees. Each step is a named transform that reports what it removed, so the Capability tab
 * can say why a model has no capability ("scores on 1 distinct benchmark; the settings need 2").
 */
import type { Benchmark, Model, Source, Status } from '../../data/schema';
import type { CuratedMap, StitchBenchmark, StitchingFile, StitchVersion } from '../../data/capabilitySchema';
import type { StitchData } from './stitch';
import type { CapabilitySettings } from './settings';

/** One score as the fit and the tables see it. */
export interface ScoreObservation {
  version: number;
  benchmark: number;
  /** fraction 0–1 */
  value: number;
  status: Status;
  source: Source;
  note?: string;
  /** where it came from: Epoch's stitching data or the curated dataset */
  origin: 'epoch' | 'curated';
}

export interface SelectedVersion {
  id: string;
  /** "GPT-4 (gpt-4-0314)" */
  label: string;
  /** Epoch's model name, when known */
  epochModel: string;
  date?: string;
  distilled?: boolean;
  /** the Notable AI Models name, for Epoch's compute and the Epoch dataset's model id */
  notable?: string;
  /** the curated model this version stands for (reviewed map), or that it is */
  curatedId?: string;
  /** Epoch's training compute and organisation for the version's notable model */
  epoch?: StitchingFile['notableCompute'][string];
  developer?: string;
  /** the developer's bloc, when known */
  bloc?: StitchVersion['bloc'];
}

export interface SelectedBenchmark {
  id: string;
  name: string;
  releaseDate?: string;
  optimized: boolean;
  source?: Source;
  /** a benchmark only the curated dataset has (HLE, LiveCodeBench…) */
  curatedOnly: boolean;
}

export interface SelectionStep {
  label: string;
  versions: number;
  benchmarks: number;
  scores: number;
}

export interface Selection {
  versions: SelectedVersion[];
  benchmarks: SelectedBenchmark[];
  /** the observations fitted, one per (version, benchmark) */
  observations: ScoreObservation[];
  /** scores of the selected versions the dedup rule set aside (a lab's figure where Epoch has one, lower repeats) */
  setAside: ScoreObservation[];
  anchor: number;
  steps: SelectionStep[];
  /** versions with scores that the settings left out, and why (keyed by version id) */
  leftOut: Map<string, string>;
  /** every benchmark the data offers (for the anchor and leave-out choices), fitted or not */
  available: { id: string; name: string; optimized: boolean; curatedOnly: boolean }[];
}

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

interface Candidate {
  version: StitchVersion & { curatedId?: string };
  scores: ScoreObservation[];
}

const CURATED_PREFIX = 'curated:';

/** The scores and settings to a fit's input. Throws SelectionError when nothing can be fitted. */
export function selectObservations(
  file: StitchingFile,
  settings: CapabilitySettings,
  curated?: { models: readonly Model[]; benchmarks: readonly Benchmark[]; map: CuratedMap },
): Selection {
  const steps: SelectionStep[] = [];
  const leftOut = new Map<string, string>();
  const drop = new Set(settings.drop);

  // the benchmark table: Epoch's, then the curated-only ones that are fractions of tasks
  const benchmarks: (StitchBenchmark & { curatedOnly: boolean })[] = file.benchmarks.map((b) => ({
    ...b,
    curatedOnly: false,
  }));
  const benchById = new Map(benchmarks.map((b, i) => [b.id, i]));
  const curatedBenchTo = new Map<string, number>();
  if (settings.data === 'all' && curated) {
    for (const b of curated.benchmarks) {
      const m = curated.map.benchmarks[b.id];
      if (!m?.fitted || b.unit !== 'percent') continue;
      if (m.stitch !== null) {
        const i = benchById.get(m.stitch);
        if (i !== undefined) curatedBenchTo.set(b.id, i);
        continue;
      }
      // "labs-": a benchmark of its own, never confused (in capdrop, capanchor) with Epoch's of the same name
      const id = `labs-${b.id}`;
      curatedBenchTo.set(b.id, benchmarks.length);
      benchById.set(id, benchmarks.length);
      benchmarks.push({
        id,
        // labs' own reports: named so they are never mistaken for Epoch's harness runs of the same test
        name: `${b.name} (labs' reports)`,
        scale: 'percent',
        optimized: false,
        source: b.source,
        curatedOnly: true,
        // the stitching file's benchmark type needs these; a selected benchmark passes on none of them
        // Stryker disable next-line StringLiteral: never passed on (see above)
        file: 'data/models.json',
        // Stryker disable next-line StringLiteral: never passed on
        column: `benchmarks.${b.id}`,
        // Stryker disable next-line BooleanLiteral: never passed on
        coding: false,
        // Stryker disable next-line BooleanLiteral: never passed on
        math: false,
      });
    }
  }

  // candidates: one per version, with all its scores
  const byVersion = new Map<string, Candidate>();
  const versionRefs = file.versions.map((v) => {
    const c: Candidate = { version: { ...v }, scores: [] };
    byVersion.set(v.id, c);
    return c;
  });
  for (const [vi, bi, value, si, st, ni] of file.scores) {
    const c = versionRefs[vi] as Candidate;
    c.scores.push({
      // Stryker disable next-line UnaryOperator: a placeholder: each score gets its version's index once the versions are chosen
      version: -1,
      benchmark: bi,
      value,
      status: file.statuses[st] as Status,
      source: file.sources[si] as Source,
      ...(ni >= 0 ? { note: file.notes[ni] } : {}),
      origin: 'epoch',
    });
  }
  if (curated) {
    for (const m of curated.models) {
      const mapped = curated.map.versions[m.id]?.version ?? null;
      let c = mapped ? byVersion.get(mapped) : undefined;
      // the reviewed map says which version stands for the curated model, whatever the data choice
      if (c) c.version.curatedId = m.id;
      // Stryker disable next-line ConditionalExpression: with Epoch's data only no curated benchmark is mapped, so going on adds no score, and a version without scores is dropped
      if (settings.data !== 'all') continue;
      if (!c) {
        const id = `${CURATED_PREFIX}${m.id}`;
        c = {
          version: {
            id,
            model: m.name,
            displayName: m.name,
            // a month-only date stands for mid-month, as elsewhere in the app
            date: m.releaseDate.length === 7 ? `${m.releaseDate}-15` : m.releaseDate,
          },
          scores: [],
        };
        byVersion.set(id, c);
        versionRefs.push(c);
      }
      c.version.curatedId = m.id;
      for (const [bid, s] of Object.entries(m.benchmarks)) {
        const bi = curatedBenchTo.get(bid);
        if (bi === undefined || !(s.value >= 0 && s.value <= 100)) continue;
        c.scores.push({
          // Stryker disable next-line UnaryOperator: a placeholder, as above
          version: -1,
          benchmark: bi,
          value: s.value / 100,
          status: s.status,
          source: s.source,
          ...(s.note ? { note: s.note } : {}),
          origin: 'curated',
        });
      }
    }
  }

  let live = versionRefs.filter((c) => c.scores.length > 0);
  const count = (label: string) => {
    const bs = new Set<number>();
    let n = 0;
    for (const c of live)
      for (const s of c.scores) {
        bs.add(s.benchmark);
        n++;
      }
    steps.push({ label, versions: live.length, benchmarks: bs.size, scores: n });
  };
  count(settings.data === 'all' ? "Epoch's scores and the curated dataset's" : "Epoch's scores");

  if (drop.size > 0) {
    for (const c of live) c.scores = c.scores.filter((s) => !drop.has((benchmarks[s.benchmark] as StitchBenchmark).id));
    live = live.filter((c) => c.scores.length > 0);
    count(`Leave out ${drop.size} benchmark${drop.size === 1 ? '' : 's'}`);
  }

  const distinct = (c: Candidate) => new Set(c.scores.map((s) => s.benchmark)).size;
  live = live.filter((c) => {
    const n = distinct(c);
    if (n >= settings.minBenchmarks) return true;
    leftOut.set(
      c.version.id,
      `scores on ${n} distinct benchmark${n === 1 ? '' : 's'}; the settings need ${settings.minBenchmarks}`,
    );
    return false;
  });
  count(`At least ${settings.minBenchmarks} distinct benchmark${settings.minBenchmarks === 1 ? '' : 's'} per version`);

  if (settings.from) {
    const from = settings.from;
    live = live.filter((c) => {
      const d = c.version.date;
      if (d && d >= from) return true;
      leftOut.set(
        c.version.id,
        d ? `released ${d}, before ${from}` : `no release date (the settings start at ${from})`,
      );
      return false;
    });
    count(`Released on or after ${from}`);
  }

  if (!settings.distilled) {
    live = live.filter((c) => {
      if (c.version.distilled !== true) return true;
      leftOut.set(c.version.id, 'distilled from a larger model (distilled models are left out)');
      return false;
    });
    count('Without distilled models');
  }

  // one observation per (version, benchmark): the maximum of Epoch's rows, as the paper does;
  // where only the curated dataset has the score, the highest curated one. Epoch's score wins
  // over a lab's for the same pair — one harness for every model keeps the benchmark's
  // difficulty comparable — and the lab's stays visible beside it.
  const dedup = (scores: ScoreObservation[]) => {
    const best = new Map<number, ScoreObservation>();
    for (const s of scores) {
      const cur = best.get(s.benchmark);
      if (
        !cur ||
        (s.origin === 'epoch' && cur.origin === 'curated') ||
        (s.origin === cur.origin && s.value > cur.value)
      )
        best.set(s.benchmark, s);
    }
    return [...best.values()];
  };

  // only versions connected to the anchor through shared benchmarks can be put on its scale
  const anchorIndex = benchById.get(settings.anchor);
  if (anchorIndex === undefined) throw new SelectionError(`anchor benchmark "${settings.anchor}" is not in the data`);
  const fitted = live.map((c) => ({ c, obs: dedup(c.scores) }));
  const benchToVersions = new Map<number, number[]>();
  fitted.forEach((f, i) => {
    for (const o of f.obs) {
      const l = benchToVersions.get(o.benchmark) ?? [];
      l.push(i);
      benchToVersions.set(o.benchmark, l);
    }
  });
  if (!benchToVersions.has(anchorIndex))
    throw new SelectionError(
      `the anchor benchmark "${(benchmarks[anchorIndex] as StitchBenchmark).name}" has no scores under these settings: choose another anchor or loosen the filters`,
    );
  // Stryker disable next-line ArrayDeclaration: without it the anchor is queued once more when a version reaches it, and its versions are already reached
  const reachedBench = new Set<number>([anchorIndex]);
  const reachedVersion = new Set<number>();
  const queue = [anchorIndex];
  while (queue.length > 0) {
    const b = queue.pop() as number;
    for (const vi of benchToVersions.get(b) ?? []) {
      // Stryker disable next-line ConditionalExpression: a version seen again adds no benchmark not already reached: only work is saved
      if (reachedVersion.has(vi)) continue;
      reachedVersion.add(vi);
      for (const o of (fitted[vi] as (typeof fitted)[number]).obs)
        // Stryker disable next-line ConditionalExpression: a benchmark queued twice reaches only versions already reached: only work is saved
        if (!reachedBench.has(o.benchmark)) {
          reachedBench.add(o.benchmark);
          queue.push(o.benchmark);
        }
    }
  }
  const connected = fitted.filter((f, i) => {
    if (reachedVersion.has(i)) return true;
    leftOut.set(
      f.c.version.id,
      `shares no benchmark, directly or through other models, with the anchor's: it cannot be placed on this scale`,
    );
    return false;
  });
  live = connected.map((f) => f.c);
  count('Connected to the anchor through shared benchmarks');

  const benchUsed = [...new Set(connected.flatMap((f) => f.obs.map((o) => o.benchmark)))].sort((a, b) => a - b);
  const benchRemap = new Map(benchUsed.map((b, i) => [b, i]));
  const versions: SelectedVersion[] = connected.map(({ c }) => {
    const v = c.version;
    const name = v.displayName || v.model || v.id;
    return {
      id: v.id,
      label: v.id.startsWith(CURATED_PREFIX) ? `${name} (curated scores)` : name === v.id ? v.id : `${name} (${v.id})`,
      epochModel: v.model,
      ...(v.date ? { date: v.date } : {}),
      ...(v.distilled !== undefined ? { distilled: v.distilled } : {}),
      ...(v.notable ? { notable: v.notable } : {}),
      ...(v.curatedId ? { curatedId: v.curatedId } : {}),
      ...(v.notable && file.notableCompute[v.notable] ? { epoch: file.notableCompute[v.notable] } : {}),
      ...(v.developer ? { developer: v.developer } : {}),
      ...(v.bloc ? { bloc: v.bloc } : {}),
    };
  });
  const observations: ScoreObservation[] = [];
  const setAside: ScoreObservation[] = [];
  connected.forEach(({ c, obs }, vi) => {
    const kept = new Set(obs);
    for (const o of obs) observations.push({ ...o, version: vi, benchmark: benchRemap.get(o.benchmark) as number });
    for (const s of c.scores)
      if (!kept.has(s)) setAside.push({ ...s, version: vi, benchmark: benchRemap.get(s.benchmark) as number });
  });
  const selectedBenchmarks: SelectedBenchmark[] = benchUsed.map((bi) => {
    const b = benchmarks[bi] as StitchBenchmark & { curatedOnly: boolean };
    return {
      id: b.id,
      name: b.name,
      ...(b.releaseDate ? { releaseDate: b.releaseDate } : {}),
      optimized: b.optimized,
      ...(b.source ? { source: b.source } : {}),
      curatedOnly: b.curatedOnly,
    };
  });
  return {
    versions,
    benchmarks: selectedBenchmarks,
    observations,
    setAside,
    anchor: benchRemap.get(anchorIndex) as number,
    steps,
    leftOut,
    available: benchmarks.map((b) => ({ id: b.id, name: b.name, optimized: b.optimized, curatedOnly: b.curatedOnly })),
  };
}

/** The selection as the fit's arrays. */
export function toStitchData(sel: Selection): StitchData {
  const n = sel.observations.length;
  const model = new Int32Array(n);
  const bench = new Int32Array(n);
  const score = new Float64Array(n);
  sel.observations.forEach((o, i) => {
    model[i] = o.version;
    bench[i] = o.benchmark;
    score[i] = o.value;
  });
  return { nModels: sel.versions.length, nBenchmarks: sel.benchmarks.length, model, bench, score };
}
