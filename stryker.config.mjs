/**
 * Mutation testing (npm run test:mutation): do the unit tests fail when a number goes wrong?
 * Stryker changes one operator, constant or condition at a time in the engine, the fits, the URL
 * and the data converters, and reruns the unit tests that cover it. See README "Mutation testing".
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // the unit project only (see that file for why not vite.config.ts)
  vitest: { configFile: 'tests/mutation/vitest.config.ts', related: false },
  checkers: ['typescript'],
  // the checker needs only what the mutated files import: type-checking the React UI for every mutant
  // tripled the time a run takes (tsconfig.mutation.json includes src/domain, the URL modules, src/data)
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  mutate: [
    'src/domain/**/*.ts',
    'src/store/url.ts',
    'src/store/capabilityUrl.ts',
    'src/data/**/*.ts',
    // workers, and modules that need a browser (Worker, IndexedDB, FileReader), have no unit tests
    '!src/data/**/*.worker.ts',
    '!src/data/capabilityClient.ts',
    '!src/data/importClient.ts',
    '!src/data/importRunner.ts',
    '!src/data/storage.ts',
  ],
  // the sandbox needs the sources, tests and data, not build output
  ignorePatterns: ['dist', 'coverage', 'test-results'],
  // 2-core machines: one checker and one test runner
  concurrency: 2,
  // a mutant that slows a fit to its iteration cap is detected by timeout; give busy machines room
  timeoutMS: 10_000,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // `npm run test:mutation -- --incremental` reuses this file (git-ignored, under reports/)
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 90, low: 80, break: null },
};
