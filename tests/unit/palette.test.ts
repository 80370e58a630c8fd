/**
 * The bloc palette as the app ships it (read from styles.css, both themes) must stay apart for
 * every reader: normal vision and the three dichromacies simulated after Machado et al. 2009.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { colourDifference, contrastRatio, parseHex, VISIONS } from '../../src/domain/color';

/** ΔE2000 ≥ 20 reads as "a different colour" at a glance even for small marks (Sharma 2005 puts a JND near 1–2). */
const BLOC_MIN_DE = 20;
/** the grey for "Other" may sit closer, but never within a glance's reach of a bloc colour */
const OTHER_MIN_DE = 15;
/** WCAG 2.x non-text contrast (1.4.11) for chart marks against the panel */
const MARK_MIN_CONTRAST = 3;

const css = readFileSync(resolve(import.meta.dirname, '../../src/styles.css'), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`styles.css has no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1], m[2]]));
}

const light = block(':root');
const THEMES = { light, dark: { ...light, ...block(":root[data-theme='dark']") } };

for (const [theme, vars] of Object.entries(THEMES)) {
  const c = (name: string) => {
    const v = vars[name];
    if (!v) throw new Error(`--${name} missing in the ${theme} theme`);
    return parseHex(v);
  };
  test(`${theme} theme: United States and Europe differ by ΔE2000 ≥ ${BLOC_MIN_DE} for every kind of vision`, () => {
    for (const v of VISIONS) expect(colourDifference(c('us'), c('europe'), v), v).toBeGreaterThanOrEqual(BLOC_MIN_DE);
  });
  test(`${theme} theme: China's amber stays apart from both, and Other's grey from all three`, () => {
    for (const v of VISIONS) {
      expect(colourDifference(c('china'), c('us'), v), `china/us ${v}`).toBeGreaterThanOrEqual(BLOC_MIN_DE);
      expect(colourDifference(c('china'), c('europe'), v), `china/europe ${v}`).toBeGreaterThanOrEqual(BLOC_MIN_DE);
      for (const bloc of ['china', 'us', 'europe'])
        expect(colourDifference(c('other'), c(bloc), v), `other/${bloc} ${v}`).toBeGreaterThanOrEqual(OTHER_MIN_DE);
    }
  });
  test(`${theme} theme: every bloc mark has ${MARK_MIN_CONTRAST}:1 contrast on the panel, and bloc text 4.5:1`, () => {
    for (const bloc of ['china', 'us', 'europe', 'other'])
      expect(contrastRatio(c(bloc), c('panel')), bloc).toBeGreaterThanOrEqual(MARK_MIN_CONTRAST);
    for (const text of ['china-text', 'us-text', 'europe-text', 'other-text'])
      expect(contrastRatio(c(text), c('panel')), text).toBeGreaterThanOrEqual(4.5);
  });
}

test('the amber of the source documents stays the colour of Chinese labs', () => {
  // hue of an amber: red > green > blue, in both themes
  for (const vars of Object.values(THEMES)) {
    const [r, g, b] = parseHex(vars.china ?? '');
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  }
});
