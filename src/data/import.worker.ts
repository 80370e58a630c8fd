/// <reference lib="webworker" />
import { parseFile } from './importRunner';

self.onmessage = (e: MessageEvent<{ file: File }>) => {
  void parseFile(e.data.file, (fraction) => self.postMessage({ type: 'progress', fraction })).then((result) => self.postMessage({ type: 'done', result }));
};
