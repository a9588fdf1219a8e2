// `npm run electronegativity` (a stage of `npm test`): Doyensec's Electronegativity scans the
// desktop shell (electron/), the renderer (app/) and package.json for Electron security
// anti-patterns. Every finding must be one explained below, where it is reviewed; anything else,
// a file the scanner could not parse, or an explanation whose finding has gone, fails the run.
// Offline: the check that downloads Electron's release list is left out (the Electron version is
// pinned in package.json), and the scanner's own attempt to fetch translations fails in a second.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each finding the scan may report, by check and file, and why it is not a problem. */
const EXPLAINED = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'app/index.html',
    why:
      "the CSP evaluator's only remark is that script-src 'self' can be abused where the origin hosts JSONP, " +
      'Angular or user uploads; the origin (app://placewise, or the browser-mode server) serves only the ' +
      'built renderer, and its API answers only POSTs that carry the token, which no script tag sends',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/open-link.ts',
    why: 'the one call to shell.openExternal, after isAllowedExternalLink: https to an allow-list of hosts only',
  },
  {
    check: 'ELECTRON_VERSION_JSON_CHECK',
    file: 'package.json',
    why: 'informational: the Electron version it read from package.json',
  },
];

// Only the sources: a built bundle or node_modules would be scanned as if they were the app.
const stage = mkdtempSync(join(tmpdir(), 'placewise-electronegativity-'));
for (const part of ['package.json', 'electron', 'app'])
  cpSync(join(root, part), join(stage, part), { recursive: true });

let failed = false;
try {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity');
  const result = await run({
    input: stage,
    isRelative: true,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    parserPlugins: [],
  });
  for (const error of result.errors) {
    failed = true;
    console.log(`not scanned: ${error.file.replace(`${stage}/`, '')}: ${error.message}`);
  }
  const seen = new Set();
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}`;
    const explained = EXPLAINED.find((entry) => entry.check === issue.id && entry.file === issue.file);
    if (explained) {
      seen.add(explained);
      console.log(`reviewed  ${issue.id} ${where}: ${explained.why}`);
    } else {
      failed = true;
      console.log(`FINDING   ${issue.id} ${where}: ${issue.description} (${issue.shortenedURL})`);
    }
  }
  for (const entry of EXPLAINED.filter((explained) => !seen.has(explained))) {
    failed = true;
    console.log(`stale     ${entry.check} ${entry.file}: no longer reported; remove its explanation`);
  }
  console.log(
    failed
      ? 'electronegativity: findings above need a fix or an explanation in scripts/electronegativity.mjs'
      : `electronegativity: ${result.globalChecks + result.atomicChecks} checks, every finding reviewed`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
