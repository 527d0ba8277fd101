import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{proto,hub,robot-agent,operator-ui,contracts}/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Integration tests start real processes and servers; keep them from starving each other on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['tests/setup/buildConsole.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
