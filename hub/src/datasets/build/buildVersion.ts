// Builds one dataset version from the episodes the dataset service selected,
// into the blob store under datasets/<id>/v<n>/:
//
//   lerobot/     a LeRobot codebase v3.0 dataset (meta/info.json, meta/stats.json,
//                meta/tasks.parquet, meta/episodes/..., data/..., videos/...)
//                with its dataset card (README.md)
//   raw/         each episode as recorded: episode.mcap, one MP4 per camera and
//                the robot-signed manifest
//   provenance/episodes.json   where every dataset episode came from
//   manifest.json   every other file with size and SHA-256, and their Merkle root
//
// The steps run in order, each adding its results to the context the next one
// reads. They write into a local scratch directory (parquet and ffmpeg write
// files), which is published into the store at the end and removed either way.
// The builder never touches the database; what it stores under the version's
// prefix before failing is removed by the dataset service.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAborted, type BuildBase, type BuildInput, type BuildTools, type BuiltVersion } from './buildContext.ts';
import { writeDataFiles } from './dataFiles.ts';
import { writeManifest } from './manifest.ts';
import { writeMetadata } from './metadata.ts';
import { publish } from './publish.ts';
import { storeRawBundle } from './rawBundle.ts';
import { readSources } from './sources.ts';
import { writeVideoFiles } from './videoFiles.ts';

export async function buildDatasetVersion(tools: BuildTools, input: BuildInput): Promise<BuiltVersion> {
  // One scratch directory per version: a build a stopped hub left behind is cleared when the version is built again.
  const scratch = join(tools.scratchDir, `${input.dataset.id}-v${input.version.version}`);
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    const base: BuildBase = { ...tools, ...input, scratch };
    // Aborted (the role lost): between steps, and inside them between episodes and files.
    checkAborted(base);
    const sourced = { ...base, ...(await readSources(base)) };
    checkAborted(base);
    const withData = { ...sourced, ...(await writeDataFiles(sourced)) };
    checkAborted(base);
    const withVideos = { ...withData, ...(await writeVideoFiles(withData)) };
    checkAborted(base);
    const described = { ...withVideos, ...(await writeMetadata(withVideos)) };
    checkAborted(base);
    const bundled = { ...described, ...(await storeRawBundle(described)) };
    checkAborted(base);
    const built = await writeManifest(bundled);
    await publish(bundled);
    return built;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
