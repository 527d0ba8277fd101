// Sends each robot's JointState to the operators watching it, at most at each
// operator's display rate: a state that arrives inside an operator's interval
// replaces the one waiting, so the operator always gets the newest. A state
// that acknowledges a new command goes out at once: the driver's control
// round trip must not wait for the display interval.

export interface StateSink {
  /** Stable id of the receiving connection. */
  readonly id: string;
  send(robotId: string, payload: Buffer): void;
}

interface Subscription {
  sink: StateSink;
  intervalMs: number;
  lastSentMs: number;
  timer: NodeJS.Timeout | null;
  waiting: Buffer | null;
  /** Acknowledgement key (lease and applied sequence) of the last state sent. */
  lastAck: string;
}

export class StateFanout {
  private readonly byRobot = new Map<string, Map<string, Subscription>>();

  constructor(
    private readonly onCoalesced: () => void = () => undefined,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  subscribe(robotId: string, sink: StateSink, maxRateHz: number): void {
    let subs = this.byRobot.get(robotId);
    if (!subs) {
      subs = new Map();
      this.byRobot.set(robotId, subs);
    }
    const existing = subs.get(sink.id);
    if (existing?.timer) clearTimeout(existing.timer);
    subs.set(sink.id, { sink, intervalMs: 1000 / maxRateHz, lastSentMs: -Infinity, timer: null, waiting: null, lastAck: '' });
  }

  unsubscribe(robotId: string, sinkId: string): boolean {
    const subs = this.byRobot.get(robotId);
    const sub = subs?.get(sinkId);
    if (!subs || !sub) return false;
    if (sub.timer) clearTimeout(sub.timer);
    subs.delete(sinkId);
    if (subs.size === 0) this.byRobot.delete(robotId);
    return true;
  }

  unsubscribeAll(sinkId: string): void {
    for (const robotId of [...this.byRobot.keys()]) this.unsubscribe(robotId, sinkId);
  }

  /** Robots `sinkId` watches. */
  subscriptionsOf(sinkId: string): string[] {
    return [...this.byRobot].filter(([, subs]) => subs.has(sinkId)).map(([id]) => id);
  }

  isSubscribed(robotId: string, sinkId: string): boolean {
    return this.byRobot.get(robotId)?.has(sinkId) ?? false;
  }

  /** Watchers of a robot, for status and presence messages that are not rate limited. */
  sinks(robotId: string): StateSink[] {
    return [...(this.byRobot.get(robotId)?.values() ?? [])].map((s) => s.sink);
  }

  /** `ack` identifies the command the state acknowledges (lease and applied sequence). */
  publish(robotId: string, payload: Buffer, ack = ''): void {
    const subs = this.byRobot.get(robotId);
    if (!subs) return;
    const now = this.nowMs();
    for (const sub of subs.values()) {
      const wait = sub.lastSentMs + sub.intervalMs - now;
      const acknowledges = ack !== sub.lastAck;
      sub.lastAck = ack;
      if ((wait <= 0 && !sub.timer) || acknowledges) {
        if (sub.timer) clearTimeout(sub.timer);
        sub.timer = null;
        sub.waiting = null;
        sub.lastSentMs = now;
        sub.sink.send(robotId, payload);
        continue;
      }
      if (sub.waiting) this.onCoalesced();
      sub.waiting = payload;
      sub.timer ??= setTimeout(() => {
        sub.timer = null;
        const next = sub.waiting;
        sub.waiting = null;
        if (!next) return;
        sub.lastSentMs = this.nowMs();
        sub.sink.send(robotId, next);
      }, Math.max(0, wait));
    }
  }

  close(): void {
    for (const subs of this.byRobot.values()) for (const s of subs.values()) if (s.timer) clearTimeout(s.timer);
    this.byRobot.clear();
  }
}
