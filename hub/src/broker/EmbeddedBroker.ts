// The embedded MQTT broker (aedes, MQTT 3.1.1) on TCP and on WebSocket
// (/mqtt on the hub's HTTP port). Robots authenticate with their id and
// secret and are confined to robots/{id}/; the hub itself publishes and
// subscribes in-process, bypassing the network and the ACL.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type AedesPublishPacket, type AuthenticateError, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotAuthGuard } from '../robots/RobotAuthGuard.ts';
import type { BrokerLink, MessageHandler, PublishOptions } from './BrokerLink.ts';
import { robotMayPublish, robotMaySubscribe } from './robotAcl.ts';

export interface EmbeddedBrokerOptions {
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Host robots should dial (the listener's host when it is a concrete address). */
  publicHost: string;
  robotAuth: RobotAuthGuard;
  metrics: HubMetrics;
  logger: Logger;
  maxPayloadBytes: number;
}

/** MQTT 3.1.1 CONNACK return codes. */
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;
/** "Server unavailable": what a throttled client gets, so it tries again later. */
const SERVER_UNAVAILABLE = 3;

function authError(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export class EmbeddedBroker implements BrokerLink {
  readonly kind = 'embedded' as const;
  robotWsUrl: string | undefined;
  private readonly sockets = new Set<Socket | Duplex>();
  private wss: WebSocketServer | null = null;

  private constructor(
    private readonly aedes: Aedes,
    private readonly tcp: TcpServer,
    readonly robotUrl: string,
    private readonly logger: Logger,
    /** When each robot connection authenticated (ms since the epoch): a rotated secret ends only the older ones. */
    private readonly authenticatedAt: WeakMap<Client, number>,
  ) {}

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const { robotAuth, metrics, logger, maxPayloadBytes } = options;
    const aedes = await Aedes.createBroker({ id: 'teleop-hub', heartbeatInterval: 60_000 });
    const authenticatedAt = new WeakMap<Client, number>();

    aedes.authenticate = (client, username, password, done) => {
      const robotId = username ?? '';
      if (!robotId || !password) {
        metrics.drop('broker', 'auth_failed');
        logger.warn({ clientId: client.id }, 'MQTT connection refused: no robot id or secret given');
        return done(authError('robot id and secret are required', BAD_USERNAME_OR_PASSWORD), false);
      }
      if (client.id !== robotId) {
        metrics.drop('broker', 'auth_failed');
        logger.warn({ clientId: client.id, robotId }, 'MQTT connection refused: client id must equal the robot id');
        return done(authError('client id must equal the robot id', NOT_AUTHORIZED), false);
      }
      // Stamped when the check starts: a check that read the credentials before a rotation counts as older.
      const checkedAt = Date.now();
      // TCP: the socket itself; WebSocket: the upgrade request's socket.
      const address = (client.conn as Socket).remoteAddress ?? client.req?.socket.remoteAddress;
      robotAuth.authenticate(robotId, password.toString('utf8'), { transport: 'mqtt', address }).then(
        (res) => {
          if (res.ok) {
            authenticatedAt.set(client, checkedAt);
            return done(null, true);
          }
          if (res.reason === 'throttled') {
            logger.debug({ robotId, address }, 'MQTT connection refused: its address failed too often, cooling down');
            return done(authError(`too many failed authentications from ${address}; try again later`, SERVER_UNAVAILABLE), false);
          }
          const reason = res.reason === 'revoked' ? 'revoked_robot' : res.reason === 'unknown_robot' ? 'unknown_robot' : 'auth_failed';
          metrics.drop('broker', reason);
          logger.warn({ robotId, reason: res.reason }, `MQTT connection refused for robot ${robotId}: ${res.reason.replace('_', ' ')}`);
          done(authError(`robot ${robotId} refused: ${res.reason}`, res.reason === 'bad_secret' ? BAD_USERNAME_OR_PASSWORD : NOT_AUTHORIZED), false);
        },
        (err: unknown) => {
          logger.error({ err, robotId }, 'robot authentication failed with an internal error');
          done(authError('authentication unavailable', NOT_AUTHORIZED), false);
        },
      );
    };

    aedes.authorizePublish = (client, packet, done) => {
      // client is null only for a stale last will that aedes already authorized at connect.
      if (!client) return done(null);
      const verdict = robotMayPublish(client.id, packet.topic);
      if (!verdict.allowed) {
        metrics.drop('robot', verdict.reason);
        logger.warn({ robotId: client.id, topic: packet.topic }, `${verdict.message}; disconnecting it (MQTT 3.1.1 has no publish refusal)`);
        return done(new Error(verdict.message));
      }
      if (packet.payload.length > maxPayloadBytes) {
        metrics.drop('robot', 'oversized');
        const message = `robot ${client.id} published ${packet.payload.length} bytes on ${packet.topic}, over the ${maxPayloadBytes}-byte limit; disconnecting it`;
        logger.warn({ robotId: client.id, topic: packet.topic, bytes: packet.payload.length }, message);
        return done(new Error(message));
      }
      done(null);
    };

    aedes.authorizeSubscribe = (client, sub, done) => {
      const verdict = robotMaySubscribe(client.id, sub.topic);
      if (verdict.allowed) return done(null, sub);
      metrics.drop('robot', verdict.reason);
      logger.warn({ robotId: client.id, filter: sub.topic }, verdict.message);
      done(null, null); // SUBACK failure (0x80) for this filter, connection kept
    };

    aedes.on('clientError', (client: Client, err: Error) => {
      logger.debug({ clientId: client.id, err: err.message }, 'MQTT client error');
    });
    aedes.on('connectionError', (client: Client, err: Error) => {
      logger.debug({ clientId: client?.id, err: err.message }, 'MQTT connection error');
    });

    const tcp = createServer();
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(options.port, options.host, () => resolve());
    });
    const port = (tcp.address() as AddressInfo).port;
    const broker = new EmbeddedBroker(aedes, tcp, `mqtt://${options.publicHost}:${port}`, logger, authenticatedAt);
    tcp.on('connection', (socket) => {
      socket.setNoDelay(true);
      broker.track(socket);
      aedes.handle(socket);
    });
    logger.info({ url: broker.robotUrl }, 'embedded MQTT broker listening');
    return broker;
  }

  get connected(): boolean {
    return !this.aedes.closed;
  }

  /** Serves MQTT over WebSocket on `path` of the hub's HTTP server. */
  attachWebSocket(server: HttpServer, path: string, publicHttpUrl: string): void {
    const wss = new WebSocketServer({ noServer: true });
    this.wss = wss;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== path) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const stream = createWebSocketStream(ws);
        this.track(stream);
        this.aedes.handle(stream, req);
      });
    });
    this.robotWsUrl = `${publicHttpUrl.replace(/^http/, 'ws')}${path}`;
  }

  publish(topic: string, payload: Uint8Array | string, options: PublishOptions = {}): void {
    const qos = options.qos ?? 0;
    const retain = options.retain ?? false;
    this.aedes.publish(
      {
        cmd: 'publish',
        topic,
        payload: Buffer.isBuffer(payload) ? payload : Buffer.from(payload),
        qos,
        retain,
        dup: false,
        // aedes drops, per client, a packet older (by its per-broker-id counter) than one already delivered, and
        // its QoS 1 path (persistence) takes longer than its QoS 0 path: a session event followed by a command
        // would vanish. One id per delivery path keeps each path's counter in order on its own.
        brokerId: `${this.aedes.id}/qos${qos}${retain ? '/retained' : ''}`,
      } as AedesPublishPacket,
      (err) => {
        if (err) this.logger.warn({ topic, err: err.message }, 'in-process publish failed');
      },
    );
  }

  subscribe(filter: string, handler: MessageHandler): Promise<void> {
    return new Promise((resolve) => {
      this.aedes.subscribe(
        filter,
        (packet: AedesPublishPacket, cb: () => void) => {
          try {
            handler(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload));
          } finally {
            cb();
          }
        },
        resolve,
      );
    });
  }

  disconnectRobot(robotId: string, authenticatedBefore?: number): boolean {
    const clients = (this.aedes as unknown as { clients: Record<string, Client | undefined> }).clients;
    const client = clients[robotId];
    if (!client) return false;
    if (authenticatedBefore !== undefined && (this.authenticatedAt.get(client) ?? 0) >= authenticatedBefore) return false;
    client.close();
    return true;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.wss?.close();
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    await new Promise<void>((resolve) => this.tcp.close(() => resolve()));
  }

  private track(socket: Socket | Duplex): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
