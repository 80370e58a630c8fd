import { expect, test } from 'vitest';
import {
  colourDifference,
  contrastRatio,
  deltaE2000,
  parseCssRgb,
  parseHex,
  rgbToLab,
  simulate,
} from '../../src/domain/color';

// Sharma, Wu & Dalal (2005), Table 1: independent reference pairs for CIEDE2000
const SHARMA: [[number, number, number], [number, number, number], number][] = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [61, -5, 29], 22.8977],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

test('CIEDE2000 matches the published test pairs of Sharma et al. 2005 to 4 decimals', () => {
  for (const [a, b, expected] of SHARMA) {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
    // the formula is symmetric
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
  }
});

test('sRGB to CIELAB: white, black and pure red land on their textbook coordinates', () => {
  const white = rgbToLab(parseHex('#ffffff'));
  expect(white[0]).toBeCloseTo(100, 2);
  expect(Math.abs(white[1])).toBeLessThan(0.01);
  expect(rgbToLab(parseHex('#000'))[0]).toBeCloseTo(0, 5);
  const red = rgbToLab(parseHex('#ff0000'));
  expect(red[0]).toBeCloseTo(53.24, 1);
  expect(red[1]).toBeCloseTo(80.09, 1);
  expect(red[2]).toBeCloseTo(67.2, 1);
});

test('dichromacy simulation: greys are unchanged, red and green collapse for red-green blindness only', () => {
  for (const v of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
    const grey = simulate([128, 128, 128], v);
    for (const c of grey) expect(c).toBeCloseTo(128, 0);
  }
  const red = parseHex('#d62728');
  const green = parseHex('#2ca02c');
  expect(colourDifference(red, green)).toBeGreaterThan(50);
  expect(colourDifference(red, green, 'deuteranopia')).toBeLessThan(15);
  expect(colourDifference(red, green, 'protanopia')).toBeLessThan(25);
  // blue and yellow stay apart for red-green dichromats but not for tritanopes
  const blue = parseHex('#1f77b4');
  const yellow = parseHex('#e0c020');
  expect(colourDifference(blue, yellow, 'deuteranopia')).toBeGreaterThan(40);
});

test('parses the colours getComputedStyle returns', () => {
  expect(parseCssRgb('rgb(58, 142, 230)')).toEqual([58, 142, 230]);
  expect(parseCssRgb('#3a8ee6')).toEqual([58, 142, 230]);
  expect(() => parseHex('blue')).toThrow(/not a hex colour/);
});

test('WCAG contrast: black on white is 21:1', () => {
  expect(contrastRatio(parseHex('#000'), parseHex('#fff'))).toBeCloseTo(21, 5);
});
