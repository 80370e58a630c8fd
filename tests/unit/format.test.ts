import { expect, test } from 'vitest';
import { formatDate, formatRange, formatValue } from '../../src/domain/format';

test.each([
  [1.716e25, 'flop', '1.7e25 FLOP'],
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
  expect(formatDate('2024-12-26')).toBe('Dec 2024');
});
