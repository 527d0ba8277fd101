// Episode upload throughput on loopback: a 1 GiB file of an episode uploaded
// with tus (tus-js-client, as the robot agent does) to the hub's tus server,
// and the time to resume after the connection is cut halfway.
// Prints JSON. Usage: npm run bench:upload --workspace tests [-- --mib 1024]
import { createReadStream, openSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Upload } from 'tus-js-client';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { startEpisode, stopEpisode } from '../harness/episodes.ts';
import { sampleLoad } from './stats.ts';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024' }, chunk: { type: 'string', default: '64' } } });
const load = sampleLoad();
const SIZE = Number(values.mib) * 1024 * 1024;
const CHUNK = Number(values.chunk) * 1024 * 1024;

const data = tempDir('bench-upload');
const creds = await enrollRobot(data.path, 'upload arm');
const hub = await startHub(data.path, ['--log-level', 'warn', '--min-free-bytes', '0']);
const agent = await startAgent(hub.url, creds, ['--log-level', 'warn'], false);
const op = await OperatorClient.connect(hub.url, 'bench');
const file = join(data.path, 'big.bin');
try {
  await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
  await op.subscribe(creds.robotId);
  await op.requestLease(creds.robotId);
  // A real episode to upload into, kept recording (the hub takes files from the
  // start of recording on) so the robot's own upload cannot close it first.
  const episodeId = await startEpisode(op, creds.robotId, 'throughput');
  const fd = openSync(file, 'w');
  const block = randomBytes(8 * 1024 * 1024);
  for (let off = 0; off < SIZE; off += block.length) writeSync(fd, block, 0, Math.min(block.length, SIZE - off));
  closeSync(fd);
  const auth = `Basic ${Buffer.from(`${creds.robotId}:${creds.secret}`).toString('base64')}`;

  const upload = (name: string, opts: { abortAt?: number; uploadUrl?: string } = {}) =>
    new Promise<{ ms: number; url: string; aborted: boolean; firstChunkMs: number | null }>((resolve, reject) => {
      const t0 = performance.now();
      let firstChunkMs: number | null = null;
      const u: Upload = new Upload(createReadStream(file), {
        endpoint: `${hub.url}/api/v1/uploads`,
        ...(opts.uploadUrl ? { uploadUrl: opts.uploadUrl } : {}),
        chunkSize: CHUNK,
        metadata: { episodeId, filename: name },
        headers: { authorization: auth },
        onChunkComplete: (_chunk, sent) => {
          firstChunkMs ??= performance.now() - t0;
          if (opts.abortAt !== undefined && sent >= opts.abortAt) {
            void u.abort(false).then(() => resolve({ ms: performance.now() - t0, url: u.url ?? '', aborted: true, firstChunkMs }));
          }
        },
        onError: reject,
        onSuccess: () => resolve({ ms: performance.now() - t0, url: u.url ?? '', aborted: false, firstChunkMs }),
      });
      u.start();
    });

  const full = await upload('front.mp4');
  const half = await upload('wrist.mp4', { abortAt: SIZE / 2 });
  const resumed = await upload('wrist.mp4', { uploadUrl: half.url });
  console.log(
    JSON.stringify(
      {
        benchmark: 'episode_upload',
        fileMiB: SIZE / 1024 / 1024,
        chunkMiB: CHUNK / 1024 / 1024,
        throughputMBps: Number((SIZE / 1e6 / (full.ms / 1000)).toFixed(1)),
        seconds: Number((full.ms / 1000).toFixed(2)),
        resume: {
          cutAfterMiB: SIZE / 2 / 1024 / 1024,
          timeToFirstChunkAfterResumeMs: resumed.firstChunkMs === null ? null : Number(resumed.firstChunkMs.toFixed(1)),
          remainingSeconds: Number((resumed.ms / 1000).toFixed(2)),
        },
        target: { throughputMBps: 100 },
        machine: load.stop(),
      },
      null,
      2,
    ),
  );
  await stopEpisode(op, creds.robotId, 'discard').catch(() => undefined);
} finally {
  op.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}
process.exit(0);
