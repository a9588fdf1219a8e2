// Preloaded with --require into a measured process: prints its peak resident memory at exit.
// CommonJS, as the launcher is: a preload given with --import would start Node's ES module
// loader in a process that otherwise never starts it, and the figure would include that.
'use strict';
process.on('exit', () => {
  process.stderr.write(`peak-rss-mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
});
