import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // One worker per core (vitest's default leaves a core to its main process: one worker on
    // two cores). Many files spend their time waiting on a child process (the CLI, Chromium, the
    // benchmark child, the fuzz runner), so a second worker fills the core they leave idle.
    maxWorkers: availableParallelism(),
    // Timeouts only catch a hang: a benchmark or split of a real model takes a minute and more
    // on a 2-core machine under a load of 15, and no test asserts how long anything takes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // CI sets CI=1, which turns picocolors on even when stderr is a pipe: tests read plain text.
    env: { NO_COLOR: '1' },
  },
});
