// Whether dist/ must be rebuilt before the CLI runs: read by the launcher at every start, so
// CommonJS (an ES module would start Node's ES module loader) and nothing but node:fs.
'use strict';
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
/** Where the build writes which sources it read, relative to the repository. */
const STAMP = join('dist', 'cli-sources.json');

/**
 * Whether the bundle in `dir`/dist must be rebuilt before it runs. A copy without the sources
 * (a release) runs the bundle it has, checking nothing. In a checkout, the build's stamp says
 * which files the bundle was made from: it is stale when one of them changed or went away since
 * the build started. That is one stat per bundled source and no walk of the tree: a file the
 * bundle does not import cannot change it, and a new import is an edit to a file it does.
 */
function bundleIsStale(dir = ROOT) {
  if (!existsSync(join(dir, 'cli', 'main.ts'))) return false;
  if (!existsSync(join(dir, 'dist', 'cli.cjs'))) return true;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(stamp.sources) || typeof stamp.builtAt !== 'number') return true;
  // The stamp's paths are esbuild's: relative, with "/", which every platform's fs accepts; a
  // concatenation rather than path.join, which normalises each of them (a few ms a start).
  const base = `${dir}/`;
  return stamp.sources.some((source) => {
    const info = statSync(base + source, { throwIfNoEntry: false });
    return !info || info.mtimeMs >= stamp.builtAt;
  });
}

module.exports = { ROOT, STAMP, bundleIsStale };
