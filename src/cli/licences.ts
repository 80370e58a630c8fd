/**
 * `npm run deps:licences`: every production dependency (transitively, from package-lock.json,
 * read from node_modules/…/package.json) must carry a licence compatible with the product's MIT
 * licence. Prints the tally and each offender; exits 1 on any offender.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checkLicences,
  declaredLicence,
  MIT_COMPATIBLE_LICENCES,
  productionPackagePaths,
  type InstalledPackage,
  type Lockfile,
} from '../security/licences';

const root = resolve(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as Lockfile;

const packages: InstalledPackage[] = productionPackagePaths(lock).map((path) => {
  const entry = lock.packages[path]!;
  const file = resolve(root, path, 'package.json');
  const installed = existsSync(file);
  const pkg = installed ? (JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof declaredLicence>[0]) : {};
  return {
    path,
    version: entry.version ?? '?',
    licence: installed ? declaredLicence(pkg) : entry.license,
    installed,
    optional: !!entry.optional,
  };
});

const report = checkLicences(packages);
const tally = Object.entries(report.byLicence)
  .sort((a, b) => b[1] - a[1])
  .map(([licence, n]) => `${licence} ${n}`)
  .join(', ');
console.log(`licences: ${report.checked} production packages (${tally})`);
for (const s of report.skipped) console.log(`  skipped ${s}`);
if (report.offenders.length > 0) {
  console.log(
    `licences: ${report.offenders.length} production package(s) not compatible with MIT ` +
      `(allowed: ${[...MIT_COMPATIBLE_LICENCES].join(', ')}):`,
  );
  for (const o of report.offenders) console.log(`  ✗ ${o}`);
  process.exit(1);
}
console.log('licences: all compatible with MIT');
