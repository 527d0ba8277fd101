// Raw operator sockets, for tests and attacks that open many at once and need
// the hub's refusals as they come (OperatorClient throws on a refused connect).
import { io, type Socket } from 'socket.io-client';
import { operatorSocketParser, type Ack, type LeaseUpdate } from '@teleop/proto';

/** Opens an operator socket for a session token; resolves with the socket, or with the hub's refusal code. */
export function openOperatorSocket(hubUrl: string, token: string): Promise<{ socket: Socket; refused?: string }> {
  const socket = io(hubUrl, { transports: ['websocket'], parser: operatorSocketParser, auth: { token }, reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ socket, refused: err.data?.code ?? err.message });
    });
  });
}

export function requestLeaseOn(socket: Socket, robotId: string): Promise<Ack<LeaseUpdate>> {
  return new Promise((resolve) => socket.emit('lease:request', { robotId }, resolve));
}
