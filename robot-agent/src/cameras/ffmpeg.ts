// Finding ffmpeg: FFMPEG_PATH, else `ffmpeg` on PATH. Codecs are never
// reimplemented here; every encode and capture is an ffmpeg process.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class FfmpegMissingError extends Error {
  override name = 'FfmpegMissingError';
  constructor(detail: string) {
    super(`ffmpeg is required for cameras but ${detail}. Install it (Debian/Ubuntu: apt-get install ffmpeg) or set FFMPEG_PATH to its binary.`);
  }
}

let cached: string | undefined;

/**
 * How much each kind of encoder yields when the CPU is scarce (niceness added to the agent's), so that
 * capture comes first, then the recording, then the live view: beside two CPU hogs the camera threads and
 * the six encoders of three cameras otherwise shared the cores as equals, and cameras missed frames.
 * The recording has a backlog of 2 s and degrades its preset before it drops; the live view drops frames.
 */
export const ENCODER_NICENESS = { recording: 4, live: 10 } as const;

/** Spawns ffmpeg `niceness` lower in priority than the agent, through `nice`, so every thread it starts inherits it. */
export function spawnFfmpeg(args: string[], options: SpawnOptions, niceness: number): ChildProcess {
  const nice = niceness > 0 ? findOnPath('nice') : null;
  return nice ? spawn(nice, ['-n', String(niceness), findFfmpeg(), ...args], options) : spawn(findFfmpeg(), args, options);
}

const onPath = new Map<string, string | null>();
function findOnPath(name: string): string | null {
  if (!onPath.has(name)) {
    let found: string | null = null;
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        found = join(dir, name);
        break;
      } catch {
        // not here
      }
    }
    onPath.set(name, found);
  }
  return onPath.get(name)!;
}

/** Absolute path of a working ffmpeg; throws FfmpegMissingError saying how to install it. */
export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string {
  if (cached && !env.FFMPEG_PATH) return cached;
  const candidates = env.FFMPEG_PATH ? [env.FFMPEG_PATH] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'ffmpeg'));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    try {
      execFileSync(path, ['-hide_banner', '-version'], { stdio: 'ignore', timeout: 10_000 });
    } catch {
      throw new FfmpegMissingError(`${path} does not run`);
    }
    if (!env.FFMPEG_PATH) cached = path;
    return path;
  }
  throw new FfmpegMissingError(env.FFMPEG_PATH ? `FFMPEG_PATH=${env.FFMPEG_PATH} is not an executable` : 'it is not on PATH');
}
