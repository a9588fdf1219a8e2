import { defineConfig } from 'vitest/config';

// One Chromium per test file, files one after another: the suite runs on two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition that means the state arrived; on a loaded machine a
    // simulation or a file read can take seconds, so every poll gets 30 s (not vitest's 1 s).
    expect: { poll: { timeout: 30_000 } },
    // As in the unit configuration: CI=1 would colour the host's output.
    env: { NO_COLOR: '1' },
  },
});
