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

test('round steps: 1, 2, 2.5, 5 or 10 × a power of ten, the boundaries included; nonsense gives 1', () => {
  const cases: [number, number][] = [
    [1, 1],
    [0.1, 0.1],
    [1.01, 2],
    [2, 2],
    [2.2, 2.5],
    [2.5, 2.5],
    [2.6, 5],
    [5, 5],
    [5.1, 10],
    [9.9, 10],
    [250, 250],
    [0.003, 0.005],
  ];
  for (const [raw, step] of cases) expect([raw, niceStep(raw)]).toEqual([raw, step]);
  for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(niceStep(bad)).toBe(1);
});

test('year ticks: the step grows with the span (1, 2, 5, 10, 20 years) and ticks stay inside the domain', () => {
  const years = (a: number, b: number, monthA = 0, monthB = 0) =>
    yearTicks([Date.UTC(a, monthA, 1), Date.UTC(b, monthB, 1)]).map((t) => new Date(t).getUTCFullYear());
  expect(years(2016, 2024)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  expect(years(2010, 2026)).toEqual([2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026]);
  expect(years(1990, 2026)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025]);
  expect(years(1950, 2026)).toEqual([1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020]);
  expect(years(1900, 2026)).toEqual([1900, 1920, 1940, 1960, 1980, 2000, 2020]);
  // a domain starting after January 1st does not get that year's tick; one within a year gets none or one
  expect(years(2020, 2023, 5, 0)).toEqual([2021, 2022, 2023]);
  expect(years(2024, 2024, 2, 8)).toEqual([]);
  expect(years(2023, 2024, 6, 6)).toEqual([2024]);
});

test('log ticks: nothing for a domain that is not positive and increasing; ends included; thinning by whole decades', () => {
  expect(logTicks([0, 10])).toEqual([]);
  expect(logTicks([-1, 10])).toEqual([]);
  expect(logTicks([10, 10])).toEqual([]);
  expect(logTicks([100, 10])).toEqual([]);
  // the ends themselves are ticks
  expect(logTicks([1, 1000])).toEqual([1, 10, 100, 1000]);
  // 12 decades: one tick each; 13 decades: every other decade from the first
  expect(logTicks([1, 1e12])).toHaveLength(13);
  expect(logTicks([1, 1e13])).toEqual([1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12]);
  expect(logTicks([1, 1e24])).toEqual([1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12, 1e14, 1e16, 1e18, 1e20, 1e22, 1e24]);
  expect(logTicks([1, 1e25])).toEqual([1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1e21, 1e24]);
  // fill-in up to 2.5 decades only
  expect(logTicks([1, 10 ** 2.5])).toEqual([1, 2, 5, 10, 20, 50, 100, 200]);
  expect(logTicks([1, 1000])).toEqual([1, 10, 100, 1000]);
  // a single tick is no axis
  expect(logTicks([3, 4])).toEqual([]);
  expect(logTicks([8, 12])).toEqual([]);
});

test('a decade holding a point gets the 1, 2 or 5 nearest it, away from the axis ends when it can', () => {
  const rest = [1e7, 1e8, 1e9];
  // $3M–$4B: the $1M–$10M decade holds $3.5M; $5M is the nearest of 1, 2, 5 inside the axis
  expect(logTicks([3e6, 4e9], [3.5e6])).toEqual([5e6, ...rest]);
  // $2.1M on an axis starting at $2M: $2M would sit on the end, so $5M
  expect(logTicks([2e6, 3e9], [2.1e6])).toEqual([5e6, ...rest]);
  // only the end is inside: used rather than nothing
  expect(logTicks([5e6, 3e9], [5.2e6])).toEqual([5e6, ...rest]);
  // points that are not positive are ignored; a decade that has its power of ten is left alone
  expect(logTicks([3e6, 4e9], [0, -5, Number.NaN, 1.5e7])).toEqual(rest);
  // the nearest in log distance: 1.9 → 2, 4.4 → 5, 1.5 → 2 (1 is off the axis)
  expect(logTicks([1.5e6, 9.5e8], [1.9e6])).toEqual([2e6, 1e7, 1e8]);
  expect(logTicks([1.2e6, 9.5e8], [4.4e6])).toEqual([5e6, 1e7, 1e8]);
  expect(logTicks([1.05e6, 9.5e8], [1.5e6])).toEqual([2e6, 1e7, 1e8]);
  // thinned axes do not add per-point ticks
  expect(logTicks([1, 1e13], [3e5])).toEqual([1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12]);
});

test('decade domain: empty data gets 1–10; exact powers stay', () => {
  expect(decadeDomain([])).toEqual([1, 10]);
  expect(decadeDomain([1e3, 1e6])).toEqual([1e3, 1e6]);
  expect(decadeDomain([5])).toEqual([1, 10]);
});

test('linear ticks step by round amounts and never repeat a value', () => {
  expect(linearTicks([0, 10])).toEqual([0, 2, 4, 6, 8, 10]);
  expect(linearTicks([0, 1])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  expect(linearTicks([0.3, 0.9])).toEqual([0.4, 0.6, 0.8]);
  expect(linearTicks([0, 25])).toEqual([0, 5, 10, 15, 20, 25]);
  // a hairline domain at a large value: steps below the value's precision round to one tick
  for (const width of [1e6, 1e8, 1e9]) {
    const t = linearTicks([8.4e22, 8.4e22 + width]);
    expect(new Set(t).size, String(width)).toBe(t.length);
  }
});
