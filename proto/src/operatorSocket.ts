// The socket.io wire format of the operator protocol: every packet, protobuf
// payloads included, travels as one msgpack-encoded WebSocket frame (the
// default parser splits a binary event into a JSON frame plus one frame per
// attachment, doubling frames and syscalls on the control path). Both ends
// must use this parser: pass it as `parser` to the socket.io server and client.
import * as msgpackParser from 'socket.io-msgpack-parser';

export const operatorSocketParser = msgpackParser;
