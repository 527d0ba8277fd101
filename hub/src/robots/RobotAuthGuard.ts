// Robot authentication as network clients meet it (MQTT, tus uploads, an
// external broker's auth endpoint): failures counted per client address and
// per robot id; an address that failed too often is refused at once, without
// a check, for a cool-down. A robot id is never locked: someone else's wrong
// secrets for it must not keep the robot with the right one out.
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { AuthResult, RobotRegistry } from './RobotRegistry.ts';

export type RobotAuthTransport = 'mqtt' | 'tus' | 'broker';

export interface RobotClient {
  transport: RobotAuthTransport;
  /** The client's IP address; unknown (e.g. an external broker that does not send peerhost) is never throttled. */
  address: string | undefined;
}

export type GuardedAuthResult = AuthResult | { ok: false; reason: 'throttled' };

export interface RobotAuthGuardOptions {
  registry: RobotRegistry;
  metrics: HubMetrics;
  logger: Logger;
  /** Failures from one address within `windowMs` that start its cool-down. */
  maxFailures?: number;
  windowMs?: number;
  /** How long a throttled address is refused without a check. */
  coolDownMs?: number;
  nowMs?: () => number;
}

interface FailureWindow {
  startedAt: number;
  failures: number;
  /** Address: refused without a check until then. Robot id: warned about in this window. */
  until: number;
}

/** Past this many tracked addresses or robot ids, finished windows are dropped. */
const PRUNE_AT = 10_000;

export class RobotAuthGuard {
  private readonly byAddress = new Map<string, FailureWindow>();
  private readonly byRobot = new Map<string, FailureWindow>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly coolDownMs: number;
  private readonly nowMs: () => number;

  constructor(private readonly o: RobotAuthGuardOptions) {
    this.maxFailures = o.maxFailures ?? 20;
    this.windowMs = o.windowMs ?? 60_000;
    this.coolDownMs = o.coolDownMs ?? 60_000;
    this.nowMs = o.nowMs ?? Date.now;
  }

  async authenticate(robotId: string, secret: string, client: RobotClient): Promise<GuardedAuthResult> {
    const addressWindow = client.address === undefined ? undefined : this.byAddress.get(client.address);
    if (addressWindow && addressWindow.until > this.nowMs()) {
      this.o.metrics.robotAuthThrottled.inc({ transport: client.transport });
      return { ok: false, reason: 'throttled' };
    }
    const res = await this.o.registry.authenticate(robotId, secret);
    if (!res.ok) this.failed(robotId, client, res.reason);
    return res;
  }

  private failed(robotId: string, client: RobotClient, reason: string): void {
    this.o.metrics.robotAuthFailures.inc({ transport: client.transport });
    const now = this.nowMs();
    if (client.address !== undefined) {
      const w = this.count(this.byAddress, client.address, now);
      if (w.failures === this.maxFailures) {
        w.until = now + this.coolDownMs;
        this.o.logger.warn(
          { address: client.address, transport: client.transport, failures: w.failures },
          `robot authentication from ${client.address} refused for ${this.coolDownMs / 1000} s: ${w.failures} failures within ${this.windowMs / 1000} s`,
        );
      }
    }
    if (reason !== 'bad_secret') return; // unknown ids are not tracked: anyone can make up as many as they like
    const r = this.count(this.byRobot, robotId, now);
    if (r.failures === this.maxFailures) {
      this.o.logger.warn({ robotId, failures: r.failures }, `robot ${robotId}: ${r.failures} wrong secrets within ${this.windowMs / 1000} s (it is not locked; its clients' addresses are throttled)`);
    }
  }

  /** Counts one failure in the key's current window (a new window once the last one ended). */
  private count(map: Map<string, FailureWindow>, key: string, now: number): FailureWindow {
    let w = map.get(key);
    if (!w || (now - w.startedAt > this.windowMs && w.until <= now)) {
      if (map.size >= PRUNE_AT) this.prune(map, now);
      w = { startedAt: now, failures: 0, until: 0 };
      map.set(key, w);
    }
    w.failures++;
    return w;
  }

  private prune(map: Map<string, FailureWindow>, now: number): void {
    for (const [key, w] of map) if (now - w.startedAt > this.windowMs && w.until <= now) map.delete(key);
  }
}
