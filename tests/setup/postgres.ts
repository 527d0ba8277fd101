// Vitest global setup: with TELEOP_TEST_DATABASE=postgres, one real PostgreSQL
// server for the whole run (tests/harness/postgres.ts gives each hub data
// directory its own database on it); otherwise nothing. Listed after
// processGuard, so the server is stopped before the guard looks for leftovers.
import { startPostgres } from '../../hub/src/store/testing/postgresServer.ts';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const engine = process.env.TELEOP_TEST_DATABASE ?? 'sqlite';
  if (engine === 'sqlite') return undefined;
  if (engine !== 'postgres') throw new Error(`TELEOP_TEST_DATABASE must be sqlite or postgres, got "${engine}"`);
  const server = await startPostgres();
  process.env.TELEOP_TEST_PG_ADMIN_URL = server.adminUrl;
  return async () => {
    delete process.env.TELEOP_TEST_PG_ADMIN_URL;
    await server.stop();
  };
}
