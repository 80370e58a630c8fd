/**
 * Branded unit types: a GPU-hour count passed where FLOP is expected fails to compile.
 * Values are base units; scaling to M/B/T happens only in `format.ts`.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** floating-point operations (a count, not a rate) */
export type Flop = Brand<number, 'flop'>;
/** floating-point operations per second */
export type FlopPerSec = Brand<number, 'flop/s'>;
/** accelerator-hours (chip count × wall-clock hours) */
export type GpuHours = Brand<number, 'gpu-hours'>;
export type Usd = Brand<number, 'usd'>;
export type UsdPerGpuHour = Brand<number, 'usd/gpu-hour'>;
export type Watts = Brand<number, 'watts'>;
/** megawatt-hours of facility energy (IT energy × PUE) */
export type Mwh = Brand<number, 'mwh'>;
/** megawatts of facility power */
export type Megawatts = Brand<number, 'mw'>;
/** a fraction in (0, 1]: model FLOP utilisation */
export type Fraction = Brand<number, 'fraction'>;
/** parameters or tokens */
export type Count = Brand<number, 'count'>;

export const SECONDS_PER_HOUR = 3600;
export const WATTS_PER_MEGAWATT = 1e6;

/** A closed low–high interval; every estimate carries one (collapsed to a point when exact). */
export type Range<T extends number = number> = readonly [T, T];
