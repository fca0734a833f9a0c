import { defineConfig } from 'vitest/config';

// The long soak (`npm run test:soak`): 10,000 articles with a worker killed every second.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/redis-global-setup.ts'],
    include: ['test/**/*.soak.test.ts'],
    testTimeout: 3 * 3600_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
