// Datasets end to end: the simulated robot records episodes with two cameras
// and two tasks, reviewers accept them, and a dataset version is built with
// small file size limits so data and video roll over to several files. The
// LeRobot tree is read back with an independent reader (DuckDB) and ffprobe;
// when ../shared is beside the repository, its structure is compared with the
// reference tree LeRobot itself wrote (fixtures/lerobot-v3-reference). Then the
// version is pulled over HTTP (interrupted and resumed), verified, and
// corruption and a wrong root are caught.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatasetManifest, type DatasetManifest } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { grantCurator, TEST_ADMIN_ADDRESS } from '../harness/curators.ts';
import { recordAcceptedEpisodes } from '../harness/episodes.ts';
import { enrollRobot, eventually, runHubCli, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { localBlobDir, TEST_BLOBS, testBlobStore } from '../harness/blobs.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Only beside the repository (and in CI): LeRobot's own output, for structural comparison.
const REFERENCE = resolve(REPO, '..', 'shared', 'fixtures', 'lerobot-v3-reference', 'so101-h264-multi');
const TASKS = ['pick the cube', 'push the block'];
const EPISODES = 5;

interface Info {
  total_episodes: number;
  total_frames: number;
  total_tasks: number;
  fps: number;
  features: Record<string, { dtype: string; shape: number[]; names: string[] | null; info?: Record<string, unknown> }>;
  [k: string]: unknown;
}

interface EpisodeRow {
  episode_index: bigint;
  tasks: string[];
  length: bigint;
  'data/chunk_index': bigint;
  'data/file_index': bigint;
  dataset_from_index: bigint;
  dataset_to_index: bigint;
  [k: string]: unknown;
}

/**
 * A local directory with a built version's files as the hub stored them: the file store's own directory
 * (<data>/blobs/...), or with TELEOP_TEST_BLOBS=s3 a download from the S3 server. DuckDB and ffprobe read it.
 */
const storedVersion = (dataDir: string, datasetId: string, version: number): Promise<string> => localBlobDir(dataDir, `datasets/${datasetId}/v${version}`);

/** Relative paths of a tree with numbers replaced, e.g. data/chunk-N/file-N.parquet. */
function shapes(root: string): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.add(relative(root, p).replace(/\d{3}/g, 'N'));
    }
  };
  walk(root);
  return [...out].sort();
}

/** Key structure and value types of JSON text, recursively; numbers typed by how they are written (1 int, 1.0 float). */
function typeShape(text: string): unknown {
  const typed = JSON.parse(text.replace(/(?<=[:[,\s])(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?=[,\]}\s])/g, (m) => `"<${/[.eE]/.test(m) ? 'float' : 'int'}>"`)) as unknown;
  const shape = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
    return v === null ? 'null' : typeof v === 'string' && /^<(int|float)>$/.test(v) ? v : typeof v;
  };
  return shape(typed);
}

function ffprobeFrames(path: string): { pts: number[]; keys: boolean[]; fps: string; width: number; height: number; codec: string } {
  const stream = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=r_frame_rate,width,height,codec_name', '-of', 'json', path], { encoding: 'utf8' })) as {
    streams: { r_frame_rate: string; width: number; height: number; codec_name: string }[];
  };
  const frames = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time,key_frame', '-of', 'json', path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
    frames: { pts_time: string; key_frame: number }[];
  };
  const s = stream.streams[0]!;
  return { pts: frames.frames.map((f) => Number(f.pts_time)), keys: frames.frames.map((f) => f.key_frame === 1), fps: s.r_frame_rate, width: s.width, height: s.height, codec: s.codec_name };
}

describe('datasets', () => {
  const data = tempDir('datasets');
  const downloads = tempDir('datasets-pull');
  let hub: RunningHub;
  let agent: TestProcess;
  let robotId: string;
  let op: OperatorClient;
  let token: string;
  let duck: DuckDBConnection;
  let versionDir: string;
  let versionPrefix: string;
  let tree: string;
  let info: Info;
  const episodeIds: string[] = [];

  const q = async <T>(sql: string): Promise<T[]> => (await duck.runAndReadAll(sql)).getRowObjectsJS() as T[];
  const q1 = async <T>(sql: string): Promise<T> => (await q<T>(sql))[0]!;

  beforeAll(async () => {
    duck = await (await DuckDBInstance.create(':memory:')).connect();
    const creds = await enrollRobot(data.path, 'dataset arm', 'so101_follower');
    robotId = creds.robotId;
    // Tiny file limits so one small dataset rolls over to several data and video files.
    hub = await startHub(data.path, ['--ice-host-addresses', '127.0.0.1', '--reviews-per-episode', '1', '--dataset-data-mb', '0.01', '--dataset-video-mb', '0.2', '--admin-addresses', TEST_ADMIN_ADDRESS]);
    agent = await startAgent(hub.url, creds, [
      '--ice-host-addresses', '127.0.0.1',
      '--camera', 'name=front,source=test,size=320x240,fps=30,codec=vp8',
      '--camera', 'name=wrist,source=test,size=160x120,fps=30,codec=vp8',
    ]);
    op = await OperatorClient.connect(hub.url, 'dataset-operator');
    const signedIn = await signIn(hub.url, keyFor('dataset-operator'));
    token = signedIn.token;
    // The operator builds the datasets: building versions is for curators.
    await grantCurator(hub.url, signedIn.address);
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && r.online), undefined, 'robot online');
    await op.subscribe(robotId);
    expect((await op.requestLease(robotId)).status).toBe('granted');

    // Episodes of different lengths and motions (identical ones would be rejected as duplicates), accepted by a reviewer.
    const reviewer = await signIn(hub.url, keyFor('dataset-reviewer'));
    episodeIds.push(...(await recordAcceptedEpisodes(hub.url, op, robotId, Array.from({ length: EPISODES }, (_, e) => TASKS[e % 2]!), reviewer.token)));
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    duck?.closeSync();
    data.remove();
    downloads.remove();
  });

  it('builds a version from a selection through the API', async () => {
    const bad = await fetch(`${hub.url}/api/v1/datasets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'empty', selection: { task: 'no such task' } }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { message: string }).message).toMatch(/no accepted episode/);
    const res = await fetch(`${hub.url}/api/v1/datasets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'sim-arm-demos', title: 'Simulated arm demos', license: 'CC-BY-4.0', selection: { robotId } }),
    });
    expect(res.status).toBe(202);
    const { datasetId, version } = (await res.json()) as { datasetId: string; version: number };
    const v = await eventually(async () => {
      const r = (await (await fetch(`${hub.url}/api/v1/datasets/${datasetId}/versions/${version}`)).json()) as { state: string; reason: string | null; merkleRoot: string; episodeIds: string[] };
      return r.state !== 'building' ? r : undefined;
    }, undefined, 'version built');
    expect(v.reason).toBeNull();
    expect(v.state).toBe('ready');
    expect(v.episodeIds).toEqual(episodeIds);
    versionDir = await storedVersion(data.path, datasetId, version);
    tree = join(versionDir, 'lerobot');
    versionPrefix = `datasets/${datasetId}/v${version}/`;
    // The build's local scratch files are gone once it is published.
    expect(readdirSync(join(data.path, 'dataset-builds'))).toEqual([]);
    info = JSON.parse(readFileSync(join(tree, 'meta', 'info.json'), 'utf8')) as Info;
  });

  it('writes LeRobot v3.0 metadata whose totals match the data exactly', async () => {
    expect(info.codebase_version).toBe('v3.0');
    expect(info.robot_type).toBe('so101_follower');
    expect(info.fps).toBe(30);
    expect(info.total_episodes).toBe(EPISODES);
    expect(info.total_tasks).toBe(2);
    expect(Object.keys(info.features)).toEqual(['observation.state', 'action', 'observation.images.front', 'observation.images.wrist', 'timestamp', 'frame_index', 'episode_index', 'index', 'task_index']);
    expect(info.features['observation.state']!.names).toEqual(['shoulder_pan.pos', 'shoulder_lift.pos', 'elbow_flex.pos', 'wrist_flex.pos', 'wrist_roll.pos', 'gripper.pos']);
    expect(info.features['observation.images.wrist']).toMatchObject({ dtype: 'video', shape: [120, 160, 3], info: { 'video.codec': 'h264', 'video.fps': 30, 'video.pix_fmt': 'yuv420p' } });
    // Python's json.dump(indent=4): no trailing newline, 4-space indent.
    const text = readFileSync(join(tree, 'meta', 'info.json'), 'utf8');
    expect(text.startsWith('{\n    "codebase_version": "v3.0",')).toBe(true);
    expect(text.endsWith('}')).toBe(true);

    const data = join(tree, 'data', '*', '*.parquet');
    const { n, lo, hi } = await q1<{ n: bigint; lo: bigint; hi: bigint }>(`select count(*) n, min("index") lo, max("index") hi from '${data}'`);
    expect(Number(n)).toBe(info.total_frames);
    expect([Number(lo), Number(hi)]).toEqual([0, info.total_frames - 1]);
    // timestamp = frame_index / fps, exactly as float32; index contiguous; one episode and task per row group.
    const { badTs } = await q1<{ badTs: bigint }>(`select count(*) badTs from '${data}' where timestamp <> cast(frame_index / 30 as float)`);
    expect(Number(badTs)).toBe(0);
    const dataFiles = readdirSync(join(tree, 'data', 'chunk-000'));
    expect(dataFiles.length).toBeGreaterThanOrEqual(2);

    const episodes = await q<EpisodeRow>(`select * from '${join(tree, 'meta', 'episodes', 'chunk-000', 'file-000.parquet')}' order by episode_index`);
    expect(episodes.map((e) => Number(e.episode_index))).toEqual([0, 1, 2, 3, 4]);
    expect(episodes.map((e) => e.tasks)).toEqual(episodeIds.map((_, i) => [TASKS[i % 2]]));
    let from = 0;
    for (const e of episodes) {
      expect(Number(e.dataset_from_index)).toBe(from);
      expect(Number(e.dataset_to_index)).toBe(from + Number(e.length));
      from += Number(e.length);
      const file = join(tree, 'data', `chunk-${String(e['data/chunk_index']).padStart(3, '0')}`, `file-${String(e['data/file_index']).padStart(3, '0')}.parquet`);
      const { nrows, minIdx, maxFrame, eps, tasks } = await q1<{ nrows: bigint; minIdx: bigint; maxFrame: bigint; eps: bigint; tasks: bigint }>(
        `select count(*) nrows, min("index") minIdx, max(frame_index) maxFrame, count(distinct episode_index) eps, count(distinct task_index) tasks from '${file}' where episode_index = ${e.episode_index}`,
      );
      expect(Number(nrows)).toBe(Number(e.length));
      expect(Number(minIdx)).toBe(Number(e.dataset_from_index));
      expect(Number(maxFrame)).toBe(Number(e.length) - 1);
      expect([Number(eps), Number(tasks)]).toEqual([1, 1]);
    }
    expect(from).toBe(info.total_frames);

    // Row groups: one per episode.
    const groups = await q<{ file_name: string; n: bigint }>(`select file_name, count(distinct row_group_id) n from parquet_metadata('${data}') group by file_name`);
    expect(groups.reduce((a, g) => a + Number(g.n), 0)).toBe(EPISODES);

    // tasks.parquet: the task string is the pandas index; task_index matches the rows.
    const tasks = await q<{ task_index: bigint; __index_level_0__: string }>(`select * from '${join(tree, 'meta', 'tasks.parquet')}' order by task_index`);
    expect(tasks.map((t) => [Number(t.task_index), t.__index_level_0__])).toEqual([[0, TASKS[0]], [1, TASKS[1]]]);
    const kv = await q<{ k: string; v: string }>(`select decode(key) k, decode(value) v from parquet_kv_metadata('${join(tree, 'meta', 'tasks.parquet')}')`);
    expect(kv.map((x) => x.k)).toEqual(['pandas', 'ARROW:schema']);
    expect(JSON.parse(kv[0]!.v)).toMatchObject({ index_columns: ['__index_level_0__'] });

    // stats.json covers every feature; counts add up.
    const stats = JSON.parse(readFileSync(join(tree, 'meta', 'stats.json'), 'utf8')) as Record<string, { count: number[]; min: unknown[]; q99: unknown[] }>;
    expect(Object.keys(stats).sort()).toEqual(Object.keys(info.features).sort());
    expect(stats['observation.state']!.count).toEqual([info.total_frames]);
    expect(stats['observation.images.front']!.min).toHaveLength(3);
    expect(stats['observation.images.front']!.min[0]).toEqual([[expect.any(Number)]]);
  });

  it('carries, in every row, the recorded state nearest to its video frame', async () => {
    // Raw bundle: the episode's MCAP is there; rows must hold recorded state vectors, in recorded order.
    const listed = await runHubCli(['dataset', 'list', '--data', data.path, '--json']);
    expect(listed.stderr).toBe('');
    const recorded = JSON.parse(listed.stdout) as { versions: { summary: { totalFrames: number } }[] }[];
    expect(recorded[0]!.versions[0]!.summary.totalFrames).toBe(info.total_frames);
    const rows = await q<{ e: bigint; s: number[] }>(`select episode_index e, "observation.state" s from '${join(tree, 'data', '*', '*.parquet')}' order by "index"`);
    const trajectory = (await (await fetch(`${hub.url}/api/v1/episodes/${episodeIds[0]}/trajectory`, { headers: { authorization: `Bearer ${token}` } })).json()) as { states: number[][] };
    const known = trajectory.states.map((s) => s.slice(1).map((x) => Math.fround(x)).join(',')); // [t, ...positions]
    let last = -1;
    for (const r of rows.filter((x) => Number(x.e) === 0)) {
      const at = known.indexOf(r.s.join(','));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
    }
  });

  it('concatenates videos at constant frame rate so frame k sits at from_timestamp + k/fps', async () => {
    const episodes = await q<EpisodeRow>(`select * from '${join(tree, 'meta', 'episodes', 'chunk-000', 'file-000.parquet')}' order by episode_index`);
    for (const [cam, size] of [['front', [320, 240]], ['wrist', [160, 120]]] as const) {
      const key = `observation.images.${cam}`;
      const files = readdirSync(join(tree, 'videos', key, 'chunk-000')).sort();
      if (cam === 'front') expect(files.length).toBeGreaterThanOrEqual(2); // rolled over
      for (const [f, name] of files.entries()) {
        const probe = ffprobeFrames(join(tree, 'videos', key, 'chunk-000', name));
        expect([probe.width, probe.height]).toEqual(size);
        expect([probe.codec, probe.fps]).toEqual(['h264', '30/1']);
        const inFile = episodes.filter((e) => Number(e[`videos/${key}/file_index`]) === f);
        expect(inFile.length).toBeGreaterThan(0);
        expect(probe.pts.length).toBe(inFile.reduce((a, e) => a + Number(e.length), 0));
        probe.pts.forEach((t, i) => expect(Math.abs(t - i / 30)).toBeLessThan(1e-4));
        for (const e of inFile) {
          const from = e[`videos/${key}/from_timestamp`] as number;
          const to = e[`videos/${key}/to_timestamp`] as number;
          expect(to - from).toBeCloseTo(Number(e.length) / 30, 9);
          const first = Math.round(from * 30);
          expect(Math.abs(probe.pts[first]! - from)).toBeLessThan(1e-4);
          expect(probe.keys[first]).toBe(true); // every episode starts on a key frame
        }
      }
    }
  });

  it('has the structure of the tree LeRobot writes (compared with ../shared fixtures when present)', async () => {
    const kinds = shapes(tree).filter((p) => p !== 'README.md');
    expect(kinds).toEqual([
      'data/chunk-N/file-N.parquet',
      'meta/episodes/chunk-N/file-N.parquet',
      'meta/info.json',
      'meta/stats.json',
      'meta/tasks.parquet',
      'videos/observation.images.front/chunk-N/file-N.mp4',
      'videos/observation.images.wrist/chunk-N/file-N.mp4',
    ]);
    if (!existsSync(REFERENCE)) {
      console.warn(`reference tree not found at ${REFERENCE}: comparison with LeRobot's own output skipped (it runs where ../shared exists, as in CI)`);
      return;
    }
    expect(kinds).toEqual(shapes(REFERENCE));
    const refInfoText = readFileSync(join(REFERENCE, 'meta', 'info.json'), 'utf8');
    const refInfo = JSON.parse(refInfoText) as Info;
    // Same keys, same JSON types, numbers written as ints or floats alike (the size limits are floats in both).
    expect(typeShape(readFileSync(join(tree, 'meta', 'info.json'), 'utf8'))).toEqual(typeShape(refInfoText));
    expect(Object.keys(info)).toEqual(Object.keys(refInfo));
    expect(Object.keys(info.features)).toEqual(Object.keys(refInfo.features));
    for (const [name, f] of Object.entries(refInfo.features)) {
      expect(Object.keys(info.features[name]!)).toEqual(Object.keys(f));
      expect(info.features[name]!.dtype).toBe(f.dtype);
      if (f.info) expect(Object.keys(info.features[name]!.info!)).toEqual(Object.keys(f.info));
    }
    // Identical parquet schemas and metadata keys for every kind of parquet file.
    const schema = async (path: string): Promise<string[]> =>
      (await duck.runAndReadAll(`select name, type, repetition_type, num_children, converted_type, logical_type from parquet_schema('${path}')`)).getRowObjectsJson().map((r) => JSON.stringify(Object.values(r)));
    const kvKeys = async (path: string): Promise<string[]> => (await q<{ k: string }>(`select decode(key) k from parquet_kv_metadata('${path}')`)).map((r) => r.k);
    for (const rel of ['data/chunk-000/file-000.parquet', 'meta/tasks.parquet', 'meta/episodes/chunk-000/file-000.parquet']) {
      expect(await schema(join(tree, rel)), rel).toEqual(await schema(join(REFERENCE, rel)));
      expect(await kvKeys(join(tree, rel)), rel).toEqual(await kvKeys(join(REFERENCE, rel)));
    }
    const refStats = typeShape(readFileSync(join(REFERENCE, 'meta', 'stats.json'), 'utf8')) as Record<string, unknown>;
    const stats = typeShape(readFileSync(join(tree, 'meta', 'stats.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stats).sort()).toEqual(Object.keys(refStats).sort());
    for (const k of Object.keys(refStats)) expect(stats[k], k).toEqual(refStats[k]);
  });

  it('publishes a manifest whose Merkle root covers every file, with a card and the raw recordings', async () => {
    const manifest = JSON.parse(readFileSync(join(versionDir, 'manifest.json'), 'utf8')) as DatasetManifest;
    expect(() => checkDatasetManifest(manifest)).not.toThrow();
    const paths = manifest.files.map((f) => f.path);
    // The store holds exactly the manifest's files and the manifest.
    const stored = await (await testBlobStore(data.path)).list(versionPrefix);
    expect(stored).toEqual([...paths, 'manifest.json'].map((p) => `${versionPrefix}${p}`).sort());
    expect(paths).toContain('lerobot/README.md');
    expect(paths).toContain('provenance/episodes.json');
    for (const id of episodeIds) expect(paths).toEqual(expect.arrayContaining([`raw/${id}/episode.mcap`, `raw/${id}/front.mp4`, `raw/${id}/wrist.mp4`, `raw/${id}/manifest.json`]));
    const card = readFileSync(join(tree, 'README.md'), 'utf8');
    expect(card).toMatch(/^---\nlicense: cc-by-4.0\n/);
    expect(card).toContain(`| episodes | ${EPISODES} |`);
    expect(card).toContain('teleop-hub dataset pull sim-arm-demos@1');
  });

  it('pulls a version over HTTP, resumes an interrupted download, and verify catches corruption and a wrong root', async () => {
    const out = join(downloads.path, 'sim-arm-demos');
    const first = await runHubCli(['dataset', 'pull', 'sim-arm-demos@1', '--hub', hub.url, '--out', out, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ resumed: 0, skipped: 0 });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as DatasetManifest;

    // Interrupt: a video is left half downloaded; the next pull resumes it from its last byte.
    const video = manifest.files.find((f) => f.path.endsWith('.mp4') && f.size > 4096)!;
    const local = join(out, ...video.path.split('/'));
    rmSync(local);
    writeFileSync(`${local}.part`, readFileSync(join(versionDir, ...video.path.split('/'))).subarray(0, Math.floor(video.size / 2)));
    const again = await runHubCli(['dataset', 'pull', 'sim-arm-demos@1', '--hub', hub.url, '--out', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ resumed: 1, downloaded: 1, skipped: manifest.files.length - 1 });
    expect(statSync(local).size).toBe(video.size);
    expect((await runHubCli(['dataset', 'verify', out])).code).toBe(0);

    // The whole version as one tar, with the same bytes.
    const tar = await fetch(`${hub.url}/api/v1/datasets/sim-arm-demos/versions/1/archive.tar`);
    expect(tar.status).toBe(200);
    expect(Number(tar.headers.get('content-length'))).toBe((await tar.arrayBuffer()).byteLength);

    // One flipped byte: verify names the file.
    const target = join(out, 'lerobot', 'meta', 'episodes', 'chunk-000', 'file-000.parquet');
    const bytes = readFileSync(target);
    bytes[100]! ^= 0x01;
    writeFileSync(target, bytes);
    const corrupted = await runHubCli(['dataset', 'verify', out]);
    expect(corrupted.code).toBe(1);
    expect(corrupted.stderr).toContain('lerobot/meta/episodes/chunk-000/file-000.parquet: SHA-256 differs');
    // A truncated file too.
    truncateSync(join(out, 'lerobot', 'meta', 'info.json'), 10);
    expect((await runHubCli(['dataset', 'verify', out])).stderr).toContain('lerobot/meta/info.json: 10 bytes');

    // A wrong expected root (as if the chain recorded another), and a manifest edited to hide a change.
    const wrongRoot = `0x${'ab'.repeat(32)}`;
    const wrong = await runHubCli(['dataset', 'pull', 'sim-arm-demos@1', '--hub', hub.url, '--out', join(downloads.path, 'other'), '--root', wrongRoot]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`is not the expected root ${wrongRoot}`);
    const edited = { ...manifest, files: manifest.files.map((f) => (f.path === 'lerobot/meta/info.json' ? { ...f, size: 10 } : f)) };
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(edited));
    const tampered = await runHubCli(['dataset', 'verify', out]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('is not the root of its files');
  });

  it('serves files with ranges and ETags, and gates priced datasets', async () => {
    const url = `${hub.url}/api/v1/datasets/sim-arm-demos/versions/latest/files/lerobot/meta/info.json`;
    const whole = await fetch(url);
    const body = Buffer.from(await whole.arrayBuffer());
    const etag = `"${createHash('sha256').update(body).digest('hex')}"`;
    if (TEST_BLOBS === 'files') expect(whole.headers.get('etag')).toBe(etag);
    else {
      // From object storage the bytes come by a presigned URL (whose ETag is the storage's; the hub's is the
      // SHA-256), ranges included: the client follows the hub's redirect with its Range header.
      expect(whole.redirected).toBe(true);
      const ranged = await fetch(url, { headers: { range: 'bytes=4-9' } });
      expect(ranged.redirected).toBe(true);
      expect(ranged.status).toBe(206);
      expect(Buffer.from(await ranged.arrayBuffer())).toEqual(body.subarray(4, 10));
      const redirect = await fetch(url, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toContain('X-Amz-Signature=');
      expect(redirect.headers.get('cache-control')).toBe('private, no-store');
    }
    const part = await fetch(url, { headers: { range: 'bytes=4-9', 'if-range': etag } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(body.subarray(4, 10));
    expect((await fetch(url, { headers: { range: 'bytes=4-9', 'if-range': '"stale"' } })).status).toBe(200);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${hub.url}/api/v1/datasets/sim-arm-demos/versions/1/files/..%2F..%2Fhub.db`)).status).toBe(404);

    const priced = await fetch(`${hub.url}/api/v1/datasets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      // The last episode: once sold, an episode enters no free version (the unit exports below take the first two).
      body: JSON.stringify({ name: 'sim-arm-priced', price: '1000', selection: { episodeIds: episodeIds.slice(-1) } }),
    });
    expect(priced.status).toBe(202);
    await eventually(async () => ((await (await fetch(`${hub.url}/api/v1/datasets/sim-arm-priced/versions/1`)).json()) as { state: string }).state === 'ready' || undefined, undefined, 'priced version built');
    const file = `${hub.url}/api/v1/datasets/sim-arm-priced/versions/1/files/lerobot/meta/info.json`;
    const stranger = await signIn(hub.url, keyFor('stranger'));
    expect((await fetch(file)).status).toBe(402);
    expect((await fetch(file, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(402);
    expect((await fetch(`${hub.url}/api/v1/datasets/sim-arm-priced/versions/1/manifest`)).status).toBe(200); // the manifest stays public
    expect((await fetch(file, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200); // its creator, who operated its episode
  });

  it("exports in LeRobot's SO-101 units on request: degrees, or -100..100, with the gripper 0..100 over its range", async () => {
    const build = async (name: string, units: string): Promise<string> => {
      const res = await fetch(`${hub.url}/api/v1/datasets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, units, selection: { episodeIds: episodeIds.slice(0, 2) } }),
      });
      expect(res.status).toBe(202);
      const { datasetId } = (await res.json()) as { datasetId: string };
      const v = await eventually(async () => {
        const x = (await (await fetch(`${hub.url}/api/v1/datasets/${name}/versions/1`)).json()) as { state: string; reason: string | null };
        return x.state !== 'building' ? x : undefined;
      }, undefined, `${name} built`);
      expect(v.reason).toBeNull();
      return await storedVersion(data.path, datasetId, 1);
    };
    const bad = await fetch(`${hub.url}/api/v1/datasets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bad-units', units: 'furlongs', selection: { robotId } }) });
    expect(bad.status).toBe(400);
    const degrees = await build('sim-arm-degrees', 'degrees');
    const normalized = await build('sim-arm-normalized', 'normalized');
    const rows = async (dir: string): Promise<number[][]> =>
      (await q<{ s: number[] }>(`select "observation.state" s from '${join(dir, 'lerobot', 'data', '*', '*.parquet')}' order by "index"`)).map((r) => [...r.s]);
    // The same first two episodes in radians, from the first dataset.
    const rad = (await rows(versionDir)).slice(0, (await rows(degrees)).length);
    const limits = (JSON.parse(readFileSync(join(degrees, 'provenance', 'episodes.json'), 'utf8')) as { units: string; joint_limits: { name: string; min: number; max: number }[] }[])[0]!;
    expect(limits.units).toBe('degrees');
    const g = limits.joint_limits.find((l) => l.name === 'gripper')!;
    const deg = await rows(degrees);
    const norm = await rows(normalized);
    expect(deg.length).toBe(rad.length);
    for (let k = 0; k < rad.length; k++) {
      for (let j = 0; j < 5; j++) {
        expect(deg[k]![j]).toBeCloseTo((rad[k]![j]! * 180) / Math.PI, 3);
        const l = limits.joint_limits[j]!;
        expect(norm[k]![j]).toBeCloseTo(((rad[k]![j]! - l.min) / (l.max - l.min)) * 200 - 100, 3);
      }
      expect(deg[k]![5]).toBeCloseTo(((rad[k]![5]! - g.min) / (g.max - g.min)) * 100, 3);
      expect(norm[k]![5]).toBe(deg[k]![5]);
    }
    expect(readFileSync(join(degrees, 'lerobot', 'README.md'), 'utf8')).toContain("LeRobot's SO-101 `use_degrees` convention");
  });
});
