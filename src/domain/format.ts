/**
 * The one formatter for numbers and units. The UI never calls toFixed or toLocaleString itself:
 * 1.7e25 FLOP, 43.6M GPU-h, $5.58M, 55 GWh, 671B params, 35%.
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

function scaled(n: number, minScale = 1e3): string {
  const abs = Math.abs(n);
  for (const [size, suffix] of SUFFIXES) {
    if (size >= minScale && abs >= size * 0.9995) {
      const v = n / size;
      if (suffix === 'T' && Math.abs(v) >= 1000) break;
      return `${sig(v)}${suffix}`;
    }
  }
  return sig(n);
}

/** 1.7e25 style for FLOP-sized numbers (what papers and Epoch use). */
export function scientific(n: number, digits = 2): string {
  if (n === 0) return '0';
  const [mantissa, exp] = n.toExponential(digits - 1).split('e');
  const m = String(Number(mantissa));
  return `${m}e${Number(exp)}`;
}

function scaledUnit(n: number, units: readonly [number, string][]): string {
  const abs = Math.abs(n);
  for (const [size, unit] of units) if (abs >= size * 0.9995) return `${sig(n / size)} ${unit}`;
  const last = units[units.length - 1];
  return last ? `${sig(n / last[0])} ${last[1]}` : sig(n);
}

export function formatValue(n: number | undefined | null, kind: UnitKind): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  switch (kind) {
    case 'flop':
      return `${scientific(n)} FLOP`;
    case 'flop/s':
      return scaledUnit(n, [
        [1e15, 'PFLOP/s'],
        [1e12, 'TFLOP/s'],
        [1e9, 'GFLOP/s'],
      ]);
    case 'gpu-hours':
      return `${scaled(n)} GPU-h`;
    case 'usd':
      return n < 0 ? `−$${scaled(-n)}` : `$${scaled(n)}`;
    case 'usd/gpu-hour':
      return `$${n.toFixed(2)}/GPU-h`;
    case 'usd/mtok':
      return `$${n < 1 ? sig(n, 2) : sig(n)}/M tok`;
    case 'mwh':
      return scaledUnit(n, [
        [1e6, 'TWh'],
        [1e3, 'GWh'],
        [1, 'MWh'],
        [1e-3, 'kWh'],
      ]);
    case 'mw':
      return scaledUnit(n, [
        [1e3, 'GW'],
        [1, 'MW'],
        [1e-3, 'kW'],
      ]);
    case 'watts':
      return `${Math.round(n).toLocaleString('en-US')} W`;
    case 'params':
      return `${scaled(n)}`;
    case 'tokens':
      return `${scaled(n)} tokens`;
    case 'count':
      return Math.abs(n) >= 1e4 ? scaled(n) : Math.round(n).toLocaleString('en-US');
    case 'fraction':
      return `${sig(n * 100, 2)}%`;
    case 'percent':
      return `${sig(n)}%`;
    case 'score':
      return sig(n, 4);
    case 'ratio':
      return `${sig(n, n >= 100 ? 3 : 2)}×`;
    case 'bytes':
      return scaledUnit(n, [
        [1e12, 'TB'],
        [1e9, 'GB'],
        [1e6, 'MB'],
      ]);
    case 'bytes/s':
      return scaledUnit(n, [
        [1e12, 'TB/s'],
        [1e9, 'GB/s'],
        [1e6, 'MB/s'],
      ]);
    case 'hours':
      return n >= 48 ? `${sig(n / 24)} days` : `${sig(n)} h`;
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

/** "$60M–110M" style; collapses to one value when low and high format the same. */
export function formatRange(range: readonly [number, number], kind: UnitKind): string {
  const lo = formatValue(range[0], kind);
  const hi = formatValue(range[1], kind);
  if (lo === hi) return lo;
  return `${lo}–${hi}`;
}

/** A release date "2024-12" or "2024-12-26" as "Dec 2024". */
export function formatDate(iso: string): string {
  const [y, m] = iso.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = m ? months[Number(m) - 1] : undefined;
  return month ? `${month} ${y}` : (y ?? iso);
}
