import { defineConfig } from 'vitest/config';

// One Chromium per test file, files one after another: the suite runs on two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
