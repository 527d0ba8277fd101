// The console's connection to the hub: socket.io with the operator protocol's
// parser and typed events, plus a promise wrapper for acked requests.
import { io, type Socket } from 'socket.io-client';
import { nowNs, operatorSocketParser, type Ack, type RecordingLimits, type ClientToServerEvents, type OperatorError, type ServerToClientEvents } from '@teleop/proto';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class HubRequestError extends Error {
  constructor(readonly error: OperatorError) {
    super(error.message);
  }
}

/** This page's clock minus the hub's, as the hub measured it (null until known). */
export const hubClock: { offsetNs: bigint | null; rttNs: bigint | null } = { offsetNs: null, rttNs: null };

/** What the hub said of itself when this page connected (its `hello`). */
export const hubInfo: { recordingLimits: RecordingLimits | null } = { recordingLimits: null };

/** A socket to the hub that authenticates with the session cookie set by sign-in; call connect() to open it. */
export function connectHub(): HubSocket {
  const socket: HubSocket = io({ transports: ['websocket'], parser: operatorSocketParser, autoConnect: false });
  // The hub probes our clock; answer with our receive and send times.
  socket.on('clock:ping', (_t0, ack) => {
    const t = nowNs().toString();
    ack(t, t);
  });
  socket.on('hello', (info) => {
    hubInfo.recordingLimits = info.recordingLimits ?? null;
  });
  socket.on('clock:offset', (o) => {
    hubClock.offsetNs = BigInt(o.offsetNs);
    hubClock.rttNs = BigInt(o.rttNs);
  });
  return socket;
}

/** Emits an acked request and resolves with its value, or rejects with the hub's typed error. */
export function request<T>(send: (ack: (res: Ack<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    send((res) => (res.ok ? resolve(res.value) : reject(new HubRequestError(res.error))));
  });
}
