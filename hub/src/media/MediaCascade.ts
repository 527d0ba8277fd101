// Video across hubs (--redis-url with --cluster-token): a robot's cameras are
// ingested by one hub, its media hub, which records itself in Redis
// (teleop:media:<robot> -> its hub id and internal URL, with a time to live it
// renews while it ingests). Robots offer their cameras on the shared broker, so
// every hub hears an offer: only the hub that holds (or takes) the robot's
// media key answers it. A viewer on another hub asks its own hub; that hub
// becomes ONE viewer of the media hub (hub-to-hub signalling over HTTP with the
// cluster token) and relays the tracks to all its viewers through its own
// relay, so a camera is ingested once and each hub pulls at most one copy of it.
// Key-frame requests travel up the cascade as PLI; the last viewer leaving
// closes the upstream; a media hub whose key expires (it died) ends the
// upstream, and the next watch asks the robot to publish again.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { WatchResult } from '@teleop/proto';
import type { Logger } from '../log.ts';
import { keys } from '../operators/clusterLeaseScripts.ts';
import { HUB_CONNECTION_PREFIX, MediaRelayError, type MediaRelay } from './MediaRelay.ts';

export const mediaKey = (robotId: string): string => `teleop:media:${robotId}`;
/** A hub that starts ingesting a robot's cameras says so here: the other hubs tell their viewers to ask again. */
export const MEDIA_CHANNEL = 'teleop:media';

/** Who ingests a robot's cameras, as stored in Redis. */
export interface MediaHolder {
  hubId: string;
  /** Base URL other hubs reach it at. */
  url: string;
}

// Takes the key when it is free or already this hub's (and renews it); otherwise answers the holder.
const CLAIM_LUA = `
local v = redis.call('GET', KEYS[1])
if v then
  local d = cjson.decode(v)
  if d.hubId ~= ARGV[1] then return v end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 'ok'
`;

// Deletes the key only if it is this hub's.
const RELEASE_LUA = `
local v = redis.call('GET', KEYS[1])
if v and cjson.decode(v).hubId == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 'ok'
`;

export interface MediaCascadeOptions {
  redis: Redis;
  hubId: string;
  /** This hub's URL for other hubs (known once it listens: see setUrl). */
  url?: string;
  /** The cluster secret; unset: this hub neither pulls from others nor lets them pull (it still claims what it ingests). */
  token: string | undefined;
  relay: MediaRelay;
  /** Time to live of a media key; renewed (and upstreams checked) every third of it. */
  ttlMs: number;
  logger: Logger;
  /** Online and announcing cameras: worth asking to publish again. */
  robotHasCameras: (robotId: string) => boolean;
  /** Asks a robot to offer its cameras again (its media hub is gone). */
  askRepublish: (robotId: string) => void;
  /** Another hub now ingests a robot's cameras: this hub's operators are told (media:changed) so their consoles watch again. */
  mediaMoved: (robotId: string) => void;
}

interface Upstream {
  session: string;
  holder: MediaHolder;
  /** The viewer id this hub is on the media hub. */
  viewerId: string;
  /** Since when no packet has arrived on any camera of the upstream (ms, performance.now()), or null. */
  silentSinceMs: number | null;
}

/** A hub-to-hub request refused; the HTTP layer answers `httpStatus` with `{ error: code, message }`. */
export class ClusterMediaError extends Error {
  override name = 'ClusterMediaError';
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseHolder(raw: string | null): MediaHolder | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<MediaHolder>;
    return typeof d.hubId === 'string' && typeof d.url === 'string' ? { hubId: d.hubId, url: d.url } : null;
  } catch {
    return null;
  }
}

const MAX_SDP = 64 * 1024;
const REPUBLISH_EVERY_MS = 5000;
/** An upstream that carries no packet this long is closed (its viewers re-ask): the media hub dropped it unseen. */
const UPSTREAM_SILENCE_MS = 5000;
const HUB_REQUEST_TIMEOUT_MS = 10_000;

export class MediaCascade {
  private readonly upstreams = new Map<string, Upstream>();
  /** Hubs pulling from this one (their pulls are closed when their liveness key expires: they died). */
  private readonly pullers = new Set<string>();
  /** Robots whose cameras this hub ingests and has announced. */
  private readonly announced = new Set<string>();
  private readonly pulling = new Map<string, Promise<void>>();
  private readonly republished = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private ticking = false;
  private closed = false;
  private claimValue = '';
  private urlKnown!: () => void;
  /** Claims wait for this hub's URL (it may listen on a port chosen at start). */
  private readonly urlReady = new Promise<void>((resolve) => (this.urlKnown = resolve));

  constructor(private readonly o: MediaCascadeOptions) {
    if (o.url) this.setUrl(o.url);
    o.relay.on('changed', (robotId) => this.onChanged(robotId));
    o.relay.on('unwatched', (robotId) => this.unwatched(robotId));
    this.timer = setInterval(() => void this.tick(), Math.max(100, Math.floor(o.ttlMs / 3)));
  }

  setUrl(url: string): void {
    this.claimValue = JSON.stringify({ hubId: this.o.hubId, url: url.replace(/\/$/, '') } satisfies MediaHolder);
    this.urlKnown();
  }

  /** Listens to the other hubs' announcements on `subscriber` (a connection in subscriber mode). */
  async attach(subscriber: Redis): Promise<void> {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== MEDIA_CHANNEL) return;
      try {
        const a = JSON.parse(message) as { robotId?: unknown; hubId?: unknown };
        if (typeof a.robotId === 'string' && typeof a.hubId === 'string' && a.hubId !== this.o.hubId) this.o.mediaMoved(a.robotId);
      } catch {
        this.o.logger.warn({ bytes: message.length }, 'ignored a malformed media announcement');
      }
    });
    await subscriber.subscribe(MEDIA_CHANNEL);
  }

  /** Whether a request carries the cluster token. */
  isHub(req: FastifyRequest): boolean {
    return this.o.token !== undefined && sameSecret(req.headers.authorization ?? '', `Bearer ${this.o.token}`);
  }

  /**
   * Whether this hub may answer a robot's camera offer: it takes the robot's media key if no other hub holds it.
   * Without Redis only a hub that already ingests the robot's cameras answers: several answers to one offer break
   * the robot's session (it applies one and retries on the next), so no answer, and the robot's retry once Redis is
   * back, is better.
   */
  async claim(robotId: string): Promise<boolean> {
    await this.urlReady;
    try {
      const res = await this.o.redis.eval(CLAIM_LUA, 1, mediaKey(robotId), this.o.hubId, this.claimValue, this.o.ttlMs);
      if (res === 'ok') return true;
      this.o.logger.debug({ robotId, holder: parseHolder(String(res))?.hubId }, "another hub ingests this robot's cameras; not answering its offer");
      return false;
    } catch (err) {
      const mine = this.o.relay.ingestedRobots().includes(robotId);
      this.o.logger.warn({ robotId, err: (err as Error).message }, `media key unreadable (Redis); ${mine ? 'answering the camera offer (this hub ingests the robot)' : 'not answering the camera offer'}`);
      return mine;
    }
  }

  /** Another hub that holds the robot's media key, or null. */
  async holderElsewhere(robotId: string): Promise<MediaHolder | null> {
    const holder = parseHolder(await this.o.redis.get(mediaKey(robotId)).catch(() => null));
    return holder && holder.hubId !== this.o.hubId ? holder : null;
  }

  /**
   * Before a viewer on this hub watches a robot: when the robot's cameras are ingested by another hub and not yet
   * relayed here, pull them (once, however many viewers ask at once); when no hub ingests them, ask the robot to
   * publish again (its media hub died, or its offer found Redis away). Nothing to pull: the relay says no_video.
   */
  async beforeWatch(robotId: string): Promise<void> {
    if (this.o.relay.cameras(robotId).length > 0) return;
    const pending = this.pulling.get(robotId);
    if (pending) return pending;
    const pull = this.pull(robotId).finally(() => this.pulling.delete(robotId));
    this.pulling.set(robotId, pull);
    return pull;
  }

  /** A watch that pulled but added no viewer: the upstream goes if nobody watches. */
  unwatched(robotId: string): void {
    if (this.upstreams.has(robotId) && this.o.relay.viewerCount(robotId) === 0 && !this.pulling.has(robotId)) this.closeUpstream(robotId, 'no viewer left');
  }

  /** The hub-to-hub endpoints another hub pulls through (access 'cluster:media': the cluster token). */
  routes() {
    const relay = this.o.relay;
    const hubId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
    const route = (body: Record<string, unknown>, required: string[]) => ({
      config: { access: { action: 'cluster:media' as const } },
      schema: { body: { type: 'object', required, additionalProperties: false, properties: body } },
    });
    const connectionOf = (id: string): string => {
      this.pullers.add(id);
      return `${HUB_CONNECTION_PREFIX}${id}`;
    };
    const relayError = (err: unknown): never => {
      if (err instanceof MediaRelayError) throw new ClusterMediaError(err.code === 'unknown_viewer' || err.code === 'no_video' ? 404 : 400, err.code, err.message);
      throw err;
    };
    return async (app: FastifyInstance): Promise<void> => {
      app.post<{ Params: { robotId: string }; Body: { hubId: string } }>('/api/v1/cluster/media/:robotId/pull', route({ hubId }, ['hubId']), async (req): Promise<WatchResult> => {
        const { robotId } = req.params;
        // Only what the robot publishes here: a hub never relays a relay (no chains, no loops).
        if (!relay.ingestedRobots().includes(robotId)) throw new ClusterMediaError(404, 'no_video', `robot ${robotId} publishes no camera to this hub`);
        return relay.addViewer(connectionOf(req.body.hubId), robotId).catch(relayError);
      });
      app.post<{ Params: { viewerId: string }; Body: { hubId: string; sdp: string } }>(
        '/api/v1/cluster/media/pulls/:viewerId/answer',
        route({ hubId, sdp: { type: 'string', pattern: '^v=0', maxLength: MAX_SDP } }, ['hubId', 'sdp']),
        async (req) => {
          await relay.acceptViewerAnswer(connectionOf(req.body.hubId), req.params.viewerId, req.body.sdp).catch(relayError);
          return { ok: true };
        },
      );
      app.post<{ Params: { viewerId: string }; Body: { hubId: string } }>('/api/v1/cluster/media/pulls/:viewerId/stop', route({ hubId }, ['hubId']), async (req) => {
        if (!relay.removeViewer(connectionOf(req.body.hubId), req.params.viewerId)) throw new ClusterMediaError(404, 'unknown_viewer', `no pull ${req.params.viewerId} of this hub`);
        return { ok: true };
      });
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const robotId of [...this.upstreams.keys()]) this.closeUpstream(robotId, 'hub closing');
    await Promise.all(this.o.relay.ingestedRobots().map((robotId) => this.release(robotId)));
  }

  private async pull(robotId: string): Promise<void> {
    let holder: MediaHolder | null;
    try {
      holder = parseHolder(await this.o.redis.get(mediaKey(robotId)));
    } catch (err) {
      throw new MediaRelayError('no_video', `robot ${robotId}'s media hub cannot be looked up: ${(err as Error).message}`);
    }
    if (!holder || holder.hubId === this.o.hubId) {
      // No hub ingests its cameras (its media hub died): the robot is asked to offer them again, once in a while.
      const last = this.republished.get(robotId) ?? 0;
      if (this.o.robotHasCameras(robotId) && Date.now() - last > REPUBLISH_EVERY_MS) {
        this.republished.set(robotId, Date.now());
        this.o.logger.info({ robotId }, 'no hub ingests the cameras of this robot; asking it to publish them again');
        this.o.askRepublish(robotId);
      }
      return;
    }
    // Without the cluster secret this hub does not pull: its viewers watch through the media hub.
    if (this.o.token === undefined) return;
    const hubId = this.o.hubId;
    const watch = (await this.hubRequest(holder, `/api/v1/cluster/media/${encodeURIComponent(robotId)}/pull`, { hubId })) as WatchResult;
    const session = `up-${holder.hubId}-${randomUUID()}`;
    const stop = (): void => void this.hubRequest(holder, `/api/v1/cluster/media/pulls/${encodeURIComponent(watch.viewerId)}/stop`, { hubId }).catch(() => undefined);
    let answer: string;
    try {
      answer = await this.o.relay.publishUpstream({ robotId, session, offer: watch.offer, cameras: watch.cameras });
    } catch (err) {
      stop();
      throw err;
    }
    try {
      await this.hubRequest(holder, `/api/v1/cluster/media/pulls/${encodeURIComponent(watch.viewerId)}/answer`, { hubId, sdp: answer });
    } catch (err) {
      this.o.relay.removeRobotTrack(robotId, session);
      stop();
      throw err;
    }
    this.upstreams.set(robotId, { session, holder, viewerId: watch.viewerId, silentSinceMs: null });
    this.o.logger.info({ robotId, from: holder.hubId, viewerId: watch.viewerId }, "pulling a robot's cameras from its media hub");
  }

  private async hubRequest(holder: MediaHolder, path: string, body: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${holder.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.o.token ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(HUB_REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw new MediaRelayError('no_video', `the robot's media hub (${holder.url}) cannot be reached: ${(err as Error).message}`);
    }
    const answer = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
    if (!res.ok) {
      this.o.logger.warn({ url: holder.url, path, status: res.status, error: answer.error }, 'the media hub refused a hub-to-hub request');
      throw new MediaRelayError('no_video', `the robot's media hub refused: ${answer.message ?? res.status}`);
    }
    return answer;
  }

  private closeUpstream(robotId: string, why: string): void {
    const up = this.upstreams.get(robotId);
    if (!up) return;
    this.upstreams.delete(robotId);
    this.o.logger.info({ robotId, from: up.holder.hubId, why }, 'closing the upstream of a robot from its media hub');
    if (this.o.relay.upstreamOf(robotId) === up.session) this.o.relay.removeRobotTrack(robotId, up.session);
    void this.hubRequest(up.holder, `/api/v1/cluster/media/pulls/${encodeURIComponent(up.viewerId)}/stop`, { hubId: this.o.hubId }).catch(() => undefined);
  }

  private onChanged(robotId: string): void {
    if (this.closed) return;
    const up = this.upstreams.get(robotId);
    // The upstream ended on its own (connection failed) or the robot now publishes here.
    if (up && this.o.relay.upstreamOf(robotId) !== up.session) this.closeUpstream(robotId, 'upstream ended');
    if (this.o.relay.ingestedRobots().includes(robotId)) {
      void this.claim(robotId).then((mine) => {
        if (!mine || this.announced.has(robotId)) return;
        this.announced.add(robotId);
        void this.o.redis.publish(MEDIA_CHANNEL, JSON.stringify({ robotId, hubId: this.o.hubId })).catch(() => undefined);
      });
    } else {
      this.announced.delete(robotId);
      if (!this.upstreams.has(robotId)) void this.release(robotId);
    }
  }

  private async release(robotId: string): Promise<void> {
    await this.o.redis.eval(RELEASE_LUA, 1, mediaKey(robotId), this.o.hubId).catch(() => undefined);
  }

  /** Renews the keys of what this hub ingests; ends upstreams whose media hub is no longer the robot's. */
  private async tick(): Promise<void> {
    if (this.ticking || this.closed) return;
    this.ticking = true;
    try {
      for (const robotId of this.o.relay.ingestedRobots()) {
        if (!(await this.claim(robotId))) this.o.logger.warn({ robotId }, "another hub took this robot's media key while this hub ingests its cameras");
      }
      for (const hubId of [...this.pullers]) {
        // A hub that died without saying so: its pulls close (its liveness key is the one its leases keep).
        if ((await this.o.redis.exists(keys.hubAlive(hubId)).catch(() => 1)) === 0) {
          this.pullers.delete(hubId);
          this.o.logger.info({ hubId }, "a hub pulling video from this one is gone; closing its pulls");
          this.o.relay.removeConnection(`${HUB_CONNECTION_PREFIX}${hubId}`);
        }
      }
      for (const [robotId, up] of [...this.upstreams]) {
        const now = parseHolder(await this.o.redis.get(mediaKey(robotId)).catch(() => JSON.stringify(up.holder)));
        if (now?.hubId !== up.holder.hubId) {
          this.closeUpstream(robotId, now ? 'the robot publishes to another hub' : 'its media hub is gone');
          continue;
        }
        // fps is measured over the last second; a camera of a live robot never pauses for seconds.
        const silent = this.o.relay.stats(robotId).every((s) => s.fps === 0);
        const at = performance.now();
        if (!silent) up.silentSinceMs = null;
        else if (up.silentSinceMs === null) up.silentSinceMs = at;
        else if (at - up.silentSinceMs > UPSTREAM_SILENCE_MS) this.closeUpstream(robotId, `no packet from the media hub for ${UPSTREAM_SILENCE_MS / 1000} s`);
      }
    } finally {
      this.ticking = false;
    }
  }
}
