// Control round trip on loopback: operator -> hub -> robot agent -> state ->
// operator, ended by the first JointState whose applied_sequence reflects the
// command; and the same trip through a bare aedes broker with no hub logic
// (client -> broker -> agent -> broker -> client). Both setups run side by
// side and are measured in alternating blocks, so both see the same machine.
// Commands start only once the robot itself reports the lease applied; a
// command never applied (dropped as stale by a busy machine: the agent takes
// none older than its command age limit) is counted as lost, not waited for.
// Prints JSON. Usage: npm run bench:control --workspace tests [-- --commands 5000]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { fromLong, nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, TestProcess } from '../harness/processes.ts';
import { sampleLoad, summarize } from './stats.ts';

const { values } = parseArgs({
  options: { commands: { type: 'string', default: '5000' }, warmup: { type: 'string', default: '500' }, block: { type: 'string', default: '250' } },
});
const COMMANDS = Number(values.commands);
const WARMUP = Number(values.warmup);
const BLOCK = Number(values.block);

/** Alternating small targets keep every command inside the joint limits. */
const target = (i: number): number[] => [0.1 * (i % 2), 0, 0, 0, 0, 0];

/** One way of sending a command and learning when the robot applied it. */
interface Path {
  name: string;
  /** Sends command i and resolves when the first state reflecting it arrives (true), or it is lost (false). */
  roundTrip(i: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * A command is lost when no state reflects it this long after it was sent: the agent applies no command older
 * than its command age limit (250 ms by default), so by then it never will be.
 */
const LOST_AFTER_MS = 5000;

/** Resolves the pending trip on the first state whose applied sequence reaches it. */
class AckWaiter {
  private waiting: { seq: bigint; resolve: (applied: boolean) => void; timer: NodeJS.Timeout } | null = null;

  wait(seq: bigint): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(false);
      }, LOST_AFTER_MS);
      this.waiting = { seq, resolve, timer };
    });
  }

  onState(payload: Uint8Array): void {
    const w = this.waiting;
    if (!w) return;
    if (fromLong(v1.JointState.decode(payload).appliedSequence) >= w.seq) {
      this.waiting = null;
      clearTimeout(w.timer);
      w.resolve(true);
    }
  }
}

async function hubPath(): Promise<Path> {
  const data = tempDir('bench-rt');
  const creds = await enrollRobot(data.path);
  const hub = await startHub(data.path, ['--log-level', 'warn', '--state-max-rate', '1000']);
  const agent = await startAgent(hub.url, creds, ['--log-level', 'warn'], false);
  const op = await OperatorClient.connect(hub.url, 'bench');
  await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'the robot online');
  await op.subscribe(creds.robotId, 1000);
  if ((await op.requestLease(creds.robotId)).status !== 'granted') throw new Error('no lease');
  await op.waitLeaseApplied(creds.robotId);
  const acks = new AckWaiter();
  // Decode once, on the raw event, exactly as the bare-broker client does.
  op.socket.off('robot:state');
  op.socket.on('robot:state', (_id, payload) => acks.onState(new Uint8Array(payload as ArrayBuffer)));
  return {
    name: 'hub',
    roundTrip(i) {
      const seq = op.send(creds.robotId, target(i));
      return acks.wait(seq);
    },
    async close() {
      op.close();
      await agent.stop();
      await hub.process.stop();
      data.remove();
    },
  };
}

async function barePath(): Promise<Path> {
  const broker = new TestProcess(
    'bare broker',
    spawn(process.execPath, ['--import', 'tsx', new URL('./bareBroker.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const port = await new Promise<number>((resolve) => {
    const t = setInterval(() => {
      const out = broker.stdout.join('');
      if (out.includes('port')) {
        clearInterval(t);
        resolve((JSON.parse(out) as { port: number }).port);
      }
    }, 20);
  });
  const url = `mqtt://127.0.0.1:${port}`;
  const robotId = 'r-bench-bare';
  const agent = await startAgent('http://127.0.0.1:1', { robotId, secret: 'not-checked-by-a-bare-broker' }, ['--mqtt-url', url, '--log-level', 'warn'], false);
  const client: MqttClient = await mqtt.connectAsync(url, { clientId: 'bench-client', protocolVersion: 4 });
  const acks = new AckWaiter();
  const leaseId = 'l-bench';
  let leaseApplied = false;
  client.on('message', (topic, payload) => {
    if (topic.endsWith('/state')) acks.onState(payload);
    else if (v1.RobotStatus.decode(payload).leaseId === leaseId) leaseApplied = true;
  });
  await client.subscribeAsync([robotTopic(robotId, 'state'), robotTopic(robotId, 'status')], { qos: 0 });
  // The agent announces itself with a retained status; it applies the lease when it is subscribed to its session.
  await eventually(async () => {
    if (leaseApplied) return true;
    await client.publishAsync(
      robotTopic(robotId, 'session'),
      Buffer.from(v1.SessionEvent.encode({ timeNs: toLong(nowNs()), leaseGranted: { leaseId, operatorId: 'bench' } }).finish()),
      { qos: 1 },
    );
    await new Promise((r) => setTimeout(r, 250));
    return leaseApplied;
  }, undefined, 'the robot to apply the lease');
  let seq = 0n;
  return {
    name: 'bareBroker',
    roundTrip(i) {
      const s = ++seq;
      client.publish(
        robotTopic(robotId, 'control'),
        Buffer.from(v1.ControlCommand.encode({ sequence: toLong(s), sendTimeNs: toLong(nowNs()), leaseId, mode: 1, values: target(i) }).finish()),
        { qos: 0 },
      );
      return acks.wait(s);
    },
    async close() {
      await client.endAsync();
      await agent.stop();
      await broker.stop();
    },
  };
}

const load = sampleLoad();
const paths = [await hubPath(), await barePath()];
const samples = new Map<string, number[]>(paths.map((p) => [p.name, []]));
const lost = new Map<string, number>(paths.map((p) => [p.name, 0]));
try {
  let i = 0;
  for (const p of paths) for (let k = 0; k < WARMUP; k++) await p.roundTrip(i++);
  for (let done = 0; done < COMMANDS; done += BLOCK) {
    for (const p of paths) {
      const out = samples.get(p.name)!;
      for (let k = 0; k < Math.min(BLOCK, COMMANDS - done); k++) {
        const t0 = performance.now();
        if (await p.roundTrip(i++)) out.push(performance.now() - t0);
        else lost.set(p.name, lost.get(p.name)! + 1);
      }
    }
  }
} finally {
  for (const p of paths) await p.close();
}

const hub = { ...summarize(samples.get('hub')!), lost: lost.get('hub')! };
const bare = { ...summarize(samples.get('bareBroker')!), lost: lost.get('bareBroker')! };
console.log(
  JSON.stringify(
    {
      benchmark: 'control_round_trip_ms',
      commandsPerPath: COMMANDS,
      hub,
      bareBroker: bare,
      ratio: { p50: Number((hub.p50 / bare.p50).toFixed(2)), p99: Number((hub.p99 / bare.p99).toFixed(2)) },
      targets: { hubP50: 3, hubP99: 10, ratio: 1.5 },
      machine: load.stop(),
    },
    null,
    2,
  ),
);
process.exit(0);
