// Robots behind proxies that only pass HTTP(S) can use MQTT over WebSocket on
// the hub's own port (/mqtt), with the same authentication and ACL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

describe('MQTT over WebSocket', () => {
  const data = tempDir('ws');
  let hub: RunningHub;
  let agent: TestProcess | undefined;
  let wsUrl: string;

  beforeAll(async () => {
    hub = await startHub(data.path);
    wsUrl = ((await (await fetch(`${hub.url}/api/v1/broker`)).json()) as { mqttWsUrl: string }).mqttWsUrl;
  });
  afterAll(async () => {
    await agent?.stop();
    await hub.process.stop();
    data.remove();
  });

  it('carries a robot agent end to end', async () => {
    expect(wsUrl).toBe(`${hub.url.replace('http://', 'ws://')}/mqtt`);
    const creds = await enrollRobot(data.path, 'ws arm');
    agent = await startAgent(hub.url, creds, ['--mqtt-url', wsUrl]);
    const op = await OperatorClient.connect(hub.url, 'ws-op');
    try {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'online over ws');
      await op.subscribe(creds.robotId);
      expect((await op.requestLease(creds.robotId)).status).toBe('granted');
      const seq = op.send(creds.robotId, [0.3, 0, 0, 0, 0, 0]);
      await op.waitApplied(seq);
    } finally {
      op.close();
    }
  });

  it('refuses a wrong secret over WebSocket too', async () => {
    const creds = await enrollRobot(data.path, 'ws arm 2');
    await expect(mqtt.connectAsync(wsUrl, { clientId: creds.robotId, username: creds.robotId, password: 'wrong-secret-xxxxxxxx', reconnectPeriod: 0 })).rejects.toThrow(
      /Bad username or password/i,
    );
  });
});
