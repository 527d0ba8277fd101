// Step 2: the data parquet files. Each episode is resampled onto its frames,
// converted to the dataset's units and written as one row group; a file rolls
// over when the next episode would take it past the size limit. Per-episode
// statistics of every non-video feature come out of the same pass.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chunkFile, dataPath, type ChunkFile } from '../lerobot/layout.ts';
import { ParquetFileWriter, T, huggingfaceMetadata, type Column } from '../lerobot/parquet.ts';
import { scalarStats, vectorStats, type FeatureStats } from '../lerobot/stats.ts';
import { checkAborted, type BuildBase } from './buildContext.ts';
import { episodeRows, unitConverter, type EpisodeRows } from './episodeRows.ts';
import type { Sources } from './sources.ts';

export interface EpisodeData {
  rows: EpisodeRows;
  /** The data file holding the episode. */
  data: ChunkFile;
  /** Global index of its first row. */
  from: number;
  /** Per feature, except the videos'. */
  stats: Record<string, FeatureStats>;
}

export interface DataFiles {
  /** In dataset order. */
  episodeData: EpisodeData[];
  totalFrames: number;
}

export async function writeDataFiles(ctx: BuildBase & Sources): Promise<DataFiles> {
  const { limits } = ctx;
  const { fps, jointNames, features, tasks } = ctx.shape;
  const root = join(ctx.scratch, 'lerobot');
  const dataColumns: Column[] = [
    { name: 'observation.state', type: T.fixedList(jointNames.length, T.float32) },
    { name: 'action', type: T.fixedList(jointNames.length, T.float32) },
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
  const episodeData: EpisodeData[] = [];
  let globalIndex = 0;
  for (const [e, s] of ctx.sources.entries()) {
    checkAborted(ctx);
    const r = episodeRows(s);
    const convert = unitConverter(ctx.dataset.units, s.manifest);
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
    episodeData.push({
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
    });
    globalIndex += r.length;
  }
  writer!.finish();
  return { episodeData, totalFrames: globalIndex };
}
