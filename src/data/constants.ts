/**
 * Enumerations the page needs before it needs the schema: kept apart from schema.ts so that
 * reading a link (bloc=) or drawing the filters does not load zod before the first chart.
 */
export const STATUSES = ['disclosed', 'estimate', 'leak'] as const;
export const BLOCS = ['United States', 'China', 'Europe', 'Other'] as const;
