import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One Chromium per test file, one file per core at a time. A file's tests spend most of their
// time waiting (on the page's timers and polls, the host's workers, the disk): run one after
// another, the files used about 0.45 of a core on average (222 s of CPU in 488 s of wall time on
// a quiet 2-core machine), so two at a time fill the cores better.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    maxWorkers: availableParallelism(),
    // Timeouts only catch a hang: two files share the cores, and no test asserts a duration.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition that means the state arrived; on a loaded machine a
    // simulation or a file read can take seconds, so every poll gets 30 s (not vitest's 1 s).
    expect: { poll: { timeout: 30_000 } },
    // As in the unit configuration: CI=1 would colour the host's output.
    env: { NO_COLOR: '1' },
  },
});
