import { defineConfig } from 'vitest/config';

// One Chromium per test file, files one after another: the suite runs on two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // As in the unit configuration: CI=1 would colour the host's output.
    env: { NO_COLOR: '1' },
  },
});
