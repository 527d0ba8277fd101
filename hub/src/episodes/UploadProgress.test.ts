import { describe, expect, it } from 'vitest';
import type { EpisodeUploadProgress } from '@teleop/proto';
import { UploadProgress } from './UploadProgress.ts';

const next = (p: UploadProgress): Promise<EpisodeUploadProgress> => new Promise((resolve) => p.once('progress', resolve));

describe('UploadProgress', () => {
  it('counts the bytes held of every file against the whole the robot announced', async () => {
    const p = new UploadProgress();
    const announced = { episodeBytes: '1000', episodeFiles: '3' };
    p.update({ episodeId: 'e-1', filename: 'front.mp4', offset: 0, size: 600, ...announced });
    p.update({ episodeId: 'e-1', filename: 'front.mp4', offset: 600, size: 600, ...announced });
    p.update({ episodeId: 'e-1', filename: 'episode.mcap', offset: 100, size: 300, ...announced });
    expect(await next(p)).toEqual({ episodeId: 'e-1', bytesReceived: 700, bytesTotal: 1000, filesReceived: 1, filesTotal: 3 });
    p.close();
  });

  it('never counts a file backwards, and falls back to the sizes it knows when nothing was announced', async () => {
    const p = new UploadProgress();
    p.update({ episodeId: 'e-2', filename: 'a', offset: 50, size: 100 });
    p.update({ episodeId: 'e-2', filename: 'a', offset: 20, size: 100 }); // a late, older report
    expect(await next(p)).toEqual({ episodeId: 'e-2', bytesReceived: 50, bytesTotal: 100, filesReceived: 0, filesTotal: null });
    p.forget('e-2');
    expect(p.view('e-2')).toBeNull();
    p.close();
  });

  it('tells an episode at most once per throttle period, with the latest numbers', async () => {
    const p = new UploadProgress();
    const told: EpisodeUploadProgress[] = [];
    p.on('progress', (x) => told.push(x));
    for (let i = 1; i <= 50; i++) p.update({ episodeId: 'e-3', filename: 'a', offset: i, size: 50 });
    await new Promise((r) => setTimeout(r, 400));
    expect(told).toHaveLength(1);
    expect(told[0]!.bytesReceived).toBe(50);
    p.close();
  });
});
