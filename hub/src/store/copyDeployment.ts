// `teleop-hub migrate`: copies an embedded deployment (the SQLite file and the
// blob folder of a data directory) into the production engines (PostgreSQL,
// and another blob store), then checks the copy: every table's row count and
// every blob's SHA-256, read back from where it landed.
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type { BlobStore } from './BlobStore.ts';
import { describeTarget, openDatabase, type DatabaseTarget } from './database.ts';
import { resetIdentity } from './dialect.ts';

export class DeploymentCopyError extends Error {
  override name = 'DeploymentCopyError';
}

export interface CopyDeploymentOptions {
  /** The embedded deployment's data directory (its hub.sqlite is read; it is not changed). */
  fromDataDir: string;
  /** Where the rows go: an empty PostgreSQL database. */
  to: DatabaseTarget;
  /** The deployment's blobs (<data>/blobs). */
  fromBlobs: BlobStore;
  /** Where the blobs go; null leaves them where they are (the hub keeps reading <data>/blobs), checking each one's hash. */
  toBlobs: BlobStore | null;
  /** Told of each table and blob as it is done. */
  progress?: (event: { kind: 'table'; table: string; rows: number } | { kind: 'blob'; key: string; bytes: number }) => void;
}

export interface CopyDeploymentReport {
  /** Every table, with its row count in the source and in the target (equal, or the copy threw). */
  tables: { table: string; sourceRows: number; targetRows: number }[];
  /** Every blob, with its size and the SHA-256 read back from the target. */
  blobs: { key: string; bytes: number; sha256: string }[];
}

/** Tables whose `id` the database generates: their sequence must follow the copied ids. */
const IDENTITY_TABLES = ['lease_events', 'robot_presence', 'reviews', 'reward_credits', 'dataset_accesses', 'episode_accesses'];
/** Rows read and written at a time (PostgreSQL takes at most 65535 parameters per statement). */
const BATCH_PARAMETERS = 30_000;

type AnyTables = Kysely<Record<string, Record<string, unknown>>>;

export async function copyDeployment(o: CopyDeploymentOptions): Promise<CopyDeploymentReport> {
  if (!o.to.databaseUrl) throw new DeploymentCopyError('migrate copies into PostgreSQL: give --database-url postgres://...');
  const source = (await openDatabase({ dataDir: o.fromDataDir })) as unknown as AnyTables;
  let target: AnyTables | null = null;
  try {
    target = (await openDatabase(o.to)) as unknown as AnyTables;
    const tables = (await source.introspection.getTables()).map((t) => t.name).sort();
    const tablesReport = await copyRows(source, target, tables, o);
    const blobs = await copyBlobs(o);
    return { tables: tablesReport, blobs };
  } finally {
    await source.destroy();
    await target?.destroy();
  }
}

async function countRows(db: AnyTables, table: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function copyRows(source: AnyTables, target: AnyTables, tables: string[], o: CopyDeploymentOptions): Promise<CopyDeploymentReport['tables']> {
  const occupied: string[] = [];
  for (const t of tables) {
    const n = await countRows(target, t);
    if (n > 0) occupied.push(`${t}: ${n}`);
  }
  if (occupied.length) {
    throw new DeploymentCopyError(`the target database (${describeTarget(o.to)}) already holds rows (${occupied.join(', ')}); migrate into an empty database (createdb --locale=C --template=template0 NAME)`);
  }
  // One transaction: a copy that fails part way leaves the target empty, ready for another try.
  await target.transaction().execute(async (trx) => {
    for (const t of tables) {
      let last = 0;
      let copied = 0;
      for (;;) {
        // Keyset paging over SQLite's rowid: each page starts after the last row of the one before.
        const page = await sql<Record<string, unknown> & { __rowid: number }>`SELECT rowid AS __rowid, * FROM ${sql.table(t)} WHERE rowid > ${last} ORDER BY rowid LIMIT ${1000}`.execute(source);
        if (page.rows.length === 0) break;
        last = page.rows[page.rows.length - 1]!.__rowid;
        const rows = page.rows.map(({ __rowid: _, ...row }) => row);
        const perInsert = Math.max(1, Math.floor(BATCH_PARAMETERS / Math.max(1, Object.keys(rows[0]!).length)));
        for (let i = 0; i < rows.length; i += perInsert) await trx.insertInto(t).values(rows.slice(i, i + perInsert)).execute();
        copied += rows.length;
      }
      if (IDENTITY_TABLES.includes(t)) await resetIdentity(trx, t, 'id');
      o.progress?.({ kind: 'table', table: t, rows: copied });
    }
  });
  const report: CopyDeploymentReport['tables'] = [];
  const wrong: string[] = [];
  for (const t of tables) {
    const sourceRows = await countRows(source, t);
    const targetRows = await countRows(target, t);
    report.push({ table: t, sourceRows, targetRows });
    if (sourceRows !== targetRows) wrong.push(`${t}: ${sourceRows} rows in SQLite, ${targetRows} in the target`);
  }
  if (wrong.length) throw new DeploymentCopyError(`the copied rows do not match (${wrong.join('; ')}); was a hub writing to ${o.fromDataDir} during the copy? Stop it, empty the target and migrate again`);
  return report;
}

/** Passes bytes through, hashing them on the way. */
class Hashing extends Transform {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

async function sha256Of(store: BlobStore, key: string): Promise<{ sha256: string; bytes: number }> {
  const h = new Hashing();
  await pipeline(store.read(key), h, async function* (s) {
    for await (const _ of s);
  });
  return { sha256: h.hash.digest('hex'), bytes: h.bytes };
}

async function copyBlobs(o: CopyDeploymentOptions): Promise<CopyDeploymentReport['blobs']> {
  const report: CopyDeploymentReport['blobs'] = [];
  const wrong: string[] = [];
  for (const key of await o.fromBlobs.list('')) {
    let sourceHash: string;
    let bytes: number;
    if (o.toBlobs) {
      // Streamed from store to store, hashed on the way: never whole in memory.
      const h = new Hashing();
      await Promise.all([pipeline(o.fromBlobs.read(key), h), o.toBlobs.write(key, h)]);
      sourceHash = h.hash.digest('hex');
      bytes = h.bytes;
    } else {
      ({ sha256: sourceHash, bytes } = await sha256Of(o.fromBlobs, key));
    }
    const landed = await sha256Of(o.toBlobs ?? o.fromBlobs, key);
    if (landed.sha256 !== sourceHash || landed.bytes !== bytes) wrong.push(`${key}: ${bytes} bytes sha256 ${sourceHash} read from the source, ${landed.bytes} bytes sha256 ${landed.sha256} from the target`);
    report.push({ key, bytes: landed.bytes, sha256: landed.sha256 });
    o.progress?.({ kind: 'blob', key, bytes });
  }
  if (wrong.length) throw new DeploymentCopyError(`${wrong.length} blob(s) differ after the copy:\n  ${wrong.join('\n  ')}`);
  return report;
}
