import { defineConfig } from 'vitest/config';

/** Vitest: unit tests live next to the code as *.test.ts(x); e2e/ belongs to Playwright. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
