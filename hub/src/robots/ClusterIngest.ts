// Robots shared among hubs (--redis-url with an external broker): which hub
// ingests which robot, and what every hub knows of every robot's presence.
// The broker has no shared subscriptions that keep a robot on one hub (RabbitMQ
// 3.10 speaks MQTT 3.1.1; Mosquitto's MQTT 5 `$share` deals messages out one by
// one), so the hubs split the robots themselves: rendezvous (highest random
// weight) hashing of the robot id over the hubs alive in Redis. A robot moves
// only when its hub leaves or a hub joins that outweighs it, and each hub
// computes the same owner from the same membership, without talking.
// Membership: a set of hub ids, each alive while its liveness key (renewed by
// ClusterLeases) lives. The ingesting hub writes each robot's presence
// (online, description, status) to Redis and announces it; the other hubs
// read it, so every hub lists every robot.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { KEY_PREFIX, keys } from '../operators/clusterLeaseScripts.ts';

/** A robot's presence as its ingesting hub last saw it. */
export interface SharedPresence {
  online: boolean;
  offlineBecause: 'presence' | 'silent' | null;
  lastSeenMs: number | null;
  /** RobotDescription bytes (base64), as the robot announced it and the ingesting hub accepted it. */
  description: string | null;
  /** RobotStatus bytes (base64). */
  status: string | null;
  urdfRefusal: string | null;
  /** The hub that wrote it. */
  hubId: string;
}

export const ingestKeys = {
  members: `${KEY_PREFIX}hubs`,
  presence: (robotId: string) => `${KEY_PREFIX}presence:${robotId}`,
  membersChannel: `${KEY_PREFIX}hub-changes`,
  presenceChannel: `${KEY_PREFIX}presence`,
  enrolledChannel: `${KEY_PREFIX}enrolled`,
};

export interface ClusterIngestOptions {
  redis: Redis;
  /** A connection in subscriber mode (shared with the leases' announcements). */
  subscriber: Redis;
  /** This hub's id; its liveness key (`teleop:hub:<id>`) is kept by ClusterLeases. */
  hubId: string;
  /** How often to look at the members' liveness keys. */
  pollMs?: number;
  logger: Logger;
}

interface ClusterIngestEvents {
  /** The hubs alive changed: robots may have moved. */
  membership: [hubs: readonly string[]];
  /** A robot's shared presence was written by its ingesting hub. */
  presence: [robotId: string];
  /** A robot was enrolled through another hub. */
  enrolled: [robotId: string];
}

/** Chunks for MGET and SUBSCRIBE: a few thousand robots never make one huge command. */
const CHUNK = 500;

export class ClusterIngest extends EventEmitter<ClusterIngestEvents> {
  private hubs: string[];
  private readonly owners = new Map<string, string>();
  private readonly pollTimer: NodeJS.Timeout;
  private polling = false;
  private pollFailing = false;
  private closed = false;

  private constructor(private readonly o: ClusterIngestOptions) {
    super();
    this.hubs = [o.hubId];
    this.pollTimer = setInterval(() => void this.poll(), o.pollMs ?? 500);
  }

  /** Joins the hubs sharing the robots and reads who is alive; every hub is told (it looks again at once). */
  static async start(o: ClusterIngestOptions): Promise<ClusterIngest> {
    const ingest = new ClusterIngest(o);
    await o.redis.sadd(ingestKeys.members, o.hubId);
    o.subscriber.on('message', (channel: string, message: string) => ingest.onMessage(channel, message));
    await o.subscriber.subscribe(ingestKeys.membersChannel, ingestKeys.presenceChannel, ingestKeys.enrolledChannel);
    await ingest.poll();
    await o.redis.publish(ingestKeys.membersChannel, o.hubId);
    o.logger.info({ hubId: o.hubId, hubs: ingest.hubs.length }, 'robots shared among the hubs alive in Redis (rendezvous hashing)');
    return ingest;
  }

  get hubId(): string {
    return this.o.hubId;
  }

  /** The hubs alive, as this hub last read them (itself always among them). */
  get liveHubs(): readonly string[] {
    return this.hubs;
  }

  /** The hub that ingests a robot: the highest weight of hash(hub, robot) among the hubs alive. */
  owner(robotId: string): string {
    let owner = this.owners.get(robotId);
    if (owner) return owner;
    owner = rendezvousOwner(robotId, this.hubs);
    this.owners.set(robotId, owner);
    return owner;
  }

  owns(robotId: string): boolean {
    return this.owner(robotId) === this.o.hubId;
  }

  forget(robotId: string): void {
    this.owners.delete(robotId);
  }

  /** Writes a robot's presence (this hub ingests it) and tells the other hubs. */
  publishPresence(robotId: string, presence: SharedPresence): void {
    this.o.redis
      .set(ingestKeys.presence(robotId), JSON.stringify(presence))
      .then(() => this.o.redis.publish(ingestKeys.presenceChannel, robotId))
      .catch((err: Error) => this.o.logger.warn({ robotId, err: err.message }, "sharing a robot's presence through Redis failed; the other hubs read it at their next full look"));
  }

  /** Reads robots' shared presence (missing: no hub has seen the robot since Redis started). */
  async readPresence(robotIds: string[]): Promise<Map<string, SharedPresence>> {
    const found = new Map<string, SharedPresence>();
    for (let i = 0; i < robotIds.length; i += CHUNK) {
      const ids = robotIds.slice(i, i + CHUNK);
      const values = await this.o.redis.mget(ids.map((id) => ingestKeys.presence(id)));
      ids.forEach((id, k) => {
        const v = values[k];
        if (typeof v !== 'string') return;
        try {
          found.set(id, JSON.parse(v) as SharedPresence);
        } catch {
          this.o.logger.warn({ robotId: id }, 'unreadable shared presence in Redis: ignored');
        }
      });
    }
    return found;
  }

  /** A robot enrolled through this hub: the others start to list it (and its owner to ingest it) at once. */
  announceEnrolled(robotId: string): void {
    this.o.redis.publish(ingestKeys.enrolledChannel, robotId).catch((err: Error) => this.o.logger.warn({ robotId, err: err.message }, 'announcing an enrolled robot failed; the other hubs find it at their next look at the database'));
  }

  /** Leaves the hubs: the others take this hub's robots at once rather than after its liveness expires. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pollTimer);
    await this.o.redis.srem(ingestKeys.members, this.o.hubId).catch(() => undefined);
    // Its liveness key goes with the leases (ClusterLeases.close); the others look when told.
    await this.o.redis.del(keys.hubAlive(this.o.hubId)).catch(() => undefined);
    await this.o.redis.publish(ingestKeys.membersChannel, this.o.hubId).catch(() => undefined);
  }

  /** Reads the members and their liveness keys; forgets the dead; tells when the hubs alive changed. */
  private async poll(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      const members = await this.o.redis.smembers(ingestKeys.members);
      const others = members.filter((h) => h !== this.o.hubId);
      const pipe = this.o.redis.pipeline();
      for (const h of others) pipe.exists(keys.hubAlive(h));
      // This hub is a member while it runs (re-added if another hub took it out while it was paused or cut off).
      pipe.sadd(ingestKeys.members, this.o.hubId);
      const results = (await pipe.exec()) ?? [];
      const alive = [this.o.hubId];
      const dead: string[] = [];
      others.forEach((h, i) => {
        const [err, exists] = results[i] ?? [new Error('no answer')];
        if (err) throw err;
        if (exists === 1) alive.push(h);
        else dead.push(h);
      });
      if (dead.length > 0) await this.o.redis.srem(ingestKeys.members, ...dead);
      alive.sort();
      if (this.pollFailing) this.o.logger.info('reading the hubs alive from Redis works again');
      this.pollFailing = false;
      if (alive.join(',') === this.hubs.join(',')) return;
      const before = this.hubs;
      this.hubs = alive;
      this.owners.clear();
      this.o.logger.info({ hubs: alive, joined: alive.filter((h) => !before.includes(h)), left: before.filter((h) => !alive.includes(h)) }, 'the hubs alive changed: robots are shared anew');
      this.emit('membership', alive);
    } catch (err) {
      // Redis away: keep ingesting what this hub has (two hubs ingesting one robot is better than none).
      if (!this.pollFailing) this.o.logger.warn({ err: (err as Error).message }, 'reading the hubs alive from Redis failed; robots stay where they are');
      this.pollFailing = true;
    } finally {
      this.polling = false;
    }
  }

  private onMessage(channel: string, message: string): void {
    if (this.closed) return;
    if (channel === ingestKeys.membersChannel) {
      if (message !== this.o.hubId) void this.poll();
    } else if (channel === ingestKeys.presenceChannel) this.emit('presence', message);
    else if (channel === ingestKeys.enrolledChannel) this.emit('enrolled', message);
  }
}

/** Highest random weight: the hub whose hash with the robot id is largest (ties cannot matter: ids differ). */
export function rendezvousOwner(robotId: string, hubs: readonly string[]): string {
  let best = '';
  let owner = hubs[0] ?? '';
  for (const h of hubs) {
    const w = createHash('sha1').update(h).update('\n').update(robotId).digest('hex');
    if (w > best) {
      best = w;
      owner = h;
    }
  }
  return owner;
}
