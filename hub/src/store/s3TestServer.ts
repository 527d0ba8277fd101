// An S3-compatible server for tests and benchmarks: s3rver (npm
// `@20minutes/s3rver`, a Node implementation of the S3 REST API over a
// directory) run as its own process on 127.0.0.1, spoken to over real HTTP by
// the real AWS SDK. Not Amazon S3 and not Ceph: Debian's radosgw 16.2 needs a
// RADOS cluster (monitor + OSD) behind it, more than CI's two cores and
// time allow for each test run (README, "Object storage"). s3rver checks
// request signatures (access key and secret "S3RVER") and implements what the
// hub uses: multipart uploads, ranged GET, presigned URLs, ListObjectsV2,
// CopyObject and DeleteObjects.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningS3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Flags for `teleop-hub serve` that put its blobs in this server under `prefix`. */
  hubArgs(prefix: string): string[];
  stop(): Promise<void>;
}

// The child exits when its standard input closes: the process that started it is gone, however it ended.
// s3rver lists a bucket by walking its directory, and a key deleted (its directory removed) during the walk fails
// the whole listing with a 500; S3 lists what exists. The launcher's walk skips what vanished under it.
// s3rver encrypts the continuation token of a truncated listing (ListObjectsV2 with more keys than MaxKeys) with
// DES, which OpenSSL 3 keeps in its legacy provider: without --openssl-legacy-provider every such listing is a 500
// (a hub starting on a prefix holding two blobs or more could not reach its bucket).
// s3rver derives the signed path of a bucket-level request (ListObjectsV2, DeleteObjects) as "/bucket", as the
// version 2 AWS SDK sent it; the version 3 SDK (the hub's) signs "/bucket/", as S3 does. The launcher hands
// s3rver's own signature check that path, so every request's signature is still checked.
const SERVER_MAIN = `
const auth = require.resolve('@20minutes/s3rver/lib/middleware/authentication');
const original = require(auth);
require.cache[auth].exports = () => {
  const check = original();
  return async (ctx, next) => {
    if (!(ctx.params.bucket && !ctx.params.key && ctx.path.endsWith('/') && !ctx.state.vhost)) return check(ctx, next);
    const mountPath = ctx.mountPath;
    ctx.state.vhost = true;
    ctx.mountPath = (mountPath || '') + '/';
    return check(ctx, () => {
      ctx.state.vhost = false;
      ctx.mountPath = mountPath;
      return next();
    });
  };
};
const fs = require('fs');
const path = require('path');
const utils = require('@20minutes/s3rver/lib/utils');
utils.walk = function* walk(dir, recurseFilter) {
  let names = [];
  try { names = fs.readdirSync(dir); } catch (err) { if (err.code !== 'ENOENT') throw err; }
  for (const filename of names) {
    const filePath = path.posix.join(dir, filename);
    let stats;
    try { stats = fs.statSync(filePath); } catch (err) { if (err.code === 'ENOENT') continue; throw err; }
    if (!stats.isDirectory()) yield filePath;
    else if (!recurseFilter || recurseFilter(filePath)) yield* walk(filePath, recurseFilter);
  }
};
const S3rver = require('@20minutes/s3rver');
const [directory, bucket] = process.argv.slice(1);
process.stdin.on('end', () => process.exit(0)).resume();
new S3rver({ directory, address: '127.0.0.1', port: 0, silent: true, configureBuckets: [{ name: bucket, configs: [] }] })
  .run()
  .then(({ port }) => console.log('s3 listening on ' + port))
  .catch((err) => { console.error(err); process.exit(1); });
`;

/** Starts an S3 server with one bucket in a temporary directory; `stop` ends it and removes the directory. */
export async function startS3Server(bucket = 'teleop-test', patienceMs = 120_000): Promise<RunningS3Server> {
  const dir = mkdtempSync(join(tmpdir(), 'teleop-s3-'));
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', '-e', SERVER_MAIN, join(dir, 'objects'), bucket], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: new URL('.', import.meta.url).pathname,
  });
  // Whatever ends the process that started it, the server and its directory go with it.
  const onExit = (): void => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the S3 test server did not listen within ${patienceMs} ms: ${stderr}`)), patienceMs);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /s3 listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the S3 test server exited with ${code}: ${stderr}`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const server: RunningS3Server = {
    endpoint,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    hubArgs: (prefix) => ['--blob-url', `s3://${bucket}/${prefix}`, '--s3-endpoint', endpoint, '--s3-region', 'us-east-1', '--s3-force-path-style', 'true', '--s3-access-key-id', 'S3RVER', '--s3-secret-access-key', 'S3RVER'],
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
