// Broken content is a hard failure: the checks on a recording whose state
// stream was cut, has a hole, or whose camera frames were moved in time (the
// facts a verification would have measured, written out here so each defect is
// exactly one change from a sound recording).
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, runChecks, type CheckResult } from './automaticChecks.ts';
import type { VerifiedEpisode } from './verifyEpisode.ts';

const FPS = 30;
const PERIOD = BigInt(Math.round(1e9 / FPS));
const T0 = 1_800_000_000_000_000_000n;
const SLOTS = 150;

function episode(o: { stateSlots?: (slot: number) => boolean; frameShiftNs?: bigint } = {}): VerifiedEpisode {
  const states: VerifiedEpisode['recording']['states'] = [];
  const actions: VerifiedEpisode['recording']['actions'] = [];
  const frames: { index: number; t: bigint; droppedBefore: number }[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    const t = T0 + BigInt(slot) * PERIOD;
    const positions = [0.4 * Math.sin(slot / 8), 0.3 * Math.cos(slot / 8)];
    if (o.stateSlots?.(slot) ?? true) states.push({ t, positions, velocities: [0, 0] });
    actions.push({ t, positions });
    frames.push({ index: slot, t: t + (o.frameShiftNs ?? 0n), droppedBefore: 0 });
  }
  const first = frames[0]!.t;
  const last = frames.at(-1)!.t;
  return {
    episodeId: 'e-1',
    robotId: 'r-1',
    signer: '0x0',
    files: [],
    startNs: T0,
    endNs: last,
    durationS: Number(last - T0) / 1e9,
    counts: {},
    cameras: [{ name: 'front', file: 'front.mp4', frames: SLOTS, width: 64, height: 48, codec: 'h264', fps: FPS, firstCaptureNs: first, lastCaptureNs: last, slots: SLOTS, missing: 0 }],
    recording: { counts: {}, states, actions, frames: new Map([['front', frames]]) },
  };
}

const check = (e: VerifiedEpisode, name: string): CheckResult => runChecks({ episode: e, fps: FPS, limits: [], thresholds: DEFAULT_THRESHOLDS, fileSeenBefore: null, earlier: [] }).find((r) => r.name === name)!;
const hardFailures = (e: VerifiedEpisode): string[] => runChecks({ episode: e, fps: FPS, limits: [], thresholds: DEFAULT_THRESHOLDS, fileSeenBefore: null, earlier: [] }).filter((r) => r.hard && !r.passed).map((r) => r.name);

describe('broken content', () => {
  it('passes a sound recording', () => {
    expect(hardFailures(episode())).toEqual([]);
    expect(check(episode(), 'frames_have_states').reason).toBe('every camera frame has a state sample within 0 ms (limit 283 ms inside the state stream, 1500 ms past its ends)');
  });

  it('fails a state stream that stops while the video goes on (truncation)', () => {
    const cut = episode({ stateSlots: (slot) => slot < 90 });
    expect(hardFailures(cut)).toEqual(['frames_have_states']);
    expect(check(cut, 'frames_have_states').reason).toBe('15 camera frames (first on camera front) are farther from any state sample than allowed (283 ms inside the state stream, 1500 ms past its ends); the farthest is 2000 ms: the state stream stopped or the frame times moved');
    // Cameras stopping a moment after the state sampling (as on a busy robot computer) is not truncation.
    expect(hardFailures(episode({ stateSlots: (slot) => slot < 126 }))).toEqual([]);
  });

  it('fails camera frames moved against the states (desync)', () => {
    expect(hardFailures(episode({ frameShiftNs: 1_700_000_000n }))).toContain('frames_have_states');
    expect(hardFailures(episode({ frameShiftNs: -1_800_000_000n }))).toContain('frames_have_states');
    // Within a frame period is capture jitter, not a desync.
    expect(hardFailures(episode({ frameShiftNs: 20_000_000n }))).toEqual([]);
  });

  it('fails a state stream with a hole longer than half a second, and lets a shorter one by with a lower score', () => {
    const holed = episode({ stateSlots: (slot) => slot < 30 || slot >= 50 });
    expect(hardFailures(holed)).toContain('timestamps');
    expect(check(holed, 'timestamps').reason).toBe('state samples strictly increase; largest gap 700 ms (21.0 frame periods; soft limit 5, hard 15)');
    // A busy computer's hiccup only lowers the score.
    const hiccup = episode({ stateSlots: (slot) => slot < 30 || slot >= 36 });
    expect(hardFailures(hiccup)).toEqual([]);
    expect(check(hiccup, 'timestamps').passed).toBe(false);
  });
});
