// The robot's MQTT session with the hub: learns the broker address from the
// hub, authenticates as the robot, announces itself on every (re)connect and
// delivers hub -> robot messages. Reconnects with exponential backoff.
import { EventEmitter } from 'node:events';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { robotTopic, type RobotChannel } from '@teleop/proto';
import type { Logger } from '../log.ts';

export interface HubLinkOptions {
  /** Hub base URL, e.g. http://hub.example:8080; used to discover the broker. */
  hubUrl?: string;
  /** Broker URL (mqtt://, mqtts://, ws://, wss://); overrides discovery. */
  mqttUrl?: string;
  robotId: string;
  secret: string;
  logger: Logger;
  /** First reconnect delay, ms; doubles up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** MQTT keepalive, s: the broker declares the robot offline after 1.5x this. */
  keepaliveS?: number;
}

export interface Announcement {
  describe: Uint8Array;
  /** Current RobotStatus, read at each (re)connect. */
  status: () => Uint8Array;
}

export class BrokerDiscoveryError extends Error {
  override name = 'BrokerDiscoveryError';
}

interface HubLinkEvents {
  connect: [];
  disconnect: [];
  control: [payload: Buffer];
  session: [payload: Buffer];
  ping: [payload: Buffer];
  mediaSignal: [payload: Buffer];
}

type InboundChannel = 'control' | 'session' | 'ping' | 'mediaSignal';
const INBOUND: InboundChannel[] = ['control', 'session', 'ping', 'mediaSignal'];

/** Asks the hub where its MQTT broker is (GET /api/v1/broker). */
export async function discoverBroker(hubUrl: string): Promise<string> {
  const url = new URL('/api/v1/broker', hubUrl);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (err) {
    throw new BrokerDiscoveryError(`cannot reach the hub at ${hubUrl} (${(err as Error).message}); check --hub or pass --mqtt-url`);
  }
  if (!res.ok) throw new BrokerDiscoveryError(`hub at ${hubUrl} answered ${res.status} to ${url.pathname}`);
  const body = (await res.json()) as { mqttUrl?: unknown };
  if (typeof body.mqttUrl !== 'string') throw new BrokerDiscoveryError(`hub at ${hubUrl} did not say where its broker is`);
  return body.mqttUrl;
}

export class HubLink extends EventEmitter<HubLinkEvents> {
  private client: MqttClient | null = null;
  private announcement: Announcement | null = null;
  private backoffMs: number;
  private closed = false;
  private discoveryTimer: NodeJS.Timeout | null = null;
  private readonly topics: Map<string, InboundChannel>;
  /** Counts for status and diagnostics. */
  readonly stats = { connects: 0, refusals: 0, published: 0, received: 0 };

  constructor(private readonly options: HubLinkOptions) {
    super();
    this.backoffMs = options.minBackoffMs ?? 500;
    this.topics = new Map(INBOUND.map((c) => [robotTopic(options.robotId, c), c]));
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Sets what to announce (retained) on every connect; announces now if connected. */
  announce(announcement: Announcement): void {
    this.announcement = announcement;
    if (this.connected) this.publishAnnouncement();
  }

  /** Resolves the broker and starts connecting; keeps retrying discovery with backoff. */
  async start(): Promise<void> {
    const { logger } = this.options;
    while (!this.closed) {
      try {
        const url = this.options.mqttUrl ?? (await discoverBroker(this.requireHubUrl()));
        this.connect(url);
        return;
      } catch (err) {
        if (!(err instanceof BrokerDiscoveryError)) throw err;
        logger.warn({ retryInMs: this.backoffMs }, err.message);
        await new Promise<void>((resolve) => {
          this.discoveryTimer = setTimeout(resolve, this.backoffMs);
        });
        this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 15_000);
      }
    }
  }

  publish(channel: RobotChannel, payload: Uint8Array | string, opts: { qos?: 0 | 1; retain?: boolean } = {}): boolean {
    const client = this.client;
    if (!client?.connected) return false;
    client.publish(robotTopic(this.options.robotId, channel), Buffer.from(payload), { qos: opts.qos ?? 0, retain: opts.retain ?? false });
    this.stats.published++;
    return true;
  }

  /** Announces "offline" and disconnects cleanly. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.discoveryTimer) clearTimeout(this.discoveryTimer);
    const client = this.client;
    if (!client) return;
    if (client.connected) {
      await new Promise<void>((resolve) => {
        client.publish(robotTopic(this.options.robotId, 'presence'), 'offline', { qos: 1, retain: true }, () => resolve());
        setTimeout(resolve, 1000).unref();
      });
    }
    await client.endAsync(false).catch(() => undefined);
  }

  private requireHubUrl(): string {
    if (!this.options.hubUrl) throw new BrokerDiscoveryError('neither --hub nor --mqtt-url is set');
    return this.options.hubUrl;
  }

  private connect(url: string): void {
    const { robotId, secret, logger } = this.options;
    const presence = robotTopic(robotId, 'presence');
    const opts: IClientOptions = {
      clientId: robotId,
      username: robotId,
      password: secret,
      protocolVersion: 4,
      clean: true,
      keepalive: this.options.keepaliveS ?? 5,
      connectTimeout: 5000,
      reconnectPeriod: this.backoffMs,
      will: { topic: presence, payload: Buffer.from('offline'), qos: 1, retain: true },
    };
    logger.info({ url, robotId }, 'connecting to the hub broker');
    const client = mqtt.connect(url, opts);
    this.client = client;

    client.on('connect', () => {
      // Small, frequent messages (states, acknowledgements): without this, Nagle's algorithm holds one back
      // behind the delayed ACK of the previous one for tens of milliseconds.
      (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
      this.stats.connects++;
      this.backoffMs = this.options.minBackoffMs ?? 500;
      client.options.reconnectPeriod = this.backoffMs;
      logger.info({ url }, 'connected to the hub broker');
      client.subscribe([...this.topics.keys()], { qos: 1 }, (err) => {
        if (err) logger.error({ err: err.message }, 'subscribing to hub commands failed');
      });
      this.publishAnnouncement();
      this.emit('connect');
    });
    client.on('message', (topic, payload) => {
      const channel = this.topics.get(topic);
      if (!channel) return;
      this.stats.received++;
      // Every inbound channel's listener takes the raw payload.
      (this.emit as (event: InboundChannel, payload: Buffer) => boolean)(channel, payload);
    });
    client.on('close', () => {
      if (this.closed) return;
      this.emit('disconnect');
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 15_000);
      client.options.reconnectPeriod = this.backoffMs;
    });
    client.on('error', (err: Error & { code?: number }) => {
      if (err.code === 4 || err.code === 5 || err.code === 134 || err.code === 135) {
        this.stats.refusals++;
        logger.error(
          { robotId, code: err.code, retryInMs: this.backoffMs },
          `the hub refused robot ${robotId}: ${err.message} (wrong secret, or the robot was revoked)`,
        );
      } else {
        logger.warn({ err: err.message }, 'hub link error');
      }
    });
  }

  private publishAnnouncement(): void {
    const a = this.announcement;
    if (!a) return;
    this.publish('describe', a.describe, { qos: 1, retain: true });
    this.publish('status', a.status(), { qos: 1, retain: true });
    this.publish('presence', 'online', { qos: 1, retain: true });
  }
}
