/**
 * Which production dependencies may ship inside an MIT-licensed product. Pure: the CLI
 * (src/cli/licences.ts) reads package-lock.json and node_modules and hands the facts in here.
 */

/**
 * SPDX ids of permissive licences that impose nothing beyond keeping their notice, so code under
 * them can be bundled into MIT-licensed output. Copyleft (GPL, LGPL, MPL, EPL…), "UNLICENSED",
 * "SEE LICENSE IN …" and anything unknown are refused until someone reviews them.
 */
export const MIT_COMPATIBLE_LICENCES: ReadonlySet<string> = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'Unlicense',
  'CC0-1.0',
  'BlueOak-1.0.0',
  'Zlib',
]);

/** The slice of a package-lock.json (lockfileVersion 2 or 3) that says what is installed for production. */
export interface Lockfile {
  packages: Record<string, { version?: string; license?: string; dev?: boolean; optional?: boolean; link?: boolean }>;
}

/** node_modules paths of every package a production install (`npm ci --omit=dev`) puts on disk. */
export function productionPackagePaths(lock: Lockfile): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.link)
    .map(([path]) => path);
}

/** A package.json's licence as one SPDX expression (legacy `licenses` arrays meant "any of"). */
export function declaredLicence(pkg: {
  license?: string | { type?: string };
  licenses?: { type?: string }[];
}): string | undefined {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const legacy = pkg.licenses?.map((l) => l.type).filter((t): t is string => !!t);
  return legacy && legacy.length > 0 ? legacy.join(' OR ') : undefined;
}

/**
 * Whether an SPDX expression lets us ship the package under MIT: `A OR B` needs one side
 * allowed, `A AND B` both; `X WITH exception` is judged by X (exceptions only add permissions).
 */
export function isMitCompatible(expression: string): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at]?.toUpperCase();
  const atom = (): boolean => {
    const token = tokens[at++];
    if (token === undefined) throw new Error('unexpected end');
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') throw new Error('missing )');
      return inner;
    }
    if (peek() === 'WITH') at += 2;
    return MIT_COMPATIBLE_LICENCES.has(token.replace(/\+$/, ''));
  };
  const and = (): boolean => {
    let ok = atom();
    while (peek() === 'AND') {
      at++;
      ok = atom() && ok;
    }
    return ok;
  };
  const or = (): boolean => {
    let ok = and();
    while (peek() === 'OR') {
      at++;
      ok = and() || ok;
    }
    return ok;
  };
  try {
    const ok = or();
    return ok && at === tokens.length;
  } catch {
    return false;
  }
}

export interface InstalledPackage {
  path: string;
  version: string;
  /** undefined when the package is not on disk (then the lockfile's `license` is used) */
  licence: string | undefined;
  installed: boolean;
  optional: boolean;
}

export interface LicenceReport {
  checked: number;
  byLicence: Record<string, number>;
  offenders: string[];
  skipped: string[];
}

export function checkLicences(packages: InstalledPackage[]): LicenceReport {
  const report: LicenceReport = { checked: 0, byLicence: {}, offenders: [], skipped: [] };
  for (const p of packages) {
    const name = `${p.path.replace(/^.*node_modules\//, '')}@${p.version}`;
    if (!p.installed && p.optional) {
      // a platform-specific optional package that this machine does not use
      report.skipped.push(`${name}: optional, not installed here`);
      continue;
    }
    report.checked++;
    const licence = p.licence ?? 'no licence declared';
    report.byLicence[licence] = (report.byLicence[licence] ?? 0) + 1;
    if (!p.licence || !isMitCompatible(p.licence)) report.offenders.push(`${name} (${p.path}): ${licence}`);
  }
  return report;
}
