// Opening the database: PostgreSQL must sort text as SQLite does (byte order), so a database with a
// language's collation is refused with what to do; the URL's password never appears in the message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DatabaseOpenError, openDatabase } from './database.ts';
import { TEST_ENGINES, testDatabases } from './testing/engines.ts';

describe.skipIf(!TEST_ENGINES.includes('postgres'))('opening a PostgreSQL database', () => {
  const databases = testDatabases('postgres');
  let dataDir: string;
  let removeDir: () => void;
  beforeAll(async () => {
    ({ dataDir, removeDir } = await databases.fresh());
  });
  afterAll(() => removeDir?.());

  it('refuses a database whose text does not sort in byte order, saying how to create one that does', async () => {
    const admin = new pg.Client({ connectionString: databases.server().adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE icu_en LOCALE_PROVIDER icu ICU_LOCALE 'en-US' TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    const url = `postgres://teleop:s3cret@127.0.0.1:${databases.server().port}/icu_en`;
    const opening = openDatabase({ dataDir, databaseUrl: url });
    await expect(opening).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(opening).rejects.toThrow(/collation ICU en-US.*--locale=C --template=template0/);
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it('opens and migrates a database in the C collation, twice without harm', async () => {
    const url = await databases.server().createDatabase();
    for (let i = 0; i < 2; i++) {
      const db = await openDatabase({ dataDir, databaseUrl: url });
      await db.destroy();
    }
  });
});
