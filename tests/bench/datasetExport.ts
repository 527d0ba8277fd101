// Dataset export and download: real episodes recorded by the simulated robot
// with three 640x480 30 fps cameras are accepted, then one dataset version is
// built (LeRobot v3.0: parquet, stats with sampled frames, videos concatenated
// by stream copy, raw bundle, hashes and Merkle root) and timed; then the
// version is pulled over loopback HTTP with verification and timed. The hub's
// resident memory is sampled during the build and the pull. --blobs s3 keeps
// the hub's blobs in the S3 test server (s3rver on 127.0.0.1, not a real
// object store): the build reads episodes from it and writes the version into
// it, and the pull's file downloads are redirected to presigned URLs.
// Prints JSON. Usage: npm run bench:export --workspace tests [-- --episodes 3 --seconds 20 --blobs files|s3]
import { parseArgs } from 'node:util';
import { privateKeyToAccount } from 'viem/accounts';
import { join } from 'node:path';
import { pullDataset } from '../../hub/src/datasets/pullDataset.ts';
import { recordAcceptedEpisodes } from '../harness/episodes.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { hubBlobArgs, testS3Server } from '../harness/blobs.ts';
import { sampleLoad, sampleRss } from './stats.ts';

const { values } = parseArgs({ options: { episodes: { type: 'string', default: '3' }, seconds: { type: 'string', default: '20' }, blobs: { type: 'string', default: 'files' } } });
if (values.blobs !== 'files' && values.blobs !== 's3') throw new Error(`--blobs is files or s3, got ${values.blobs}`);
const BLOBS = values.blobs;
const load = sampleLoad();
const EPISODES = Number(values.episodes);
const SECONDS = Number(values.seconds);
const CAMERAS = ['front', 'wrist', 'side'].map((name) => `name=${name},source=test,size=640x480,fps=30,codec=vp8,bitrate=1000`);

const data = tempDir('bench-export');
const creds = await enrollRobot(data.path, 'export arm', 'so101_follower');
// The operator is the hub's admin here: curators and admins build datasets.
const hub = await startHub(data.path, ['--log-level', 'info', '--ice-host-addresses', '127.0.0.1', '--reviews-per-episode', '1', '--min-free-bytes', '0', '--admin-addresses', privateKeyToAccount(keyFor('bench-operator')).address, ...(await hubBlobArgs(data.path, BLOBS))]);
const agent = await startAgent(hub.url, creds, ['--log-level', 'warn', '--ice-host-addresses', '127.0.0.1', ...CAMERAS.flatMap((c) => ['--camera', c])], false);
const op = await OperatorClient.connect(hub.url, 'bench-operator');
try {
  await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
  await op.subscribe(creds.robotId);
  await op.requestLease(creds.robotId);
  const reviewer = await signIn(hub.url, keyFor('bench-reviewer'));
  await recordAcceptedEpisodes(hub.url, op, creds.robotId, Array.from({ length: EPISODES }, (_, i) => `task ${i % 2}`), reviewer.token, SECONDS * 1000);
  await agent.stop(); // the export gets the machine to itself

  let rss = sampleRss(hub.process.child.pid!);
  const t0 = performance.now();
  const res = await fetch(`${hub.url}/api/v1/datasets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${op.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', selection: { robotId: creds.robotId } }),
  });
  if (res.status !== 202) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  const built = await hub.process.waitForLog((l) => l.msg === 'dataset version built' || String(l.msg).startsWith('dataset version failed'), 600_000);
  const exportMs = performance.now() - t0;
  const exportRss = rss.stop();
  if (built.msg !== 'dataset version built') throw new Error(String(built.msg));
  const v = (await (await fetch(`${hub.url}/api/v1/datasets/bench/versions/1`)).json()) as { summary: { totalFrames: number; fps: number; bytes: { total: number; lerobot: number; raw: number }; files: number } };
  const s = v.summary;
  const recordedS = s.totalFrames / s.fps;

  const out = join(data.path, 'pulled');
  rss = sampleRss(hub.process.child.pid!);
  const t1 = performance.now();
  const pulled = await pullDataset({ hubUrl: hub.url, dataset: 'bench', version: 1, out });
  const pullMs = performance.now() - t1;
  const pullRss = rss.stop();

  console.log(
    JSON.stringify(
      {
        benchmark: 'dataset_export',
        blobs: BLOBS === 's3' ? 's3 (s3rver, npm @20minutes/s3rver, on 127.0.0.1)' : 'files',
        episodes: EPISODES,
        cameras: '3 x 640x480 @ 30 fps, H.264 (recorded), stream-copied into the dataset',
        frames: s.totalFrames,
        cameraFrames: s.totalFrames * 3,
        recordedSeconds: Number(recordedS.toFixed(1)),
        export: {
          seconds: Number((exportMs / 1000).toFixed(2)),
          framesPerSecond: Math.round(s.totalFrames / (exportMs / 1000)),
          cameraFramesPerSecond: Math.round((s.totalFrames * 3) / (exportMs / 1000)),
          realTimeFactor: Number((recordedS / (exportMs / 1000)).toFixed(1)),
          hubMs: built.ms,
          hubRss: exportRss,
        },
        version: { files: s.files, megabytes: Number((s.bytes.total / 1e6).toFixed(1)), lerobotMB: Number((s.bytes.lerobot / 1e6).toFixed(1)), rawMB: Number((s.bytes.raw / 1e6).toFixed(1)) },
        download: {
          seconds: Number((pullMs / 1000).toFixed(2)),
          throughputMBps: Number((pulled.bytes / 1e6 / (pullMs / 1000)).toFixed(1)),
          note: 'every file SHA-256 checked and written to disk; one file at a time',
          hubRss: pullRss,
        },
        target: { realTimeFactor: 10 },
        machine: load.stop(),
      },
      null,
      2,
    ),
  );
} finally {
  op.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
  if (BLOBS === 's3') await (await testS3Server()).stop();
}
process.exit(0);
