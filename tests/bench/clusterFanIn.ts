// Fan-in across hubs (issue 20): N robots publishing JointState at 50 Hz into
// one Mosquitto, ingested by 1, 2, then 3 hubs sharing one Redis (each hub
// ingests its rendezvous share). For each hub count: each hub's CPU and CPU per
// robot it ingests, and the state latency (capture -> operator) p99 of
// operators connected to a hub that does not ingest the robots they watch (with
// one hub, that hub). The robots are real MQTT connections from forked load
// generators (robotSwarm.ts) sharing this machine's cores with the hubs and the
// broker. Then, hubs stopped, the cost of the path not chosen: a second hop
// through Redis pub/sub (what socket.io's Redis adapter adds at least) for
// every robot's states, against direct broker delivery, in one process.
// Prints JSON.
// Usage: npm run bench:cluster-fanin --workspace tests [-- --robots 150 --hubs 1,2,3 --window-s 10 --hop-robots 20]
// (`--hubs 0`: the Redis hop only)
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import mqtt from 'mqtt';
import { fromLong, nowNs, v1 } from '@teleop/proto';
import { openStores, rendezvousOwner, RobotRegistry } from '@teleop/hub';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startMosquitto } from '../harness/mosquitto.ts';
import { eventually, metric, startHub, tempDir, type RunningHub } from '../harness/processes.ts';
import { startRedis } from '../harness/redis.ts';
import { cpuSeconds, rssMb, sampleLoad, summarize } from './stats.ts';
import { ask, forkSwarm } from './swarm.ts';

const { values } = parseArgs({
  options: {
    robots: { type: 'string', default: '150' },
    hubs: { type: 'string', default: '1,2,3' },
    'rate-hz': { type: 'string', default: '50' },
    'window-s': { type: 'string', default: '10' },
    'per-swarm': { type: 'string', default: '50' },
    watchers: { type: 'string', default: '5' },
    'hop-robots': { type: 'string', default: '20' },
  },
});
const load = sampleLoad();
const N = Number(values.robots);
const HUB_COUNTS = values.hubs.split(',').map(Number).filter((n) => n > 0);
const RATE = Number(values['rate-hz']);
const WINDOW_S = Number(values['window-s']);
const PER_SWARM = Number(values['per-swarm']);
const WATCHERS = Number(values.watchers);
const HUB_PASSWORD = 'bench-cluster-password';

interface Health {
  ingest?: { hubId: string; hubsAlive: number; robotsIngested: number };
}
const healthOf = async (hub: RunningHub): Promise<Health> => (await (await fetch(`${hub.url}/api/v1/health`)).json()) as Health;

const data = tempDir('bench-cluster-fanin');
const stores = await openStores(data.path);
const registry = new RobotRegistry(stores.robots);
const creds: { robotId: string; secret: string }[] = [];
for (let i = 0; i < N; i += 20) {
  const batch = await Promise.all(Array.from({ length: Math.min(20, N - i) }, (_, k) => registry.enroll({ name: `swarm ${i + k}`, model: 'swarm', id: `swarm-${String(i + k).padStart(4, '0')}` })));
  creds.push(...batch.map((e) => ({ robotId: e.robot.id, secret: e.secret })));
}
await stores.close();

const broker = await startMosquitto(data.path, { hub: HUB_PASSWORD, ...Object.fromEntries(creds.map((c) => [c.robotId, c.secret])) });
const redis = await startRedis(data.path);
const swarms: ChildProcess[] = [];
const results: Record<string, unknown>[] = [];
let hubs: RunningHub[] = [];
let operators: OperatorClient[] = [];
let redisHop: Record<string, unknown> | null = null;

try {
  for (let i = 0; i < N; i += PER_SWARM) {
    const child = forkSwarm();
    swarms.push(child);
    await ask(child, { cmd: 'connect', url: broker.url, robots: creds.slice(i, i + PER_SWARM), rateHz: RATE }, 'connected');
  }
  await Promise.all(swarms.map((s) => ask(s, { cmd: 'start' }, 'started')));

  for (const k of HUB_COUNTS) {
    const args = ['--mqtt-url', broker.url, '--mqtt-username', 'hub', '--redis-url', redis.url, '--log-level', 'warn', '--state-max-rate', '1000'];
    hubs = [];
    for (let i = 0; i < k; i++) hubs.push(await startHub(data.path, args, { TELEOP_MQTT_PASSWORD: HUB_PASSWORD }));
    // Settled: every hub sees k hubs alive and together they ingest each robot once.
    const hubIds = await eventually(
      async () => {
        const all = await Promise.all(hubs.map(healthOf));
        if (!all.every((h) => h.ingest?.hubsAlive === k)) return undefined;
        if (all.reduce((a, h) => a + (h.ingest?.robotsIngested ?? 0), 0) !== N) return undefined;
        return all.map((h) => h.ingest!.hubId);
      },
      120_000,
      `${k} hubs sharing ${N} robots`,
    );
    const sorted = [...hubIds].sort();
    // The operators connect to the last hub and watch robots another hub ingests (with one hub: that hub's).
    const opHub = hubs.at(-1)!;
    const opHubId = hubIds.at(-1)!;
    const watched = creds.map((c) => c.robotId).filter((id) => k === 1 || rendezvousOwner(id, sorted) !== opHubId).slice(0, WATCHERS);
    operators = [];
    const latencies: number[] = [];
    let measuring = false;
    for (const [i, robotId] of watched.entries()) {
      const op = await OperatorClient.connect(opHub.url, `bench-watcher-${k}-${i}`);
      operators.push(op);
      await op.subscribe(robotId, 1000);
      op.socket.on('robot:state', (id: string) => {
        if (!measuring || id !== robotId) return;
        const s = op.states.at(-1)!;
        latencies.push(Number(s.receivedNs - fromLong(s.state.captureTimeNs)) / 1e6);
        if (op.states.length > 1000) op.states.splice(0, 900);
      });
    }
    await new Promise((r) => setTimeout(r, 3000)); // warm up
    const pids = hubs.map((h) => h.process.child.pid!);
    const brokerPid = broker.process.child.pid!;
    const in0 = await Promise.all(hubs.map((h) => metric(h.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })));
    const cpu0 = pids.map(cpuSeconds);
    const brokerCpu0 = cpuSeconds(brokerPid);
    const published0 = (await Promise.all(swarms.map((s) => ask<number>(s, { cmd: 'count' }, 'published')))).reduce((a, b) => a + b, 0);
    const t0 = performance.now();
    measuring = true;
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
    measuring = false;
    const elapsedS = (performance.now() - t0) / 1000;
    const cpu1 = pids.map(cpuSeconds);
    const brokerCpu1 = cpuSeconds(brokerPid);
    const published1 = (await Promise.all(swarms.map((s) => ask<number>(s, { cmd: 'count' }, 'published')))).reduce((a, b) => a + b, 0);
    const in1 = await Promise.all(hubs.map((h) => metric(h.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })));
    const healths = await Promise.all(hubs.map(healthOf));
    const perHub = hubs.map((h, i) => {
      const ingested = healths[i]!.ingest?.robotsIngested ?? 0;
      const cpuPercent = ((cpu1[i]! - cpu0[i]!) / elapsedS) * 100;
      return {
        hubId: hubIds[i],
        robotsIngested: ingested,
        statesInPerS: Math.round((in1[i]! - in0[i]!) / elapsedS),
        cpuPercentOfOneCore: Number(cpuPercent.toFixed(1)),
        cpuPercentPerRobot: ingested > 0 ? Number((cpuPercent / ingested).toFixed(3)) : null,
        rssMb: rssMb(pids[i]!),
        operators: hubs[i] === opHub ? operators.length : 0,
      };
    });
    const totalCpu = perHub.reduce((a, h) => a + h.cpuPercentOfOneCore, 0);
    // What the hubs took in, less the copies the operators' hub took of the watched robots for forwarding.
    const forwardedPerS = k === 1 ? 0 : watched.length * RATE;
    const row = {
      hubs: k,
      robots: N,
      stateRateHz: RATE,
      windowS: Number(elapsedS.toFixed(1)),
      statesPublishedPerS: Math.round((published1 - published0) / elapsedS),
      statesIngestedPerS: perHub.reduce((a, h) => a + h.statesInPerS, 0) - forwardedPerS,
      perHub,
      allHubsCpuPercentOfOneCore: Number(totalCpu.toFixed(1)),
      allHubsCpuPercentPerRobot: Number((totalCpu / N).toFixed(3)),
      brokerCpuPercentOfOneCore: Number((((brokerCpu1 - brokerCpu0) / elapsedS) * 100).toFixed(1)),
      operatorsWatchRobotsIngestedBy: k === 1 ? 'their own hub' : 'another hub',
      operatorStateLatencyMs: summarize(latencies, 2),
      operatorStatesExpected: Math.round(watched.length * RATE * elapsedS),
    };
    results.push(row);
    console.error(JSON.stringify(row));
    for (const op of operators) op.close();
    operators = [];
    for (const h of hubs) await h.process.stop();
    hubs = [];
  }

  // The other choice: states relayed through Redis pub/sub from the ingesting hub to the operator's hub. Measured
  // here as one extra PUBLISH/SUBSCRIBE hop per state (the adapter adds its own encoding and fan-out on top).
  const hopCount = Math.min(N, Number(values['hop-robots']));
  // --hop-robots 0 leaves this measure out.
  if (hopCount > 0) {
    const client = await mqtt.connectAsync(broker.url, { username: 'hub', password: HUB_PASSWORD, reconnectPeriod: 0 });
    const pub = new Redis(redis.url);
    const sub = new Redis(redis.url);
    const direct: number[] = [];
    const hopped: number[] = [];
    let measuring = false;
    const captureOf = (payload: Buffer): bigint => fromLong(v1.JointState.decode(payload).captureTimeNs);
    client.on('message', (_topic, payload) => {
      if (!measuring) return;
      direct.push(Number(nowNs() - captureOf(payload)) / 1e6);
      void pub.publish('bench:states', payload);
    });
    sub.on('messageBuffer', (_channel: Buffer, payload: Buffer) => {
      if (measuring) hopped.push(Number(nowNs() - captureOf(payload)) / 1e6);
    });
    await sub.subscribe('bench:states');
    await client.subscribeAsync(creds.slice(0, hopCount).map((c) => `robots/${c.robotId}/state`), { qos: 0 });
    await new Promise((r) => setTimeout(r, 2000));
    const redisPid = Number((await pub.info('server')).match(/process_id:(\d+)/)?.[1]);
    const redisCpu0 = cpuSeconds(redisPid);
    const t0 = performance.now();
    measuring = true;
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
    measuring = false;
    const elapsedS = (performance.now() - t0) / 1000;
    redisHop = {
      robots: hopCount,
      statesPerS: Math.round(direct.length / elapsedS),
      directFromBrokerMs: summarize(direct, 2),
      throughRedisMs: summarize(hopped, 2),
      redisCpuPercentOfOneCore: Number((((cpuSeconds(redisPid) - redisCpu0) / elapsedS) * 100).toFixed(1)),
    };
    console.error(JSON.stringify({ redisHop }));
    await client.endAsync();
    pub.disconnect();
    sub.disconnect();
  }
} finally {
  for (const op of operators) op.close();
  for (const h of hubs) await h.process.stop();
  for (const s of swarms) s.kill('SIGKILL');
  await broker.stop();
  await redis.stop();
  data.remove();
}

console.log(JSON.stringify({ benchmark: 'cluster_fan_in', broker: 'mosquitto', steps: results, redisHop, machine: load.stop() }, null, 2));
process.exit(0);
