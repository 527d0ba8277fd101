// What one robot may send the hub: a message rate per channel and a byte rate
// over all of them, as token buckets (a second's worth of burst). A message
// over budget is dropped before it is decoded; a robot that stays over budget
// for `disconnectAfterMs` is disconnected, and whatever it sends during the
// cool-down after that is dropped and disconnects it again, so that a robot
// flooding the hub costs it little and starves nobody else.
import type { RobotChannel } from '@teleop/proto';

export interface RobotBudgetOptions {
  /** JointStates per second (the agent publishes at most 500). */
  stateRate: number;
  /** Bytes per second over every channel. */
  bytesRate: number;
  /** Over budget this long without a break: disconnected. */
  disconnectAfterMs: number;
  /** After a disconnect, this long during which every message is dropped and disconnects again. */
  coolDownMs: number;
  nowMs?: () => number;
}

/** Messages per second of the channels other than state: well above what an agent sends. */
const OTHER_RATES: Partial<Record<RobotChannel, number>> = { status: 50, events: 100, describe: 2, pong: 20, presence: 5 };

export type BudgetVerdict =
  /** Within budget: handle it. */
  | 'ok'
  /** Over budget: drop it. */
  | 'throttled'
  /** Over budget for too long, or cooling down after that: drop it and disconnect the robot. */
  | 'disconnect';

class Bucket {
  private tokens: number;
  private atMs: number;

  constructor(
    private readonly ratePerS: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.atMs = nowMs;
  }

  take(amount: number, nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.atMs) * this.ratePerS) / 1000);
    this.atMs = nowMs;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  refund(amount: number): void {
    this.tokens = Math.min(this.burst, this.tokens + amount);
  }
}

interface RobotAccount {
  channels: Map<RobotChannel, Bucket>;
  bytes: Bucket;
  /** When the current run of over-budget messages began (null: within budget). */
  overSinceMs: number | null;
  lastOverMs: number;
  coolingUntilMs: number;
}

export class RobotBudget {
  private readonly accounts = new Map<string, RobotAccount>();
  private readonly nowMs: () => number;

  constructor(private readonly options: RobotBudgetOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** The budget each channel has, messages per second. */
  rateOf(channel: RobotChannel): number {
    return channel === 'state' ? this.options.stateRate : (OTHER_RATES[channel] ?? 10);
  }

  /** Whether a message of `bytes` bytes on `channel` from `robotId` is within its budget. */
  admit(robotId: string, channel: RobotChannel, bytes: number): BudgetVerdict {
    const now = this.nowMs();
    const account = this.account(robotId, now);
    if (now < account.coolingUntilMs) return 'disconnect';
    let bucket = account.channels.get(channel);
    if (!bucket) {
      const rate = this.rateOf(channel);
      bucket = new Bucket(rate, Math.max(rate, 10), now);
      account.channels.set(channel, bucket);
    }
    // Both are charged only when both allow it, so a dropped message costs no budget.
    if (bucket.take(1, now)) {
      if (account.bytes.take(bytes, now)) return 'ok';
      bucket.refund(1);
    }
    // A second without overs ends a run of them.
    if (account.overSinceMs === null || now - account.lastOverMs > 1000) account.overSinceMs = now;
    account.lastOverMs = now;
    if (now - account.overSinceMs >= this.options.disconnectAfterMs) {
      account.coolingUntilMs = now + this.options.coolDownMs;
      account.overSinceMs = null;
      return 'disconnect';
    }
    return 'throttled';
  }

  /** Forgets a robot (revoked). */
  forget(robotId: string): void {
    this.accounts.delete(robotId);
  }

  private account(robotId: string, now: number): RobotAccount {
    let a = this.accounts.get(robotId);
    if (!a) {
      a = { channels: new Map(), bytes: new Bucket(this.options.bytesRate, this.options.bytesRate, now), overSinceMs: null, lastOverMs: 0, coolingUntilMs: 0 };
      this.accounts.set(robotId, a);
    }
    return a;
  }
}
