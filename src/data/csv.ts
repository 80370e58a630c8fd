/**
 * CSV writing for exports. Text cells that a spreadsheet would run as a formula (= + - @, tab,
 * carriage return) are prefixed with an apostrophe (OWASP's CSV-injection advice); numbers are
 * written as plain numbers so they stay numbers.
 */
export type CsvCell = string | number | boolean | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Starts like a formula, also behind leading apostrophes: "'=x" gets one more too, or import
 * (which strips one apostrophe before a formula character) would bring it back as "=x".
 */
// Stryker disable next-line Regex: without ^ the first run of apostrophes removed is still the leading one
const needsApostrophe = (text: string) => FORMULA_START.test(text.replace(/^'+/, ''));

export function neutralise(text: string): string {
  return needsApostrophe(text) ? `'${text}` : text;
}

export function csvCell(v: CsvCell): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const safe = neutralise(v);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** Reverses `neutralise` on import, so an exported name like "=cmd" comes back as it was. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && needsApostrophe(text) ? text.slice(1) : text;
}
