/**
 * The page's check of the bundled files (checkBundledData) when they are broken: each file's
 * problems come back named by file and field, none dropped. The files are replaced by small broken
 * ones here; the real files are checked in data-mut-datasets.test.ts.
 */
import { expect, test, vi } from 'vitest';
import { checkBundledData } from '../../src/data/datasets';

vi.mock('../../data/models.json', () => ({ default: { dataset: 'curated', models: [{ id: 'x', name: 'X' }] } }));
vi.mock('../../data/labs.json', () => ({ default: { labs: [{ lab: 7 }] } }));
vi.mock('../../data/epoch/curated-join.json', () => ({ default: { joins: 'none' } }));

test('broken bundled files: every problem of each file is named by file and field, in one path style', async () => {
  const problems = await checkBundledData();
  const paths = problems.map((p) => p.path);
  // the model is named by its id; the labs and the join file the same way as the models file
  expect(paths).toContain('models.models[0 "x"].lab');
  expect(paths).not.toContain('models.models[0 "x"].name');
  expect(problems).toContainEqual({
    path: 'labs.labs[0].lab',
    message: 'Invalid input: expected string, received number',
  });
  expect(problems).toContainEqual({ path: 'curated-join', message: 'Unrecognized key: "joins"' });
  expect(paths).toContain('curated-join.references');
  // the cross-checks need parsed models: with a broken models file they are not run
  expect(paths.every((p) => /^(models|labs|curated-join)\b/.test(p))).toBe(true);
  expect(problems).toHaveLength(9);
});
