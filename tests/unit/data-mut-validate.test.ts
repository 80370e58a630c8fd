/**
 * `npm run data:validate`'s rules on small hand-made records: each refusal is checked as the
 * maintainer reads it (the record by id, the field, the reason), and each look-alike that must pass.
 */
import { expect, test } from 'vitest';
import { MINIMAL_MODEL } from '../fixtures/minimalModel';
import type { Benchmark, Chip, Model, Sourced } from '../../src/data/schema';
import {
  LAB_DOMAINS,
  matchDomain,
  notesProblems,
  provenanceProblems,
  sourceDocumentFileName,
  sourcedFieldsOf,
  TRACKER_DOMAINS,
} from '../../src/data/provenance';
import { crossCheck, parseBenchmarksFile, parseChipsFile, parseModelsFile } from '../../src/data/validate';

const sourced = (url: string, status: Sourced['status'], note?: string): Sourced => ({
  value: 1,
  status,
  source: { title: 'Source', url },
  ...(note ? { note } : {}),
});
const model = (over: Partial<Model>): Model => ({ ...MINIMAL_MODEL, ...over });
const chip = (id: string): Chip => ({ id, name: id, vendor: 'V' });
const bench = (id: string): Benchmark => ({
  id,
  name: id,
  measures: 'm',
  unit: 'percent',
  higherIsBetter: true,
  source: { title: 'Source', url: 'https://example.org' },
});

test('a schema refusal names the file, the record by index and id, and the field', () => {
  const r = parseModelsFile(
    { dataset: 'd', models: [model({}), { ...model({ id: 'bad' }), bloc: 'Mars' }, { id: 3 }] },
    'mine',
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems[0]).toEqual({
    path: 'mine.models[1 "bad"].bloc',
    message: 'Invalid option: expected one of "United States"|"China"|"Europe"|"Other"',
  });
  // a record without a string id is named by its index alone
  expect(r.problems.slice(1).every((p) => p.path.startsWith('mine.models[2].'))).toBe(true);
  expect(r.problems.map((p) => p.path)).toContain('mine.models[2].id');
  // the default label
  const d = parseModelsFile({ dataset: 'd', models: [{ ...model({}), releaseDate: 'soon' }] });
  expect(d).toEqual({
    ok: false,
    problems: [{ path: 'models.models[0 "m"].releaseDate', message: 'date must be YYYY-MM-DD or YYYY-MM' }],
  });
  expect(parseModelsFile({ dataset: 'd', models: [model({})] })).toEqual({
    ok: true,
    data: { dataset: 'd', models: [model({})] },
  });
});

test('chips and benchmarks files: refusals name the record and field; a good file gives its list', () => {
  expect(parseChipsFile({ chips: [chip('a'), { ...chip('b'), tdpWatts: 700 }] })).toEqual({
    ok: false,
    problems: [{ path: 'chips.chips[1 "b"].tdpWatts', message: 'Invalid input: expected object, received number' }],
  });
  expect(parseChipsFile({ chips: [chip('a')] })).toEqual({ ok: true, data: [chip('a')] });
  expect(parseBenchmarksFile({ benchmarks: [{ ...bench('x'), unit: 'points' }] })).toEqual({
    ok: false,
    problems: [
      {
        path: 'benchmarks.benchmarks[0 "x"].unit',
        message: 'Invalid option: expected one of "percent"|"score"|"elo"|"rank"',
      },
    ],
  });
  expect(parseBenchmarksFile({ benchmarks: [bench('x')] })).toEqual({ ok: true, data: [bench('x')] });
  // a nested path through an object that is not there any more still names each step
  expect(
    parseModelsFile({ dataset: 'd', models: [{ ...model({}), totalParams: { value: 1, status: 'leak' } }] }),
  ).toMatchObject({
    ok: false,
    problems: [{ path: 'models.models[0 "m"].totalParams.source' }],
  });
});

test('cross-checks: duplicate ids, unknown chips, base models and benchmarks, self-bases, active > total', () => {
  const models = [
    model({ id: 'a', chipId: 'h100', baseModelId: 'b', benchmarks: { mmlu: sourced('https://x.org', 'leak') } }),
    model({ id: 'b', chipId: 'nope', baseModelId: 'ghost', benchmarks: { unknown: sourced('https://x.org', 'leak') } }),
    model({ id: 'b', baseModelId: 'b' }),
    model({
      id: 'c',
      activeParams: { ...sourced('https://x.org', 'leak'), value: 2 },
      totalParams: sourced('https://x.org', 'leak'),
    }),
    model({ id: 'd', activeParams: sourced('https://x.org', 'leak'), totalParams: sourced('https://x.org', 'leak') }),
  ];
  expect(crossCheck(models, [chip('h100'), chip('h100')], [bench('mmlu'), bench('mmlu')])).toEqual([
    { path: 'models "b"', message: 'duplicate id' },
    { path: 'chips "h100"', message: 'duplicate id' },
    { path: 'benchmarks "mmlu"', message: 'duplicate id' },
    { path: 'models "b".chipId', message: 'unknown chip "nope"' },
    { path: 'models "b".baseModelId', message: 'unknown base model "ghost"' },
    { path: 'models "b".benchmarks.unknown', message: 'unknown benchmark "unknown"' },
    { path: 'models "b".baseModelId', message: 'a model cannot be its own base' },
    { path: 'models "c".activeParams', message: 'active parameters exceed total parameters' },
  ]);
  expect(
    crossCheck([model({ id: 'a' }), model({ id: 'b', chipId: 'h100', baseModelId: 'a' })], [chip('h100')], []),
  ).toEqual([]);
});

test('the status rule: disclosed cited to a tracker, leak cited to the lab itself, file names in notes', () => {
  const m = model({
    id: 'x',
    totalParams: sourced('https://www.epoch.ai/data', 'disclosed'),
    activeParams: sourced('https://epoch.ai/data', 'estimate'),
    trainingTokens: sourced('https://openai.com/research', 'leak'),
    gpuHours: sourced('https://openai.com/research', 'disclosed'),
    chipCount: sourced('https://press.example.com/', 'leak', 'see seeds 004'),
    benchmarks: { mmlu: sourced('https://lmarena.ai/x', 'disclosed', 'from 004_0123456789abcdef') },
    notes: 'no file names here (seed 1234 is not one)',
  });
  expect(provenanceProblems([m])).toEqual([
    {
      path: 'models "x".totalParams',
      message:
        "disclosed value cited only to a tracker (epoch.ai): cite the lab's own paper, model card, post or price page, and name the tracker in the note",
    },
    {
      path: 'models "x".trainingTokens',
      message: "leak cited to OpenAI's own domain (openai.com): a figure the lab published is disclosed, not a leak",
    },
    {
      path: 'models "x".chipCount.note',
      message:
        'note mentions the source-document file name "seeds 004", which readers do not have: cite the document by its title',
    },
    {
      path: 'models "x".benchmarks.mmlu',
      message:
        "disclosed value cited only to a tracker (lmarena.ai): cite the lab's own paper, model card, post or price page, and name the tracker in the note",
    },
    {
      path: 'models "x".benchmarks.mmlu.note',
      message:
        'note mentions the source-document file name "004_0123456789abcdef", which readers do not have: cite the document by its title',
    },
  ]);
  // a lab not in the table is not checked for leaks; the label names the file
  expect(
    provenanceProblems([model({ lab: 'Unlisted', trainingTokens: sourced('https://openai.com/', 'leak') })], 'user'),
  ).toEqual([]);
  expect(provenanceProblems([model({ notes: 'Seed 001' })], 'user')[0]?.path).toBe('user "m".notes');
});

test('every tracker and lab domain in the tables matches its own URLs', () => {
  for (const d of TRACKER_DOMAINS) expect([d, matchDomain(`https://${d}/page`, TRACKER_DOMAINS)]).toEqual([d, d]);
  for (const [lab, domains] of Object.entries(LAB_DOMAINS))
    for (const d of domains) expect([lab, matchDomain(`https://${d}/page`, domains)]).toEqual([lab, d]);
  expect(matchDomain('https://OpenAI.com/x', LAB_DOMAINS['OpenAI']!)).toBe('openai.com');
  expect(matchDomain('https://sub.openai.com/x', LAB_DOMAINS['OpenAI']!)).toBe('openai.com');
  expect(matchDomain('https://notopenai.com/x', LAB_DOMAINS['OpenAI']!)).toBeUndefined();
  expect(matchDomain('https://github.com/openai', LAB_DOMAINS['OpenAI']!)).toBe('github.com/openai');
  expect(matchDomain('https://github.com/OpenAI/gpt-2', LAB_DOMAINS['OpenAI']!)).toBe('github.com/openai');
  expect(matchDomain('https://gist.github.com/openai/x', LAB_DOMAINS['OpenAI']!)).toBeUndefined();
  expect(matchDomain('https://github.com/x/openai', LAB_DOMAINS['OpenAI']!)).toBeUndefined();
});

test('source-document file names are found however they are written; other numbers are not', () => {
  expect(sourceDocumentFileName('as seed 003 says')).toBe('seed 003');
  expect(sourceDocumentFileName('Seeds 012')).toBe('Seeds 012');
  expect(sourceDocumentFileName('seed003')).toBe('seed003');
  expect(sourceDocumentFileName('see 001_ABCDEF0123456789.')).toBe('001_ABCDEF0123456789');
  for (const fine of [
    'seed 3',
    'seed 100',
    'seed 0034',
    'aseed 003',
    '001_0123456789abcde',
    '001_0123456789abcdefg',
    undefined,
  ])
    expect([fine, sourceDocumentFileName(fine)]).toEqual([fine, undefined]);
});

test('a model’s sourced fields are every top-level figure and every benchmark, by name', () => {
  const m = model({
    totalParams: sourced('https://a.org', 'leak'),
    releaseSource: { title: 'Release', url: 'https://a.org' },
    benchmarks: { mmlu: sourced('https://a.org', 'leak'), gsm8k: sourced('https://a.org', 'leak') },
  });
  expect(sourcedFieldsOf(m).map(([f]) => f)).toEqual(['totalParams', 'benchmarks.mmlu', 'benchmarks.gsm8k']);
});

test('notes in any data file: keys note, notes or …Note, at any depth, named by id or index', () => {
  const data = {
    chips: [{ id: 'a', notes: 'seed 001', name: 'seed 002' }, { marketNote: 'seed 003' }],
    labs: { x: { note: 'seed 004', notesFor: 'seed 005', footnote: 'seed 006', Note: 'seed 007' } },
  };
  expect(notesProblems(data, 'file').map((p) => p.path)).toEqual([
    'file.chips["a"].notes',
    'file.chips[1].marketNote',
    'file.labs.x.note',
    'file.labs.x.Note',
  ]);
  expect(notesProblems({ notes: ['seed 008', 'fine'] }, 'f').map((p) => p.path)).toEqual(['f.notes[0]']);
  expect(notesProblems(null, 'f')).toEqual([]);
});
