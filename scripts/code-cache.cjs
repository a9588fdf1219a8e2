// Runs the CommonJS CLI bundle with V8's code cache. Compiling the bundle's code is much of a
// short run's start-up, and Node 20 caches no compiled code of its own (module.enableCompileCache
// is Node 22's), so the launcher compiles the bundle itself with node:vm, handing V8 the code it
// compiled in an earlier run and saving it after the first run of each command. CommonJS, as the
// launcher is: an ES module would start Node's ES module loader, some 15 ms of every run.
'use strict';
const {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

/**
 * A script compiled by node:vm may not call import() in Node 20 without an experimental flag, so
 * the build renames the bundle's import() calls to this function, which the launcher passes in.
 */
const DYNAMIC_IMPORT = '__placewiseImport';

const CACHE_FILE = /^cli-[a-z-]+-\d+-\d+\.v8cache$/;

/**
 * Removes the code caches of earlier bundles from `dir`. V8 checks a cache against its own version
 * and flags and the length of the source, not its text: a rebuilt bundle of the same length
 * must not meet the code of the last one (the caches' names carry the bundle's size and time too).
 */
function removeCodeCaches(dir) {
  for (const name of readdirSync(dir)) if (CACHE_FILE.test(name)) unlinkSync(join(dir, name));
}

/**
 * Evaluates the CommonJS bundle `file` and returns its exports, with the code cache kept for
 * `command` (each command runs other code, so each has its own), and `save`, which writes that
 * cache when there was none or V8 refused it: call it after the run, when the functions it used
 * are compiled. Writing is best effort: an installed copy may be read-only.
 */
function loadCachedBundle(file, command) {
  // The source and the size and time that name its cache come from one open file: a rebuild
  // renaming a new bundle into place in between cannot pair one bundle's code with the other's.
  const descriptor = openSync(file, 'r');
  let source;
  let info;
  try {
    info = fstatSync(descriptor);
    source = readFileSync(descriptor, 'utf8');
  } finally {
    closeSync(descriptor);
  }
  const cacheFile = join(dirname(file), `cli-${command}-${info.size}-${Math.trunc(info.mtimeMs)}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, ${DYNAMIC_IMPORT}) {\n${source}\n})`,
    { filename: file, lineOffset: -1, cachedData },
  );
  const module = { exports: {} };
  const base = pathToFileURL(file);
  const dynamicImport = (specifier) => import(specifier.startsWith('.') ? new URL(specifier, base).href : specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), dynamicImport);
  const save = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // Without a cache the next run compiles the bundle again, as it did before caches.
      rmSync(temporary, { force: true });
    }
  };
  return { exports: module.exports, save };
}

module.exports = { DYNAMIC_IMPORT, loadCachedBundle, removeCodeCaches };
