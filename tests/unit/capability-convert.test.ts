/**
 * The stitching converter on small hand-made folders: every way a row of Epoch's files can be
 * refused is named by file, spreadsheet row, column and reason; cells are read the way the paper
 * reads them; the conversion report says what was corrected and what was left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildStitching } from '../../src/cli/capabilityBuild';
import {
  BENCHMARK_FILES,
  conversionReport,
  convertStitching,
  FILES_LEFT_OUT,
  normaliseDate,
  parseScore,
  type StitchInputs,
} from '../../src/data/capability';
import { CapabilityDataError, parseCuratedMap, parseStitching } from '../../src/data/capabilityData';
import { firstBadScore } from '../../src/data/capabilitySchema';

const root = resolve(import.meta.dirname, '../..');
const MMLU = 'external_benchmark_mmlu.csv';
const RUNS = 'benchmarks_runs.csv';
const OPTIM_HEADER = 'benchmark,optimized_for,is_coding,is_math,benchmark_release_date,source';
const VERSIONS_HEADER = 'id,Model,Version release date,Display name';
const EXTERNAL_HEADER = (column: string) => `id,Name,${column},Model version,Shots,Source,Source link,Notes`;

/** A folder with every file the converter reads, each only a header, and the given files replaced. */
function folder(overrides: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {
    'benchmark_optim.csv': OPTIM_HEADER,
    'distilled_models.csv': 'model,distilled',
    'model_versions.csv': `${VERSIONS_HEADER}\ngpt-4-0314,GPT-4,2023-03-14,GPT-4 (March 2023)`,
    [RUNS]: 'id,task,model,Best score (across scorers),log viewer',
  };
  for (const b of BENCHMARK_FILES) if (!b.task) files[b.file] = EXTERNAL_HEADER(b.column);
  return { ...files, ...overrides };
}
const convert = (overrides: Record<string, string>, extra: Partial<StitchInputs> = {}) =>
  convertStitching({ files: folder(overrides), ...extra });
const mmlu = (...rows: string[]) => ({ [MMLU]: [EXTERNAL_HEADER('EM'), ...rows].join('\n') });
const versions = (...rows: string[]) => ({ 'model_versions.csv': [VERSIONS_HEADER, ...rows].join('\n') });

describe('the conversion report', () => {
  test('the committed report is what the converter says about the committed files', () => {
    const { result, files } = buildStitching(root);
    const committed = JSON.parse(readFileSync(resolve(root, 'data/capability/conversion-report.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(conversionReport(result, Object.keys(files))))).toEqual(committed);
    // read by name, so a reader of the report sees each reason in words
    expect(committed.filesLeftOut).toEqual([
      {
        file: 'external_benchmark_boolq.csv',
        reason: 'BoolQ is part of SuperGLUE: counting it again would double-weight it (as in the paper)',
      },
      {
        file: 'external_benchmark_mcbench.csv',
        reason: 'MCBench reports a win rate between models, not a score on fixed tasks (as in the paper)',
      },
      {
        file: 'external_benchmark_metr.csv',
        reason: "METR's time horizon is in minutes, not a score: a validation target, not an input",
      },
    ]);
    expect(committed.notApplied).toEqual([
      "data_loader.py's later drop of 'Mistral Large' versions: the paper's 179 versions include mistral-large-2402",
    ]);
  });

  test('no file in the folder is silently ignored: each is read or named as left out', () => {
    const inFolder = readdirSync(resolve(root, 'data/capability/raw')).filter((f) => f.endsWith('.csv'));
    const read = new Set([
      'benchmark_optim.csv',
      'distilled_models.csv',
      'model_versions.csv',
      ...BENCHMARK_FILES.map((b) => b.file),
    ]);
    for (const f of inFolder) expect(read.has(f) !== (FILES_LEFT_OUT[f] !== undefined), f).toBe(true);
    expect(Object.keys(FILES_LEFT_OUT).every((f) => inFolder.includes(f))).toBe(true);
  });

  test("the paper's loader's date corrections are applied and reported, and only where the file differs", () => {
    const r = convert(
      versions(
        'gemini-exp-1206,Gemini Experimental 1206,2025-12-06,',
        'LLaMA-13B,LLaMA-13B,,',
        'LLaMA-33B,LLaMA-33B,2023-02-24,',
      ),
    );
    const other = convert(versions('LLaMA-33B,LLaMA-33B,2023-03-01,'));
    expect(other.corrections).toEqual([
      'LLaMA-33B: release date 2023-03-01 → 2023-02-24 (inconsistent with the other LLaMA models, released together)',
    ]);
    expect(r.data.versions.map((v) => [v.id, v.date])).toEqual([
      ['gemini-exp-1206', '2024-12-06'],
      ['LLaMA-13B', '2023-02-24'],
      ['LLaMA-33B', '2023-02-24'],
    ]);
    expect(r.corrections).toEqual([
      'gemini-exp-1206: release date 2025-12-06 → 2024-12-06 (the file says 2025-12-06, after the data was collected (typo))',
      'LLaMA-13B: release date (none) → 2023-02-24 (inconsistent with the other LLaMA models, released together)',
    ]);
    expect(r.rejects).toEqual([]);
  });
});

describe('model versions', () => {
  test('a byte-order mark does not hide the first column', () => {
    const r = convert({
      'model_versions.csv': `\uFEFF${VERSIONS_HEADER}\ngpt-4-0314,GPT-4,2023-03-14,GPT-4 (March 2023)`,
    });
    expect(r.data.versions).toEqual([
      { id: 'gpt-4-0314', model: 'GPT-4', displayName: 'GPT-4 (March 2023)', date: '2023-03-14' },
    ]);
  });

  test('cells are trimmed, except the id (the paper joins on the raw strings)', () => {
    const r = convert(versions('claude-2 , Claude 2 , 2023-07-11 , Claude 2 '));
    expect(r.data.versions).toEqual([
      { id: 'claude-2 ', model: 'Claude 2', displayName: 'Claude 2', date: '2023-07-11' },
    ]);
  });

  test('empty and repeated ids are refused by spreadsheet row; a bad date keeps the version without one', () => {
    const r = convert(
      versions('a,A,2023-01-01,', '  ,B,2023-01-02,', 'a,A again,2023-01-03,', 'c,C,early 2023,', 'd,D,2023-13-40,'),
    );
    expect(r.data.versions.map((v) => v.id)).toEqual(['a', 'c', 'd']);
    expect(r.data.versions[1]).not.toHaveProperty('date');
    expect(r.rejects).toEqual([
      { file: 'model_versions.csv', row: 3, column: 'id', reason: 'empty version id' },
      { file: 'model_versions.csv', row: 4, column: 'id', reason: 'duplicate version id "a"' },
      {
        file: 'model_versions.csv',
        row: 5,
        column: 'Version release date',
        reason: '"early 2023" is not a date (kept the version without one)',
      },
      {
        file: 'model_versions.csv',
        row: 6,
        column: 'Version release date',
        reason: '"2023-13-40" is not a date (kept the version without one)',
      },
    ]);
  });

  test('a file without an id column refuses every row; without Model, date or name columns they stay empty', () => {
    const noId = convert({ 'model_versions.csv': 'name,Model\nx,X' });
    expect(noId.data.versions).toEqual([]);
    expect(noId.rejects).toEqual([{ file: 'model_versions.csv', row: 2, column: 'id', reason: 'empty version id' }]);
    const bare = convert({ 'model_versions.csv': 'id\nx' });
    expect(bare.data.versions).toEqual([{ id: 'x', model: '' }]);
    expect(bare.rejects).toEqual([]);
  });

  test('distillation is read as the paper reads TRUE/FALSE, and absent when Epoch does not say', () => {
    const r = convert({
      ...versions('a,A,,', 'b,B,,', 'c,C,,', 'd,D,,', 'e,E,,'),
      'distilled_models.csv': 'model,distilled\na,TRUE\n b ,yes\nc,10\nd, 1 ',
    });
    expect(r.data.versions.map((v) => [v.id, 'distilled' in v ? v.distilled : 'unknown'])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', true],
      ['e', 'unknown'],
    ]);
  });
});

describe("each version's Epoch model and its training compute", () => {
  test('the first version of a notable model brings its compute; models Epoch does not list are left out', () => {
    const notable = [
      {
        name: 'GPT-4',
        epochId: 'gpt-4',
        flop: 2.1e25,
        confidence: 'Likely',
        organization: 'OpenAI',
        country: 'United States',
        bloc: 'United States' as const,
      },
      { name: 'Claude 2', epochId: 'claude-2', organization: 'Anthropic', bloc: 'United States' as const },
    ];
    const r = convert(versions('gpt-4-0314,GPT-4,,', 'gpt-4-0613,GPT-4,,', 'claude-2,Claude 2,,', 'x,X,,', 'y,Y,,'), {
      versionToNotable: {
        'gpt-4-0314': 'GPT-4',
        'gpt-4-0613': 'GPT-4',
        'claude-2': 'Claude 2',
        x: 'Not In Epoch',
        y: null,
      },
      notable,
    });
    expect(r.data.notableCompute).toStrictEqual({
      'GPT-4': {
        flop: 2.1e25,
        confidence: 'Likely',
        organization: 'OpenAI',
        country: 'United States',
        bloc: 'United States',
        epochId: 'gpt-4',
      },
      // Epoch gives no compute: the key is absent, not undefined (the data says "unknown" by absence)
      'Claude 2': { organization: 'Anthropic', bloc: 'United States', epochId: 'claude-2' },
    });
    expect(r.data.versions.map((v) => v.notable)).toEqual(['GPT-4', 'GPT-4', 'Claude 2', 'Not In Epoch', undefined]);
    expect(r.data.versions[4]).toStrictEqual({ id: 'y', model: 'Y' });
  });
});

describe('benchmark metadata', () => {
  test('flags, release date and source link come from benchmark_optim.csv, trimmed', () => {
    const r = convert({
      'benchmark_optim.csv': [
        OPTIM_HEADER,
        ' MMLU ,TRUE, untrue ,1,2020/9/7, https://arxiv.org/abs/2009.03300 ',
        'GSM8K,FALSE,10,yes,,see https://arxiv.org/abs/2110.14168',
        'HellaSwag,,,,,https://rowanzellers.com/hellaswag x',
      ].join('\n'),
    });
    const b = (name: string) => r.data.benchmarks.find((x) => x.name === name)!;
    expect(b('MMLU')).toEqual({
      id: 'mmlu',
      name: 'MMLU',
      file: MMLU,
      column: 'EM',
      scale: 'percent',
      releaseDate: '2020-09-07',
      optimized: true,
      coding: false,
      math: true,
      source: { title: 'MMLU: benchmark page or paper', url: 'https://arxiv.org/abs/2009.03300' },
    });
    // a cell that only contains a link, or has words after it, is not a link
    expect(b('GSM8K')).toMatchObject({ optimized: false, coding: false, math: true });
    expect(b('GSM8K')).not.toHaveProperty('source');
    expect(b('GSM8K')).not.toHaveProperty('releaseDate');
    expect(b('HellaSwag')).not.toHaveProperty('source');
    expect(b('Winogrande')).toMatchObject({ optimized: false, coding: false, math: false });
  });
});

describe('score rows', () => {
  const SRC = 'Stanford CRFM Leaderboard,https://crfm.stanford.edu/helm';

  test('a sound row becomes a sourced estimate; shots go into the note', () => {
    const r = convert(mmlu(`r1,GPT-4,86.4%,gpt-4-0314,5,${SRC},`));
    expect(r.rejects).toEqual([]);
    expect(r.counts.MMLU).toEqual({ rows: 1, kept: 1 });
    expect(r.data.scores).toHaveLength(1);
    const [vi, bi, value, si, st, ni] = r.data.scores[0]!;
    expect(r.data.versions[vi]!.id).toBe('gpt-4-0314');
    expect(r.data.benchmarks[bi]!.name).toBe('MMLU');
    expect(value).toBeCloseTo(0.864, 12);
    expect(r.data.sources[si]).toEqual({ title: 'Stanford CRFM Leaderboard', url: 'https://crfm.stanford.edu/helm' });
    expect(r.data.statuses[st]).toBe('estimate');
    expect(r.data.notes[ni]).toBe('5-shot');
  });

  test('each refused row is named by file, spreadsheet row, column and reason', () => {
    const long = 'about eighty percent give or take a few points';
    const r = convert(
      mmlu(
        `r1,GPT-4,86%,  ,5,${SRC},`,
        `r2,GPT-4,  ,gpt-4-0314,5,${SRC},`,
        `r3,GPT-4, ${long} ,gpt-4-0314,5,${SRC},`,
        `r4,GPT-4, 130% ,gpt-4-0314,5,${SRC},`,
        `r5,GPT-4,-5%,gpt-4-0314,5,${SRC},`,
        `r6,GPT-4,86%,gpt-4-0314,5,,https://crfm.stanford.edu/helm,`,
        `r7,GPT-4,86%,gpt-4-0314,5,Some blog,no link,`,
        `r8,GPT-4,86%,gpt-4,5,${SRC},`,
        `r9,GPT-4,86%,gpt-4-0314 ,5,${SRC},`,
      ),
    );
    const row = (n: number, column: string, reason: string) => ({ file: MMLU, row: n, column, reason });
    expect(r.rejects).toEqual([
      row(2, 'Model version', 'empty model version: the score cannot be joined to a model'),
      row(3, 'EM', 'empty score'),
      row(4, 'EM', `"${long.slice(0, 30)}" is not a number`),
      row(5, 'EM', '130% is not a score between 0 and 100%'),
      row(6, 'EM', '-5% is not a score between 0 and 100%'),
      row(7, 'Source', 'no source given'),
      row(8, 'Source link', 'no http(s) source link'),
      row(9, 'Model version', 'version "gpt-4" is not in model_versions.csv'),
      row(
        10,
        'Model version',
        'version "gpt-4-0314 " is not in model_versions.csv (model_versions.csv has "gpt-4-0314": the paper joins exact strings)',
      ),
    ]);
    expect(r.counts.MMLU).toEqual({ rows: 9, kept: 0 });
    expect(r.data.scores).toEqual([]);
  });

  test('the ends of the scale are scores: 0% and 100% are kept', () => {
    const r = convert(mmlu(`r1,GPT-4,0%,gpt-4-0314,,${SRC},`, `r2,GPT-4,100%,gpt-4-0314,,${SRC},`));
    expect(r.rejects).toEqual([]);
    expect(r.data.scores.map((s) => s[2])).toEqual([0, 1]);
  });

  test('a file without the version, score, Source or link column says so', () => {
    const noVersion = convert({ [MMLU]: `id,Name,EM,Source,Source link\nr1,GPT-4,86%,${SRC}` });
    expect(noVersion.rejects).toEqual([
      {
        file: MMLU,
        row: 2,
        column: 'Model version',
        reason: 'empty model version: the score cannot be joined to a model',
      },
    ]);
    const noSource = convert({ [MMLU]: 'id,EM,Model version,Source link\nr1,86%,gpt-4-0314,https://x.org' });
    expect(noSource.rejects).toEqual([{ file: MMLU, row: 2, column: 'Source', reason: 'no source given' }]);
    const noLink = convert({ [MMLU]: 'id,EM,Model version,Source\nr1,86%,gpt-4-0314,Some blog' });
    expect(noLink.rejects).toEqual([{ file: MMLU, row: 2, column: 'Source link', reason: 'no http(s) source link' }]);
    // Epoch names some link columns "Source link (site from table)"
    const longName = convert({
      [MMLU]: 'id,EM,Model version,Source,Source link (site from table)\nr1,86%,gpt-4-0314,Some blog,',
    });
    expect(longName.rejects).toEqual([
      { file: MMLU, row: 2, column: 'Source link (site from table)', reason: 'no http(s) source link' },
    ]);
  });

  test("without a link in the row the benchmark's own page is linked, and the note says so", () => {
    const r = convert({
      'benchmark_optim.csv': `${OPTIM_HEADER}\nMMLU,TRUE,FALSE,FALSE,2020/9/7,https://arxiv.org/abs/2009.03300`,
      ...mmlu(
        'r1,GPT-4,86%,gpt-4-0314,5,Some blog,',
        'r2,GPT-4,86%,gpt-4-0314,,Some blog, see https://blog.example ',
        'r3,GPT-4,86%,gpt-4-0314,,Some blog, https://blog.example ',
      ),
    });
    expect(r.rejects).toEqual([]);
    const [a, b, c] = r.data.scores;
    expect(r.data.sources[a![3]]).toEqual({ title: 'Some blog', url: 'https://arxiv.org/abs/2009.03300' });
    expect(r.data.notes[a![5]]).toBe("no link in Epoch's row: the benchmark's own page is linked; 5-shot");
    expect(r.data.notes[b![5]]).toBe("no link in Epoch's row: the benchmark's own page is linked");
    expect(r.data.sources[c![3]]).toEqual({ title: 'Some blog', url: 'https://blog.example' });
    expect(c![5]).toBe(-1);
  });

  test("a lab's own report about its own model is disclosed; about another lab's model it is an estimate", () => {
    const publishers = {
      sources: new Map([['OpenAI blog\u0000https://openai.com/gpt-4', { publisher: 'OpenAI', labReport: true }]]),
      developers: new Map([
        ['gpt-4-0314', 'OpenAI'],
        ['claude-2', 'Anthropic'],
      ]),
    };
    const r = convert(
      {
        ...versions('gpt-4-0314,GPT-4,2023-03-14,', 'claude-2,Claude 2,2023-07-11,'),
        ...mmlu(
          'r1,GPT-4,86%,gpt-4-0314,,OpenAI blog,https://openai.com/gpt-4',
          'r2,C,78%,claude-2,,OpenAI blog,https://openai.com/gpt-4',
        ),
      },
      { publishers, developerBlocs: { OpenAI: 'United States' } },
    );
    expect(r.data.scores.map((s) => r.data.statuses[s[4]])).toEqual(['disclosed', 'estimate']);
    expect(r.data.versions).toEqual([
      { id: 'gpt-4-0314', model: 'GPT-4', date: '2023-03-14', developer: 'OpenAI', bloc: 'United States' },
      { id: 'claude-2', model: 'Claude 2', date: '2023-07-11', developer: 'Anthropic' },
    ]);
  });

  test("Epoch's own runs: the task picks the benchmark, the public log is the source, rows count in the runs file", () => {
    const r = convert({
      ...versions('gpt-4-0314,GPT-4,2023-03-14,', 'o3,o3,2025-04-16,'),
      [RUNS]: [
        'id,task,model,Best score (across scorers),log viewer',
        'a, GPQA diamond ,gpt-4-0314,0.350, https://logs.epoch.ai/a ',
        'b,MATH level 5,o3,0.97,',
        'c,GPQA diamond,o3,1.2,',
      ].join('\n'),
    });
    expect(r.rejects).toEqual([
      { file: RUNS, row: 4, column: 'Best score (across scorers)', reason: '1.2 is not a score between 0 and 100%' },
    ]);
    expect(r.counts['GPQA diamond']).toEqual({ rows: 2, kept: 1 });
    const [gpqa, math] = r.data.scores;
    expect(r.data.sources[gpqa![3]]).toEqual({
      title: 'Epoch AI Benchmarking Hub: GPQA diamond evaluation',
      url: 'https://logs.epoch.ai/a',
    });
    expect(gpqa![5]).toBe(-1);
    expect(r.data.sources[math![3]]).toEqual({
      title: 'Epoch AI Benchmarking Hub: MATH level 5 evaluation',
      url: 'https://epoch.ai/benchmarks',
    });
    expect(r.data.notes[math![5]]).toBe('run log not public; Epoch AI Benchmarking Hub');
    expect(r.data.statuses[gpqa![4]]).toBe('estimate');
  });

  test('sources and notes are stored once and shared by index', () => {
    const r = convert(mmlu(`r1,GPT-4,86%,gpt-4-0314,5,${SRC},`, `r2,GPT-4,87%,gpt-4-0314,5,${SRC},`));
    expect(r.data.sources).toHaveLength(1);
    expect(r.data.notes).toEqual(['5-shot']);
    expect(r.data.scores.map((s) => [s[3], s[5]])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('cells read as the paper reads them', () => {
  test('numbers: signs, leading dots, exponents and a trailing % are numbers; anything Number() alone would take is not', () => {
    expect(parseScore(' 77 % ', 'percent')).toBeCloseTo(0.77, 12);
    expect(parseScore('77%', 'percent')).toBeCloseTo(0.77, 12);
    expect(parseScore('-5', 'percent')).toBeCloseTo(-0.05, 12);
    expect(parseScore('+5', 'percent')).toBeCloseTo(0.05, 12);
    expect(parseScore('.55', 'fraction')).toBe(0.55);
    expect(parseScore('5.', 'tenths')).toBe(0.5);
    expect(parseScore('1e-2', 'fraction')).toBe(0.01);
    expect(parseScore('1E-10', 'fraction')).toBe(1e-10);
    expect(parseScore('5e1', 'percent')).toBe(0.5);
    expect(parseScore('5e+1', 'percent')).toBe(0.5);
    for (const bad of ['0x1', '0x10', '7%7', '%', '1e999', 'Infinity', '1_000', '1e', 'e5', '.', '5 5', '--5', '1,5'])
      expect(parseScore(bad, 'fraction'), bad).toBeUndefined();
  });

  test('dates: 2024-12-21 and 2024/12/21, padded; anything around them or out of the calendar is refused', () => {
    expect(normaliseDate(' 2024/1/5 ')).toBe('2024-01-05');
    for (const bad of ['x2024-12-21', '2024-12-21x', '2024-12-21 10:00', '2024-13-01', '2024-00-10', '24-12-21'])
      expect(normaliseDate(bad), bad).toBeUndefined();
  });
});

describe('the data file check', () => {
  const good = () => JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8'));
  const message = (raw: unknown) => {
    try {
      parseStitching(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(CapabilityDataError);
      expect((e as Error).name).toBe('CapabilityDataError');
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  const withScore = (t: unknown[]) => ({ ...good(), scores: [t] });

  test('the whole file must be an object, and the message says where and what to run', () => {
    expect(message(null)).toBe(
      'data/capability/stitching.json: (root): Invalid input: expected object, received null (run npm run data:capability)',
    );
    expect(() => parseCuratedMap([])).toThrow(
      new CapabilityDataError(
        'data/capability/joins/curated-map.json: (root): Invalid input: expected object, received array',
      ),
    );
    expect(() => parseCuratedMap({ versions: { x: { version: 'y' } }, benchmarks: {} })).toThrow(
      new CapabilityDataError(
        'data/capability/joins/curated-map.json: versions.x.why: Invalid input: expected string, received undefined',
      ),
    );
  });

  test('each score tuple is checked field by field', () => {
    const f = good();
    expect(firstBadScore('not a list')).toBe(-1);
    expect(firstBadScore([[0, 0, 0.5, 0, 0, -1]])).toBeUndefined();
    expect(firstBadScore([[0, 0, 1, 0, 0, 0]])).toBeUndefined();
    expect(firstBadScore([[0, 0, 0, 0, 0, 0]])).toBeUndefined();
    const bad: unknown[][] = [
      [0, 0, 0.5, 0, 0, -1, 9],
      [-1, 0, 0.5, 0, 0, -1],
      [0, 0.5, 0.5, 0, 0, -1],
      [0, 0, '0.5', 0, 0, -1],
      [0, 0, 1.0001, 0, 0, -1],
      [0, 0, -0.0001, 0, 0, -1],
      [0, 0, Number.NaN, 0, 0, -1],
      [0, 0, 0.5, -1, 0, -1],
      [0, 0, 0.5, 0, '0', -1],
      [0, 0, 0.5, 0, 0, -2],
      [0, 0, 0.5, 0, 0, '1'],
      [0, 0, 0.5, 0, 0, 0.5],
    ];
    for (const t of bad) {
      expect(firstBadScore([[0, 0, 0.5, 0, 0, -1], t]), JSON.stringify(t)).toBe(1);
      expect(message(withScore(t))).toMatch(/^data\/capability\/stitching\.json: scores: each score must be/);
    }
    // an index must point inside its table: the last entry is the limit
    const n = {
      v: f.versions.length,
      b: f.benchmarks.length,
      s: f.sources.length,
      st: f.statuses.length,
      no: f.notes.length,
    };
    const inside: unknown[][] = [[n.v - 1, n.b - 1, 0.5, n.s - 1, n.st - 1, n.no - 1]];
    expect(parseStitching({ ...f, scores: inside }).scores).toEqual(inside);
    for (const t of [
      [n.v, 0, 0.5, 0, 0, -1],
      [0, n.b, 0.5, 0, 0, -1],
      [0, 0, 0.5, n.s, 0, -1],
      [0, 0, 0.5, 0, n.st, -1],
      [0, 0, 0.5, 0, 0, n.no],
    ])
      expect(message({ ...f, scores: [[0, 0, 0.5, 0, 0, -1], t] })).toBe(
        'data/capability/stitching.json: scores.1: refers to a version, benchmark, source, status or note that is not in the file (run npm run data:capability)',
      );
  });

  test('dates and benchmark ids must be whole YYYY-MM-DD dates and lowercase slugs', () => {
    const f = good();
    for (const date of ['2024-01-011', 'x2024-01-01', '2024-1-01'])
      expect(message({ ...f, versions: [{ ...f.versions[0], date }, ...f.versions.slice(1)] })).toBe(
        'data/capability/stitching.json: versions.0.date: date must be YYYY-MM-DD (run npm run data:capability)',
      );
    for (const id of ['A-b', 'a-B', 'a b', 'a--b', '-a'])
      expect(message({ ...f, benchmarks: [{ ...f.benchmarks[0], id }, ...f.benchmarks.slice(1)] })).toBe(
        'data/capability/stitching.json: benchmarks.0.id: id must be a lowercase slug (run npm run data:capability)',
      );
    expect(
      parseStitching({ ...f, benchmarks: [{ ...f.benchmarks[0], id: 'gpt-4.5-x' }, ...f.benchmarks.slice(1)] }),
    ).toBeTruthy();
  });
});
