// A load generator standing in for many robots (forked by fanIn.ts): each
// robot is a real MQTT connection that authenticates, announces itself and,
// while told to, publishes JointState at a fixed rate, staggered over the
// period like independent robots would be.
import mqtt, { type MqttClient } from 'mqtt';
import { nowNs, robotTopic, toLong, v1 } from '@teleop/proto';

interface Robot {
  robotId: string;
  client: MqttClient;
  sequence: bigint;
  timer: NodeJS.Timeout | null;
}

type Command = { cmd: 'connect'; url: string; robots: { robotId: string; secret: string }[]; rateHz: number } | { cmd: 'start' } | { cmd: 'stop' } | { cmd: 'count' };

const robots: Robot[] = [];
let rateHz = 50;
let published = 0;
const joints = ['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper'].map((name) => ({
  name,
  unit: 'rad',
  minPosition: -1.5,
  maxPosition: 1.5,
  maxVelocity: 3,
}));

function publishState(r: Robot): void {
  const t = Number(r.sequence) / rateHz;
  const payload = v1.JointState.encode({
    captureTimeNs: toLong(nowNs()),
    positions: joints.map((_, i) => 0.5 * Math.sin(t + i)),
    velocities: joints.map((_, i) => 0.5 * Math.cos(t + i)),
    efforts: joints.map(() => 0.1),
    stateSequence: toLong(++r.sequence),
  }).finish();
  r.client.publish(robotTopic(r.robotId, 'state'), Buffer.from(payload), { qos: 0 });
  published++;
}

process.on('message', async (m: Command) => {
  switch (m.cmd) {
    case 'connect': {
      rateHz = m.rateHz;
      await Promise.all(
        m.robots.map(async ({ robotId, secret }) => {
          const client = await mqtt.connectAsync(m.url, {
            clientId: robotId,
            username: robotId,
            password: secret,
            protocolVersion: 4,
            reconnectPeriod: 0,
            connectTimeout: 120_000,
            will: { topic: robotTopic(robotId, 'presence'), payload: Buffer.from('offline'), qos: 1, retain: true },
          });
          const describe = v1.RobotDescription.encode({ robotId, model: 'swarm', joints, controlModes: [1], stateRateHz: rateHz }).finish();
          await client.publishAsync(robotTopic(robotId, 'describe'), Buffer.from(describe), { qos: 1, retain: true });
          await client.publishAsync(robotTopic(robotId, 'presence'), 'online', { qos: 1, retain: true });
          robots.push({ robotId, client, sequence: 0n, timer: null });
        }),
      );
      process.send!({ connected: robots.length });
      break;
    }
    case 'start': {
      const periodMs = 1000 / rateHz;
      robots.forEach((r, i) => {
        r.timer = setTimeout(() => {
          r.timer = setInterval(() => publishState(r), periodMs);
        }, (i * periodMs) / robots.length);
      });
      process.send!({ started: robots.length });
      break;
    }
    case 'stop': {
      for (const r of robots) {
        if (r.timer) clearTimeout(r.timer); // clears either the stagger timeout or the interval
        r.timer = null;
      }
      // Let the last writes leave before reporting.
      await new Promise((res) => setTimeout(res, 200));
      process.send!({ published });
      break;
    }
    case 'count':
      process.send!({ published });
      break;
  }
});
