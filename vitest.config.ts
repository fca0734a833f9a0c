import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/redis-global-setup.ts'],
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.soak.test.ts', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: integration tests start worker processes of their own.
    maxWorkers: 2,
  },
});
