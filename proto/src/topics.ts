// The MQTT topic contract between robots and the hub. A robot may publish and
// subscribe only under robots/{its own id}/.

/** Robot ids are short lowercase slugs: no MQTT wildcards or separators can hide in them. */
export const ROBOT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{1,63}$/;

export function isValidRobotId(id: string): boolean {
  return ROBOT_ID_PATTERN.test(id);
}

/** Every channel of a robot, with its direction. */
export const ROBOT_CHANNELS = {
  /** robot -> hub, retained "online"/"offline" (UTF-8), last will "offline". */
  presence: 'presence',
  /** robot -> hub, retained RobotDescription. */
  describe: 'describe',
  /** robot -> hub, JointState, QoS 0. */
  state: 'state',
  /** robot -> hub, retained RobotStatus, QoS 1. */
  status: 'status',
  /** robot -> hub, RobotEvent, QoS 1. */
  events: 'events',
  /** hub -> robot, ControlCommand, QoS 0. */
  control: 'cmd/control',
  /** hub -> robot, SessionEvent, QoS 1. */
  session: 'cmd/session',
  /** hub -> robot, Ping, QoS 0. */
  ping: 'clock/ping',
  /** robot -> hub, Pong, QoS 0. */
  pong: 'clock/pong',
  /** both ways, WebRTC signalling. */
  mediaSignal: 'media/signal',
} as const;

export type RobotChannel = keyof typeof ROBOT_CHANNELS;

const channelBySuffix = new Map<string, RobotChannel>(
  Object.entries(ROBOT_CHANNELS).map(([key, suffix]) => [suffix, key as RobotChannel]),
);

/** Topic of `channel` for robot `robotId`. */
export function robotTopic(robotId: string, channel: RobotChannel): string {
  return `robots/${robotId}/${ROBOT_CHANNELS[channel]}`;
}

/** Subscription pattern matching `channel` of every robot. */
export function allRobotsTopic(channel: RobotChannel): string {
  return `robots/+/${ROBOT_CHANNELS[channel]}`;
}

export interface ParsedRobotTopic {
  robotId: string;
  /** Undefined when the suffix is not a known channel. */
  channel: RobotChannel | undefined;
  suffix: string;
}

/** Splits robots/{id}/{suffix}; null when the topic is not under robots/. */
export function parseRobotTopic(topic: string): ParsedRobotTopic | null {
  if (!topic.startsWith('robots/')) return null;
  const rest = topic.slice('robots/'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const robotId = rest.slice(0, slash);
  const suffix = rest.slice(slash + 1);
  return { robotId, suffix, channel: channelBySuffix.get(suffix) };
}
