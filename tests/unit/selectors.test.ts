import { expect, test } from 'vitest';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { memoRecent } from '../../src/store/memo';
import { matchesFilters, rowsFor, visibleRowsFor } from '../../src/store/selectors';
import { defaults } from '../../src/store/url';

test('memoRecent keeps the last few results by argument identity and forgets older ones', () => {
  let calls = 0;
  const f = memoRecent((a: object, b: number) => (calls++, { a, b }), 2);
  const x = {};
  const y = {};
  const r1 = f(x, 1);
  const r2 = f(y, 2);
  expect(f(x, 1)).toBe(r1);
  expect(f(y, 2)).toBe(r2);
  expect(calls).toBe(2);
  f({}, 3); // pushes out the oldest used
  expect(calls).toBe(3);
  expect(f(y, 2)).toBe(r2);
  expect(f(x, 1)).not.toBe(r1);
  expect(calls).toBe(4);
});

test('rows for the committed and the next assumptions are both kept: alternating costs no recomputation', () => {
  const { models } = loadCurated();
  const { chips } = loadReference();
  const a = DEFAULT_ASSUMPTIONS;
  const b = { ...DEFAULT_ASSUMPTIONS, mfu: 0.5 };
  const ra = rowsFor(models, chips, a);
  const rb = rowsFor(models, chips, b);
  expect(rowsFor(models, chips, a)).toBe(ra);
  expect(rowsFor(models, chips, b)).toBe(rb);
  // the rows follow the models' order and the assumptions
  expect(ra.map((r) => r.model.id)).toEqual(models.map((m) => m.id));
  const gpt4 = (rows: typeof ra) => rows.find((r) => r.model.id === 'gpt-4')!.fast.gpuHours;
  expect(gpt4(rb)!.value).toBeLessThan(gpt4(ra)!.value);
});

test('visible rows are the filtered models, in order, with the estimates of the assumptions asked for', () => {
  const { models } = loadCurated();
  const { chips } = loadReference();
  const filters = { ...defaults().filters, blocs: ['China'] };
  const b = { ...DEFAULT_ASSUMPTIONS, mfu: 0.5 };
  const visible = visibleRowsFor(models, chips, b, filters);
  const expected = models.filter((m) => matchesFilters(m, filters)).map((m) => m.id);
  expect(expected.length).toBeGreaterThan(3);
  expect(expected.length).toBeLessThan(models.length);
  expect(visible.map((r) => r.model.id)).toEqual(expected);
  const all = rowsFor(models, chips, b);
  for (const r of visible) expect(r).toBe(all.find((x) => x.model.id === r.model.id));
  // no filter: the very array of all rows
  expect(visibleRowsFor(models, chips, b, defaults().filters)).toBe(all);
});
