import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{proto,hub,robot-agent,operator-ui,contracts}/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Integration tests start real processes and servers; keep them from starving each other on 2 cores.
    // Browser tests (tests/e2e) measure frame rates: `npm test` runs them on their own, one file at a time.
    fileParallelism: !process.argv.some((a) => a.includes('tests/e2e')),
    maxWorkers: 2,
    globalSetup: ['tests/setup/buildConsole.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
