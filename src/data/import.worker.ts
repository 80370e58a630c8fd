/// <reference lib="webworker" />
import type { ImportResult } from './importers';
import { parseFile } from './importRunner';

let parsed: ImportResult | undefined;

self.onmessage = (e: MessageEvent<{ type: 'parse'; file: File } | { type: 'take' }>) => {
  if (e.data.type === 'parse') {
    void parseFile(e.data.file, (fraction) => self.postMessage({ type: 'progress', fraction })).then((result) => {
      parsed = result;
      const { models, ...rest } = result;
      self.postMessage({ type: 'summary', summary: { ...rest, validCount: models.length } });
    });
  } else if (parsed) {
    self.postMessage({ type: 'models', models: parsed.models });
    parsed = undefined;
  }
};
