// The attacks of tests/security and tests/bench/underAttack.ts, each run in a process of its own so that the
// test process that measures the hub's answers is not slowed by the attack it
// measures. Usage: node --import tsx tests/harness/attacker.ts <attack> '<json options>'.
// Progress and outcomes are JSON lines on stderr (read by TestProcess.waitForLog);
// the process exits when its attack is over, or when its parent goes.
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { createConnection } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { generatePrivateKey } from 'viem/accounts';
import { nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { openOperatorSocket, requestLeaseOn } from './operatorSockets.ts';
import { signIn } from './signIn.ts';

function report(msg: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ level: 30, msg, ...fields })}\n`);
}

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();

const tally = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Runs `request` `requests` times, `concurrency` at a time, tallying what each returns. */
async function flood(requests: number, concurrency: number, request: () => Promise<string>): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) tally(outcomes, await request());
    }),
  );
  return outcomes;
}

// ---------------------------------------------------------------------------------------------------------------
// Point 4: operator connections that queue for a robot and then disconnect.

interface OperatorAttack {
  hubUrl: string;
  robotId: string;
  /** Connections one wallet tries to open. */
  connections: number;
  /** Then this many wallets, each opening `perWallet` connections. */
  wallets: number;
  perWallet: number;
  /** Rounds of connect, queue, disconnect. */
  rounds: number;
}

/** Opens, queues and drops `count` connections per token, all at once; returns what the hub answered. */
async function queueAndDrop(o: OperatorAttack, tokens: string[], count: number): Promise<{ connections: Record<string, number>; requests: Record<string, number> }> {
  const connections: Record<string, number> = {};
  const requests: Record<string, number> = {};
  const opened = await Promise.all(tokens.flatMap((token) => Array.from({ length: count }, () => openOperatorSocket(o.hubUrl, token))));
  const live = opened.filter((c) => !c.refused).map((c) => c.socket);
  for (const c of opened) tally(connections, c.refused ?? 'connected');
  const answers = await Promise.all(live.map((s) => requestLeaseOn(s, o.robotId)));
  for (const a of answers) tally(requests, a.ok ? a.value.status : a.error.code);
  for (const s of live) s.disconnect();
  return { connections, requests };
}

async function operatorAttack(o: OperatorAttack): Promise<void> {
  const attacker = await signIn(o.hubUrl, generatePrivateKey());
  const many = await Promise.all(Array.from({ length: o.wallets }, () => signIn(o.hubUrl, generatePrivateKey())));
  report('attack ready');
  for (let round = 0; round < o.rounds; round++) {
    const one = await queueAndDrop(o, [attacker.token], o.connections);
    report('one wallet round', { round, ...one });
    const spread = await queueAndDrop(o, many.map((w) => w.token), o.perWallet);
    report('many wallets round', { round, ...spread });
  }
  report('attack done');
}

// ---------------------------------------------------------------------------------------------------------------
// Point 5: a flood of sign-in nonces.

interface NonceAttack {
  hubUrl: string;
  requests: number;
  concurrency: number;
}

async function nonceAttack(o: NonceAttack): Promise<void> {
  report('attack ready');
  const statuses = await flood(o.requests, o.concurrency, async () => {
    const res = await fetch(`${o.hubUrl}/api/v1/auth/nonce`).catch(() => null);
    await res?.arrayBuffer();
    return String(res?.status ?? 'error');
  });
  report('attack done', { statuses });
}

// ---------------------------------------------------------------------------------------------------------------
// Point 6: wrong secrets for a robot on MQTT, tus and the broker's auth endpoint, many at once.

interface RobotAuthAttack {
  hubUrl: string;
  mqttUrl: string;
  robotId: string;
  /** Parallel wrong-secret MQTT connects, and as many HTTP attempts (tus and broker endpoint, half each). */
  parallel: number;
  durationMs: number;
  /** Loopback address the attack comes from (another client than the robot's). */
  localAddress: string;
  /** The hub's --broker-auth-token, so the broker endpoint's attempts reach the robot check (as a broker relaying them would). */
  brokerAuthToken?: string;
}

async function robotAuthAttack(o: RobotAuthAttack): Promise<void> {
  const outcomes: Record<string, number> = {};
  const until = Date.now() + o.durationMs;
  const agent = new HttpAgent({ keepAlive: true, maxSockets: o.parallel, localAddress: o.localAddress });
  const wrong = (): string => `wrong-${Math.random().toString(36).slice(2)}`;
  const post = (path: string, body: string | null, headers: Record<string, string>, method = 'POST'): Promise<number> =>
    new Promise((resolve) => {
      const req = httpRequest(`${o.hubUrl}${path}`, { method, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end(body ?? undefined);
    });
  const mqttLoop = async (): Promise<void> => {
    while (Date.now() < until) {
      const outcome = await new Promise<string>((resolve) => {
        // mqtt.connect ignores localAddress: the client gets a socket bound to it from a stream builder instead.
        const broker = new URL(o.mqttUrl);
        const client: MqttClient = new mqtt.MqttClient(() => createConnection({ host: broker.hostname, port: Number(broker.port), localAddress: o.localAddress }), {
          clientId: o.robotId,
          username: o.robotId,
          password: wrong(),
          protocolVersion: 4,
          reconnectPeriod: 0,
          connectTimeout: 60_000,
        });
        client.once('connect', () => resolve('mqtt accepted'));
        client.once('error', (err: Error & { code?: number }) => resolve(`mqtt refused ${err.code ?? err.message}`));
        client.once('close', () => resolve('mqtt closed'));
      }).then((r) => r);
      tally(outcomes, outcome);
    }
  };
  const tusLoop = async (): Promise<void> => {
    while (Date.now() < until) {
      const basic = Buffer.from(`${o.robotId}:${wrong()}`).toString('base64');
      tally(outcomes, `tus ${await post('/api/v1/uploads/none', null, { authorization: `Basic ${basic}`, 'tus-resumable': '1.0.0' }, 'HEAD')}`);
    }
  };
  const brokerLoop = async (): Promise<void> => {
    while (Date.now() < until) {
      const body = JSON.stringify({ clientid: o.robotId, username: o.robotId, password: wrong(), peerhost: o.localAddress });
      const auth: Record<string, string> = o.brokerAuthToken ? { authorization: `Bearer ${o.brokerAuthToken}` } : {};
      tally(outcomes, `broker ${await post('/api/v1/broker/authenticate', body, { 'content-type': 'application/json', ...auth })}`);
    }
  };
  report('attack ready');
  const half = Math.max(1, Math.floor(o.parallel / 2));
  await Promise.all([
    ...Array.from({ length: o.parallel }, mqttLoop),
    ...Array.from({ length: half }, tusLoop),
    ...Array.from({ length: half }, brokerLoop),
  ]);
  agent.destroy();
  report('attack done', { outcomes });
}

// ---------------------------------------------------------------------------------------------------------------
// Point 7: a robot publishing valid states as fast as its link takes them, and reconnecting when dropped.

interface StateFloodAttack {
  mqttUrl: string;
  robotId: string;
  secret: string;
  durationMs: number;
  joints: number;
}

async function stateFloodAttack(o: StateFloodAttack): Promise<void> {
  const until = Date.now() + o.durationMs;
  const events: Record<string, number> = {};
  let published = 0;
  const client = mqtt.connect(o.mqttUrl, {
    clientId: o.robotId,
    username: o.robotId,
    password: o.secret,
    protocolVersion: 4,
    reconnectPeriod: 100,
    connectTimeout: 60_000,
  });
  client.on('connect', () => {
    tally(events, 'connected');
    report('flood connected');
  });
  client.on('close', () => {
    tally(events, 'closed');
    report('flood connection closed');
  });
  client.on('error', (err: Error & { code?: number }) => tally(events, `error ${err.code ?? err.message}`));
  const topic = robotTopic(o.robotId, 'state');
  const zeros = Array.from({ length: o.joints }, () => 0);
  report('attack ready');
  while (Date.now() < until) {
    if (!client.connected) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    for (let i = 0; i < 200; i++) {
      const state = v1.JointState.encode({ captureTimeNs: toLong(nowNs()), positions: zeros, velocities: zeros, efforts: zeros }).finish();
      client.publish(topic, Buffer.from(state), { qos: 0 });
      published++;
    }
    const stream = client.stream as { writableNeedDrain?: boolean; once(e: string, f: () => void): void } | undefined;
    // A stream the hub closed never drains: wait for whichever comes first.
    if (stream?.writableNeedDrain) await new Promise<void>((r) => (stream.once('drain', r), stream.once('close', r)));
    else await new Promise((r) => setImmediate(r));
  }
  client.end(true);
  report('attack done', { published, events });
}

// ---------------------------------------------------------------------------------------------------------------
// Point 8: one wallet enrolling robots as fast as the hub answers.

interface EnrollAttack {
  hubUrl: string;
  token: string;
  requests: number;
  concurrency: number;
}

async function enrollAttack(o: EnrollAttack): Promise<void> {
  report('attack ready');
  const statuses = await flood(o.requests, o.concurrency, async () => {
    const res = await fetch(`${o.hubUrl}/api/v1/robots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'flood', model: 'so101_sim' }),
    }).catch(() => null);
    const body = res ? ((await res.json().catch(() => ({}))) as { error?: string }) : {};
    return `${res?.status ?? 'error'}${body.error ? ` ${body.error}` : ''}`;
  });
  report('attack done', { statuses });
}

const attacks: Record<string, (o: never) => Promise<void>> = {
  operators: operatorAttack,
  nonces: nonceAttack,
  'robot-auth': robotAuthAttack,
  'state-flood': stateFloodAttack,
  enroll: enrollAttack,
};

const [name, json] = process.argv.slice(2);
const attack = attacks[name ?? ''];
if (!attack || !json) {
  report(`usage: attacker.ts <${Object.keys(attacks).join('|')}> '<json options>'`);
  process.exit(2);
}
attack(JSON.parse(json) as never).then(
  () => process.exit(0),
  (err: unknown) => {
    report('attack failed', { err: String((err as Error)?.stack ?? err) });
    process.exit(1);
  },
);
