// Finding ffmpeg: FFMPEG_PATH, else `ffmpeg` on PATH. Codecs are never
// reimplemented here; every encode and capture is an ffmpeg process.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class FfmpegMissingError extends Error {
  override name = 'FfmpegMissingError';
  constructor(detail: string) {
    super(`ffmpeg is required for cameras but ${detail}. Install it (Debian/Ubuntu: apt-get install ffmpeg) or set FFMPEG_PATH to its binary.`);
  }
}

let cached: string | undefined;

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
