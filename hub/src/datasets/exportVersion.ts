// Builds one dataset version into a directory:
//
//   lerobot/     a LeRobot codebase v3.0 dataset (meta/info.json, meta/stats.json,
//                meta/tasks.parquet, meta/episodes/..., data/..., videos/...)
//                with its dataset card (README.md)
//   raw/         each episode as recorded: episode.mcap, one MP4 per camera and
//                the robot-signed manifest
//   provenance/episodes.json   where every dataset episode came from: source
//                episode, robot, operator, quality, and frames dropped
//   manifest.json   every other file with size and SHA-256, and their Merkle root
//
// Rows sit on the recorded camera frames: row k of an episode is video frame
// k of each camera, and carries the state and action recorded nearest to that
// frame's capture time. `timestamp` is k / fps as LeRobot requires; frames a
// camera dropped are not invented, they are reported (card, provenance).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { datasetManifestHash, datasetMerkleRoot, type DatasetFile, type DatasetManifest, type EpisodeManifest, type SignedManifest } from '@teleop/proto';
import { readRecording, type Recording } from '../episodes/readRecording.ts';
import type { TeleopQuality } from '../episodes/EpisodeService.ts';
import { episodeBlobKey, withLocalFiles, type BlobStore } from '../store/BlobStore.ts';
import type { HubDb } from '../store/database.ts';
import type { DatasetsTable, DatasetVersionsTable } from '../store/schema.ts';
import { datasetCard } from './datasetCard.ts';
import { ParquetFileWriter, T, huggingfaceMetadata, pandasTasksMetadata, type Column } from './lerobot/parquet.ts';
import { pyFloat, pyJson, type PyValue } from './lerobot/pyJson.ts';
import { STAT_KEYS, aggregateStats, imageSampleCount, imageStats, scalarStats, vectorStats, type FeatureStats } from './lerobot/stats.ts';
import { concatVideos, sampleFrames } from './lerobot/videos.ts';

export interface ExportLimits {
  /** LeRobot's data_files_size_in_mb (default 100). */
  dataFilesSizeMb: number;
  /** LeRobot's video_files_size_in_mb (default 200). */
  videoFilesSizeMb: number;
  /** Files per chunk directory (default 1000). */
  chunksSize: number;
}

export const DEFAULT_LIMITS: ExportLimits = { dataFilesSizeMb: 100, videoFilesSizeMb: 200, chunksSize: 1000 };

export interface VersionSummary {
  codebaseVersion: 'v3.0';
  robotType: string;
  fps: number;
  totalEpisodes: number;
  totalFrames: number;
  totalTasks: number;
  tasks: string[];
  hours: number;
  cameras: { key: string; width: number; height: number; codec: string }[];
  jointNames: string[];
  droppedFrames: { total: number; episodes: number };
  quality: { min: number | null; mean: number | null; max: number | null };
  files: number;
  bytes: { lerobot: number; raw: number; total: number };
}

export class DatasetBuildError extends Error {
  override name = 'DatasetBuildError';
}

interface SourceEpisode {
  id: string;
  task: string;
  robotId: string;
  robotModel: string;
  operator: string;
  outcome: string | null;
  score: number | null;
  startedAt: string;
  quality: TeleopQuality | null;
  signed: SignedManifest;
  manifest: EpisodeManifest;
  recording: Recording;
}

interface EpisodeRows {
  length: number;
  state: number[][];
  action: number[][];
  /** Per camera: worst |capture time - reference frame time|, ms. */
  cameraSkewMs: Record<string, number>;
  /** Worst |state time - frame time| and |action time - frame time|, ms. */
  stateOffsetMs: number;
  actionOffsetMs: number;
}

const chunkFile = (n: number, chunksSize: number): { chunk: number; file: number } => ({ chunk: Math.floor(n / chunksSize), file: n % chunksSize });
const pad3 = (n: number): string => String(n).padStart(3, '0');
const dataPath = (c: { chunk: number; file: number }): string => `data/chunk-${pad3(c.chunk)}/file-${pad3(c.file)}.parquet`;
const videoPath = (key: string, c: { chunk: number; file: number }): string => `videos/${key}/chunk-${pad3(c.chunk)}/file-${pad3(c.file)}.mp4`;

/** Index of the element of sorted `times` nearest to t, starting the search at `from` (monotonic sweeps). */
function nearest(times: bigint[], t: bigint, from: number): number {
  let i = Math.max(0, Math.min(from, times.length - 1));
  while (i + 1 < times.length && times[i + 1]! <= t) i++;
  if (i + 1 < times.length) {
    const a = t - times[i]!;
    const b = times[i + 1]! - t;
    if ((b < 0n ? -b : b) < (a < 0n ? -a : a)) return i + 1;
  }
  return i;
}

/** Runs tasks with at most `limit` at a time; rejects with the first failure. */
async function runLimited(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

const absMs = (ns: bigint): number => Number(ns < 0n ? -ns : ns) / 1e6;

/**
 * The conversion of one episode's joint vectors to the dataset's units. degrees and normalized follow LeRobot's
 * SO-101 conventions on positions that are radians with zero at the middle of each calibrated range (the so101
 * driver's): degrees = rad × 180/π, normalized = -100..100 over the joint's range; a joint named "gripper" is
 * 0..100 over its range in both. The ranges are the joint limits the robot described, carried in its signed
 * manifest.
 */
export function unitConverter(units: string, m: EpisodeManifest): (v: number[]) => number[] {
  if (units === 'radians') return (v) => v;
  if (units !== 'degrees' && units !== 'normalized') throw new DatasetBuildError(`unknown units ${units}`);
  const limits = m.jointNames.map((name) => m.jointLimits?.find((l) => l.name === name));
  const bad = m.jointNames.filter((_, i) => {
    const l = limits[i];
    return !l || !Number.isFinite(l.min) || !Number.isFinite(l.max) || l.max <= l.min;
  });
  if (bad.length) throw new DatasetBuildError(`episode ${m.episodeId} carries no usable limits for ${bad.join(', ')} (recorded by an older agent?): build this dataset in radians`);
  const span = (i: number, x: number): number => {
    const l = limits[i]!;
    return (Math.min(l.max, Math.max(l.min, x)) - l.min) / (l.max - l.min);
  };
  return (v) =>
    v.map((x, i) => {
      if (m.jointNames[i] === 'gripper') return span(i, x) * 100;
      return units === 'degrees' ? (x * 180) / Math.PI : span(i, x) * 200 - 100;
    });
}

/** Resamples an episode onto its frames. */
export function episodeRows(src: { manifest: EpisodeManifest; recording: Recording }): EpisodeRows {
  const { manifest: m, recording: r } = src;
  if (r.states.length === 0 || r.actions.length === 0) throw new DatasetBuildError(`episode ${m.episodeId} has no state or action samples`);
  const cams = m.cameras.map((c) => ({ name: c.name, frames: [...(r.frames.get(c.name) ?? [])].sort((a, b) => a.index - b.index) }));
  let times: bigint[];
  if (cams.length > 0) {
    const length = Math.min(...cams.map((c) => c.frames.length), ...m.cameras.map((c) => c.frames));
    times = cams[0]!.frames.slice(0, length).map((f) => f.t);
  } else {
    times = r.states.map((s) => s.t);
  }
  const length = times.length;
  if (length === 0) throw new DatasetBuildError(`episode ${m.episodeId} has no frames`);
  const stateTimes = r.states.map((s) => s.t);
  const actionTimes = r.actions.map((a) => a.t);
  const out: EpisodeRows = { length, state: [], action: [], cameraSkewMs: {}, stateOffsetMs: 0, actionOffsetMs: 0 };
  let si = 0;
  let ai = 0;
  for (let k = 0; k < length; k++) {
    const t = times[k]!;
    si = nearest(stateTimes, t, si);
    ai = nearest(actionTimes, t, ai);
    out.state.push(r.states[si]!.positions);
    out.action.push(r.actions[ai]!.positions);
    out.stateOffsetMs = Math.max(out.stateOffsetMs, absMs(stateTimes[si]! - t));
    out.actionOffsetMs = Math.max(out.actionOffsetMs, absMs(actionTimes[ai]! - t));
  }
  for (const c of cams) {
    let worst = 0;
    for (let k = 0; k < length; k++) worst = Math.max(worst, absMs(c.frames[k]!.t - times[k]!));
    out.cameraSkewMs[c.name] = Number(worst.toFixed(3));
  }
  return out;
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk(root);
  return out.sort();
}

/** A hard link where the file system allows (blobs never change), a copy elsewhere. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/** Python-JSON value of a statistic: ints stay ints for int64 features' min/max and for count. */
function statsJson(s: FeatureStats, kind: 'vector' | 'image' | 'int' | 'float'): Record<string, PyValue> {
  const out: Record<string, PyValue> = {};
  for (const key of STAT_KEYS) {
    const values = s[key] as number[];
    if (key === 'count') out[key] = [values[0]!];
    else if (kind === 'image') out[key] = values.map((v) => [[pyFloat(v)]]);
    else if (kind === 'int' && (key === 'min' || key === 'max')) out[key] = values.map((v) => Math.round(v));
    else out[key] = values.map((v) => pyFloat(v));
  }
  return out;
}

export interface BuildContext {
  db: HubDb;
  blobs: BlobStore;
  limits: ExportLimits;
  /** Public URL of the hub, for the dataset card. */
  hubUrl: string;
  chainId: number;
}

export async function buildDatasetVersion(
  ctx: BuildContext,
  o: { dir: string; dataset: DatasetsTable; version: DatasetVersionsTable; episodeIds: string[] },
): Promise<{ manifest: DatasetManifest; manifestHash: string; summary: VersionSummary; sizeBytes: number }> {
  const { limits } = ctx;
  // 1. The source episodes, checked to fit one dataset.
  const rows = await ctx.db
    .selectFrom('episodes')
    .innerJoin('robots', 'robots.id', 'episodes.robot_id')
    .select(['episodes.id', 'episodes.task', 'episodes.robot_id', 'episodes.operator', 'episodes.outcome', 'episodes.score', 'episodes.started_at', 'episodes.quality', 'episodes.manifest', 'episodes.state', 'robots.model'])
    .where('episodes.id', 'in', o.episodeIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sources: SourceEpisode[] = [];
  for (const id of o.episodeIds) {
    const r = byId.get(id);
    if (!r || r.state !== 'accepted' || !r.manifest) throw new DatasetBuildError(`episode ${id} is not an accepted episode with a manifest`);
    const signed = JSON.parse(r.manifest) as SignedManifest;
    sources.push({
      id,
      task: r.task,
      robotId: r.robot_id,
      robotModel: r.model,
      operator: r.operator,
      outcome: r.outcome,
      score: r.score,
      startedAt: r.started_at,
      quality: r.quality ? (JSON.parse(r.quality) as TeleopQuality) : null,
      signed,
      manifest: signed.manifest,
      recording: await ctx.blobs.withLocalFile(episodeBlobKey(id, 'episode.mcap'), readRecording),
    });
  }
  const first = sources[0]!.manifest;
  const fps = first.fps;
  const cameraShape = (m: EpisodeManifest): string => m.cameras.map((c) => `${c.name} ${c.width}x${c.height} ${c.codec} ${c.fps}fps`).join(', ');
  for (const s of sources) {
    const m = s.manifest;
    const problems: string[] = [];
    if (m.fps !== fps) problems.push(`fps ${m.fps} (dataset: ${fps})`);
    if (m.jointNames.join(',') !== first.jointNames.join(',')) problems.push(`joints ${m.jointNames.join(',')} (dataset: ${first.jointNames.join(',')})`);
    if (cameraShape(m) !== cameraShape(first)) problems.push(`cameras [${cameraShape(m)}] (dataset: [${cameraShape(first)}])`);
    if (m.cameras.some((c) => c.fps !== fps)) problems.push('a camera records at another rate than the dataset fps');
    if (s.robotModel !== sources[0]!.robotModel) problems.push(`robot model ${s.robotModel} (dataset: ${sources[0]!.robotModel})`);
    if (problems.length) throw new DatasetBuildError(`episode ${s.id} does not fit with episode ${sources[0]!.id} in one dataset: ${problems.join('; ')}`);
  }

  const root = join(o.dir, 'lerobot');
  await mkdir(join(root, 'meta', 'episodes', 'chunk-000'), { recursive: true });
  const names = first.jointNames.map((j) => `${j}.pos`);
  const videoKeys = first.cameras.map((c) => `observation.images.${c.name}`);
  const features: Record<string, { dtype: string; shape: number[]; names: string[] | null; info?: Record<string, PyValue> }> = {
    'observation.state': { dtype: 'float32', shape: [names.length], names },
    action: { dtype: 'float32', shape: [names.length], names },
  };
  first.cameras.forEach((c, i) => {
    features[videoKeys[i]!] = {
      dtype: 'video',
      shape: [c.height, c.width, 3],
      names: ['height', 'width', 'channels'],
      info: { 'video.height': c.height, 'video.width': c.width, 'video.codec': c.codec, 'video.pix_fmt': 'yuv420p', 'video.is_depth_map': false, 'video.fps': c.fps, 'video.channels': 3, has_audio: false },
    };
  });
  for (const [name, dtype] of [['timestamp', 'float32'], ['frame_index', 'int64'], ['episode_index', 'int64'], ['index', 'int64'], ['task_index', 'int64']] as const) {
    features[name] = { dtype, shape: [1], names: null };
  }

  // 2. Tasks, in order of first appearance.
  const tasks: string[] = [];
  for (const s of sources) if (!tasks.includes(s.task)) tasks.push(s.task);

  // 3. Data files, one row group per episode, rolling over at the size limit.
  const dataColumns: Column[] = [
    { name: 'observation.state', type: T.fixedList(names.length, T.float32) },
    { name: 'action', type: T.fixedList(names.length, T.float32) },
    { name: 'timestamp', type: T.float32 },
    { name: 'frame_index', type: T.int64 },
    { name: 'episode_index', type: T.int64 },
    { name: 'index', type: T.int64 },
    { name: 'task_index', type: T.int64 },
  ];
  const dataLimit = limits.dataFilesSizeMb * 1024 * 1024;
  let dataFileNo = 0;
  let writer: ParquetFileWriter | null = null;
  const openData = async (): Promise<ParquetFileWriter> => {
    const path = join(root, dataPath(chunkFile(dataFileNo, limits.chunksSize)));
    await mkdir(dirname(path), { recursive: true });
    return new ParquetFileWriter(path, dataColumns, [['huggingface', huggingfaceMetadata(features)]]);
  };
  interface EpisodeMeta {
    rows: EpisodeRows;
    data: { chunk: number; file: number };
    from: number;
    stats: Record<string, FeatureStats>;
    videos: Record<string, { chunk: number; file: number; from: number; to: number }>;
  }
  const metas: EpisodeMeta[] = [];
  let globalIndex = 0;
  for (const [e, s] of sources.entries()) {
    const r = episodeRows(s);
    const convert = unitConverter(o.dataset.units, s.manifest);
    r.state = r.state.map(convert);
    r.action = r.action.map(convert);
    writer ??= await openData();
    if (writer.rows > 0 && (writer.offset / writer.rows) * r.length + writer.offset >= dataLimit) {
      writer.finish();
      dataFileNo++;
      writer = await openData();
    }
    const taskIndex = tasks.indexOf(s.task);
    const frameIndex = Array.from({ length: r.length }, (_, k) => k);
    const timestamps = frameIndex.map((k) => Math.fround(k / fps));
    const index = frameIndex.map((k) => globalIndex + k);
    writer.write({
      'observation.state': r.state.map((v) => v.map(Math.fround)),
      action: r.action.map((v) => v.map(Math.fround)),
      timestamp: timestamps,
      frame_index: frameIndex,
      episode_index: frameIndex.map(() => e),
      index,
      task_index: frameIndex.map(() => taskIndex),
    });
    metas.push({
      rows: r,
      data: chunkFile(dataFileNo, limits.chunksSize),
      from: globalIndex,
      stats: {
        'observation.state': vectorStats(r.state.map((v) => v.map(Math.fround))),
        action: vectorStats(r.action.map((v) => v.map(Math.fround))),
        timestamp: scalarStats(timestamps),
        frame_index: scalarStats(frameIndex),
        episode_index: scalarStats(frameIndex.map(() => e)),
        index: scalarStats(index),
        task_index: scalarStats(frameIndex.map(() => taskIndex)),
      },
      videos: {},
    });
    globalIndex += r.length;
  }
  writer!.finish();

  // 4. Videos: per camera, episodes appended to a file until it would pass the size limit.
  await withLocalFiles(ctx.blobs, sources.flatMap((s) => s.manifest.cameras.map((c) => episodeBlobKey(s.id, c.file))), async (localPath) => {
    const sampling: (() => Promise<void>)[] = [];
    const videoLimit = limits.videoFilesSizeMb * 1024 * 1024;
    for (const [ci, cam] of first.cameras.entries()) {
      const key = videoKeys[ci]!;
      const files: { parts: { path: string; frames: number; available: number }[] }[] = [];
      let bytes = 0;
      let framesInFile = 0;
      for (const [e, s] of sources.entries()) {
        const src = localPath(episodeBlobKey(s.id, s.manifest.cameras[ci]!.file));
        const size = (await stat(src)).size;
        const length = metas[e]!.rows.length;
        if (files.length === 0 || (bytes > 0 && bytes + size >= videoLimit)) {
          files.push({ parts: [] });
          bytes = 0;
          framesInFile = 0;
        }
        files.at(-1)!.parts.push({ path: src, frames: length, available: s.manifest.cameras[ci]!.frames });
        const at = chunkFile(files.length - 1, limits.chunksSize);
        metas[e]!.videos[key] = { ...at, from: framesInFile / fps, to: (framesInFile + length) / fps };
        bytes += size;
        framesInFile += length;
        sampling.push(async () => {
          const sampled = await sampleFrames(src, { width: cam.width, height: cam.height, frames: s.manifest.cameras[ci]!.frames, count: imageSampleCount(length), codec: cam.codec });
          metas[e]!.stats[key] = imageStats(sampled);
        });
      }
      for (const [f, file] of files.entries()) {
        const out = join(root, videoPath(key, chunkFile(f, limits.chunksSize)));
        await mkdir(dirname(out), { recursive: true });
        sampling.push(() => concatVideos(out, file.parts, fps));
      }
    }
    // ffmpeg work (frame sampling for image statistics, concatenation), two processes at a time.
    await runLimited(sampling, 2);
  });

  // 5. meta/tasks.parquet: the task string is the pandas index.
  const tasksWriter = new ParquetFileWriter(join(root, 'meta', 'tasks.parquet'), [{ name: 'task_index', type: T.int64 }, { name: '__index_level_0__', type: T.utf8 }], [['pandas', pandasTasksMetadata()]]);
  tasksWriter.write({ task_index: tasks.map((_, i) => i), __index_level_0__: tasks });
  tasksWriter.finish();

  // 6. meta/episodes: one row per episode, row groups of 10 as LeRobot flushes them.
  const featureKinds = Object.entries(features).map(([name, f]) => ({ name, kind: f.dtype === 'video' ? ('image' as const) : f.dtype === 'int64' ? ('int' as const) : f.shape[0] === 1 ? ('float' as const) : ('vector' as const) }));
  const episodeColumns: Column[] = [
    { name: 'episode_index', type: T.int64 },
    { name: 'tasks', type: T.list(T.utf8) },
    { name: 'length', type: T.int64 },
    { name: 'data/chunk_index', type: T.int64 },
    { name: 'data/file_index', type: T.int64 },
    { name: 'dataset_from_index', type: T.int64 },
    { name: 'dataset_to_index', type: T.int64 },
    ...videoKeys.flatMap((k) => [
      { name: `videos/${k}/chunk_index`, type: T.int64 },
      { name: `videos/${k}/file_index`, type: T.int64 },
      { name: `videos/${k}/from_timestamp`, type: T.float64 },
      { name: `videos/${k}/to_timestamp`, type: T.float64 },
    ]),
    ...featureKinds.flatMap(({ name, kind }) =>
      STAT_KEYS.map((s) => ({
        name: `stats/${name}/${s}`,
        type: s === 'count' ? T.list(T.int64) : kind === 'image' ? T.list(T.list(T.list(T.float64))) : kind === 'int' && (s === 'min' || s === 'max') ? T.list(T.int64) : T.list(T.float64),
      })),
    ),
    { name: 'meta/episodes/chunk_index', type: T.int64 },
    { name: 'meta/episodes/file_index', type: T.int64 },
  ];
  const episodesWriter = new ParquetFileWriter(join(root, 'meta', 'episodes', 'chunk-000', 'file-000.parquet'), episodeColumns, []);
  for (let start = 0; start < sources.length; start += 10) {
    const batch = metas.slice(start, start + 10);
    const cols: Record<string, (number | string | null | (number | string | null | number[][])[])[]> = {};
    const put = (name: string, v: never): void => {
      (cols[name] ??= []).push(v);
    };
    batch.forEach((m, i) => {
      const e = start + i;
      put('episode_index', e as never);
      put('tasks', [sources[e]!.task] as never);
      put('length', m.rows.length as never);
      put('data/chunk_index', m.data.chunk as never);
      put('data/file_index', m.data.file as never);
      put('dataset_from_index', m.from as never);
      put('dataset_to_index', (m.from + m.rows.length) as never);
      for (const k of videoKeys) {
        const v = m.videos[k]!;
        put(`videos/${k}/chunk_index`, v.chunk as never);
        put(`videos/${k}/file_index`, v.file as never);
        put(`videos/${k}/from_timestamp`, v.from as never);
        put(`videos/${k}/to_timestamp`, v.to as never);
      }
      for (const { name, kind } of featureKinds) {
        const st = m.stats[name]!;
        for (const s of STAT_KEYS) {
          const values = st[s] as number[];
          put(`stats/${name}/${s}`, (s === 'count' ? [values[0]] : kind === 'image' ? values.map((v) => [[v]]) : kind === 'int' && (s === 'min' || s === 'max') ? values.map((v) => Math.round(v)) : values) as never);
        }
      }
      put('meta/episodes/chunk_index', 0 as never);
      put('meta/episodes/file_index', 0 as never);
    });
    episodesWriter.write(cols as never);
  }
  episodesWriter.finish();

  // 7. meta/stats.json and meta/info.json, written as Python's json.dump(indent=4) writes them.
  const stats: Record<string, PyValue> = {};
  for (const { name, kind } of featureKinds) stats[name] = statsJson(aggregateStats(metas.map((m) => m.stats[name]!)), kind);
  await writeFile(join(root, 'meta', 'stats.json'), pyJson(stats, { indent: 4, ensureAscii: false }));
  const totalFrames = globalIndex;
  const info: Record<string, PyValue> = {
    codebase_version: 'v3.0',
    robot_type: sources[0]!.robotModel,
    total_episodes: sources.length,
    total_frames: totalFrames,
    total_tasks: tasks.length,
    chunks_size: limits.chunksSize,
    data_files_size_in_mb: limits.dataFilesSizeMb,
    video_files_size_in_mb: limits.videoFilesSizeMb,
    fps,
    splits: { train: `0:${sources.length}` },
    data_path: 'data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet',
    video_path: videoKeys.length ? 'videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4' : null,
    features: Object.fromEntries(
      Object.entries(features).map(([k, f]) => [k, { dtype: f.dtype, shape: f.shape, names: f.names, ...(f.info ? { info: f.info } : {}) }]),
    ),
  };
  await writeFile(join(root, 'meta', 'info.json'), pyJson(info, { indent: 4, ensureAscii: false }));

  // 8. Raw bundle and provenance.
  for (const s of sources) {
    const names = ['episode.mcap', ...s.manifest.cameras.map((c) => c.file)];
    for (const n of names) await ctx.blobs.withLocalFile(episodeBlobKey(s.id, n), (path) => linkOrCopy(path, join(o.dir, 'raw', s.id, n)));
    await writeFile(join(o.dir, 'raw', s.id, 'manifest.json'), JSON.stringify(s.signed, null, 2));
  }
  const provenance = sources.map((s, e) => ({
    episode_index: e,
    episode_id: s.id,
    robot_id: s.robotId,
    robot_signer: s.signed.signer,
    operator: s.operator,
    task: s.task,
    outcome: s.outcome,
    quality_score: s.score,
    started_at: s.startedAt,
    length: metas[e]!.rows.length,
    cameras: Object.fromEntries(
      s.manifest.cameras.map((c) => [
        c.name,
        { recorded_frames: c.frames, dropped_frames: c.droppedFrames, exported_frames: metas[e]!.rows.length, max_skew_to_reference_ms: metas[e]!.rows.cameraSkewMs[c.name] ?? 0 },
      ]),
    ),
    state_max_offset_ms: Number(metas[e]!.rows.stateOffsetMs.toFixed(3)),
    action_max_offset_ms: Number(metas[e]!.rows.actionOffsetMs.toFixed(3)),
    teleop_quality: s.quality,
    // What observation.state and action are in, and the joint limits (radians) any conversion used.
    units: o.dataset.units,
    joint_limits: s.manifest.jointLimits ?? null,
  }));
  await mkdir(join(o.dir, 'provenance'), { recursive: true });
  await writeFile(join(o.dir, 'provenance', 'episodes.json'), `${JSON.stringify(provenance, null, 2)}\n`);

  // 9. Summary and the dataset card.
  const dropped = sources.map((s) => s.manifest.cameras.reduce((a, c) => a + c.droppedFrames, 0));
  const scores = sources.map((s) => s.score).filter((x): x is number => x !== null);
  const summaryBase = {
    codebaseVersion: 'v3.0' as const,
    robotType: sources[0]!.robotModel,
    fps,
    totalEpisodes: sources.length,
    totalFrames,
    totalTasks: tasks.length,
    tasks,
    hours: totalFrames / fps / 3600,
    cameras: first.cameras.map((c, i) => ({ key: videoKeys[i]!, width: c.width, height: c.height, codec: c.codec })),
    jointNames: names,
    droppedFrames: { total: dropped.reduce((a, b) => a + b, 0), episodes: dropped.filter((d) => d > 0).length },
    quality: scores.length ? { min: Math.min(...scores), mean: scores.reduce((a, b) => a + b, 0) / scores.length, max: Math.max(...scores) } : { min: null, mean: null, max: null },
  };
  await writeFile(
    join(root, 'README.md'),
    datasetCard({ dataset: o.dataset, version: o.version, summary: summaryBase, provenance, hubUrl: ctx.hubUrl, chainId: ctx.chainId }),
  );

  // 10. The manifest: every file, its digest, and the Merkle root over them.
  const files: DatasetFile[] = [];
  let lerobotBytes = 0;
  let rawBytes = 0;
  for (const path of await listFiles(o.dir)) {
    const rel = relative(o.dir, path).split(sep).join('/');
    const size = (await stat(path)).size;
    if (rel.startsWith('lerobot/')) lerobotBytes += size;
    if (rel.startsWith('raw/')) rawBytes += size;
    files.push({ path: rel, size, sha256: await sha256File(path) });
  }
  const manifest: DatasetManifest = {
    format: 'teleop-hub/dataset-manifest',
    version: 1,
    dataset: { id: o.dataset.id, name: o.dataset.name, version: o.version.version, parentVersion: o.version.parent_version, license: o.dataset.license, createdAt: o.version.created_at },
    episodes: sources.map((s) => s.id),
    files,
    merkle: { root: datasetMerkleRoot(files), leaf: ['string', 'uint256', 'bytes32'], tree: 'openzeppelin-standard' },
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(o.dir, 'manifest.json'), manifestText);
  const sizeBytes = files.reduce((a, f) => a + f.size, 0) + Buffer.byteLength(manifestText);
  const summary: VersionSummary = { ...summaryBase, files: files.length + 1, bytes: { lerobot: lerobotBytes, raw: rawBytes, total: sizeBytes } };
  return { manifest, manifestHash: datasetManifestHash(manifest), summary, sizeBytes };
}
