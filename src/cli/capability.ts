/**
 * `npm run data:capability`: converts Epoch AI's benchmark-stitching files (data/capability/raw/,
 * MIT) into data/capability/stitching.json and data/capability/conversion-report.json, and prints
 * what could not be used and why.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { conversionReport } from '../data/capability';
import { stitchingFileSchema } from '../data/capabilitySchema';
import { buildStitching } from './capabilityBuild';

const root = resolve(import.meta.dirname, '../..');
const { result, files, coverage } = buildStitching(root);
const parsed = stitchingFileSchema.safeParse(result.data);
if (!parsed.success) {
  console.error('stitching.json would be invalid:', parsed.error.issues.slice(0, 5));
  process.exit(1);
}
writeFileSync(resolve(root, 'data/capability/stitching.json'), `${JSON.stringify(result.data)}\n`);
writeFileSync(resolve(root, 'data/capability/coverage.json'), `${JSON.stringify(coverage, null, 1)}\n`);
const report = conversionReport(result, Object.keys(files));
writeFileSync(resolve(root, 'data/capability/conversion-report.json'), `${JSON.stringify(report, null, 1)}\n`);

const d = result.data;
const byStatus = d.scores.reduce<Record<string, number>>((acc, s) => {
  const st = d.statuses[s[4]] as string;
  acc[st] = (acc[st] ?? 0) + 1;
  return acc;
}, {});
console.log(
  `${d.scores.length} scores (${Object.entries(byStatus)
    .map(([k, v]) => `${v} ${k}`)
    .join(
      ', ',
    )}) on ${d.benchmarks.length} benchmarks, ${d.versions.length} versions, ${d.sources.length} sources; ${result.rejects.length} rows rejected`,
);
console.log(
  `versions joined to Notable AI Models: ${d.versions.filter((v) => v.notable).length}; with Epoch compute: ${d.versions.filter((v) => v.notable && d.notableCompute[v.notable]?.flop).length}`,
);
const byReason = new Map<string, number>();
for (const r of result.rejects) {
  const k = `${r.file}: ${r.reason.replace(/"[^"]*"/g, '"…"')}`;
  byReason.set(k, (byReason.get(k) ?? 0) + 1);
}
for (const [reason, n] of byReason) console.log(`  rejected ${n}: ${reason}`);
for (const c of result.corrections) console.log(`  corrected ${c}`);
for (const f of report.filesLeftOut) console.log(`  not read: ${f.file} (${f.reason})`);
