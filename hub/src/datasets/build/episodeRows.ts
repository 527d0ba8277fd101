// An episode's rows sit on its recorded camera frames: row k is video frame k
// of each camera, and carries the state and action recorded nearest to that
// frame's capture time. Frames a camera dropped are not invented; the worst
// time differences are reported (card, provenance). Joint vectors are then
// converted to the dataset's units.
import type { EpisodeManifest } from '@teleop/proto';
import type { Recording } from '../../episodes/readRecording.ts';
import { DatasetBuildError } from './buildContext.ts';

export interface EpisodeRows {
  length: number;
  state: number[][];
  action: number[][];
  /** Per camera: worst |capture time - reference frame time|, ms. */
  cameraSkewMs: Record<string, number>;
  /** Worst |state time - frame time| and |action time - frame time|, ms. */
  stateOffsetMs: number;
  actionOffsetMs: number;
}

/** Index of the element of sorted `times` nearest to t, starting the search at `from` (monotonic sweeps). */
function nearest(times: bigint[], t: bigint, from: number): number {
  let i = Math.max(0, Math.min(from, times.length - 1));
  while (i + 1 < times.length && times[i + 1]! <= t) i++;
  if (i + 1 < times.length) {
    const a = t - times[i]!;
    const b = times[i + 1]! - t;
    if ((b < 0n ? -b : b) < (a < 0n ? -a : a)) return i + 1;
  }
  return i;
}

const absMs = (ns: bigint): number => Number(ns < 0n ? -ns : ns) / 1e6;

/**
 * The conversion of one episode's joint vectors to the dataset's units. degrees and normalized follow LeRobot's
 * SO-101 conventions on positions that are radians with zero at the middle of each calibrated range (the so101
 * driver's): degrees = rad × 180/π, normalized = -100..100 over the joint's range; a joint named "gripper" is
 * 0..100 over its range in both. The ranges are the joint limits the robot described, carried in its signed
 * manifest.
 */
export function unitConverter(units: string, m: EpisodeManifest): (v: number[]) => number[] {
  if (units === 'radians') return (v) => v;
  if (units !== 'degrees' && units !== 'normalized') throw new DatasetBuildError(`unknown units ${units}`);
  const limits = m.jointNames.map((name) => m.jointLimits?.find((l) => l.name === name));
  const bad = m.jointNames.filter((_, i) => {
    const l = limits[i];
    return !l || !Number.isFinite(l.min) || !Number.isFinite(l.max) || l.max <= l.min;
  });
  if (bad.length) throw new DatasetBuildError(`episode ${m.episodeId} carries no usable limits for ${bad.join(', ')} (recorded by an older agent?): build this dataset in radians`);
  const span = (i: number, x: number): number => {
    const l = limits[i]!;
    return (Math.min(l.max, Math.max(l.min, x)) - l.min) / (l.max - l.min);
  };
  return (v) =>
    v.map((x, i) => {
      if (m.jointNames[i] === 'gripper') return span(i, x) * 100;
      return units === 'degrees' ? (x * 180) / Math.PI : span(i, x) * 200 - 100;
    });
}

/** Resamples an episode onto its frames. */
export function episodeRows(src: { manifest: EpisodeManifest; recording: Recording }): EpisodeRows {
  const { manifest: m, recording: r } = src;
  if (r.states.length === 0 || r.actions.length === 0) throw new DatasetBuildError(`episode ${m.episodeId} has no state or action samples`);
  const cams = m.cameras.map((c) => ({ name: c.name, frames: [...(r.frames.get(c.name) ?? [])].sort((a, b) => a.index - b.index) }));
  let times: bigint[];
  if (cams.length > 0) {
    const length = Math.min(...cams.map((c) => c.frames.length), ...m.cameras.map((c) => c.frames));
    times = cams[0]!.frames.slice(0, length).map((f) => f.t);
  } else {
    times = r.states.map((s) => s.t);
  }
  const length = times.length;
  if (length === 0) throw new DatasetBuildError(`episode ${m.episodeId} has no frames`);
  const stateTimes = r.states.map((s) => s.t);
  const actionTimes = r.actions.map((a) => a.t);
  const out: EpisodeRows = { length, state: [], action: [], cameraSkewMs: {}, stateOffsetMs: 0, actionOffsetMs: 0 };
  let si = 0;
  let ai = 0;
  for (let k = 0; k < length; k++) {
    const t = times[k]!;
    si = nearest(stateTimes, t, si);
    ai = nearest(actionTimes, t, ai);
    out.state.push(r.states[si]!.positions);
    out.action.push(r.actions[ai]!.positions);
    out.stateOffsetMs = Math.max(out.stateOffsetMs, absMs(stateTimes[si]! - t));
    out.actionOffsetMs = Math.max(out.actionOffsetMs, absMs(actionTimes[ai]! - t));
  }
  for (const c of cams) {
    let worst = 0;
    for (let k = 0; k < length; k++) worst = Math.max(worst, absMs(c.frames[k]!.t - times[k]!));
    out.cameraSkewMs[c.name] = Number(worst.toFixed(3));
  }
  return out;
}
