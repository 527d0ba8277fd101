// Step 1: each selected episode's recording, read through a local copy of its
// MCAP, and the checks that the episodes fit in one dataset (same fps, joints,
// cameras and robot model). From the first episode comes the dataset's shape:
// its features as LeRobot's info.json names them, and its tasks.
import { createHash } from 'node:crypto';
import type { CameraRecording, EpisodeManifest } from '@teleop/proto';
import { readRecording, type Recording } from '../../episodes/readRecording.ts';
import { episodeBlobKey, type BlobStore } from '../../store/BlobStore.ts';
import type { AcceptedEpisode } from '../../store/DatasetStore.ts';
import type { PyValue } from '../lerobot/pyJson.ts';
import { DatasetBuildError, type BuildBase } from './buildContext.ts';

export interface SourceEpisode extends AcceptedEpisode {
  manifest: EpisodeManifest;
  recording: Recording;
}

export interface Feature {
  dtype: string;
  shape: number[];
  names: string[] | null;
  info?: Record<string, PyValue>;
}

export interface DatasetShape {
  fps: number;
  /** The robot model, LeRobot's robot_type. */
  robotType: string;
  /** The first episode's cameras; every episode has the same. */
  cameras: CameraRecording[];
  /** Feature names of the state and action vectors, e.g. "gripper.pos". */
  jointNames: string[];
  /** One per camera, e.g. "observation.images.front". */
  videoKeys: string[];
  /** In info.json order. */
  features: Record<string, Feature>;
  /** In order of first appearance. */
  tasks: string[];
}

export interface Sources {
  /** In dataset order. */
  sources: SourceEpisode[];
  shape: DatasetShape;
}

/** The SHA-256 of a stored blob, or null when it is gone. */
async function sha256Blob(blobs: BlobStore, key: string): Promise<string | null> {
  if (!(await blobs.head(key))) return null;
  const h = createHash('sha256');
  for await (const chunk of blobs.read(key)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const cameraShape = (m: EpisodeManifest): string => m.cameras.map((c) => `${c.name} ${c.width}x${c.height} ${c.codec} ${c.fps}fps`).join(', ');

export async function readSources(ctx: BuildBase): Promise<Sources> {
  if (ctx.episodes.length === 0) throw new DatasetBuildError(`version ${ctx.version.version} of ${ctx.dataset.name} has no episodes`);
  const sources: SourceEpisode[] = [];
  for (const e of ctx.episodes) {
    ctx.signal?.throwIfAborted();
    // What goes into a dataset is what was verified: every file is hashed again.
    for (const f of e.signed.manifest.files) {
      const now = await sha256Blob(ctx.blobs, episodeBlobKey(e.id, f.name));
      if (now !== f.sha256) {
        const reason = `file ${f.name} no longer matches what was verified (SHA-256 ${now ?? 'missing'}, verified ${f.sha256})`;
        throw new DatasetBuildError(`episode ${e.id} is quarantined: ${reason}`, { episodeId: e.id, reason });
      }
    }
    sources.push({ ...e, manifest: e.signed.manifest, recording: await ctx.blobs.withLocalFile(episodeBlobKey(e.id, 'episode.mcap'), readRecording) });
  }
  const head = sources[0]!;
  const first = head.manifest;
  const fps = first.fps;
  for (const s of sources) {
    const m = s.manifest;
    const problems: string[] = [];
    if (m.fps !== fps) problems.push(`fps ${m.fps} (dataset: ${fps})`);
    if (m.jointNames.join(',') !== first.jointNames.join(',')) problems.push(`joints ${m.jointNames.join(',')} (dataset: ${first.jointNames.join(',')})`);
    if (cameraShape(m) !== cameraShape(first)) problems.push(`cameras [${cameraShape(m)}] (dataset: [${cameraShape(first)}])`);
    if (m.cameras.some((c) => c.fps !== fps)) problems.push('a camera records at another rate than the dataset fps');
    if (s.robotModel !== head.robotModel) problems.push(`robot model ${s.robotModel} (dataset: ${head.robotModel})`);
    if (problems.length) throw new DatasetBuildError(`episode ${s.id} does not fit with episode ${head.id} in one dataset: ${problems.join('; ')}`);
  }

  const jointNames = first.jointNames.map((j) => `${j}.pos`);
  const videoKeys = first.cameras.map((c) => `observation.images.${c.name}`);
  const features: Record<string, Feature> = {
    'observation.state': { dtype: 'float32', shape: [jointNames.length], names: jointNames },
    action: { dtype: 'float32', shape: [jointNames.length], names: jointNames },
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
  const tasks: string[] = [];
  for (const s of sources) if (!tasks.includes(s.task)) tasks.push(s.task);
  return { sources, shape: { fps, robotType: head.robotModel, cameras: first.cameras, jointNames, videoKeys, features, tasks } };
}
