import { sql, type Kysely, type Migration } from 'kysely';

export const migrations: Record<string, Migration> = {
  '0001_robots': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('robots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
        .addColumn('revoked_at', 'text')
        .addColumn('secret_rotated_at', 'text')
        .execute();
      await db.schema
        .createTable('lease_events')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('robot_id', 'text', (c) => c.notNull())
        .addColumn('lease_id', 'text', (c) => c.notNull())
        .addColumn('operator_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lease_events_robot').on('lease_events').columns(['robot_id', 'at']).execute();
    },
  },
  '0002_sessions_presence': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('robot_presence')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('robot_id', 'text', (c) => c.notNull())
        .addColumn('online', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('robot_presence_robot').on('robot_presence').columns(['robot_id', 'at']).execute();
      await db.schema.createIndex('robots_owner').on('robots').column('owner').execute();
    },
  },
};
