/**
 * The capability table as CSV: every fitted version with its capability, interval, benchmarks
 * and compute (with status and basis), then every score it was fitted from with its source.
 */
import { toCsv } from '../../data/csv';
import type { CapabilityResult } from '../../domain/capability/run';
import type { CapabilityPoint } from '../../store/capabilityView';
import { STATUS_META } from '../../ui/status';

const round = (n: number | undefined, digits = 4) =>
  n === undefined || !Number.isFinite(n) ? undefined : Number(n.toFixed(digits));

export function capabilityCsv(
  result: CapabilityResult,
  points: readonly CapabilityPoint[],
  settingsLine: string,
): string {
  const names = new Map(result.benchmarks.map((b) => [b.id, b.name]));
  const versions = toCsv(
    [
      'Model version',
      'Model (this dataset)',
      'Released',
      'Capability',
      '90% interval low',
      '90% interval high',
      'Interval method',
      'Benchmarks',
      'Benchmark names',
      'Training compute (FLOP)',
      'Compute status',
      'Compute from',
      'Compute actual ÷ trend-needed',
      'Compute actual ÷ trend-needed, 90% low',
      'Compute actual ÷ trend-needed, 90% high',
    ],
    points.map((p) => [
      p.versionId,
      p.modelName,
      p.date,
      round(p.capability),
      round(p.lo),
      round(p.hi),
      result.interval.method,
      p.nBenchmarks,
      p.benchmarkIds.map((id) => names.get(id) ?? id).join('; '),
      p.flop,
      p.computeProvenance ? STATUS_META[p.computeProvenance].label : undefined,
      p.computeBasis,
      round(p.vsTrend, 4),
      round(p.vsTrendRange?.[0], 4),
      round(p.vsTrendRange?.[1], 4),
    ]),
  );
  const scores = toCsv(
    ['Model version', 'Benchmark', 'Score (%)', 'Status', 'Source', 'Source URL', 'Used in the fit', 'Note'],
    [...result.observations.map((o) => ({ o, used: true })), ...result.setAside.map((o) => ({ o, used: false }))].map(
      ({ o, used }) => [
        result.versions[o.version]?.id,
        result.benchmarks[o.benchmark]?.name,
        round(o.value * 100, 2),
        STATUS_META[o.status].label,
        o.source.title,
        o.source.url,
        used ? 'yes' : 'no (set aside by the dedup rule)',
        o.note,
      ],
    ),
  );
  const header = [
    `Compute Ledger capability index (stitched): ${settingsLine}`,
    'Method: Ho, Denain, Atanasov, Albanie, Shah, "A Rosetta Stone for AI Benchmarks", arXiv:2512.00193 (2025)',
    'Scores: Epoch AI, benchmark-stitching data (MIT), github.com/epoch-research/benchmark-stitching',
  ]
    .map((l) => `"${l.replace(/"/g, '""')}"`)
    .join('\r\n');
  return `\uFEFF${header}\r\n\r\n${versions}\r\n${scores}`;
}
