// Bad input and faults on the media path: each gives a clear error to the
// right party, the agent recovers what it can, and the hub frees everything.
import { readdirSync, readlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { robotTopic } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { watchFromNode } from '../harness/nodeViewer.ts';
import { AGENT_BIN, enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess, PATIENCE_MS } from '../harness/processes.ts';

const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

/** Open sockets of a process, from /proc. */
function socketCount(pid: number): number {
  let n = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) n++;
    } catch {
      // fd closed while listing
    }
  }
  return n;
}

function watchError(op: OperatorClient, robotId: string): Promise<{ code: string; message: string }> {
  return new Promise((resolve, reject) =>
    op.socket.emit('media:watch', { robotId }, (res) => (res.ok ? reject(new Error('watch unexpectedly succeeded')) : resolve(res.error))),
  );
}

describe('media faults', () => {
  const data = tempDir('media-faults');
  let hub: RunningHub;
  let creds: RobotCredentials;
  let agent: TestProcess;
  let op: OperatorClient;

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'camera arm');
    hub = await startHub(data.path, LOOPBACK);
    agent = await startAgent(hub.url, creds, [...LOOPBACK, '--camera', 'name=front,source=test,size=320x240,fps=30,codec=vp8']);
    await agent.waitForLog((l) => l.msg === 'camera streaming to the hub');
    op = await OperatorClient.connect(hub.url, 'viewer');
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('refuses viewers for unknown, offline and camera-less robots with typed errors', async () => {
    expect(await watchError(op, 'r-nobody')).toMatchObject({ code: 'unknown_robot' });
    const idle = await enrollRobot(data.path, 'idle arm');
    expect(await watchError(op, idle.robotId)).toMatchObject({ code: 'robot_offline' });
    const blind = await startAgent(hub.url, idle, LOOPBACK);
    try {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === idle.robotId && r.online), undefined, 'blind robot online');
      expect(await watchError(op, idle.robotId)).toMatchObject({ code: 'no_video', message: `robot ${idle.robotId} publishes no camera` });
    } finally {
      await blind.stop();
    }
    const badAnswer = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      op.socket.emit('media:answer', { viewerId: 'v-nope', sdp: 'garbage' }, resolve as never),
    );
    expect(badAnswer).toMatchObject({ ok: false, error: { code: 'bad_sdp' } });
    const noViewer = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => op.socket.emit('media:stop', { viewerId: 'v-nope' }, resolve as never));
    expect(noViewer).toMatchObject({ ok: false, error: { code: 'unknown_viewer' } });
  });

  it('closes a viewer whose answer cannot be applied', async () => {
    const watch = await new Promise<{ viewerId: string }>((resolve, reject) =>
      op.socket.emit('media:watch', { robotId: creds.robotId }, (res) => (res.ok ? resolve(res.value) : reject(new Error(res.error.message)))),
    );
    const res = await new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) =>
      op.socket.emit('media:answer', { viewerId: watch.viewerId, sdp: 'v=0\r\nthis is not an answer\r\n' }, resolve as never),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'bad_sdp' } });
    await eventually(async () => (await metric(hub.url, 'teleop_media_peer_connections', { role: 'viewer' })) === 0, undefined, 'viewer closed');
  });

  it('drops garbage and oversized signalling from a robot, and refuses unsupported codecs to the robot', async () => {
    const client = await mqtt.connectAsync(hub.mqttUrl, { clientId: creds.robotId, username: creds.robotId, password: creds.secret, reconnectPeriod: 0 });
    // The real agent was kicked by our connecting with its id; it will reconnect on its own.
    const answers: { type: string; session: string; message?: string }[] = [];
    client.on('message', (_t, p) => {
      try {
        answers.push(JSON.parse(p.toString()) as (typeof answers)[number]);
      } catch {
        // our own garbage echoes back on the shared topic
      }
    });
    await client.subscribeAsync(robotTopic(creds.robotId, 'mediaSignal'));
    const before = await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'malformed' });
    await client.publishAsync(robotTopic(creds.robotId, 'mediaSignal'), Buffer.from([0xde, 0xad]), { qos: 1 });
    await client.publishAsync(robotTopic(creds.robotId, 'mediaSignal'), JSON.stringify({ from: 'robot', type: 'offer', sdp: 'x'.repeat(70_000) }), { qos: 1 });
    await client.publishAsync(robotTopic(creds.robotId, 'mediaSignal'), JSON.stringify({ from: 'robot', type: 'dance' }), { qos: 1 });
    await eventually(async () => (await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'malformed' })) >= before + 3, undefined, 'signalling drops');
    await hub.process.waitForLog((l) => String(l.msg).includes('over the 65536-byte limit'));
    const offer = {
      from: 'robot',
      type: 'offer',
      session: 's-h265',
      camera: 'front',
      codec: 'h265',
      width: 320,
      height: 240,
      fps: 30,
      sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 100\r\na=rtpmap:100 H265/90000\r\n',
    };
    await client.publishAsync(robotTopic(creds.robotId, 'mediaSignal'), JSON.stringify(offer), { qos: 1 });
    const refusal = await eventually(() => answers.find((a) => a.type === 'error' && a.session === 's-h265'), undefined, 'refusal');
    expect(refusal.message).toBe('codec "h265" is not supported (use vp8 or h264)');
    await client.publishAsync(robotTopic(creds.robotId, 'mediaSignal'), JSON.stringify({ ...offer, session: 's-lie', codec: 'vp8' }), { qos: 1 });
    const lie = await eventually(() => answers.find((a) => a.type === 'error' && a.session === 's-lie'), undefined, 'refusal');
    expect(lie.message).toBe('the SDP offer for camera front carries no vp8 codec');
    await client.endAsync();
    // The agent comes back and publishes its camera again.
    await eventually(async () => (await metric(hub.url, 'teleop_media_fps')) > 0, undefined, 'camera back');
  });

  it('restarts a dead encoder; viewers keep receiving', async () => {
    const viewer = await watchFromNode(op, creds.robotId);
    try {
      await eventually(() => (viewer.packets.get('front') ?? 0) > 50, undefined, 'packets flowing');
      const ffmpeg = spawnSync('pgrep', ['-f', '-P', String(agent.child.pid), 'ffmpeg'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
      expect(ffmpeg.length).toBe(1);
      process.kill(Number(ffmpeg[0]), 'SIGKILL');
      await agent.waitForLog((l) => String(l.msg).includes('restarting the encoder'));
      const after = viewer.packets.get('front') ?? 0;
      await eventually(() => (viewer.packets.get('front') ?? 0) > after + 50, undefined, 'packets flowing again');
    } finally {
      await viewer.stop();
    }
  });

  it('frees every peer connection and socket after 50 viewer cycles', async () => {
    const pid = hub.process.child.pid!;
    const warm = await watchFromNode(op, creds.robotId);
    await warm.stop();
    await eventually(async () => (await metric(hub.url, 'teleop_media_peer_connections', { role: 'viewer' })) === 0, undefined, 'warm-up closed');
    await new Promise((r) => setTimeout(r, 500));
    const baseline = socketCount(pid);
    for (let i = 0; i < 50; i++) {
      const v = await watchFromNode(op, creds.robotId);
      if (i % 10 === 0) await eventually(() => (v.packets.get('front') ?? 0) > 0, undefined, 'media flowing');
      await v.stop();
    }
    await eventually(async () => (await metric(hub.url, 'teleop_media_peer_connections', { role: 'viewer' })) === 0, undefined, 'viewers closed');
    await eventually(() => socketCount(pid) <= baseline, undefined, `sockets back to ${baseline}`);
    expect(await metric(hub.url, 'teleop_media_peer_connections', { role: 'robot' })).toBe(1);
  });

  it('reports a camera that cannot be opened, keeps running, and keeps the other cameras', async () => {
    const other = await enrollRobot(data.path, 'broken camera arm');
    const broken = await startAgent(hub.url, other, [
      ...LOOPBACK,
      '--camera', 'name=front,source=test,size=320x240,fps=15,codec=vp8',
      '--camera', 'name=usb,source=v4l2,device=/dev/video99,size=640x480,fps=30,codec=h264',
    ]);
    try {
      const line = await broken.waitForLog((l) => l.camera === 'usb' && String(l.msg).startsWith('camera usb: cannot read /dev/video99'));
      expect(line.level).toBe(50);
      await broken.waitForLog((l) => l.msg === 'camera streaming to the hub' && l.camera === 'front');
      const status = await eventually(async () => {
        const res = (await (await fetch(`${hub.url}/api/v1/robots/${other.robotId}`)).json()) as { summary: { online: boolean } };
        return res.summary.online ? res : undefined;
      });
      expect(status.summary.online).toBe(true);
      expect(broken.child.exitCode).toBeNull();
    } finally {
      await broken.stop();
    }
  });

  it('fails at start, saying how to install ffmpeg, when it is missing', () => {
    const res = spawnSync(process.execPath, [AGENT_BIN, '--hub', hub.url, '--robot-id', creds.robotId, '--camera', 'name=front,source=test'], {
      encoding: 'utf8',
      env: { ...process.env, TELEOP_ROBOT_SECRET: creds.secret, FFMPEG_PATH: '/nonexistent/ffmpeg' },
      timeout: PATIENCE_MS,
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('ffmpeg is required for cameras but FFMPEG_PATH=/nonexistent/ffmpeg is not an executable. Install it (Debian/Ubuntu: apt-get install ffmpeg)');
  });
});
