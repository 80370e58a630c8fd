import fc from 'fast-check';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { csvCell, neutralise, toCsv, unneutralise } from '../../src/data/csv';

test('text a spreadsheet would run as a formula is prefixed with an apostrophe; anything else is left alone', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
  for (const safe of ['GPT-4', 'a=b', ' =1', "'quoted", "''", '', '1e25']) expect(neutralise(safe)).toBe(safe);
  // text that already starts with apostrophes before a formula gets one more, so import restores it exactly
  expect(neutralise("'=x")).toBe("''=x");
  expect(neutralise("''+x")).toBe("'''+x");
});

test('cells: numbers stay numbers, unknowns are empty, and text with a comma, quote or line break is quoted', () => {
  expect(csvCell(undefined)).toBe('');
  expect(csvCell(null)).toBe('');
  expect(csvCell(2.15e25)).toBe('2.15e+25');
  expect(csvCell(0)).toBe('0');
  expect(csvCell(-3.5)).toBe('-3.5');
  expect(csvCell(Number.NaN)).toBe('');
  expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  expect(csvCell(true)).toBe('true');
  expect(csvCell(false)).toBe('false');
  expect(csvCell('DeepSeek-V3')).toBe('DeepSeek-V3');
  expect(csvCell('Anthropic, PBC')).toBe('"Anthropic, PBC"');
  expect(csvCell('the "Pro" model')).toBe('"the ""Pro"" model"');
  expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
  expect(csvCell('a\rb')).toBe('"a\rb"');
  // a formula with a comma: neutralised first, then quoted
  expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  expect(csvCell('-5')).toBe("'-5");
});

test('a table: header first, CRLF line ends (RFC 4180), a final line end', () => {
  expect(
    toCsv(
      ['model', 'cost ($)', 'open'],
      [
        ['GPT-4', 7.8e7, false],
        ['Llama, 3', undefined, true],
      ],
    ),
  ).toBe('model,cost ($),open\r\nGPT-4,78000000,false\r\n"Llama, 3",,true\r\n');
  expect(toCsv(['only'], [])).toBe('only\r\n');
});

test('an exported name comes back as it was on import; other leading apostrophes are kept', () => {
  expect(unneutralise("'=cmd")).toBe('=cmd');
  expect(unneutralise("'-5")).toBe('-5');
  expect(unneutralise("'hello")).toBe("'hello");
  expect(unneutralise("'")).toBe("'");
  expect(unneutralise('=cmd')).toBe('=cmd');
  expect(unneutralise("x'=y")).toBe("x'=y");
  expect(unneutralise("''=x")).toBe("'=x");
  expect(unneutralise("'''+x")).toBe("''+x");
});

test('property: any table survives export and re-reading by an independent CSV parser (papaparse)', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", ' ', 'é') }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
      const text = toCsv(['a', 'b'], rows);
      const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
      // the final CRLF leaves one empty line
      expect(parsed).toHaveLength(rows.length + 2);
      expect(parsed[0]).toEqual(['a', 'b']);
      rows.forEach((row, i) => {
        const back = parsed[i + 1]!;
        row.forEach((v, j) => {
          if (typeof v === 'string') expect(unneutralise(back[j]!)).toBe(v);
          else if (typeof v === 'number') expect(Number(back[j])).toBe(v === 0 ? 0 : v);
          else expect(back[j]).toBe(String(v));
        });
      });
    }),
  );
});
