/**
 * The user-file importer on small hand-made files: each problem is checked as the user reads it
 * (row, field, what was expected, what was found), and each accepted cell as the model it becomes.
 */
import { expect, test } from 'vitest';
import { benchmarkColumnName, withUnit } from '../../src/data/columnNames';
import { describeProblem, detectCsvFormat, importCsvTable, importJson } from '../../src/data/importers';

const SRC = { title: 'Paper', url: 'https://example.org/p' };
const valid = (over: Record<string, unknown> = {}) => ({
  id: 'm',
  name: 'M',
  lab: 'L',
  country: 'France',
  bloc: 'Europe',
  releaseDate: '2024-01',
  openWeights: false,
  architecture: 'dense',
  benchmarks: {},
  ...over,
});
const said = (r: { problems: Parameters<typeof describeProblem>[0][] }) => r.problems.map(describeProblem);
/** a CSV given as lines of comma-separated cells (no quoting needed in these fixtures) */
const csv = (...lines: string[]) => {
  const [head, ...rows] = lines.map((l) => l.split(','));
  return importCsvTable(head!, rows);
};
const ID = 'id,name,lab,country,bloc,releaseDate,openWeights,architecture';
const ok = 'm,M,L,France,Europe,2024-01,true,dense';

test('JSON: a syntax error, a file of the wrong shape and too many models are named at file level', () => {
  const bad = importJson('{"models": [');
  expect(bad.format).toBe('json');
  expect(bad.models).toEqual([]);
  expect(said(bad)[0]).toMatch(/^file: expected valid JSON, got a syntax error \(.+\)$/);
  expect(said(importJson('{"model": []}'))).toEqual([
    'file: expected an object with a "models" array, or an array of models, got {"model":[]}',
  ]);
  expect(said(importJson('null'))).toEqual([
    'file: expected an object with a "models" array, or an array of models, got null',
  ]);
  expect(said(importJson('"models"'))).toEqual([
    'file: expected an object with a "models" array, or an array of models, got "models"',
  ]);
  expect(said(importJson(JSON.stringify({ models: 'x'.repeat(100) })))).toEqual([
    `file: expected an object with a "models" array, or an array of models, got {"models":"${'x'.repeat(46)}…`,
  ]);
  const many = importJson(`[${'0,'.repeat(200_000)}0]`);
  expect(many.totalRows).toBe(200_001);
  expect(said(many)).toEqual(['file: expected at most 200000 models, got 200001']);
});

test('JSON: a bare array and our export both import; each model is marked as the user’s', () => {
  const a = importJson(JSON.stringify([valid()]));
  expect(a).toEqual({ format: 'json', totalRows: 1, models: [{ ...valid(), userSupplied: true }], problems: [] });
  expect(importJson(JSON.stringify({ dataset: 'mine', models: [valid()] })).models).toEqual([
    { ...valid(), userSupplied: true },
  ]);
});

test('JSON: each refused field is named with its row, the model id, what was expected and what was found', () => {
  const r = importJson(
    JSON.stringify([
      valid({ id: 'a', bloc: 'Mars' }),
      valid({ id: 'ok' }),
      valid({ id: 'b', openWeights: 'yes' }),
      valid({ id: 'c', colour: 'red' }),
      42,
      valid({ id: 'ok' }),
      valid({ id: 'd', totalParams: { value: -1, status: 'leak', source: SRC } }),
      valid({ id: 7 }),
    ]),
  );
  expect(r.totalRows).toBe(8);
  expect(r.models.map((m) => m.id)).toEqual(['ok']);
  expect(said(r)).toEqual([
    'row 1, bloc (model "a"): expected one of "United States", "China", "Europe", "Other", got "Mars"',
    'row 3, openWeights (model "b"): expected a boolean, got "yes"',
    'row 4, colour: expected only the schema’s fields, got unknown field(s)',
    'row 5, (record): expected a object, got 42',
    'row 6, id: expected an id not used by an earlier row, got "ok"',
    'row 7, totalParams.value (model "d"): expected must not be negative, got -1',
    'row 8, id: expected a string, got 7',
  ]);
});

test('JSON: a reserved key anywhere in a record is refused before anything reads it', () => {
  const text = (inner: string) => `[{"id":"x","benchmarks":{},"notes":{"a":${inner}}}]`;
  expect(said(importJson(text('{"constructor":1}')))).toEqual([
    'row 1, notes.a.constructor: expected ordinary field names, got the reserved key "constructor"',
  ]);
  expect(said(importJson('[{"prototype":{}}]'))).toEqual([
    'row 1, prototype: expected ordinary field names, got the reserved key "prototype"',
  ]);
  // it looks six levels deep (deeper nesting is the schema's to refuse)
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}{"__proto__":1}${'}'.repeat(levels)}`;
  expect(said(importJson(`[${deep(6)}]`))[0]).toBe(
    'row 1, a.a.a.a.a.a.__proto__: expected ordinary field names, got the reserved key "__proto__"',
  );
  expect(said(importJson(`[${deep(7)}]`))[0]).not.toMatch(/reserved key/);
});

test('CSV formats are told apart by their headers; an unknown header is named', () => {
  expect(detectCsvFormat(['id', ' name '])).toBe('app-csv');
  expect(detectCsvFormat(['Model id', 'Model'])).toBe('app-csv');
  expect(detectCsvFormat(['id', 'Model'])).toBe('unknown');
  expect(detectCsvFormat(['Model', 'Publication date'])).toBe('epoch-csv');
  expect(detectCsvFormat(['System', 'Publication date'])).toBe('epoch-csv');
  expect(detectCsvFormat(['Model', 'Date'])).toBe('unknown');
  expect(detectCsvFormat(['name', 'Publication date'])).toBe('unknown');
  const r = csv('a,b,c,d,e,f,g,h', '1,2,3,4,5,6,7,8');
  expect(r).toEqual({
    format: 'unknown',
    totalRows: 1,
    models: [],
    problems: [
      {
        field: 'header',
        expected: 'the app’s CSV columns (id, name, …) or Epoch AI’s (Model, Publication date, …)',
        got: '"a, b, c, d, e, f"',
      },
    ],
  });
});

test('CSV: more than 200,000 rows is refused at file level, before anything else is checked', () => {
  const r = importCsvTable(
    ['id', 'name'],
    Array.from({ length: 200_001 }, () => []),
  );
  expect(r).toMatchObject({ format: 'app-csv', totalRows: 200_001, models: [] });
  expect(said(r)).toEqual(['file: expected at most 200000 rows, got 200001']);
  // exactly the cap is read (here its header is what is wrong)
  expect(
    said(
      importCsvTable(
        ['a'],
        Array.from({ length: 200_000 }, () => []),
      ),
    )[0],
  ).toMatch(/^header:/);
});

test('Epoch’s CSV: rejects name the spreadsheet row and the column at fault', () => {
  const r = csv(
    'Model,Organization,Publication date',
    'Good,Lab,2024-02-01',
    ',Lab,2024-02-01',
    'No org,,2024-02-01',
    'No date,Lab,',
    'Bad date,Lab,soon',
  );
  expect(r.format).toBe('epoch-csv');
  expect(r.totalRows).toBe(5);
  expect(r.models.map((m) => [m.id, m.userSupplied])).toEqual([['good', true]]);
  expect(said(r)).toEqual([
    'row 3, Model: expected a value, got no model name',
    'row 4, Organization: expected a value, got no organization',
    'row 5, Publication date: expected a value, got no publication date',
    'row 6, Publication date: expected a value, got publication date "soon" is not YYYY-MM-DD',
  ]);
});

test('app CSV: identity columns by id or on-screen name, with every optional field', () => {
  const full = csv(
    'Model id,Model,Lab,Country,Bloc,Released,Weights,Architecture,Chip id,Base model id,Licence,Notes,Release source,Release source URL',
    'x,X,Lab,China,China,2024-05-06,open,moe,h100,y,MIT,A note,Blog post,https://example.org/b',
  );
  expect(full.problems).toEqual([]);
  expect(full.models).toEqual([
    {
      id: 'x',
      name: 'X',
      lab: 'Lab',
      country: 'China',
      bloc: 'China',
      releaseDate: '2024-05-06',
      openWeights: true,
      architecture: 'moe',
      chipId: 'h100',
      baseModelId: 'y',
      licence: 'MIT',
      notes: 'A note',
      releaseSource: { title: 'Blog post', url: 'https://example.org/b' },
      benchmarks: {},
      userSupplied: true,
    },
  ]);
  // empty optional cells are left out; a blank architecture is unknown; "closed"/"false" are closed weights
  const bare = csv(
    `${ID},chipId,licence`,
    'm,M,L,France,Europe,2024-01,closed,,,',
    'n,N,L,France,Europe,2024-01,FALSE,dense,,',
  );
  expect(bare.models).toEqual([
    { ...valid({ architecture: 'unknown' }), userSupplied: true },
    { ...valid({ id: 'n', name: 'N' }), userSupplied: true },
  ]);
  // a release source with only a URL keeps it (and the schema names the missing title)
  expect(said(csv(`${ID},releaseSource url`, `${ok},https://example.org/r`))).toEqual([
    'row 2, releaseSource.title (model "m"): expected source title is required, got an empty cell',
  ]);
  expect(said(csv(`${ID},releaseSource`, `${ok},A title`))[0]).toMatch(
    /^row 2, releaseSource\.url \(model "m"\): expected source url/,
  );
});

test('app CSV: a bad bloc, weights cell or identity field names its row; rows are numbered as a spreadsheet shows them', () => {
  const r = csv(
    ID,
    ok,
    'a,A,L,France,,2024-01,true,dense',
    'b,B,L,France,Europe,2024-01,maybe,dense',
    'c,C,L,France,Europe,2024-01,,dense',
    'Bad Id,D,L,France,Europe,2024-01,true,dense',
    'e,E,L,France,Europe,01/2024,true,dense',
    'm,Again,L,France,Europe,2024-01,true,dense',
  );
  expect(r.models.map((m) => m.id)).toEqual(['m']);
  expect(said(r)).toEqual([
    'row 3, bloc: expected one of United States, China, Europe, Other, got an empty cell',
    'row 4, openWeights: expected true or false, got "maybe"',
    'row 5, openWeights: expected true or false, got an empty cell',
    'row 6, id (model "Bad Id"): expected id must be a lowercase slug like "deepseek-v3" or "llama-3.1-405b", got "Bad Id"',
    'row 7, releaseDate (model "e"): expected date must be YYYY-MM-DD or YYYY-MM, got "01/2024"',
    'row 8, id: expected an id not used by an earlier row, got "m"',
  ]);
  // a missing weights column is named too (nothing to read: "nothing")
  expect(said(csv('id,name,lab,country,bloc,releaseDate', 'm,M,L,France,Europe,2024-01'))).toEqual([
    'row 2, openWeights: expected true or false, got nothing',
  ]);
  // a formula-neutralised cell is read back as typed
  expect(csv(`${ID},notes`, `${ok},'=1+1`).models[0]?.notes).toBe('=1+1');
});

test('app CSV: a value cell becomes a sourced figure with its status word, range and note', () => {
  const r = csv(
    `${ID},Params (total),Params (total) status,Params (total) source,Params (total) source URL,Params (total) low,Params (total) high,Params (total) note,Training duration (hours),Training duration (hours) status,Training duration (hours) source,Training duration (hours) source URL`,
    `${ok},7e9,Third-party estimate,Paper,https://example.org/p,6e9,8e9,From the card,720,Leak / press,Paper,HTTPS://example.org/p`,
  );
  expect(r.problems).toEqual([]);
  expect(r.models[0]?.totalParams).toEqual({
    value: 7e9,
    status: 'estimate',
    source: SRC,
    range: [6e9, 8e9],
    note: 'From the card',
  });
  expect(r.models[0]?.trainingDurationHours).toEqual({
    value: 720,
    status: 'leak',
    source: { title: 'Paper', url: 'HTTPS://example.org/p' },
  });
  // schema words are read too, whatever their case
  const words = csv(
    `${ID},Chips,Chips status,Chips source,Chips source URL`,
    `${ok},2048,DISCLOSED,Paper,https://example.org/p`,
  );
  expect(words.models[0]?.chipCount).toEqual({ value: 2048, status: 'disclosed', source: SRC });
});

test('app CSV: an older export’s "<id> (<unit>)" columns are read, and the engine’s estimates are not', () => {
  const r = csv(
    `${ID},flopReported (FLOP),flopReported status,flopReported source,flopReported source url,gpuHours (GPU-h),gpuHours status,gpuHours source,gpuHours source url,cost (USD),cost status,cost source,cost source url`,
    `${ok},2e24,disclosed,Paper,https://example.org/p,5e6,disclosed,Paper,https://example.org/p,1e8,disclosed,Paper,https://example.org/p`,
  );
  expect(r.problems).toEqual([]);
  expect(r.models[0]?.trainingFlop).toEqual({ value: 2e24, status: 'disclosed', source: SRC });
  expect(r.models[0]?.gpuHours).toBeUndefined();
  expect(Object.keys(r.models[0]!)).not.toContain('cost');
  // a column whose name is not "<id> (<unit>)" or an on-screen name is ignored
  expect(csv(`${ID},flopReported,flopReported status`, `${ok},-1,disclosed`).problems).toEqual([]);
  expect(csv(`${ID},notAField (x),notAField status`, `${ok},-1,disclosed`).problems).toEqual([]);
});

test('app CSV: a computed or unknown value is skipped; an empty, negative, zero or junk figure is named', () => {
  const head = `${ID},Chips,Chips status,Chips source,Chips source URL`;
  const cells = (v: string, st: string) => `${ok},${v},${st},Paper,https://example.org/p`;
  expect(csv(head, cells('', '')).problems).toEqual([]);
  expect(csv(head, cells('', 'Unknown')).problems).toEqual([]);
  expect(csv(head, cells('123', 'computed from estimates or leaks')).models[0]?.chipCount).toBeUndefined();
  expect(csv(head, cells('123', 'Computed')).models[0]?.chipCount).toBeUndefined();
  expect(said(csv(head, cells('', 'disclosed')))).toEqual([
    'row 2, chipCount: expected a positive number, got an empty cell',
  ]);
  expect(said(csv(head, cells('-3', 'disclosed')))).toEqual(['row 2, chipCount: expected a positive number, got "-3"']);
  expect(said(csv(head, cells('0', 'disclosed')))).toEqual(['row 2, chipCount: expected a positive number, got "0"']);
  expect(said(csv(head, cells('lots', 'disclosed')))).toEqual([
    'row 2, chipCount: expected a positive number, got "lots"',
  ]);
  expect(said(csv(head, cells('Infinity', 'disclosed')))).toEqual([
    'row 2, chipCount: expected a positive number, got "Infinity"',
  ]);
  expect(said(csv(head, cells('12', 'rumour')))).toEqual([
    'row 2, chipCount status: expected disclosed, estimate or leak, got "rumour"',
  ]);
  expect(said(csv(head, cells('12', '')))).toEqual([
    'row 2, chipCount status: expected disclosed, estimate or leak, got an empty cell',
  ]);
});

test('app CSV: a benchmark score of 0 is a result; its key must be a benchmark id', () => {
  const head = `${ID},MMLU (%),MMLU (%) status,MMLU (%) source,MMLU (%) source URL`;
  const r = csv(head, `${ok},0,disclosed,Paper,https://example.org/p`);
  expect(r.problems).toEqual([]);
  expect(r.models[0]?.benchmarks).toEqual({ mmlu: { value: 0, status: 'disclosed', source: SRC } });
  expect(said(csv(head, `${ok},-1,disclosed,Paper,https://example.org/p`))).toEqual([
    'row 2, benchmarks.mmlu: expected a number ≥ 0, got "-1"',
  ]);
  // an older export's "bench:<id> (<unit>)" column, with an id that is not a slug
  const old = csv(
    `${ID},bench:Bad_Id (%),bench:Bad_Id status,bench:Bad_Id source,bench:Bad_Id source url,bench:gsm8k (%),bench:gsm8k status,bench:gsm8k source,bench:gsm8k source url`,
    `${ok},50,leak,Paper,https://example.org/p,91,leak,Paper,https://example.org/p`,
  );
  expect(said(old)).toEqual([
    'row 2, benchmark column "bench:Bad_Id": expected a benchmark id like "mmlu", got "Bad_Id"',
  ]);
  expect(old.models).toEqual([]);
});

test('app CSV: a figure needs a source title of 3+ characters and an http(s) URL', () => {
  const head = `${ID},Chips,Chips status,Chips source,Chips source URL`;
  const src = (title: string, url: string) => said(csv(head, `${ok},8,leak,${title},${url}`));
  expect(src('Abc', 'https://example.org')).toEqual([]);
  expect(src('Abc', 'http://example.org')).toEqual([]);
  expect(src('Ab', 'https://example.org')).toEqual([
    'row 2, chipCount source: expected a source title and an http(s) URL, got "https://example.org"',
  ]);
  expect(src('Title', 'ftp://example.org')).toEqual([
    'row 2, chipCount source: expected a source title and an http(s) URL, got "ftp://example.org"',
  ]);
  expect(src('Title', 'see https://example.org')).toEqual([
    'row 2, chipCount source: expected a source title and an http(s) URL, got "see https://example.org"',
  ]);
  expect(src('Title', 'https://')).toEqual([
    'row 2, chipCount source: expected a source title and an http(s) URL, got "https://"',
  ]);
  expect(src('Title', '')).toEqual([
    'row 2, chipCount source: expected a source title and an http(s) URL, got "Title"',
  ]);
  expect(src('', '')).toEqual([
    'row 2, chipCount source: expected a source title and an http(s) URL, got an empty cell',
  ]);
});

test('app CSV: a range must hold the value; one missing end is named', () => {
  const head = `${ID},Chips,Chips status,Chips source,Chips source URL,Chips low,Chips high`;
  const range = (lo: string, hi: string) => csv(head, `${ok},8,leak,Paper,https://example.org/p,${lo},${hi}`);
  expect(range('8', '8').models[0]?.chipCount?.range).toEqual([8, 8]);
  expect(said(range('9', '10'))).toEqual(['row 2, chipCount range: expected low ≤ 8 ≤ high, got "9–10"']);
  expect(said(range('1', '7'))).toEqual(['row 2, chipCount range: expected low ≤ 8 ≤ high, got "1–7"']);
  expect(said(range('1', ''))).toEqual(['row 2, chipCount range: expected low ≤ 8 ≤ high, got "1–"']);
  expect(said(range('', '9'))).toEqual([]);
  expect(said(range('x', '9'))).toEqual(['row 2, chipCount range: expected low ≤ 8 ≤ high, got "x–9"']);
  expect(said(range('1', 'y'))).toEqual(['row 2, chipCount range: expected low ≤ 8 ≤ high, got "1–y"']);
});

test('app CSV: problems from the cell checks and from the identity check come back in row order', () => {
  const r = csv(ID, 'Bad,A,L,France,Europe,2024-01,true,dense', 'b,B,L,France,Mars,2024-01,true,dense');
  expect(r.problems.map((p) => p.row)).toEqual([2, 3]);
});

test('JSON: a range that does not hold its value is named by field (the schema’s own words)', () => {
  const r = importJson(
    JSON.stringify([valid({ totalParams: { value: 5, status: 'leak', source: SRC, range: [1, 2] } })]),
  );
  expect(said(r)).toEqual([
    'row 1, totalParams (model "m"): expected range [1, 2] must contain value 5, got {"value":5,"status":"leak","source":{"title":"Paper","url…',
  ]);
});

test('a found value is quoted whole up to 60 characters, then cut', () => {
  const quoted = (name: string) => said(importJson(JSON.stringify([valid({ id: name })])))[0];
  // JSON.stringify adds the two quotes: 58 letters make 60 characters
  expect(quoted('A'.repeat(58))).toBe(
    `row 1, id (model "${'A'.repeat(58)}"): expected id must be a lowercase slug like "deepseek-v3" or "llama-3.1-405b", got "${'A'.repeat(58)}"`,
  );
  expect(quoted('A'.repeat(59))).toMatch(new RegExp(`got "${'A'.repeat(56)}…$`));
});

test('app CSV: a row shorter than the header reads its missing cells as empty', () => {
  const r = csv(`${ID},licence,Chips,Chips status`, 'm,M,L,France,Europe,2024-01,true');
  expect(r.problems).toEqual([]);
  expect(r.models).toEqual([{ ...valid({ openWeights: true, architecture: 'unknown' }), userSupplied: true }]);
  // a file with no lab column: the schema names the missing lab
  expect(said(csv('id,name,country,bloc,releaseDate,openWeights', 'm,M,France,Other,2024-01,false'))).toEqual([
    'row 2, lab (model "m"): expected Too small: expected string to have >=1 characters, got an empty cell',
  ]);
});

test('app CSV: a column named after an Object method is not a field (it was read into a junk key)', () => {
  const head = `${ID},toString (x),toString status,toString source,toString source url,constructor (x),constructor status`;
  const r = csv(head, `${ok},5,leak,Paper,https://example.org/p,6,leak`);
  expect(r.problems).toEqual([]);
  expect(r.models).toEqual([{ ...valid({ openWeights: true }), userSupplied: true }]);
});

test('JSON: a null record is named, not thrown on', () => {
  expect(said(importJson('[null]'))).toEqual(['row 1, (record): expected a object, got null']);
});

test('column names: only percent benchmarks say (%); a unit is added unless the name already ends in one', () => {
  expect(benchmarkColumnName({ name: 'MMLU', unit: 'percent' })).toBe('MMLU (%)');
  expect(benchmarkColumnName({ name: 'Chatbot Arena', unit: 'elo' })).toBe('Chatbot Arena');
  expect(withUnit('Energy', 'MWh')).toBe('Energy (MWh)');
  expect(withUnit('Reported cost (USD)', 'USD')).toBe('Reported cost (USD)');
  // a bracket inside the name is not a unit
  expect(withUnit('Cost (est.) per run', 'USD')).toBe('Cost (est.) per run (USD)');
  expect(withUnit('Training energy in MWh', 'MWh')).toBe('Training energy in MWh');
  expect(withUnit('Chips', 'count')).toBe('Chips');
  expect(withUnit('Energy', undefined)).toBe('Energy');
});
