// A hub on S3-compatible object storage, whatever TELEOP_TEST_BLOBS says: an
// upload whose move into the bucket was cut by the hub's death is finished
// by the next start, and an episode file download is a redirect to a
// presigned URL that a real HTTP client follows with its Range header. The S3
// server is s3rver from npm, a real HTTP server process on 127.0.0.1 (not
// Amazon S3 nor Ceph: hub/src/store/s3TestServer.ts says why), reached by the
// hub through a TCP proxy the test can stall.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { freePort } from '../harness/mosquitto.ts';
import { startEpisode } from '../harness/episodes.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { S3BlobStore } from '../../hub/src/store/S3BlobStore.ts';
import { startS3Server, type RunningS3Server } from '../../hub/src/store/s3TestServer.ts';
import { readBlobBytes } from '../../hub/src/store/BlobStore.ts';

/** A TCP proxy to `targetPort` that the test can stall: connections stay open and nothing passes either way. */
async function stallingProxy(targetPort: number): Promise<{ port: number; stall(): void; flow(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let stalled = false;
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined).on('close', () => sockets.delete(s));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (d) => void (stalled || upstream.write(d)));
    upstream.on('data', (d) => void (stalled || client.write(d)));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    port,
    stall: () => void (stalled = true),
    flow: () => {
      stalled = false;
      for (const s of sockets) s.destroy(); // what was stalled is lost, as on a cut link
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('a hub on object storage', () => {
  const data = tempDir('object-storage');
  let s3: RunningS3Server;
  let proxy: Awaited<ReturnType<typeof stallingProxy>>;
  let hub: RunningHub;
  let agent: TestProcess;
  let creds: RobotCredentials;
  let op: OperatorClient;
  const hubArgs = (): string[] => [
    '--ice-host-addresses', '127.0.0.1', '--min-free-bytes', '0',
    '--blob-url', `s3://${s3.bucket}/hub`, '--s3-endpoint', `http://127.0.0.1:${proxy.port}`, '--s3-force-path-style', 'true',
    '--s3-access-key-id', s3.accessKeyId, '--s3-secret-access-key', s3.secretAccessKey,
  ];

  beforeAll(async () => {
    s3 = await startS3Server();
    proxy = await stallingProxy(Number(new URL(s3.endpoint).port));
    creds = await enrollRobot(data.path, 'object storage arm');
    hub = await startHub(data.path, hubArgs());
    agent = await startAgent(hub.url, creds, ['--ice-host-addresses', '127.0.0.1']);
    op = await OperatorClient.connect(hub.url, 'storage-operator');
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
    await op.subscribe(creds.robotId);
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    await proxy?.close();
    await s3?.stop();
    data.remove();
  });

  it('finishes at the next start an upload whose move into the bucket the hub did not live to end, and serves it by presigned URL with ranges', async () => {
    const episodeId = await startEpisode(op, creds.robotId, 'stored in S3');
    // 12 MiB: two 8 MiB parts of a multipart upload.
    const bytes = randomBytes(12 * 1024 * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const auth = `Basic ${Buffer.from(`${creds.robotId}:${creds.secret}`).toString('base64')}`;
    let uploadUrl = '';
    const sent = new Promise<void>((resolve, reject) => {
      const u: Upload = new Upload(bytes, {
        endpoint: `${hub.url}/api/v1/uploads`,
        chunkSize: bytes.length,
        retryDelays: [],
        metadata: { episodeId, filename: 'front.mp4' },
        headers: { authorization: auth },
        onUploadUrlAvailable: () => void (uploadUrl = u.url ?? ''),
        onError: reject,
        onSuccess: () => resolve(),
      });
      // Object storage stops answering: the hub holds the whole file and cannot move it into the bucket.
      proxy.stall();
      u.start();
    });
    sent.catch(() => undefined);
    const local = (): string => join(data.path, 'uploads', uploadUrl.split('/').at(-1) ?? '');
    await eventually(() => uploadUrl !== '' && existsSync(local()) && statSync(local()).size === bytes.length, undefined, 'the whole file on the hub');
    expect(hub.process.hasLog((l) => l.msg === 'episode file received')).toBe(false);
    await hub.process.stop('SIGKILL');
    await expect(sent).rejects.toThrow();

    proxy.flow();
    hub = await startHub(data.path, hubArgs());
    // Before taking requests, the hub stored it and recorded it with the hash it measured on the way.
    await hub.process.waitForLog((l) => String(l.msg).startsWith('an upload complete before the hub stopped was not stored yet') && l.episodeId === episodeId);
    const received = await hub.process.waitForLog((l) => l.msg === 'episode file received' && l.episodeId === episodeId && l.filename === 'front.mp4');
    const listening = await hub.process.waitForLog((l) => l.msg === 'hub listening');
    expect(received.time as number).toBeLessThanOrEqual(listening.time as number);
    expect(existsSync(local())).toBe(false);
    const bucket = new S3BlobStore({ url: `s3://${s3.bucket}/hub`, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }, scratchDir: join(data.path, 'scratch') });
    expect(createHash('sha256').update(await readBlobBytes(bucket, `episodes/${episodeId}/front.mp4`)).digest('hex')).toBe(sha256);
    op.close();
    op = await OperatorClient.connect(hub.url, 'storage-operator');
    const view = (await (await fetch(`${hub.url}/api/v1/episodes/${episodeId}`, { headers: { authorization: `Bearer ${op.token}` } })).json()) as { files: { name: string; sha256: string }[] };
    expect(view.files.find((f) => f.name === 'front.mp4')?.sha256).toBe(sha256);

    // The download: the hub checks the caller, then sends it to a presigned URL of the object.
    const url = `${hub.url}/api/v1/episodes/${episodeId}/files/front.mp4`;
    expect((await fetch(url)).status).toBe(401);
    const redirect = await fetch(url, { headers: { authorization: `Bearer ${op.token}` }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    expect(location.startsWith(`http://127.0.0.1:${proxy.port}/${s3.bucket}/hub/episodes/${episodeId}/front.mp4?`)).toBe(true);
    expect(location).toContain('X-Amz-Expires=300');
    // A real client follows it with its Range header.
    const start = 8 * 1024 * 1024 - 100;
    const ranged = await fetch(url, { headers: { authorization: `Bearer ${op.token}`, range: `bytes=${start}-${start + 199}` } });
    expect(ranged.redirected).toBe(true);
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(bytes.subarray(start, start + 200));
    const whole = await fetch(url, { headers: { authorization: `Bearer ${op.token}` } });
    expect(createHash('sha256').update(Buffer.from(await whole.arrayBuffer())).digest('hex')).toBe(sha256);
    // A resumed download that names the hub's validator stays on the hub, which streams it from the bucket.
    const resumed = await fetch(url, { headers: { authorization: `Bearer ${op.token}`, range: `bytes=${start}-`, 'if-range': `"${sha256}"` } });
    expect(resumed.redirected).toBe(false);
    expect(resumed.status).toBe(206);
    expect(Buffer.from(await resumed.arrayBuffer())).toEqual(bytes.subarray(start));
  });
});
