/** Starts an import off the main thread; `cancel` stops the worker at once. */
import type { ImportResult } from './importers';

export interface RunningImport {
  result: Promise<ImportResult | undefined>;
  cancel: () => void;
}

export function startImport(file: File, onProgress: (fraction: number) => void): RunningImport {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    return {
      // loaded on demand: the parser is not part of the page's initial JavaScript
      result: import('./importRunner').then(({ parseFile }) => parseFile(file, onProgress)).then((r) => (cancelled ? undefined : r)),
      cancel: () => {
        cancelled = true;
      },
    };
  }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: (r: ImportResult | undefined) => void = () => undefined;
  const result = new Promise<ImportResult | undefined>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (e: MessageEvent<{ type: 'progress'; fraction: number } | { type: 'done'; result: ImportResult }>) => {
    if (e.data.type === 'progress') onProgress(e.data.fraction);
    else {
      settle(e.data.result);
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    settle({ format: 'unknown', totalRows: 0, models: [], problems: [{ field: 'file', expected: 'a file the importer can read', got: e.message || 'a worker error' }] });
    worker.terminate();
  };
  worker.postMessage({ file });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(undefined);
    },
  };
}
