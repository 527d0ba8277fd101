// The hub under the denial-of-service attacks of issue 15 (points 4-8): how
// fast it answers a health request and an e-stop while each attack runs. A real
// hub (embedded broker), a real robot agent, an operator holding its lease and
// another one probing; each attack runs in a process of its own
// (tests/harness/attacker.ts), the probes in this one, one after the other
// every 20 ms, first with no attack (baseline). Prints JSON.
//   npx tsx tests/bench/underAttack.ts [attack,...]   (default: every attack)
import { generatePrivateKey } from 'viem/accounts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, metricSeries, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { signIn } from '../harness/signIn.ts';
import { attackOver, startAttack, timeAnswers } from '../harness/underAttack.ts';
import { sampleLoad, summarize } from './stats.ts';

const load = sampleLoad();
const data = tempDir('bench-attack');
const honest = await enrollRobot(data.path, 'honest arm');
const flooder = await enrollRobot(data.path, 'flooding arm');
const hub = await startHub(data.path, ['--log-level', 'error']);
const agent = await startAgent(hub.url, honest);
const holder = await OperatorClient.connect(hub.url, 'bench-holder');
const prober = await OperatorClient.connect(hub.url, 'bench-prober');
await eventually(async () => (await holder.listRobots()).find((r) => r.robotId === honest.robotId && r.online), undefined, 'robot online');
await holder.requestLease(honest.robotId);
const enroller = await signIn(hub.url, generatePrivateKey());

const ATTACKS: Record<string, () => Record<string, unknown>> = {
  // Point 4: one wallet opens 500 connections that all queue, then 50 wallets 10 each; twice.
  operators: () => ({ hubUrl: hub.url, robotId: honest.robotId, connections: 500, wallets: 50, perWallet: 10, rounds: 2 }),
  // Point 5: 20000 nonce requests, 50 at a time.
  nonces: () => ({ hubUrl: hub.url, requests: 20_000, concurrency: 50 }),
  // Point 6: 16 parallel wrong-secret MQTT connects for the robot's id, and tus attempts, for 10 s.
  'robot-auth': () => ({ hubUrl: hub.url, mqttUrl: hub.mqttUrl, robotId: honest.robotId, parallel: 16, durationMs: 10_000, localAddress: '127.0.0.2' }),
  // Point 7: another enrolled robot publishing states as fast as its link takes them, for 10 s.
  'state-flood': () => ({ mqttUrl: hub.mqttUrl, robotId: flooder.robotId, secret: flooder.secret, durationMs: 10_000, joints: 6 }),
  // Point 8: one wallet enrolling 500 robots, 20 at a time.
  enroll: () => ({ hubUrl: hub.url, token: enroller.token, requests: 500, concurrency: 20 }),
};
const chosen = process.argv[2] ? process.argv[2].split(',') : Object.keys(ATTACKS);

const results: Record<string, unknown> = {};
try {
  // Baseline: 10 s of probes with nothing else going on.
  const idle = await timeAnswers(hub.url, prober, honest.robotId, new Promise((r) => setTimeout(r, 10_000)));
  results.none = { healthMs: summarize(idle.healthMs), estopMs: summarize(idle.estopMs) };
  for (const name of chosen) {
    const options = ATTACKS[name];
    if (!options) throw new Error(`unknown attack ${name}; choose from ${Object.keys(ATTACKS).join(', ')}`);
    const attack = await startAttack(name, options());
    const over = attackOver(attack);
    const answers = await timeAnswers(hub.url, prober, honest.robotId, over);
    const report = await over;
    const { level: _level, msg: _msg, ...outcome } = report;
    results[name] = { healthMs: summarize(answers.healthMs), estopMs: summarize(answers.estopMs), attack: outcome, rounds: attack.logs.filter((l) => l.msg.endsWith('round')).map(({ level: _l, ...r }) => r) };
    await new Promise((r) => setTimeout(r, 2000)); // let the hub settle between attacks
  }
  const counted = async (name: string) => (await metricSeries(hub.url, name)).filter((s) => s.value > 0);
  console.log(
    JSON.stringify(
      {
        bench: 'under-attack',
        results,
        metrics: {
          operatorLimits: await counted('teleop_operator_limits_total'),
          budgetDisconnects: await counted('teleop_robot_budget_disconnects_total'),
          dropped: await counted('teleop_messages_dropped_total'),
        },
        machine: load.stop(),
      },
      null,
      2,
    ),
  );
} finally {
  holder.close();
  prober.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}
