// The cluster (issue 20, "Tests"): PostgreSQL, the S3 test server, Redis, one
// Mosquitto, three hubs and HAProxy, all real processes on 127.0.0.1, one
// simulated robot and operators on different hubs. Driven through hub A while
// watched from hub C; an e-stop pressed on hub C lands; an episode started
// through hub A is uploaded through hub B (the hub the robot's agent speaks
// HTTP to), reviewed through hub C and settled in one epoch by one hub; hub A
// killed mid-lease: the robot holds within 200 ms of its last command, the
// lease moves to the operator queued on hub B, the operator of hub A, back
// through HAProxy, finds the lease rules holding, and no command reaches the
// robot twice.
// The S3 server is s3rver from npm (hub/src/store/s3TestServer.ts says why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLong, v1 } from '@teleop/proto';
import { openStoresWithRows } from '../../hub/src/store/stores.ts';
import { startPostgres, type PostgresServer } from '../../hub/src/store/testing/postgresServer.ts';
import { hubBlobArgs, testBlobStore } from '../harness/blobs.ts';
import { episode, startEpisode, stopEpisode, wiggle } from '../harness/episodes.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startHaproxy, STICKY_COOKIE, type RunningHaproxy } from '../harness/haproxy.ts';
import { freePort, startMosquitto, type RunningMosquitto } from '../harness/mosquitto.ts';
import { eventually, runHubCli, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { eventsOf, lastGrant, near } from '../harness/cluster.ts';

const HUB_PASSWORD = 'hub-three-password';
const LEASE_TTL_MS = 2000;
/** The lease moves within its time to live after the holder's hub dies, plus the others' look (250 ms), plus slack for a busy machine. */
const HANDOVER_BOUND_MS = LEASE_TTL_MS + 2000;
/** The agent's watchdog (150 ms by default) holds the arm this soon after the last command it applied. */
const HOLD_BOUND_MS = 200;
const POSE_A = [0.3, -0.2, 0.1, 0, 0.1, 0.2];
const POSE_B = [-0.3, 0.2, -0.1, 0, 0.2, 0.4];
const FAR = [1.8, 1.5, 0, 0, 0, 0];

describe('three hubs behind HAProxy on PostgreSQL, S3, Redis and one broker', () => {
  const dirs = { a: tempDir('cluster3-a'), b: tempDir('cluster3-b'), c: tempDir('cluster3-c'), infra: tempDir('cluster3-infra') };
  let pg: PostgresServer;
  let databaseUrl: string;
  let rows: Awaited<ReturnType<typeof openStoresWithRows>>;
  let broker: RunningMosquitto;
  let redis: RunningRedis;
  let haproxy: RunningHaproxy;
  let creds: RobotCredentials;
  const hubs: Record<'a' | 'b' | 'c', RunningHub> = {} as never;
  let agent: TestProcess;
  let opA: OperatorClient;
  let opB: OperatorClient;
  /** Watches from hub C and drives nothing (until it presses the e-stop). */
  let watcher: OperatorClient;
  let watcherEvents: v1.RobotEvent[];

  beforeAll(async () => {
    pg = await startPostgres();
    databaseUrl = await pg.createDatabase();
    const enrolled = await runHubCli(['robots', 'enroll', '--data', dirs.a.path, '--name', 'arm of three hubs', '--model', 'so101_sim', '--json'], { TELEOP_DATABASE_URL: databaseUrl });
    if (enrolled.code !== 0) throw new Error(`enroll failed: ${enrolled.stderr}`);
    creds = JSON.parse(enrolled.stdout) as RobotCredentials;
    rows = await openStoresWithRows({ dataDir: dirs.infra.path, databaseUrl });
    broker = await startMosquitto(dirs.infra.path, { hub: HUB_PASSWORD, [creds.robotId]: creds.secret });
    redis = await startRedis(dirs.infra.path);
    // One blob prefix for all three (hub A's directory names it), as one bucket for a deployment.
    const blobs = await hubBlobArgs(dirs.a.path, 's3');
    const shared = [
      '--database-url', databaseUrl, ...blobs,
      '--mqtt-url', broker.url, '--mqtt-username', 'hub',
      '--redis-url', redis.url, '--lease-ttl-ms', String(LEASE_TTL_MS),
      '--reviews-per-episode', '1', '--epoch-interval-s', '2', '--min-free-bytes', '0',
      '--ice-host-addresses', '127.0.0.1',
    ];
    const ports = { a: await freePort(), b: await freePort(), c: await freePort() };
    haproxy = await startHaproxy(dirs.infra.path, (['a', 'b', 'c'] as const).map((k) => ({ name: `hub-${k}`, address: `127.0.0.1:${ports[k]}` })), { checkIntervalMs: 300, fall: 2, rise: 1 });
    // One after the other: the first migrates the database.
    for (const k of ['a', 'b', 'c'] as const) hubs[k] = await startHub(dirs[k].path, [...shared, '--port', String(ports[k])], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD });
    // The robot's agent speaks HTTP (uploads) to hub B; MQTT to the broker.
    agent = await startAgent(hubs.b.url, creds);
    opA = await OperatorClient.connect(hubs.a.url, 'cluster3-op-a');
    opB = await OperatorClient.connect(hubs.b.url, 'cluster3-op-b');
    watcher = await OperatorClient.connect(hubs.c.url, 'cluster3-watcher');
    watcherEvents = eventsOf(watcher);
    for (const op of [opA, opB, watcher]) {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online on every hub');
      await op.subscribe(creds.robotId);
    }
  });

  afterAll(async () => {
    for (const op of [opA, opB, watcher]) op?.close();
    await agent?.stop();
    for (const h of Object.values(hubs)) await h.process.stop();
    await rows?.stores.close();
    await haproxy?.stop();
    await broker?.stop();
    await redis?.stop();
    await pg?.stop();
    for (const d of Object.values(dirs)) d.remove();
  });

  it('drives the robot through hub A while an operator on hub C watches it move', async () => {
    const grant = await opA.requestLease(creds.robotId);
    expect(grant.status).toBe('granted');
    await opA.waitLeaseApplied(creds.robotId);
    const stop = opA.stream(creds.robotId, POSE_A, 50);
    try {
      const seen = await watcher.waitForState((s) => s.state.leaseId === grant.leaseId && near(s.state.positions, POSE_A));
      expect(seen.robotId).toBe(creds.robotId);
    } finally {
      stop();
    }
    // Hub C knows who holds the robot, on hub A.
    expect((await watcher.listRobots()).find((r) => r.robotId === creds.robotId)?.leaseHolder).toBe(opA.address);
  });

  it('an e-stop pressed on hub C lands on the robot and holds on every hub until the holder resets it', async () => {
    const latch = await watcher.estop(creds.robotId, 'pressed on hub C');
    await eventually(() => (watcher.statuses.get(creds.robotId)?.estop ? true : undefined), undefined, 'the robot reports the e-stop');
    await agent.waitForLog((l) => l.msg === 'E-STOP engaged');
    for (const op of [opA, opB]) {
      await eventually(async () => ((await op.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch?.estopId === latch.estopId ? true : undefined), undefined, 'every hub holds the latch');
    }
    opA.send(creds.robotId, POSE_B);
    await opA.waitForError('estopped');
    await opA.resetEstop(creds.robotId);
    for (const op of [opA, opB, watcher]) {
      await eventually(async () => ((await op.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch === null ? true : undefined), undefined, 'latch cleared everywhere');
    }
    await eventually(() => (watcher.statuses.get(creds.robotId)?.estop === false ? true : undefined), undefined, 'the robot reports the reset');
  });

  it('records through hub A, uploads through hub B, reviews through hub C, and settles the episode in one epoch on one hub', async () => {
    await opA.waitLeaseApplied(creds.robotId);
    const stop = wiggle(opA, creds.robotId);
    let id: string;
    try {
      id = await startEpisode(opA, creds.robotId, 'pick the cube across hubs');
      await agent.waitForLog((l) => l.msg === 'episode recording started' && l.episodeId === id);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await stopEpisode(opA, creds.robotId, 'success')).toBe(id);
    } finally {
      stop();
    }
    await agent.waitForLog((l) => l.msg === 'episode uploaded and confirmed by the hub; removed from the spool' && l.episodeId === id);
    // Hub B took the files (the robot's agent speaks to it); they are in the shared object store.
    expect(hubs.b.process.hasLog((l) => l.episodeId === id)).toBe(true);
    expect((await (await testBlobStore(dirs.a.path, 's3')).list(`episodes/${id}`)).length).toBeGreaterThan(1);

    const reviewer = await signIn(hubs.c.url, keyFor('cluster3-reviewer'));
    await eventually(async () => ((await episode(hubs.c.url, reviewer.token, id)).state === 'in_review' ? true : undefined), undefined, 'episode in review');
    const next = (await (await fetch(`${hubs.c.url}/api/v1/reviews/next`, { method: 'POST', headers: { authorization: `Bearer ${reviewer.token}` } })).json()) as { episodeId: string };
    expect(next.episodeId).toBe(id);
    const verdict = await fetch(`${hubs.c.url}/api/v1/reviews/${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ taskDone: true, camerasClear: true, robotSafe: true, score: 5 }),
    });
    expect(verdict.status).toBe(200);
    expect((await episode(hubs.a.url, opA.token, id)).state).toBe('accepted');

    const epoch = await eventually(async () => rows.stores.rewards.rewardedEpoch(id), undefined, 'the episode settled in an epoch');
    // Two more settlement rounds of the settling hub (every 2 s): nothing more is settled, by any hub.
    // (A hub's log reaches this process a moment after its row reaches the database.)
    const settlers = await eventually(() => {
      const found = Object.values(hubs).filter((h) => h.process.hasLog((l) => l.msg === 'reward epoch computed' && l.epoch === epoch));
      return found.length > 0 ? found : undefined;
    }, undefined, 'the settling hub’s log');
    expect(settlers).toHaveLength(1);
    const rounds = (): number => settlers[0]!.process.logs.filter((l) => l.msg === 'reward settlement: nothing new since the last epoch').length;
    const before = rounds();
    await eventually(() => (rounds() >= before + 2 ? true : undefined), undefined, 'two more settlement rounds');
    expect((await rows.stores.rewards.epochs()).map((e) => e.epoch)).toEqual([epoch]);
    expect(await rows.stores.rewards.rewardedEpoch(id)).toBe(epoch);
    for (const h of Object.values(hubs)) {
      const computed = h.process.logs.filter((l) => l.msg === 'reward epoch computed').length;
      expect(computed).toBe(h === settlers[0] ? 1 : 0);
    }
    // Its tree and proofs are in the shared object store.
    expect(await (await testBlobStore(dirs.a.path, 's3')).list('rewards')).toEqual([`rewards/epoch-${String(epoch).padStart(6, '0')}.json`]);
  });

  it("hub A killed mid-lease: the robot holds within 200 ms, the lease moves to hub B's queued operator, hub A's operator back through HAProxy finds the rules holding, and no command is applied twice", async () => {
    const tokenA = lastGrant(opA)!.fencingToken!;
    const leaseA = lastGrant(opA)!.leaseId!;
    expect((await opB.requestLease(creds.robotId)).status).toBe('queued');
    // Drive toward a far pose so the arm is moving when the commands stop.
    const mark = watcher.states.length;
    // A hold from the test before (its stream stopping) may be seconds old: only one after this stream counts.
    const eventsMark = watcherEvents.length;
    const stream = opA.stream(creds.robotId, FAR, 50);
    try {
      await watcher.waitForState((s) => watcher.states.indexOf(s) >= mark && s.state.leaseId === leaseA && Math.abs(s.state.velocities[0]!) > 1);
    } finally {
      await hubs.a.process.stop('SIGKILL');
      stream();
    }
    const killedAt = Date.now();
    // The hold that followed the last command the robot applied (a stall of this busy machine may have caused an
    // earlier one mid-stream, the motion going on after it).
    const lastShown = (): bigint => {
      const underA = watcher.states.filter((s) => s.state.leaseId === leaseA);
      const lastApplied = underA.reduce((m, s) => (fromLong(s.state.appliedSequence) > m ? fromLong(s.state.appliedSequence) : m), 0n);
      return underA.filter((s) => fromLong(s.state.appliedSequence) === lastApplied).reduce((m, s) => (fromLong(s.state.captureTimeNs) < m ? fromLong(s.state.captureTimeNs) : m), BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n);
    };
    const hold = await eventually(() => watcherEvents.slice(eventsMark).find((e) => e.kind === v1.RobotEvent.Kind.KIND_WATCHDOG_HOLD && fromLong(e.timeNs) >= lastShown()), undefined, 'the watchdog hold after the last command');
    const firstShowing = lastShown();
    // From the first state showing the last command applied (read up to one state period after it was applied).
    const holdMs = Number(fromLong(hold.timeNs) - firstShowing) / 1e6;
    expect(holdMs).toBeLessThanOrEqual(HOLD_BOUND_MS);
    // Once the hold has settled (the simulated joints decelerate), the arm is still, short of the far pose.
    await watcher.waitForState((s) => fromLong(s.state.captureTimeNs) > fromLong(hold.timeNs) + 300_000_000n);
    const after = watcher.states.filter((s) => fromLong(s.state.captureTimeNs) > fromLong(hold.timeNs) + 100_000_000n && s.state.leaseId === leaseA);
    expect(after.length).toBeGreaterThan(0);
    for (const s of after) expect(s.state.velocities.every((v) => Math.abs(v) < 0.01)).toBe(true);
    expect(watcher.states.at(-1)!.state.positions[0]).toBeLessThan(FAR[0]! - 0.05);

    const granted = await opB.waitForLease((u) => u.status === 'granted');
    expect(Date.now() - killedAt).toBeLessThan(HANDOVER_BOUND_MS);
    expect(granted.fencingToken).toBeGreaterThan(tokenA);
    await opB.waitLeaseApplied(creds.robotId);
    const streamB = opB.stream(creds.robotId, POSE_B, 50);
    try {
      await watcher.waitForState((s) => s.state.leaseId === granted.leaseId && near(s.state.positions, POSE_B));
      // Operator A comes back through the one address, still pinned to the dead hub A: sent to hub B or C, it finds
      // the lease B's; A queues behind it and its commands are refused.
      // Like a browser, it keeps the cookie HAProxy sets when it sends the client elsewhere.
      const session = await signIn(haproxy.url, keyFor('cluster3-op-a'), { cookie: `${STICKY_COOKIE}=hub-a` });
      expect(session.headers.cookie).toMatch(new RegExp(`${STICKY_COOKIE}=hub-[bc]`));
      const back = await new OperatorClient(haproxy.url, session.token, session.address, session.headers).connected();
      try {
        expect((await back.listRobots()).find((r) => r.robotId === creds.robotId)?.leaseHolder).toBe(opB.address);
        expect(await back.requestLease(creds.robotId)).toMatchObject({ status: 'queued', position: 1 });
        back.send(creds.robotId, POSE_A, { leaseId: leaseA });
        await back.waitForError('not_lease_holder');
      } finally {
        back.close();
      }
      const since = watcher.states.length;
      await watcher.waitForState((s) => watcher.states.indexOf(s) > since + 25);
      expect(watcher.states.slice(since).every((s) => s.state.leaseId === granted.leaseId)).toBe(true);
    } finally {
      streamB();
    }
    // Every command was applied at most once: a command forwarded twice would be refused as out of order.
    expect(agent.hasLog((l) => l.reason === 'out_of_order')).toBe(false);
    expect(agent.hasLog((l) => l.reason === 'fenced')).toBe(false);
  });
});
