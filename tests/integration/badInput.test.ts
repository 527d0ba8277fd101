// Bad input on every door of the hub: each is refused with a clear, typed
// error or log line, counted in /metrics, and nothing else is disturbed (a
// well-behaved robot keeps streaming to its operator throughout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import {
  enrollRobot,
  eventually,
  metric,
  runHubCli,
  startAgent,
  startHub,
  tempDir,
  type RobotCredentials,
  type RunningHub,
  type TestProcess,
} from '../harness/processes.ts';

async function connectAsRobot(url: string, creds: { robotId: string; secret: string }): Promise<MqttClient> {
  return mqtt.connectAsync(url, { clientId: creds.robotId, username: creds.robotId, password: creds.secret, protocolVersion: 4, reconnectPeriod: 0 });
}

function closed(client: MqttClient, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!client.connected) return resolve();
    const timer = setTimeout(() => reject(new Error('connection stayed open')), timeoutMs);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('bad input', () => {
  const data = tempDir('bad');
  let hub: RunningHub;
  let good: RobotCredentials;
  let rogue: RobotCredentials;
  let agent: TestProcess;
  let watcher: OperatorClient;

  /** The well-behaved robot still streams to its operator. */
  const goodRobotUndisturbed = async (): Promise<void> => {
    const since = nowNs();
    await watcher.waitForState((s) => s.robotId === good.robotId && s.receivedNs > since);
    const health = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as { status: string; robotsOnline: number };
    expect(health.status).toBe('ok');
  };

  beforeAll(async () => {
    good = await enrollRobot(data.path, 'good arm');
    rogue = await enrollRobot(data.path, 'rogue arm');
    hub = await startHub(data.path, ['--max-payload-bytes', '65536']);
    agent = await startAgent(hub.url, good);
    watcher = await OperatorClient.connect(hub.url, 'watcher');
    await eventually(async () => (await watcher.listRobots()).find((r) => r.robotId === good.robotId && r.online));
    await watcher.subscribe(good.robotId);
  });

  afterAll(async () => {
    watcher?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('drops malformed protobuf on every robot topic, counts it, and keeps the robot connected', async () => {
    const before = await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'malformed' });
    const client = await connectAsRobot(hub.mqttUrl, rogue);
    // A well-formed description that lies about whose it is.
    await client.publishAsync(
      robotTopic(rogue.robotId, 'describe'),
      Buffer.from(v1.RobotDescription.encode({ robotId: good.robotId, joints: [{ name: 'j', minPosition: 0, maxPosition: 1, maxVelocity: 1 }] }).finish()),
      { qos: 1 },
    );
    const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x12, 0x99]);
    for (const channel of ['state', 'describe', 'status', 'events', 'pong'] as const) {
      await client.publishAsync(robotTopic(rogue.robotId, channel), garbage, { qos: 1 });
    }
    await client.publishAsync(robotTopic(rogue.robotId, 'presence'), 'sideways', { qos: 1 });
    await eventually(
      async () => (await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'malformed' })) >= before + 7,
      undefined,
      'malformed drops counted',
    );
    expect(client.connected).toBe(true);
    await hub.process.waitForLog((l) => l.msg.includes(`dropped message from robot ${rogue.robotId}: undecodable state message`));
    await hub.process.waitForLog((l) => l.msg.includes('description names robot'));
    await client.endAsync();
    await goodRobotUndisturbed();
  });

  it('refuses oversized payloads and disconnects the sender', async () => {
    const client = await connectAsRobot(hub.mqttUrl, rogue);
    const gone = closed(client);
    client.publish(robotTopic(rogue.robotId, 'state'), Buffer.alloc(100_000, 1), { qos: 0 });
    await gone;
    expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'oversized' })).toBeGreaterThanOrEqual(1);
    await hub.process.waitForLog((l) => l.msg.includes('over the 65536-byte limit'));
    await goodRobotUndisturbed();
  });

  it("refuses a robot publishing on another robot's topic; the other robot never sees it", async () => {
    const client = await connectAsRobot(hub.mqttUrl, rogue);
    const gone = closed(client);
    const forged = v1.ControlCommand.encode({ sequence: toLong(1n), sendTimeNs: toLong(nowNs()), leaseId: 'x', mode: 1, values: [1, 1, 1, 1, 1, 1] }).finish();
    client.publish(robotTopic(good.robotId, 'control'), Buffer.from(forged), { qos: 0 });
    await gone;
    expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'foreign_topic' })).toBeGreaterThanOrEqual(1);
    await hub.process.waitForLog((l) => l.msg.includes(`robot ${rogue.robotId} may not publish on "robots/${good.robotId}/cmd/control"`));
    expect(agent.hasLog((l) => l.msg === 'dropped a malformed ControlCommand' || String(l.msg).startsWith('rejected command'))).toBe(false);
    await goodRobotUndisturbed();
  });

  it("refuses a subscription to another robot's topics without dropping the connection", async () => {
    const client = await connectAsRobot(hub.mqttUrl, rogue);
    // SUBACK 0x80 for the foreign filter; mqtt.js reports it as a subscribe error.
    await expect(client.subscribeAsync(`robots/${good.robotId}/#`, { qos: 0 })).rejects.toThrow(/Subscribe error/);
    await hub.process.waitForLog((l) => l.msg === `robot ${rogue.robotId} may not subscribe to "robots/${good.robotId}/#" (outside robots/${rogue.robotId}/)`);
    const own = await client.subscribeAsync(robotTopic(rogue.robotId, 'control'), { qos: 0 });
    expect(own[0]?.qos).toBe(0);
    expect(client.connected).toBe(true);
    await client.endAsync();
  });

  it('refuses wrong secrets and unknown robots at connect, and counts them', async () => {
    await expect(connectAsRobot(hub.mqttUrl, { robotId: rogue.robotId, secret: 'x'.repeat(43) })).rejects.toThrow(/Bad username or password/i);
    await expect(connectAsRobot(hub.mqttUrl, { robotId: 'r-nobody', secret: 'x'.repeat(43) })).rejects.toThrow(/Not authorized/i);
    // A client id that does not match the robot id it claims.
    await expect(
      mqtt.connectAsync(hub.mqttUrl, { clientId: 'sneaky', username: rogue.robotId, password: rogue.secret, reconnectPeriod: 0 }),
    ).rejects.toThrow(/Not authorized/i);
    expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'broker', reason: 'auth_failed' })).toBeGreaterThanOrEqual(2);
    expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'broker', reason: 'unknown_robot' })).toBeGreaterThanOrEqual(1);
    await goodRobotUndisturbed();
  });

  it('refuses operator commands without the current lease, with NaN, beyond limits, or undecodable', async () => {
    const op = await OperatorClient.connect(hub.url, 'tester');
    try {
      await op.subscribe(good.robotId);
      op.send(good.robotId, [0, 0, 0, 0, 0, 0]);
      expect((await op.waitForError('not_lease_holder')).robotId).toBe(good.robotId);

      expect((await op.requestLease(good.robotId)).status).toBe('granted');
      op.send(good.robotId, [0, 0, 0, 0, 0, 0], { leaseId: 'l-not-the-current-one' });
      expect((await op.waitForError('stale_lease')).message).toContain('is "l-');

      op.send(good.robotId, [0, Number.NaN, 0, 0, 0, 0]);
      expect((await op.waitForError('non_finite')).message).toContain('joint shoulder_lift value is NaN');

      op.send(good.robotId, [0, 0, 3.4, 0, 0, 0]);
      expect((await op.waitForError('out_of_limits')).message).toBe(
        `robot ${good.robotId} rejected the command: joint elbow_flex 3.4 rad is outside its [-1.69, 1.69] rad range`,
      );

      op.send(good.robotId, [0, 0, 0, 0, 0]);
      expect((await op.waitForError('bad_command')).message).toContain('expected 6 values, got 5');

      op.socket.emit('control', good.robotId, new Uint8Array([0xff, 0xff, 0xff]));
      await eventually(() => op.errors.filter((e) => e.code === 'bad_command').length >= 2, undefined, 'undecodable command refused');

      op.socket.emit('control', 'r-nobody', new Uint8Array([8, 1]));
      await op.waitForError('unknown_robot');
      await expect(op.subscribe('r-nobody')).rejects.toMatchObject({ error: { code: 'unknown_robot' } });
      await expect(op.requestLease('r-nobody')).rejects.toMatchObject({ error: { code: 'unknown_robot' } });

      for (const reason of ['not_lease_holder', 'stale_lease', 'non_finite', 'out_of_limits', 'bad_command', 'unknown_robot']) {
        expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'operator', reason }), reason).toBeGreaterThanOrEqual(1);
      }
      // None of it reached the robot.
      expect(agent.hasLog((l) => String(l.msg).startsWith('rejected command'))).toBe(false);
      await op.releaseLease(good.robotId);
    } finally {
      op.close();
    }
    await goodRobotUndisturbed();
  });

  it('disconnects a robot revoked from the CLI while it runs, and refuses it from then on', async () => {
    const doomed = await enrollRobot(data.path, 'doomed arm');
    const doomedAgent = await startAgent(hub.url, doomed, ['--log-level', 'info']);
    try {
      await eventually(async () => (await watcher.listRobots()).find((r) => r.robotId === doomed.robotId && r.online), undefined, 'doomed online');
      const res = await runHubCli(['robots', 'revoke', doomed.robotId, '--data', data.path]);
      expect(res.code).toBe(0);
      expect(res.stdout).toContain(`revoked ${doomed.robotId}`);
      await hub.process.waitForLog((l) => l.msg === 'robot revoked: removed from the fleet' && l.robotId === doomed.robotId);
      await doomedAgent.waitForLog((l) => String(l.msg).startsWith(`the hub refused robot ${doomed.robotId}`));
      expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'broker', reason: 'revoked_robot' })).toBeGreaterThanOrEqual(1);
      expect((await watcher.listRobots()).some((r) => r.robotId === doomed.robotId)).toBe(false);
      await expect(watcher.subscribe(doomed.robotId)).rejects.toMatchObject({ error: { code: 'unknown_robot' } });
    } finally {
      await doomedAgent.stop();
    }
    await goodRobotUndisturbed();
  });
});
