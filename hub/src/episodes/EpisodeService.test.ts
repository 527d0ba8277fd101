// Episode state on a real store (SQLite, then PostgreSQL): every move is one conditional update
// along the table of episodeStates.ts, so racing parties (the operator's stop
// and the lease ending, two starts, two manifest uploads) cannot both win;
// what a restart interrupts is taken up again from the database; close()
// waits for the work it started. The fleet is a recorder of what would be sent
// to robots (no robot is needed to decide these), the rest is the hub's own.
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { McapWriter } from '@mcap/core';
import { toLong, v1 } from '@teleop/proto';
import { createLogger } from '../log.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import { RobotRegistry } from '../robots/RobotRegistry.ts';
import { episodeBlobKey, FileBlobStore } from '../store/BlobStore.ts';
import { openStores, type HubStores } from '../store/stores.ts';
import { EpisodeError, EpisodeService, EpisodeTransitionError, type EpisodeServiceOptions } from './EpisodeService.ts';
import { EPISODE_MOVES, EPISODE_STATES } from './episodeStates.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

const OPERATOR = '0x000000000000000000000000000000000000a11c';
const NO_VIDEO = { captureToHubMs: null, lost: 0 };

describe.each(TEST_ENGINES)('EpisodeService state on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let stores: HubStores;
  let sent: { robotId: string; message: unknown }[];
  let service: EpisodeService;

  const open = (extra: Partial<EpisodeServiceOptions> = {}): EpisodeService => {
    const fleet = { sendSession: (robotId: string, message: unknown) => sent.push({ robotId, message }), get: () => undefined } as unknown as RobotFleet;
    return new EpisodeService({
      store: stores.episodes,
      blobs: new FileBlobStore(join(dir, 'blobs')),
      registry: new RobotRegistry(stores.robots),
      fleet,
      logger: createLogger('silent'),
      chainId: 31337,
      thresholds: {} as never,
      reviewsPerEpisode: 1,
      fps: 30,
      ...extra,
    });
  };
  const start = (robotId = 'r-1'): Promise<string> => service.start({ robotId, operator: OPERATOR, leaseId: 'l-1', task: 'pick the cube', videoLost: 0 });
  const state = async (id: string): Promise<string | undefined> => (await service.get(id))?.state;

  beforeEach(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    stores = await openStores(target);
    sent = [];
    service = open();
  });
  afterEach(async () => {
    await service.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a table of moves over known states only, with nothing leaving a verdict', () => {
    for (const [from, tos] of Object.entries(EPISODE_MOVES)) {
      expect(EPISODE_STATES).toContain(from);
      for (const to of tos) expect(EPISODE_STATES).toContain(to);
    }
    for (const final of ['accepted', 'rejected', 'discarded'] as const) expect(EPISODE_MOVES[final]).toEqual([]);
  });

  it('moves only from the states the mover expects, and refuses a move the table does not have', async () => {
    const id = await start();
    expect(await service.transition(id, ['in_review'], 'accepted')).toBe(false);
    expect(await state(id)).toBe('recording');
    await expect(service.transition(id, ['recording'], 'accepted')).rejects.toBeInstanceOf(EpisodeTransitionError);
    expect(await state(id)).toBe('recording');
    expect(await service.transition('e-nope', ['recording'], 'uploading')).toBe(false);
  });

  it('lets one of two racing starts for a robot win', async () => {
    const results = await Promise.allSettled([start(), start(), start()]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as EpisodeError).code).toBe('already_recording');
    expect(await stores.episodes.idsInStates(['recording'])).toHaveLength(1);
    // Another robot records at the same time.
    await expect(start('r-2')).resolves.toMatch(/^e-/);
  });

  it("settles the operator's stop racing the lease's end: one ends it, once, and the robot is told once", async () => {
    const id = await start();
    const [stop, abort] = await Promise.allSettled([service.stop('r-1', 'success', NO_VIDEO), service.abortRecording('r-1', 'the control lease ended (expired)')]);
    const row = (await service.get(id))!;
    expect(row.state).toBe('uploading');
    if (stop.status === 'fulfilled') {
      expect(row.outcome).toBe('success');
      expect(row.reason).toBeNull();
    } else {
      expect((stop.reason as EpisodeError).code).toBe('not_recording');
      expect(row.outcome).toBe('failure');
      expect(row.reason).toBe('the control lease ended (expired)');
    }
    expect(abort.status).toBe('fulfilled');
    expect(sent.filter((s) => (s.message as { episodeStop?: unknown }).episodeStop)).toHaveLength(1);
    await expect(service.stop('r-1', 'failure', NO_VIDEO)).rejects.toMatchObject({ code: 'not_recording' });
  });

  it('takes up after a restart what the last run left: a recording ends as a failure, a verification runs again', async () => {
    const recording = await start();
    const verifying = await start('r-2');
    await service.transition(verifying, ['recording'], 'uploading', { outcome: 'success', endedAt: new Date().toISOString() });
    await service.transition(verifying, ['uploading'], 'verifying');
    // The hub stops here; the next run opens the same database.
    await service.close();
    service = open();
    await service.resume();
    await service.idle();
    const r = (await service.get(recording))!;
    expect(r).toMatchObject({ state: 'uploading', outcome: 'failure', reason: 'the hub restarted during the recording', endedAt: null });
    // Its manifest never arrived, so the verification taken up again rejects it, saying why (it is not left verifying).
    const v = (await service.get(verifying))!;
    expect(v.state).toBe('rejected');
    expect(v.reason).toMatch(/^verification failed: .*manifest\.json/);
  });

  it("judges from a robot's status only the recordings it started itself: an earlier run's is left to resume()", async () => {
    const earlier = await start();
    // The hub stops; the next run hears the robot (not recording) before its resume() has run (on PostgreSQL the
    // episode-recovery role may come a moment after the robots do).
    await service.close();
    service = open();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 10_000);
      await service.reconcile('r-1', '');
      expect(await service.get(earlier)).toMatchObject({ state: 'recording', outcome: null });
      await service.resume();
      await service.idle();
      expect(await service.get(earlier)).toMatchObject({ state: 'uploading', outcome: 'failure', reason: 'the hub restarted during the recording' });
      // One no run took up (the hub that started it is gone, no restart came): ended for the manifest to settle after 30 s.
      const orphan = await open().start({ robotId: 'r-2', operator: OPERATOR, leaseId: 'l-2', task: 'stack', videoLost: 0 });
      vi.setSystemTime(Date.now() + 10_000);
      await service.reconcile('r-2', '');
      expect(await state(orphan)).toBe('recording');
      vi.setSystemTime(Date.now() + 25_000);
      await service.reconcile('r-2', '');
      expect(await service.get(orphan)).toMatchObject({ state: 'uploading', outcome: 'failure', reason: 'the hub that started this recording lost it (it stopped or restarted)', endedAt: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves recordings to their hubs when hubs share the database: taking up the recovery role ends none', async () => {
    const live = await start();
    const other = open({ exclusive: (_key, work) => work() });
    await other.resume();
    await other.idle();
    expect(await service.get(live)).toMatchObject({ state: 'recording', outcome: null });
    await other.close();
  });

  it('ends its own recording as failed when the robot never recorded it, and as a failure when the robot stopped it on its own', async () => {
    const never = await start();
    const stopped = await start('r-2');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await service.reconcile('r-2', stopped);
      vi.setSystemTime(Date.now() + 2_000);
      await service.reconcile('r-1', '');
      expect(await state(never)).toBe('recording');
      vi.setSystemTime(Date.now() + 4_000);
      await service.reconcile('r-1', '');
      await service.reconcile('r-2', '');
      expect(await service.get(never)).toMatchObject({ state: 'failed', outcome: 'failed', reason: 'the robot did not record this episode (it could not start the recording)' });
      expect(await service.get(stopped)).toMatchObject({ state: 'uploading', outcome: 'failure', reason: 'the robot ended the recording without the hub', endedAt: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('measures episodes checked before durations were measured: their recording\'s span, never more than the hub saw', async () => {
    // An MCAP of joint states spanning 4 s, as the robot records them.
    const mcap = async (id: string): Promise<void> => {
      const chunks: Uint8Array[] = [];
      let position = 0n;
      const writable = {
        write: async (b: Uint8Array): Promise<void> => {
          chunks.push(b.slice());
          position += BigInt(b.byteLength);
        },
        position: (): bigint => position,
      };
      const writer = new McapWriter({ writable, useChunks: true });
      await writer.start({ profile: '', library: 'test' });
      const channel = await writer.registerChannel({ topic: '/observation/state', messageEncoding: 'protobuf', schemaId: 0, metadata: new Map() });
      const t0 = 1_800_000_000_000_000_000n;
      for (let k = 0; k <= 200; k++) {
        const t = t0 + BigInt(k) * 20_000_000n;
        await writer.addMessage({ channelId: channel, sequence: k, logTime: t, publishTime: t, data: v1.JointState.encode({ captureTimeNs: toLong(t), positions: [k / 200], velocities: [0] }).finish() });
      }
      await writer.end();
      const path = join(dir, 'blobs', episodeBlobKey(id, 'episode.mcap'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.concat(chunks));
    };
    const old = async (robotId: string, sawS: number): Promise<string> => {
      const id = await start(robotId);
      const startedAt = Date.parse((await service.get(id))!.startedAt);
      await service.transition(id, ['recording'], 'uploading', { outcome: 'success', endedAt: new Date(startedAt + sawS * 1000).toISOString() });
      for (const [from, to] of [['uploading', 'verifying'], ['verifying', 'checks'], ['checks', 'in_review'], ['in_review', 'accepted']] as const) await service.transition(id, [from], to);
      await mcap(id);
      return id;
    };
    const longer = await old('r-1', 10);
    const shorter = await old('r-2', 2.5);
    const unreadable = await old('r-3', 10);
    writeFileSync(join(dir, 'blobs', episodeBlobKey(unreadable, 'episode.mcap')), 'not an mcap');
    expect((await service.get(longer))!.verifiedMs).toBeNull();
    await service.close();
    service = open();
    await service.resume();
    await service.idle();
    expect((await service.get(longer))!.verifiedMs).toBe(4000);
    expect((await service.get(shorter))!.verifiedMs).toBe(2500);
    expect((await service.get(unreadable))!.verifiedMs).toBe(0);
  });

  it('verifies a manifest once, and takes no files for an episode whose manifest it has verified', async () => {
    const id = await start();
    await service.stop('r-1', 'success', NO_VIDEO);
    const path = join(dir, 'blobs', episodeBlobKey(id, 'manifest.json'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ manifest: { files: [] }, signature: '0x00' }));
    const changes: string[] = [];
    service.on('changed', (e) => e.id === id && changes.push(e.state));
    await Promise.all([service.fileReceived(id, 'manifest.json', 10, 'a'.repeat(64)), service.fileReceived(id, 'manifest.json', 10, 'a'.repeat(64))]);
    await service.idle();
    expect(changes.filter((s) => s === 'verifying')).toHaveLength(1);
    expect(await state(id)).toBe('rejected'); // a forged signature
    expect(await service.canUpload('r-1', id, 'manifest.json')).toMatchObject({ status: 409, message: expect.stringMatching(/takes no more files/) });
  });

  it('waits in close() for the work it started, and starts no recording while closing', async () => {
    const id = await start();
    let finished = false;
    service.later(id, async () => {
      await new Promise((r) => setTimeout(r, 200));
      finished = true;
    });
    await service.close();
    expect(finished).toBe(true);
    await expect(start('r-3')).rejects.toMatchObject({ code: 'closing' });
  });
});
