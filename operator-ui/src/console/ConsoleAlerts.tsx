// What the operator must know at once, in plain words: the e-stop (a banner
// across the console), robot faults (which joint, what), commands the hub or
// the robot refused (and why), watchdog holds, a camera delivering far below
// its rate, and a recording that loses enough frames to be rejected.
import { v1, type EStopLatchView, type RecordingLimits } from '@teleop/proto';
import { hubInfo } from '../hub/hubSocket.ts';
import type { Teleop } from './useTeleop.ts';
import { useNow } from './useNow.ts';

/** An event or a refusal stays on screen this long after the last one. */
const RECENT_MS = 5000;
/** A camera capturing below this share of its declared rate is "far below" it. */
const SLOW_CAMERA_SHARE = 0.5;

export interface Alert {
  id: string;
  level: 'danger' | 'warn';
  text: string;
}

/** Words for a reason the robot's safety layer gives (SafetyLayer's RejectReason). */
const REJECT_WORDS: Record<string, string> = {
  stale: 'too old when they reached the robot (the link is slow or the clocks disagree)',
  out_of_order: 'out of order or sent twice',
  clock_skew: 'stamped in the future by the clocks the robot knows (clock offset not settled)',
  wrong_lease: 'of a lease that is no longer current',
  no_lease: 'sent without a lease the robot knows',
  non_finite: 'not a number',
  estopped: 'sent while the e-stop is latched',
  fault: 'sent while the robot is faulted',
  bad_length: 'of the wrong length for this robot',
  unsupported_mode: 'in a control mode this robot does not support',
};

/** Frames lost over frames expected in the recording under way, every camera together (as the hub's check counts them). */
export function recordingLoss(status: v1.RobotStatus | null): { frames: number; lost: number; ratio: number } | null {
  if (!status?.recordingEpisodeId) return null;
  let frames = 0;
  let lost = 0;
  for (const c of status.cameras) {
    frames += Number(c.recordingFrames);
    lost += Number(c.recordingDroppedFrames);
  }
  return { frames, lost, ratio: frames + lost > 0 ? lost / (frames + lost) : 0 };
}

/** The sentence for a recording's loss against the hub's limits. */
export function lossVerdict(ratio: number, limits: RecordingLimits | null): { level: 'danger' | 'warn' | null; text: string } {
  if (!limits) return { level: null, text: '' };
  if (ratio > limits.maxDropRatioHard) return { level: 'danger', text: `this recording will be rejected: the hub rejects episodes losing more than ${(limits.maxDropRatioHard * 100).toFixed(0)}% of their frames` };
  if (ratio > limits.maxDropRatioSoft) return { level: 'warn', text: `above the ${(limits.maxDropRatioSoft * 100).toFixed(0)}% the hub takes without lowering the score; rejected past ${(limits.maxDropRatioHard * 100).toFixed(0)}%` };
  return { level: null, text: '' };
}

export function alertsOf(teleop: Teleop, now: number): Alert[] {
  const alerts: Alert[] = [];
  const status = teleop.status;
  for (const f of status?.faults ?? []) {
    alerts.push({ id: `fault-${f.code}-${f.joint}`, level: 'danger', text: `Robot fault${f.joint ? ` on joint ${f.joint}` : ''}: ${f.message || f.code} (${f.code}). The robot stopped moving.` });
  }
  const recent = teleop.events.filter((e) => now - e.at < RECENT_MS);
  const rejected = recent.filter((e) => e.kind === v1.RobotEvent.Kind.KIND_COMMAND_REJECTED);
  if (rejected.length > 0) {
    const last = rejected.at(-1)!;
    const why = REJECT_WORDS[last.reason] ?? last.reason;
    alerts.push({
      id: 'rejected',
      level: 'warn',
      text: `The robot refused ${rejected.length} command${rejected.length === 1 ? '' : 's'} in the last ${RECENT_MS / 1000} s as ${last.reason || 'invalid'}: ${why}. ${last.message}`,
    });
  }
  if (teleop.lastError && now - teleop.lastErrorAt < RECENT_MS) {
    alerts.push({ id: 'hub-refused', level: 'warn', text: `The hub refused: ${teleop.lastError}${teleop.lastErrorCode ? ` (${teleop.lastErrorCode})` : ''}` });
  }
  const holding = status?.mode === v1.RobotMode.ROBOT_MODE_HOLDING || recent.some((e) => e.kind === v1.RobotEvent.Kind.KIND_WATCHDOG_HOLD);
  if (holding && !status?.estop) {
    const ms = teleop.description?.holdTimeoutMs;
    alerts.push({ id: 'hold', level: 'warn', text: `Watchdog hold: no command reached the robot for ${ms ? `${ms} ms` : 'a while'}, so it holds its pose. Commands resume it.` });
  }
  for (const cam of teleop.description?.cameras ?? []) {
    const name = cam.name ?? '';
    const fps = cam.fps ?? 0;
    const rate = teleop.cameraRates.get(name);
    const camStatus = status?.cameras.find((c) => c.name === cam.name);
    if (camStatus?.fault) alerts.push({ id: `camfault-${cam.name}`, level: 'warn', text: `Camera ${cam.name}: ${camStatus.fault}` });
    else if (rate !== undefined && fps > 0 && rate < fps * SLOW_CAMERA_SHARE) {
      alerts.push({ id: `slow-${cam.name}`, level: 'warn', text: `Camera ${cam.name} delivers ${rate.toFixed(1)} frames/s, far below its ${fps} frames/s: the video lags or freezes, and a recording loses frames.` });
    }
  }
  const loss = recordingLoss(status);
  if (loss && loss.lost > 0) {
    const verdict = lossVerdict(loss.ratio, hubInfo.recordingLimits);
    if (verdict.level) alerts.push({ id: 'recording-loss', level: verdict.level, text: `Recording: ${loss.lost.toLocaleString()} of ${(loss.frames + loss.lost).toLocaleString()} frames lost (${(loss.ratio * 100).toFixed(1)}%): ${verdict.text}.` });
  }
  return alerts;
}

/** Alerts across the top of the console, newest situation first; empty when all is well. */
export function ConsoleAlerts({ teleop }: { teleop: Teleop }) {
  const now = useNow(500);
  const alerts = alertsOf(teleop, now);
  if (alerts.length === 0) return null;
  return (
    <ul className="alerts" data-testid="console-alerts">
      {alerts.map((a) => (
        <li key={a.id} className={a.level} role="alert" data-testid={`alert-${a.id.replace(/-.*$/, '')}`}>
          {a.text}
        </li>
      ))}
    </ul>
  );
}

/** The e-stop across the whole console: who pressed it, whether the robot confirmed it, how to clear it. */
export function EStopBanner({ latch, robotReason, onReset }: { latch: EStopLatchView | null; robotReason: string; onReset: () => void }) {
  const state = latch
    ? latch.state === 'pending'
      ? 'sent; the robot has not confirmed it yet'
      : latch.state === 'confirmed'
        ? 'confirmed by the robot'
        : 'reset asked; waiting for the robot to confirm'
    : 'latched on the robot';
  const why = latch ? `pressed by ${latch.source.slice(0, 6)}…${latch.source.slice(-4)}${latch.reason ? ` (${latch.reason})` : ''}` : robotReason;
  return (
    <div className="banner estop-banner" role="alert" data-testid="estop-banner">
      <span>
        <strong>E-STOP: the robot is stopped</strong> — {state}
        {why ? `; ${why}` : ''}. Nothing moves until the lease holder or the owner resets it.
      </span>
      <button type="button" onClick={onReset} data-testid="estop-reset">
        Reset e-stop
      </button>
    </div>
  );
}
