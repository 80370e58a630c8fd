/** Short human descriptions of state, shared by exports and headers. */
import type { Assumptions } from './assumptions';
import { formatValue } from './format';

/** Short chip names for captions ("h100" -> "H100", "tpu-v5p" -> "TPU V5P"); ids are stable, so this needs no lookup. */
function chipName(id: string): string {
  return id.replace(/-/g, ' ').toUpperCase();
}

/**
 * Every assumption a figure moved with, so an exported chart or CSV can be reproduced:
 * "MFU 35% · $2.00/GPU-h · 700 W · PUE 1.2 · compute basis: auto · base-model runs included ·
 * full-cost ×1 · each model on its own chip · unknown chip = A100"
 */
export function assumptionsLine(a: Assumptions): string {
  const parts = [
    `MFU ${formatValue(a.mfu, 'fraction')}`,
    formatValue(a.usdPerGpuHour, 'usd/gpu-hour'),
    formatValue(a.wattsPerGpu, 'watts'),
    `PUE ${a.pue}`,
    costBasisPart(a),
  ];
  const perChip = Object.entries(a.usdPerGpuHourByChip);
  if (perChip.length > 0)
    parts.push(`per-chip prices: ${perChip.map(([c, p]) => `${c} ${formatValue(p, 'usd/gpu-hour')}`).join(', ')}`);
  parts.push(
    `compute basis: ${a.basis === '6nd' ? '6·N·D' : a.basis === 'reported' ? 'reported FLOP' : 'auto (disclosed › 6·N·D › third-party)'}`,
  );
  parts.push(a.includeBaseRun ? 'base-model runs included' : 'post-trained runs without their base model');
  parts.push(`full-cost ×${a.costMultiplier}`);
  parts.push(a.rehostChipId ? `what if trained on ${chipName(a.rehostChipId)}` : 'each model on its own chip');
  if (a.bands)
    parts.push(
      `ranges: MFU ${formatValue(a.mfuBand[0], 'fraction')}–${formatValue(a.mfuBand[1], 'fraction')}, ${formatValue(a.priceBand[0], 'usd/gpu-hour')}–${formatValue(a.priceBand[1], 'usd/gpu-hour')}`,
    );
  parts.push(`unknown chip = ${chipName(a.defaultChipId)}`);
  return parts.join(' · ');
}

/** "cost basis: amortized (server ×1.64, network 19%, 0.14 OOM/yr, $0.08/kWh)": how an hour was priced. */
function costBasisPart(a: Assumptions): string {
  if (a.costBasis === 'amortized') {
    const own = Object.keys(a.purchaseUsdByChip).length > 0 ? ', your chip prices' : '';
    return `cost basis: amortized (server ×${a.serverOverhead}, network ${formatValue(a.interconnectShare, 'fraction')}, ${formatValue(a.depreciationOomPerYear, 'oom/year')}, ${formatValue(a.usdPerKwh, 'usd/kwh')}${own})`;
  }
  return `cost basis: ${a.costBasis}`;
}

/** A file-name-safe slug: "MMLU (%) vs. training cost" -> "mmlu-vs-training-cost". */
export function fileSlug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/\([^)]*\)/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  );
}

export function assumptionsSlug(a: Assumptions): string {
  const basis = a.costBasis === 'rental' ? '' : `-${a.costBasis}`;
  return `mfu${Math.round(a.mfu * 100)}-price${String(a.usdPerGpuHour).replace('.', 'p')}${basis}`;
}
