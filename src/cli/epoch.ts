/**
 * `npm run data:epoch`: converts data/epoch/epoch_notable_ai_models.csv (Epoch AI, CC BY 4.0)
 * into data/epoch/notable-models.json and prints what could not be converted and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { convertEpochRows, EPOCH_ATTRIBUTION } from '../data/epoch';

const root = resolve(import.meta.dirname, '../..');
const input = resolve(root, process.argv[2] ?? 'data/epoch/epoch_notable_ai_models.csv');
const output = resolve(root, process.argv[3] ?? 'data/epoch/notable-models.json');

const csv = Papa.parse<Record<string, string>>(readFileSync(input, 'utf8'), { header: true, skipEmptyLines: true });
for (const e of csv.errors.slice(0, 20)) console.warn(`CSV row ${e.row ?? '?'}: ${e.message}`);
const { models, rejects, droppedFields } = convertEpochRows(csv.data);

writeFileSync(
  output,
  `${JSON.stringify(
    {
      dataset: 'Epoch AI Notable AI Models',
      description: `Converted by npm run data:epoch from ${csv.data.length} rows: ${models.length} models, ${rejects.length} rejected.`,
      attribution: EPOCH_ATTRIBUTION,
      models,
    },
    null,
    1,
  )}\n`,
);
writeFileSync(
  resolve(root, 'data/epoch/conversion-report.json'),
  `${JSON.stringify({ rows: csv.data.length, converted: models.length, rejects, droppedFields }, null, 2)}\n`,
);

console.log(`${csv.data.length} rows → ${models.length} models, ${rejects.length} rejected`);
const byReason = new Map<string, number>();
for (const r of rejects)
  byReason.set(r.reason.replace(/"[^"]*"/g, '"…"'), (byReason.get(r.reason.replace(/"[^"]*"/g, '"…"')) ?? 0) + 1);
for (const [reason, n] of byReason) console.log(`  rejected ${n}: ${reason}`);
for (const [reason, n] of Object.entries(droppedFields)) console.log(`  field dropped ${n}×: ${reason}`);
console.log(`wrote ${output}`);
