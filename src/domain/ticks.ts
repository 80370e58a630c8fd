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
    if (t >= lo && t <= hi) out.push(t);
  }
  return out;
}

/** Powers of ten inside a log domain, so log axes read 1e23, 1e24… instead of arbitrary ticks. */
export function logTicks([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(10 ** e);
  if (out.length < 2) return [];
  const step = Math.ceil(out.length / 8);
  return out.filter((_, i) => i % step === 0);
}

/** The decades around a set of positive values: [10^floor(log min), 10^ceil(log max)]. */
export function decadeDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [1, 10];
  return [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
}
