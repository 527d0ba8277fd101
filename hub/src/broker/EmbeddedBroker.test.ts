// The embedded broker delivers every message the hub sends a robot. aedes
// drops a packet for a client when a packet created after it reached that
// client first (its duplicate check keeps one counter per broker id), and its
// QoS 1 path (persistence) is slower than its QoS 0 path: a session event
// followed at once by a control command used to vanish. Real aedes, real MQTT
// client over TCP.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robotTopic } from '@teleop/proto';
import { Hub } from '../Hub.ts';
import { testHubConfig } from '../testing.ts';

describe('embedded broker delivery', () => {
  const { config, cleanup } = testHubConfig([]);
  let hub: Hub;
  let robot: { id: string; secret: string };

  beforeAll(async () => {
    hub = await Hub.start(config);
    const e = await hub.registry.enroll({ name: 'a', model: 'so101_sim' });
    robot = { id: e.robot.id, secret: e.secret };
  });
  afterAll(async () => {
    await hub.close();
    cleanup();
  });

  it('delivers QoS 1 messages interleaved with QoS 0 ones, none lost, in order', async () => {
    const client = await mqtt.connectAsync(hub.broker.robotUrl, { clientId: robot.id, username: robot.id, password: robot.secret, protocolVersion: 4, reconnectPeriod: 0 });
    try {
      await client.subscribeAsync([robotTopic(robot.id, 'session'), robotTopic(robot.id, 'control')], { qos: 1 });
      const got = { session: [] as string[], control: 0 };
      client.on('message', (topic, payload) => {
        if (topic.endsWith('/session')) got.session.push(payload.toString());
        else got.control++;
      });
      const N = 200;
      for (let i = 0; i < N; i++) {
        hub.broker.publish(robotTopic(robot.id, 'session'), `s${i}`, { qos: 1 });
        hub.broker.publish(robotTopic(robot.id, 'control'), `c${i}`, { qos: 0 });
        if (i % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      const deadline = Date.now() + 5000;
      while ((got.session.length < N || got.control < N) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(got.session).toEqual(Array.from({ length: N }, (_, i) => `s${i}`)); // all, in order
      expect(got.control).toBe(N);
    } finally {
      await client.endAsync();
    }
  });
});
