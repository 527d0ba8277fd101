// E-stop latches shared by hubs through Redis (--redis-url): a latch pressed
// on any hub is held by every hub, so none forwards a command until the robot
// confirms its reset. The hub where it is pressed sends it to the robot first;
// the record here comes after and is never waited for.
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { ESTOP_CLEAR_LUA, keys } from '../operators/clusterLeaseScripts.ts';
import type { EstopLatch } from '../store/RobotStore.ts';
import type { EStopLatches, SharedLatchRecord } from './EStopLatches.ts';

interface LatchAnnouncement {
  hubId: string;
  robotId: string;
  /** The latch as it is now, or null when its reset was confirmed (then `id` names it). */
  latch: EstopLatch | null;
  id: string;
}

/** Time a latch record is kept in Redis after its last change: a robot e-stopped that long is not lost either (the store keeps it). */
const RECORD_TTL_S = 30 * 86_400;

/** A record that did not land is tried again this often, until it does (or a newer change of the latch replaces it). */
const RETRY_MS = 1000;

export class SharedEStops implements SharedLatchRecord {
  private latches: EStopLatches | null = null;
  /** Per robot, the latest change Redis has not taken yet. */
  private readonly unrecorded = new Map<string, () => Promise<unknown>>();
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly hubId: string,
    private readonly logger: Logger,
  ) {
    redis.defineCommand('teleopEstop_clear', { numberOfKeys: 1, lua: ESTOP_CLEAR_LUA });
  }

  /** Takes in every latch the other hubs hold, then follows their changes. */
  async attach(latches: EStopLatches, subscriber: Redis): Promise<void> {
    this.latches = latches;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === keys.estopChannel) this.onAnnouncement(message);
    });
    await subscriber.subscribe(keys.estopChannel);
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', keys.estopPattern, 'COUNT', 100);
      cursor = next;
      for (const key of found) {
        const text = await this.redis.get(key);
        if (text) latches.adoptShared(JSON.parse(text) as EstopLatch);
      }
    } while (cursor !== '0');
  }

  record(latch: EstopLatch): void {
    const announcement: LatchAnnouncement = { hubId: this.hubId, robotId: latch.robotId, latch, id: latch.id };
    this.write(latch.robotId, latch.id, () =>
      this.redis.multi().set(keys.estop(latch.robotId), JSON.stringify(latch), 'EX', RECORD_TTL_S).publish(keys.estopChannel, JSON.stringify(announcement)).exec(),
    );
  }

  clear(robotId: string, id: string): void {
    const announcement: LatchAnnouncement = { hubId: this.hubId, robotId, latch: null, id };
    this.write(robotId, id, async () => {
      await (this.redis as unknown as { teleopEstop_clear: (key: string, id: string) => Promise<number> }).teleopEstop_clear(keys.estop(robotId), id);
      await this.redis.publish(keys.estopChannel, JSON.stringify(announcement));
    });
  }

  close(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  /** Writes a latch change; one that fails is tried again until it lands, unless a newer change of the robot's latch comes first. */
  private write(robotId: string, estopId: string, attempt: () => Promise<unknown>): void {
    this.unrecorded.set(robotId, attempt);
    attempt().then(
      () => {
        if (this.unrecorded.get(robotId) === attempt) this.unrecorded.delete(robotId);
      },
      (err: Error) => {
        this.logger.error({ robotId, estopId, err: err.message }, `recording the e-stop latch in Redis failed (tried again every ${RETRY_MS} ms; the robot has it, other hubs hold it once it lands): ${err.message}`);
        this.retryTimer ??= setInterval(() => this.retry(), RETRY_MS);
      },
    );
  }

  private retry(): void {
    if (this.unrecorded.size === 0 && this.retryTimer) {
      clearInterval(this.retryTimer);
      this.retryTimer = null;
      return;
    }
    for (const [robotId, attempt] of this.unrecorded) {
      attempt().then(
        () => {
          if (this.unrecorded.get(robotId) === attempt) this.unrecorded.delete(robotId);
          this.logger.info({ robotId }, 'e-stop latch recorded in Redis');
        },
        () => undefined, // still failing: next round
      );
    }
  }

  private onAnnouncement(text: string): void {
    let a: LatchAnnouncement;
    try {
      a = JSON.parse(text) as LatchAnnouncement;
    } catch {
      return;
    }
    if (!this.latches || a.hubId === this.hubId || typeof a.robotId !== 'string') return;
    if (a.latch) this.latches.adoptShared(a.latch);
    else this.latches.dropShared(a.robotId, a.id);
  }
}
