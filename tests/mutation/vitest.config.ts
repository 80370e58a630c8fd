/**
 * The vitest config Stryker runs: the unit project of vite.config.ts and nothing else. Stryker's
 * vitest runner has no `--project` option (stryker-js#6215), and the component (jsdom) and browser
 * (Chromium) projects must never run under a mutant: they are slow and test rendering, not numbers.
 */
import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

type Project = { test?: { name?: string } & Record<string, unknown> };
const unit = (base.test?.projects ?? []).find(
  (p): p is Project => typeof p === 'object' && (p as Project).test?.name === 'unit',
);
if (!unit?.test) throw new Error('vite.config.ts has no "unit" test project');

// MUTATION_TESTS="tests/unit/estimate*.test.ts,tests/unit/reliance.test.ts" narrows the run to the
// tests that matter for the files mutated: a quick look at one module without the slow whole-dataset
// tests (what survives is then an upper bound on what the full unit project lets through)
const only = process.env.MUTATION_TESTS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

// instrumented code runs several times slower (a fit of Epoch's data takes seconds, not the
// unit project's 5 s limit); Stryker's own timeout still catches a mutant that never finishes
export default defineConfig({
  test: { ...unit.test, testTimeout: 60_000, ...(only?.length ? { include: only } : {}) },
});
