// Step 4: what describes the data. LeRobot's meta/ files (tasks.parquet,
// episodes/chunk-000/file-000.parquet, stats.json, info.json, the JSON written
// as Python's json.dump(indent=4) writes it), provenance/episodes.json, and
// the dataset card (README.md).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VersionSummary } from '../datasetRecords.ts';
import { ParquetFileWriter, T, pandasTasksMetadata, type Column } from '../lerobot/parquet.ts';
import { pyFloat, pyJson, type PyValue } from '../lerobot/pyJson.ts';
import { STAT_KEYS, aggregateStats, type FeatureStats } from '../lerobot/stats.ts';
import type { BuildBase } from './buildContext.ts';
import type { DataFiles } from './dataFiles.ts';
import { datasetCard } from './datasetCard.ts';
import { provenanceRows, type ProvenanceRow } from './provenance.ts';
import type { Sources } from './sources.ts';
import type { VideoFiles } from './videoFiles.ts';

export type SummaryBase = Omit<VersionSummary, 'files' | 'bytes'>;

export interface Metadata {
  provenance: ProvenanceRow[];
  /** The version's summary but for its files and bytes (known once the manifest is made). */
  summaryBase: SummaryBase;
}

type FeatureKind = 'vector' | 'image' | 'int' | 'float';

/** Python-JSON value of a statistic: ints stay ints for int64 features' min/max and for count. */
function statsJson(s: FeatureStats, kind: FeatureKind): Record<string, PyValue> {
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

export async function writeMetadata(ctx: BuildBase & Sources & DataFiles & VideoFiles): Promise<Metadata> {
  const { limits, sources, episodeData, episodeVideos, totalFrames } = ctx;
  const { fps, robotType, cameras, jointNames, videoKeys, features, tasks } = ctx.shape;
  const root = join(ctx.scratch, 'lerobot');
  await mkdir(join(root, 'meta', 'episodes', 'chunk-000'), { recursive: true });
  const statsOf = (e: number): Record<string, FeatureStats> => ({ ...episodeData[e]!.stats, ...episodeVideos[e]!.stats });

  // meta/tasks.parquet: the task string is the pandas index.
  const tasksWriter = new ParquetFileWriter(join(root, 'meta', 'tasks.parquet'), [{ name: 'task_index', type: T.int64 }, { name: '__index_level_0__', type: T.utf8 }], [['pandas', pandasTasksMetadata()]]);
  tasksWriter.write({ task_index: tasks.map((_, i) => i), __index_level_0__: tasks });
  tasksWriter.finish();

  // meta/episodes: one row per episode, row groups of 10 as LeRobot flushes them.
  const featureKinds = Object.entries(features).map(([name, f]) => ({ name, kind: (f.dtype === 'video' ? 'image' : f.dtype === 'int64' ? 'int' : f.shape[0] === 1 ? 'float' : 'vector') as FeatureKind }));
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
    const cols: Record<string, (number | string | null | (number | string | null | number[][])[])[]> = {};
    const put = (name: string, v: never): void => {
      (cols[name] ??= []).push(v);
    };
    for (let e = start; e < Math.min(start + 10, sources.length); e++) {
      const d = episodeData[e]!;
      const stats = statsOf(e);
      put('episode_index', e as never);
      put('tasks', [sources[e]!.task] as never);
      put('length', d.rows.length as never);
      put('data/chunk_index', d.data.chunk as never);
      put('data/file_index', d.data.file as never);
      put('dataset_from_index', d.from as never);
      put('dataset_to_index', (d.from + d.rows.length) as never);
      for (const k of videoKeys) {
        const v = episodeVideos[e]!.placement[k]!;
        put(`videos/${k}/chunk_index`, v.chunk as never);
        put(`videos/${k}/file_index`, v.file as never);
        put(`videos/${k}/from_timestamp`, v.from as never);
        put(`videos/${k}/to_timestamp`, v.to as never);
      }
      for (const { name, kind } of featureKinds) {
        const st = stats[name]!;
        for (const s of STAT_KEYS) {
          const values = st[s] as number[];
          put(`stats/${name}/${s}`, (s === 'count' ? [values[0]] : kind === 'image' ? values.map((v) => [[v]]) : kind === 'int' && (s === 'min' || s === 'max') ? values.map((v) => Math.round(v)) : values) as never);
        }
      }
      put('meta/episodes/chunk_index', 0 as never);
      put('meta/episodes/file_index', 0 as never);
    }
    episodesWriter.write(cols as never);
  }
  episodesWriter.finish();

  // meta/stats.json and meta/info.json.
  const stats: Record<string, PyValue> = {};
  for (const { name, kind } of featureKinds) stats[name] = statsJson(aggregateStats(sources.map((_, e) => statsOf(e)[name]!)), kind);
  await writeFile(join(root, 'meta', 'stats.json'), pyJson(stats, { indent: 4, ensureAscii: false }));
  const info: Record<string, PyValue> = {
    codebase_version: 'v3.0',
    robot_type: robotType,
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

  // provenance/episodes.json.
  const provenance = provenanceRows({ ...ctx, units: ctx.dataset.units });
  await mkdir(join(ctx.scratch, 'provenance'), { recursive: true });
  await writeFile(join(ctx.scratch, 'provenance', 'episodes.json'), `${JSON.stringify(provenance, null, 2)}\n`);

  // The dataset card.
  const dropped = sources.map((s) => s.manifest.cameras.reduce((a, c) => a + c.droppedFrames, 0));
  const scores = sources.map((s) => s.score).filter((x): x is number => x !== null);
  const summaryBase: SummaryBase = {
    codebaseVersion: 'v3.0',
    robotType,
    fps,
    totalEpisodes: sources.length,
    totalFrames,
    totalTasks: tasks.length,
    tasks,
    hours: totalFrames / fps / 3600,
    cameras: cameras.map((c, i) => ({ key: videoKeys[i]!, width: c.width, height: c.height, codec: c.codec })),
    jointNames,
    droppedFrames: { total: dropped.reduce((a, b) => a + b, 0), episodes: dropped.filter((d) => d > 0).length },
    quality: scores.length ? { min: Math.min(...scores), mean: scores.reduce((a, b) => a + b, 0) / scores.length, max: Math.max(...scores) } : { min: null, mean: null, max: null },
  };
  await writeFile(join(root, 'README.md'), datasetCard({ dataset: ctx.dataset, version: ctx.version, summary: summaryBase, provenance, hubUrl: ctx.hubUrl, chainId: ctx.chainId }));
  return { provenance, summaryBase };
}
