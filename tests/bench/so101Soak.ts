// The SO-101 soak: the real agent (--driver so101) on the emulated STS3215
// bus behind a socat pty, through a real hub, with its cameras encoding live
// VP8 and one CPU-hog process beside it, while an operator streams commands
// at 50 Hz. Nothing is injected, so every fault is a false one: it counts
// them (fault events, and FAULT seen in the robot's status), and reports the
// bus process's step interval p50/p99/max over the whole run (from the
// agent's driver diagnostics) and the bus counters. Prints JSON.
//   npx tsx tests/bench/so101Soak.ts [--seconds 1800] [--cameras 2] [--hogs 1]
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { feetech, v1 } from '@teleop/proto';
import { startEmulatedBusPtyProcess } from '../../robot-agent/src/drivers/feetech/emulatedBusPty.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { wiggle } from '../harness/episodes.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { sampleLoad } from './stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '1800' }, cameras: { type: 'string', default: '2' }, hogs: { type: 'string', default: '1' } } });
const SECONDS = Number(values.seconds);
const CAMERAS = Number(values.cameras);
const HOGS = Number(values.hogs);
const load = sampleLoad();
const data = tempDir('bench-so101-soak');
const calibrationFile = join(data.path, 'so101.json');
writeFileSync(calibrationFile, JSON.stringify(Object.fromEntries(feetech.SO101_JOINTS.map((j, i) => [j, { id: i + 1, drive_mode: 0, homing_offset: 0, range_min: 500, range_max: 3600 }]))));
// The servos in a process of their own, as real ones are not in the agent's machine at all.
const rig = await startEmulatedBusPtyProcess({ noiseSteps: 1 });
const creds = await enrollRobot(data.path, 'so101 soak', 'so101_follower');
const hub = await startHub(data.path, ['--log-level', 'warn', '--ice-host-addresses', '127.0.0.1']);
const cameras = ['front', 'wrist', 'side', 'top'].slice(0, CAMERAS).flatMap((name) => ['--camera', `name=${name},source=test,size=640x480,fps=30,codec=vp8,bitrate=1500`]);
const agent = await startAgent(hub.url, creds, ['--log-level', 'info', '--ice-host-addresses', '127.0.0.1', '--driver', 'so101', '--port', rig.path, '--calibration', calibrationFile, ...cameras]);
// The hog: a busy loop that ends when this process does.
const HOG = `const p = process.ppid; let i = 0; for (;;) { if (++i % 5e6 === 0 && process.ppid !== p) process.exit(0); }`;
const hogs: ChildProcess[] = [];
const op = await OperatorClient.connect(hub.url, 'soak');
let stop = (): void => undefined;
const faultEvents: string[] = [];
let faultStatusSeen = 0;
let startedAt = Date.now();
try {
  await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
  op.socket.on('robot:event', (_robotId: string, payload: unknown) => {
    const e = v1.RobotEvent.decode(new Uint8Array(payload as ArrayBuffer));
    if (e.kind === v1.RobotEvent.Kind.KIND_FAULT) faultEvents.push(e.message);
  });
  await op.subscribe(creds.robotId);
  await op.requestLease(creds.robotId);
  await op.waitLeaseApplied(creds.robotId);
  for (let i = 0; i < HOGS; i++) hogs.push(spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' }));
  stop = wiggle(op, creds.robotId);
  startedAt = Date.now();
  const poll = setInterval(() => {
    const status = op.statuses.get(creds.robotId);
    if (status?.mode === v1.RobotMode.ROBOT_MODE_FAULT) faultStatusSeen++;
    for (const f of status?.faults ?? []) faultEvents.push(`${f.code}: ${f.message}`);
  }, 1000);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  clearInterval(poll);
  const diagnostics = agent.logs.filter((l) => l.msg === 'driver diagnostics').at(-1) as { driver?: { busProcessNiceness: number | null; bus: feetech.BusStats; step: Record<string, number> } } | undefined;
  const robot = (await (await fetch(`${hub.url}/api/v1/robots/${creds.robotId}`)).json()) as { status: { control: Record<string, number | string> } };
  console.log(
    JSON.stringify(
      {
        benchmark: 'so101_soak',
        seconds: SECONDS,
        load: `agent (--driver so101, emulated bus behind a socat pty) with ${CAMERAS} x 640x480 @ 30 fps test cameras encoding live VP8, ${HOGS} CPU-hog process(es), operator streaming at 50 Hz`,
        falseFaults: { faultsSeen: new Set(faultEvents).size, secondsInFault: faultStatusSeen, messages: [...new Set(faultEvents)].slice(0, 10) },
        firstFaultLogs: agent.logs.filter((l) => typeof l.msg === 'string' && /fault|stopped answering|no torque|too hot/.test(l.msg)).slice(0, 8).map((l) => ({ atS: Number((((l.time as number) - startedAt) / 1000).toFixed(2)), msg: l.msg })),
        busProcessNiceness: diagnostics?.driver?.busProcessNiceness ?? null,
        busStep: diagnostics?.driver?.step ?? null,
        bus: diagnostics?.driver?.bus ?? null,
        controlLoop: robot.status.control,
        machine: load.stop(),
      },
      null,
      2,
    ),
  );
} finally {
  stop();
  for (const h of hogs) h.kill('SIGKILL');
  op.close();
  await agent.stop();
  await hub.process.stop();
  await rig.close();
  data.remove();
}
process.exit(0);
