// Episodes against faults: the connection cut mid-upload, the hub restarted
// mid-upload, the hub killed mid-upload and mid-episode, the hub out of disk,
// tampered files and a forged signature, and the agent killed mid-episode. Nothing recorded is lost or counted twice.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { freePort } from '../harness/mosquitto.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { episode, startEpisode, stopEpisode, wiggle } from '../harness/episodes.ts';

/** A TCP proxy whose connections the test can cut. */
async function proxy(targetPort: number): Promise<{ port: number; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const done = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    port,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('episode faults', () => {
  const data = tempDir('episode-faults');
  const agentState = tempDir('episode-faults-agent');
  let ports: string[];
  let hub: RunningHub;
  let agent: TestProcess;
  let creds: RobotCredentials;
  let op: OperatorClient;
  let token: string;
  let hubArgs: string[];
  let front: Awaited<ReturnType<typeof proxy>>;

  const agentArgs = (): string[] => [
    '--ice-host-addresses', '127.0.0.1',
    '--state-dir', agentState.path,
    '--camera', 'name=front,source=test,size=320x240,fps=30,codec=vp8',
    // Slow uploads so faults can land in the middle of one.
    '--upload-bandwidth', String(400 * 1024),
  ];
  const spool = (): string[] => (existsSync(join(agentState.path, 'spool')) ? readdirSync(join(agentState.path, 'spool')) : []);

  async function connectOperator(): Promise<void> {
    op?.close();
    op = await OperatorClient.connect(hub.url, 'fault-operator');
    token = (await signIn(hub.url, keyFor('fault-operator'))).token;
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
    await op.subscribe(creds.robotId);
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
  }

  async function record(task: string, ms: number): Promise<string> {
    const stop = wiggle(op, creds.robotId);
    const id = await startEpisode(op, creds.robotId, task);
    await new Promise((r) => setTimeout(r, ms));
    await stopEpisode(op, creds.robotId, 'success');
    stop();
    return id;
  }

  const settled = (id: string, timeoutMs = 60_000) =>
    eventually(async () => {
      const e = await episode(hub.url, token, id);
      return ['in_review', 'rejected', 'failed', 'accepted'].includes(e.state) ? e : undefined;
    }, timeoutMs, `episode ${id} settled`);

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'fault arm');
    ports = ['--port', String(await freePort()), '--mqtt-port', String(await freePort())];
    hubArgs = [...ports, '--ice-host-addresses', '127.0.0.1'];
    hub = await startHub(data.path, hubArgs);
    // The agent reaches the hub's HTTP (uploads) through a proxy the test can cut.
    front = await proxy(Number(new URL(hub.url).port));
    agent = await startAgent(`http://127.0.0.1:${front.port}`, creds, agentArgs());
    await connectOperator();
  });

  beforeEach(() => {
    // A failure here is about timing between three processes: show what the hub saw too.
    onTestFailed(() => {
      console.error(`hub, last log lines:\n${hub.process.logs.slice(-30).map((l) => JSON.stringify(l)).join('\n')}`);
    });
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    await front?.close();
    data.remove();
    agentState.remove();
  });

  it('resumes an upload after the connection is cut, without corruption or duplication', async () => {
    const id = await record('cut me', 4000);
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === id);
    await new Promise((r) => setTimeout(r, 700)); // mid-upload at 400 KiB/s
    front.cut();
    await agent.waitForLog((l) => l.msg === 'episode uploaded and confirmed by the hub; removed from the spool' && l.episodeId === id);
    const e = await settled(id);
    expect(e.state).toBe('in_review');
    const m = e.manifest!.manifest;
    for (const f of m.files) expect(e.files.find((x) => x.name === f.name)?.sha256).toBe(f.sha256);
    // Each file arrived once.
    const received = hub.process.logs.filter((l) => l.msg === 'episode file received' && l.episodeId === id).map((l) => l.filename);
    expect(received.sort()).toEqual(['episode.mcap', 'front.mp4', 'manifest.json']);
  });

  it('resumes from the last byte the hub confirmed after the hub restarts mid-upload', async () => {
    const id = await record('hub restarts', 10_000); // a video of a few MB: several seconds at 400 KiB/s
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === id);
    await new Promise((r) => setTimeout(r, 800)); // into front.mp4
    await hub.process.stop();
    // A hub that stops with a robot online still records it going offline (and every lease event) before its stores close.
    expect(hub.process.logs.filter((l) => l.level >= 50 && typeof l.msg === 'string' && l.msg.startsWith('recording ')).map((l) => l.msg)).toEqual([]);
    await new Promise((r) => setTimeout(r, 3000)); // longer than tus-js-client's own retries: the spool's saved URL is used
    hub = await startHub(data.path, hubArgs);
    const resumed = await agent.waitForLog((l) => l.msg === 'upload resumed where the hub left off' && l.episodeId === id);
    expect(resumed.fromByte).toBeGreaterThan(0);
    expect(resumed.fromByte).toBeLessThan(resumed.size as number);
    await agent.waitForLog((l) => l.msg === 'episode uploaded and confirmed by the hub; removed from the spool' && l.episodeId === id);
    await connectOperator();
    const e = await settled(id);
    expect(e.state).toBe('in_review');
    for (const f of e.manifest!.manifest.files) expect(e.files.find((x) => x.name === f.name)?.sha256).toBe(f.sha256);
  });

  it('keeps the episode while the hub is down and uploads it byte-identical when the hub returns', async () => {
    const id = await record('hub goes away', 3000);
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === id);
    await hub.process.stop('SIGKILL'); // gone mid-upload, before anything is confirmed
    const sealed = JSON.parse(readFileSync(join(agentState.path, 'spool', id, 'manifest.json'), 'utf8')) as { manifest: { files: { name: string; sha256: string }[] } };
    await new Promise((r) => setTimeout(r, 3000));
    expect(spool()).toContain(id);
    hub = await startHub(data.path, hubArgs);
    await agent.waitForLog((l) => l.msg === 'episode uploaded and confirmed by the hub; removed from the spool' && l.episodeId === id);
    await connectOperator();
    const e = await settled(id);
    for (const f of sealed.manifest.files) expect(e.files.find((x) => x.name === f.name)?.sha256).toBe(f.sha256);
    const mp4 = Buffer.from(await (await fetch(`${hub.url}/api/v1/episodes/${id}/files/front.mp4`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(mp4).digest('hex')).toBe(sealed.manifest.files.find((f) => f.name === 'front.mp4')!.sha256);
  });

  it('ends an episode as a failure when the hub dies during it, and uploads it byte-identical once the hub is back', async () => {
    const stop = wiggle(op, creds.robotId);
    const id = await startEpisode(op, creds.robotId, 'hub dies while recording');
    await new Promise((r) => setTimeout(r, 2500));
    stop();
    await hub.process.stop('SIGKILL');
    // Nobody can drive without the hub: the robot holds and ends the recording itself.
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === id);
    const sealed = JSON.parse(readFileSync(join(agentState.path, 'spool', id, 'manifest.json'), 'utf8')) as {
      manifest: { outcome: string; failure?: string; files: { name: string; sha256: string }[] };
    };
    expect(sealed.manifest.outcome).toBe('failure');
    await new Promise((r) => setTimeout(r, 3000));
    expect(spool()).toContain(id);
    hub = await startHub(data.path, hubArgs);
    await agent.waitForLog((l) => l.msg === 'episode uploaded and confirmed by the hub; removed from the spool' && l.episodeId === id);
    await connectOperator();
    const e = await settled(id);
    expect(e.outcome).toBe('failure'); // the hub never saw it end: the robot's signed manifest says how it did
    expect(e.reason).toContain('lost the hub');
    for (const f of sealed.manifest.files) expect(e.files.find((x) => x.name === f.name)?.sha256).toBe(f.sha256);
  });

  it('refuses uploads cleanly when the hub is short of disk, then rejects a tampered file and a forged signature, keeping the originals', async () => {
    await hub.process.stop();
    hub = await startHub(data.path, [...hubArgs, '--min-free-bytes', String(1024 ** 5)]);
    await connectOperator();
    const tampered = await record('tamper', 2000);
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === tampered);
    const forged = await record('forge', 2000);
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === forged);
    await hub.process.waitForLog((l) => String(l.msg).startsWith('upload refused: not enough free space on the hub'));
    await agent.waitForLog((l) => String(l.msg) === 'episode upload failed; will retry' && String(l.err).includes('507'));
    expect(spool()).toEqual(expect.arrayContaining([tampered, forged]));
    // While the hub refuses, the spool is changed behind the robot's back.
    const mp4 = join(agentState.path, 'spool', tampered, 'front.mp4');
    const bytes = readFileSync(mp4);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(mp4, bytes);
    const manifestPath = join(agentState.path, 'spool', forged, 'manifest.json');
    const signed = JSON.parse(readFileSync(manifestPath, 'utf8')) as { signature: string };
    signed.signature = signed.signature.slice(0, 10) + (signed.signature[10] === 'a' ? 'b' : 'a') + signed.signature.slice(11);
    writeFileSync(manifestPath, JSON.stringify(signed));
    await hub.process.stop();
    hub = await startHub(data.path, hubArgs);
    await connectOperator();
    const t = await settled(tampered, 120_000);
    expect(t.state).toBe('rejected');
    expect(t.reason).toBe('verification failed: file front.mp4 does not match its SHA-256 in the manifest (tampered or corrupted)');
    const f = await settled(forged, 120_000);
    expect(f.state).toBe('rejected');
    expect(f.reason).toMatch(/^verification failed: the manifest (signature is malformed|is signed by 0x[0-9a-fA-F]{40}, not by the robot's key)/);
    await agent.waitForLog((l) => String(l.msg).startsWith(`the hub refused episode ${tampered}`));
    expect(spool()).toEqual(expect.arrayContaining([tampered, forged]));
    expect(existsSync(join(agentState.path, 'spool', tampered, 'rejected.json'))).toBe(true);
  });

  it('finalizes an episode cut by an agent crash as failed, uploads it, and never accepts it', async () => {
    const stop = wiggle(op, creds.robotId);
    const id = await startEpisode(op, creds.robotId, 'crash');
    await new Promise((r) => setTimeout(r, 2500));
    stop();
    await agent.stop('SIGKILL');
    agent = await startAgent(`http://127.0.0.1:${front.port}`, creds, agentArgs());
    await agent.waitForLog((l) => l.msg === 'finalized an interrupted episode as failed' && l.episodeId === id);
    const e = await settled(id, 90_000);
    expect(e.state, String(e.reason)).toBe('failed');
    expect(e.reason).toContain('the agent stopped during the recording');
    expect(e.manifest!.manifest.channels['/observation/state']).toBeGreaterThan(30);
    const reviewer = await signIn(hub.url, keyFor('crash-reviewer'));
    const next = await fetch(`${hub.url}/api/v1/reviews/next`, { method: 'POST', headers: { authorization: `Bearer ${reviewer.token}` } });
    const body = (await next.json()) as { episodeId?: string };
    expect(body.episodeId).not.toBe(id);
  });
});
