// The console's connection to the hub: socket.io with the operator protocol's
// parser and typed events, plus a promise wrapper for acked requests.
import { io, type Socket } from 'socket.io-client';
import { operatorSocketParser, type Ack, type ClientToServerEvents, type OperatorError, type ServerToClientEvents } from '@teleop/proto';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class HubRequestError extends Error {
  constructor(readonly error: OperatorError) {
    super(error.message);
  }
}

export function connectHub(operatorId?: string): HubSocket {
  return io({ transports: ['websocket'], parser: operatorSocketParser, auth: operatorId ? { operatorId } : {} });
}

/** Emits an acked request and resolves with its value, or rejects with the hub's typed error. */
export function request<T>(send: (ack: (res: Ack<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    send((res) => (res.ok ? resolve(res.value) : reject(new HubRequestError(res.error))));
  });
}
