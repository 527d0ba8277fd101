// Every Prometheus metric the hub exports, on a registry of its own (several
// hubs can live in one test process).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MediaTrackStats } from '@teleop/proto';

const LATENCY_BUCKETS_S = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** Why a message or request was refused; the `reason` label of teleop_messages_dropped_total. */
export type DropReason =
  | 'malformed'
  | 'bad_urdf'
  | 'oversized'
  | 'over_budget'
  | 'foreign_topic'
  | 'unknown_channel'
  | 'unknown_robot'
  | 'revoked_robot'
  | 'auth_failed'
  | 'not_lease_holder'
  | 'stale_lease'
  | 'non_finite'
  | 'out_of_limits'
  | 'bad_command'
  | 'robot_offline'
  | 'estopped'
  | 'bad_request'
  | 'forbidden'
  | 'bad_media_offer'
  | 'no_video'
  | 'bad_sdp'
  | 'unknown_viewer'
  | 'unauthenticated'
  | 'forbidden_origin'
  | 'episode_conflict'
  | 'too_many_connections'
  | 'one_place_per_wallet'
  | 'queue_full';

export class HubMetrics {
  readonly registry = new Registry();
  readonly robotsConnected = new Gauge({ name: 'teleop_robots_connected', help: 'Robots whose presence is online', registers: [this.registry] });
  readonly robotsIngested = new Gauge({ name: 'teleop_robots_ingested', help: 'Robots whose topics this hub ingests (hubs sharing robots through Redis: its share)', registers: [this.registry] });
  readonly operatorsConnected = new Gauge({ name: 'teleop_operators_connected', help: 'Operator socket.io connections', registers: [this.registry] });
  readonly mqttIn = new Counter({
    name: 'teleop_mqtt_messages_in_total',
    help: 'MQTT messages received from robots, by channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });
  readonly mqttOut = new Counter({
    name: 'teleop_mqtt_messages_out_total',
    help: 'MQTT messages sent to robots, by channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });
  readonly operatorIn = new Counter({
    name: 'teleop_operator_messages_in_total',
    help: 'socket.io events received from operators, by event',
    labelNames: ['event'],
    registers: [this.registry],
  });
  readonly operatorOut = new Counter({
    name: 'teleop_operator_messages_out_total',
    help: 'socket.io events sent to operators, by event',
    labelNames: ['event'],
    registers: [this.registry],
  });
  readonly dropped = new Counter({
    name: 'teleop_messages_dropped_total',
    help: 'Messages and requests refused, by source (robot, operator, broker) and reason',
    labelNames: ['source', 'reason'],
    registers: [this.registry],
  });
  readonly robotBudgetDisconnects = new Counter({
    name: 'teleop_robot_budget_disconnects_total',
    help: 'Robots disconnected for staying over their message budget (their over-budget messages count as dropped, reason over_budget)',
    registers: [this.registry],
  });
  readonly operatorRefusals = new Counter({
    name: 'teleop_operator_limits_total',
    help: 'Operator connections and queue places refused by a limit, by limit (connections_per_wallet, queue_per_wallet, queue_length)',
    labelNames: ['limit'],
    registers: [this.registry],
  });
  readonly robotAuthFailures = new Counter({
    name: 'teleop_robot_auth_failures_total',
    help: 'Robot authentications refused after a check (wrong secret, unknown or revoked robot), by transport (mqtt, tus, broker)',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  readonly robotAuthThrottled = new Counter({
    name: 'teleop_robot_auth_throttled_total',
    help: 'Robot authentications refused without a check because their client address failed too often, by transport',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  readonly statesCoalesced = new Counter({
    name: 'teleop_states_coalesced_total',
    help: 'JointStates not sent to an operator because a newer one replaced them within its display interval',
    registers: [this.registry],
  });
  readonly leaseChanges = new Counter({
    name: 'teleop_lease_changes_total',
    help: 'Control lease changes, by change (granted, queued, or the end reason)',
    labelNames: ['change'],
    registers: [this.registry],
  });
  readonly commandLatency = new Histogram({
    name: 'teleop_command_latency_seconds',
    help: 'Control command latency by leg, corrected by clock offsets: operator_to_hub, hub_to_robot (forward to the first state reflecting it), round_trip (hub forward to that state back at the hub)',
    labelNames: ['leg'],
    buckets: LATENCY_BUCKETS_S,
    registers: [this.registry],
  });
  readonly stateLatency = new Histogram({
    name: 'teleop_state_latency_seconds',
    help: 'Robot capture time to hub receipt of JointState, corrected by the robot clock offset',
    buckets: LATENCY_BUCKETS_S,
    registers: [this.registry],
  });

  /** Label-bound children for the per-command and per-state paths (no label hashing per sample). */
  readonly hot = {
    controlIn: this.operatorIn.labels({ event: 'control' }),
    stateOut: this.operatorOut.labels({ event: 'robot:state' }),
    controlOut: this.mqttOut.labels({ channel: 'control' }),
    roundTrip: this.commandLatency.labels({ leg: 'round_trip' }),
    hubToRobot: this.commandLatency.labels({ leg: 'hub_to_robot' }),
    operatorToHub: this.commandLatency.labels({ leg: 'operator_to_hub' }),
  };

  private readonly mqttByChannel = new Map<string, { inc(): void }>();

  constructor() {
    // Every transport's series from the start, so a dashboard sees 0 rather than nothing.
    for (const transport of ['mqtt', 'tus', 'broker']) {
      this.robotAuthFailures.labels({ transport }).inc(0);
      this.robotAuthThrottled.labels({ transport }).inc(0);
    }
  }

  /** Counts one MQTT message received on `channel`. */
  countMqttIn(channel: string): void {
    this.channelCounter(this.mqttIn, 'in', channel).inc();
  }

  /** Counts one MQTT message sent on `channel`. */
  countMqttOut(channel: string): void {
    this.channelCounter(this.mqttOut, 'out', channel).inc();
  }

  private channelCounter(counter: Counter<'channel'>, way: string, channel: string): { inc(): void } {
    const key = `${way}:${channel}`;
    let child = this.mqttByChannel.get(key);
    if (!child) {
      child = counter.labels({ channel });
      this.mqttByChannel.set(key, child);
    }
    return child;
  }

  /** Exposes live media statistics, read at scrape time. */
  registerMedia(source: { stats(): MediaTrackStats[]; peerCounts(): { robot: number; viewer: number; hub?: number; upstream?: number } }): void {
    const perTrack = (name: string, help: string, pick: (s: MediaTrackStats) => number | null): void => {
      new Gauge({
        name,
        help,
        labelNames: ['robot_id', 'camera'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const s of source.stats()) {
            const v = pick(s);
            if (v !== null) this.set({ robot_id: s.robotId, camera: s.camera }, v);
          }
        },
      });
    };
    perTrack('teleop_media_bitrate_kbps', 'Bitrate received from the robot per camera, kbit/s', (s) => s.bitrateKbps);
    perTrack('teleop_media_fps', 'Frames per second received from the robot per camera', (s) => s.fps);
    perTrack('teleop_media_packets_lost', 'RTP packets missing from the robot per camera (cumulative)', (s) => s.packetsLost);
    perTrack('teleop_media_keyframe_requests', 'Picture loss indications from viewers per camera (cumulative)', (s) => s.keyframeRequests);
    perTrack('teleop_media_nacks', 'NACKs from viewers per camera (cumulative)', (s) => s.nacks);
    perTrack('teleop_media_viewers', 'Viewers per camera', (s) => s.viewers);
    perTrack('teleop_media_robot_rtt_ms', 'Round trip hub <-> robot from clock probes, ms', (s) => s.robotRttMs);
    new Gauge({
      name: 'teleop_media_peer_connections',
      help: 'Open WebRTC peer connections of the relay, by role (robot, viewer; hub: other hubs pulling video from this one, upstream: this hub pulling from others)',
      labelNames: ['role'],
      registers: [this.registry],
      collect() {
        const c = source.peerCounts();
        this.set({ role: 'robot' }, c.robot);
        this.set({ role: 'viewer' }, c.viewer);
        this.set({ role: 'hub' }, c.hub ?? 0);
        this.set({ role: 'upstream' }, c.upstream ?? 0);
      },
    });
  }

  drop(source: 'robot' | 'operator' | 'broker', reason: DropReason): void {
    this.dropped.inc({ source, reason });
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }
}
