// The hub with an external broker: a real Mosquitto (Debian package) started
// by the test, configured as the README documents. The robot agent learns the
// broker from the hub; Mosquitto enforces the robot ACL; the hub still drops
// traffic from broker users it has not enrolled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { fromLong, nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startMosquitto, type RunningMosquitto } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, metric, PATIENCE_MS, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';

describe('external broker (Mosquitto)', () => {
  const data = tempDir('ext');
  let broker: RunningMosquitto;
  let hub: RunningHub;
  let creds: RobotCredentials;
  let agent: TestProcess;
  let op: OperatorClient;

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'arm on mosquitto');
    broker = await startMosquitto(data.path, { hub: 'hub-dev-password', [creds.robotId]: creds.secret });
    hub = await startHub(data.path, ['--mqtt-url', broker.url, '--mqtt-username', 'hub'], { TELEOP_MQTT_PASSWORD: 'hub-dev-password' });
    agent = await startAgent(hub.url, creds);
    op = await OperatorClient.connect(hub.url, 'ext-op');
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    await broker?.stop();
    data.remove();
  });

  it('tells the robot to use the external broker', async () => {
    const res = (await (await fetch(`${hub.url}/api/v1/broker`)).json()) as { kind: string; mqttUrl: string };
    expect(res).toMatchObject({ kind: 'external', mqttUrl: broker.url });
    const line = await agent.waitForLog((l) => l.msg === 'connected to the hub broker');
    expect(line.url).toBe(broker.url);
  });

  it('drives the robot through Mosquitto', async () => {
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online via mosquitto');
    await op.subscribe(creds.robotId);
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
    const target = [-0.6, 0.3, 0.4, 0, 0.2, 0.5];
    const stop = op.stream(creds.robotId, target, 50);
    try {
      await op.waitForState((s) => s.state.positions.every((p, i) => Math.abs(p - target[i]!) < 0.005));
    } finally {
      stop();
    }
  });

  it('Mosquitto keeps a robot out of other robots\' topics', async () => {
    const other = await enrollRobot(data.path, 'other arm');
    await broker.addUser(other.robotId, other.secret);
    const client = await mqtt.connectAsync(broker.url, { clientId: other.robotId, username: other.robotId, password: other.secret, reconnectPeriod: 0 });
    const forged = v1.ControlCommand.encode({ sequence: toLong(99n), sendTimeNs: toLong(nowNs()), leaseId: op.leaseId ?? '', mode: 1, values: [1.5, 1.5, 1.5, 0, 0, 0] }).finish();
    await client.publishAsync(robotTopic(creds.robotId, 'control'), Buffer.from(forged), { qos: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.hasLog((l) => String(l.msg).startsWith('rejected command'))).toBe(false);
    // Had Mosquitto delivered it, the agent would have applied it (valid lease, fresh, newer sequence).
    const last = op.states.at(-1)!.state;
    expect(fromLong(last.appliedSequence)).not.toBe(99n);
    expect(last.appliedPositions[0]).not.toBe(1.5);
    await client.endAsync();
  });

  it('drops traffic from broker users the hub never enrolled', async () => {
    await broker.addUser('r-stranger', 'stranger-password-123456');
    const client = await mqtt.connectAsync(broker.url, { clientId: 'r-stranger', username: 'r-stranger', password: 'stranger-password-123456', reconnectPeriod: 0 });
    await client.publishAsync(robotTopic('r-stranger', 'presence'), 'online', { qos: 1 });
    await client.publishAsync(robotTopic('r-stranger', 'state'), Buffer.from(v1.JointState.encode({ positions: [1] }).finish()), { qos: 1 });
    await eventually(async () => (await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'unknown_robot' })) >= 2, undefined, 'stranger dropped');
    expect((await op.listRobots()).some((r) => r.robotId === 'r-stranger')).toBe(false);
    await client.endAsync();
  });

  it('revoking a robot ends its live Mosquitto connection (the hub takes its client id over)', async () => {
    const res = await fetch(`${hub.url}/api/v1/robots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${op.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'revoked on mosquitto', model: 'so101_sim' }),
    });
    const robot = (await res.json()) as RobotCredentials;
    await broker.addUser(robot.robotId, robot.secret);
    const client = await mqtt.connectAsync(broker.url, { clientId: robot.robotId, username: robot.robotId, password: robot.secret, reconnectPeriod: 0 });
    const closed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Mosquitto kept the revoked robot connected')), PATIENCE_MS);
      client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    expect((await fetch(`${hub.url}/api/v1/robots/${robot.robotId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${op.token}` } })).status).toBe(200);
    await closed;
    client.end(true);
  });
});
