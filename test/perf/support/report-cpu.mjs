// Preloaded with --import into a measured process: prints the CPU time it used (user + system) at exit.
process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`cpu-seconds=${((userCPUTime + systemCPUTime) / 1e6).toFixed(4)}\n`);
});
