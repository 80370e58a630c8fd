import { describe, expect, test } from 'vitest';
import { formatDate, formatRange, formatValue, scientific, sig } from '../../src/domain/format';

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
  // a ratio stays a plain number up to 100,000, then reads as a power of ten
  expect(formatValue(15.65, 'ratio')).toBe('15.7×');
  expect(formatValue(99_900, 'ratio')).toBe('99900×');
  expect(formatValue(99_999, 'ratio')).toBe('1e5×');
  expect(formatValue(5.05e9, 'ratio')).toBe('5.05e9×');
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

describe('every unit a reader sees', () => {
  test.each([
    // cluster power: kW, MW, GW
    [5.6, 'mw', '5.6 MW'],
    [1500, 'mw', '1.5 GW'],
    [0.75, 'mw', '750 kW'],
    [0.0004, 'mw', '0.4 kW'],
    [15e12, 'tokens', '15T tokens'],
    [999, 'tokens', '999 tokens'],
    // counts: whole numbers with separators below 10,000, then K/M
    [9999, 'count', '9,999'],
    [1234.4, 'count', '1,234'],
    [12345, 'count', '12.3K'],
    [25000, 'count', '25K'],
    [-12345, 'count', '-12.3K'],
    [42.1234, 'percent', '42.1%'],
    [3.2e12, 'bytes', '3.2 TB'],
    [80e9, 'bytes', '80 GB'],
    [5e6, 'bytes', '5 MB'],
    [2000, 'bytes', '0.002 MB'],
    [3.35e12, 'bytes/s', '3.35 TB/s'],
    [900e9, 'bytes/s', '900 GB/s'],
    [2e6, 'bytes/s', '2 MB/s'],
    [12, 'hours', '12 h'],
    [47.9, 'hours', '47.9 h'],
    [48, 'hours', '2 days'],
    [-1.234, 'capability', '−1.23'],
    [1.234, 'capability', '1.23'],
    [0, 'capability', '0.00'],
    [0.08, 'usd/kwh', '$0.08/kWh'],
    [1, 'years', '1 year'],
    [2.5, 'years', '2.5 years'],
    [0.14, 'oom/year', '0.14 OOM/year'],
    [87.456, 'score', '87.46'],
    [3.456, 'usd/mtok', '$3.46/M tok'],
    [0.123, 'usd/mtok', '$0.12/M tok'],
    [5e9, 'flop/s', '5 GFLOP/s'],
    [2e18, 'flop/s', '2000 PFLOP/s'],
    [0.5, 'mwh', '500 kWh'],
    [2e6, 'mwh', '2 TWh'],
    [999.96e9, 'params', '1T'],
    [999, 'params', '999'],
    [1234.5, 'watts', '1,235 W'],
    [0, 'flop', '0 FLOP'],
    [0.5, 'ratio', '0.5×'],
  ] as const)('%d as %s → %s', (n, kind, out) => {
    expect(formatValue(n, kind)).toBe(out);
  });
  test('infinity is a sign and ∞, a negative amount of money a true minus before the dollar', () => {
    expect(formatValue(Infinity, 'usd')).toBe('∞');
    expect(formatValue(-Infinity, 'usd')).toBe('−∞');
    expect(formatValue(Infinity, 'ratio')).toBe('∞');
    expect(formatValue(null, 'count')).toBe('—');
    expect(formatValue(-5.576e6, 'usd')).toBe('−$5.58M');
    expect(formatValue(-294, 'usd')).toBe('−$294');
    expect(formatValue(0, 'usd')).toBe('$0');
  });
  test('percent and fraction keep at least 3 figures except where tight; the card shows 4 for a fraction', () => {
    expect(formatValue(42.1234, 'percent', 'tight')).toBe('42%');
    expect(formatValue(42.1234, 'percent', 'full')).toBe('42.123%');
    expect(formatValue(0.123456, 'fraction', 'full')).toBe('12.35%');
    expect(formatValue(0.123456, 'fraction', 'tight')).toBe('12%');
    expect(formatValue(1.2345, 'ratio', 'tight')).toBe('1.2×');
  });
  test('sig and scientific: zero, rounding up to the next power of ten, small numbers', () => {
    expect(sig(0)).toBe('0');
    expect(sig(123456)).toBe('123000');
    expect(sig(999.6)).toBe('1000');
    expect(sig(-0.0012345)).toBe('-0.00123');
    expect(sig(1234.5, 2)).toBe('1200');
    expect(scientific(0)).toBe('0');
    expect(scientific(1.5e-3)).toBe('1.5e-3');
    expect(scientific(9.96e24)).toBe('1e25');
  });
  test('ranges share a unit word only when both ends have that one word', () => {
    expect(formatRange([1, 2], 'mw')).toBe('1–2 MW');
    expect(formatRange([0.5, 2], 'mw')).toBe('500 kW–2 MW');
    expect(formatRange([5, 5.0001], 'usd')).toBe('$5');
    expect(formatRange([1e6, 2e6], 'count')).toBe('1M–2M');
    expect(formatRange([40, 50], 'hours')).toBe('40 h–2.08 days');
  });
  test('a value that rounds up to the next unit is shown in it; trailing zeros are dropped', () => {
    expect(formatValue(0.9996, 'mw')).toBe('1 MW');
    expect(formatValue(0.9994, 'mw')).toBe('999 kW');
    expect(formatValue(999.6e12, 'flop/s')).toBe('1 PFLOP/s');
    expect(formatValue(10_000, 'count')).toBe('10K');
    expect(formatValue(1e25, 'flop')).toBe('1e25 FLOP');
    expect(formatValue(1.5e25, 'flop', 'full')).toBe('1.5e25 FLOP');
  });
  test('dates: a year alone, or an impossible month, shows the year', () => {
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate('2024-13')).toBe('2024');
    expect(formatDate('2024-01-05')).toBe('Jan 2024');
  });
});
