import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{proto,hub,robot-agent,operator-ui,contracts}/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Integration tests start real processes and servers; keep them from starving each other on 2 cores.
    // Browser tests (tests/e2e) measure frame rates: `npm test` runs them on their own, one file at a time.
    fileParallelism: !process.argv.some((a) => a.includes('tests/e2e')),
    maxWorkers: 2,
    // processGuard first: everything the run starts carries its mark, and the run fails if any of it outlives the run.
    // postgres: the run's PostgreSQL server with TELEOP_TEST_DATABASE=postgres (stopped before processGuard looks).
    globalSetup: ['tests/setup/processGuard.ts', 'tests/setup/postgres.ts', 'tests/setup/buildConsole.ts'],
    // Hang backstops only: tests wait for events and states (tests/harness PATIENCE_MS), never for a guessed speed.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
