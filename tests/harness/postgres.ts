// Which database the hubs of the integration tests use: the SQLite file under
// their data directory (default), or, with TELEOP_TEST_DATABASE=postgres, a
// database of their own on the run's PostgreSQL server (tests/setup/postgres.ts),
// named after the data directory so that every hub and CLI run on one data
// directory shares it, as they share the SQLite file.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { createDatabaseAt } from '../../hub/src/store/testing/postgresServer.ts';

export type TestDatabase = 'sqlite' | 'postgres';

export function testDatabase(): TestDatabase {
  return process.env.TELEOP_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The environment that points a hub (or a CLI command) on `dataDir` at its database; empty for SQLite. */
export async function databaseEnvFor(dataDir: string): Promise<NodeJS.ProcessEnv> {
  if (testDatabase() === 'sqlite') return {};
  const adminUrl = process.env.TELEOP_TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('TELEOP_TEST_DATABASE=postgres but no server was started (tests/setup/postgres.ts is the global setup that starts it)');
  const name = `hub_${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24)}`;
  return { TELEOP_DATABASE_URL: await createDatabaseAt(adminUrl, name) };
}

/** The --data directory of a CLI command line, if it names one. */
export function dataDirOf(args: string[]): string | undefined {
  const i = args.indexOf('--data');
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith('--data='))?.slice('--data='.length);
}
