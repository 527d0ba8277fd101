// What every room that talks to operators over socket.io shares: the socket
// types, typed request errors, and the acked-request plumbing that turns a
// thrown OperatorRequestError into an error ack and a counted drop.
import type { Server, Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, OperatorError, OperatorErrorCode, ServerToClientEvents } from '@teleop/proto';
import type { ClockEstimator } from '../clock/ClockEstimator.ts';
import type { Logger } from '../log.ts';
import type { DropReason, HubMetrics } from '../metrics/HubMetrics.ts';

export interface SocketData {
  operatorId: string;
  clock: ClockEstimator;
  errorWindow: { startMs: number; count: number };
}

export type OperatorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type OperatorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A refused operator request. */
export class OperatorRequestError extends Error {
  override name = 'OperatorRequestError';
  constructor(
    readonly code: OperatorErrorCode,
    message: string,
    readonly robotId?: string,
  ) {
    super(message);
  }

  toWire(): OperatorError {
    return { code: this.code, message: this.message, ...(this.robotId ? { robotId: this.robotId } : {}) };
  }
}

/** Most 'operator:error' events per connection per second; the metrics count all. */
const ERRORS_PER_S = 20;

/** The robotId of a request, or a bad_request error. */
export function robotIdOf(req: unknown): string {
  const id = (req as { robotId?: unknown } | null)?.robotId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw new OperatorRequestError('bad_request', 'request needs a robotId string');
  return id;
}

/** Events answered through an acknowledgement. */
export type RequestEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [...unknown[], (res: Ack<never>) => void] ? E : never;
}[keyof ClientToServerEvents];

/** Registers an acked request handler: thrown OperatorRequestErrors become typed error acks. */
export function onRequest(socket: OperatorSocket, deps: { metrics: HubMetrics; logger: Logger }, event: RequestEvent, run: (req: unknown) => Promise<unknown>): void {
  const { metrics, logger } = deps;
  socket.on(event, ((...args: unknown[]) => {
    metrics.operatorIn.inc({ event });
    const ack = args[args.length - 1];
    const req = args.length > 1 ? args[0] : undefined;
    if (typeof ack !== 'function') {
      reportError(socket, new OperatorRequestError('bad_request', `"${event}" needs an acknowledgement callback`), metrics);
      return;
    }
    const reply = ack as (res: Ack<unknown>) => void;
    run(req).then(
      (value) => reply({ ok: true, value }),
      (err: unknown) => {
        if (err instanceof OperatorRequestError) {
          metrics.drop('operator', err.code as DropReason);
          reply({ ok: false, error: err.toWire() });
          return;
        }
        logger.error({ err, event }, 'operator request failed');
        reply({ ok: false, error: { code: 'bad_request', message: `internal error handling ${event}` } });
      },
    );
  }) as never);
}

/** Sends an unsolicited typed error (rate limited per connection) and counts it. */
export function reportError(socket: OperatorSocket, err: OperatorRequestError, metrics: HubMetrics): void {
  metrics.drop('operator', err.code as DropReason);
  const w = socket.data.errorWindow;
  const now = Date.now();
  if (now - w.startMs >= 1000) {
    w.startMs = now;
    w.count = 0;
  }
  if (w.count++ >= ERRORS_PER_S) return;
  const wire = err.toWire();
  const seq = (err as { sequence?: bigint }).sequence;
  socket.emit('operator:error', seq !== undefined ? { ...wire, sequence: seq.toString() } : wire);
  metrics.operatorOut.inc({ event: 'operator:error' });
}
