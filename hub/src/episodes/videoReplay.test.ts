// Re-muxed video detection on videos made by the real ffmpeg: a re-encoded copy
// (cut at another frame, brighter) is found, at its offset; other content and a
// still scene are not copies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THUMB_BYTES, videoReplay, videoThumbnails } from './videoReplay.ts';

const dir = mkdtempSync(join(tmpdir(), 'video-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function make(name: string, args: string[]): string {
  const out = join(dir, name);
  execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-y', ...args, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', out]);
  return out;
}

describe('videoReplay', () => {
  const original = make('original.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30', '-t', '3', '-crf', '18']);

  it('reads every frame as 16x12 grey pixels', async () => {
    const thumbs = await videoThumbnails(original);
    expect(thumbs.length).toBe(90 * THUMB_BYTES);
  });

  it('finds a re-encoded copy cut seven frames in, made brighter, at its offset', async () => {
    const copy = make('copy.mp4', ['-i', original, '-vf', 'select=gte(n\\,7),setpts=N/30/TB,eq=brightness=0.06', '-crf', '32']);
    const r = videoReplay(await videoThumbnails(copy), await videoThumbnails(original));
    expect(r.match).toMatchObject({ matched: 16, probes: 16, offset: 7 });
    expect(r.match!.worstLevels).toBeLessThanOrEqual(12);
  });

  it('calls other content, and a still scene recorded twice, no copy', async () => {
    const other = make('other.mp4', ['-f', 'lavfi', '-i', 'life=size=320x240:rate=30:seed=7:mold=10', '-t', '3']);
    expect(videoReplay(await videoThumbnails(other), await videoThumbnails(original)).match).toBeNull();
    const still = await videoThumbnails(make('still.mp4', ['-f', 'lavfi', '-i', 'color=c=0x405060:size=320x240:rate=30', '-t', '2']));
    const again = await videoThumbnails(make('still2.mp4', ['-f', 'lavfi', '-i', 'color=c=0x405060:size=320x240:rate=30', '-t', '3']));
    const r = videoReplay(still, again);
    expect(r.match).toBeNull();
    expect(r.closestShare).toBeLessThan(0.2);
  });

  it('gives a clear error for a file that is no video', async () => {
    await expect(videoThumbnails(join(dir, 'missing.mp4'))).rejects.toThrow(/^ffmpeg could not decode the video: /);
  });
});
