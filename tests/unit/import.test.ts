import fc from 'fast-check';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { csvCell, neutralise, unneutralise } from '../../src/data/csv';
import { loadCurated } from '../../src/data/datasets';
import { describeProblem, importCsvRecords, importJson } from '../../src/data/importers';
import { modelSchema } from '../../src/data/schema';
import { parseText } from '../../src/data/importRunner';
import { readEnvelope as readWith } from '../../src/data/storage';
import { parseStoredModel } from '../../src/data/storedModel';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { loadReference } from '../../src/data/datasets';
import { VALUE_COLUMNS, benchmarkColumns } from '../../src/features/table/columns';
import { tableCsv } from '../../src/features/table/exportTable';
import { buildRows, type Row } from '../../src/store/selectors';

const curated = loadCurated();
const { chips, benchmarks } = loadReference();
// built inside the tests that use them (once per file), not while the file loads: the mutation run
// (npm run test:mutation) can then tell which tests cover the engine
let built: { rows: Row[]; allColumns: ReturnType<typeof benchmarkColumns> } | undefined;
const table = () => {
  if (built) return built;
  const rows = buildRows(curated.models, chips, DEFAULT_ASSUMPTIONS);
  return (built = { rows, allColumns: [...VALUE_COLUMNS, ...benchmarkColumns(benchmarks, rows)] });
};

test('formula injection is neutralised in CSV text cells and undone on import', () => {
  for (const bad of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
    expect(neutralise(bad).startsWith("'")).toBe(true);
    expect(unneutralise(neutralise(bad))).toBe(bad);
  }
  expect(csvCell(-5)).toBe('-5');
  expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
});

test('the table CSV round-trips through the importer: every data value comes back with status and source', () => {
  const { rows, allColumns } = table();
  const csv = tableCsv(rows, allColumns);
  const back = parseText('export.csv', csv);
  expect(back.format).toBe('app-csv');
  expect(back.problems).toEqual([]);
  expect(back.models.length).toBe(curated.models.length);
  const byId = new Map(back.models.map((m) => [m.id, m]));
  for (const m of curated.models) {
    const b = byId.get(m.id)!;
    expect(b.userSupplied).toBe(true);
    // every data value comes back whole: value, range, status, source and note. Epoch's figures
    // are not the model's data but a reference joined from data/epoch/curated-join.json: the CSV
    // shows them (Epoch columns) and the importer leaves them out
    const { userSupplied: _u, ...rest } = b;
    const { epochReference: _e, ...data } = m;
    expect(rest).toEqual(data);
  }
  // computed estimates are not data: they are not imported as if someone had reported them
  expect(byId.get('gpt-4')?.gpuHours).toBeUndefined();
});

test('the CSV reads as the screen does: on-screen names with units, status words, sensible precision, BOM, assumptions', () => {
  const { rows, allColumns } = table();
  const cols = allColumns.filter((c) => ['cost', 'gpuHours', 'energy', 'tokens', 'bench:mmlu'].includes(c.id));
  const csv = tableCsv(rows, cols, 'MFU 35% · $2.00/GPU-h');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const header = parsed.meta.fields ?? [];
  expect(header.slice(0, 3)).toEqual(['Model id', 'Model', 'Lab']);
  expect(header).toContain('Training cost (USD)');
  expect(header).toContain('Energy (MWh)');
  expect(header).toContain('MMLU (%) status');
  expect(header.at(-1)).toBe('Computed under (assumptions)');
  const row = (id: string) => parsed.data.find((r) => r['Model id'] === id)!;
  // statuses worded as on screen; computed values say how much they rest on disclosed figures
  expect(row('gpt-4')['Training tokens status']).toBe('leak / press');
  expect(row('gpt-4')['Training cost (USD) status']).toBe('computed from estimates or leaks');
  expect(row('deepseek-v3')['Training cost (USD) status']).toBe('computed from disclosed figures');
  expect(row('gpt-4.5')['GPU-hours status']).toBe('computed from estimates or leaks');
  expect(parsed.data.some((r) => r['MMLU (%) status'] === 'third-party estimate')).toBe(true);
  // computed numbers to 6 significant figures, data exactly as recorded
  // 6 · 280e9 · 13e12 ÷ (312e12 × 0.35 × 3600) = 55,555,555.5…
  expect(row('gpt-4')['GPU-hours']).toBe('55555600');
  expect(row('deepseek-v3')['GPU-hours']).toBe('2788000');
  expect(row('deepseek-v3')['Computed under (assumptions)']).toBe('MFU 35% · $2.00/GPU-h');
});

test('problems name row, field, what was expected and what was found; valid rows are kept', () => {
  const csv = [
    'id,name,lab,country,bloc,releaseDate,openWeights,architecture,tokens (count),tokens status,tokens source,tokens source url',
    'good,Good model,Lab,France,Europe,2024-01,true,dense,1000,disclosed,Paper,https://example.org/p',
    'neg,Negative,Lab,France,Europe,2024-01,true,dense,-5,disclosed,Paper,https://example.org/p',
    'js,Bad link,Lab,France,Europe,2024-01,true,dense,10,leak,Paper,javascript:alert(1)',
    'bloc,Bad bloc,Lab,France,Mars,2024-01,true,dense,,,,',
  ].join('\n');
  const r = parseText('x.csv', csv);
  expect(r.models.map((m) => m.id)).toEqual(['good']);
  expect(r.problems.map(describeProblem)).toEqual([
    'row 3, trainingTokens: expected a positive number, got "-5"',
    'row 4, trainingTokens source: expected a source title and an http(s) URL, got "javascript:alert(1)"',
    'row 5, bloc: expected one of United States, China, Europe, Other, got "Mars"',
  ]);
});

test('hostile JSON: script in names stays text, __proto__ cannot pollute, bad numbers are refused', () => {
  const r = importJson(
    JSON.stringify({
      models: [
        {
          id: 'x',
          name: '<img src=x onerror=alert(1)>',
          lab: 'L',
          country: 'C',
          bloc: 'Other',
          releaseDate: '2024-01',
          openWeights: false,
          architecture: 'dense',
          benchmarks: {},
        },
        JSON.parse(
          '{"id":"p","name":"P","lab":"L","country":"C","bloc":"Other","releaseDate":"2024-01","openWeights":false,"architecture":"dense","benchmarks":{"__proto__":{"value":1,"status":"leak","source":{"title":"abc","url":"https://a.b"}}}}',
        ),
        {
          id: 'n',
          name: 'N',
          lab: 'L',
          country: 'C',
          bloc: 'Other',
          releaseDate: '2024-01',
          openWeights: false,
          architecture: 'dense',
          benchmarks: {},
          totalParams: { value: 'NaN', status: 'leak', source: { title: 'abc', url: 'https://a.b' } },
        },
      ],
    }),
  );
  expect(r.models.map((m) => m.name)).toEqual(['<img src=x onerror=alert(1)>']);
  expect(r.problems.length).toBeGreaterThanOrEqual(2);
  expect(({} as Record<string, unknown>).value).toBeUndefined();
  expect(r.problems.map(describeProblem).join('\n')).toMatch(
    /row 3, totalParams\.value \(model "n"\): expected a number, got "NaN"/,
  );
});

test('Epoch’s CSV columns are recognised', () => {
  const csv =
    'Model,Organization,Publication date,Parameters,Country (of organization)\nFoo,Lab,2024-02-01,7000000000,France\nBar,,2024-02-01,,\n';
  const r = parseText('epoch.csv', csv);
  expect(r.format).toBe('epoch-csv');
  expect(r.models.map((m) => m.id)).toEqual(['foo']);
  expect(r.problems[0]).toMatchObject({ row: 3 });
});

test('property: no input makes an importer throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => {
      const a = importJson(s);
      const b = parseText('f.csv', s);
      return Array.isArray(a.problems) && Array.isArray(b.problems);
    }),
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.dictionary(
          fc.constantFrom(
            'id',
            'name',
            'lab',
            'country',
            'bloc',
            'releaseDate',
            'openWeights',
            'architecture',
            'tokens (count)',
            'tokens status',
            'tokens source',
            'tokens source url',
            'bench:__proto__ (%)',
          ),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 20 },
      ),
      (recs) => {
        const headers = ['id', 'name', ...new Set(recs.flatMap((r) => Object.keys(r)))];
        const r = importCsvRecords(recs, headers);
        // whatever the hand-written CSV checks let through must satisfy the schema
        expect(r.models.every((m) => modelSchema.safeParse(m).success)).toBe(true);
        // no row is dropped silently: each one becomes a model or is named in a problem
        const rowsWithProblems = new Set(r.problems.map((p) => p.row));
        expect(r.models.length + rowsWithProblems.size).toBe(recs.length);
        return ({} as Record<string, unknown>).value === undefined;
      },
    ),
  );
  fc.assert(fc.property(fc.jsonValue(), (v) => Array.isArray(importJson(JSON.stringify(v)).problems)));
});

test('property: valid models round-trip through JSON export and import', () => {
  const json = JSON.stringify({ dataset: 'x', models: curated.models });
  const r = importJson(json);
  expect(r.problems).toEqual([]);
  expect(r.models.map(({ userSupplied: _u, ...m }) => m)).toEqual(curated.models);
  // the CSV path too, through a real CSV parser
  const parsed = Papa.parse<Record<string, string>>(tableCsv(table().rows.slice(0, 5), table().allColumns), {
    header: true,
    skipEmptyLines: true,
  });
  expect(importCsvRecords(parsed.data, parsed.meta.fields ?? []).models.length).toBe(5);
});

const readEnvelope = (raw: unknown) => readWith(raw, parseStoredModel);

test('storage: corrupt, truncated or future-version envelopes are reported, never thrown; damaged records skipped', () => {
  expect(readEnvelope(undefined)).toEqual({ datasets: [], notices: [] });
  expect(readEnvelope('garbage').notices[0]).toMatch(/could not be read/);
  expect(readEnvelope({ version: 99, datasets: [] }).notices[0]).toMatch(/newer version/);
  const good = curated.models[0]!;
  const r = readEnvelope({
    version: 1,
    savedAt: 'x',
    datasets: [{ id: 'user-a', name: 'A', importedAt: 'x', mergeWithCurated: false, models: [good, { id: 'broken' }] }],
  });
  expect(r.datasets[0]?.models).toEqual([good]);
  expect(r.notices[0]).toMatch(/1 damaged record/);
  // the v0 shape (a bare array) is migrated
  expect(
    readEnvelope([{ id: 'user-b', name: 'B', importedAt: 'x', mergeWithCurated: true, models: [good] }]).datasets[0]
      ?.mergeWithCurated,
  ).toBe(true);
});
