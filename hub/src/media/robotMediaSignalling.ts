// The robot side of media signalling: offers and byes from robots on
// robots/{id}/media/signal go to the relay; answers and refusals go back on
// the same topic. A robot that comes online without publishing its cameras
// (the hub restarted under it) is asked to publish them again.
import { allRobotsTopic, MediaSignalError, parseMediaSignal, parseRobotTopic, robotTopic, type MediaSignal } from '@teleop/proto';
import type { BrokerLink } from '../broker/BrokerLink.ts';
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import { MediaRelayError, type MediaRelay } from './MediaRelay.ts';

export interface RobotMediaSignallingOptions {
  broker: BrokerLink;
  fleet: RobotFleet;
  relay: MediaRelay;
  metrics: HubMetrics;
  logger: Logger;
  /** Several hubs: whether this hub may answer the robot's offer (no other hub ingests its cameras); absent: always. */
  claim?: (robotId: string) => Promise<boolean>;
  /** Several hubs: whether another hub ingests the robot's cameras (then this hub does not ask it to publish). */
  heldElsewhere?: (robotId: string) => Promise<boolean>;
  /** Ask an online robot that published no camera to publish again after this long. */
  republishAfterMs?: number;
}

export async function attachRobotMediaSignalling(o: RobotMediaSignallingOptions): Promise<() => void> {
  const { broker, fleet, relay, metrics, logger } = o;
  const send = (robotId: string, signal: MediaSignal): void => {
    broker.publish(robotTopic(robotId, 'mediaSignal'), JSON.stringify(signal), { qos: 1 });
    metrics.countMqttOut('media/signal');
  };
  const timers = new Set<NodeJS.Timeout>();

  await broker.subscribe(allRobotsTopic('mediaSignal'), (topic, payload) => {
    const robotId = parseRobotTopic(topic)?.robotId;
    if (!robotId) return;
    let signal: MediaSignal;
    try {
      signal = parseMediaSignal(payload);
    } catch (err) {
      if (!(err instanceof MediaSignalError)) throw err;
      metrics.drop('robot', 'malformed');
      logger.warn({ robotId, bytes: payload.length }, `dropped media signalling from robot ${robotId}: ${err.message}`);
      return;
    }
    if (signal.from !== 'robot') return; // our own answers echo back on the shared topic
    metrics.countMqttIn('media/signal');
    const session = fleet.get(robotId);
    if (!session) {
      metrics.drop('robot', 'unknown_robot');
      return;
    }
    if (signal.type === 'bye') {
      relay.removeRobotTrack(robotId, signal.session);
      return;
    }
    if (signal.type !== 'offer') return;
    // Every hub on the broker hears the offer: only the robot's media hub answers it.
    void (o.claim ? o.claim(robotId) : Promise.resolve(true))
      .then((mine) => (mine ? relay.publishRobotTrack({ robotId, session: signal.session, camera: signal.camera, codec: signal.codec, width: signal.width, height: signal.height, fps: signal.fps, sdp: signal.sdp }) : null))
      .then(
        (sdp) => {
          if (sdp !== null) send(robotId, { from: 'hub', type: 'answer', session: signal.session, sdp });
        },
        (err: unknown) => {
          const message = err instanceof MediaRelayError ? err.message : `internal error: ${(err as Error).message}`;
          metrics.drop('robot', 'bad_media_offer');
          logger.warn({ robotId, camera: signal.camera }, `refused camera ${signal.camera} of robot ${robotId}: ${message}`);
          send(robotId, { from: 'hub', type: 'error', session: signal.session, message });
        },
      );
  });

  const onOffline = (robotId: string): void => relay.removeRobot(robotId);
  const onOnline = (robotId: string): void => {
    const timer = setTimeout(async () => {
      timers.delete(timer);
      const s = fleet.get(robotId);
      if (s?.online && (s.description?.cameras.length ?? 0) > 0 && relay.cameras(robotId).length === 0 && !(await o.heldElsewhere?.(robotId))) {
        logger.info({ robotId }, 'robot is online without cameras published; asking it to publish them');
        send(robotId, { from: 'hub', type: 'republish' });
      }
    }, o.republishAfterMs ?? 3000);
    timers.add(timer);
  };
  fleet.on('offline', onOffline);
  fleet.on('removed', onOffline);
  fleet.on('online', onOnline);
  return () => {
    for (const t of timers) clearTimeout(t);
    fleet.off('offline', onOffline);
    fleet.off('removed', onOffline);
    fleet.off('online', onOnline);
  };
}
