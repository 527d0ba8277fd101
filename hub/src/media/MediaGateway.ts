// Viewers on the operator socket.io connection: any connected operator may
// watch every camera of a robot (driving stays with the lease holder). The hub
// offers, the browser answers; closing the connection closes its viewers.
import type { OperatorErrorCode } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import { onRequest, OperatorRequestError, robotIdOf, type OperatorServer } from '../operators/operatorRequests.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import { MediaRelayError, type MediaRelay } from './MediaRelay.ts';

export interface MediaGatewayOptions {
  io: OperatorServer;
  relay: MediaRelay;
  fleet: RobotFleet;
  metrics: HubMetrics;
  logger: Logger;
  /** Several hubs: brings a robot's cameras here from its media hub before a viewer is added (MediaCascade). */
  beforeWatch?: (robotId: string) => Promise<void>;
  /** A watch that failed after beforeWatch (an upstream nobody watches is closed). */
  watchFailed?: (robotId: string) => void;
}

const MAX_SDP = 64 * 1024;

function asOperatorError(err: unknown): unknown {
  if (!(err instanceof MediaRelayError)) return err;
  const code: OperatorErrorCode = err.code === 'unsupported_codec' ? 'bad_sdp' : err.code;
  return new OperatorRequestError(code, err.message);
}

function viewerIdOf(req: unknown): string {
  const id = (req as { viewerId?: unknown } | null)?.viewerId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 80) throw new OperatorRequestError('bad_request', 'request needs a viewerId string');
  return id;
}

export function attachMediaGateway(o: MediaGatewayOptions): void {
  const { io, relay, fleet } = o;
  relay.on('changed', (robotId) => io.emit('media:changed', { robotId }));
  io.on('connection', (socket) => {
    socket.on('disconnect', () => relay.removeConnection(socket.id));

    onRequest(socket, o, 'media:watch', async (req) => {
      const robotId = robotIdOf(req);
      const session = await fleet.find(robotId);
      if (!session) throw new OperatorRequestError('unknown_robot', `no robot "${robotId}" is enrolled`, robotId);
      if (!session.online) throw new OperatorRequestError('robot_offline', `robot ${robotId} is offline`, robotId);
      try {
        await o.beforeWatch?.(robotId);
        return await relay.addViewer(socket.id, robotId);
      } catch (err) {
        o.watchFailed?.(robotId);
        throw asOperatorError(err);
      }
    });

    onRequest(socket, o, 'media:answer', async (req) => {
      const viewerId = viewerIdOf(req);
      const sdp = (req as { sdp?: unknown }).sdp;
      if (typeof sdp !== 'string' || !sdp.startsWith('v=0') || sdp.length > MAX_SDP) {
        throw new OperatorRequestError('bad_sdp', `the answer must be an SDP of at most ${MAX_SDP} bytes`);
      }
      await relay.acceptViewerAnswer(socket.id, viewerId, sdp).catch((err: unknown) => {
        throw asOperatorError(err);
      });
      return null;
    });

    onRequest(socket, o, 'media:stop', async (req) => {
      const viewerId = viewerIdOf(req);
      if (!relay.removeViewer(socket.id, viewerId)) throw new OperatorRequestError('unknown_viewer', `no viewer ${viewerId} on this connection`);
      return null;
    });

    onRequest(socket, o, 'media:stats', async (req) => relay.stats(robotIdOf(req)));
  });
}
