import '../security/zodJitless';
import { z } from 'zod';
import { BLOCS, STATUSES } from './constants';

/**
 * The dataset's single source of truth: every TypeScript type for models, chips and
 * benchmarks is inferred from these schemas, and `npm run data:validate` runs them.
 * Numbers are base units (counts, FLOP, hours, USD, watts, bytes, percent); scaling
 * ("B", "T", "M") happens only when a value is rendered.
 */

export { BLOCS, STATUSES };
/** disclosed = published by the lab; estimate = third party (tracker, analyst, Epoch); leak = press report / leak. */
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const sourceSchema = z.object({
  title: z.string().min(3, 'source title is required'),
  url: z.url({ protocol: /^https?$/, message: 'source url must be an absolute http(s) URL' }),
});
export type Source = z.infer<typeof sourceSchema>;

// zod 4 refuses NaN and ±Infinity itself ("expected number, received Infinity"): this names the rule
const finite = z.number({ error: 'must be a finite number' });

/** A number with its provenance. A value without a source is refused. */
export const sourcedSchema = z
  .object({
    value: finite.refine((n) => n >= 0, 'must not be negative'),
    status: statusSchema,
    source: sourceSchema,
    /** low–high bracket around `value` when the source gives one */
    range: z.tuple([finite, finite]).optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.range) {
      const [lo, hi] = v.range;
      if (!(lo <= v.value && v.value <= hi)) {
        ctx.addIssue({ code: 'custom', message: `range [${lo}, ${hi}] must contain value ${v.value}` });
      }
    }
  });
export type Sourced = z.infer<typeof sourcedSchema>;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'id must be a lowercase slug like "deepseek-v3" or "llama-3.1-405b"');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'date must be YYYY-MM-DD or YYYY-MM');


/**
 * Epoch AI's figures for one model (its row in Notable AI Models): the training compute as Epoch
 * counts it (for a fine-tune it includes the base model's run) and Epoch's amortised hardware +
 * energy cost in 2023 USD. Kept apart from the model's own fields so they are compared with our
 * estimates, never mistaken for an input to them.
 */
export const epochReferenceSchema = z
  .object({
    /** Epoch's "Model" name, the join key */
    model: z.string().min(1),
    trainingFlop: sourcedSchema.optional(),
    costUsd2023: sourcedSchema.optional(),
    /**
     * Epoch's figures for this fine-tune count only its own run, not its base model's (its
     * training compute is below the base model's), so they are compared with our own-run figures
     */
    excludesBase: z.boolean().optional(),
  })
  .strict();
export type EpochReference = z.infer<typeof epochReferenceSchema>;

export const modelSchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    lab: z.string().min(1),
    country: z.string().min(1),
    bloc: z.enum(BLOCS),
    releaseDate: isoDate,
    releaseSource: sourceSchema.optional(),
    openWeights: z.boolean(),
    licence: z.string().optional(),
    architecture: z.enum(['dense', 'moe', 'unknown']),
    /** id of the model this one was post-trained from (R1 -> V3) */
    baseModelId: slug.optional(),
    /** parameters (count) */
    totalParams: sourcedSchema.optional(),
    activeParams: sourcedSchema.optional(),
    /** training tokens (count) of this model's own run */
    trainingTokens: sourcedSchema.optional(),
    /**
     * What `trainingTokens` counts. Absent or "trained": tokens the run actually processed, what
     * 6·N·D needs. "dataset-size": only the size of the training set (Epoch's "Training dataset
     * size"), which ignores epochs; with `epochs` known the engine multiplies them.
     */
    trainingTokensKind: z.enum(['trained', 'dataset-size']).optional(),
    /** passes over the training set, when the source gives them */
    epochs: sourcedSchema.optional(),
    trainingFlop: sourcedSchema.optional(),
    /** id in chips.json */
    chipId: slug.optional(),
    chipCount: sourcedSchema.optional(),
    trainingDurationHours: sourcedSchema.optional(),
    gpuHours: sourcedSchema.optional(),
    /** lab- or press-reported training cost, USD; shown beside estimates, never replaced by them */
    reportedCostUsd: sourcedSchema.optional(),
    /** benchmark id -> score (percent, or the benchmark's own unit) */
    benchmarks: z.record(slug, sourcedSchema).default({}),
    usdPerMillionInputTokens: sourcedSchema.optional(),
    usdPerMillionOutputTokens: sourcedSchema.optional(),
    notes: z.string().optional(),
    /** Epoch AI's own figures for this model, shown beside ours (never used in our estimate) */
    epochReference: epochReferenceSchema.optional(),
    /** set on records a user imported, so they are never mistaken for curated data */
    userSupplied: z.boolean().optional(),
  })
  .strict();
export type Model = z.infer<typeof modelSchema>;

/** A price with the date it applied: a rental price is only meaningful at a time. */
export const datedPriceSchema = z.object({ date: isoDate, price: sourcedSchema }).strict();
export type DatedPrice = z.infer<typeof datedPriceSchema>;

export const purchasePriceSchema = z
  .object({
    /** USD per accelerator */
    price: sourcedSchema,
    /** when the price was observed (or the chip released): depreciation runs from here */
    date: isoDate,
    /**
     * true when the figure is a whole server's price divided by its accelerators (a DGX), so it
     * already includes CPUs, memory and chassis and the server overhead is not applied again
     */
    includesServer: z.boolean(),
  })
  .strict();
export type PurchasePrice = z.infer<typeof purchasePriceSchema>;

export const chipSchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    vendor: z.string().min(1),
    releaseDate: isoDate.optional(),
    /** dense BF16 tensor peak, FLOP/s */
    peakBf16FlopPerSec: sourcedSchema.optional(),
    /** dense FP8 tensor peak, FLOP/s */
    peakFp8FlopPerSec: sourcedSchema.optional(),
    tdpWatts: sourcedSchema.optional(),
    memoryBytes: sourcedSchema.optional(),
    memoryBandwidthBytesPerSec: sourcedSchema.optional(),
    interconnectBytesPerSec: sourcedSchema.optional(),
    usdPerGpuHour: sourcedSchema.optional(),
    /** public rental prices (USD per chip-hour), each with the date it was listed: the "market" cost basis */
    marketPrices: z.array(datedPriceSchema).optional(),
    /** acquisition price per accelerator: the "amortized" cost basis (Cottier et al. 2024) */
    purchasePrice: purchasePriceSchema.optional(),
    exportControlNote: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict();
export type Chip = z.infer<typeof chipSchema>;

export const benchmarkSchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    measures: z.string().min(1),
    unit: z.enum(['percent', 'score', 'elo', 'rank']),
    higherIsBetter: z.boolean(),
    source: sourceSchema,
  })
  .strict();
export type Benchmark = z.infer<typeof benchmarkSchema>;

export const attributionSchema = z.object({
  name: z.string(),
  licence: z.string(),
  citation: z.string(),
  url: z.url(),
  retrieved: isoDate.optional(),
});

export const modelsFileSchema = z
  .object({
    dataset: z.string().min(1),
    /** bumped when figures change, so a permalink can say it was made with other data */
    version: z.string().optional(),
    description: z.string().optional(),
    attribution: attributionSchema.optional(),
    models: z.array(modelSchema).min(1),
  })
  .strict();
export type ModelsFile = z.infer<typeof modelsFileSchema>;

export const chipsFileSchema = z.object({ chips: z.array(chipSchema).min(1) }).strict();
export const benchmarksFileSchema = z.object({ benchmarks: z.array(benchmarkSchema).min(1) }).strict();

/** data/epoch/curated-join.json: Epoch's figures for curated models, by curated id (see src/data/epochJoin.ts). */
export const curatedJoinFileSchema = z
  .object({
    description: z.string().optional(),
    attribution: attributionSchema.optional(),
    references: z.record(slug, epochReferenceSchema),
  })
  .strict();
export type CuratedJoinFile = z.infer<typeof curatedJoinFileSchema>;

/** Company-level spending (not per training run), for the "full cost" view. */
export const labSpendSchema = z
  .object({
    lab: z.string().min(1),
    serverCapexUsd: sourcedSchema.optional(),
    operatingCostUsd: sourcedSchema.optional(),
    hardwareSpendUsd: sourcedSchema.optional(),
  })
  .strict();
export type LabSpend = z.infer<typeof labSpendSchema>;
export const labsFileSchema = z.object({ labs: z.array(labSpendSchema) }).strict();
