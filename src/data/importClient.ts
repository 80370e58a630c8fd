/**
 * Runs an import off the main thread. The worker answers first with a summary (rows, valid
 * count, problems) and keeps the parsed models until the reader decides to keep them: copying
 * 10,000 models across threads costs ~0.2 s, which is not spent on a file that gets discarded.
 */
import type { ImportResult } from './importers';
import type { Model } from './schema';
import { startImportWorker } from '../security/trustedTypes';

export type ImportSummary = Omit<ImportResult, 'models'> & { validCount: number };

export interface FinishedImport {
  summary: ImportSummary;
  /** the valid models; the worker is released afterwards */
  take: () => Promise<Model[]>;
  /** frees the parsed models without taking them */
  release: () => void;
}

export interface RunningImport {
  result: Promise<FinishedImport | undefined>;
  cancel: () => void;
}

const summarise = ({ models, ...rest }: ImportResult): ImportSummary => ({ ...rest, validCount: models.length });

type FromWorker =
  | { type: 'progress'; fraction: number }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'models'; models: Model[] };

export function startImport(file: File, onProgress: (fraction: number) => void): RunningImport {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    return {
      // loaded on demand: the parser is not part of the page's initial JavaScript
      result: import('./importRunner')
        .then(({ parseFile }) => parseFile(file, onProgress))
        .then((r) => (cancelled ? undefined : { summary: summarise(r), take: () => Promise.resolve(r.models), release: () => undefined })),
      cancel: () => {
        cancelled = true;
      },
    };
  }
  const worker = startImportWorker();
  let settle: (r: FinishedImport | undefined) => void = () => undefined;
  let deliver: (m: Model[]) => void = () => undefined;
  const result = new Promise<FinishedImport | undefined>((resolve) => {
    settle = resolve;
  });
  const models = new Promise<Model[]>((resolve) => {
    deliver = resolve;
  });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    if (msg.type === 'progress') onProgress(msg.fraction);
    else if (msg.type === 'summary')
      settle({
        summary: msg.summary,
        take: () => {
          worker.postMessage({ type: 'take' });
          return models;
        },
        release: () => worker.terminate(),
      });
    else {
      deliver(msg.models);
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    settle({
      summary: { format: 'unknown', totalRows: 0, validCount: 0, problems: [{ field: 'file', expected: 'a file the importer can read', got: e.message || 'a worker error' }] },
      take: () => Promise.resolve([]),
      release: () => undefined,
    });
    worker.terminate();
  };
  worker.postMessage({ type: 'parse', file });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(undefined);
    },
  };
}
