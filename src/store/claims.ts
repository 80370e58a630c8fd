/**
 * The source documents' headline claims, re-checked under the reader's current assumptions.
 * Each claim says what the essays assert and what the engine gets now, so a reader can see which
 * hold and which depend on the assumptions.
 */
import type { Benchmark } from '../data/schema';
import { formatValue, sig } from '../domain/format';
import { analyse } from './analysis';
import { buildScatter } from './scatterState';
import type { Row } from './selectors';
import { DEFAULT_VIEW } from './url';

export interface ClaimCheck {
  id: string;
  claim: string;
  now: string;
  holds: boolean | undefined;
}

/** The essays price GPU-hours at a rental rate: under another cost basis the claim is re-checked on that basis, and says so. */
function basisNote(e: { costBasis?: { basis: string } }): string {
  return e.costBasis && e.costBasis.basis !== 'rental' ? `, cost basis ${e.costBasis.basis}` : '';
}

export function checkClaims(rows: Row[], benchmarks: Benchmark[]): ClaimCheck[] {
  const by = new Map(rows.map((r) => [r.model.id, r]));
  const v3 = by.get('deepseek-v3')?.estimate;
  const r1 = by.get('deepseek-r1')?.estimate;
  const gpt4 = by.get('gpt-4')?.estimate;
  const out: ClaimCheck[] = [];
  if (v3?.costUsd)
    out.push({
      id: 'v3-cost',
      claim: 'DeepSeek-V3’s final run cost $5.576M (2.788M H800-hours at $2)',
      now: `${formatValue(v3.costUsd.value, 'usd')} from the disclosed GPU-hours at the current price${basisNote(v3)}`,
      holds: Math.abs(v3.costUsd.value - 5.576e6) / 5.576e6 < 0.01,
    });
  if (v3?.impliedMfu)
    out.push({
      id: 'v3-mfu',
      claim: 'DeepSeek-V3 ran at about a third of H800 peak (≈33% MFU)',
      now: `implied MFU ${formatValue(v3.impliedMfu.value, 'fraction')} (independent of the sliders)`,
      holds: v3.impliedMfu.value > 0.3 && v3.impliedMfu.value < 0.36,
    });
  if (gpt4?.gpuHours)
    out.push({
      id: 'gpt4-hours',
      claim: 'GPT-4 took ≈44M A100-hours (1.7e25 FLOP at 35% MFU)',
      now: `${formatValue(gpt4.gpuHours.value, 'gpu-hours')} on ${gpt4.chip?.name ?? 'the assumed chip'}`,
      holds: Math.abs(gpt4.gpuHours.value - 44e6) / 44e6 < 0.05,
    });
  if (gpt4?.costUsd && r1?.totalCostUsd) {
    const ratio = gpt4.costUsd.value / r1.totalCostUsd.value;
    out.push({
      id: 'seventeen',
      claim: 'GPT-4 cost roughly seventeen times DeepSeek-V3 + R1',
      now: `${formatValue(ratio, 'ratio')} (${formatValue(gpt4.costUsd.value, 'usd')} vs ${formatValue(r1.totalCostUsd.value, 'usd')})${basisNote(gpt4)}`,
      holds: ratio >= 14 && ratio <= 20,
    });
  }
  const view = { ...DEFAULT_VIEW, x: 'cost' as const, y: 'mmlu', logX: true, logY: false, fit: true, pareto: true };
  const a = analyse(buildScatter(rows, benchmarks, view), view);
  const res = a.residuals.get('deepseek-r1');
  if (res && a.fit)
    out.push({
      id: 'r1-above',
      claim: 'DeepSeek-R1 sits well above the cost–performance curve',
      now: `${res.points >= 0 ? '+' : '−'}${sig(Math.abs(res.points), 2)} MMLU points against the trend of ${a.fit.n} models${
        res.timesCheaper ? `, ${formatValue(res.timesCheaper, 'ratio')} cheaper than it predicts` : ''
      }${a.frontier.some((p) => p.id === 'deepseek-r1') ? '; on the Pareto frontier' : ''} (caveat: R1’s MMLU is a 0-shot chain-of-thought score, most older models’ are 5-shot)`,
      holds: res.points > 0,
    });
  return out;
}
