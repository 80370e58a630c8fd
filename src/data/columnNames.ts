/**
 * The names readers see for the table's columns, shared by the table, its CSV export and the
 * importer that reads that CSV back. A CSV opened in a spreadsheet then says what the screen
 * says ("Training cost (USD)", not "cost"), and re-importing it still finds every field.
 */

/** Identity columns in the CSV: the on-screen name where the table shows the field. */
export const IDENTITY_NAMES = {
  id: 'Model id',
  name: 'Model',
  lab: 'Lab',
  country: 'Country',
  bloc: 'Bloc',
  releaseDate: 'Released',
  openWeights: 'Weights',
  architecture: 'Architecture',
  chipId: 'Chip id',
  baseModelId: 'Base model id',
  licence: 'Licence',
  notes: 'Notes',
  releaseSource: 'Release source',
  'releaseSource url': 'Release source URL',
} as const;

/** Data columns (figures someone reported, re-imported as data): id -> on-screen name. */
export const DATA_COLUMN_NAMES = {
  totalParams: 'Params (total)',
  activeParams: 'Params (active)',
  tokens: 'Training tokens',
  flopReported: 'Training FLOP as reported',
  gpuHoursReported: 'GPU-hours as reported',
  trainingDuration: 'Training duration',
  reportedCost: 'Reported cost (USD)',
  chipCount: 'Chips',
  priceIn: 'API input ($/M tok)',
  priceOut: 'API output ($/M tok)',
} as const;

export function benchmarkColumnName(b: { name: string; unit: string }): string {
  return b.unit === 'percent' ? `${b.name} (%)` : b.name;
}

/** What the CSV adds after a value column's name for its companions. */
export const COMPANIONS = {
  low: 'low',
  high: 'high',
  status: 'status',
  source: 'source',
  url: 'source URL',
  note: 'note',
} as const;

/** The unit a CSV header needs when the on-screen name does not carry it ("Energy" -> "Energy (MWh)"). */
export function withUnit(name: string, unitLabel: string | undefined): string {
  if (!unitLabel || /\([^)]*\)$/.test(name)) return name;
  const lower = name.toLowerCase();
  if (lower.includes(unitLabel.toLowerCase()) || unitLabel === 'count' || unitLabel === 'score') return name;
  return `${name} (${unitLabel})`;
}

/** How a status is worded on screen and in the CSV; the importer reads these words back. */
export const STATUS_WORDS = {
  disclosed: 'Disclosed',
  estimate: 'Third-party estimate',
  leak: 'Leak / press',
  computed: 'Computed',
} as const;
