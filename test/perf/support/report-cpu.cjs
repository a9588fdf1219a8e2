// Preloaded with --require into a measured process: prints the CPU time it used (user + system)
// at exit. CommonJS: preloading an ES module (--import) would start Node's ES module loader in
// every measured process, `node -e 0` included, some 15 ms that a CommonJS launcher never spends.
process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`cpu-seconds=${((userCPUTime + systemCPUTime) / 1e6).toFixed(4)}\n`);
});
