// What the steps of a version build share: its input (the dataset, the version
// and the selected episodes, given by the dataset service), the tools (blob
// store, size limits), the local scratch directory the steps write into, and
// what a finished build returns. Each step adds its own results to this.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { DatasetManifest } from '@teleop/proto';
import type { BlobStore } from '../../store/BlobStore.ts';
import type { AcceptedEpisode } from '../../store/DatasetStore.ts';
import type { Dataset, DatasetVersion, VersionSummary } from '../datasetRecords.ts';
import { versionFileKey } from '../versionKeys.ts';

export interface ExportLimits {
  /** LeRobot's data_files_size_in_mb (default 100). */
  dataFilesSizeMb: number;
  /** LeRobot's video_files_size_in_mb (default 200). */
  videoFilesSizeMb: number;
  /** Files per chunk directory (default 1000). */
  chunksSize: number;
}

export const DEFAULT_LIMITS: ExportLimits = { dataFilesSizeMb: 100, videoFilesSizeMb: 200, chunksSize: 1000 };

export class DatasetBuildError extends Error {
  override name = 'DatasetBuildError';
  constructor(
    message: string,
    /** An episode whose stored files no longer match what was verified: it is taken out of datasets and rewards. */
    readonly quarantine?: { episodeId: string; reason: string },
  ) {
    super(message);
  }
}

/** Throws the signal's reason when the build was aborted. */
export function checkAborted(ctx: { signal?: AbortSignal | undefined }): void {
  ctx.signal?.throwIfAborted();
}

export interface BuildTools {
  /** Episode recordings are read from it, and the version's files are stored in it. */
  blobs: BlobStore;
  limits: ExportLimits;
  /** Public URL of the hub, for the dataset card. */
  hubUrl: string;
  chainId: number;
  /** A local directory for builds in progress (parquet and ffmpeg write files); each build removes its own. */
  scratchDir: string;
}

export interface BuildInput {
  dataset: Dataset;
  version: DatasetVersion;
  /** The version's episodes, accepted and in dataset order. */
  episodes: AcceptedEpisode[];
  /**
   * Aborts the build (this hub lost the dataset-builds role): checked between steps, episodes and files, and
   * passed to ffmpeg, which it kills. The build then rejects with the signal's reason and stores nothing more.
   */
  signal?: AbortSignal;
}

export interface BuiltVersion {
  manifest: DatasetManifest;
  manifestHash: string;
  summary: VersionSummary;
  sizeBytes: number;
}

/** What every step is given. */
export interface BuildBase extends BuildTools, BuildInput {
  /** This build's own scratch directory: files written here under their manifest path are published at the end. */
  scratch: string;
}

/** The blob key of a file of the version being built, by its manifest path. */
export function versionKey(ctx: BuildBase, path: string): string {
  return versionFileKey(ctx.dataset.id, ctx.version.version, path);
}

/** The manifest paths of the files written into the scratch directory so far, sorted. */
export async function scratchFiles(ctx: BuildBase): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(relative(ctx.scratch, p).split(sep).join('/'));
    }
  };
  await walk(ctx.scratch);
  return out.sort();
}
