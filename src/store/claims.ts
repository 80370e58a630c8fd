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
  if (gpt4?.gpuHours) {
    // The essay's 44M uses ~220B active parameters; the data carries 220–280B (SemiAnalysis: ~280B),
    // so the claim holds when today's range still reaches 44M.
    const [lo, hi] = gpt4.gpuHours.range;
    const essayHours = 44e6;
    out.push({
      id: 'gpt4-hours',
      claim: 'GPT-4 took ≈44M A100-hours (6·220B·13T ≈ 1.7e25 FLOP at 35% MFU)',
      now: `${formatValue(gpt4.gpuHours.value, 'gpu-hours')} on ${gpt4.chip?.name ?? 'the assumed chip'}${
        lo !== hi ? ` (${formatValue(lo, 'gpu-hours')}–${formatValue(hi, 'gpu-hours')} for 220–280B active)` : ''
      }${gpt4.gpuHoursBeside ? `; the leaked cluster, beside: ${formatValue(gpt4.gpuHoursBeside.value, 'gpu-hours')}` : ''}`,
      holds:
        Math.abs(gpt4.gpuHours.value - essayHours) / essayHours < 0.05 ||
        (lo <= essayHours * 1.05 && hi >= essayHours * 0.95),
    });
  }
  if (gpt4?.clusterPowerMw && gpt4.gpuHoursBeside && gpt4.energyMwh && gpt4.gpuHours) {
    // energy per GPU-hour under the current Power per GPU and PUE, applied to the leaked GPU-hours
    const mwhPerGpuHour = gpt4.energyMwh.value / gpt4.gpuHours.value;
    const [bLo, bHi] = gpt4.gpuHoursBeside.range;
    const mw = gpt4.clusterPowerMw.value;
    out.push({
      id: 'gpt4-energy',
      claim: 'GPT-4’s leaked cluster drew ≈25 MW and used 50–60 GWh (the essay “Evidence”)',
      now: `${formatValue(mw, 'mw')} for 25,000 A100 at the current Power per GPU and PUE; ${formatValue(
        bLo * mwhPerGpuHour,
        'mwh',
      )}–${formatValue(bHi * mwhPerGpuHour, 'mwh')} over the leaked ${formatValue(bLo, 'gpu-hours')}–${formatValue(
        bHi,
        'gpu-hours',
      )}`,
      holds: Math.abs(mw - 25) / 25 <= 0.2 && bLo * mwhPerGpuHour <= 60e3 && bHi * mwhPerGpuHour >= 50e3,
    });
  }
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
