import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI sets CI=1, which turns picocolors on even when stderr is a pipe: tests read plain text.
    env: { NO_COLOR: '1' },
  },
});
