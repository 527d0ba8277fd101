// Object storage against the file store, in one run: an episode file of
// 1 GiB and of 2 GiB uploaded by tus (as the robot agent does) into a hub on
// each blob store, then read back through the hub (the hub-served path a
// resumed download takes: it streams from the store). The hub's resident
// memory is sampled every 100 ms during each phase: with S3 it must stay flat,
// not grow with the file. S3 here is s3rver from npm, a real HTTP server
// process on 127.0.0.1 (hub/src/store/s3TestServer.ts), not Amazon S3 nor Ceph:
// its numbers say what the hub's side costs, not what a real object store does.
// Prints JSON. Usage: npx tsx tests/bench/s3Storage.ts [--mib 1024,2048]
import { createReadStream, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Upload } from 'tus-js-client';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub } from '../harness/processes.ts';
import { hubBlobArgs, testS3Server, type TestBlobs } from '../harness/blobs.ts';
import { startEpisode, stopEpisode } from '../harness/episodes.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { sampleLoad, sampleRss } from './stats.ts';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024,2048' }, chunk: { type: 'string', default: '64' } } });
const load = sampleLoad();
const SIZES = values.mib.split(',').map((m) => Number(m) * 1024 * 1024);
const CHUNK = Number(values.chunk) * 1024 * 1024;
const MB = 1e6;

interface Phase {
  seconds: number;
  throughputMBps: number;
  hubRss: { maxMiB: number; startMiB: number };
}

async function run(blobs: TestBlobs, size: number): Promise<{ upload: Phase; readBack: Phase }> {
  const data = tempDir(`bench-s3-${blobs}`);
  let hub: RunningHub | null = null;
  const file = join(data.path, 'big.bin');
  try {
    const creds = await enrollRobot(data.path, 'storage arm');
    hub = await startHub(data.path, ['--log-level', 'warn', '--min-free-bytes', '0', '--lease-idle-ms', '3600000', '--lease-max-ms', '86400000', '--robot-silence-ms', '600000', '--max-upload-bytes', String(size * 2), ...(await hubBlobArgs(data.path, blobs))]);
    const agent = await startAgent(hub.url, creds, ['--log-level', 'warn'], false);
    const op = await OperatorClient.connect(hub.url, 'storage-bench');
    try {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
      await op.subscribe(creds.robotId);
      await op.requestLease(creds.robotId);
      // The source file first: writing it takes long on a busy machine, and the episode should not wait for it.
      const hash = createHash('sha256');
      const fd = openSync(file, 'w');
      const block = randomBytes(8 * 1024 * 1024);
      for (let off = 0; off < size; off += block.length) {
        const n = Math.min(block.length, size - off);
        writeSync(fd, block, 0, n);
        hash.update(block.subarray(0, n));
      }
      closeSync(fd);
      const digest = hash.digest('hex');
      // A real episode kept recording (the hub takes its files from the start of recording on); the lease and the
      // robot's presence outlast a slow upload on a busy machine, which would otherwise end the recording.
      const episodeId = await startEpisode(op, creds.robotId, 'storage');
      const auth = `Basic ${Buffer.from(`${creds.robotId}:${creds.secret}`).toString('base64')}`;

      // Upload: the last PATCH is answered once the file is in the blob store (moved in, or streamed to S3).
      let rss = sampleRss(hub.process.child.pid!);
      let t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        new Upload(createReadStream(file), {
          endpoint: `${hub!.url}/api/v1/uploads`,
          chunkSize: CHUNK,
          metadata: { episodeId, filename: 'front.mp4' },
          headers: { authorization: auth },
          onError: reject,
          onSuccess: () => resolve(),
        }).start();
      });
      const uploadS = (performance.now() - t0) / 1000;
      const upload: Phase = { seconds: Number(uploadS.toFixed(2)), throughputMBps: Number((size / MB / uploadS).toFixed(1)), hubRss: rss.stop() };
      rmSync(file);
      const received = hub.process.logs.find((l) => l.msg === 'episode file received' && l.filename === 'front.mp4');
      if (received && received.size !== size) throw new Error(`the hub stored ${String(received.size)} bytes of ${size}`);

      // Read back through the hub: If-Range keeps a download on the hub (no redirect), which streams from the store.
      const { token } = await signIn(hub.url, keyFor('storage-bench'));
      rss = sampleRss(hub.process.child.pid!);
      t0 = performance.now();
      const res = await fetch(`${hub.url}/api/v1/episodes/${episodeId}/files/front.mp4`, { headers: { authorization: `Bearer ${token}`, range: 'bytes=0-', 'if-range': `"${digest}"` } });
      if (res.status !== 206) throw new Error(`read back: HTTP ${res.status} ${await res.text()}`);
      const back = createHash('sha256');
      let got = 0;
      for await (const chunk of res.body!) {
        back.update(chunk);
        got += chunk.length;
      }
      const readS = (performance.now() - t0) / 1000;
      if (got !== size || back.digest('hex') !== digest) throw new Error(`read back ${got} bytes that do not match the upload`);
      const readBack: Phase = { seconds: Number(readS.toFixed(2)), throughputMBps: Number((size / MB / readS).toFixed(1)), hubRss: rss.stop() };
      await stopEpisode(op, creds.robotId, 'discard').catch(() => undefined);
      return { upload, readBack };
    } finally {
      op.close();
      await agent.stop();
    }
  } finally {
    await hub?.process.stop();
    data.remove();
  }
}

const results: Record<string, unknown>[] = [];
for (const size of SIZES) {
  for (const blobs of ['files', 's3'] as const) {
    results.push({ blobs, fileMiB: size / 1024 / 1024, ...(await run(blobs, size)) });
    console.error(JSON.stringify(results.at(-1)));
  }
}
console.log(JSON.stringify({ benchmark: 's3_storage', chunkMiB: CHUNK / 1024 / 1024, s3Server: 's3rver (npm @20minutes/s3rver) on 127.0.0.1', results, machine: load.stop() }, null, 2));
await (await testS3Server()).stop();
process.exit(0);
