import { modelSchema, type Model } from './schema';

/** A saved model as the schema accepts it, or undefined: used when saved datasets are restored. */
export function parseStoredModel(raw: unknown): Model | undefined {
  const r = modelSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}
