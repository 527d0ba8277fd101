import { describe, expect, it } from 'vitest';
import { CameraRecorder, nextRecordingSpeed, recordingCodecArgs } from './CameraRecorder.ts';

// Frame accounting only: the encoder is not started, frames stay in the backlog.
function recorder(maxBacklogFrames = 1000, notBeforeNs?: bigint) {
  const written: { index: number; droppedBefore: number }[] = [];
  const r = new CameraRecorder({
    camera: { name: 'front', width: 16, height: 16, fps: 30, pixelFormat: 'rgba', source: 'test' },
    codec: 'h264',
    path: '/nonexistent/front.mp4',
    onFrame: (index, _ns, droppedBefore) => written.push({ index, droppedBefore }),
    maxBacklogFrames,
    notBeforeNs,
  });
  const period = 1e9 / 30;
  const push = (index: number, slotsLate: number): void =>
    r.push({ data: Buffer.alloc(4), index, captureNs: 1_000_000_000_000n + BigInt(Math.round((index + slotsLate) * period)) });
  return { r, written, push };
}

describe('CameraRecorder frame accounting', () => {
  it('takes late frames that the next ones make up for as jitter, not loss', () => {
    const { r, push } = recorder();
    for (let i = 0; i < 10; i++) push(i, 0);
    push(10, 1.3); // a stall of 1.3 frame periods ...
    for (let i = 11; i < 20; i++) push(i, 0); // ... and the camera catches up
    expect(r.stats).toMatchObject({ frames: 20, dropped: 0 });
  });

  it('counts frames the camera says it skipped', () => {
    const { r, written, push } = recorder();
    for (let i = 0; i < 5; i++) push(i, 0);
    for (let i = 8; i < 12; i++) push(i, 0); // 5, 6, 7 never came
    expect(r.stats).toMatchObject({ frames: 9, dropped: 3 });
    expect(written[5]).toEqual({ index: 5, droppedBefore: 3 });
  });

  it('counts a gap in capture times when the index does not show it (camera restarted)', () => {
    const { r, push } = recorder();
    for (let i = 0; i < 5; i++) push(i, 0);
    for (let i = 5; i < 10; i++) push(i, 15); // half a second without frames, index continuous
    expect(r.stats).toMatchObject({ frames: 10, dropped: 15 });
  });

  it('drops and counts frames past the backlog bound', () => {
    const { r, push } = recorder(4);
    for (let i = 0; i < 10; i++) push(i, 0);
    expect(r.stats).toMatchObject({ frames: 4, dropped: 6 });
  });
});

describe('CameraRecorder and the recording start', () => {
  it('leaves out frames captured before the recording started, without counting them lost', () => {
    const period = 1e9 / 30;
    // The camera hands over frames a second late (its buffer): the first 30 pushed were taken before the start.
    const { r, written, push } = recorder(1000, 1_000_000_000_000n + BigInt(Math.round(30 * period)) - 1000n);
    for (let i = 0; i < 60; i++) push(i, 0);
    expect(r.stats).toMatchObject({ frames: 30, dropped: 0 });
    expect(r.beforeStart).toBe(30);
    expect(r.stats.firstCaptureNs).toBe(1_000_000_000_000n + BigInt(Math.round(30 * period)));
    expect(written[0]).toEqual({ index: 0, droppedBefore: 0 });
  });
});

describe('CameraRecorder frame accounting, exact counts', () => {
  it('counts one gap once when both the index and the capture times show it', () => {
    const { r, push } = recorder();
    for (let i = 0; i < 10; i++) push(i, 0);
    push(15, 0); // the camera skipped 10..14 and says so in its index, on time
    push(16, 0);
    expect(r.stats).toMatchObject({ frames: 12, dropped: 5 });
  });

  it('counts a gap once when a late frame carries the old index and the next one jumps', () => {
    const { r, push } = recorder();
    for (let i = 0; i < 10; i++) push(i, 0);
    push(10, 5); // index 10 drawn five periods late ...
    push(16, 0); // ... and the next one's index jumped over the same five slots
    push(17, 0);
    // Slots 0..17: 13 frames written, 5 lost, each counted once.
    expect(r.stats).toMatchObject({ frames: 13, dropped: 5 });
  });
});

describe('recording encoder degrades before it drops', () => {
  it('holds frames for a slow encoder and says how far behind it fell', () => {
    const { r, push } = recorder(60);
    for (let i = 0; i < 40; i++) push(i, 0); // the encoder (not started here) takes none
    expect(r.stats).toMatchObject({ frames: 40, dropped: 0, peakBacklog: 40 });
    expect(r.backlogFrames).toBe(40);
  });

  it('records the next episode with a faster preset after the encoder fell behind, and steps back after it kept up', () => {
    const last = (peakBacklog: number, droppedByEncoder = 0) => ({ peakBacklog, droppedByEncoder, maxBacklog: 60 });
    expect(nextRecordingSpeed(0, last(40))).toBe(1);
    expect(nextRecordingSpeed(1, last(10, 3))).toBe(2);
    expect(nextRecordingSpeed(2, last(59))).toBe(2); // the fastest there is
    expect(nextRecordingSpeed(2, last(20))).toBe(2); // neither far behind nor comfortably ahead: stay
    expect(nextRecordingSpeed(2, last(2))).toBe(1);
    expect(nextRecordingSpeed(0, last(0))).toBe(0);
    expect(recordingCodecArgs('h264', 0)).toContain('veryfast');
    expect(recordingCodecArgs('h264', 2)).toContain('ultrafast');
    expect(recordingCodecArgs('av1', 1)).toEqual(expect.arrayContaining(['libsvtav1', '11']));
  });
});
