// Video across hubs (issue 20, point 3): three hubs sharing one Redis (real
// redis-server) and one Mosquitto; a simulated robot publishes two test
// cameras, VP8 and H.264 (real ffmpeg, real werift, all on 127.0.0.1).
// Exactly one hub, the robot's media hub, ingests them; a viewer on another
// hub gets both through one hub-to-hub connection, key-frame requests travel
// back up, two viewers there cost one upstream pull, a pull without the
// cluster token is refused, the last viewer leaving closes the upstream, an
// upstream gone silent is closed, a pulling hub that dies has its pull closed
// at the media hub, and a media hub that dies ends the stream until the robot
// publishes again to a hub that is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { freePort, startMosquitto, type RunningMosquitto } from '../harness/mosquitto.ts';
import { watchFromNode, type NodeViewer } from '../harness/nodeViewer.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';

const HUB_PASSWORD = 'hub-cluster-password';
const CLUSTER_TOKEN = 'cluster-token-for-tests';
const LEASE_TTL_MS = 2000;
const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

/** Open peer connections of a hub's relay by role (robot, viewer, hub, upstream). */
function peers(hub: RunningHub, role: 'robot' | 'viewer' | 'hub' | 'upstream'): Promise<number> {
  return metric(hub.url, 'teleop_media_peer_connections', { role });
}

async function hubIdOf(hub: RunningHub): Promise<string> {
  const health = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as { sharedLeases?: { hubId: string } };
  return health.sharedLeases!.hubId;
}

describe('video across hubs (three hubs, one Redis, one broker)', () => {
  const data = tempDir('cluster-video');
  let broker: RunningMosquitto;
  let redis: RunningRedis;
  let creds: RobotCredentials;
  let hubs: RunningHub[] = [];
  /** The hub that ingests the robot's camera, and two others. */
  let media: RunningHub;
  let other: RunningHub;
  let spare: RunningHub;
  let agent: TestProcess;
  let opOther: OperatorClient;
  let opOther2: OperatorClient;
  const viewers: NodeViewer[] = [];

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'camera arm shared by two hubs');
    broker = await startMosquitto(data.path, { hub: HUB_PASSWORD, [creds.robotId]: creds.secret });
    redis = await startRedis(data.path);
    const args = [...LOOPBACK, '--mqtt-url', broker.url, '--mqtt-username', 'hub', '--redis-url', redis.url, '--lease-ttl-ms', String(LEASE_TTL_MS), '--cluster-token', CLUSTER_TOKEN];
    // One after the other: the second opens the database the first has set up.
    for (let i = 0; i < 3; i++) hubs.push(await startHub(data.path, [...args, '--port', String(await freePort())], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD }));
    agent = await startAgent(hubs[0]!.url, creds, [...LOOPBACK, '--camera', 'name=front,source=test,size=320x240,fps=30,codec=vp8', '--camera', 'name=side,source=test,size=320x240,fps=15,codec=h264']);
    await agent.waitForLog((l) => l.msg === 'camera streaming to the hub');
    // Whichever hub answered the robot's offer first is its media hub: Redis says which.
    const holder = await eventually(async () => {
      const reply = await redis.command('GET', `teleop:media:${creds.robotId}`);
      const m = /\{.*\}/.exec(reply);
      return m ? (JSON.parse(m[0]) as { hubId: string; url: string }) : undefined;
    }, undefined, 'media key in Redis');
    const ids = await Promise.all(hubs.map(hubIdOf));
    const mediaIndex = ids.indexOf(holder.hubId);
    expect(mediaIndex).toBeGreaterThanOrEqual(0);
    media = hubs[mediaIndex]!;
    [other, spare] = hubs.filter((h) => h !== media) as [RunningHub, RunningHub];
    expect(holder.url).toBe(media.url);
    opOther = await OperatorClient.connect(other.url, 'cluster-viewer-1');
    opOther2 = await OperatorClient.connect(other.url, 'cluster-viewer-2');
    for (const op of [opOther, opOther2]) await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online at the other hub');
  });

  afterAll(async () => {
    for (const v of viewers) await v.pc.close().catch(() => undefined);
    opOther?.close();
    opOther2?.close();
    await agent?.stop();
    for (const hub of hubs) await hub.process.stop();
    await broker?.stop();
    await redis?.stop();
    data.remove();
  });

  it("the robot's camera is ingested by one hub only", async () => {
    await eventually(async () => ((await peers(media, 'robot')) === 2 ? true : undefined), undefined, 'media hub ingests both cameras');
    // The other hubs heard the offer too and did not answer it.
    expect(await peers(other, 'robot')).toBe(0);
    expect(await peers(spare, 'robot')).toBe(0);
    expect(agent.hasLog((l) => String(l.msg).includes('could not be applied'))).toBe(false);
  });

  it('a viewer on the other hub receives the video through the hub-to-hub relay, and its key-frame requests reach the media hub', async () => {
    const v = await watchFromNode(opOther, creds.robotId);
    viewers.push(v);
    expect(v.watch.cameras).toHaveLength(2);
    expect(v.watch.cameras).toEqual(
      expect.arrayContaining([expect.objectContaining({ camera: 'front', codec: 'vp8', width: 320, height: 240 }), expect.objectContaining({ camera: 'side', codec: 'h264', fps: 15 })]),
    );
    await eventually(() => ((v.packets.get('front') ?? 0) > 50 && (v.packets.get('side') ?? 0) > 20 ? true : undefined), undefined, 'packets of both cameras through the cascade');
    await eventually(() => ((v.keyframes.get('front') ?? 0) > 0 ? true : undefined), undefined, 'a key frame through the cascade');
    expect(await peers(other, 'upstream')).toBe(1);
    expect(await peers(media, 'hub')).toBe(1);
    // The picture loss indication goes viewer -> other hub -> media hub (counted there) -> robot.
    const before = await metric(media.url, 'teleop_media_keyframe_requests', { robot_id: creds.robotId, camera: 'front' });
    await eventually(async () => {
      await v.requestKeyframe('front');
      return (await metric(media.url, 'teleop_media_keyframe_requests', { robot_id: creds.robotId, camera: 'front' })) > before ? true : undefined;
    }, undefined, 'key-frame request at the media hub');
  });

  it('a second viewer on the same hub costs no second pull from the media hub', async () => {
    const v2 = await watchFromNode(opOther2, creds.robotId);
    viewers.push(v2);
    await eventually(() => ((v2.packets.get('front') ?? 0) > 50 && (v2.packets.get('side') ?? 0) > 20 ? true : undefined), undefined, 'packets to the second viewer');
    expect(await peers(other, 'viewer')).toBe(2);
    expect(await peers(other, 'upstream')).toBe(1);
    expect(await peers(media, 'hub')).toBe(1);
    expect(await peers(media, 'robot')).toBe(2);
    expect(await peers(media, 'viewer')).toBe(0);
  });

  it("refuses a pull without the cluster token (a stranger cannot pull a robot's video)", async () => {
    const pull = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${media.url}/api/v1/cluster/media/${creds.robotId}/pull`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ hubId: 'h-stranger' }) });
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token' }, { authorization: `Bearer ${CLUSTER_TOKEN}x` }]) {
      const res = await pull(headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthenticated', message: 'hub-to-hub requests need the cluster token (--cluster-token)' });
    }
    const answer = await fetch(`${media.url}/api/v1/cluster/media/pulls/v-x/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hubId: 'h-stranger', sdp: 'v=0' }) });
    expect(answer.status).toBe(401);
    expect(await peers(media, 'hub')).toBe(1);
  });

  it("tells its operators when another hub announces that it now ingests a robot's cameras (their consoles watch again)", async () => {
    const changed = new Promise<void>((resolve) => opOther2.socket.on('media:changed', (e: { robotId: string }) => e.robotId === 'r-moved' && resolve()));
    expect(await redis.command('PUBLISH', 'teleop:media', JSON.stringify({ robotId: 'r-moved', hubId: 'h-elsewhere' }))).toMatch(/^:[1-9]/);
    await changed;
  });

  it('the last viewer leaving closes the upstream on both hubs', async () => {
    await viewers.shift()!.stop();
    // One viewer left: the upstream stays.
    expect(await peers(other, 'upstream')).toBe(1);
    await viewers.shift()!.stop();
    await eventually(async () => ((await peers(other, 'upstream')) === 0 ? true : undefined), undefined, 'upstream closed at the other hub');
    await eventually(async () => ((await peers(media, 'hub')) === 0 ? true : undefined), undefined, 'pull closed at the media hub');
    expect(await peers(media, 'robot')).toBe(2);
  });

  it('an upstream the media hub dropped without a word is closed once it stays silent; its viewers see the stream end', async () => {
    const v = await watchFromNode(opOther, creds.robotId);
    try {
      await eventually(() => ((v.packets.get('front') ?? 0) > 10 ? true : undefined), undefined, 'packets through the cascade');
      const pullLog = [...other.process.logs].reverse().find((l) => l.msg === "pulling a robot's cameras from its media hub");
      const viewerId = String(pullLog?.viewerId);
      const changed = new Promise<void>((resolve) => opOther.socket.on('media:changed', (e: { robotId: string }) => e.robotId === creds.robotId && resolve()));
      // The media hub drops the pull (as if it had closed it on its own): the pulling hub is not told.
      const res = await fetch(`${media.url}/api/v1/cluster/media/pulls/${viewerId}/stop`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CLUSTER_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ hubId: await hubIdOf(other) }),
      });
      expect(res.status).toBe(200);
      expect(await peers(media, 'hub')).toBe(0);
      await changed;
      await eventually(async () => ((await peers(other, 'upstream')) === 0 && (await peers(other, 'viewer')) === 0 ? true : undefined), undefined, 'silent upstream closed');
      expect(other.process.hasLog((l) => String(l.why).startsWith('no packet from the media hub'))).toBe(true);
    } finally {
      await v.pc.close();
    }
  });

  it('a pulling hub that dies has its pull closed at the media hub', async () => {
    const op = await OperatorClient.connect(spare.url, 'cluster-viewer-3');
    try {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online at the spare hub');
      const v = await watchFromNode(op, creds.robotId);
      await eventually(() => ((v.packets.get('front') ?? 0) > 10 ? true : undefined), undefined, 'packets at the spare hub');
      expect(await peers(media, 'hub')).toBe(1);
      spare.process.child.kill('SIGKILL');
      await spare.process.exited;
      await v.pc.close();
      // Its liveness key expires (the lease time to live); the media hub then closes its pull.
      await eventually(async () => ((await peers(media, 'hub')) === 0 ? true : undefined), undefined, 'pull of the dead hub closed');
      expect(await peers(media, 'robot')).toBe(2);
    } finally {
      op.close();
    }
  });

  it('a media hub that dies ends the stream on the other hub; watching again gets it once the robot publishes to the hub that is left', async () => {
    const v = await watchFromNode(opOther, creds.robotId);
    viewers.push(v);
    await eventually(() => ((v.packets.get('front') ?? 0) > 10 ? true : undefined), undefined, 'packets before the media hub dies');
    const changed = new Promise<void>((resolve) => opOther.socket.on('media:changed', (e: { robotId: string }) => e.robotId === creds.robotId && resolve()));
    media.process.child.kill('SIGKILL');
    await media.process.exited;
    // Its media key expires; the other hub ends the upstream and tells its viewers.
    await changed;
    await eventually(async () => ((await peers(other, 'upstream')) === 0 && (await peers(other, 'viewer')) === 0 ? true : undefined), undefined, 'upstream and viewer closed');
    viewers.pop();
    await v.pc.close();
    // Watching again: at first no hub ingests the camera (no_video); the hub left asks the robot to publish again and ingests it itself.
    const v2 = await eventually(() => watchFromNode(opOther, creds.robotId).catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 200))), undefined, 'watch again');
    viewers.push(v2);
    await eventually(async () => ((await peers(other, 'robot')) === 2 ? true : undefined), undefined, 'the hub left ingests both cameras');
    await eventually(() => ((v2.packets.get('front') ?? 0) > 50 ? true : undefined), undefined, 'packets from the hub that is left');
  });
});
