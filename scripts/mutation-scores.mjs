// Mutation scores per folder, from a Stryker report. Two uses:
// - a Stryker reporter (stryker.config.mjs appends this file as a plugin), so that every
//   `npm run mutate` ends with the score of each folder;
// - `npm run mutate:scores [-- --files]` reads the committed incremental report
//   (reports/mutation/incremental.json) without running anything.
// Runs are incremental and a run keeps the results of the mutants outside its `--mutate` scope,
// so a folder's figure adds up every run so far: a folder can be finished in several small runs.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PluginKind, declareFactoryPlugin } from '@stryker-mutator/api/plugin';

// Stryker's mutation score: mutants detected (killed, or timed out: a mutant that makes a run
// endless) out of the valid ones (detected, survived, not covered); ignored mutants and those
// that do not compile or crash the runner count for nothing.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Counts per status and the score, of one list of mutants. */
function tally(mutants) {
  const counts = {};
  for (const { status } of mutants) counts[status] = (counts[status] ?? 0) + 1;
  const detected = [...DETECTED].reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const valid = detected + [...UNDETECTED].reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  return { counts, detected, valid, score: valid === 0 ? NaN : (100 * detected) / valid };
}

function describe(name, { counts, detected, valid, score }) {
  const parts = [
    ['Killed', 'killed'],
    ['Timeout', 'timed out'],
    ['Survived', 'survived'],
    ['NoCoverage', 'not covered'],
    ['Ignored', 'ignored'],
    ['CompileError', 'compile errors'],
    ['RuntimeError', 'runtime errors'],
  ]
    .filter(([status]) => counts[status])
    .map(([status, label]) => `${counts[status]} ${label}`);
  const figure = Number.isNaN(score) ? '   —  ' : `${score.toFixed(1).padStart(5)}%`;
  return `${name.padEnd(44)} ${figure}  ${detected} of ${valid}  (${parts.join(', ')})`;
}

/** The report's mutants grouped by file (paths relative to the project) and by folder. */
export function groupMutants(files, root) {
  const byFile = new Map();
  const byFolder = new Map();
  for (const [fileName, { mutants }] of Object.entries(files)) {
    const file = relative(root, resolve(root, fileName)).split('\\').join('/');
    byFile.set(file, mutants);
    const folder = dirname(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...mutants]);
  }
  return { byFile, byFolder };
}

/** Lines of text: one per folder, and with `perFile` one per file under its folder. */
export function scoreLines(files, root, perFile = false) {
  const { byFile, byFolder } = groupMutants(files, root);
  const lines = [];
  for (const folder of [...byFolder.keys()].sort()) {
    lines.push(describe(folder, tally(byFolder.get(folder))));
    if (!perFile) continue;
    for (const file of [...byFile.keys()].filter((name) => dirname(name) === folder).sort()) {
      lines.push(describe(`  ${file.slice(folder.length + 1)}`, tally(byFile.get(file))));
    }
    const source = readdirSync(join(root, folder)).filter((name) => name.endsWith('.ts'));
    const missing = source.filter((name) => !byFile.has(`${folder}/${name}`));
    // A file no run has reached yet, or one with nothing to mutate (types only).
    if (missing.length > 0) lines.push(`  no mutants in the report: ${missing.join(', ')}`);
  }
  return lines;
}

const HEADING = 'Mutation score by folder (killed + timed out, of killed + timed out + survived + not covered):';

function folderScoresReporter() {
  return {
    onMutationTestReportReady(report) {
      console.log(`\n${HEADING}\n${scoreLines(report.files, process.cwd()).join('\n')}`);
    },
  };
}

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Reporter, 'folder-scores', folderScoresReporter)];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const report = JSON.parse(readFileSync(join(root, 'reports/mutation/incremental.json'), 'utf8'));
  console.log(`${HEADING}\n${scoreLines(report.files, root, process.argv.includes('--files')).join('\n')}`);
}
