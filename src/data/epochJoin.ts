/**
 * Which row of Epoch AI's Notable AI Models is the same model as a curated one. Reviewed by hand:
 * names differ ("GPT-4" is Epoch's "GPT-4 (Mar 2023)"), and Epoch has several rows for some
 * families ("DeepSeek-V3" is the December 2024 run; "DeepSeek-V3 (Mar 2025)" is a later
 * checkpoint), so no rule could be trusted to pick the row. `npm run data:epoch` turns this map into
 * data/epoch/curated-join.json (Epoch's FLOP and cost for each id), kept apart from models.json.
 */
import type { EpochReference } from './schema';
import { epochReferenceOf } from './epoch';

export const CURATED_TO_EPOCH: Readonly<Record<string, string>> = {
  'gpt-3': 'GPT-3 175B (davinci)',
  gopher: 'Gopher (280B)',
  'ernie-3.0-titan': 'ERNIE 3.0 Titan',
  chinchilla: 'Chinchilla',
  palm: 'PaLM (540B)',
  'glm-130b': 'GLM-130B',
  'llama-65b': 'LLaMA-65B',
  // the launch model; Epoch's later GPT-4 rows are Turbo and 4o
  'gpt-4': 'GPT-4 (Mar 2023)',
  'palm-2': 'PaLM 2',
  'llama-2-70b': 'Llama 2-70B',
  'falcon-180b': 'Falcon-180B',
  'yi-34b': 'Yi-34B',
  'grok-1': 'Grok-1',
  'inflection-2': 'Inflection-2',
  'gemini-1.0-ultra': 'Gemini 1.0 Ultra',
  'mixtral-8x7b': 'Mixtral 8x7B',
  'gemini-1.5-pro': 'Gemini 1.5 Pro',
  'mistral-large': 'Mistral Large',
  'claude-3-opus': 'Claude 3 Opus',
  'llama-3-70b': 'Llama 3-70B',
  'gpt-4o': 'GPT-4o',
  'qwen2-72b': 'Qwen2-72B',
  'nemotron-4-340b': 'Nemotron-4 340B',
  'claude-3.5-sonnet': 'Claude 3.5 Sonnet',
  'llama-3.1-405b': 'Llama 3.1-405B',
  'mistral-large-2': 'Mistral Large 2',
  'grok-2': 'Grok-2',
  'qwen2.5-72b': 'Qwen2.5-72B',
  // December 2024, the run of the technical report (not the March 2025 checkpoint)
  'deepseek-v3': 'DeepSeek-V3',
  'deepseek-r1': 'DeepSeek-R1',
  'grok-3': 'Grok 3',
  'claude-3.7-sonnet': 'Claude 3.7 Sonnet',
  'gpt-4.5': 'GPT-4.5',
  'llama-4-behemoth': 'Llama 4 Behemoth (preview)',
  'pangu-ultra': 'Pangu Ultra',
  // April 2025 release, not the July 2025 update
  'qwen3-235b-a22b': 'Qwen3-235B-A22B',
  'grok-4': 'Grok 4',
  'kimi-k2': 'Kimi K2',
  'glm-4.5': 'GLM-4.5',
  'kimi-k2-thinking': 'Kimi K2 Thinking',
  'kimi-k2.5': 'Kimi K2.5',
  'glm-5': 'GLM-5',
  'gemini-3.1-pro': 'Gemini 3.1 Pro',
  'gpt-5.4-pro': 'GPT-5.4 Pro',
  'gpt-5.5': 'GPT-5.5',
};

export interface CuratedJoin {
  /** curated id -> Epoch's figures for the mapped row (only rows that have a FLOP or cost figure) */
  references: Record<string, EpochReference>;
  /** mapped names with no row in the CSV: the map needs review */
  missing: string[];
}

type CsvRow = Record<string, string | undefined>;

export function buildCuratedJoin(rows: CsvRow[], map: Readonly<Record<string, string>> = CURATED_TO_EPOCH): CuratedJoin {
  const byName = new Map<string, CsvRow>();
  for (const r of rows) {
    const name = (r['Model'] ?? r['System'])?.trim();
    if (name && !byName.has(name)) byName.set(name, r);
  }
  const references: Record<string, EpochReference> = {};
  const missing: string[] = [];
  for (const [id, name] of Object.entries(map)) {
    const row = byName.get(name);
    if (!row) {
      missing.push(`${id} → "${name}"`);
      continue;
    }
    const ref = epochReferenceOf(row);
    if (ref) references[id] = ref;
  }
  return { references, missing };
}
