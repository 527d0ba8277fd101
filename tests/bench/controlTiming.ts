// How punctual the agent's 100 Hz control loop is while its cameras stream:
// the robot reports, in its status, how late its scheduled steps started
// (p50/p99/max over the last 1,000) and how long a step took. An operator
// streams commands at 50 Hz throughout; nothing is recorded. Run it beside
// CPU hogs to see a busy machine:
//   node --import tsx tests/harness/besideCpuHog.ts -- npm run bench:control-timing --workspace tests -- --cameras 3
// Prints JSON.
import { parseArgs } from 'node:util';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { wiggle } from '../harness/episodes.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { sampleLoad } from './stats.ts';

const { values } = parseArgs({ options: { cameras: { type: 'string', default: '3' }, seconds: { type: 'string', default: '30' } } });
const CAMERAS = Number(values.cameras);
const SECONDS = Number(values.seconds);
const load = sampleLoad();
const data = tempDir('bench-control-timing');
const creds = await enrollRobot(data.path, 'timing arm');
const hub = await startHub(data.path, ['--log-level', 'warn', '--ice-host-addresses', '127.0.0.1']);
const cameras = ['front', 'wrist', 'side', 'top'].slice(0, CAMERAS).flatMap((name) => ['--camera', `name=${name},source=test,size=640x480,fps=30,codec=vp8,bitrate=1500`]);
const agent = await startAgent(hub.url, creds, ['--log-level', 'warn', '--ice-host-addresses', '127.0.0.1', ...cameras], false);
const op = await OperatorClient.connect(hub.url, 'bench');
let stop = (): void => undefined;
try {
  await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
  await op.subscribe(creds.robotId);
  await op.requestLease(creds.robotId);
  await op.waitLeaseApplied(creds.robotId);
  stop = wiggle(op, creds.robotId);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const robot = (await (await fetch(`${hub.url}/api/v1/robots/${creds.robotId}`)).json()) as { status: { control: Record<string, number | string> } };
  console.log(JSON.stringify({ benchmark: 'control_timing', controlRateHz: 100, cameras: `${CAMERAS} x 640x480 @ 30 fps (test source), live VP8`, seconds: SECONDS, control: robot.status.control, machine: load.stop() }, null, 2));
} finally {
  stop();
  op.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}
process.exit(0);
