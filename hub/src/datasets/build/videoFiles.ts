// Step 3: the video files. Per camera, the episodes' recorded streams are
// appended (stream copy, re-stamped at constant frame rate) to a file until
// the next would take it past the size limit; each episode's place in its file
// is recorded, and a sample of its frames gives its image statistics. ffmpeg
// reads the recordings through local copies the blob store lends for the step.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { episodeBlobKey, withLocalFiles } from '../../store/BlobStore.ts';
import { chunkFile, videoPath, type ChunkFile } from '../lerobot/layout.ts';
import { imageSampleCount, imageStats, type FeatureStats } from '../lerobot/stats.ts';
import { concatVideos, sampleFrames } from '../lerobot/videos.ts';
import { checkAborted, DatasetBuildError, type BuildBase } from './buildContext.ts';
import type { DataFiles } from './dataFiles.ts';
import type { Sources } from './sources.ts';

export interface VideoPlacement extends ChunkFile {
  /** Seconds into the file where the episode starts and ends. */
  from: number;
  to: number;
}

export interface EpisodeVideos {
  /** Per video key. */
  placement: Record<string, VideoPlacement>;
  /** Image statistics per video key. */
  stats: Record<string, FeatureStats>;
}

export interface VideoFiles {
  /** In dataset order. */
  episodeVideos: EpisodeVideos[];
}

/** Runs tasks with at most `limit` at a time; rejects with the first failure. */
async function runLimited(tasks: (() => Promise<void>)[], limit: number, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      signal?.throwIfAborted();
      await tasks[next++]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

export async function writeVideoFiles(ctx: BuildBase & Sources & DataFiles): Promise<VideoFiles> {
  const { limits, sources, episodeData } = ctx;
  const { fps, cameras, videoKeys } = ctx.shape;
  const root = join(ctx.scratch, 'lerobot');
  const episodeVideos: EpisodeVideos[] = sources.map(() => ({ placement: {}, stats: {} }));
  const keys = sources.flatMap((s) => s.manifest.cameras.map((c) => episodeBlobKey(s.id, c.file)));
  await withLocalFiles(ctx.blobs, keys, async (localPath) => {
    const work: (() => Promise<void>)[] = [];
    const videoLimit = limits.videoFilesSizeMb * 1024 * 1024;
    for (const [ci, cam] of cameras.entries()) {
      const key = videoKeys[ci]!;
      const files: { parts: { path: string; frames: number; available: number }[] }[] = [];
      let bytes = 0;
      let framesInFile = 0;
      for (const [e, s] of sources.entries()) {
        const recorded = s.manifest.cameras[ci]!;
        const blob = episodeBlobKey(s.id, recorded.file);
        const src = localPath(blob);
        const size = (await ctx.blobs.head(blob))?.size;
        if (size === undefined) throw new DatasetBuildError(`episode ${s.id} has no ${recorded.file} in the blob store`);
        const length = episodeData[e]!.rows.length;
        if (files.length === 0 || (bytes > 0 && bytes + size >= videoLimit)) {
          files.push({ parts: [] });
          bytes = 0;
          framesInFile = 0;
        }
        files.at(-1)!.parts.push({ path: src, frames: length, available: recorded.frames });
        const at = chunkFile(files.length - 1, limits.chunksSize);
        episodeVideos[e]!.placement[key] = { ...at, from: framesInFile / fps, to: (framesInFile + length) / fps };
        bytes += size;
        framesInFile += length;
        work.push(async () => {
          const sampled = await sampleFrames(src, { width: cam.width, height: cam.height, frames: recorded.frames, count: imageSampleCount(length), codec: cam.codec, signal: ctx.signal });
          episodeVideos[e]!.stats[key] = imageStats(sampled);
        });
      }
      for (const [f, file] of files.entries()) {
        const out = join(root, videoPath(key, chunkFile(f, limits.chunksSize)));
        await mkdir(dirname(out), { recursive: true });
        work.push(() => concatVideos(out, file.parts, fps, ctx.signal));
      }
    }
    // ffmpeg work (frame sampling for image statistics, concatenation), two processes at a time.
    checkAborted(ctx);
    await runLimited(work, 2, ctx.signal);
  });
  return { episodeVideos };
}
