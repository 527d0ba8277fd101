// The SO-101 driver through a real serial device: its bus process opens one
// end of a socat pseudo-terminal pair with serialport, the emulated STS3215
// bus answers on the other (no arm here, so the servos are emulated;
// everything from the serial port up is the production path). Faults are
// injected on the bus, as the servos' own protection raises them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { feetech } from '@teleop/proto';
import { startEmulatedBusPty, startEmulatedBusPtyProcess, type EmulatedBusPty } from './emulatedBusPty.ts';
import { So101Driver, So101Error } from './So101Driver.ts';

const { STS3215, StatusError } = feetech;

const dir = mkdtempSync(join(tmpdir(), 'teleop-so101-'));
const calibration = Object.fromEntries(feetech.SO101_JOINTS.map((j, i) => [j, { id: i + 1, drive_mode: 0, homing_offset: i === 1 ? 100 : 0, range_min: 1000, range_max: 3100 }]));
const calibrationFile = join(dir, 'so101.json');
writeFileSync(calibrationFile, JSON.stringify(calibration));

/** Hang backstop only: every wait is for a state or an event, however long a busy machine makes it take. */
const PATIENCE_MS = 120_000;

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = PATIENCE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Reads the driver's state every 10 ms, as the agent's control loop does, until stopped. */
function controlLoop(d: So101Driver): () => Promise<void> {
  let running = true;
  const done = (async () => {
    while (running) {
      await d.readState();
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return async () => {
    running = false;
    await done;
  };
}

describe('so101 driver on an emulated bus behind a pseudo-terminal', () => {
  let rig: EmulatedBusPty;
  let driver: So101Driver | null = null;
  let stopLoop: (() => Promise<void>) | null = null;

  afterEach(async () => {
    await stopLoop?.();
    stopLoop = null;
    await driver?.disconnect();
    driver = null;
    await rig?.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = async (o: Partial<feetech.EmulatorOptions> = {}): Promise<So101Driver> => {
    rig = await startEmulatedBusPty({ noiseSteps: 0, ...o });
    driver = new So101Driver({ port: rig.path, calibrationFile });
    await driver.connect();
    stopLoop = controlLoop(driver);
    return driver;
  };

  /** Waits until the bus has stepped `n` more times (whatever time that takes on this machine). */
  const steps = async (d: So101Driver, n: number): Promise<void> => {
    const from = d.stepStats()!.steps;
    await until(`${n} more steps`, () => d.stepStats()!.steps >= from + n);
  };

  it('writes the calibration into the servos, turns torque on in place, reads and drives the joints', async () => {
    const d = await start();
    const lift = rig.emulator.inspect(2);
    expect(lift).toMatchObject({ homing: 100, minLimit: 1000, maxLimit: 3100, torque: true, present: 1947, goal: 1947 });
    // Configured as LeRobot configures the arm, the gripper with its protection limits.
    const settings = [STS3215.operatingMode, STS3215.pCoefficient, STS3215.iCoefficient, STS3215.dCoefficient, STS3215.returnDelay, STS3215.acceleration, STS3215.maxAcceleration, STS3215.lock];
    expect(settings.map((r) => rig.emulator.register(2, r))).toEqual([0, 16, 0, 32, 0, 254, 254, 1]);
    expect([STS3215.maxTorqueLimit, STS3215.protectionCurrent, STS3215.overloadTorque].map((r) => rig.emulator.register(6, r))).toEqual([500, 250, 25]);
    expect(d.describe().joints.map((j) => j.name)).toEqual(['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper']);
    expect(d.describe().joints[0]!.minPosition).toBeCloseTo(((1000 - 2050) * 2 * Math.PI) / 4095, 9);
    const r = await until('a reading', async () => {
      const x = await d.readState();
      return x.positions[0] !== 0 ? x : undefined;
    });
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
    // a missed step, never a fault, and no byte is lost or corrupted on the way.
    const stats = d.busStats()!;
    expect(stats.checksumErrors).toBe(0);
    expect(d.faults()).toEqual([]);
  });

  it('counts corrupted and truncated answers, retries them, and stays healthy', async () => {
    const d = await start();
    rig.emulator.corruptNext(3);
    rig.emulator.truncateNext(1);
    await until('the corrupted answers counted', () => d.busStats()!.checksumErrors >= 3 && d.busStats()!.staleBytesFlushed + d.busStats()!.checksumErrors >= 4);
    const steps = d.stepStats()!.steps;
    await until('more steps', () => d.stepStats()!.steps > steps + 10);
    expect(d.faults()).toEqual([]);
  });

  it('refuses to start when a servo is missing, naming it', async () => {
    rig = await startEmulatedBusPty({ noiseSteps: 0 });
    rig.emulator.setSilent(4, true);
    const d = new So101Driver({ port: rig.path, calibrationFile });
    await expect(d.connect()).rejects.toThrow(/servo not answering on .*: wrist_flex \(id 4\); check the power supply/);
    expect(d.faults()[0]!.code).toBe('not_connected');
  });

  it('faults when a servo stops answering mid-run, holds the others where they are (read back), and writes no goal until a reset', async () => {
    // Slow servos, so the shoulder is on its way when the fault comes (how far it got depends on the machine).
    const d = await start({ speedStepsPerS: 500 });
    const target = feetech.radiansToRaw(calibration.shoulder_pan as feetech.JointCalibration, 0.8);
    // The operator keeps streaming goals through the fault.
    const stream = setInterval(() => void d.sendAction([0.8, 0, 0, 0, 0, 0]), 5);
    try {
      await until('the shoulder on its way', () => rig.emulator.inspect(1).present > 2100);
      rig.emulator.setSilent(3, true);
      const f = await until('servo_timeout fault', () => d.faults().find((x) => x.code === 'servo_timeout'));
      const reportedAt = performance.now();
      expect(f).toMatchObject({ code: 'servo_timeout', joint: 'elbow_flex', message: 'elbow_flex (servo 3) stopped answering: motion stopped' });
      // The hold was on the servos before the fault was reported: the shoulder's last goal is its last reading (at or
      // behind where it was when the hold landed, as it moves up), not the 0.8 rad it was still on its way to.
      const hold = rig.emulator.goalWrites.filter((w) => w.id === 1 && w.atMs <= reportedAt).at(-1)!;
      expect(hold.goal).toBeLessThanOrEqual(hold.present + 2);
      if (hold.present < target - 2) expect(hold.goal).toBeLessThan(target);
      const held = rig.emulator.inspect(1).goal;
      expect(held).toBe(hold.goal);
      // The shoulder settles at the hold (it moved on only until the hold landed).
      await until('the shoulder at its hold', () => Math.abs(rig.emulator.inspect(1).present - held) <= 2);
      await steps(d, 30);
      // After the fault was reported, not one goal write reached the bus, though goals kept coming.
      expect(rig.emulator.goalWrites.filter((w) => w.atMs > reportedAt)).toEqual([]);
      // The servo answers again: the fault stays until a reset, and the reset finds it healthy.
      rig.emulator.setSilent(3, false);
      await steps(d, 30);
      expect(d.faults()).toContainEqual(f);
      expect(rig.emulator.goalWrites.filter((w) => w.atMs > reportedAt)).toEqual([]);
      await d.resetFaults();
      expect(d.faults()).toEqual([]);
      await until('driven again after the reset', () => rig.emulator.inspect(1).goal === target);
    } finally {
      clearInterval(stream);
    }
  });

  it('turns a torque released by the servo\'s own protection into a fault, and turns torque on again only on a reset once healthy', async () => {
    const d = await start();
    rig.emulator.tripProtection(2, StatusError.OVERLOAD);
    const faults = await until('torque_off fault', () => (d.faults().some((x) => x.code === 'torque_off') ? d.faults() : undefined));
    expect(faults).toEqual(
      expect.arrayContaining([
        { code: 'overload', joint: 'shoulder_lift', message: 'shoulder_lift (servo 2) is overloaded: motion stopped' },
        { code: 'torque_off', joint: 'shoulder_lift', message: 'shoulder_lift (servo 2) has no torque (its protection released it, or it lost power): the joint is limp; motion stopped' },
      ]),
    );
    // Still overloaded: the reset is refused, saying why; a refused reset is a rejection, never an unhandled one.
    await expect(d.resetFaults()).rejects.toThrow(/cannot reset: shoulder_lift \(servo 2\) is overloaded/);
    expect(rig.emulator.inspect(2).torque).toBe(false);
    rig.emulator.setStatus(2, 0);
    // Healthy again (several health reads later), but still limp until the reset.
    await steps(d, 20);
    expect(d.faults().length).toBeGreaterThan(0);
    expect(rig.emulator.inspect(2).torque).toBe(false);
    await d.resetFaults();
    expect(d.faults()).toEqual([]);
    expect(rig.emulator.inspect(2)).toMatchObject({ torque: true });
  });

  it('turns a power-cycled servo into a fault; the reset restores its RAM settings, its EEPROM settings persisted', async () => {
    const d = await start();
    rig.emulator.powerCycle(4);
    // The EEPROM settings were written with the Lock open: they survived.
    expect([STS3215.pCoefficient, STS3215.dCoefficient, STS3215.returnDelay, STS3215.homingOffset, STS3215.minPositionLimit].map((r) => rig.emulator.register(4, r))).toEqual([16, 32, 0, 0, 1000]);
    expect(rig.emulator.register(4, STS3215.acceleration)).toBe(0);
    const f = await until('torque_off fault', () => d.faults().find((x) => x.code === 'torque_off'));
    expect(f.joint).toBe('wrist_flex');
    await d.resetFaults();
    expect(rig.emulator.inspect(4).torque).toBe(true);
    expect([STS3215.acceleration, STS3215.maxAcceleration].map((r) => rig.emulator.register(4, r))).toEqual([254, 254]);
    expect(d.faults()).toEqual([]);
  });

  it('takes a late answer for a missed step, never for the next one: a servo that answers too late faults', async () => {
    const d = await start();
    // Later than several steps' timeouts: several requests are in flight when an answer comes.
    rig.emulator.setLatency(3, 400);
    // Its answers come, late: it is heard, but no reading of it is fresh, so it faults.
    const f = await until('servo_late fault', () => d.faults().find((x) => x.code === 'servo_late' && x.joint === 'elbow_flex')).catch((err: Error) => {
      throw new Error(`${err.message}; faults ${JSON.stringify(d.faults())}, bus ${JSON.stringify(d.busStats())}, step ${JSON.stringify(d.stepStats())}`);
    });
    expect(f).toMatchObject({ joint: 'elbow_flex', message: expect.stringMatching(/^elbow_flex \(servo 3\) answers too late for the 100 Hz step \(no answer in time for \d+ steps\): motion stopped$/) });
    expect(d.busStats()!.lateReplies).toBeGreaterThan(50);
  });

  it('sends no empty SYNC_WRITE when every servo is silent', async () => {
    const d = await start();
    await d.sendAction([0.1, 0, 0, 0, 0, 0]);
    for (const id of [1, 2, 3, 4, 5, 6]) rig.emulator.setSilent(id, true);
    await until('servo_timeout faults', () => d.faults().filter((x) => x.code === 'servo_timeout').length === 6);
    // The bus goes on reading the silent servos (the requests reach them), holding and refusing goals.
    const reads = rig.emulator.received.get(feetech.Instruction.SYNC_READ) ?? 0;
    for (let i = 0; i < 20; i++) await d.sendAction([0.2, 0, 0, 0, 0, 0]);
    await until('20 more reads', () => (rig.emulator.received.get(feetech.Instruction.SYNC_READ) ?? 0) > reads + 20);
    expect(rig.emulator.emptySyncWrites).toBe(0);
  });

  it('steps at its own rate whatever the command rate: one goal write per step at most, the latest goal wins', async () => {
    const d = await start();
    // As the servos see it: each step reads their positions once (one SYNC_READ at Present_Position).
    let positionReads = 0;
    let writes = 0;
    rig.emulator.onInstruction((instruction, params) => {
      if (instruction === feetech.Instruction.SYNC_READ && params[0] === STS3215.presentPosition.address) positionReads++;
      if (instruction === feetech.Instruction.SYNC_WRITE && params[0] === STS3215.goalPosition.address) writes++;
    });
    // Commands far faster than the step (bursts of 20 every 10 ms).
    let x = 0;
    const burst = setInterval(() => {
      for (let i = 0; i < 20; i++) void d.sendAction([(x += 0.0005) % 0.5, 0, 0, 0, 0, 0]);
    }, 10);
    try {
      await until('50 steps at the servos', () => positionReads > 50);
    } finally {
      clearInterval(burst);
    }
    rig.emulator.onInstruction(null);
    expect(writes).toBeGreaterThan(0);
    // A goal write per step at most (the burst may end between a step's read and its write): a write per command
    // would be twenty times as many.
    expect(writes).toBeLessThanOrEqual(positionReads + 1);
    // The latest goal won: the shoulder's goal is the last one sent (clamped to the servo's range, in raw steps).
    const last = feetech.radiansToRaw(calibration.shoulder_pan as feetech.JointCalibration, x % 0.5);
    await until('the latest goal on the servo', () => Math.abs(rig.emulator.inspect(1).goal - last) <= 1);
    // The step interval percentiles are reported (refreshed every 50 steps: the snapshot in hand may predate that).
    await until('step interval percentiles', () => d.stepStats()!.intervalP50Ms > 0 && d.stepStats()!.intervalP99Ms >= d.stepStats()!.intervalP50Ms);
  });

  it('keeps stepping the bus while this process is stalled, without a false fault', async () => {
    // The servos in a process of their own: stalling this one stalls the agent's side only.
    const servos = await startEmulatedBusPtyProcess({ noiseSteps: 0 });
    const d = new So101Driver({ port: servos.path, calibrationFile });
    const clock = (): number => performance.timeOrigin + performance.now();
    let stop: (() => Promise<void>) | null = null;
    try {
      await d.connect();
      stop = controlLoop(d);
      const readsSince = async (fromMs: number, n: number): Promise<void> => {
        await until(`${n} reads of the servos`, async () => (await servos.readsBetween(fromMs, clock())) >= n);
      };
      await readsSince(clock(), 5);
      for (let stall = 0; stall < 5; stall++) {
        // 300 ms of this event loop blocked, as camera encoding or a CPU hog can do to the agent.
        const from = clock();
        const end = performance.now() + 300;
        while (performance.now() < end);
        const to = clock();
        // The servos were read during the stall: the bus is stepped where this process's stalls cannot reach (a bus
        // stepped from this event loop is not read once while it is blocked; how often depends on the machine).
        expect(await servos.readsBetween(from, to), `SYNC_READs during stall ${stall + 1}`).toBeGreaterThanOrEqual(1);
        // And the bus goes on without a fault.
        await readsSince(to, 10);
        expect(d.faults(), `after stall ${stall + 1}: ${JSON.stringify(d.faults())} bus ${JSON.stringify(d.busStats())} step ${JSON.stringify(d.stepStats())}`).toEqual([]);
      }
    } finally {
      await stop?.();
      await d.disconnect();
      await servos.close();
    }
  });

  it('refuses an arm whose settings changed while it was unplugged, naming the servo and the register', async () => {
    const d = await start();
    await rig.unplug();
    await until('port_closed fault', () => d.faults().some((x) => x.code === 'port_closed'));
    rig.emulator.poke(4, STS3215.homingOffset, 7);
    await rig.replug();
    const f = await until('config_mismatch fault', () => d.faults().find((x) => x.code === 'config_mismatch'));
    expect(f.message).toMatch(/refusing to drive the arm on .*: wrist_flex \(servo 4\) Homing_Offset reads 7, the calibration file and settings say 0/);
    expect(rig.emulator.inspect(4).torque).toBe(true);
  });

  it('reports over temperature with the temperature it reads now, and overload, from the servos', async () => {
    const d = await start();
    rig.emulator.setStatus(6, StatusError.OVERLOAD);
    const over = await until('overload', () => d.faults().find((x) => x.code === 'overload'));
    expect(over).toEqual({ code: 'overload', joint: 'gripper', message: 'gripper (servo 6) is overloaded: motion stopped' });
    rig.emulator.setStatus(6, 0);
    // The first report of the heat already carries the reading.
    rig.emulator.setStatus(2, StatusError.OVERHEAT, 71);
    const hot = await until('temperature read', () => d.faults().find((x) => x.code === 'over_temperature'));
    expect(hot.message).toBe('shoulder_lift (servo 2) is too hot (reads 71 °C, limit 65 °C): motion stopped');
    rig.emulator.setStatus(2, StatusError.OVERHEAT, 74);
    await until('the current reading', () => d.faults().find((x) => x.code === 'over_temperature')?.message.includes('reads 74 °C'));
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
    await until('port back', () => d.faults().length === 0);
    expect(rig.emulator.inspect(1).torque).toBe(true);
    await until('driven after the replug', async () => {
      await d.sendAction([0.2, 0, 0, 0, 0, 0]);
      return Math.abs((await d.readState()).positions[0]! - 0.2) < 0.01;
    });
    // Closing the driver ends its bus process within its bound, whatever the port did.
    await d.disconnect();
    driver = null;
  });

  it('explains a missing port, a missing calibration and an inconsistent one', async () => {
    const nowhere = new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile });
    await expect(nowhere.connect()).rejects.toThrow(/cannot open \/dev\/ttyNOPE0/);
    await expect(nowhere.resetFaults()).rejects.toThrow(/cannot reset: the arm on \/dev\/ttyNOPE0 is not connected/);
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: join(dir, 'absent.json') })).toThrow(So101Error);
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: join(dir, 'absent.json') })).toThrow(/no calibration at .*absent\.json \(ENOENT\): run `robot-agent calibrate/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...calibration, elbow_flex: { ...calibration.elbow_flex, range_max: 900 } }));
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: bad })).toThrow(/inconsistent: elbow_flex: range_min 1000 is not below range_max 900/);
    writeFileSync(bad, '{"shoulder_pan": ');
    expect(() => new So101Driver({ port: '/dev/ttyNOPE0', calibrationFile: bad })).toThrow(/is not JSON/);
  });
});
