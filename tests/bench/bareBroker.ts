// A bare aedes broker (no auth, no hub logic) in its own process: the
// baseline of the control round-trip benchmark. Prints its port on stdout.
import { createServer, type AddressInfo } from 'node:net';
import { Aedes } from 'aedes';

const aedes = await Aedes.createBroker();
const server = createServer((socket) => {
  socket.setNoDelay(true);
  aedes.handle(socket);
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => {
  aedes.close(() => server.close(() => process.exit(0)));
});
