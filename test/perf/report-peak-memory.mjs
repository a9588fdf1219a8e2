// Preloaded with --import into a measured process: prints its peak resident memory at exit.
process.on('exit', () => {
  process.stderr.write(`peak-rss-mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
});
