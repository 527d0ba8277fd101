// What a robot may do on the broker: only its own robots/{id}/ subtree, and
// only in the direction the topic contract gives each channel.
import { parseRobotTopic, type RobotChannel } from '@teleop/proto';

const ROBOT_PUBLISHES: ReadonlySet<RobotChannel> = new Set<RobotChannel>(['presence', 'describe', 'state', 'status', 'events', 'pong', 'mediaSignal']);

export type AclVerdict = { allowed: true } | { allowed: false; reason: 'foreign_topic' | 'unknown_channel'; message: string };

export function robotMayPublish(robotId: string, topic: string): AclVerdict {
  const parsed = parseRobotTopic(topic);
  if (!parsed || parsed.robotId !== robotId) {
    return { allowed: false, reason: 'foreign_topic', message: `robot ${robotId} may not publish on "${topic}" (outside robots/${robotId}/)` };
  }
  if (!parsed.channel || !ROBOT_PUBLISHES.has(parsed.channel)) {
    return { allowed: false, reason: 'unknown_channel', message: `robot ${robotId} may not publish on "${topic}": not a robot -> hub channel` };
  }
  return { allowed: true };
}

export function robotMaySubscribe(robotId: string, filter: string): AclVerdict {
  // The id level is literal, so any filter below it only matches this robot's topics.
  if (filter.startsWith(`robots/${robotId}/`)) return { allowed: true };
  return { allowed: false, reason: 'foreign_topic', message: `robot ${robotId} may not subscribe to "${filter}" (outside robots/${robotId}/)` };
}
