// The SO-101 driver through a real serial device: serialport opens one end
// of a socat pseudo-terminal pair, the emulated STS3215 bus answers on the
// other (no arm here, so the servos are emulated; everything from the
// serial port up is the production path). Faults are injected on the bus.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feetech } from '@teleop/proto';
import { startEmulatedBusPty, type EmulatedBusPty } from './emulatedBusPty.ts';
import { So101Driver, So101Error } from './So101Driver.ts';

const dir = mkdtempSync(join(tmpdir(), 'teleop-so101-'));
const calibration = Object.fromEntries(feetech.SO101_JOINTS.map((j, i) => [j, { id: i + 1, drive_mode: 0, homing_offset: i === 1 ? 100 : 0, range_min: 1000, range_max: 3100 }]));
const calibrationFile = join(dir, 'so101.json');
writeFileSync(calibrationFile, JSON.stringify(calibration));

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('so101 driver on an emulated bus behind a pseudo-terminal', () => {
  let rig: EmulatedBusPty;
  let driver: So101Driver | null = null;

  beforeAll(() => undefined);
  afterEach(async () => {
    await driver?.disconnect();
    driver = null;
    await rig?.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = async (o: Partial<feetech.EmulatorOptions> = {}): Promise<So101Driver> => {
    rig = await startEmulatedBusPty({ noiseSteps: 0, ...o });
    driver = new So101Driver({ port: rig.path, calibrationFile });
    await driver.connect();
    return driver;
  };

  it('writes the calibration into the servos, turns torque on in place, reads and drives the joints', async () => {
    const d = await start();
    const lift = rig.emulator.inspect(2);
    expect(lift).toMatchObject({ homing: 100, minLimit: 1000, maxLimit: 3100, torque: true, present: 1947, goal: 1947 });
    // Configured as LeRobot configures the arm.
    const { STS3215 } = feetech;
    expect([STS3215.operatingMode, STS3215.pCoefficient, STS3215.iCoefficient, STS3215.dCoefficient, STS3215.returnDelay, STS3215.acceleration].map((r) => rig.emulator.register(2, r))).toEqual([0, 16, 0, 32, 0, 254]);
    expect(d.describe().joints.map((j) => j.name)).toEqual(['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper']);
    expect(d.describe().joints[0]!.minPosition).toBeCloseTo(((1000 - 2050) * 2 * Math.PI) / 4095, 9);
    const r = await d.readState();
    expect(r.positions[0]).toBeCloseTo(((2047 - 2050) * 2 * Math.PI) / 4095, 9);
    expect(d.faults()).toEqual([]);

    const goals = [0.5, -0.3, 0.2, 0, 0, 0.4];
    await d.sendAction(goals);
    const reached = await until('joints at their goals', async () => {
      const s = await d.readState();
      return s.positions.every((p, i) => Math.abs(p - goals[i]!) < 0.005) ? s : undefined;
    });
    expect(reached.positions[0]).toBeCloseTo(0.5, 2);
    // A goal beyond the calibrated range is clamped to it by the driver too.
    await d.sendAction([10, 0, 0, 0, 0, 0]);
    await until('clamped goal', () => rig.emulator.inspect(1).goal === 3100);
    // The emulated servos run in this process, so on a busy machine one may really answer late: a late answer is
    // retried, never a fault, and no byte is lost or corrupted on the way.
    const stats = d.busStats()!;
    expect(stats.retries).toBeGreaterThanOrEqual(stats.timeouts);
    expect(stats.checksumErrors).toBe(0);
    expect(d.faults()).toEqual([]);
  });

  it('counts corrupted and truncated answers, retries them, and stays healthy', async () => {
    const d = await start();
    rig.emulator.corruptNext(3);
    rig.emulator.truncateNext(1);
    for (let i = 0; i < 10; i++) await d.readState();
    expect(d.busStats()!.checksumErrors).toBeGreaterThanOrEqual(3);
    expect(d.busStats()!.retries).toBeGreaterThanOrEqual(1);
    expect(d.faults()).toEqual([]);
  });

  it('refuses to start when a servo is missing, naming it', async () => {
    rig = await startEmulatedBusPty({ noiseSteps: 0 });
    rig.emulator.setSilent(4, true);
    const d = new So101Driver({ port: rig.path, calibrationFile });
    await expect(d.connect()).rejects.toThrow(/servo not answering on .*: wrist_flex \(id 4\); check the power supply/);
    expect(d.faults()[0]!.code).toBe('not_connected');
  });

  it('faults when a servo stops answering mid-run, and holds the others where they are', async () => {
    // Slow servos, so the shoulder is still on its way when the fault comes.
    const d = await start({ speedStepsPerS: 500 });
    await d.sendAction([0.8, 0, 0, 0, 0, 0]);
    await new Promise((r) => setTimeout(r, 30));
    rig.emulator.setSilent(3, true);
    const f = await until('servo_timeout fault', async () => {
      await d.readState();
      return d.faults().find((x) => x.code === 'servo_timeout');
    });
    expect(f).toMatchObject({ code: 'servo_timeout', joint: 'elbow_flex' });
    // The shoulder was on its way to 0.8 rad: its goal is now where it was read when the fault came (it moves
    // on at most for one read, ~30 ms at 500 steps/s, before the hold lands).
    const target = feetech.radiansToRaw(calibration.shoulder_pan as feetech.JointCalibration, 0.8);
    const pan = await until('the hold to reach the servo', () => {
      const x = rig.emulator.inspect(1);
      return x.goal < target ? x : undefined;
    }, 1000);
    expect(Math.abs(pan.goal - pan.present)).toBeLessThan(40);
    rig.emulator.setSilent(3, false);
    await until('fault cleared when it answers again', async () => {
      await d.readState();
      return d.faults().length === 0;
    });
  });

  it('reports over temperature and overload from the servos', async () => {
    const d = await start();
    rig.emulator.setStatus(6, feetech.StatusError.OVERLOAD);
    await d.readState();
    expect(d.faults()).toEqual([{ code: 'overload', joint: 'gripper', message: 'gripper (servo 6) is overloaded: motion stopped' }]);
    rig.emulator.setStatus(6, 0);
    rig.emulator.setStatus(2, 0, 69);
    const hot = await until('temperature read', async () => {
      await d.readState();
      return d.faults().find((x) => x.code === 'over_temperature');
    });
    expect(hot.message).toBe('shoulder_lift (servo 2) is too hot (69 °C): motion stopped');
  });

  it('faults with a clear message when the port is unplugged, never throws, and takes the arm back when it returns', async () => {
    const d = await start();
    await rig.unplug();
    await until('port_closed fault', async () => {
      await d.readState();
      return d.faults().some((x) => x.code === 'port_closed');
    });
    expect(d.faults().find((x) => x.code === 'port_closed')!.message).toMatch(/(unplugged|closed|error).*motion stopped until the arm is back/);
    await expect(d.readState()).resolves.toBeDefined();
    await expect(d.sendAction([0, 0, 0, 0, 0, 0])).resolves.toBeUndefined();
    // Plugged in again: the fault clears, torque never dropped, and the arm is driven again.
    await rig.replug();
    await until('port back', () => d.faults().length === 0, 5000);
    expect(rig.emulator.inspect(1).torque).toBe(true);
    await d.sendAction([0.2, 0, 0, 0, 0, 0]);
    await until('driven after the replug', async () => Math.abs((await d.readState()).positions[0]! - 0.2) < 0.01);
  });

  it('explains a missing port, a missing calibration and an inconsistent one', async () => {
    const nowhere = new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile });
    await expect(nowhere.connect()).rejects.toThrow(/cannot open \/dev\/ttyNOPE0/);
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: join(dir, 'absent.json') })).toThrow(So101Error);
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: join(dir, 'absent.json') })).toThrow(/no calibration at .*absent\.json \(ENOENT\): run `robot-agent calibrate/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...calibration, elbow_flex: { ...calibration.elbow_flex, range_max: 900 } }));
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: bad })).toThrow(/inconsistent: elbow_flex: range_min 1000 is not below range_max 900/);
    writeFileSync(bad, '{"shoulder_pan": ');
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: bad })).toThrow(/is not JSON/);
  });
});
