import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { loadCurated } from '../../src/data/datasets';
import { matchDomain, notesProblems, provenanceProblems, TRACKER_DOMAINS } from '../../src/data/provenance';
import { parseModelsFile } from '../../src/data/validate';

const root = resolve(import.meta.dirname, '../..');
const fixturePath = 'tests/fixtures/bad-provenance.json';
const fixture = parseModelsFile(JSON.parse(readFileSync(resolve(root, fixturePath), 'utf8')));
if (!fixture.ok) throw new Error('the fixture must pass the schema: only the status rule is broken');

test('each breach of the status rule is refused with the model, the field and the reason', () => {
  expect(provenanceProblems(fixture.data.models, 'fixture')).toEqual([
    {
      path: 'fixture "relayed".totalParams',
      message:
        "disclosed value cited only to a tracker (epoch.ai): cite the lab's own paper, model card, post or price page, and name the tracker in the note",
    },
    {
      path: 'fixture "relayed".benchmarks.swe-bench-verified',
      message:
        "disclosed value cited only to a tracker (morphllm.com): cite the lab's own paper, model card, post or price page, and name the tracker in the note",
    },
    {
      path: 'fixture "own-leak".usdPerMillionInputTokens',
      message: "leak cited to OpenAI's own domain (openai.com): a figure the lab published is disclosed, not a leak",
    },
    {
      path: 'fixture "own-leak".usdPerMillionInputTokens.note',
      message:
        'note mentions the source-document file name "seed 000", which readers do not have: cite the document by its title',
    },
    {
      path: 'fixture "own-leak".notes',
      message:
        'note mentions the source-document file name "002_f3133e398142904d", which readers do not have: cite the document by its title',
    },
  ]);
});

test('notes in chips and labs are held to the same rule', () => {
  const chips = [{ id: 'h20', exportControlNote: 'About 15% of an H100 (Seed 002).', notes: 'Fine.' }];
  expect(notesProblems(chips, 'chips')).toEqual([
    {
      path: 'chips["h20"].exportControlNote',
      message:
        'note mentions the source-document file name "Seed 002", which readers do not have: cite the document by its title',
    },
  ]);
});

test('domains match by host or host/path, never by a look-alike', () => {
  expect(matchDomain('https://www.morphllm.com/x', TRACKER_DOMAINS)).toBe('morphllm.com');
  expect(matchDomain('https://epoch.ai.example.com/', TRACKER_DOMAINS)).toBeUndefined();
  expect(matchDomain('https://huggingface.co/deepseek-ai/DeepSeek-V3', ['huggingface.co/deepseek-ai'])).toBe(
    'huggingface.co/deepseek-ai',
  );
  expect(matchDomain('https://huggingface.co/deepseek-ai-fan/x', ['huggingface.co/deepseek-ai'])).toBeUndefined();
  expect(matchDomain('not a url', TRACKER_DOMAINS)).toBeUndefined();
});

test('the curated dataset follows the rule', () => {
  expect(provenanceProblems(loadCurated().models)).toEqual([]);
});

test('npm run data:validate refuses the fixture, naming each breach, and exits 1', () => {
  let out = '';
  let code = 0;
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', fixturePath], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (e) {
    const err = e as { status: number; stderr: string };
    code = err.status;
    out = err.stderr;
  }
  expect(code).toBe(1);
  expect(out).toContain(
    `✗ ${fixturePath} "own-leak".usdPerMillionInputTokens: leak cited to OpenAI's own domain (openai.com)`,
  );
  expect(out).toContain('5 problem(s)');
});
