import { expect, test } from 'vitest';
import {
  CAPABILITY_BOUNDS,
  CAPABILITY_DATA_CHOICES,
  DEFAULT_CAPABILITY_SETTINGS as D,
  describeSettings,
  PUBLISHED_SETTINGS as P,
  sameSettings,
  settingsKey,
  type CapabilitySettings,
} from '../../src/domain/capability/settings';

/** One change per field, each a value the controls and the URL accept. */
const oneChange: [keyof CapabilitySettings, Partial<CapabilitySettings>][] = [
  ['anchor', { anchor: 'mmlu' }],
  ['lambda', { lambda: 0.2 }],
  ['bound', { bound: 9 }],
  ['slopeMin', { slopeMin: 0.2 }],
  ['slopeMax', { slopeMax: 9 }],
  ['minBenchmarks', { minBenchmarks: 5 }],
  ['from', { from: '2023-01-01' }],
  ['drop', { drop: ['mmlu'] }],
  ['distilled', { distilled: false }],
  ['data', { data: 'all' }],
];

test('the paper’s settings, as Ho et al. 2025 and its code give them', () => {
  expect(P).toEqual({
    anchor: 'winogrande',
    lambda: 0.1,
    bound: 10,
    slopeMin: 0.1,
    slopeMax: 10,
    minBenchmarks: 4,
    from: '2022-11-01',
    drop: [],
    distilled: true,
    data: 'epoch',
  });
  // the app's default: the paper's, with the curated scores, 2 benchmarks per version and no date cut-off
  expect(D).toEqual({ ...P, minBenchmarks: 2, from: undefined, data: 'all' });
  expect(CAPABILITY_DATA_CHOICES).toEqual(['epoch', 'all']);
  expect(CAPABILITY_BOUNDS).toEqual({
    lambda: { min: 0, max: 10, step: 0.01 },
    bound: { min: 1, max: 50, step: 1 },
    slope: { min: 0.01, max: 50, step: 0.01 },
    minBenchmarks: { min: 1, max: 20, step: 1 },
  });
});

test('two settings are the same only when every field is; the order of left-out benchmarks does not matter', () => {
  expect(sameSettings(P, { ...P, drop: [] })).toBe(true);
  expect(sameSettings({ ...P, drop: ['a', 'b'] }, { ...P, drop: ['b', 'a'] })).toBe(true);
  expect(sameSettings({ ...P, drop: ['b', 'a'] }, { ...P, drop: ['a', 'b'] })).toBe(true);
  for (const [field, change] of oneChange) {
    expect(sameSettings(P, { ...P, ...change }), field).toBe(false);
    expect(sameSettings({ ...P, ...change }, P), field).toBe(false);
  }
  expect(sameSettings({ ...P, drop: ['a', 'b'] }, { ...P, drop: ['a', 'c'] })).toBe(false);
  expect(sameSettings({ ...P, drop: ['a'] }, { ...P, drop: ['a', 'a'] })).toBe(false);
  // two lists that read the same once joined are still different lists
  expect(sameSettings({ ...P, drop: ['a,b'] }, { ...P, drop: ['a', 'b'] })).toBe(false);
});

test('the cache key changes with every field and not with the order of left-out benchmarks', () => {
  const keys = new Set([settingsKey(P), ...oneChange.map(([, c]) => settingsKey({ ...P, ...c }))]);
  expect(keys.size).toBe(oneChange.length + 1);
  expect(settingsKey({ ...P, drop: ['b', 'a'] })).toBe(settingsKey({ ...P, drop: ['a', 'b'] }));
  expect(settingsKey({ ...P, from: undefined })).toBe(settingsKey({ ...P, from: '' }));
  expect(settingsKey(P)).toBe('["winogrande",0.1,10,0.1,10,4,"2022-11-01",[],true,"epoch"]');
});

test('captions say what the settings are, in words', () => {
  expect(describeSettings(P)).toBe(
    'Published settings (Ho et al. 2025): Winogrande anchor, λ 0.1, ≥4 benchmarks per version, from 2022-11-01, Epoch data only',
  );
  expect(describeSettings(D, 'Winogrande')).toBe(
    "anchor Winogrande · λ 0.1 · C, D within ±10 · slopes 0.1–10 · ≥2 benchmarks per version · all dates · distilled models in · Epoch's + curated scores",
  );
  expect(describeSettings({ ...P, minBenchmarks: 1, distilled: false, drop: ['mmlu', 'gsm8k'], lambda: 0 })).toBe(
    "anchor winogrande · λ 0 · C, D within ±10 · slopes 0.1–10 · ≥1 benchmark per version · from 2022-11-01 · distilled models out · Epoch's scores only · left out: mmlu, gsm8k",
  );
});
