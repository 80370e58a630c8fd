import { expect, test } from 'vitest';
import { decadeDomain, linearTicks, logTicks, niceStep, yearTicks } from '../../src/domain/ticks';

test('log axes tick at powers of ten, thinned only when there are more than a dozen decades', () => {
  expect(logTicks([2e6, 3e9])).toEqual([1e7, 1e8, 1e9]);
  expect(logTicks([1, 1e20]).length).toBeLessThanOrEqual(13);
  expect(logTicks([1, 1e10])).toHaveLength(11);
});

test('every decade that holds a point has a tick: no bare $1M–$10M stretch under the cheapest models', () => {
  // the default scatter: training costs from ~$2.9M to ~$2B on a padded domain
  const costs = [2.93e6, 3.2e6, 3.99e6, 5.3e6, 14.6e6, 87.3e6, 289e6, 1.9e9];
  const t = logTicks([2.4e6, 2.6e9], costs);
  expect(t).toEqual([5e6, 1e7, 1e8, 1e9]);
  for (const v of costs) expect(t.some((x) => x >= 10 ** Math.floor(Math.log10(v)) && x < v * 10)).toBe(true);
});

test('short log axes fill in 2× and 5× ticks', () => {
  expect(logTicks([2, 5])).toEqual([2, 5]);
  expect(logTicks([0.15, 30])).toEqual([0.2, 0.5, 1, 2, 5, 10, 20]);
});

test('decade domains and round linear steps', () => {
  expect(decadeDomain([0.14, 30])).toEqual([0.1, 100]);
  expect(niceStep(17)).toBe(20);
  expect(niceStep(0.3)).toBe(0.5);
  expect(linearTicks([40, 100])).toEqual([40, 60, 80, 100]);
});

test('a zero-width or hairline linear domain at a large value gives one tick instead of freezing the page', () => {
  // one model on the axis (an imported single-model dataset): the domain collapses to its value
  expect(linearTicks([8.4e22, 8.4e22])).toEqual([8.4e22]);
  expect(linearTicks([8.4e22, 8.4e22 + 1e6]).length).toBeLessThanOrEqual(2);
  expect(linearTicks([-1, 1])).toEqual([-1, -0.5, 0, 0.5, 1]);
});

test('date axes tick on January 1st of round years', () => {
  const t = yearTicks([Date.UTC(2019, 5, 1), Date.UTC(2026, 5, 1)]);
  expect(t.map((x) => new Date(x).getUTCFullYear())).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
});
