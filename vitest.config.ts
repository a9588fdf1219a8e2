import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Timeouts only catch a hang: a benchmark or split of a real model takes a minute and more
    // on a 2-core machine under a load of 15, and no test asserts how long anything takes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // CI sets CI=1, which turns picocolors on even when stderr is a pipe: tests read plain text.
    env: { NO_COLOR: '1' },
  },
});
