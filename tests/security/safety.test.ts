// Safety against a bad day, with the real hub, agent and broker: an e-stop
// reaches the robot or says it has not (held by the hub, stored, delivered on
// every reconnection and across a hub restart, confirmed by the robot); a
// restarted agent never resumes an old command stream; presence follows the
// connection even when a robot leaves without a last will.
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { fromLong, robotTopic } from '@teleop/proto';
import { OperatorAckError, OperatorClient } from '../harness/OperatorClient.ts';
import { freePort } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';

const ICE = ['--ice-host-addresses', '127.0.0.1'];

/** The code of the error a request was refused with. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OperatorAckError) return err.error.code;
    throw err;
  }
  return 'accepted';
}

describe('e-stop, reconnection and presence', () => {
  const data = tempDir('safety');
  const agentState = tempDir('safety-agent');
  const clients: OperatorClient[] = [];
  let hub: RunningHub;
  let agent: TestProcess | undefined;
  let creds: RobotCredentials;
  let ports: string[];

  const summary = async (op: OperatorClient) => (await op.listRobots()).find((r) => r.robotId === creds.robotId)!;
  const connect = async (name: string): Promise<OperatorClient> => {
    const op = await OperatorClient.connect(hub.url, name);
    clients.push(op);
    return op;
  };
  const runAgent = async (): Promise<TestProcess> => (agent = await startAgent(hub.url, creds, [...ICE, '--state-dir', agentState.path]));
  const online = (op: OperatorClient, yes = true) => eventually(async () => (await summary(op)).online === yes || undefined, undefined, yes ? 'robot online' : 'robot offline');

  afterAll(async () => {
    for (const c of clients) c.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
    agentState.remove();
  });

  it('holds an e-stop pressed while the robot is offline, delivers it when the robot returns, and keeps it across a hub restart until a confirmed reset', async () => {
    creds = await enrollRobot(data.path, 'safety arm');
    ports = ['--port', String(await freePort()), '--mqtt-port', String(await freePort())];
    hub = await startHub(data.path, [...ports, ...ICE]);
    await runAgent();
    const op = await connect('estop-presser');
    await online(op);
    await agent!.stop();
    await online(op, false);

    // Pressed while the robot is away: the hub says pending, not done.
    const pressed = await op.estop(creds.robotId, 'hand in the workspace');
    expect(pressed).toMatchObject({ state: 'pending', source: op.address, reason: 'hand in the workspace', confirmedAt: null });
    expect((await summary(op)).estopLatch?.state).toBe('pending');

    // The robot comes back (a new agent process): it is sent the e-stop first, confirms it, and the hub says so.
    await runAgent();
    await agent!.waitForLog((l) => l.msg === 'E-STOP engaged' && l.estopId === pressed.estopId);
    await eventually(async () => (await summary(op)).estopLatch?.state === 'confirmed' || undefined, undefined, 'e-stop confirmed');

    // A new lease holder cannot drive it.
    const driver = await connect('estop-driver');
    await driver.subscribe(creds.robotId);
    expect((await driver.requestLease(creds.robotId)).status).toBe('granted');
    driver.send(creds.robotId, [0.4, 0, 0, 0, 0, 0]);
    expect((await driver.waitForError('estopped')).message).toMatch(/e-stopped/);

    // The hub restarts: the latch was stored, and the robot hears it again as it reconnects, and confirms it again.
    await hub.process.stop();
    const engaged = (): number => agent!.logs.filter((l) => l.msg === 'E-STOP engaged' && l.estopId === pressed.estopId).length;
    const before = engaged();
    hub = await startHub(data.path, [...ports, ...ICE]);
    await eventually(() => engaged() > before || undefined, undefined, 'e-stop delivered again after the hub restart');
    const watcher = await connect('estop-watcher');
    await eventually(async () => (await summary(watcher)).estopLatch?.state === 'confirmed' || undefined, undefined, 'e-stop confirmed after the restart');

    // Reset: only with the robot there, by the lease holder; the latch goes once the robot confirms, then it drives.
    const holder = await connect('estop-driver');
    await holder.subscribe(creds.robotId);
    expect((await holder.requestLease(creds.robotId)).status).toBe('granted');
    const reset = await holder.resetEstop(creds.robotId);
    expect(reset?.state).toBe('resetting');
    await agent!.waitForLog((l) => l.msg === 'e-stop reset');
    await eventually(async () => (await summary(holder)).estopLatch === null || undefined, undefined, 'latch cleared');
    const seq = holder.send(creds.robotId, [0.3, 0, 0, 0, 0, 0]);
    await holder.waitApplied(seq);

    // Pressed again and the robot leaves: a reset cannot be asked without the robot there to confirm it.
    await holder.estop(creds.robotId, 'again');
    await eventually(async () => (await summary(holder)).estopLatch?.state === 'confirmed' || undefined, undefined, 'second e-stop confirmed');
    await agent!.stop();
    await online(holder, false);
    expect(await refusal(holder.resetEstop(creds.robotId))).toBe('robot_offline');
    expect((await summary(holder)).estopLatch?.state).toBe('confirmed');
    await runAgent();
    await eventually(async () => (await summary(holder)).estopLatch?.state === 'confirmed' && (await summary(holder)).online || undefined, undefined, 'confirmed again on return');
    expect((await holder.requestLease(creds.robotId)).status).toBe('granted');
    await holder.resetEstop(creds.robotId);
    await eventually(async () => (await summary(holder)).estopLatch === null || undefined, undefined, 'latch cleared');
    await holder.releaseLease(creds.robotId);
  });

  it('never lets a restarted agent resume the command stream it had: it holds until a lease is granted again', async () => {
    const op = await connect('stream-operator');
    await op.subscribe(creds.robotId);
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
    const oldLease = op.leaseId!;
    let target = 0.5;
    // A console that keeps sending with the lease it had, whatever happens.
    const timer = setInterval(() => op.send(creds.robotId, [target, 0, 0, 0, 0, 0], { leaseId: oldLease }), 20);
    try {
      await op.waitForState((s) => s.state.positions[0]! > 0.3 && s.state.leaseId === oldLease);
      // The agent dies and a new one starts.
      agent!.child.kill('SIGKILL');
      await agent!.exited;
      expect((await op.waitForLease((u) => u.status === 'revoked' && u.leaseId === oldLease)).reason).toBe('robot_offline');
      target = -0.5;
      const from = op.states.length;
      await runAgent();
      // Fifty states of the new agent while the old stream goes on: none applies it.
      const fresh = await eventually(() => (op.states.length - from >= 50 ? op.states.slice(from) : undefined), undefined, '50 states from the restarted agent');
      for (const s of fresh) {
        expect(s.state.leaseId).toBe('');
        expect(fromLong(s.state.appliedSequence)).toBe(0n);
      }
      expect(fresh.at(-1)!.state.positions[0]!).toBeGreaterThan(-0.3);
      expect(agent!.logs.some((l) => l.msg === 'lease granted')).toBe(false);
    } finally {
      clearInterval(timer);
    }
    // Taking the lease again, explicitly, drives it.
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
    const seq = op.send(creds.robotId, [-0.2, 0, 0, 0, 0, 0]);
    await op.waitApplied(seq);
  });

  it('marks a robot that leaves without a last will or an offline message offline, and refuses leases and commands to it', async () => {
    const ghost = await enrollRobot(data.path, 'ghost arm');
    const op = await connect('presence-watcher');
    // The robot connects, says it is online and describes itself as an agent would, then leaves cleanly: a clean
    // disconnect sends no last will, and it says nothing more.
    const client = await mqtt.connectAsync(hub.mqttUrl, { clientId: ghost.robotId, username: ghost.robotId, password: ghost.secret, reconnectPeriod: 0 });
    await client.publishAsync(robotTopic(ghost.robotId, 'presence'), 'online', { qos: 1, retain: true });
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === ghost.robotId)?.online || undefined, undefined, 'ghost online');
    await client.endAsync();
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === ghost.robotId)?.online === false || undefined, undefined, 'ghost offline');
    expect(await refusal(op.requestLease(ghost.robotId))).toBe('robot_offline');
    op.send(ghost.robotId, [0, 0, 0, 0, 0, 0], { leaseId: 'any' });
    expect((await op.waitForError('robot_offline')).robotId).toBe(ghost.robotId);
  });
});
