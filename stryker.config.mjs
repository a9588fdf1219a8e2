// Mutation testing of the domain (simulator/ and bench/): `npm run mutate`. Stryker plants small
// bugs (mutants) one at a time and runs the unit tests that reach each one; a mutant no test
// notices (a survivor) is a behaviour no test pins. The report is reports/mutation/index.html.
//
// The machine is small and busy, so: incremental mode (a run retests only the mutants whose code
// or covering tests changed since the last run; `-- --force` retests all), two workers, static
// mutants (module-level constants, which need every test file reloaded) left out, and only the
// test files that exercise the domain in-process (tests that spawn the CLI or a browser cannot see
// a mutant, which is switched on inside the test process). While working on one folder:
//   npm run mutate -- --mutate 'simulator/engine/**/*.ts'
// The target for simulator/analytic, engine and evaluate is a score of 85%; a survivor that no
// behaviour can tell from the original (an equivalent mutant) is to be explained beside it in a
// `// Stryker disable next-line <mutator>: <why>` comment rather than left in the count.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
  mutate: ['simulator/**/*.ts', 'bench/**/*.ts'],
  testFiles: [
    'test/unit/simulator/*.test.ts',
    'test/unit/capacity/capacity-sweep.test.ts',
    'test/unit/uncertainty/!(monte-carlo-command).test.ts',
    'test/unit/bench/!(cli-bench|run-benchmark).test.ts',
    'test/unit/export/!(browser-export|export-command|find-chromium).test.ts',
    'test/unit/scenario-text/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  concurrency: 2,
  // A mutant that turns a loop endless is a timeout (killed), and costs the whole timeout: twice
  // its covering tests' time in the first run, plus 10 s (three times plus 30 s cost about ten
  // minutes a mutant). A slow but finite run must not look endless, so not less than twice; a
  // load that more than doubles during a run can still make one, so timeouts are counted apart.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  // The first run collects which tests reach each mutant in instrumented code, several times slower.
  dryRunTimeoutMinutes: 40,
  // folder-scores (scripts/mutation-scores.mjs) ends every run with the score of each folder,
  // the runs so far included (`npm run mutate:scores` prints the same from the committed report).
  appendPlugins: ['./scripts/mutation-scores.mjs'],
  reporters: ['clear-text', 'progress', 'html', 'json', 'folder-scores'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
};
