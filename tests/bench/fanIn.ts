// Fan-in: N robots publishing JointState at 50 Hz into one hub while 10
// operators each watch one robot. Finds the largest N with zero loss (at the
// hub and at the operators) and operator p99 latency <= 25 ms, reporting hub
// CPU and RSS at each step. The robots are real MQTT connections from forked
// load-generator processes sharing this machine's 2 cores with the hub.
// Prints JSON. Usage: npm run bench:fanin --workspace tests [-- --steps 100,200,300]
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fromLong } from '@teleop/proto';
import { openStores, RobotRegistry } from '@teleop/hub';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { metric, startHub, tempDir } from '../harness/processes.ts';
import { cpuSeconds, rssMb, sampleLoad, summarize } from './stats.ts';
import { ask, forkSwarm } from './swarm.ts';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '100,200,300,400,500' },
    'rate-hz': { type: 'string', default: '50' },
    'window-s': { type: 'string', default: '10' },
    'per-swarm': { type: 'string', default: '100' },
    'p99-ms': { type: 'string', default: '25' },
  },
});
const load = sampleLoad();
const STEPS = values.steps.split(',').map(Number);
const RATE = Number(values['rate-hz']);
const WINDOW_S = Number(values['window-s']);
const PER_SWARM = Number(values['per-swarm']);
const P99_LIMIT = Number(values['p99-ms']);
const OPERATORS = 10;

const data = tempDir('bench-fanin');
const maxN = Math.max(...STEPS);
const stores = await openStores(data.path);
const registry = new RobotRegistry(stores.robots);
const creds: { robotId: string; secret: string }[] = [];
for (let i = 0; i < maxN; i += 20) {
  const batch = await Promise.all(Array.from({ length: Math.min(20, maxN - i) }, (_, k) => registry.enroll({ name: `swarm ${i + k}`, model: 'swarm', id: `swarm-${String(i + k).padStart(4, '0')}` })));
  creds.push(...batch.map((e) => ({ robotId: e.robot.id, secret: e.secret })));
}
await stores.close();

const hub = await startHub(data.path, ['--log-level', 'warn', '--state-max-rate', '1000']);
const hubPid = hub.process.child.pid!;
const swarms: ChildProcess[] = [];
const operators: OperatorClient[] = [];
const results: Record<string, unknown>[] = [];
let connected = 0;
let best = 0;
let previouslyWatched: string[] = [];

try {
  for (let i = 0; i < OPERATORS; i++) operators.push(await OperatorClient.connect(hub.url, `watcher-${i}`));

  for (const n of STEPS) {
    while (connected < n) {
      const batch = creds.slice(connected, Math.min(n, connected + PER_SWARM));
      const child = forkSwarm();
      swarms.push(child);
      await ask(child, { cmd: 'connect', url: hub.mqttUrl, robots: batch, rateHz: RATE }, 'connected');
      connected += batch.length;
    }
    // Each operator watches one robot spread over the fleet.
    const watched = operators.map((_, i) => creds[Math.floor((i * n) / OPERATORS)]!.robotId);
    for (const [i, op] of operators.entries()) {
      const before = previouslyWatched[i];
      if (before && before !== watched[i]) await new Promise((r) => op.socket.emit('robot:unsubscribe', { robotId: before }, r));
      await op.subscribe(watched[i]!, 1000);
    }
    previouslyWatched = watched;

    const latencies: number[] = [];
    const lastSeq = new Map<string, bigint>();
    let gaps = 0;
    let operatorReceived = 0;
    let measuring = false;
    const handlers = operators.map((op, i) => {
      const h = (robotId: string): void => {
        if (!measuring || robotId !== watched[i]) return;
        const s = op.states.at(-1)!;
        operatorReceived++;
        latencies.push(Number(s.receivedNs - fromLong(s.state.captureTimeNs)) / 1e6);
        const seq = fromLong(s.state.stateSequence);
        const prev = lastSeq.get(robotId);
        if (prev !== undefined && seq !== prev + 1n) gaps += Number(seq - prev - 1n);
        lastSeq.set(robotId, seq);
        if (op.states.length > 1000) op.states.splice(0, 900);
      };
      op.socket.on('robot:state', h);
      return h;
    });

    // Loss is counted between two quiet moments (nothing in flight): before start and after stop + drain.
    const hubIn0 = await metric(hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' });
    const dropped0 = await metric(hub.url, 'teleop_messages_dropped_total');
    const published0 = (await Promise.all(swarms.map((s) => ask<number>(s, { cmd: 'count' }, 'published')))).reduce((a, b) => a + b, 0);
    await Promise.all(swarms.map((s) => ask(s, { cmd: 'start' }, 'started')));
    await new Promise((r) => setTimeout(r, 2000)); // warm up
    const cpu0 = cpuSeconds(hubPid);
    const t0 = performance.now();
    measuring = true;
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
    const elapsedS = (performance.now() - t0) / 1000;
    const cpu1 = cpuSeconds(hubPid);
    const published1 = (await Promise.all(swarms.map((s) => ask<number>(s, { cmd: 'stop' }, 'published')))).reduce((a, b) => a + b, 0);
    measuring = false;
    await new Promise((r) => setTimeout(r, 1000)); // drain
    const hubIn1 = await metric(hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' });
    const dropped1 = await metric(hub.url, 'teleop_messages_dropped_total');
    operators.forEach((op, i) => op.socket.off('robot:state', handlers[i]));

    const published = published1 - published0;
    const hubReceived = hubIn1 - hubIn0;
    const lat = summarize(latencies, 2);
    const hubLoss = published - hubReceived;
    const expectedAtOperators = Math.round(OPERATORS * RATE * elapsedS);
    const pass = hubLoss <= 0 && gaps === 0 && dropped1 === dropped0 && lat.p99 <= P99_LIMIT;
    const row = {
      robots: n,
      operators: OPERATORS,
      stateRateHz: RATE,
      windowS: Number(elapsedS.toFixed(1)),
      statesPublished: published,
      statesReceivedByHub: hubReceived,
      hubLoss: Math.max(0, hubLoss),
      operatorStates: operatorReceived,
      operatorStatesExpected: expectedAtOperators,
      operatorSequenceGaps: gaps,
      operatorLatencyMs: lat,
      hubCpuPercentOfOneCore: Number((((cpu1 - cpu0) / elapsedS) * 100).toFixed(1)),
      hubRssMb: rssMb(hubPid),
      pass,
    };
    results.push(row);
    console.error(JSON.stringify(row));
    if (!pass) break;
    best = n;
  }
} finally {
  for (const op of operators) op.close();
  for (const s of swarms) s.kill('SIGKILL');
  await hub.process.stop();
  data.remove();
}

console.log(JSON.stringify({ benchmark: 'fan_in', criteria: { loss: 0, operatorP99Ms: P99_LIMIT }, largestPassingRobots: best, target: 200, steps: results, machine: load.stop() }, null, 2));
process.exit(0);
