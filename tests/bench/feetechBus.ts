// The SO-101 bus on the emulated STS3215 bus behind a real pseudo-terminal
// (socat; no arm here): round trip of a SYNC_READ of six servos (position,
// velocity, load: 6 bytes each) from this process, then the driver's bus
// process stepping on its own (100 Hz) while goals come at `--rate` per
// second: its step interval p50/p99 (the rate must not follow the commands).
// Prints JSON.
// Usage: npm run bench:feetech --workspace tests -- [--seconds 10] [--rate 100]
//   (--rate: commands per second sent to the driver)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { feetech } from '@teleop/proto';
import { startEmulatedBusPty } from '../../robot-agent/src/drivers/feetech/emulatedBusPty.ts';
import { SerialTransport } from '../../robot-agent/src/drivers/feetech/SerialTransport.ts';
import { So101Driver } from '../../robot-agent/src/drivers/feetech/So101Driver.ts';
import { percentile, sampleLoad } from './stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rate: { type: 'string', default: '100' } } });
const load = sampleLoad();
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const dir = mkdtempSync(join(tmpdir(), 'teleop-bench-feetech-'));
const calibrationFile = join(dir, 'so101.json');
writeFileSync(calibrationFile, JSON.stringify(Object.fromEntries(feetech.SO101_JOINTS.map((j, i) => [j, { id: i + 1, drive_mode: 0, homing_offset: 0, range_min: 500, range_max: 3600 }]))));
const rig = await startEmulatedBusPty({ noiseSteps: 1 }, -15);
const ids = [1, 2, 3, 4, 5, 6];

// 1. Sync-read round trips, back to back, from this process.
const serial = await SerialTransport.open(rig.path);
const bus = new feetech.FeetechBus(serial, { timeoutMs: 50 });
const rtts: number[] = [];
const until1 = performance.now() + (seconds * 1000) / 2;
while (performance.now() < until1) {
  const t = performance.now();
  const r = await bus.syncRead(ids, feetech.STS3215.presentPosition.address, 6);
  if (r.missing.length === 0) rtts.push(performance.now() - t);
}
await serial.close();

// 2. The driver's bus process steps on its own; goals come at the command rate.
const driver = new So101Driver({ port: rig.path, calibrationFile });
await driver.connect();
const before = driver.stepStats()!;
let t = 0;
const commands = setInterval(() => {
  t += 0.01;
  void driver.sendAction(ids.map((_, i) => 0.3 * Math.sin(t + i)));
}, 1000 / rate);
await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
clearInterval(commands);
const after = driver.stepStats()!;
const stats = driver.busStats();
const faults = driver.faults();
await driver.disconnect();
rtts.sort((a, b) => a - b);
await rig.close();
console.log(
  JSON.stringify(
    {
      benchmark: 'feetech_bus',
      transport: 'serialport <-> socat pty <-> emulated STS3215 bus (answers after 100 us return delay + 10 us/byte)',
      syncRead6: { samples: rtts.length, p50Ms: percentile(rtts, 50), p95Ms: percentile(rtts, 95), p99Ms: percentile(rtts, 99), maxMs: rtts.at(-1)! },
      busProcess: {
        commandRateHz: rate,
        steps: after.steps - before.steps,
        stepsPerS: Number(((after.steps - before.steps) / (seconds / 2)).toFixed(1)),
        stepIntervalMs: { p50: after.intervalP50Ms, p99: after.intervalP99Ms, max: after.intervalMaxMs },
        overruns: after.overruns,
        goalWrites: after.goalWrites - before.goalWrites,
      },
      bus: stats,
      faults,
      machine: load.stop(),
    },
    null,
    2,
  ),
);
