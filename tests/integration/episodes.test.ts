// Episodes end to end with real processes: the lease holder records an
// episode on the simulated robot (state, action, a test camera), the robot
// seals and uploads it (tus), the hub verifies hashes, signature, MCAP and
// video, runs the automatic checks, and two reviewers accept it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { episode, startEpisode, stopEpisode, wiggle } from '../harness/episodes.ts';
import { TEST_BLOBS } from '../harness/blobs.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { FRAME_BUFFER } from '../../robot-agent/src/cameras/frameClock.ts';

describe('episodes', () => {
  const data = tempDir('episodes');
  let hub: RunningHub;
  let agent: TestProcess;
  let robotId: string;
  let op: OperatorClient;
  let token: string;
  let ghost: { robotId: string; secret: string };

  beforeAll(async () => {
    const creds = await enrollRobot(data.path, 'recording arm');
    ghost = await enrollRobot(data.path, 'ghost arm');
    robotId = creds.robotId;
    // The lease is taken once for the file; how long its checks take on a busy machine must not idle it away (the
    // idle timeout is not what these tests are about: hub/src/operators/LeaseManager.test.ts has it).
    hub = await startHub(data.path, ['--ice-host-addresses', '127.0.0.1', '--lease-idle-ms', '3600000']);
    agent = await startAgent(hub.url, creds, ['--ice-host-addresses', '127.0.0.1', '--camera', 'name=front,source=test,size=320x240,fps=30,codec=vp8']);
    op = await OperatorClient.connect(hub.url, 'recorder');
    token = (await signIn(hub.url, keyFor('recorder'))).token;
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && r.online), undefined, 'robot online');
    await op.subscribe(robotId);
    expect((await op.requestLease(robotId)).status).toBe('granted');
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('records, uploads, verifies and checks an episode, then two reviewers accept it', async () => {
    const updates: string[] = [];
    op.socket.on('episode:update', (u) => updates.push(u.state));
    const stop = wiggle(op, robotId);
    const id = await startEpisode(op, robotId, 'wave the arm');
    await new Promise((r) => setTimeout(r, 3000));
    expect(await stopEpisode(op, robotId, 'success')).toBe(id);
    stop();
    const done = await eventually(async () => {
      const e = await episode(hub.url, token, id);
      return ['in_review', 'rejected', 'failed'].includes(e.state) ? e : undefined;
    }, undefined, 'episode verified and checked');
    expect(done.reason).toBeNull();
    expect(done.state).toBe('in_review');
    expect(done.checks?.every((c) => c.passed || !c.hard)).toBe(true);
    expect(done.checks?.map((c) => c.name)).toEqual(['duration', 'dropped_frames', 'timestamps', 'state_video_sync', 'frames_have_states', 'video_sync', 'idle', 'saturated_actions', 'joint_limit_hits', 'jerky_actions', 'duplicate']);
    const m = done.manifest!.manifest;
    expect(m.files.map((f) => f.name)).toEqual(['episode.mcap', 'front.mp4']);
    expect(done.files.map((f) => [f.name, f.sha256]).sort()).toEqual(
      expect.arrayContaining(m.files.map((f) => [f.name, f.sha256])),
    );
    // What was recorded accounts for every frame slot between the first and the last capture (how many
    // frames a 3 s episode holds depends on how fast this machine started the recording: not asserted).
    const cam = m.cameras[0]! as { frames: number; droppedFrames: number; firstCaptureNs: string; lastCaptureNs: string; fps: number };
    expect(cam.frames).toBeGreaterThan(0);
    const slots = Math.round((Number(BigInt(cam.lastCaptureNs) - BigInt(cam.firstCaptureNs)) / 1e9) * cam.fps) + 1;
    expect(cam.frames).toBeLessThanOrEqual(slots);
    expect(cam.frames + cam.droppedFrames).toBeGreaterThanOrEqual(slots);
    expect(m.channels['/observation/state']).toBeGreaterThan(0);
    expect(m.channels['/operator/commands']).toBeGreaterThan(0);
    expect(done.quality?.controlRoundTripMs?.p50).toBeGreaterThan(0); // measured by the hub (how fast: the control bench)
    expect(updates).toEqual(expect.arrayContaining(['recording', 'uploading', 'verifying', 'checks', 'in_review']));
    await agent.waitForLog((l) => l.msg === 'episode uploaded and confirmed by the hub; removed from the spool' && l.episodeId === id);

    // A file downloads whole and by range.
    const whole = Buffer.from(await (await fetch(`${hub.url}/api/v1/episodes/${id}/files/front.mp4`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    const size = m.files.find((f) => f.name === 'front.mp4')!.size;
    expect(whole.length).toBe(size);
    const part = await fetch(`${hub.url}/api/v1/episodes/${id}/files/front.mp4`, { headers: { authorization: `Bearer ${token}`, range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(100, 200));
    // Served as dataset files are: a strong ETag, 304 when unchanged, and a range only for the version the client holds.
    // On object storage the hub answers with a redirect to a presigned URL (the storage then serves the range) that
    // carries the hub's validator; If-None-Match and If-Range are the hub's to answer on either store.
    const fileUrl = `${hub.url}/api/v1/episodes/${id}/files/front.mp4`;
    const direct = await fetch(fileUrl, { headers: { authorization: `Bearer ${token}`, range: 'bytes=100-199' }, redirect: 'manual' });
    expect(direct.status).toBe(TEST_BLOBS === 's3' ? 302 : 206);
    await direct.arrayBuffer();
    const etag = direct.headers.get('etag')!;
    expect(etag).toBe(`"${m.files.find((f) => f.name === 'front.mp4')!.sha256}"`);
    expect((await fetch(fileUrl, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(fileUrl, { headers: { authorization: `Bearer ${token}`, range: 'bytes=100-199', 'if-range': etag } })).status).toBe(206);
    const stale = await fetch(fileUrl, { headers: { authorization: `Bearer ${token}`, range: 'bytes=100-199', 'if-range': '"stale"' } });
    expect(stale.status).toBe(200);
    expect(Number(stale.headers.get('content-length'))).toBe(size);
    await stale.arrayBuffer();

    // The operator may not review their own episode; two others do.
    const own = await fetch(`${hub.url}/api/v1/reviews/next`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(own.status).toBe(200); // an empty queue is a normal answer
    expect(((await own.json()) as { episodeId: string | null }).episodeId).toBeNull();
    for (const name of ['reviewer-a', 'reviewer-b']) {
      const r = await signIn(hub.url, keyFor(name));
      const next = (await (await fetch(`${hub.url}/api/v1/reviews/next`, { method: 'POST', headers: { authorization: `Bearer ${r.token}` } })).json()) as { episodeId: string };
      expect(next.episodeId).toBe(id);
      const res = await fetch(`${hub.url}/api/v1/reviews/${id}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ taskDone: true, camerasClear: true, robotSafe: true, score: 4 }),
      });
      expect(res.status).toBe(200);
    }
    const accepted = await episode(hub.url, token, id);
    expect(accepted.state).toBe('accepted');
    expect(accepted.score).toBeGreaterThan(0);
    const trajectory = (await (await fetch(`${hub.url}/api/v1/episodes/${id}/trajectory`, { headers: { authorization: `Bearer ${token}` } })).json()) as { states: number[][]; frames: Record<string, number[]> };
    expect(trajectory.states.length).toBe(m.channels['/observation/state']);
    expect(trajectory.frames.front?.length).toBe(m.cameras[0]!.frames);
  });

  it('rejects an idle episode with the reason, and drops a discarded one', async () => {
    const idle = await startEpisode(op, robotId, 'do nothing');
    await new Promise((r) => setTimeout(r, 1500));
    await stopEpisode(op, robotId, 'success');
    const e = await eventually(async () => {
      const x = await episode(hub.url, token, idle);
      return ['in_review', 'rejected', 'failed'].includes(x.state) ? x : undefined;
    }, undefined, 'idle episode checked');
    expect(e.state).toBe('rejected');
    expect(e.reason).toContain('idle: the joints travelled');

    const dropped = await startEpisode(op, robotId, 'oops');
    await new Promise((r) => setTimeout(r, 500));
    await stopEpisode(op, robotId, 'discard');
    expect((await episode(hub.url, token, dropped)).state).toBe('discarded');
  });

  it('says at once when the robot loses frames (its computer froze), and counts each lost frame once', async () => {
    const stop = wiggle(op, robotId);
    try {
      const id = await startEpisode(op, robotId, 'frozen computer');
      await eventually(() => Number(op.statuses.get(robotId)?.cameras[0]?.recordingFrames ?? 0) > 0, undefined, 'frames recorded');
      // The whole robot computer stops (frozen, not slow) for twice as long as a camera's frame buffer lasts.
      process.kill(agent.child.pid!, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, (2 * FRAME_BUFFER * 1000) / 30));
      process.kill(agent.child.pid!, 'SIGCONT');
      const event = await hub.process.waitForLog((l) => l.kind === 'KIND_RECORDING_LOSS');
      expect(String(event.msg)).toMatch(/camera front lost \d+ frames? of the recording \(\d+ in this episode\)/);
      const live = await eventually(() => {
        const c = op.statuses.get(robotId)?.cameras[0];
        return c && Number(c.recordingDroppedFrames) > 0 ? c : undefined;
      }, undefined, 'the loss in the robot status');
      await stopEpisode(op, robotId, 'success');
      const done = await eventually(async () => {
        const x = await episode(hub.url, token, id);
        return x.manifest ? x : undefined;
      }, undefined, 'the episode verified');
      const cam = done.manifest!.manifest.cameras[0] as { frames: number; droppedFrames: number; fps: number; firstCaptureNs: string; lastCaptureNs: string };
      expect(cam.droppedFrames).toBeGreaterThanOrEqual(Number(live.recordingDroppedFrames));
      // Every slot of the camera's clock from its first frame to its last is a frame recorded or a loss counted, once.
      const slots = Math.round((Number(BigInt(cam.lastCaptureNs) - BigInt(cam.firstCaptureNs)) / 1e9) * cam.fps) + 1;
      expect(cam.frames + cam.droppedFrames).toBe(slots);
      expect(cam.droppedFrames).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });

  it('refuses episode control from anyone but the lease holder', async () => {
    const other = await OperatorClient.connect(hub.url, 'bystander');
    try {
      await expect(startEpisode(other, robotId, 'steal')).rejects.toThrow(/not_lease_holder/);
      await expect(stopEpisode(other, robotId, 'success')).rejects.toThrow(/not_lease_holder/);
      await expect(stopEpisode(op, robotId, 'success')).rejects.toThrow(/episode_conflict: robot .* is not recording/);
    } finally {
      other.close();
    }
  });

  it('tells a robot that reports recording an episode the hub has no recording of to stop it', async () => {
    // A bare MQTT client plays a robot whose stop was lost: its status keeps naming an episode.
    const robot = await mqtt.connectAsync(hub.mqttUrl, { clientId: ghost.robotId, username: ghost.robotId, password: ghost.secret, protocolVersion: 4, reconnectPeriod: 0 });
    try {
      const stops: v1.EpisodeStop[] = [];
      await robot.subscribeAsync(robotTopic(ghost.robotId, 'session'), { qos: 1 });
      robot.on('message', (_topic, payload) => {
        const ev = v1.SessionEvent.decode(payload);
        if (ev.episodeStop) stops.push(v1.EpisodeStop.create(ev.episodeStop));
      });
      const stray = 'e-00000000-0000-4000-8000-000000000000';
      const status = v1.RobotStatus.encode({ timeNs: toLong(nowNs()), mode: v1.RobotMode.ROBOT_MODE_IDLE, recordingEpisodeId: stray }).finish();
      await robot.publishAsync(robotTopic(ghost.robotId, 'status'), Buffer.from(status), { qos: 1 });
      await eventually(() => stops.length > 0, undefined, 'a stop for the stray episode');
      expect(stops[0]).toMatchObject({ episodeId: stray, outcome: 'discard' });
      // Repeated statuses do not flood the robot with stops.
      for (let i = 0; i < 5; i++) await robot.publishAsync(robotTopic(ghost.robotId, 'status'), Buffer.from(status), { qos: 1 });
      await new Promise((r) => setTimeout(r, 500));
      expect(stops.length).toBe(1);
    } finally {
      await robot.endAsync();
    }
  });
});
