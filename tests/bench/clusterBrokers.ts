// The two clustering MQTT brokers Debian 12 ships, side by side on this
// machine: RabbitMQ 3.10 (rabbitmq_mqtt, robots authenticated through
// rabbitmq_auth_backend_http by a stand-in for the hub's endpoints that allows
// everyone) and NATS 2.9 (its MQTT listener over JetStream, robots as users in
// its config). For each: time from spawn to an MQTT listener that accepts
// connections, idle memory, then N robots publishing 64-byte states at 50 Hz
// (QoS 0) to one subscriber (a hub) for a window: broker CPU and memory,
// messages delivered, and delivery latency (publisher and subscriber share
// this process's clock).
// Prints JSON. Usage: npm run bench:cluster-brokers --workspace tests [-- --robots 100 --window-s 10]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { freePort } from '../harness/mosquitto.ts';
import { PATIENCE_MS, tempDir } from '../harness/processes.ts';
import { startRabbitMq } from '../harness/rabbitmq.ts';
import { GroupProcess, waitForPort } from '../harness/serviceProcess.ts';
import { sampleLoad, summarize } from './stats.ts';

const { values } = parseArgs({ options: { robots: { type: 'string', default: '100' }, 'window-s': { type: 'string', default: '10' }, 'rate-hz': { type: 'string', default: '50' } } });
const ROBOTS = Number(values.robots);
const WINDOW_S = Number(values['window-s']);
const RATE = Number(values['rate-hz']);
const load = sampleLoad();
const dir = tempDir('bench-brokers');

interface Broker {
  url: string;
  startedInMs: number;
  rssBytes(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

async function rabbitmq(): Promise<Broker> {
  // Stands in for the hub's /api/v1/broker/rabbitmq endpoints: the cost measured is the broker's.
  const auth = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('allow'));
  });
  const port = await freePort();
  await new Promise<void>((r) => auth.listen(port, '127.0.0.1', () => r()));
  const r = await startRabbitMq(join(dir.path, 'rmq'), { hubUsername: 'hub', hubPassword: 'hub-pass', authHttpBase: `http://broker:t@127.0.0.1:${port}/rmq` });
  return { url: r.url, startedInMs: r.startedInMs, rssBytes: () => r.residentBytes(), cpuSeconds: () => r.cpuSeconds(), stop: async () => { await r.stop(); auth.close(); } };
}

async function nats(): Promise<Broker> {
  const base = join(dir.path, 'nats');
  mkdirSync(base, { recursive: true });
  const [client, mqttPort] = [await freePort(), await freePort()];
  const users = [{ user: 'hub', password: 'hub-pass' }, ...Array.from({ length: ROBOTS }, (_, i) => ({ user: `r-${i}`, password: `secret-${i}` }))];
  writeFileSync(
    join(base, 'nats.conf'),
    [`listen: 127.0.0.1:${client}`, 'server_name: bench', `jetstream { store_dir: "${join(base, 'js')}" }`, `mqtt { listen: 127.0.0.1:${mqttPort} }`, `authorization { users: ${JSON.stringify(users)} }`, ''].join('\n'),
  );
  const started = Date.now();
  const p = new GroupProcess('nats', spawn('nats-server', ['-c', join(base, 'nats.conf')], { stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  await waitForPort(mqttPort, p, PATIENCE_MS);
  return { url: `mqtt://127.0.0.1:${mqttPort}`, startedInMs: Date.now() - started, rssBytes: () => p.residentBytes(), cpuSeconds: () => p.cpuSeconds(), stop: () => p.stop() };
}

async function measure(name: string, start: () => Promise<Broker>): Promise<Record<string, unknown>> {
  const broker = await start();
  await new Promise((r) => setTimeout(r, 3000));
  const idleRssMb = broker.rssBytes() / 2 ** 20;
  const hub = await mqtt.connectAsync(broker.url, { clientId: `hub-${name}`, username: 'hub', password: 'hub-pass', protocolVersion: 4 });
  const latencies: number[] = [];
  let received = 0;
  hub.on('message', (_t, payload) => {
    received++;
    latencies.push(Number(process.hrtime.bigint() - payload.readBigUInt64LE(0)) / 1e6);
  });
  await hub.subscribeAsync('robots/+/state', { qos: 0 });
  const robots: MqttClient[] = [];
  for (let i = 0; i < ROBOTS; i++) {
    robots.push(await mqtt.connectAsync(broker.url, { clientId: `r-${i}`, username: `r-${i}`, password: `secret-${i}`, protocolVersion: 4, reconnectPeriod: 0 }));
  }
  const connectedRssMb = broker.rssBytes() / 2 ** 20;
  let sent = 0;
  const payload = Buffer.alloc(64);
  const timer = setInterval(() => {
    for (let i = 0; i < robots.length; i++) {
      payload.writeBigUInt64LE(process.hrtime.bigint(), 0);
      robots[i]!.publish(`robots/r-${i}/state`, Buffer.from(payload), { qos: 0 });
      sent++;
    }
  }, 1000 / RATE);
  await new Promise((r) => setTimeout(r, 2000)); // warm-up
  const [sent0, received0, cpu0] = [sent, received, broker.cpuSeconds()];
  latencies.length = 0;
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
  const elapsed = (Date.now() - t0) / 1000;
  const cpu = (broker.cpuSeconds() - cpu0) / elapsed;
  const [sentW, receivedW] = [sent - sent0, received - received0];
  clearInterval(timer);
  const loadedRssMb = broker.rssBytes() / 2 ** 20;
  for (const r of robots) r.end(true);
  hub.end(true);
  await broker.stop();
  return {
    broker: name,
    startMs: broker.startedInMs,
    idleRssMb: Math.round(idleRssMb),
    connectedRssMb: Math.round(connectedRssMb),
    loadedRssMb: Math.round(loadedRssMb),
    cpuCoresUnderLoad: Number(cpu.toFixed(3)),
    cpuPerRobotPercent: Number(((cpu * 100) / ROBOTS).toFixed(3)),
    sentPerS: Math.round(sentW / elapsed),
    deliveredShare: Number((receivedW / sentW).toFixed(4)),
    latencyMs: summarize(latencies.sort((a, b) => a - b)),
  };
}

const results = [await measure('rabbitmq-3.10', rabbitmq), await measure('nats-2.9', nats)];
dir.remove();
console.log(JSON.stringify({ benchmark: 'cluster_brokers', robots: ROBOTS, rateHz: RATE, windowS: WINDOW_S, results, machine: load.stop() }, null, 2));
process.exit(0);
