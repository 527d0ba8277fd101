// `teleop-hub migrate`: moves an embedded deployment (a data directory's SQLite
// file and blobs) into the production engines, and checks the copy.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { BLOB_OPTIONS, HUB_OPTIONS, HubConfigError, OptionReader, readBlobStore, readDatabaseUrl, type OptionSpec } from '../config.ts';
import { FileBlobStore, type BlobStore } from '../store/BlobStore.ts';
import { copyDeployment } from '../store/copyDeployment.ts';
import { openBlobStore, type OpenedBlobStore } from '../store/openBlobStore.ts';

export const MIGRATE_USAGE = `  migrate --from DIR --database-url postgres://... [--blob-url URL] [--json]
                                copy an embedded deployment (DIR/hub.sqlite, DIR/blobs) into PostgreSQL
                                (an empty database) and, with --blob-url, its blobs into that blob store;
                                checks every table's row count and every blob's SHA-256 (stop the hub first)`;

const OPTIONS: Record<string, OptionSpec> = {
  from: { env: 'TELEOP_MIGRATE_FROM', help: 'data directory of the embedded deployment to copy' },
  'database-url': HUB_OPTIONS['database-url'],
  ...Object.fromEntries(BLOB_OPTIONS.map((k) => [k, HUB_OPTIONS[k]])),
  'blob-url': { env: 'TELEOP_BLOB_URL', help: 'where the blobs go: s3://bucket/prefix (with the --s3-* flags) or file:///DIR (a blob folder); unset: they stay in DIR/blobs' },
};

/** The blob store a --blob-url names. */
export function blobStoreOfUrl(url: string): BlobStore {
  const u = new URL(url);
  if (u.protocol === 'file:') return new FileBlobStore(fileURLToPath(u));
  throw new HubConfigError([`--blob-url ${u.protocol}// is not a blob store this hub knows (s3://bucket/prefix or file:///DIR)`]);
}

export async function migrateCommand(argv: string[]): Promise<number> {
  const r = new OptionReader(argv, OPTIONS, process.env, ['json']);
  const from = r.string('from');
  const databaseUrl = readDatabaseUrl(r);
  const blobUrl = r.string('blob-url');
  if (!from) r.problems.push('migrate needs --from DIR (the data directory of the embedded deployment)');
  if (!databaseUrl) r.problems.push('migrate needs --database-url postgres://... (an empty database to copy into)');
  if (from && !existsSync(join(resolve(from), 'hub.sqlite'))) r.problems.push(`--from ${from} holds no hub.sqlite: it is not a hub's data directory`);
  // s3://: the hub's own object storage flags (endpoint, region, credentials), checked as `serve` checks them.
  const s3 = blobUrl?.startsWith('s3:') ? readBlobStore(r) : undefined;
  r.check();
  const fromDataDir = resolve(from!);
  const json = r.flag('json');
  const opened: OpenedBlobStore | undefined = s3 ? await openBlobStore(fromDataDir, s3) : undefined;
  try {
    return await migrate(fromDataDir, databaseUrl!, blobUrl, opened?.blobs ?? (blobUrl ? blobStoreOfUrl(blobUrl) : null), json);
  } finally {
    opened?.close();
  }
}

async function migrate(fromDataDir: string, databaseUrl: string, blobUrl: string | undefined, toBlobs: BlobStore | null, json: boolean): Promise<number> {
  const report = await copyDeployment({
    fromDataDir,
    to: { dataDir: fromDataDir, databaseUrl },
    fromBlobs: new FileBlobStore(join(fromDataDir, 'blobs')),
    toBlobs,
    progress: json ? undefined : (e) => console.error(e.kind === 'table' ? `  table ${e.table}: ${e.rows} rows` : `  blob ${e.key}: ${e.bytes} bytes`),
  });
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const rows = report.tables.reduce((a, t) => a + t.targetRows, 0);
    const bytes = report.blobs.reduce((a, b) => a + b.bytes, 0);
    console.log(`copied and checked ${report.tables.length} tables (${rows} rows, every count equal) and ${report.blobs.length} blobs (${bytes} bytes, every SHA-256 equal)${blobUrl ? '' : `; the blobs stay in ${join(fromDataDir, 'blobs')}`}`);
    console.log(`start the hub with --database-url (and --data ${fromDataDir}${blobUrl ? ` and --blob-url ${blobUrl}` : ''})`);
  }
  return 0;
}
