// Issue 15, point 10: only the hub's own origin (and configured extra ones)
// may use a signed-in wallet's session. Another origin on the same host is
// "same-site": the browser sends it the session cookie, so without an origin
// check a page on any other port could drive robots as whoever visits it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { operatorSocketParser } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { startHub, tempDir, type RunningHub } from '../harness/processes.ts';

/** A dev console on another origin that the hub was told to trust. */
const EXTRA_ORIGIN = 'http://localhost:5173';
/** Another site's page on the same host: same-site, so the cookie goes with its requests. */
const FOREIGN_ORIGIN = 'http://127.0.0.1:1';

describe('origin checks (issue 15, point 10)', () => {
  const data = tempDir('sec-origins');
  let hub: RunningHub;
  let cookie: string;

  /** Connects the operator socket as a browser on `origin` would (cookie and Origin header); resolves with the outcome. */
  const connectFrom = (origin: string | undefined): Promise<'connected' | string> =>
    new Promise((resolve) => {
      const socket = io(hub.url, {
        transports: ['websocket'],
        parser: operatorSocketParser,
        reconnection: false,
        extraHeaders: { cookie, ...(origin ? { origin } : {}) },
      });
      socket.on('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.on('connect_error', (err) => {
        socket.close();
        resolve(`refused: ${err.message}`);
      });
    });

  beforeAll(async () => {
    hub = await startHub(data.path, [], { TELEOP_ALLOWED_ORIGINS: EXTRA_ORIGIN });
    const { token } = await signIn(hub.url, keyFor('origin-owner'));
    cookie = `teleop_session=${token}`;
  });

  afterAll(async () => {
    await hub?.process.stop();
    data.remove();
  });

  it('refuses the operator socket, credentialed CORS and cookie-authenticated writes from any other origin', async () => {
    // The operator socket.
    expect(await connectFrom(FOREIGN_ORIGIN)).toMatch(/^refused/);
    expect(await connectFrom(hub.url)).toBe('connected');
    expect(await connectFrom(EXTRA_ORIGIN)).toBe('connected');
    // Node clients send no Origin; they prove themselves with a token.
    const node = await OperatorClient.connect(hub.url, 'origin-node-client');
    expect(node.socket.connected).toBe(true);
    node.close();

    // Credentialed CORS on the socket's HTTP transport: no other origin is allowed to read it.
    const handshake = (origin: string): Promise<Response> => fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin, cookie } });
    const foreign = await handshake(FOREIGN_ORIGIN);
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(await foreign.text()).toMatch(/origin/i);
    const own = await handshake(hub.url);
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(hub.url);
    expect((await handshake(EXTRA_ORIGIN)).headers.get('access-control-allow-origin')).toBe(EXTRA_ORIGIN);

    // A cookie-authenticated write to the HTTP API.
    const enroll = (origin: string, name: string): Promise<Response> =>
      fetch(`${hub.url}/api/v1/robots`, {
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name, model: 'so101_sim' }),
      });
    const forged = await enroll(FOREIGN_ORIGIN, 'forged');
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'forbidden_origin' });
    expect((await enroll(hub.url, 'own')).status).toBe(201);
    const mine = (await (await fetch(`${hub.url}/api/v1/me/robots`, { headers: { cookie } })).json()) as { robots: { name: string }[] };
    expect(mine.robots.map((r) => r.name)).toEqual(['own']);
  });
});
