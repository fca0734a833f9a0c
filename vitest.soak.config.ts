import { defineConfig } from 'vitest/config';

// The long runs (`npm run test:soak`): issue 8's 1,000-article kill -9 run over many worker processes
// (`npm test` runs the same file with 300), then the 10,000-article soak with a worker killed every second.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/redis-global-setup.ts'],
    include: ['test/reliability/workers-chaos.test.ts', 'test/**/*.soak.test.ts'],
    env: { KHABAR_TEST_CORPUS: process.env.KHABAR_TEST_CORPUS ?? '1000' },
    testTimeout: 3 * 3600_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
