// An external MQTT broker (Mosquitto, EMQX, RabbitMQ) reached as a client. The
// broker enforces the robot ACL (see README: External brokers); the hub still
// checks every message's robot against its registry.
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from '../log.ts';
import type { BrokerLink, MessageHandler, PublishOptions } from './BrokerLink.ts';

export interface ExternalBrokerOptions {
  url: string;
  username: string;
  password: string;
  /** URL announced to robots; defaults to `url`. */
  robotUrl?: string;
  logger: Logger;
}

export class BrokerConnectError extends Error {
  override name = 'BrokerConnectError';
}

/** MQTT topic filter matching with + and # wildcards. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

export class ExternalBroker implements BrokerLink {
  readonly kind = 'external' as const;
  readonly robotWsUrl = undefined;
  private readonly handlers: { filter: string; handler: MessageHandler }[] = [];
  /** Exact topics (no wildcards) subscribed one by one: found by a lookup, not matched against each filter. */
  private readonly exact = new Map<string, MessageHandler>();
  /** Robots whose client id the hub is taking over now: a burst of verdicts (messages in flight) makes one takeover. */
  private readonly kicking = new Set<string>();

  private constructor(
    private readonly client: MqttClient,
    readonly robotUrl: string,
    private readonly options: ExternalBrokerOptions,
  ) {
    client.on('message', (topic, payload) => {
      this.exact.get(topic)?.(topic, payload);
      for (const h of this.handlers) if (topicMatches(h.filter, topic)) h.handler(topic, payload);
    });
  }

  static async connect(options: ExternalBrokerOptions): Promise<ExternalBroker> {
    const { logger } = options;
    const client = mqtt.connect(options.url, {
      clientId: `teleop-hub-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      username: options.username,
      password: options.password,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
        client.once('connect', () => {
          clearTimeout(timer);
          resolve();
        });
        client.once('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
    } catch (err) {
      client.end(true);
      throw new BrokerConnectError(`cannot connect to the external broker ${options.url} as "${options.username}": ${(err as Error).message}`);
    }
    client.on('error', (err) => logger.warn({ err: err.message }, 'external broker error'));
    client.on('offline', () => logger.warn({ url: options.url }, 'lost the external broker; reconnecting'));
    const noDelay = (): void => (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
    noDelay();
    client.on('connect', () => {
      noDelay(); // commands are small and latency-bound: no Nagle
      logger.info({ url: options.url }, 'connected to the external broker');
    });
    logger.info({ url: options.url }, 'using external MQTT broker');
    return new ExternalBroker(client, options.robotUrl ?? options.url, options);
  }

  get connected(): boolean {
    return this.client.connected;
  }

  publish(topic: string, payload: Uint8Array | string, options: PublishOptions = {}): void {
    this.client.publish(topic, Buffer.from(payload), { qos: options.qos ?? 0, retain: options.retain ?? false });
  }

  async subscribe(filter: string, handler: MessageHandler): Promise<void> {
    this.handlers.push({ filter, handler });
    await this.client.subscribeAsync(filter, { qos: 1 });
  }

  /**
   * Subscribes to exact topics (no wildcards) in one SUBSCRIBE: a hub sharing the robots with others subscribes to
   * each of its own robots' topics, thousands of them, and each message finds its handler by a lookup.
   */
  async subscribeTopics(topics: string[], handler: MessageHandler): Promise<void> {
    if (topics.length === 0) return;
    for (const t of topics) this.exact.set(t, handler);
    await this.client.subscribeAsync(topics, { qos: 1 });
  }

  /** Ends subscriptions made with subscribeTopics; messages already on their way are dropped. */
  async unsubscribeTopics(topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    for (const t of topics) this.exact.delete(t);
    await this.client.unsubscribeAsync(topics);
  }

  /**
   * Ends a robot's connection, on any broker, whichever hub it came through: MQTT makes a broker close the
   * connection of a client id when another connects under it [MQTT-3.1.4-2], so the hub connects under the robot's
   * id (robots connect under their own id; the RabbitMQ and EMQX auth endpoints refuse any other) and leaves.
   * The robot's reconnection is authenticated anew: refused once it is revoked or its secret rotated. The broker
   * cannot say when a connection authenticated, so `authenticatedBefore` is not honoured: the robot's current
   * connection ends whatever its age.
   */
  disconnectRobot(robotId: string): boolean {
    const { url, username, password, logger } = this.options;
    if (this.kicking.has(robotId)) return true;
    this.kicking.add(robotId);
    const kicker = mqtt.connect(url, { clientId: robotId, username, password, protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: 5000 });
    kicker.once('connect', () => {
      kicker.end(true);
      logger.info({ robotId }, `took over client id ${robotId} at the broker: the robot's connection there is closed`);
    });
    kicker.once('error', (err) => {
      kicker.end(true);
      logger.error({ robotId, err: err.message }, `could not end robot ${robotId}'s connection at the broker: ${err.message}; disconnect client ${robotId} there`);
    });
    kicker.once('close', () => this.kicking.delete(robotId));
    return true;
  }

  async close(): Promise<void> {
    await this.client.endAsync(false).catch(() => undefined);
  }
}
