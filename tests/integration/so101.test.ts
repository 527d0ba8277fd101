// The SO-101 path end to end without an arm: the emulated STS3215 bus sits
// behind a real pseudo-terminal (socat), and everything else is production:
// `robot-agent calibrate` on the terminal, then `robot-agent --driver so101
// --port <pty>` through the hub, an operator driving the servos, a servo cut
// off mid-episode (the robot faults, holds, the episode ends as failed, no
// goal reaches the bus until the operator's reset) and a servo whose own
// protection releases its torque (a fault until a reset finds it healthy).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feetech, v1 } from '@teleop/proto';
import { startEmulatedBusPtyProcess, type EmulatedBusPtyProcess } from '../../robot-agent/src/drivers/feetech/emulatedBusPty.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { episode, startEpisode } from '../harness/episodes.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { AGENT_BIN, enrollRobot, eventually, startAgent, startHub, tempDir, TestProcess, type RunningHub } from '../harness/processes.ts';

function agentTool(args: string[]): TestProcess {
  return new TestProcess('robot-agent tool', spawn(process.execPath, [AGENT_BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }));
}

describe('SO-101 over the Feetech bus (emulated servos behind a pseudo-terminal)', () => {
  const data = tempDir('so101');
  const calibrationFile = join(data.path, 'so101-calibration.json');
  // The servos in a process of their own (at a higher priority when allowed): real servos answer whatever this
  // test process is busy with, and a busy machine must not make them look silent.
  let rig: EmulatedBusPtyProcess;
  const clock = (): number => performance.timeOrigin + performance.now();
  let hub: RunningHub;

  beforeAll(async () => {
    rig = await startEmulatedBusPtyProcess({ noiseSteps: 1 });
  });
  afterAll(async () => {
    await hub?.process.stop();
    await rig?.close();
    data.remove();
  });

  it('calibrates interactively: middle pose, then a sweep, written as LeRobot does', async () => {
    const middle = [2100, 1900, 2047, 2200, 2500, 1800];
    for (const [i, raw] of middle.entries()) await rig.call('moveTo', i + 1, raw);
    const tool = agentTool(['calibrate', '--driver', 'so101', '--port', rig.path, '--calibration', calibrationFile]);
    const prompted = (text: string): Promise<unknown> => eventually(() => tool.stdout.join('').includes(text), undefined, `prompt "${text}"`);
    await prompted('Move the arm to the middle of its range');
    tool.child.stdin!.write('\n');
    await prompted('Move every joint but wrist_roll through its whole range');
    // Sweep each joint to both ends of its travel (raw steps), holding each end until the tool shows it has read the
    // joint there (its sweep lines: min/position/max per joint, homed: the middle pose reads 2047), however long a
    // busy machine makes that take.
    const seen = (joint: string, homed: number, since: number): Promise<unknown> =>
      eventually(() => {
        const lines = tool.stdout.join('').slice(since).split('\n').filter((l) => l.startsWith('sweep '));
        return lines.some((l) => {
          const m = new RegExp(`\\b${joint}=(-?\\d+)/(-?\\d+)/(-?\\d+)`).exec(l);
          return m !== null && Math.abs(Number(m[2]) - homed) <= 2;
        });
      }, undefined, `the sweep showing ${joint} at ${homed}`);
    const homedAt = (i: number, raw: number): number => (((raw - (middle[i]! - 2047)) % 4096) + 4096) % 4096;
    const ends = [[900, 3200], [800, 3000], [1000, 3100], [1200, 3300], [0, 4095], [1700, 2900]];
    for (const [i, [lo, hi]] of ends.entries()) {
      const joint = feetech.SO101_JOINTS[i]!;
      const printed = (): number => tool.stdout.join('').length;
      let since = printed();
      await rig.call('moveTo', i + 1, lo!);
      await seen(joint, homedAt(i, lo!), since);
      since = printed();
      await rig.call('moveTo', i + 1, hi!);
      await seen(joint, homedAt(i, hi!), since);
      await rig.call('moveTo', i + 1, middle[i]!);
    }
    tool.child.stdin!.end('\n');
    expect(await tool.exited, `calibrate: ${tool.logs.map((l) => l.msg).join('\n')}`).toBe(0);
    const c = feetech.checkCalibration(JSON.parse(readFileSync(calibrationFile, 'utf8')));
    // The homing offset puts the middle pose at 2047; the range is the sweep in homed steps (±1 step of noise).
    expect(c.shoulder_pan!.homing_offset).toBeGreaterThanOrEqual(52);
    expect(c.shoulder_pan!.homing_offset).toBeLessThanOrEqual(54);
    expect(Math.abs(c.shoulder_pan!.range_min - (900 - c.shoulder_pan!.homing_offset))).toBeLessThanOrEqual(1);
    expect(Math.abs(c.elbow_flex!.range_max - (3100 - c.elbow_flex!.homing_offset))).toBeLessThanOrEqual(1);
    expect(c.wrist_roll).toMatchObject({ range_min: 0, range_max: 4095 });
    expect(feetech.SO101_JOINTS.map((j) => c[j]!.id)).toEqual([1, 2, 3, 4, 5, 6]);
    // Written into the servos too.
    expect(await rig.call('inspect', 1)).toMatchObject({ homing: c.shoulder_pan!.homing_offset, minLimit: c.shoulder_pan!.range_min, maxLimit: c.shoulder_pan!.range_max });
  });

  it('refuses to run without a usable calibration or port, with a clear message', async () => {
    const missing = agentTool(['--hub', 'http://127.0.0.1:9', '--robot-id', 'r-x', '--secret', 'x'.repeat(20), '--driver', 'so101', '--port', rig.path, '--calibration', join(data.path, 'none.json')]);
    expect(await missing.exited).toBe(2);
    expect(missing.logs.map((l) => l.msg).join('\n')).toMatch(/no calibration at .*none\.json \(ENOENT\): run `robot-agent calibrate --driver so101/);
    const noPort = agentTool(['--hub', 'http://127.0.0.1:9', '--robot-id', 'r-x', '--secret', 'x'.repeat(20), '--driver', 'so101']);
    expect(await noPort.exited).toBe(2);
    expect(noPort.logs.map((l) => l.msg).join('\n')).toMatch(/--port \(TELEOP_PORT\) is required with --driver so101/);
    const bad = join(data.path, 'bad.json');
    writeFileSync(bad, JSON.stringify({ shoulder_pan: { id: 1 } }));
    const inconsistent = agentTool(['--hub', 'http://127.0.0.1:9', '--robot-id', 'r-x', '--secret', 'x'.repeat(20), '--driver', 'so101', '--port', rig.path, '--calibration', bad]);
    expect(await inconsistent.exited).toBe(2);
    expect(inconsistent.logs.map((l) => l.msg).join('\n')).toMatch(/calibration .*bad\.json is inconsistent: shoulder_pan\.drive_mode must be an integer/);
    const noDevice = agentTool(['calibrate', '--port', '/dev/ttyNOPE9']);
    expect(await noDevice.exited).toBe(2);
    expect(noDevice.logs.map((l) => l.msg).join('\n')).toMatch(/cannot open \/dev\/ttyNOPE9/);
    const cams = agentTool(['cameras']);
    expect(await cams.exited).toBe(0);
    expect(cams.stdout.join('')).toMatch(/no V4L2 cameras found|\/dev\/video\d/);
  });

  it('drives the emulated arm through the hub; a lost servo or a released torque faults the robot, fails the episode, and holds until the operator resets it', async () => {
    const creds = await enrollRobot(data.path, 'so101 on a pty', 'so101_follower');
    hub = await startHub(data.path, ['--ice-host-addresses', '127.0.0.1', '--reviews-per-episode', '1']);
    const agent = await startAgent(hub.url, creds, ['--driver', 'so101', '--port', rig.path, '--calibration', calibrationFile]);
    const op = await OperatorClient.connect(hub.url, 'so101-operator');
    try {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'so101 online');
      const sub = await op.subscribe(creds.robotId);
      expect(sub.describe.model).toBe('so101_follower');
      expect(sub.describe.joints.map((j) => j.name)).toEqual(['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper']);
      expect((await op.requestLease(creds.robotId)).status).toBe('granted');
      const c = feetech.checkCalibration(JSON.parse(readFileSync(calibrationFile, 'utf8')));
      // Drive the shoulder to 0.3 rad: the servo's goal and position follow, and the hub's state reports it.
      const stop = op.stream(creds.robotId, [0.3, 0, 0, 0, 0, 0], 50);
      await eventually(async () => {
        const status = op.statuses.get(creds.robotId);
        // A fault latches until a reset: say which, rather than wait for a servo that will not move.
        if (status?.mode === v1.RobotMode.ROBOT_MODE_FAULT) throw new Error(`the robot is in FAULT: ${status.faults.map((f) => f.message).join('; ')}`);
        return Math.abs((await rig.call('inspect', 1)).present - feetech.radiansToRaw(c.shoulder_pan!, 0.3)) <= 3;
      }, undefined, 'servo 1 at 0.3 rad');
      // The hub's state reports it: within the 3 raw steps (0.0046 rad) the servo settled at (a state caught on the
      // way there, 0.0092 rad short, passed a looser wait and failed this).
      const state = await op.waitForState((s) => Math.abs((s.state.positions[0] ?? 0) - 0.3) < 0.005);
      expect(state.state.positions[0]).toBeCloseTo(0.3, 2);

      const events: v1.RobotEvent[] = [];
      op.socket.on('robot:event', (_robotId: string, payload: unknown) => events.push(v1.RobotEvent.decode(new Uint8Array(payload as ArrayBuffer))));
      const mode = async (): Promise<string | undefined> => (await op.listRobots()).find((r) => r.robotId === creds.robotId)?.mode;

      // Mid-episode, the elbow's servo goes silent.
      const token = (await signIn(hub.url, keyFor('so101-operator'))).token;
      const id = await startEpisode(op, creds.robotId, 'pick the cube');
      await new Promise((r) => setTimeout(r, 800));
      await rig.call('setSilent', 3, true);
      await eventually(async () => (await mode()) === 'ROBOT_MODE_FAULT', undefined, 'robot in fault');
      const reportedAt = clock();
      await agent.waitForLog((l) => l.msg === 'elbow_flex (servo 3) stopped answering: motion stopped');
      // The hold was read back before the fault was reported: the shoulder's goal is where it is.
      const held = await rig.call('inspect', 1);
      expect(Math.abs(held.goal - held.present)).toBeLessThanOrEqual(3);
      // Commands keep coming and are refused: the operator is told why, and not one goal write reaches the bus.
      stop();
      const stop2 = op.stream(creds.robotId, [-0.3, 0, 0, 0, 0, 0], 50);
      const refused = await eventually(() => events.find((e) => e.kind === v1.RobotEvent.Kind.KIND_COMMAND_REJECTED && e.reason === 'fault'), undefined, 'a command refused for the fault');
      expect(refused.message).toMatch(/active fault \(.*elbow_flex \(servo 3\) stopped answering: motion stopped.*\); motion is stopped until the fault is reset/);
      await new Promise((r) => setTimeout(r, 400));
      stop2();
      expect(await rig.goalWritesAfter(reportedAt)).toEqual([]);
      const failed = await eventually(async () => {
        const e = await episode(hub.url, token, id);
        return ['failed', 'rejected'].includes(e.state) ? e : undefined;
      }, undefined, 'episode failed');
      expect(failed.state).toBe('failed');
      expect(failed.reason).toMatch(/robot fault during the episode: elbow_flex \(servo 3\) stopped answering/);
      // The servo answers again: the robot stays in fault until the operator's reset.
      await rig.call('setSilent', 3, false);
      await new Promise((r) => setTimeout(r, 500));
      expect(await mode()).toBe('ROBOT_MODE_FAULT');
      expect(await rig.goalWritesAfter(reportedAt)).toEqual([]);
      await eventually(async () => {
        await op.resetEstop(creds.robotId);
        await new Promise((r) => setTimeout(r, 500));
        if ((await mode()) !== 'ROBOT_MODE_FAULT') return true;
        throw new Error(events.filter((e) => e.message.startsWith('fault reset refused')).at(-1)?.message ?? 'no refusal seen');
      }, undefined, 'fault cleared by the reset');

      // The shoulder_lift's own protection releases its torque: a fault (the joint is limp), within the health cycle.
      await rig.call('tripProtection', 2, feetech.StatusError.OVERLOAD);
      await eventually(async () => (await mode()) === 'ROBOT_MODE_FAULT', undefined, 'robot in fault for the lost torque');
      await eventually(() => events.find((e) => e.kind === v1.RobotEvent.Kind.KIND_FAULT && e.message.startsWith('torque_off: shoulder_lift (servo 2) has no torque')), undefined, 'the torque_off fault event');
      // A reset while it is still overloaded is refused, and the operator is told why.
      await op.resetEstop(creds.robotId);
      const refusal = await eventually(() => events.find((e) => e.kind === v1.RobotEvent.Kind.KIND_FAULT && e.message.startsWith('fault reset refused')), undefined, 'the refused reset');
      expect(refusal.message).toMatch(/fault reset refused: cannot reset: shoulder_lift \(servo 2\) is overloaded/);
      expect((await rig.call('inspect', 2)).torque).toBe(false);
      await rig.call('setStatus', 2, 0);
      // Healthy again: the operator presses reset (again, as an operator would, if a busy machine made it refuse).
      await eventually(async () => {
        await op.resetEstop(creds.robotId);
        await new Promise((r) => setTimeout(r, 500));
        if ((await mode()) !== 'ROBOT_MODE_FAULT') return true;
        throw new Error(events.filter((e) => e.message.startsWith('fault reset refused')).at(-1)?.message ?? 'no refusal seen');
      }, undefined, 'fault cleared by a reset once healthy');
      expect((await rig.call('inspect', 2)).torque).toBe(true);
      // Driven again.
      const stop3 = op.stream(creds.robotId, [0.1, 0, 0, 0, 0, 0], 50);
      await eventually(async () => Math.abs((await rig.call('inspect', 1)).present - feetech.radiansToRaw(c.shoulder_pan!, 0.1)) <= 3, undefined, 'servo 1 at 0.1 rad after the resets');
      stop3();
    } finally {
      op.close();
      await agent.stop();
    }
  });
});
