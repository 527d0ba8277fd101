// Control round trip on loopback: operator -> hub -> robot agent -> state ->
// operator, ended by the first JointState whose applied_sequence reflects the
// command; and the same trip through a bare aedes broker with no hub logic.
// Prints JSON. Usage: npm run bench:control --workspace tests [-- --commands 5000]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { fromLong, nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, startAgent, startHub, tempDir, TestProcess } from '../harness/processes.ts';
import { summarize } from './stats.ts';

const { values } = parseArgs({ options: { commands: { type: 'string', default: '5000' }, warmup: { type: 'string', default: '300' } } });
const COMMANDS = Number(values.commands);
const WARMUP = Number(values.warmup);

/** Alternating small targets keep every command inside the joint limits. */
const target = (i: number): number[] => [0.1 * (i % 2), 0, 0, 0, 0, 0];

async function throughHub(): Promise<number[]> {
  const data = tempDir('bench-rt');
  const creds = await enrollRobot(data.path);
  const hub = await startHub(data.path, ['--log-level', 'warn', '--state-max-rate', '1000']);
  const agent = await startAgent(hub.url, creds, ['--log-level', 'warn'], false);
  await new Promise((r) => setTimeout(r, 1500));
  const op = await new OperatorClient(hub.url, 'bench').connected();
  try {
    await op.subscribe(creds.robotId, 1000);
    const lease = await op.requestLease(creds.robotId);
    if (lease.status !== 'granted') throw new Error('no lease');
    // Resolve on the raw socket event, as the bare-broker client does, so both clients do the same work.
    let waiting: { seq: bigint; resolve: () => void } | null = null;
    op.socket.off('robot:state');
    op.socket.on('robot:state', (_id, payload) => {
      const s = v1.JointState.decode(new Uint8Array(payload as ArrayBuffer));
      if (waiting && fromLong(s.appliedSequence) >= waiting.seq) {
        const w = waiting;
        waiting = null;
        w.resolve();
      }
    });
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + COMMANDS; i++) {
      const t0 = performance.now();
      const done = new Promise<void>((resolve, reject) => {
        waiting = { seq: 0n, resolve };
        setTimeout(() => reject(new Error(`command ${i} not applied`)), 2000).unref();
      });
      waiting!.seq = op.send(creds.robotId, target(i));
      await done;
      if (i >= WARMUP) samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    op.close();
    await agent.stop();
    await hub.process.stop();
    data.remove();
  }
}

async function throughBareBroker(): Promise<number[]> {
  const brokerProc = new TestProcess('bare broker', spawn(process.execPath, ['--import', 'tsx', new URL('./bareBroker.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const port = await new Promise<number>((resolve) => {
    const t = setInterval(() => {
      const line = brokerProc.stdout.join('');
      if (line.includes('port')) {
        clearInterval(t);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    }, 20);
  });
  const url = `mqtt://127.0.0.1:${port}`;
  const robotId = 'r-bench-bare';
  const agent = await startAgent('http://127.0.0.1:1', { robotId, secret: 'not-checked-by-a-bare-broker' }, ['--mqtt-url', url, '--log-level', 'warn'], false);
  await new Promise((r) => setTimeout(r, 1500));
  const client = await mqtt.connectAsync(url, { clientId: 'bench-client', protocolVersion: 4 });
  try {
    let waiting: { seq: bigint; resolve: () => void } | null = null;
    client.on('message', (_topic, payload) => {
      const s = v1.JointState.decode(payload);
      if (waiting && fromLong(s.appliedSequence) >= waiting.seq) {
        const w = waiting;
        waiting = null;
        w.resolve();
      }
    });
    await client.subscribeAsync(robotTopic(robotId, 'state'), { qos: 0 });
    const leaseId = 'l-bench';
    await client.publishAsync(
      robotTopic(robotId, 'session'),
      Buffer.from(v1.SessionEvent.encode({ timeNs: toLong(nowNs()), leaseGranted: { leaseId, operatorId: 'bench' } }).finish()),
      { qos: 1 },
    );
    await new Promise((r) => setTimeout(r, 300));
    const samples: number[] = [];
    for (let i = 1; i <= WARMUP + COMMANDS; i++) {
      const t0 = performance.now();
      const seq = BigInt(i);
      const done = new Promise<void>((resolve, reject) => {
        waiting = { seq, resolve };
        setTimeout(() => reject(new Error(`command ${i} not applied`)), 2000).unref();
      });
      client.publish(
        robotTopic(robotId, 'control'),
        Buffer.from(v1.ControlCommand.encode({ sequence: toLong(seq), sendTimeNs: toLong(nowNs()), leaseId, mode: 1, values: target(i) }).finish()),
        { qos: 0 },
      );
      await done;
      if (i > WARMUP) samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    await client.endAsync();
    await agent.stop();
    await brokerProc.stop();
  }
}

const hub = summarize(await throughHub());
const bare = summarize(await throughBareBroker());
console.log(
  JSON.stringify(
    {
      benchmark: 'control_round_trip_ms',
      commands: COMMANDS,
      hub,
      bareBroker: bare,
      ratio: { p50: Number((hub.p50 / bare.p50).toFixed(2)), p99: Number((hub.p99 / bare.p99).toFixed(2)) },
      targets: { p50: 3, p99: 10, ratio: 1.5 },
    },
    null,
    2,
  ),
);
process.exit(0);
