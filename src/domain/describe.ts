/** Short human descriptions of state, shared by exports and headers. */
import type { Assumptions } from './assumptions';
import { formatValue } from './format';

/** "MFU 35% · $2.00/GPU-h · 700 W · PUE 1.2" */
export function assumptionsLine(a: Assumptions): string {
  const parts = [
    `MFU ${formatValue(a.mfu, 'fraction')}`,
    formatValue(a.usdPerGpuHour, 'usd/gpu-hour'),
    formatValue(a.wattsPerGpu, 'watts'),
    `PUE ${a.pue}`,
  ];
  const perChip = Object.entries(a.usdPerGpuHourByChip);
  if (perChip.length > 0)
    parts.push(`per-chip prices: ${perChip.map(([c, p]) => `${c} ${formatValue(p, 'usd/gpu-hour')}`).join(', ')}`);
  if (a.basis !== 'auto') parts.push(`basis ${a.basis === '6nd' ? '6·N·D' : 'reported FLOP'}`);
  if (a.costMultiplier !== 1) parts.push(`full-cost ×${a.costMultiplier}`);
  return parts.join(' · ');
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
  return `mfu${Math.round(a.mfu * 100)}-price${String(a.usdPerGpuHour).replace('.', 'p')}`;
}
