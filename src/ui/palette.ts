/**
 * Colours shared by every chart: the source documents' amber for Chinese labs, blue for the United
 * States, violet for Europe, grey for the rest. The values live in styles.css (one per theme);
 * tests/unit/palette.test.ts proves them distinct under normal vision and simulated dichromacy.
 */
export const BLOC_COLORS: Record<string, string> = {
  China: 'var(--china)',
  'United States': 'var(--us)',
  Europe: 'var(--europe)',
  Other: 'var(--other)',
};
/** A second cue beside colour where lines cross (Blocs over time): Europe dashed, Other dotted. */
export const BLOC_DASH: Record<string, string | undefined> = { Europe: '7 4', Other: '2 3' };
export const OPEN_COLORS: Record<string, string> = { 'Open weights': 'var(--open)', 'Closed weights': 'var(--closed)' };
/** Okabe–Ito plus extras: distinguishable for common colour-vision deficiencies. */
const CATEGORICAL = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#D55E00',
  '#0072B2',
  '#CC79A7',
  '#8c6d31',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#9467bd',
  '#e377c2',
];

export function colorFor(key: string, keys: string[], by: 'bloc' | 'lab' | 'open'): string {
  if (by === 'bloc') return BLOC_COLORS[key] ?? 'var(--other)';
  if (by === 'open') return OPEN_COLORS[key] ?? 'var(--other)';
  const i = keys.indexOf(key);
  return i >= 0 ? (CATEGORICAL[i % CATEGORICAL.length] ?? '#7f7f7f') : '#7f7f7f';
}
