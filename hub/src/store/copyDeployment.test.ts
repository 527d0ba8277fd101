// `teleop-hub migrate` on real engines: an embedded deployment (SQLite file and
// blob folder, filled through the stores) is copied into an empty PostgreSQL
// database and another blob folder; every table's count and every blob's
// SHA-256 are checked, the stores over the copy answer what the originals did,
// generated ids go on after the copied ones, a target that already holds rows
// is refused, and a blob that lands different is caught.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore, readBlobBytes, type BlobWritten } from './BlobStore.ts';
import { copyDeployment, DeploymentCopyError } from './copyDeployment.ts';
import { S3BlobStore } from './S3BlobStore.ts';
import { startS3Server } from './s3TestServer.ts';
import { openStores, type HubStores } from './stores.ts';
import { TEST_ENGINES, testDatabases } from './testing/engines.ts';

const HUB_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/teleop-hub.js');
const OWNER = '0x00000000000000000000000000000000000000a1';
const AT = '2026-11-01T00:00:00.000Z';
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A blob store that changes one byte of what it is given: the copy's check must catch it (a fault injected on purpose). */
class FlippingBlobStore extends FileBlobStore {
  override write(key: string, from: Readable): Promise<BlobWritten> {
    let first = true;
    const flip = new Transform({
      transform(chunk: Buffer, _e, done) {
        if (first && chunk.length) {
          chunk = Buffer.from(chunk);
          chunk[0] = chunk[0]! ^ 0xff;
          first = false;
        }
        done(null, chunk);
      },
    });
    return super.write(key, from.pipe(flip));
  }
}

async function seed(stores: HubStores): Promise<void> {
  await stores.robots.insert({ id: 'r-1', name: 'arm', model: 'so101', owner: OWNER, secretHash: 'sha256$x', createdAt: AT });
  await stores.robots.insert({ id: 'r-2', name: 'Arm two', model: 'so101', owner: null, secretHash: 'sha256$y', createdAt: AT });
  for (let i = 0; i < 5; i++) await stores.robots.recordPresence('r-1', i % 2 === 0, `2026-11-01T00:00:0${i}.000Z`);
  for (let i = 0; i < 3; i++) await stores.accessLog.leaseEvent({ robotId: 'r-1', leaseId: `l-${i}`, operatorId: OWNER, event: 'granted', at: AT });
  await stores.sessions.create('hash-1', { address: OWNER, createdAt: AT, expiresAt: '2026-12-01T00:00:00.000Z' });
  expect(await stores.episodes.insertRecording({ id: 'e-1', robotId: 'r-1', operator: OWNER, task: 'pick', leaseId: 'l-0' })).toBe(true);
  expect(await stores.episodes.move('e-1', ['recording'], 'uploading', { verifiedMs: 4_000_000_000 })).toBe(true);
  await stores.reviews.assign('e-1', OWNER);
  await stores.datasets.createDataset(
    { id: 'd-1', name: 'picks', title: 'Picks', description: 'ü', license: 'CC-BY-4.0', price: '0', created_by: OWNER, created_at: AT, allowed_buyers: null, units: 'radians' },
    { parent_version: null, selection: { task: 'pick' }, episode_ids: ['e-1'], created_by: OWNER, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null },
  );
  await stores.rewards.recordPurchase({ id: '0xp1:0', tokenId: 3, datasetId: 'd-1', version: 1, buyer: OWNER, paid: 10n ** 30n, fee: 5n, purpose: 'training', blockNumber: 12, at: AT });
  await stores.rewards.saveEpoch({ epoch: 1, cutoff: AT, root: '0x01', totalCumulative: 95n, minted: 0n, tree: [], episodes: null, credits: [{ account: OWNER, amount: 95n, role: 'owner', source: 'purchase', episodeId: 'e-1', purchaseId: '0xp1:0' }], purchaseIds: ['0xp1:0'] });
  await stores.rights.grantCurator(OWNER, OWNER, AT);
  await stores.rights.recordEpisodeAccess({ episodeId: 'e-1', address: OWNER, kind: 'file', path: 'episode.mcap', purpose: 'owner', at: AT });
  await stores.accessLog.datasetAccess({ datasetId: 'd-1', version: 1, address: null, kind: 'manifest', path: null, at: AT, purpose: 'public' });
}

describe.skipIf(!TEST_ENGINES.includes('postgres'))('copying an embedded deployment into PostgreSQL', () => {
  const databases = testDatabases('postgres');
  const from = mkdtempSync(join(tmpdir(), 'teleop-migrate-from-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'teleop-migrate-to-'));
  const files = new Map<string, Buffer>([
    ['episodes/e-1/episode.mcap', randomBytes(3 * 1024 * 1024 + 17)],
    ['episodes/e-1/manifest.json', Buffer.from('{"a":1}')],
    ['datasets/d-1/v1/meta/info.json', Buffer.from('{}')],
    ['signatures/e-1/front.json', Buffer.alloc(0)],
  ]);
  let original: HubStores;

  beforeAll(async () => {
    original = await openStores(from);
    await seed(original);
    const blobs = new FileBlobStore(join(from, 'blobs'));
    for (const [key, bytes] of files) await blobs.write(key, Readable.from([bytes]));
  });
  afterAll(async () => {
    await original?.close();
    rmSync(from, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('copies every row and blob, checks them, and the copy answers as the original does', async () => {
    const databaseUrl = await databases.server().createDatabase();
    const report = await copyDeployment({ fromDataDir: from, to: { dataDir: from, databaseUrl }, fromBlobs: new FileBlobStore(join(from, 'blobs')), toBlobs: new FileBlobStore(join(elsewhere, 'blobs')) });

    const counts = Object.fromEntries(report.tables.map((t) => [t.table, t.targetRows]));
    expect(report.tables.every((t) => t.sourceRows === t.targetRows)).toBe(true);
    expect(counts).toMatchObject({ robots: 2, robot_presence: 5, lease_events: 3, sessions: 1, episodes: 1, reviews: 1, datasets: 1, dataset_versions: 1, dataset_purchases: 1, reward_epochs: 1, reward_credits: 1, curators: 1, episode_accesses: 1, dataset_accesses: 1 });
    expect(report.blobs.map((b) => [b.key, b.sha256])).toEqual([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sha256(v)]));
    for (const [key, bytes] of files) expect(sha256(await readBlobBytes(new FileBlobStore(join(elsewhere, 'blobs')), key))).toBe(sha256(bytes));

    const copy = await openStores({ dataDir: elsewhere, databaseUrl });
    try {
      expect(await copy.robots.list({ includeRevoked: true })).toEqual(await original.robots.list({ includeRevoked: true }));
      expect(await copy.robots.presenceSince('r-1', '2026-11-01T00:00:02.000Z')).toEqual(await original.robots.presenceSince('r-1', '2026-11-01T00:00:02.000Z'));
      expect(await copy.episodes.get('e-1')).toEqual(await original.episodes.get('e-1'));
      expect(await copy.datasets.versions()).toEqual(await original.datasets.versions());
      expect(await copy.rewards.epochs()).toEqual(await original.rewards.epochs());
      expect(await copy.rewards.uncreditedPurchases('2030-01-01T00:00:00.000Z')).toEqual([]);
      expect(await copy.rewards.creditsOf(OWNER)).toEqual(await original.rewards.creditsOf(OWNER));
      expect(await copy.sessions.find('hash-1')).toEqual(await original.sessions.find('hash-1'));
      // Generated ids go on after the copied ones.
      await copy.accessLog.leaseEvent({ robotId: 'r-1', leaseId: 'l-9', operatorId: OWNER, event: 'granted', at: AT });
      await copy.robots.recordPresence('r-2', true, AT);
      await copy.reviews.assign('e-1', '0x00000000000000000000000000000000000000b2');
    } finally {
      await copy.close();
    }

    // Into the same database again: refused, nothing written twice.
    await expect(copyDeployment({ fromDataDir: from, to: { dataDir: from, databaseUrl }, fromBlobs: new FileBlobStore(join(from, 'blobs')), toBlobs: null })).rejects.toThrow(/already holds rows \(.*robots: 2/);
  });

  it('fails when a blob lands different from what was read', async () => {
    const databaseUrl = await databases.server().createDatabase();
    const flipped = mkdtempSync(join(tmpdir(), 'teleop-migrate-flipped-'));
    try {
      const copying = copyDeployment({ fromDataDir: from, to: { dataDir: from, databaseUrl }, fromBlobs: new FileBlobStore(join(from, 'blobs')), toBlobs: new FlippingBlobStore(flipped) });
      await expect(copying).rejects.toBeInstanceOf(DeploymentCopyError);
      await expect(copying).rejects.toThrow(/3 blob\(s\) differ after the copy:\n {2}datasets\/d-1\/v1\/meta\/info.json/);
    } finally {
      rmSync(flipped, { recursive: true, force: true });
    }
  });

  it('runs as `teleop-hub migrate`, leaving the blobs in place without --blob-url', async () => {
    const run = (args: string[]) => spawnSync(process.execPath, [HUB_BIN, 'migrate', ...args], { encoding: 'utf8' });
    const missing = run(['--from', elsewhere]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('migrate needs --database-url');
    expect(missing.stderr).toContain('holds no hub.sqlite');
    const out = run(['--from', from, '--database-url', await databases.server().createDatabase(), '--json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as { tables: { table: string; targetRows: number }[]; blobs: { key: string; sha256: string }[] };
    expect(report.tables.find((t) => t.table === 'robots')?.targetRows).toBe(2);
    expect(report.blobs.find((b) => b.key === 'episodes/e-1/episode.mcap')?.sha256).toBe(sha256(files.get('episodes/e-1/episode.mcap')!));
  });

  // The S3 side is s3rver from npm (a real HTTP server process, the real AWS SDK), not Amazon S3: s3TestServer.ts.
  it('runs as `teleop-hub migrate --blob-url s3://...`, every blob read back from the bucket and hashed', async () => {
    const s3 = await startS3Server();
    const scratch = mkdtempSync(join(tmpdir(), 'teleop-migrate-s3-'));
    try {
      const args = s3.hubArgs('migrated');
      const out = spawnSync(process.execPath, [HUB_BIN, 'migrate', '--from', from, '--database-url', await databases.server().createDatabase(), '--json', ...args], { encoding: 'utf8' });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      const report = JSON.parse(out.stdout) as { blobs: { key: string; sha256: string }[] };
      expect(report.blobs.map((b) => b.key).sort()).toEqual([...files.keys()].sort());
      const bucket = new S3BlobStore({ url: `s3://${s3.bucket}/migrated`, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }, scratchDir: scratch });
      try {
        for (const [key, bytes] of files) expect(sha256(await readBlobBytes(bucket, key))).toBe(sha256(bytes));
      } finally {
        bucket.close();
      }
    } finally {
      await s3.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
