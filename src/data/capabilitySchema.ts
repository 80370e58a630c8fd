/**
 * The stitching data the capability index is fitted on (data/capability/stitching.json, written by
 * `npm run data:capability` from Epoch AI's benchmark-stitching files, MIT). Compact on purpose —
 * scores are tuples into the version, benchmark and source tables — because the browser loads it
 * only when capability is first needed.
 */
import { z } from 'zod';
import { sourceSchema, statusSchema } from './schema';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'id must be a lowercase slug');

export const stitchBenchmarkSchema = z
  .object({
    /** slug, used in URLs (capanchor, capdrop) */
    id: slug,
    /** Epoch's benchmark name, as in the paper */
    name: z.string().min(1),
    /** the file and column the score was read from, and how it was scaled to a fraction */
    file: z.string().min(1),
    column: z.string().min(1),
    scale: z.enum(['fraction', 'percent', 'tenths']),
    releaseDate: isoDay.optional(),
    /** labs are known to optimise for it (benchmark_optim.csv): the paper's robustness check drops these */
    optimized: z.boolean(),
    coding: z.boolean(),
    math: z.boolean(),
    source: sourceSchema.optional(),
  })
  .strict();
export type StitchBenchmark = z.infer<typeof stitchBenchmarkSchema>;

export const stitchVersionSchema = z
  .object({
    /** Epoch's model version id, e.g. gpt-4-0314 or o3-2025-04-16_high */
    id: z.string().min(1),
    /** Epoch's model name (model_versions.csv `Model`); empty when Epoch gives none */
    model: z.string(),
    displayName: z.string().optional(),
    date: isoDay.optional(),
    /** distilled from a larger model (distilled_models.csv); undefined when Epoch does not say */
    distilled: z.boolean().optional(),
    /** the Notable AI Models row this version belongs to (exact name, or a reviewed alias) */
    notable: z.string().optional(),
    /** the developing organisation (joins/publishers.json) and its bloc (joins/developer-blocs.json) */
    developer: z.string().optional(),
    bloc: z.enum(['United States', 'China', 'Europe', 'Other']).optional(),
  })
  .strict();
export type StitchVersion = z.infer<typeof stitchVersionSchema>;

/** A notable model's training compute as Epoch gives it, for versions whose model is not on screen. */
export const notableComputeSchema = z
  .object({
    flop: z.number().positive().optional(),
    /** Epoch's confidence in the compute figure (Confident, Likely, Speculative…) */
    confidence: z.string().optional(),
    organization: z.string(),
    country: z.string().optional(),
    bloc: z.enum(['United States', 'China', 'Europe', 'Other']),
    /** the Epoch dataset's model id (slug), so a row can link to it */
    epochId: z.string(),
  })
  .strict();

/** [version index, benchmark index, score 0–1, source index, status index, note index (−1: none)] */
export type ScoreTuple = [number, number, number, number, number, number];

const isIndex = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
/**
 * The index of the first malformed score tuple, −1 when `scores` is not a list, undefined when all
 * are sound. Checked by hand rather than as 2,400 zod tuples: the same rules, a tenth of the time in
 * the browser, where this runs before every first fit.
 */
export function firstBadScore(scores: unknown): number | undefined {
  if (!Array.isArray(scores)) return -1;
  for (let i = 0; i < scores.length; i++) {
    const t: unknown = scores[i];
    if (
      !Array.isArray(t) ||
      t.length !== 6 ||
      !isIndex(t[0]) ||
      !isIndex(t[1]) ||
      typeof t[2] !== 'number' ||
      !(t[2] >= 0 && t[2] <= 1) ||
      !isIndex(t[3]) ||
      !isIndex(t[4]) ||
      !Number.isInteger(t[5]) ||
      t[5] < -1
    )
      return i;
  }
  return undefined;
}

const scoresSchema = z.custom<ScoreTuple[]>((v) => firstBadScore(v) === undefined, {
  message: 'each score must be [version, benchmark, a fraction 0–1, source, status, note] indices',
});

export const stitchingFileSchema = z
  .object({
    attribution: z.object({ name: z.string(), licence: z.string(), citation: z.string(), url: z.url() }),
    benchmarks: z.array(stitchBenchmarkSchema).min(1),
    versions: z.array(stitchVersionSchema).min(1),
    sources: z.array(sourceSchema),
    statuses: z.array(statusSchema),
    notes: z.array(z.string()),
    scores: scoresSchema,
    notableCompute: z.record(z.string(), notableComputeSchema),
  })
  .strict()
  .superRefine((f, ctx) => {
    const bad = f.scores.findIndex(
      (s) => s[0] >= f.versions.length || s[1] >= f.benchmarks.length || s[3] >= f.sources.length || s[4] >= f.statuses.length || s[5] >= f.notes.length,
    );
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['scores', bad], message: 'refers to a version, benchmark, source, status or note that is not in the file' });
  });
export type StitchingFile = z.infer<typeof stitchingFileSchema>;

/** The reviewed map: which stitching version stands for each curated model, and why. */
export const curatedMapSchema = z
  .object({
    /** the rule the map follows, in words */
    rule: z.string().optional(),
    versions: z.record(
      z.string(),
      z.object({ version: z.string().nullable(), why: z.string().min(1) }).strict(),
    ),
    /** curated benchmark id -> stitching benchmark id when they are the same benchmark, or null and why */
    benchmarks: z.record(
      z.string(),
      z.object({ stitch: z.string().nullable(), fitted: z.boolean(), why: z.string().min(1) }).strict(),
    ),
  })
  .strict();
export type CuratedMap = z.infer<typeof curatedMapSchema>;

/** The models the default fit places on the scale (data/capability/coverage.json). */
export interface CapabilityCoverage {
  about: string;
  curatedIds: string[];
  notableNames: string[];
}
