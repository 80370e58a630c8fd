import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { judgeAudit, type AuditExceptions } from '../../src/security/audit';
import { HEADER_CSP, PAGE_CSP, serializeCsp } from '../../src/security/csp';
import { checkLicences, isMitCompatible, productionPackagePaths } from '../../src/security/licences';

test('licence expressions: OR needs one allowed side, AND needs all, WITH is judged by its licence', () => {
  for (const ok of [
    'MIT',
    'ISC',
    'Apache-2.0',
    '(MIT OR GPL-3.0-only)',
    'GPL-3.0-only or MIT',
    'MIT AND ISC AND BSD-3-Clause',
    '(MIT AND Zlib) OR GPL-2.0',
    'Apache-2.0 WITH LLVM-exception',
  ])
    expect(isMitCompatible(ok), ok).toBe(true);
  for (const refused of [
    'GPL-3.0-only',
    'LGPL-2.1',
    'MPL-2.0',
    'MIT AND GPL-3.0-only',
    'GPL-2.0 WITH Classpath-exception-2.0',
    'UNLICENSED',
    'SEE LICENSE IN LICENSE.txt',
    'CC-BY-4.0',
    '(MIT',
    'MIT OR',
    '',
  ])
    expect(isMitCompatible(refused), refused).toBe(false);
});

test('the production tree is every lockfile package not marked dev, and offenders are named with their path', () => {
  const paths = productionPackagePaths({
    packages: {
      '': { version: '0.1.0' },
      'node_modules/react': { version: '19.0.0', license: 'MIT' },
      'node_modules/vite': { version: '8.0.0', dev: true },
      'node_modules/a/node_modules/copyleft': { version: '1.0.0' },
      'node_modules/@scope/native-linux': { version: '1.0.0', optional: true },
    },
  });
  expect(paths).toEqual([
    'node_modules/react',
    'node_modules/a/node_modules/copyleft',
    'node_modules/@scope/native-linux',
  ]);
  const report = checkLicences([
    { path: 'node_modules/react', version: '19.0.0', licence: 'MIT', installed: true, optional: false },
    {
      path: 'node_modules/a/node_modules/copyleft',
      version: '1.0.0',
      licence: 'GPL-3.0-only',
      installed: true,
      optional: false,
    },
    { path: 'node_modules/nolicence', version: '2.0.0', licence: undefined, installed: true, optional: false },
    {
      path: 'node_modules/@scope/native-linux',
      version: '1.0.0',
      licence: undefined,
      installed: false,
      optional: true,
    },
  ]);
  expect(report.checked).toBe(3);
  expect(report.offenders).toEqual([
    'copyleft@1.0.0 (node_modules/a/node_modules/copyleft): GPL-3.0-only',
    'nolicence@2.0.0 (node_modules/nolicence): no licence declared',
  ]);
  expect(report.skipped).toEqual(['@scope/native-linux@1.0.0: optional, not installed here']);
});

// the shape of `npm audit --json` (auditReportVersion 2); package and advisory ids are made up
const advisory = (severity: string) => ({
  source: 900001,
  name: 'fixture-parser',
  dependency: 'fixture-parser',
  title: 'Prototype pollution in fixture-parser',
  url: 'https://github.com/advisories/GHSA-fix0-test-0001',
  severity,
  range: '<2.0.1',
});
const report = (severity: string) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      'fixture-parser': { name: 'fixture-parser', severity, via: [advisory(severity)], fixAvailable: false },
      'fixture-app': { name: 'fixture-app', severity, via: ['fixture-parser'], fixAvailable: false },
    },
    metadata: {},
  });
const none: AuditExceptions = { advisories: [] };
const excepted = (reviewBy: string): AuditExceptions => ({
  advisories: [
    { id: 'GHSA-fix0-test-0001', package: 'fixture-parser', reason: 'only reachable from the bench page', reviewBy },
  ],
});
const today = '2026-11-26';

test('a high or critical advisory fails the audit and is printed; moderate ones do not', () => {
  for (const severity of ['high', 'critical']) {
    const v = judgeAudit(report(severity), none, today);
    expect(v.ok).toBe(false);
    expect(v.lines.join('\n')).toContain(
      `✗ ${severity} fixture-parser <2.0.1: Prototype pollution in fixture-parser (https://github.com/advisories/GHSA-fix0-test-0001)`,
    );
  }
  expect(judgeAudit(report('moderate'), none, today).ok).toBe(true);
  expect(judgeAudit(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} }), none, today).ok).toBe(true);
});

test('an advisory excepted with a reason passes until its review date, then fails again', () => {
  const v = judgeAudit(report('high'), excepted('2027-01-31'), today);
  expect(v.ok).toBe(true);
  expect(v.lines.join('\n')).toContain('excepted until 2027-01-31');
  const expired = judgeAudit(report('high'), excepted('2026-11-25'), today);
  expect(expired.ok).toBe(false);
  expect(expired.lines.join('\n')).toContain('its exception expired on 2026-11-25');
});

test('an audit that could not run fails, unless this CI’s unreachable service is acknowledged and not yet due for review', () => {
  const refused = JSON.stringify({
    message: '405 Method Not Allowed - POST <registry>/-/npm/v1/security/advisories/bulk',
    statusCode: 405,
  });
  const failed = judgeAudit(refused, none, today);
  expect(failed.ok).toBe(false);
  expect(failed.lines.join('\n')).toContain(
    'npm audit could not check the production dependencies: 405 Method Not Allowed',
  );
  const ack = { reason: 'the registry refuses the audit endpoint', verified: today, reviewBy: '2027-02-28' };
  const accepted = judgeAudit(refused, { advisories: [], endpointUnavailable: ack }, today);
  expect(accepted.ok).toBe(true);
  expect(accepted.lines[0]).toContain('ADVISORIES NOT CHECKED');
  expect(judgeAudit(refused, { advisories: [], endpointUnavailable: ack }, '2027-03-01').ok).toBe(false);
  // output npm could not have produced for a network problem is never acknowledged
  expect(judgeAudit('npm ERR! cb() never called', { advisories: [], endpointUnavailable: ack }, today).ok).toBe(false);
  expect(judgeAudit('', { advisories: [], endpointUnavailable: ack }, today).ok).toBe(false);
});

test('README documents exactly the policies the build emits, for the page and for header-capable hosts', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  expect(readme).toContain(`\n  ${serializeCsp(PAGE_CSP)}\n`);
  expect(readme).toContain(`Content-Security-Policy: ${serializeCsp(HEADER_CSP)}\n`);
});
