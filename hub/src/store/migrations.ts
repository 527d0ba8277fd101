// The hub's schema, one migration per change, written once for both engines: column types, identity columns
// and the "now" expression come from dialect.ts.
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type DatabaseEngine } from './dialect.ts';

export function migrationsFor(engine: DatabaseEngine): Record<string, Migration> {
  const t = columnTypes(engine);
  return {
    '0001_robots': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('robots')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('model', 'text', (c) => c.notNull())
          .addColumn('owner', 'text')
          .addColumn('secret_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(t.nowIso))
          .addColumn('revoked_at', 'text')
          .addColumn('secret_rotated_at', 'text')
          .execute();
        await db.schema
          .createTable('lease_events')
          .addColumn('id', t.int, t.id)
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
          .addColumn('id', t.int, t.id)
          .addColumn('robot_id', 'text', (c) => c.notNull())
          .addColumn('online', t.int, (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('robot_presence_robot').on('robot_presence').columns(['robot_id', 'at']).execute();
        await db.schema.createIndex('robots_owner').on('robots').column('owner').execute();
      },
    },
    '0003_episodes': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('robots').addColumn('signing_address', 'text').execute();
        await db.schema
          .createTable('episodes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('robot_id', 'text', (c) => c.notNull())
          .addColumn('operator', 'text', (c) => c.notNull())
          .addColumn('task', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text')
          .addColumn('lease_id', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('ended_at', 'text')
          .addColumn('manifest', 'text')
          .addColumn('quality', 'text')
          .addColumn('checks', 'text')
          .addColumn('score', t.float)
          .addColumn('reason', 'text')
          .addColumn('reviews_wanted', t.int, (c) => c.notNull().defaultTo(0))
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('episodes_state').on('episodes').columns(['state', 'updated_at']).execute();
        await db.schema.createIndex('episodes_robot').on('episodes').columns(['robot_id', 'started_at']).execute();
        await db.schema
          .createTable('episode_files')
          .addColumn('episode_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('size', t.int, (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('episode_files_pk', ['episode_id', 'name'])
          .execute();
        await db.schema.createIndex('episode_files_sha').on('episode_files').column('sha256').execute();
        await db.schema
          .createTable('reviews')
          .addColumn('id', t.int, t.id)
          .addColumn('episode_id', 'text', (c) => c.notNull())
          .addColumn('reviewer', 'text', (c) => c.notNull())
          .addColumn('assigned_at', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text')
          .addColumn('task_done', t.int)
          .addColumn('cameras_clear', t.int)
          .addColumn('robot_safe', t.int)
          .addColumn('score', t.int)
          .addColumn('comment', 'text')
          .execute();
        await db.schema.createIndex('reviews_episode').on('reviews').columns(['episode_id', 'reviewer']).unique().execute();
      },
    },
    '0004_datasets': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('datasets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('license', 'text', (c) => c.notNull())
          .addColumn('price', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('dataset_versions')
          .addColumn('dataset_id', 'text', (c) => c.notNull())
          .addColumn('version', t.int, (c) => c.notNull())
          .addColumn('parent_version', t.int)
          .addColumn('selection', 'text', (c) => c.notNull())
          .addColumn('episode_ids', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('merkle_root', 'text')
          .addColumn('manifest_hash', 'text')
          .addColumn('summary', 'text')
          .addColumn('size_bytes', t.int)
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('built_at', 'text')
          .addPrimaryKeyConstraint('dataset_versions_pk', ['dataset_id', 'version'])
          .execute();
      },
    },
    '0005_chain_rewards': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('dataset_versions').addColumn('token_id', t.int).execute();
        await db.schema.alterTable('dataset_versions').addColumn('publish_tx', 'text').execute();
        await db.schema.alterTable('datasets').addColumn('allowed_buyers', 'text').execute();
        await db.schema.alterTable('robots').addColumn('data_policy', 'text', (c) => c.notNull().defaultTo('open')).execute();
        await db.schema.alterTable('robots').addColumn('allowed_buyers', 'text').execute();
        await db.schema
          .createTable('reward_epochs')
          .addColumn('epoch', t.int, (c) => c.primaryKey())
          .addColumn('cutoff', 'text', (c) => c.notNull())
          .addColumn('root', 'text', (c) => c.notNull())
          .addColumn('total_cumulative', 'text', (c) => c.notNull())
          .addColumn('minted', 'text', (c) => c.notNull())
          .addColumn('tree', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('mint_tx', 'text')
          .addColumn('publish_tx', 'text')
          .addColumn('episodes_root', 'text')
          .addColumn('episodes_tree', 'text')
          .addColumn('episodes_tx', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text')
          .execute();
        await db.schema
          .createTable('reward_credits')
          .addColumn('id', t.int, t.id)
          .addColumn('epoch', t.int, (c) => c.notNull())
          .addColumn('account', 'text', (c) => c.notNull())
          .addColumn('amount', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('episode_id', 'text', (c) => c.notNull())
          .addColumn('purchase_id', 'text')
          .execute();
        await db.schema.createIndex('reward_credits_account').on('reward_credits').columns(['account', 'epoch']).execute();
        await db.schema.createIndex('reward_credits_episode').on('reward_credits').columns(['episode_id', 'source']).execute();
        await db.schema
          .createTable('dataset_purchases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_id', t.int, (c) => c.notNull())
          .addColumn('dataset_id', 'text')
          .addColumn('version', t.int)
          .addColumn('buyer', 'text', (c) => c.notNull())
          .addColumn('paid', 'text', (c) => c.notNull())
          .addColumn('fee', 'text', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('block_number', t.int, (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('credited_epoch', t.int)
          .execute();
        await db.schema
          .createTable('dataset_accesses')
          .addColumn('id', t.int, t.id)
          .addColumn('dataset_id', 'text', (c) => c.notNull())
          .addColumn('version', t.int, (c) => c.notNull())
          .addColumn('address', 'text')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('path', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('dataset_accesses_dataset').on('dataset_accesses').columns(['dataset_id', 'version', 'at']).execute();
      },
    },
    '0006_chain_cursors': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('chain_cursors')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('block', t.int, (c) => c.notNull())
          .execute();
      },
    },
    '0007_dataset_units': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('datasets').addColumn('units', 'text', (c) => c.notNull().defaultTo('radians')).execute();
      },
    },
    '0008_one_recording_per_robot': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Which episode a robot records is this row, not the hub's memory: at most one per robot. Before the index,
        // all but the newest of a robot's stale recording rows (a bug could leave them) are failed.
        await sql`UPDATE episodes SET state = 'failed', outcome = 'failed', reason = 'left recording by an earlier hub version', updated_at = ${t.nowIso}
          WHERE state = 'recording' AND id NOT IN (SELECT id FROM episodes e WHERE e.state = 'recording' AND e.started_at = (SELECT max(started_at) FROM episodes m WHERE m.robot_id = e.robot_id AND m.state = 'recording'))`.execute(db);
        await db.schema.createIndex('episodes_one_recording').on('episodes').column('robot_id').unique().where(sql.ref('state'), '=', 'recording').execute();
      },
    },
    '0009_verified_duration': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The seconds an episode is paid for: measured by the hub in its files and capped by the time the hub saw it
        // recording. Episodes verified before this column are paid nothing more (null).
        await db.schema.alterTable('episodes').addColumn('verified_ms', t.int).execute();
      },
    },
    '0010_quarantine': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Why an accepted episode may no longer be used: a stored file no longer matches what was verified.
        await db.schema.alterTable('episodes').addColumn('quarantined', 'text').execute();
      },
    },
    '0011_gold_episodes': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Episodes with a known verdict, mixed into reviewers' queues to check the reviewers.
        await db.schema
          .createTable('gold_episodes')
          .addColumn('episode_id', 'text', (c) => c.primaryKey())
          .addColumn('verdict', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('added_by', 'text', (c) => c.notNull())
          .addColumn('added_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0012_robot_joint_limits': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The joint limits a robot first described itself with (trust on first use, like its signing key).
        await db.schema.alterTable('robots').addColumn('joint_limits', 'text').execute();
      },
    },
    '0013_estop_latches': {
      async up(db: Kysely<unknown>): Promise<void> {
        // E-stops the hub holds for robots until each robot confirms its reset (they survive a hub restart).
        await db.schema
          .createTable('estop_latches')
          .addColumn('robot_id', 'text', (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('engaged_at', 'text', (c) => c.notNull())
          .addColumn('confirmed_at', 'text')
          .addColumn('reset_requested_at', 'text')
          .addColumn('reset_by', 'text')
          .execute();
      },
    },
    '0014_data_rights': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Owners' terms: an open robot's license, a commercial robot's floor price per hour of data (token base units).
        await db.schema.alterTable('robots').addColumn('data_license', 'text', (c) => c.notNull().defaultTo('CC-BY-4.0')).execute();
        await db.schema.alterTable('robots').addColumn('floor_price_per_hour', 'text').execute();
        // An owner's terms for one episode, over its robot's.
        await db.schema
          .createTable('episode_terms')
          .addColumn('episode_id', 'text', (c) => c.primaryKey())
          .addColumn('policy', 'text', (c) => c.notNull())
          .addColumn('license', 'text', (c) => c.notNull())
          .addColumn('floor_price_per_hour', 'text')
          .addColumn('allowed_buyers', 'text')
          .addColumn('set_by', 'text', (c) => c.notNull())
          .addColumn('set_at', 'text', (c) => c.notNull())
          .execute();
        // Wallets admins let build dataset versions.
        await db.schema
          .createTable('curators')
          .addColumn('address', 'text', (c) => c.primaryKey())
          .addColumn('granted_by', 'text', (c) => c.notNull())
          .addColumn('granted_at', 'text', (c) => c.notNull())
          .execute();
        // A version's terms are its own from its creation on (its dataset's at that time), never changed after.
        await db.schema.alterTable('dataset_versions').addColumn('price', 'text').execute();
        await db.schema.alterTable('dataset_versions').addColumn('license', 'text').execute();
        await db.schema.alterTable('dataset_versions').addColumn('allowed_buyers', 'text').execute();
        await sql`UPDATE dataset_versions SET price = (SELECT price FROM datasets d WHERE d.id = dataset_versions.dataset_id),
          license = (SELECT license FROM datasets d WHERE d.id = dataset_versions.dataset_id),
          allowed_buyers = (SELECT allowed_buyers FROM datasets d WHERE d.id = dataset_versions.dataset_id)`.execute(db);
        // Why each download was allowed, and every read of an episode's own content.
        await db.schema.alterTable('dataset_accesses').addColumn('purpose', 'text').execute();
        await db.schema
          .createTable('episode_accesses')
          .addColumn('id', t.int, t.id)
          .addColumn('episode_id', 'text', (c) => c.notNull())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('path', 'text')
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('episode_accesses_episode').on('episode_accesses').columns(['episode_id', 'at']).execute();
      },
    },
  };
}
