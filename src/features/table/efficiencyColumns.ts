/**
 * Efficiency metrics for the benchmark on the chart's y axis: score per $M of training, per MWh,
 * cost per point, blended API price (input:output ratio) and price per point, plus FLOP per token.
 * Each is a computed value that names its inputs, like every other estimate.
 */
import type { Benchmark, Sourced } from '../../data/schema';
import type { InputUsed, Quantity } from '../../domain/estimate';
import type { Row } from '../../store/selectors';
import type { ValueColumn } from './columns';

const inputOf = (label: string, v: Sourced | Quantity<number>, unit: InputUsed['unit']): InputUsed => ({
  label,
  value: v.value,
  unit,
  status: 'provenance' in v ? v.provenance : v.status,
  ...(v.source ? { source: v.source } : {}),
});

const derived = (
  value: number,
  method: string,
  inputs: InputUsed[],
  movesWith: Quantity<number>['movesWith'],
): Quantity<number> => ({
  value,
  range: [value, value],
  provenance: 'computed',
  method,
  inputs,
  movesWith,
});

/** Blended price per million tokens for `ratio` input tokens per output token. */
export function blendedPrice(input: number, output: number, ratio: number): number {
  return (ratio * input + output) / (ratio + 1);
}

export function efficiencyColumns(bench: Benchmark | undefined, ioRatio: number): ValueColumn[] {
  const cols: ValueColumn[] = [
    {
      id: 'flopPerToken',
      header: 'Training FLOP per token (6·N)',
      unit: 'flop',
      get: (r) => r.estimate.flopPerToken,
      defaultVisible: false,
      group: 'estimate',
    },
  ];
  const blended = (r: Row) => {
    const i = r.model.usdPerMillionInputTokens;
    const o = r.model.usdPerMillionOutputTokens;
    if (!i || !o) return undefined;
    return derived(
      blendedPrice(i.value, o.value, ioRatio),
      `(${ioRatio} × input + output) ÷ ${ioRatio + 1}`,
      [inputOf('input price', i, 'usd/mtok'), inputOf('output price', o, 'usd/mtok')],
      [],
    );
  };
  cols.push({
    id: 'blendedPrice',
    header: `API price, blended ${ioRatio}:1 ($/M tok)`,
    unit: 'usd/mtok',
    get: blended,
    defaultVisible: false,
    group: 'price',
  });
  if (!bench) return cols;
  const score = (r: Row) => r.model.benchmarks[bench.id];
  const name = bench.name;
  cols.push(
    {
      id: 'scorePerMusd',
      header: `${name} points per $M of training`,
      unit: 'score',
      defaultVisible: false,
      group: 'estimate',
      get: (r) => {
        const s = score(r);
        const c = r.estimate.totalCostUsd ?? r.estimate.costUsd;
        return s && c && c.value > 0
          ? derived(
              s.value / (c.value / 1e6),
              'score ÷ training cost in $M',
              [inputOf(name, s, 'score'), inputOf('training cost', c, 'usd')],
              c.movesWith,
            )
          : undefined;
      },
    },
    {
      id: 'scorePerMwh',
      header: `${name} points per MWh of training`,
      unit: 'score',
      defaultVisible: false,
      group: 'estimate',
      get: (r) => {
        const s = score(r);
        const e = r.estimate.totalEnergyMwh ?? r.estimate.energyMwh;
        return s && e && e.value > 0
          ? derived(
              s.value / e.value,
              'score ÷ training energy in MWh',
              [inputOf(name, s, 'score'), inputOf('training energy', e, 'mwh')],
              e.movesWith,
            )
          : undefined;
      },
    },
    {
      id: 'costPerPoint',
      header: `Training cost per ${name} point`,
      unit: 'usd',
      defaultVisible: false,
      group: 'estimate',
      get: (r) => {
        const s = score(r);
        const c = r.estimate.totalCostUsd ?? r.estimate.costUsd;
        return s && c && s.value > 0
          ? derived(
              c.value / s.value,
              'training cost ÷ score',
              [inputOf('training cost', c, 'usd'), inputOf(name, s, 'score')],
              c.movesWith,
            )
          : undefined;
      },
    },
    {
      id: 'pricePerPoint',
      header: `Blended API price per ${name} point ($/M tok)`,
      unit: 'usd/mtok',
      defaultVisible: false,
      group: 'price',
      get: (r) => {
        const s = score(r);
        const b = blended(r);
        return s && b && s.value > 0
          ? derived(b.value / s.value, 'blended API price ÷ score', [...b.inputs, inputOf(name, s, 'score')], [])
          : undefined;
      },
    },
  );
  return cols;
}
