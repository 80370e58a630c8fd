/** Axis ticks and domains people read without effort: round steps, decades, whole years. */

/** 1, 2, 2.5 or 5 times a power of ten: tick steps people read without effort. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

export function linearTicks([lo, hi]: [number, number]): number[] {
  const step = niceStep((hi - lo) / 5);
  const out: number[] = [];
  // counted with a small integer, not by `v += step`: on a zero-width domain at a large value (one
  // imported model at 8.4e22 FLOP) the step is below the value's precision and `v` never grows
  const first = Math.ceil(lo / step);
  const count = Math.floor(hi / step + 1e-9) - first;
  for (let k = 0; k <= count; k++) {
    const v = Number(((first + k) * step).toPrecision(12));
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/** January 1st of round years (every 1, 2, 5, 10 or 20 years) inside a date domain in ms. */
export function yearTicks([lo, hi]: [number, number]): number[] {
  const y0 = new Date(lo).getUTCFullYear();
  const y1 = new Date(hi).getUTCFullYear();
  const span = Math.max(1, y1 - y0);
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s <= 8) ?? 100;
  const out: number[] = [];
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
    const t = Date.UTC(y, 0, 1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: January 1st of the domain's last year is never after its end
    if (t >= lo && t <= hi) out.push(t);
  }
  return out;
}

/** Above this many decades one tick a decade crowds the axis; powers of ten are then thinned. */
const MAX_DECADE_TICKS = 12;
/** Up to this many decades, 2× and 5× ticks fill in between the powers of ten. */
const FILL_IN_DECADES = 2.5;

/**
 * Ticks for a log axis: the powers of ten inside the domain (1e23, 1e24…, $10M, $100M), with 2×
 * and 5× between them on short axes, and a tick in every decade that holds a point, so no stretch
 * of data sits under a bare axis ($2.9M–$9M gets "$5M" even though $1M is off the axis).
 */
export function logTicks([lo, hi]: [number, number], values: readonly number[] = []): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const ticks = new Set<number>();
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  const decades = Math.log10(hi / lo);
  // Stryker disable next-line EqualityOperator: at exactly 12 decades both give a step of 1
  const step = decades > MAX_DECADE_TICKS ? Math.ceil(decades / MAX_DECADE_TICKS) : 1;
  for (let e = e0; e <= e1; e++) if ((e - e0) % step === 0) ticks.add(clean(10 ** e));
  const inside = (t: number) => t >= lo && t <= hi;
  if (decades <= FILL_IN_DECADES)
    for (let e = e0 - 1; e <= e1; e++) for (const m of [2, 5]) if (inside(m * 10 ** e)) ticks.add(clean(m * 10 ** e));
  if (step === 1)
    for (const v of values) {
      if (!(v > 0)) continue;
      const d = Math.floor(Math.log10(v) + 1e-9);
      if ([...ticks].some((t) => t >= 10 ** d && t < 10 ** (d + 1))) continue;
      // the 1, 2 or 5 of that decade nearest the point, kept clear of the axis's lower end where it can
      // be (a decade without a tick is the lowest, partial one: the upper end is decades away)
      const options = [1, 2, 5].map((m) => clean(m * 10 ** d)).filter(inside);
      const clear = options.filter((t) => t > lo * 1.1);
      const pick = (clear.length > 0 ? clear : options).sort(
        (a, b) => Math.abs(Math.log10(a / v)) - Math.abs(Math.log10(b / v)),
      )[0];
      if (pick !== undefined) ticks.add(pick);
    }
  const out = [...ticks].sort((a, b) => a - b);
  return out.length >= 2 ? out : [];
}

/** 2 × 10^-1 is 0.2, not 0.20000000000000001. */
const clean = (n: number) => Number(n.toPrecision(12));

/** The decades around a set of positive values: [10^floor(log min), 10^ceil(log max)]. */
export function decadeDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [1, 10];
  return [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
}
