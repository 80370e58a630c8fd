/**
 * The one formatter for numbers and units. The UI never calls toFixed or toLocaleString itself:
 * 1.72e25 FLOP, 43.6M GPU-h, $5.58M, 55 GWh, 671B params, 35%.
 *
 * Precision follows what the reader does with the number:
 *   'compare' (default) 3 significant figures: tables, Compare, tooltips ($11.2M, 15.7×)
 *   'tight'   2: axis ticks and other cramped places ($11M, 1.7e25)
 *   'full'    5: the derivation card, where the arithmetic is checked ($11.152M, 1.716e25)
 */
export type UnitKind =
  | 'flop'
  | 'flop/s'
  | 'gpu-hours'
  | 'usd'
  | 'usd/gpu-hour'
  | 'usd/mtok'
  | 'mwh'
  | 'mw'
  | 'watts'
  | 'count'
  | 'params'
  | 'tokens'
  | 'fraction'
  | 'percent'
  | 'score'
  | 'ratio'
  | 'bytes'
  | 'bytes/s'
  | 'hours'
  /** a stitched capability (Ho et al. 2025 units: the anchor benchmark's difficulty is 0) */
  | 'capability'
  | 'usd/kwh'
  | 'years'
  | 'oom/year';

export type Precision = 'tight' | 'compare' | 'full';
const DIGITS: Record<Precision, number> = { tight: 2, compare: 3, full: 5 };

const SUFFIXES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 3 significant digits, trailing zeros dropped: 5.576 -> "5.58", 43.56 -> "43.6", 250 -> "250". */
export function sig(n: number, digits = 3): string {
  if (n === 0) return '0';
  const s = Number(n.toPrecision(digits));
  if (Math.abs(s) >= 10 ** digits) return String(Math.round(s));
  return String(s);
}

function scaled(n: number, digits = 3, minScale = 1e3): string {
  const abs = Math.abs(n);
  for (const [size, suffix] of SUFFIXES) {
    // a value that rounds up to the next unit at this precision is shown in it (999.96K -> 1M)
    if (size >= minScale && abs >= size * (1 - 0.5 * 10 ** -digits)) {
      const v = n / size;
      if (suffix === 'T' && Math.abs(v) >= 1000) break;
      return `${sig(v, digits)}${suffix}`;
    }
  }
  return sig(n, digits);
}

/** 1.7e25 style for FLOP-sized numbers (what papers and Epoch use). */
export function scientific(n: number, digits = 2): string {
  if (n === 0) return '0';
  const [mantissa, exp] = n.toExponential(digits - 1).split('e');
  const m = String(Number(mantissa));
  return `${m}e${Number(exp)}`;
}

function scaledUnit(n: number, units: readonly [number, string][], digits = 3): string {
  const abs = Math.abs(n);
  for (const [size, unit] of units)
    if (abs >= size * (1 - 0.5 * 10 ** -digits)) return `${sig(n / size, digits)} ${unit}`;
  const last = units[units.length - 1];
  return last ? `${sig(n / last[0], digits)} ${last[1]}` : sig(n, digits);
}

export function formatValue(n: number | undefined | null, kind: UnitKind, precision: Precision = 'compare'): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  const digits = DIGITS[precision];
  switch (kind) {
    case 'flop':
      return `${scientific(n, digits)} FLOP`;
    case 'flop/s':
      return scaledUnit(
        n,
        [
          [1e15, 'PFLOP/s'],
          [1e12, 'TFLOP/s'],
          [1e9, 'GFLOP/s'],
        ],
        digits,
      );
    case 'gpu-hours':
      return `${scaled(n, digits)} GPU-h`;
    case 'usd':
      return n < 0 ? `−$${scaled(-n, digits)}` : `$${scaled(n, digits)}`;
    case 'usd/gpu-hour':
      return `$${n.toFixed(2)}/GPU-h`;
    case 'usd/mtok':
      return `$${n < 1 ? sig(n, 2) : sig(n)}/M tok`;
    case 'mwh':
      return scaledUnit(
        n,
        [
          [1e6, 'TWh'],
          [1e3, 'GWh'],
          [1, 'MWh'],
          [1e-3, 'kWh'],
        ],
        digits,
      );
    case 'mw':
      return scaledUnit(
        n,
        [
          [1e3, 'GW'],
          [1, 'MW'],
          [1e-3, 'kW'],
        ],
        digits,
      );
    case 'watts':
      return `${Math.round(n).toLocaleString('en-US')} W`;
    case 'params':
      return scaled(n, digits);
    case 'tokens':
      return `${scaled(n, digits)} tokens`;
    case 'count':
      return Math.abs(n) >= 1e4 ? scaled(n, digits) : Math.round(n).toLocaleString('en-US');
    case 'fraction':
      return `${sig(n * 100, precision === 'full' ? 4 : digits)}%`;
    case 'percent':
      return `${sig(n, precision === 'tight' ? 2 : Math.max(3, digits))}%`;
    case 'score':
      return sig(n, 4);
    case 'ratio': {
      // a ratio past 100,000 (an interval's far end) reads as a power of ten, not a run of zeros
      const ratioDigits = Math.max(2, digits);
      return Math.abs(Number(n.toPrecision(ratioDigits))) >= 1e5
        ? `${scientific(n, ratioDigits)}×`
        : `${sig(n, ratioDigits)}×`;
    }
    case 'bytes':
      return scaledUnit(
        n,
        [
          [1e12, 'TB'],
          [1e9, 'GB'],
          [1e6, 'MB'],
        ],
        digits,
      );
    case 'bytes/s':
      return scaledUnit(
        n,
        [
          [1e12, 'TB/s'],
          [1e9, 'GB/s'],
          [1e6, 'MB/s'],
        ],
        digits,
      );
    case 'hours':
      return n >= 48 ? `${sig(n / 24, digits)} days` : `${sig(n, digits)} h`;
    case 'capability':
      // two decimals, as the paper reports capabilities; a true minus sign
      return n < 0 ? `−${(-n).toFixed(2)}` : n.toFixed(2);
    case 'usd/kwh':
      return `$${sig(n, 2)}/kWh`;
    case 'years':
      return `${sig(n, 2)} ${n === 1 ? 'year' : 'years'}`;
    case 'oom/year':
      return `${sig(n, 2)} OOM/year`;
  }
}

/**
 * "$60M–$110M", "43.7M–55.6M GPU-h": a unit word both ends share is written once (a range in a
 * table cell must stay narrow); collapses to one value when low and high format the same.
 */
export function formatRange(
  range: readonly [number, number],
  kind: UnitKind,
  precision: Precision = 'compare',
): string {
  const lo = formatValue(range[0], kind, precision);
  const hi = formatValue(range[1], kind, precision);
  if (lo === hi) return lo;
  const space = lo.indexOf(' ');
  const unitWord = space > 0 ? lo.slice(space) : '';
  if (unitWord && hi.endsWith(unitWord) && hi.indexOf(' ') === hi.length - unitWord.length)
    return `${lo.slice(0, space)}–${hi.slice(0, hi.length - unitWord.length)}${unitWord}`;
  return `${lo}–${hi}`;
}

/** A release date "2024-12" or "2024-12-26" as "Dec 2024". */
export function formatDate(iso: string): string {
  const [y, m] = iso.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = m ? months[Number(m) - 1] : undefined;
  return month ? `${month} ${y}` : (y ?? iso);
}
