#!/usr/bin/env node
// The launcher by its earlier name, for the scripts and tools that call `node bin/placewise.mjs`:
// it runs bin/placewise.cjs, the package's `placewise` command. Starting from here costs Node's
// ES module loader (some 15 ms); the command itself does not.
import './placewise.cjs';
