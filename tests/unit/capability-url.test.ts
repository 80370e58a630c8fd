import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  CAPABILITY_BOUNDS,
  DEFAULT_CAPABILITY_SETTINGS,
  PUBLISHED_SETTINGS,
} from '../../src/domain/capability/settings';
import { defaults, parseUrl, serializeUrl } from '../../src/store/url';

const withCap = (capability: NonNullable<ReturnType<typeof defaults>['capability']>) => ({ ...defaults(), capability });

test('the published settings are one parameter, cap=published, and read back exactly', () => {
  const q = serializeUrl(withCap({ settings: PUBLISHED_SETTINGS, interval: 'curvature' }));
  expect(q).toBe('?cap=published');
  const { state, notices } = parseUrl(q);
  expect(notices).toEqual([]);
  expect(state.capability?.settings).toEqual(PUBLISHED_SETTINGS);
});

test('the default settings write nothing', () => {
  expect(serializeUrl(withCap({ settings: DEFAULT_CAPABILITY_SETTINGS, interval: 'curvature' }))).toBe('');
  expect(parseUrl('').state.capability?.settings).toEqual(DEFAULT_CAPABILITY_SETTINGS);
});

test('cap=published with another cap parameter adjusts the published settings', () => {
  const { state } = parseUrl('?cap=published&caplambda=0');
  expect(state.capability?.settings).toEqual({ ...PUBLISHED_SETTINGS, lambda: 0 });
  expect(serializeUrl(state)).toBe('?caplambda=0&capmin=4&capfrom=2022-11-01&capdata=epoch');
});

test('property: every capability setting round-trips through the link', () => {
  const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
  fc.assert(
    fc.property(
      fc.record({
        anchor: id,
        lambda: fc.double({ min: CAPABILITY_BOUNDS.lambda.min, max: CAPABILITY_BOUNDS.lambda.max, noNaN: true }),
        bound: fc.double({ min: CAPABILITY_BOUNDS.bound.min, max: CAPABILITY_BOUNDS.bound.max, noNaN: true }),
        slopes: fc
          .tuple(
            fc.double({ min: CAPABILITY_BOUNDS.slope.min, max: CAPABILITY_BOUNDS.slope.max, noNaN: true }),
            fc.double({ min: CAPABILITY_BOUNDS.slope.min, max: CAPABILITY_BOUNDS.slope.max, noNaN: true }),
          )
          .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
        minBenchmarks: fc.integer({ min: 1, max: 20 }),
        from: fc.option(
          fc
            .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          { nil: undefined },
        ),
        drop: fc.uniqueArray(id, { maxLength: 5 }).map((xs) => [...xs].sort()),
        distilled: fc.boolean(),
        data: fc.constantFrom('epoch' as const, 'all' as const),
        interval: fc.constantFrom('curvature' as const, 'bootstrap' as const),
      }),
      (r) => {
        const settings = {
          anchor: r.anchor,
          lambda: r.lambda,
          bound: r.bound,
          slopeMin: r.slopes[0],
          slopeMax: r.slopes[1],
          minBenchmarks: r.minBenchmarks,
          ...(r.from ? { from: r.from } : {}),
          drop: r.drop,
          distilled: r.distilled,
          data: r.data,
        };
        const { state, notices } = parseUrl(serializeUrl(withCap({ settings, interval: r.interval })));
        expect(notices).toEqual([]);
        expect(state.capability?.interval).toBe(r.interval);
        expect({ ...state.capability?.settings }).toEqual({
          ...DEFAULT_CAPABILITY_SETTINGS,
          ...settings,
          from: r.from,
        });
      },
    ),
  );
});

test('bad capability parameters are ignored or clamped with a notice naming the parameter', () => {
  const { state, notices } = parseUrl(
    '?cap=paper&capanchor=<script>&caplambda=-3&capmin=2.5&capslope=5-1&capfrom=yesterday&capdrop=mmlu,DROP TABLE&capdistilled=maybe&capdata=mine&capci=magic',
  );
  const s = state.capability!.settings;
  expect(s.anchor).toBe(DEFAULT_CAPABILITY_SETTINGS.anchor);
  expect(s.lambda).toBe(CAPABILITY_BOUNDS.lambda.min);
  expect(s.minBenchmarks).toBe(DEFAULT_CAPABILITY_SETTINGS.minBenchmarks);
  expect([s.slopeMin, s.slopeMax]).toEqual([
    DEFAULT_CAPABILITY_SETTINGS.slopeMin,
    DEFAULT_CAPABILITY_SETTINGS.slopeMax,
  ]);
  expect(s.from).toBe(DEFAULT_CAPABILITY_SETTINGS.from);
  expect(s.drop).toEqual(['mmlu']);
  expect(s.distilled).toBe(true);
  expect(s.data).toBe('all');
  expect(state.capability?.interval).toBe('curvature');
  const text = notices.join('\n');
  for (const p of [
    'cap=',
    'capanchor=',
    'caplambda=',
    'capmin=',
    'capslope=',
    'capfrom=',
    'capdrop',
    'capdistilled=',
    'capdata=',
    'capci=',
  ])
    expect(text, p).toContain(p);
  expect(parseUrl('?capfrom=any&cap=published').state.capability?.settings.from).toBeUndefined();
});

test('y=capability is accepted as the stitched capability axis', () => {
  const { state, notices } = parseUrl('?y=capability&x=flop');
  expect(notices).toEqual([]);
  expect(state.view.y).toBe('capability');
});
