/**
 * Who published a figure decides its status (data/README.md, "The rule"): a lab's own figure is
 * `disclosed` and cited to the lab even when we read it through a tracker; a tracker's or analyst's
 * own figure is `estimate`; a press report or leak is `leak`. The schema cannot see intent, but some
 * breaches of the rule show in the data itself, and `npm run data:validate` refuses those.
 */
import type { Model, Sourced } from './schema';
import type { ValidationProblem } from './validate';

/**
 * Trackers and aggregators: they relay other people's figures or compute their own, they never
 * publish a lab's figure first. A `disclosed` value cited only to one of them has lost its origin:
 * cite the lab's paper, model card, post or price page, and name the tracker in the note.
 */
export const TRACKER_DOMAINS = [
  'epoch.ai', // Epoch AI: relays labs' papers, adds its own estimates
  'artificialanalysis.ai', // Artificial Analysis: its own index and measurements
  'lifearchitect.ai', // LifeArchitect: compiled model tables
  'benchlm.ai', // BenchLM: composite rankings
  'llm-stats.com', // LLM Stats: compiled leaderboards
  'morphllm.com', // Morph: compiled coding scores and prices
  'paperswithcode.com', // Papers with Code: results scraped from papers
  'openrouter.ai', // OpenRouter: resold prices, compiled model pages
  'lmarena.ai', // LMArena: its own arena ratings
  'vellum.ai', // Vellum: compiled leaderboards
] as const;

/**
 * Each lab's own web presence (host, or host/path for shared hosts such as GitHub and Hugging
 * Face). A figure cited to one of these was published by the lab, so it cannot be a `leak`.
 * Labs not listed here are simply not checked.
 */
export const LAB_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  OpenAI: ['openai.com', 'github.com/openai'],
  Anthropic: ['anthropic.com', 'claude.com'],
  Google: ['blog.google', 'ai.google.dev', 'deepmind.google', 'deepmind.com', 'research.google'],
  'Google DeepMind': ['blog.google', 'ai.google.dev', 'deepmind.google', 'deepmind.com'],
  'Google Research': ['research.google', 'blog.google', 'ai.googleblog.com'],
  DeepMind: ['deepmind.google', 'deepmind.com'],
  'Meta AI': [
    'ai.meta.com',
    'llama.meta.com',
    'github.com/meta-llama',
    'github.com/facebookresearch',
    'huggingface.co/meta-llama',
  ],
  DeepSeek: ['deepseek.com', 'github.com/deepseek-ai', 'huggingface.co/deepseek-ai'],
  'Moonshot AI': [
    'moonshot.ai',
    'moonshot.cn',
    'kimi.com',
    'moonshotai.github.io',
    'github.com/moonshotai',
    'huggingface.co/moonshotai',
  ],
  Alibaba: ['qwen.ai', 'qwenlm.github.io', 'github.com/qwenlm', 'huggingface.co/qwen'],
  'Alibaba (Qwen)': ['qwen.ai', 'qwenlm.github.io', 'github.com/qwenlm', 'huggingface.co/qwen'],
  'Z.ai (Zhipu AI)': ['z.ai', 'zhipuai.cn', 'github.com/zai-org', 'huggingface.co/zai-org'],
  xAI: ['x.ai'],
  'Mistral AI': ['mistral.ai', 'huggingface.co/mistralai'],
  NVIDIA: ['nvidia.com', 'huggingface.co/nvidia'],
  'Inflection AI': ['inflection.ai'],
  'Technology Innovation Institute': ['tii.ae', 'huggingface.co/tiiuae'],
  '01.AI': ['01.ai', 'huggingface.co/01-ai'],
  Huawei: ['huawei.com'],
  Baidu: ['baidu.com'],
};

/**
 * The product's five source documents are files named like "002_f3133e398142904d.txt"; notes used
 * to say "seed 002". A reader has no such files, so a note must name the document by its title.
 */
const SOURCE_DOCUMENT_FILE_NAME = /\bseeds?\s*0\d{2}\b|\b0\d{2}_[0-9a-f]{16}\b/i;

/** The first domain in `domains` that `url` belongs to (host or host/path prefix), if any. */
export function matchDomain(url: string, domains: readonly string[]): string | undefined {
  let host: string;
  let path: string;
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase().replace(/^www\./, '');
    path = u.pathname.toLowerCase();
  } catch {
    return undefined;
  }
  return domains.find((d) => {
    const slash = d.indexOf('/');
    // Stryker disable next-line EqualityOperator: no domain in the tables begins with "/"
    if (slash < 0) return host === d || host.endsWith(`.${d}`);
    const [dHost, dPath] = [d.slice(0, slash), d.slice(slash)];
    return host === dHost && (path === dPath || path.startsWith(`${dPath}/`));
  });
}

/** A source-document file name in `text` ("seed 002"), if there is one. */
export function sourceDocumentFileName(text: string | undefined): string | undefined {
  return text?.match(SOURCE_DOCUMENT_FILE_NAME)?.[0];
}

/** Every sourced value of a model with its field name ("totalParams", "benchmarks.mmlu"). */
export function sourcedFieldsOf(model: Model): [field: string, value: Sourced][] {
  const out: [string, Sourced][] = [];
  for (const [key, v] of Object.entries(model)) {
    if (v && typeof v === 'object' && 'status' in v && 'source' in v) out.push([key, v as Sourced]);
  }
  for (const [id, v] of Object.entries(model.benchmarks)) out.push([`benchmarks.${id}`, v]);
  return out;
}

const noteProblem = (path: string, text: string | undefined): ValidationProblem[] => {
  const name = sourceDocumentFileName(text);
  return name
    ? [
        {
          path,
          message: `note mentions the source-document file name "${name}", which readers do not have: cite the document by its title`,
        },
      ]
    : [];
};

/** Refusals under the status rule, each naming the model, the field and the reason. */
export function provenanceProblems(models: readonly Model[], label = 'models'): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const m of models) {
    // Stryker disable next-line ArrayDeclaration: a lab not in the table: any placeholder entry matches no URL either
    const labDomains = LAB_DOMAINS[m.lab] ?? [];
    for (const [field, v] of sourcedFieldsOf(m)) {
      const path = `${label} "${m.id}".${field}`;
      const tracker = matchDomain(v.source.url, TRACKER_DOMAINS);
      if (v.status === 'disclosed' && tracker)
        problems.push({
          path,
          message: `disclosed value cited only to a tracker (${tracker}): cite the lab's own paper, model card, post or price page, and name the tracker in the note`,
        });
      const own = matchDomain(v.source.url, labDomains);
      if (v.status === 'leak' && own)
        problems.push({
          path,
          message: `leak cited to ${m.lab}'s own domain (${own}): a figure the lab published is disclosed, not a leak`,
        });
      problems.push(...noteProblem(`${path}.note`, v.note));
    }
    problems.push(...noteProblem(`${label} "${m.id}".notes`, m.notes));
  }
  return problems;
}

/**
 * The same note check for any other data file (chips, labs): every string under a key named
 * "note", "notes" or "…Note" is a note a reader sees.
 */
export function notesProblems(data: unknown, label: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const walk = (v: unknown, path: string, key: string) => {
    if (typeof v === 'string') {
      if (/^notes?$|Note$/.test(key)) problems.push(...noteProblem(path, v));
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x: unknown, i) => {
        const id =
          x && typeof x === 'object' && 'id' in x ? (x as { id: unknown }).id : undefined;
        walk(x, `${path}[${typeof id === 'string' ? `"${id}"` : i}]`, key);
      });
      return;
    }
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, k);
  };
  // Stryker disable next-line StringLiteral: the root's key only matters when the whole file is one string, and no placeholder ends in Note
  walk(data, label, '');
  return problems;
}
