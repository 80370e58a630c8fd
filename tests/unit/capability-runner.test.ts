/**
 * The capability worker's request handler, run in-thread on the bundled data: one result per fit
 * request (cached per settings), progress at most 50 times and always at the end of a bootstrap,
 * and an error message, never a throw, when the settings cannot be fitted.
 */
import { expect, test } from 'vitest';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { runCapabilityRequest, type CapabilityResponse } from '../../src/data/capabilityRunner';
import { DEFAULT_CAPABILITY_SETTINGS, settingsKey } from '../../src/domain/capability/settings';

const curated = () => ({ models: loadCurated().models, benchmarks: loadReference().benchmarks });
const run = async (req: Parameters<typeof runCapabilityRequest>[0]) => {
  const posted: CapabilityResponse[] = [];
  await runCapabilityRequest(req, (msg) => posted.push(msg));
  return posted;
};

test('a fit request posts one result under its id and settings key; the same settings again reuse the fit', async () => {
  const settings = DEFAULT_CAPABILITY_SETTINGS;
  const before = performance.now();
  const first = await run({ type: 'fit', id: 7, settings, curated: curated() });
  const took = performance.now() - before;
  expect(first).toHaveLength(1);
  const [msg] = first;
  if (msg?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(msg)}`);
  expect(msg.id).toBe(7);
  expect(msg.result.key).toBe(settingsKey(settings));
  expect(msg.result.versions.length).toBeGreaterThan(50);
  // the time the request took, measured inside it
  expect(msg.ms).toBeGreaterThanOrEqual(0);
  expect(msg.ms).toBeLessThanOrEqual(took);
  const again = await run({ type: 'fit', id: 8, settings: { ...settings }, curated: curated() });
  expect(again[0]?.type === 'result' && again[0].result).toBe(msg.result);
  expect(again[0]?.id).toBe(8);
});

test('a bootstrap reports progress every 2% (at most 50 times) and at its last resample, then its intervals', async () => {
  const settings = DEFAULT_CAPABILITY_SETTINGS;
  const before = performance.now();
  const posted = await run({ type: 'bootstrap', id: 3, settings, curated: curated(), iterations: 75, seed: 1 });
  const took = performance.now() - before;
  const progress = posted.filter((m) => m.type === 'progress');
  // every round(75 / 50) = 2 resamples, and the 75th
  expect(progress.map((m) => m.type === 'progress' && m.done)).toEqual([
    ...Array.from({ length: 37 }, (_, i) => 2 * (i + 1)),
    75,
  ]);
  expect(progress.every((m) => m.type === 'progress' && m.total === 75 && m.id === 3)).toBe(true);
  const last = posted.at(-1);
  if (last?.type !== 'intervals') throw new Error(`expected intervals last, got ${JSON.stringify(last)}`);
  expect(last.id).toBe(3);
  expect(last.ms).toBeGreaterThan(0);
  expect(last.ms).toBeLessThanOrEqual(took);
  expect(last.intervals.key).toBe(settingsKey(settings));
  expect(last.intervals.resamples).toBeGreaterThan(0);
  expect(last.intervals.resamples).toBeLessThanOrEqual(75);
  // three resamples: progress after each (every max(1, round(3 / 50)) = 1)
  const few = await run({ type: 'bootstrap', id: 4, settings, curated: curated(), iterations: 3, seed: 1 });
  expect(few.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.done)).toEqual([1, 2, 3]);
});

test('settings that cannot be fitted post an error naming the problem', async () => {
  const settings = { ...DEFAULT_CAPABILITY_SETTINGS, anchor: 'no-such-benchmark' };
  const posted = await run({ type: 'fit', id: 5, settings, curated: curated() });
  expect(posted).toEqual([
    { type: 'error', id: 5, message: 'anchor benchmark "no-such-benchmark" is not in the data' },
  ]);
});

test('the worker keeps the last 20 fits: the 21st setting evicts the oldest, which is then fitted afresh', async () => {
  // small fits (versions since September 2025, anchored on GPQA diamond): each setting a distinct λ
  const settings = (i: number) => ({
    ...DEFAULT_CAPABILITY_SETTINGS,
    anchor: 'gpqa-diamond',
    from: '2025-09-01',
    lambda: 0.2 + i / 1000,
  });
  const fit = async (i: number) => {
    const [msg] = await run({ type: 'fit', id: i, settings: settings(i), curated: curated() });
    if (msg?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(msg)}`);
    return msg.result;
  };
  const oldest = await fit(0);
  for (let i = 1; i < 20; i++) await fit(i);
  // twenty settings held: the oldest is still the same fit
  expect(await fit(0)).toBe(oldest);
  await fit(20);
  const refitted = await fit(0);
  expect(refitted).not.toBe(oldest);
  expect(refitted.key).toBe(oldest.key);
});
