/**
 * One-click scenarios from the source documents: each sets assumptions and the view (so the
 * result is a permalink like any other) and says where its numbers come from.
 */
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../domain/assumptions';
import type { Source } from '../data/schema';
import { DEFAULT_VIEW, type ViewState } from './url';

export interface Scenario {
  id: string;
  title: string;
  /** what the reader should see, in the source's words */
  expect: string;
  source: Source;
  assumptions: Partial<Assumptions>;
  view: Partial<ViewState>;
}

const semi: Source = {
  title: 'SemiAnalysis, GPT-4 Architecture, Infrastructure, Training Dataset, Costs (2023)',
  url: 'https://semianalysis.com/2023/07/10/gpt-4-architecture-infrastructure/',
};
const v3: Source = { title: 'DeepSeek-V3 Technical Report, arXiv:2412.19437', url: 'https://arxiv.org/abs/2412.19437' };

export const SCENARIOS: Scenario[] = [
  {
    id: 'gpt4-2023',
    title: 'GPT-4 as estimated in 2023',
    expect:
      '6·N·13T with N = 220–280B active (the essay “Evidence” uses 220B; SemiAnalysis’s leak says ~280B) ≈ 1.7–2.2e25 FLOP on A100s at 35% MFU ≈ 44–56M GPU-hours, whose top end meets the leaked cluster (25,000 A100 × 90–100 days ≈ 54–60M GPU-hours); at $1–2/GPU-hour and ~1 kW per GPU all-in that is $44–111M and 44–56 GWh (the essay: $60–110M, 50–60 GWh).',
    source: semi,
    assumptions: {
      mfu: 0.35,
      usdPerGpuHour: 1.5,
      wattsPerGpu: 1000,
      pue: 1,
      defaultChipId: 'a100',
      basis: '6nd',
      bands: true,
      priceBand: [1, 2],
      mfuBand: [0.35, 0.35],
    },
    view: { view: 'compare', compareIds: ['gpt-4'], selectedId: 'gpt-4' },
  },
  {
    id: 'deepseek-accounting',
    title: 'DeepSeek’s own accounting',
    expect:
      '$2 per H800-hour: DeepSeek-V3’s final run 2.788M GPU-hours = $5.576M; with R1’s RL run (147K GPU-hours, $294K) ≈ $5.87M.',
    source: v3,
    // DeepSeek's figure is a rental price: the scenario keeps the rental basis whatever the reader had
    assumptions: { usdPerGpuHour: 2, includeBaseRun: true, bands: false, costBasis: 'rental' },
    view: { view: 'compare', compareIds: ['deepseek-v3', 'deepseek-r1'], selectedId: 'deepseek-r1' },
  },
  {
    id: 'epoch-accounting',
    title: 'Epoch’s accounting: amortised hardware + energy',
    expect:
      'Priced the way Epoch AI prices a run (Cottier et al. 2024): the share of the hardware’s value used up by the run, plus networking and energy, not a rental price. GPT-4 ≈ $27M (Epoch: $37M in 2023 USD), Llama 3.1 405B ≈ $39M (Epoch: $53M), PaLM 2 ≈ $6.5M (Epoch: $5.0M), against $87M, $62M and $42M at a flat $2 per GPU-hour. DeepSeek-V3’s H800 has no sourced purchase price, so it stays at the GPU price, and says so.',
    source: {
      title: 'Cottier et al., The rising costs of training frontier AI models (arXiv:2405.21015)',
      url: 'https://arxiv.org/abs/2405.21015',
    },
    assumptions: { costBasis: 'amortized', includeBaseRun: true, bands: false },
    view: { view: 'compare', compareIds: ['gpt-4', 'llama-3.1-405b', 'palm-2', 'deepseek-v3'], selectedId: 'gpt-4' },
  },
  {
    id: 'export-control',
    title: 'Export-control world: the same runs on H20',
    expect:
      'Re-runs every model’s training FLOP on NVIDIA H20s (~15% of an H100’s compute) at the same MFU: each run needs ~6.7× the GPU-hours it would on an H100 or H800 (DeepSeek-V3: ~17.6M instead of 2.79M). Switch “What if trained on” to Ascend 910B to compare.',
    source: {
      title: 'The May 2026 research report on Chinese AI labs: H20 ≈ 15% of H100 performance',
      url: 'https://epoch.ai/data/machine-learning-hardware',
    },
    assumptions: { rehostChipId: 'h20', bands: false },
    view: { view: 'compare', compareIds: ['deepseek-v3', 'gpt-4', 'llama-3.1-405b'], selectedId: 'deepseek-v3' },
  },
  {
    id: 'seventeen-times',
    title: 'Seventeen times: GPT-4 vs DeepSeek-V3 + R1',
    expect:
      'Row “Reported cost incl. base run”, R1’s column: GPT-4’s reported ~$100M (press, unconfirmed) ÷ DeepSeek-V3 + R1’s disclosed $5.576M + $294K = $5.87M gives 17× — the essays’ “seventeen times”. It is not exactly 17 because both figures are rounded reports; against V3 alone the same row reads 17.9×. From its leaked size instead (~280B active × 13T tokens), at $2/GPU-hour and 35% MFU, GPT-4’s estimated run is $111M: ~19× (row “Training cost incl. base run”).',
    source: v3,
    assumptions: { mfu: 0.35, usdPerGpuHour: 2, includeBaseRun: true, bands: false, defaultChipId: 'a100' },
    view: { view: 'compare', compareIds: ['gpt-4', 'deepseek-v3', 'deepseek-r1'], selectedId: 'gpt-4' },
  },
];

/** The assumptions and view a scenario produces, starting from the defaults (not from the current state). */
export function scenarioState(s: Scenario): { assumptions: Assumptions; view: ViewState } {
  const { rehostChipId: _r, ...base } = DEFAULT_ASSUMPTIONS;
  return { assumptions: { ...base, ...s.assumptions }, view: { ...DEFAULT_VIEW, ...s.view } };
}
