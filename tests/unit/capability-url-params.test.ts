import { expect, test } from 'vitest';
import {
  DEFAULT_CAPABILITY_SETTINGS as D,
  PUBLISHED_SETTINGS as P,
  type CapabilitySettings,
} from '../../src/domain/capability/settings';
import {
  DEFAULT_CAPABILITY_URL_STATE,
  parseCapabilityParams,
  serializeCapabilityParams,
  type CapabilityUrlState,
} from '../../src/store/capabilityUrl';

/** The capability parameters alone, read from a query string: what a shared link would give. */
function read(query: string) {
  const notices: string[] = [];
  const state = parseCapabilityParams(new URLSearchParams(query), notices);
  return { settings: state.settings, interval: state.interval, notices };
}

function write(settings: CapabilitySettings, interval: CapabilityUrlState['interval'] = 'curvature') {
  const p = new URLSearchParams();
  serializeCapabilityParams({ settings, interval }, p);
  return p.toString();
}

test('no capability parameter: the app defaults, no notice', () => {
  const r = read('');
  expect(r.settings).toEqual(D);
  expect(r.interval).toBe('curvature');
  expect(r.notices).toEqual([]);
  expect(DEFAULT_CAPABILITY_URL_STATE).toEqual({ settings: D, interval: 'curvature' });
  // the settings read are a copy: changing them never changes the defaults
  r.settings.lambda = 3;
  (r.settings.drop as string[]).push('x');
  expect(D.lambda).toBe(0.1);
  expect(D.drop).toEqual([]);
});

test('each parameter is read under its public name', () => {
  expect(read('capanchor=mmlu').settings.anchor).toBe('mmlu');
  expect(read('caplambda=0.5').settings.lambda).toBe(0.5);
  expect(read('capbound=20').settings.bound).toBe(20);
  expect(read('capmin=6').settings.minBenchmarks).toBe(6);
  expect(read('capslope=0.5-4').settings).toMatchObject({ slopeMin: 0.5, slopeMax: 4 });
  expect(read('capfrom=2023-06-01').settings.from).toBe('2023-06-01');
  expect(read('capdrop=mmlu,gsm8k').settings.drop).toEqual(['mmlu', 'gsm8k']);
  expect(read('capdistilled=0').settings.distilled).toBe(false);
  expect(read('capdistilled=1').settings.distilled).toBe(true);
  expect(read('cap=published&capdistilled=1').settings.distilled).toBe(true);
  expect(read('capdata=epoch').settings.data).toBe('epoch');
  expect(read('capdata=all&cap=published').settings.data).toBe('all');
  expect(read('capci=bootstrap').interval).toBe('bootstrap');
  expect(read('capci=curvature').interval).toBe('curvature');
  expect(read('cap=published').settings).toEqual(P);
  for (const q of [
    'capanchor=mmlu',
    'caplambda=0.5',
    'capbound=20',
    'capmin=6',
    'capslope=0.5-4',
    'capfrom=2023-06-01',
    'capdrop=mmlu',
    'capdistilled=0',
    'capdata=epoch',
    'capci=bootstrap',
    'cap=published',
  ])
    expect(read(q).notices, q).toEqual([]);
});

test('numbers: edges of each range are accepted, spaces trimmed, beyond the range clamped with a notice', () => {
  expect(read('caplambda=0').settings.lambda).toBe(0);
  expect(read('caplambda=10').settings.lambda).toBe(10);
  expect(read('capbound=1').settings.bound).toBe(1);
  expect(read('capbound=50').settings.bound).toBe(50);
  expect(read('capmin=1').settings.minBenchmarks).toBe(1);
  expect(read('capmin=20').settings.minBenchmarks).toBe(20);
  expect(read('caplambda=%200.3%20').settings.lambda).toBe(0.3);
  expect(read('caplambda=%200.3%20').notices).toEqual([]);
  expect(read('caplambda=12')).toMatchObject({
    settings: { lambda: 10 },
    notices: ["caplambda=12 is outside λ's range 0–10; using 10."],
  });
  expect(read('capbound=0.5')).toMatchObject({
    settings: { bound: 1 },
    notices: ["capbound=0.5 is outside the capability bound's range 1–50; using 1."],
  });
  expect(read('capmin=25')).toMatchObject({
    settings: { minBenchmarks: 20 },
    notices: ["capmin=25 is outside the minimum benchmarks per version's range 1–20; using 20."],
  });
});

test('numbers that are not numbers are ignored, naming the parameter, what it needs and the value kept', () => {
  expect(read('caplambda=abc')).toMatchObject({
    settings: { lambda: D.lambda },
    notices: ['Ignored caplambda="abc": λ must be a number; using 0.1.'],
  });
  expect(read('caplambda=').notices).toEqual(['Ignored caplambda="": λ must be a number; using 0.1.']);
  expect(read('caplambda=%20').notices).toEqual(['Ignored caplambda=" ": λ must be a number; using 0.1.']);
  expect(read('capbound=Infinity').notices).toEqual([
    'Ignored capbound="Infinity": the capability bound must be a number; using 10.',
  ]);
  expect(read('capmin=2.5')).toMatchObject({
    settings: { minBenchmarks: 2 },
    notices: ['Ignored capmin="2.5": the minimum benchmarks per version must be a whole number; using 2.'],
  });
  // the published settings' own value is the one kept
  expect(read('cap=published&capmin=x').notices).toEqual([
    'Ignored capmin="x": the minimum benchmarks per version must be a whole number; using 4.',
  ]);
  // a long bad value is cut to 40 characters in the notice
  const long = 'x'.repeat(60);
  expect(read(`caplambda=${long}`).notices[0]).toBe(
    `Ignored caplambda="${'x'.repeat(40)}": λ must be a number; using 0.1.`,
  );
  expect(read(`caplambda=1${'0'.repeat(60)}`).notices[0]).toBe(
    `caplambda=1${'0'.repeat(39)} is outside λ's range 0–10; using 10.`,
  );
});

test('cap accepts only "published"', () => {
  expect(read('cap=paper')).toMatchObject({ settings: D, notices: ['Ignored cap="paper": expected "published".'] });
});

test('benchmark ids: lower-case words joined by "-" or ".", at most 80 characters, nothing around them', () => {
  for (const good of ['mmlu', 'gpqa-diamond', 'arc.agi-2', 'a'.repeat(80), 'labs-hle'])
    expect(read(`capanchor=${good}`).settings.anchor).toBe(good);
  for (const bad of ['MMLU', 'mmlu<script>', '<b>mmlu', '-mmlu', 'mmlu-', 'a--b', 'a'.repeat(81), ''])
    expect(read(`capanchor=${encodeURIComponent(bad)}`)).toMatchObject({
      settings: { anchor: D.anchor },
      notices: [`Ignored capanchor=${JSON.stringify(bad.slice(0, 40))}: not a benchmark id.`],
    });
});

test('capslope: low-high within 0.01–50, low ≤ high; anything else is ignored with a notice', () => {
  expect(read('capslope=2-2').settings).toMatchObject({ slopeMin: 2, slopeMax: 2 });
  expect(read('capslope=0.01-50').settings).toMatchObject({ slopeMin: 0.01, slopeMax: 50 });
  expect(read('capslope=%200.2-3%20').settings).toMatchObject({ slopeMin: 0.2, slopeMax: 3 });
  for (const bad of ['5-1', '0.001-1', '1-51', 'x0.5-2', '0.5-2x', '0.5', '1.2.3-4', '-'])
    expect(read(`capslope=${bad}`), bad).toMatchObject({
      settings: { slopeMin: D.slopeMin, slopeMax: D.slopeMax },
      notices: [`Ignored capslope=${JSON.stringify(bad)}: expected low-high slope bounds within 0.01–50.`],
    });
});

test('capfrom: a real date or "any"', () => {
  expect(read('cap=published&capfrom=any').settings.from).toBeUndefined();
  expect('from' in read('cap=published&capfrom=any').settings).toBe(false);
  for (const bad of ['2024-13-45', 'x2024-01-01', '2024-01-01x', '2024-1-1', 'yesterday'])
    expect(read(`capfrom=${bad}`), bad).toMatchObject({
      settings: { from: undefined },
      notices: [`Ignored capfrom=${JSON.stringify(bad)}: expected a date YYYY-MM-DD or "any".`],
    });
});

test('capdrop: trimmed, de-duplicated, malformed ids counted in one notice, at most 60 kept', () => {
  expect(read('capdrop=%20mmlu%20,,gsm8k,mmlu').settings.drop).toEqual(['mmlu', 'gsm8k']);
  expect(read('capdrop=mmlu,,gsm8k').notices).toEqual([]);
  expect(read('capdrop=mmlu,BAD,also%20bad,gsm8k')).toMatchObject({
    settings: { drop: ['mmlu', 'gsm8k'] },
    notices: ['Ignored 2 malformed benchmark id(s) in capdrop.'],
  });
  expect(read(`capdrop=${'b'.repeat(81)},mmlu`).settings.drop).toEqual(['mmlu']);
  const many = Array.from({ length: 70 }, (_, i) => `b${i}`);
  expect(read(`capdrop=${many.join(',')}`).settings.drop).toEqual(many.slice(0, 60));
  expect(read('capdrop=').settings.drop).toEqual([]);
});

test('capdistilled, capdata, capci: a bad value is ignored with a notice listing the choices', () => {
  expect(read('capdistilled=yes')).toMatchObject({
    settings: { distilled: true },
    notices: ['Ignored capdistilled="yes": expected 1 or 0.'],
  });
  expect(read('capdata=mine')).toMatchObject({
    settings: { data: 'all' },
    notices: ['Ignored capdata="mine": expected one of epoch, all.'],
  });
  expect(read('capci=magic')).toMatchObject({
    interval: 'curvature',
    notices: ['Ignored capci="magic": expected one of curvature, bootstrap.'],
  });
});

test('writing: only what differs from the defaults, each under its own name; published as one parameter', () => {
  expect(write(D)).toBe('');
  expect(write(P)).toBe('cap=published');
  expect(write(P, 'bootstrap')).toBe('cap=published&capci=bootstrap');
  expect(write(D, 'bootstrap')).toBe('capci=bootstrap');
  expect(write({ ...D, anchor: 'mmlu' })).toBe('capanchor=mmlu');
  expect(write({ ...D, lambda: 0.5 })).toBe('caplambda=0.5');
  expect(write({ ...D, bound: 20 })).toBe('capbound=20');
  expect(write({ ...D, slopeMin: 0.5 })).toBe('capslope=0.5-10');
  expect(write({ ...D, slopeMax: 4 })).toBe('capslope=0.1-4');
  expect(write({ ...D, minBenchmarks: 6 })).toBe('capmin=6');
  expect(write({ ...D, from: '2024-01-01' })).toBe('capfrom=2024-01-01');
  expect(write({ ...D, drop: ['mmlu', 'gsm8k'] })).toBe('capdrop=gsm8k%2Cmmlu');
  expect(write({ ...D, distilled: false })).toBe('capdistilled=0');
  expect(write({ ...D, data: 'epoch' })).toBe('capdata=epoch');
  // one setting away from the published ones: written in full against the defaults
  expect(write({ ...P, lambda: 0 })).toBe('caplambda=0&capmin=4&capfrom=2022-11-01&capdata=epoch');
});

test('writing then reading gives the same settings, for the published ones with each field changed', () => {
  const variants: Partial<CapabilitySettings>[] = [
    { anchor: 'mmlu' },
    { lambda: 2 },
    { bound: 5 },
    { slopeMin: 0.2, slopeMax: 3 },
    { minBenchmarks: 1 },
    { from: undefined },
    { drop: ['gsm8k', 'mmlu'] },
    { distilled: false },
    { data: 'all' },
  ];
  for (const v of variants) {
    const s = { ...P, ...v };
    const r = read(write(s, 'bootstrap'));
    expect(r.notices).toEqual([]);
    expect({ ...r.settings, from: r.settings.from }).toEqual({ ...s, from: s.from });
    expect(r.interval).toBe('bootstrap');
  }
});
