import { expect, test } from 'vitest';
import { formatDate, formatRange, formatValue } from '../../src/domain/format';

test.each([
  [1.716e25, 'flop', '1.72e25 FLOP'],
  [43.6e6, 'gpu-hours', '43.6M GPU-h'],
  [2.788e6, 'gpu-hours', '2.79M GPU-h'],
  [5.576e6, 'usd', '$5.58M'],
  [294e3, 'usd', '$294K'],
  [55_000, 'mwh', '55 GWh'],
  [671e9, 'params', '671B'],
  [1.8e12, 'params', '1.8T'],
  [0.35, 'fraction', '35%'],
  [2, 'usd/gpu-hour', '$2.00/GPU-h'],
  [0.14, 'usd/mtok', '$0.14/M tok'],
  [700, 'watts', '700 W'],
  [989.5e12, 'flop/s', '990 TFLOP/s'],
  [2280, 'hours', '95 days'],
  [17, 'ratio', '17×'],
  [15.66, 'ratio', '15.7×'],
  [0.3336, 'fraction', '33.4%'],
] as const)('%d as %s → %s', (n, kind, out) => {
  expect(formatValue(n, kind)).toBe(out);
});

test('unknown renders as a dash, never as 0', () => {
  expect(formatValue(undefined, 'usd')).toBe('—');
  expect(formatValue(Number.NaN, 'usd')).toBe('—');
});

test('ranges and dates', () => {
  expect(formatRange([60e6, 110e6], 'usd')).toBe('$60M–$110M');
  expect(formatRange([5e6, 5e6], 'usd')).toBe('$5M');
  // a unit word both ends share is written once; different words stay on both ends
  expect(formatRange([43.7e6, 55.6e6], 'gpu-hours')).toBe('43.7M–55.6M GPU-h');
  expect(formatRange([1.72e25, 2.18e25], 'flop')).toBe('1.72e25–2.18e25 FLOP');
  expect(formatRange([1, 2], 'years')).toBe('1 year–2 years');
  expect(formatDate('2024-12-26')).toBe('Dec 2024');
});

test('precision follows the reader: 3 figures to compare, 2 where tight, 5 in the derivation card', () => {
  // DeepSeek-V3 at $4/GPU-hour: 2.788M × $4 = $11.152M
  expect(formatValue(11.152e6, 'usd')).toBe('$11.2M');
  expect(formatValue(11.152e6, 'usd', 'tight')).toBe('$11M');
  expect(formatValue(11.152e6, 'usd', 'full')).toBe('$11.152M');
  expect(formatValue(1.716e25, 'flop', 'tight')).toBe('1.7e25 FLOP');
  expect(formatValue(1.716e25, 'flop', 'full')).toBe('1.716e25 FLOP');
  expect(formatValue(2.788e6, 'gpu-hours', 'full')).toBe('2.788M GPU-h');
  expect(formatValue(999_960, 'gpu-hours')).toBe('1M GPU-h');
  expect(formatRange([60e6, 110e6], 'usd', 'tight')).toBe('$60M–$110M');
});
