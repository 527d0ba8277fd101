// How the hub talks MQTT, whether the broker is embedded (aedes in this
// process) or external (Mosquitto, EMQX) reached as a client.

export type MessageHandler = (topic: string, payload: Buffer) => void;

export interface PublishOptions {
  qos?: 0 | 1;
  retain?: boolean;
}

export interface BrokerLink {
  readonly kind: 'embedded' | 'external';
  /** Broker URL robots should use (announced by GET /api/v1/broker). */
  readonly robotUrl: string;
  /** MQTT over WebSocket URL for robots, when the hub serves one. */
  readonly robotWsUrl: string | undefined;
  /** True while the hub can exchange messages with the broker. */
  readonly connected: boolean;
  publish(topic: string, payload: Uint8Array | string, options?: PublishOptions): void;
  /** Subscribes to an MQTT topic filter (wildcards allowed). */
  subscribe(filter: string, handler: MessageHandler): Promise<void>;
  /**
   * Forcibly disconnects a robot, when the broker lets the hub do that (embedded only); with
   * `authenticatedBefore` (ms since the epoch), only a connection that authenticated before then.
   */
  disconnectRobot(robotId: string, authenticatedBefore?: number): boolean;
  close(): Promise<void>;
}
