// Episode control on the operator socket: the lease holder starts and stops
// recordings; every operator hears about their own episodes' progress. A
// recording ends as a failure when its lease or its robot goes away.
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { ControlLeases } from '../operators/LeaseManager.ts';
import { onRequest, OperatorRequestError, robotIdOf, type OperatorServer } from '../operators/operatorRequests.ts';
import type { MediaRelay } from '../media/MediaRelay.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import { EpisodeError, type EpisodeService } from './EpisodeService.ts';
import type { UploadProgress } from './UploadProgress.ts';
import { v1 } from '@teleop/proto';

export interface EpisodeGatewayOptions {
  io: OperatorServer;
  episodes: EpisodeService;
  leases: ControlLeases;
  fleet: RobotFleet;
  relay: MediaRelay;
  /** Upload progress of episodes, told to their operators. */
  uploads: UploadProgress;
  metrics: HubMetrics;
  logger: Logger;
}

export function attachEpisodeGateway(o: EpisodeGatewayOptions): void {
  const { io, episodes, leases, fleet, relay } = o;
  const video = (robotId: string): { captureToHubMs: { p50: number; p95: number } | null; lost: number } => {
    const stats = relay.stats(robotId);
    return { captureToHubMs: stats[0]?.captureToHubMs ?? null, lost: stats.reduce((a, s) => a + s.packetsLost, 0) };
  };
  const asOperatorError = (err: unknown): unknown =>
    err instanceof EpisodeError ? new OperatorRequestError(err.code === 'bad_request' ? 'bad_request' : 'episode_conflict', err.message) : err;

  io.on('connection', (socket) => {
    onRequest(socket, o, 'episode:start', async (req) => {
      const robotId = robotIdOf(req);
      const task = (req as { task?: unknown }).task;
      if (typeof task !== 'string') throw new OperatorRequestError('bad_request', 'episode:start needs a task string', robotId);
      const holder = leases.holder(robotId);
      if (holder?.connectionId !== socket.id) throw new OperatorRequestError('not_lease_holder', `only the lease holder of ${robotId} records episodes`, robotId);
      if (!fleet.get(robotId)?.online) throw new OperatorRequestError('robot_offline', `robot ${robotId} is offline`, robotId);
      const episodeId = await episodes
        .start({ robotId, operator: socket.data.operatorId, leaseId: holder.leaseId, task, videoLost: video(robotId).lost })
        .catch((err: unknown) => {
          throw asOperatorError(err);
        });
      return { episodeId };
    });

    onRequest(socket, o, 'episode:stop', async (req) => {
      const robotId = robotIdOf(req);
      const outcome = (req as { outcome?: unknown }).outcome;
      if (outcome !== 'success' && outcome !== 'failure' && outcome !== 'discard') throw new OperatorRequestError('bad_request', 'outcome must be success, failure or discard', robotId);
      if (leases.holder(robotId)?.connectionId !== socket.id) throw new OperatorRequestError('not_lease_holder', `only the lease holder of ${robotId} ends its episode`, robotId);
      const episodeId = await episodes.stop(robotId, outcome, video(robotId)).catch((err: unknown) => {
        throw asOperatorError(err);
      });
      return { episodeId };
    });
  });

  // Who an episode's operator is, for the progress of its upload (known from its first change on).
  const operatorOf = new Map<string, string>();
  episodes.on('changed', (e) => {
    if (e.state === 'recording' || e.state === 'uploading' || e.state === 'failed') operatorOf.set(e.id, e.operator);
    else {
      operatorOf.delete(e.id);
      o.uploads.forget(e.id);
    }
    for (const s of io.of('/').sockets.values()) {
      if (s.data.operatorId === e.operator) s.emit('episode:update', { episodeId: e.id, robotId: e.robotId, state: e.state, reason: e.reason ?? null });
    }
  });
  o.uploads.on('progress', (p) => {
    const operator = operatorOf.get(p.episodeId);
    if (!operator) return;
    for (const s of io.of('/').sockets.values()) if (s.data.operatorId === operator) s.emit('episode:progress', p);
  });
  leases.on('ended', (robotId, _holder, reason) => episodes.later(robotId, () => episodes.abortRecording(robotId, `the control lease ended (${reason})`)));
  fleet.on('offline', (robotId) => episodes.later(robotId, () => episodes.abortRecording(robotId, 'the robot went offline')));
  fleet.on('removed', (robotId) => episodes.later(robotId, () => episodes.abortRecording(robotId, 'the robot was revoked')));
  fleet.on('roundTrip', (robotId, ms) => episodes.observeRoundTrip(robotId, ms));
  fleet.on('status', (robotId) => {
    const status = fleet.get(robotId)?.status;
    if (status) episodes.later(robotId, () => episodes.reconcile(robotId, status.recordingEpisodeId));
  });
  fleet.on('event', (robotId, event) => {
    if (event.kind === v1.RobotEvent.Kind.KIND_WATCHDOG_HOLD) episodes.observeHold(robotId);
  });
}
