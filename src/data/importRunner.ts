/**
 * Parses a user's file into an ImportResult. Runs inside the import worker (so a 50 MB file
 * does not freeze the page) and, where workers are unavailable (tests), on the main thread.
 */
import Papa from 'papaparse';
import { importCsvTable, importJson, type ImportResult } from './importers';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Bigger files are parsed in 4 MB chunks so the progress bar moves and memory stays flat. Chunked
 * parsing is ~1.6× slower, and this app's own table CSV of 10,000 models is ~27 MB (268 columns):
 * the threshold sits above that, so re-importing an export takes the fast path.
 */
const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;

export function looksLikeJson(name: string, firstChars: string): boolean {
  return /\.json$/i.test(name) || /^\s*[[{]/.test(firstChars);
}

export function parseText(name: string, text: string): ImportResult {
  if (looksLikeJson(name, text.slice(0, 64))) return importJson(text);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
  const [headers = [], ...rows] = parsed.data;
  return importCsvTable(headers, rows);
}

/** Parses a user's file (JSON or CSV), reporting progress as a fraction. */
export function parseFile(file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES)
    return Promise.resolve({ format: 'unknown', totalRows: 0, models: [], problems: [{ field: 'file', expected: `at most ${MAX_FILE_BYTES / 1024 / 1024} MB`, got: `${Math.round(file.size / 1024 / 1024)} MB` }] });
  return file
    .slice(0, 64)
    .text()
    .then((head) => {
      if (looksLikeJson(file.name, head))
        return file.text().then((t) => {
          onProgress(1);
          return importJson(t);
        });
      const t0 = performance.now();
      if (file.size > STREAM_ABOVE_BYTES) return streamCsv(file, onProgress, t0);
      // up to ~25 MB: read whole and parse the string, papaparse's fastest path (progress in two halves)
      return file.text().then((text) => {
        onProgress(0.5);
        const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
        const t1 = performance.now();
        const [headers = [], ...rows] = parsed.data;
        const result = importCsvTable(headers, rows);
        onProgress(1);
        // reported by `npm run bench`: where a big import spends its time
        return { ...result, timings: { parseMs: Math.round(t1 - t0), validateMs: Math.round(performance.now() - t1) } };
      });
    });
}

function streamCsv(file: File, onProgress: (fraction: number) => void, t0: number): Promise<ImportResult> {
  return new Promise<ImportResult>((resolve) => {
    const rows: string[][] = [];
    let headers: string[] | undefined;
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: true,
      chunkSize: 4 * 1024 * 1024,
      chunk: (results) => {
        for (const r of results.data) {
          if (headers === undefined) headers = r;
          else rows.push(r);
        }
        onProgress(Math.min(0.99, results.meta.cursor / Math.max(1, file.size)));
      },
      complete: () => {
        onProgress(1);
        const t1 = performance.now();
        const result = importCsvTable(headers ?? [], rows);
        resolve({ ...result, timings: { parseMs: Math.round(t1 - t0), validateMs: Math.round(performance.now() - t1) } });
      },
      error: (err) => resolve({ format: 'unknown', totalRows: 0, models: [], problems: [{ field: 'file', expected: 'a readable CSV file', got: err.message }] }),
    });
  });
}
