// Junk never pays: a malicious robot owner holds the robot's secret and its
// signing key (both sit on the robot), so anything the robot signs, the owner
// can sign. Real hub, real agent, real files: the agent records and seals
// episodes; its own uploads crawl (--upload-bandwidth 1), so the owner's
// uploads (tus, as the robot) reach the hub first, with files and manifests
// changed and re-signed with the robot's real key. Every case ends rejected or
// refused with a reason naming what was wrong, and nothing stored changes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import type { Hex } from 'viem';
import { fromLong, manifestTypedData, toLong, v1, type EpisodeManifest, type SignedManifest } from '@teleop/proto';
import { editMcap } from '../harness/mcapEdit.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { episode, startEpisode, stopEpisode, wiggle, type EpisodeView } from '../harness/episodes.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { grantCurator } from '../harness/curators.ts';

const CHAIN_ID = 31337;

describe('junk from a malicious robot owner', () => {
  const data = tempDir('junk');
  const agentState = tempDir('junk-agent');
  const scratch = tempDir('junk-files');
  let hub: RunningHub;
  let agent: TestProcess;
  let creds: RobotCredentials;
  let op: OperatorClient;
  let token: string;
  /** Episodes that must never earn, and good ones that must. */
  const junk: string[] = [];
  const good: string[] = [];

  const basic = (): string => `Basic ${Buffer.from(`${creds.robotId}:${creds.secret}`).toString('base64')}`;
  const b64 = (s: string): string => Buffer.from(s).toString('base64');

  /** Opens a tus upload of `name` for `episodeId` as the robot; returns its URL or the refusal. */
  async function openUpload(episodeId: string, name: string, length: number): Promise<{ status: number; url: string | null; body: string }> {
    const res = await fetch(`${hub.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: basic(), 'tus-resumable': '1.0.0', 'upload-length': String(length), 'upload-metadata': `episodeId ${b64(episodeId)},filename ${b64(name)}` },
    });
    const location = res.headers.get('location');
    return { status: res.status, url: location ? new URL(location, hub.url).toString() : null, body: await res.text() };
  }

  async function patch(url: string, offset: number, bytes: Buffer): Promise<{ status: number; body: string }> {
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { authorization: basic(), 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: await res.text() };
  }

  async function upload(episodeId: string, name: string, bytes: Buffer): Promise<void> {
    const u = await openUpload(episodeId, name, bytes.length);
    expect(u.status, u.body).toBe(201);
    const p = await patch(u.url!, 0, bytes);
    expect(p.status, p.body).toBe(204);
  }

  /**
   * Records an episode with motion (`motion`, or a wiggle of its own), and waits until the agent has sealed it; returns
   * its id. With a motion, the arm is first brought to where it starts, as anyone replaying one would.
   */
  async function recordSealed(task: string, ms = 2500, motion?: (t: number) => number[]): Promise<string> {
    if (motion) {
      // The whole motion inside the recording, still before and after: a replay as a careful cheat records it. Played by
      // the clock (half a second in), so a busy machine sends fewer commands but the same motion.
      let startedMs: number | null = null;
      const at = (): number => (startedMs === null ? 0 : Math.min(ms, Math.max(0, Date.now() - startedMs - 500)) / 1000);
      const stop = op.stream(creds.robotId, () => motion(at()));
      await new Promise((r) => setTimeout(r, 1000));
      const id = await startEpisode(op, creds.robotId, task);
      // The clock starts once the robot records (on a busy machine that can be well after the hub said yes).
      await agent.waitForLog((l) => l.msg === 'episode recording started' && l.episodeId === id);
      startedMs = Date.now();
      await new Promise((r) => setTimeout(r, ms + 1000));
      await stopEpisode(op, creds.robotId, 'success');
      stop();
      await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === id);
      return id;
    }
    const stop = wiggle(op, creds.robotId);
    const id = await startEpisode(op, creds.robotId, task);
    await new Promise((r) => setTimeout(r, ms));
    await stopEpisode(op, creds.robotId, 'success');
    stop();
    await agent.waitForLog((l) => l.msg === 'episode sealed' && l.episodeId === id);
    return id;
  }

  const spoolFile = (id: string, name: string): Buffer => readFileSync(join(agentState.path, 'spool', id, name));
  const sealedManifest = (id: string): SignedManifest => JSON.parse(spoolFile(id, 'manifest.json').toString('utf8')) as SignedManifest;
  const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

  /** What the owner does with the robot's key: sign a manifest of their choosing. */
  async function resign(manifest: EpisodeManifest): Promise<Buffer> {
    const key = privateKeyToAccount(readFileSync(join(agentState.path, 'robot-key'), 'utf8').trim() as Hex);
    const signed: SignedManifest = { manifest, signer: key.address, signature: await key.signTypedData(manifestTypedData(manifest, CHAIN_ID)) };
    return Buffer.from(JSON.stringify(signed));
  }

  /**
   * Uploads the episode's files as sealed, or as `changed` (the manifest's sizes and hashes follow them, as the owner
   * would make them), then `manifest` re-signed, and waits for the hub's verdict.
   */
  async function submit(id: string, manifest: EpisodeManifest, changed: Record<string, Buffer> = {}): Promise<EpisodeView> {
    const files = manifest.files.map((f) => {
      const bytes = changed[f.name];
      return bytes ? { ...f, size: bytes.length, sha256: sha256(bytes) } : f;
    });
    for (const f of files) await upload(id, f.name, changed[f.name] ?? spoolFile(id, f.name));
    await upload(id, 'manifest.json', await resign({ ...manifest, files }));
    return settled(id);
  }

  /** Runs ffmpeg on a video as the owner would, re-encoding it as the robot records (H.264, 30 fps). */
  function ffmpeg(input: Buffer, filter: string, frames?: number): Buffer {
    const from = join(scratch.path, 'in.mp4');
    const to = join(scratch.path, 'out.mp4');
    writeFileSync(from, input);
    execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-y', '-i', from, '-vf', filter, ...(frames ? ['-frames:v', String(frames)] : []), '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-r', '30', to]);
    return readFileSync(to);
  }

  const stateTime = (topic: string, data: Uint8Array): bigint | null =>
    topic === '/observation/state' ? fromLong(v1.JointState.decode(data).captureTimeNs) : topic === '/action' ? fromLong(v1.ActionSample.decode(data).captureTimeNs) : null;

  const settled = (id: string): Promise<EpisodeView> =>
    eventually(async () => {
      const e = await episode(hub.url, token, id);
      return ['in_review', 'rejected', 'failed', 'accepted'].includes(e.state) ? e : undefined;
    }, undefined, `episode ${id} decided`);

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'owned arm');
    hub = await startHub(data.path, ['--ice-host-addresses', '127.0.0.1', '--reviews-per-episode', '1', '--admin-addresses', privateKeyToAccount(keyFor('junk-admin')).address]);
    agent = await startAgent(hub.url, creds, [
      '--ice-host-addresses', '127.0.0.1',
      '--state-dir', agentState.path,
      // The simulated camera draws the arm: its pictures follow the joints, as a real camera watching the arm does.
      '--camera', 'name=front,source=sim,size=320x240,fps=30,codec=vp8',
      // The robot's own uploads crawl: the owner's reach the hub first.
      '--upload-bandwidth', '1',
    ]);
    op = await OperatorClient.connect(hub.url, 'junk-operator');
    token = (await signIn(hub.url, keyFor('junk-operator'))).token;
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
    await op.subscribe(creds.robotId);
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
    agentState.remove();
    scratch.remove();
  });

  it('rejects a re-signed manifest that claims ten minutes for a few seconds of recording', async () => {
    const id = await recordSealed('inflate the duration');
    const m = sealedManifest(id).manifest;
    const claimed = String(BigInt(m.endNs) - 600_000_000_000n);
    const e = await submit(id, { ...m, startNs: claimed });
    junk.push(id);
    expect(e.state).toBe('rejected');
    expect(e.reason).toMatch(new RegExp(`^verification failed: startNs: the manifest says ${claimed}, the recording's first sample is at \\d+ \\(59\\d\\.\\d{3} s later\\)$`));
  });

  it("rejects a re-signed manifest whose camera times are shifted from the camera's frame records", async () => {
    const id = await recordSealed('shift the camera');
    const m = sealedManifest(id).manifest;
    const cam = m.cameras[0]!;
    const shifted = String(BigInt(cam.firstCaptureNs) - 2_000_000_000n);
    const e = await submit(id, { ...m, cameras: [{ ...cam, firstCaptureNs: shifted }, ...m.cameras.slice(1)] });
    junk.push(id);
    expect(e.state).toBe('rejected');
    expect(e.reason).toBe(`verification failed: camera front's firstCaptureNs: the manifest says ${shifted}, its frame records start at ${cam.firstCaptureNs}`);
  });

  it('rejects the same motion driven again, and again with noise added, as replays of the first', async () => {
    const motion = (s: number): number[] => [0.5 * Math.sin(s * 2.2), -0.2 + 0.3 * Math.sin(s * 1.4 + 1), 0.5 + 0.2 * Math.cos(s * 1.8), 0.1, 0, s > 1.2 ? 0.1 : 0.5];
    const first = await recordSealed('pick the cube', 3000, motion);
    const original = await submit(first, sealedManifest(first).manifest);
    good.push(first);
    expect(original.state, String(original.reason)).toBe('in_review');
    const again = await recordSealed('pick the cube', 3000, motion);
    const a = await submit(again, sealedManifest(again).manifest);
    junk.push(again);
    expect(a.state, a.checks?.find((c) => c.name === 'duplicate')?.reason).toBe('rejected');
    expect(a.reason).toMatch(new RegExp(`^duplicate: its motion replays episode ${first} \\(0\\.0\\d{3} rad RMS from it; different motions are at least 0\\.035 rad apart\\)$`));
    let seed = 5;
    const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02;
    const noisy = await recordSealed('pick the cube', 3000, (t) => motion(t).map((v) => v + noise()));
    const n = await submit(noisy, sealedManifest(noisy).manifest);
    junk.push(noisy);
    expect(n.state, n.checks?.find((c) => c.name === 'duplicate')?.reason).toBe('rejected');
    // Caught by its motion or, where the noise and a busy machine's timing put the motion just past the limit, by its
    // pictures (the simulated camera draws the arm): a duplicate either way.
    expect(n.reason).toMatch(new RegExp(`^duplicate: (its motion replays episode|camera front's video copies camera front of episode) (${first}|${again}) `));
  });

  it('rejects a re-signed recording whose lost frames were cut out of the files and zeroed in the manifest', async () => {
    const id = await recordSealed('hide lost frames', 3000);
    const m = sealedManifest(id).manifest;
    const cam = m.cameras[0]!;
    // Twenty frames in the middle are gone from the camera's frame records and from its video; the manifest counts
    // none as dropped.
    let n = 0;
    const mcap = await editMcap(spoolFile(id, 'episode.mcap'), (msg) => {
      if (msg.topic !== `/camera/${cam.name}/frames`) return msg;
      const i = n++;
      return i >= 20 && i < 40 ? null : msg;
    });
    const video = ffmpeg(spoolFile(id, cam.file), 'select=not(between(n\\,20\\,39)),setpts=N/30/TB');
    const e = await submit(id, { ...m, channels: mcap.channels, cameras: [{ ...cam, frames: cam.frames - 20, droppedFrames: 0 }] }, { 'episode.mcap': mcap.bytes, [cam.file]: video });
    junk.push(id);
    expect(e.state).toBe('rejected');
    const [, lack] = /^verification failed: camera front's droppedFrames: the manifest says 0, the frame records lack (\d+) of \d+ frame slots$/.exec(e.reason ?? '') ?? [];
    expect(Number(lack), String(e.reason)).toBeGreaterThanOrEqual(20);
  });

  it('rejects a re-signed recording whose state stream was cut short, its counts fixed', async () => {
    const id = await recordSealed('cut the state stream', 4000);
    const m = sealedManifest(id).manifest;
    let first: bigint | null = null;
    const mcap = await editMcap(spoolFile(id, 'episode.mcap'), (msg) => {
      const t = stateTime(msg.topic, msg.data);
      if (t === null) return msg;
      first ??= t;
      return t - first < 1_000_000_000n ? msg : null;
    });
    const e = await submit(id, { ...m, channels: mcap.channels }, { 'episode.mcap': mcap.bytes });
    junk.push(id);
    expect(e.state).toBe('rejected');
    expect(e.reason).toMatch(/(^|; )frames_have_states: \d+ camera frames \(first on camera front\) are farther from any state sample than allowed \(283 ms inside the state stream, 1500 ms past its ends\); the farthest is (\d{4}) ms: the state stream stopped or the frame times moved($|; )/);
  });

  it("rejects a re-signed recording whose camera frame times were moved in the MCAP", async () => {
    const id = await recordSealed('move the frame times', 3000);
    const m = sealedManifest(id).manifest;
    const cam = m.cameras[0]!;
    const shift = 2_000_000_000n;
    const mcap = await editMcap(spoolFile(id, 'episode.mcap'), (msg) => {
      if (msg.topic !== `/camera/${cam.name}/frames`) return msg;
      const f = v1.CameraFrame.decode(msg.data);
      const data = v1.CameraFrame.encode({ ...f, captureTimeNs: toLong(fromLong(f.captureTimeNs) + shift) }).finish();
      return { ...msg, data, logTime: msg.logTime + shift, publishTime: msg.publishTime + shift };
    });
    const moved = { ...cam, firstCaptureNs: String(BigInt(cam.firstCaptureNs) + shift), lastCaptureNs: String(BigInt(cam.lastCaptureNs) + shift) };
    const e = await submit(id, { ...m, endNs: String(BigInt(m.endNs) + shift), channels: mcap.channels, cameras: [moved] }, { 'episode.mcap': mcap.bytes });
    junk.push(id);
    expect(e.state).toBe('rejected');
    expect(e.reason).toMatch(/(^|; )frames_have_states: \d+ camera frames \(first on camera front\) are farther from any state sample than allowed .* the farthest is \d+ ms: the state stream stopped or the frame times moved($|; )/);
  });

  it('rejects a re-signed recording whose camera frame times were moved half a second against the states', async () => {
    // Reach, pause, grasp, pause, lift: the arm rests between moves, as people teleoperate (an arm that never rests
    // tells no camera timing, see videoSync.ts).
    const poses = [[0, 0, 0.4, 0, 0, 0.5], [0.5, -0.2, 0.7, 0.2, 0, 0.5], [0.5, -0.2, 0.7, 0.2, 0, 0.1], [-0.3, 0.2, 0.3, -0.2, 0, 0.1]];
    const pauses = (t: number): number[] => {
      const k = Math.min(poses.length - 2, Math.floor(t / 0.9));
      const u = Math.min(1, Math.max(0, (t - k * 0.9) / 0.5));
      const w = u * u * (3 - 2 * u);
      return poses[k]!.map((v, j) => v + (poses[k + 1]![j]! - v) * w);
    };
    const id = await recordSealed('move the frame times a little', 3000, pauses);
    const m = sealedManifest(id).manifest;
    const cam = m.cameras[0]!;
    const shift = 500_000_000n;
    const mcap = await editMcap(spoolFile(id, 'episode.mcap'), (msg) => {
      if (msg.topic !== `/camera/${cam.name}/frames`) return msg;
      const f = v1.CameraFrame.decode(msg.data);
      const data = v1.CameraFrame.encode({ ...f, captureTimeNs: toLong(fromLong(f.captureTimeNs) + shift) }).finish();
      return { ...msg, data, logTime: msg.logTime + shift, publishTime: msg.publishTime + shift };
    });
    const moved = { ...cam, firstCaptureNs: String(BigInt(cam.firstCaptureNs) + shift), lastCaptureNs: String(BigInt(cam.lastCaptureNs) + shift) };
    const e = await submit(id, { ...m, endNs: String(BigInt(m.endNs) + shift), channels: mcap.channels, cameras: [moved] }, { 'episode.mcap': mcap.bytes });
    junk.push(id);
    expect(e.state).toBe('rejected');
    const [, ms] = /^video_sync: camera front's pictures show the joints (\d+) ms before their recorded capture times \(correlation 0\.\d\d there, at most -?[01]\.\d\d within ±100 ms\): the frame times were moved$/.exec(e.reason ?? '') ?? [];
    expect(Math.abs(Number(ms) - 500), String(e.reason)).toBeLessThanOrEqual(50);
  });

  it("rejects an episode carrying an earlier episode's video, re-encoded and cut to its length", async () => {
    const earlier = await recordSealed('the original video', 4500); // longer than the new one (1.8 s of motion, still time around it) by far
    const original = await submit(earlier, sealedManifest(earlier).manifest);
    good.push(earlier);
    expect(original.state, String(original.reason)).toBe('in_review');
    // A new recording with motion of its own; its camera's video is the earlier one's, from its sixth frame on.
    const id = await recordSealed('a new motion, an old video', 1800, (t) => [0.3 * Math.cos(t * 3), 0.2, -0.1 * t, 0.4, 0, 0.3]);
    const m = sealedManifest(id).manifest;
    const cam = m.cameras[0]!;
    const video = ffmpeg(spoolFile(earlier, sealedManifest(earlier).manifest.cameras[0]!.file), 'select=gte(n\\,5),setpts=N/30/TB', cam.frames);
    const e = await submit(id, m, { [cam.file]: video });
    junk.push(id);
    expect(e.state).toBe('rejected');
    // The copy is what is asserted; the old pictures may also fail to show the new motion (video_sync), a second true reason.
    const duplicate = (e.reason ?? '').split('; ').find((r) => r.startsWith('duplicate: '));
    expect(duplicate, String(e.reason)).toBeDefined();
    expect(duplicate, String(e.reason)).toMatch(new RegExp(`^duplicate: camera front's video copies camera front of episode ${earlier} \\((1[0-6]) of 16 sampled frames are its frames, in order, at most \\d+ grey levels apart\\)$`));
  });

  it('keeps an episode finalised as failed failed: a second manifest saying success is refused', async () => {
    const id = await recordSealed('fail, then claim success');
    const m = sealedManifest(id).manifest;
    const failed = await submit(id, { ...m, outcome: 'failed', failure: 'the gripper slipped' });
    junk.push(id);
    expect([failed.state, failed.reason]).toEqual(['failed', 'the gripper slipped']);
    const again = await openUpload(id, 'manifest.json', (await resign({ ...m, outcome: 'success' })).length);
    expect([again.status, again.body]).toEqual([409, `episode ${id} is failed; it takes no more files`]);
    expect((await episode(hub.url, token, id)).state).toBe('failed');
  });

  it('accepts good episodes of the same robot: at least 19 of 20 varied motions go on to review', async () => {
    let seed = 99;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const outcomes: { id: string; state: string; reason: string | null }[] = [];
    for (let i = 0; i < 20; i++) {
      const joints = Array.from({ length: 4 }, () => ({ amp: 0.15 + 0.35 * rnd(), w: 1.2 + 2.3 * rnd(), phase: 6.28 * rnd(), base: -0.3 + 0.6 * rnd() }));
      const grip = 0.2 + 0.5 * rnd();
      const motion = (sec: number): number[] => [...joints.map((j) => j.base + j.amp * Math.sin(j.w * sec + j.phase)), 0, sec > 0.8 ? 0.1 : grip];
      const id = await recordSealed(`good ${i}`, 1800, motion);
      const e = await submit(id, sealedManifest(id).manifest);
      outcomes.push({ id, state: e.state, reason: e.reason });
      if (e.state === 'in_review') good.push(id);
    }
    const inReview = outcomes.filter((o) => o.state === 'in_review');
    expect(inReview.length, JSON.stringify(outcomes.filter((o) => o.state !== 'in_review'))).toBeGreaterThanOrEqual(19);
  });

  it('keeps a sealed episode\'s files: an upload opened before it was sealed cannot finish, and no new one opens', async () => {
    const id = await recordSealed('swap the recording later');
    const signed = sealedManifest(id);
    const mcap = signed.manifest.files.find((f) => f.name === 'episode.mcap')!;
    // While the episode still takes files, the owner opens a second upload of its MCAP and sends half of it.
    const swap = Buffer.alloc(mcap.size, 0x5a);
    const early = await openUpload(id, 'episode.mcap', swap.length);
    expect(early.status, early.body).toBe(201);
    expect((await patch(early.url!, 0, swap.subarray(0, swap.length >> 1))).status).toBe(204);
    // The honest files and manifest go up; the hub verifies them and the episode goes to review.
    const e = await submit(id, signed.manifest);
    good.push(id);
    expect(e.state, String(e.reason)).toBe('in_review');
    // Now the rest of the swap: refused, and the stored MCAP is still the verified one.
    const late = await patch(early.url!, swap.length >> 1, swap.subarray(swap.length >> 1));
    expect(late.status).toBe(409);
    expect(late.body).toBe(`episode ${id} is in_review; it takes no more files`);
    const stored = Buffer.from(await (await fetch(`${hub.url}/api/v1/episodes/${id}/files/episode.mcap`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect(sha256(stored)).toBe(mcap.sha256);
    expect((await episode(hub.url, token, id)).files.find((f) => f.name === 'episode.mcap')?.sha256).toBe(mcap.sha256);
    // A new upload of any of its files, or a second manifest, is refused with the reason.
    for (const name of ['episode.mcap', 'manifest.json']) {
      const again = await openUpload(id, name, 10);
      expect([again.status, again.body]).toEqual([409, `episode ${id} is in_review; it takes no more files`]);
    }
  });

  it('settles an epoch in which no junk episode earns anything and every good one does', async () => {
    // A reviewer passes everything in review (the good episodes); then an admin settles.
    const reviewer = await signIn(hub.url, keyFor('junk-reviewer'));
    const auth = (t: string): Record<string, string> => ({ authorization: `Bearer ${t}` });
    for (;;) {
      const next = await fetch(`${hub.url}/api/v1/reviews/next`, { method: 'POST', headers: auth(reviewer.token) });
      const { episodeId } = (await next.json()) as { episodeId: string | null };
      if (episodeId === null) break;
      const res = await fetch(`${hub.url}/api/v1/reviews/${episodeId}`, {
        method: 'POST',
        headers: { ...auth(reviewer.token), 'content-type': 'application/json' },
        body: JSON.stringify({ taskDone: true, camerasClear: true, robotSafe: true, score: 4 }),
      });
      expect(res.status).toBe(200);
    }
    const admin = await signIn(hub.url, keyFor('junk-admin'));
    const settled = await fetch(`${hub.url}/api/v1/rewards/settle`, { method: 'POST', headers: auth(admin.token) });
    expect(settled.status).toBe(200);
    const operator = privateKeyToAccount(keyFor('junk-operator')).address;
    const mine = (await (await fetch(`${hub.url}/api/v1/rewards/${operator}`)).json()) as { epochs: { credits: { episodeId: string; amount: string }[] }[] };
    const paid = new Map(mine.epochs.flatMap((e) => e.credits.map((c) => [c.episodeId, BigInt(c.amount)] as const)));
    expect(junk.length).toBeGreaterThanOrEqual(5);
    for (const id of junk) expect(paid.has(id), `junk episode ${id}`).toBe(false);
    for (const id of good) expect(paid.get(id) ?? 0n, `good episode ${id}`).toBeGreaterThan(0n);
  });

  it('builds a dataset of the robot that holds every good episode and no junk; naming a junk episode is refused', async () => {
    // Curators build datasets: the admin makes the owner one.
    await grantCurator(hub.url, privateKeyToAccount(keyFor('junk-operator')).address, (await signIn(hub.url, keyFor('junk-admin'))).token);
    const post = (body: unknown): Promise<Response> =>
      fetch(`${hub.url}/api/v1/datasets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const named = await post({ name: 'junk-named', selection: { episodeIds: [good[0], junk[0]] } });
    expect(named.status).toBe(400);
    expect(((await named.json()) as { message: string }).message).toBe(`only accepted episodes enter a dataset; not accepted: ${junk[0]} (rejected)`);
    const res = await post({ name: 'owned-arm', selection: { robotId: creds.robotId } });
    expect(res.status).toBe(202);
    const { datasetId, version } = (await res.json()) as { datasetId: string; version: number };
    const built = await eventually(async () => {
      const v = (await (await fetch(`${hub.url}/api/v1/datasets/${datasetId}/versions/${version}`)).json()) as { state: string; reason: string | null; episodeIds: string[] };
      return v.state === 'building' ? undefined : v;
    }, undefined, 'dataset built');
    expect([built.state, built.reason]).toEqual(['ready', null]);
    expect([...built.episodeIds].sort()).toEqual([...good].sort());
  });
});
