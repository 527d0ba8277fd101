// The SO-101 driver's bus on the emulated STS3215 bus behind a real
// pseudo-terminal (socat; no arm here): round trip of a SYNC_READ of six
// servos (position, velocity, load: 6 bytes each), and the control rate the
// driver sustains when each step is that read plus a SYNC_WRITE of six goals,
// paced at a target rate (default 100 Hz) and flat out. Prints JSON.
// Usage: npm run bench:feetech --workspace tests -- [--seconds 10] [--rate 100]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { feetech } from '@teleop/proto';
import { startEmulatedBusPty } from '../../robot-agent/src/drivers/feetech/emulatedBusPty.ts';
import { So101Driver } from '../../robot-agent/src/drivers/feetech/So101Driver.ts';
import { percentile, sampleLoad } from './stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rate: { type: 'string', default: '100' } } });
const load = sampleLoad();
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const dir = mkdtempSync(join(tmpdir(), 'teleop-bench-feetech-'));
const calibrationFile = join(dir, 'so101.json');
writeFileSync(calibrationFile, JSON.stringify(Object.fromEntries(feetech.SO101_JOINTS.map((j, i) => [j, { id: i + 1, drive_mode: 0, homing_offset: 0, range_min: 500, range_max: 3600 }]))));
const rig = await startEmulatedBusPty({ noiseSteps: 1 });
const driver = new So101Driver({ port: rig.path, calibrationFile });
await driver.connect();
const bus = driver.bus!;
const ids = [1, 2, 3, 4, 5, 6];

// 1. Sync-read round trips, back to back.
const rtts: number[] = [];
const until1 = performance.now() + (seconds * 1000) / 2;
while (performance.now() < until1) {
  const t = performance.now();
  const r = await bus.syncRead(ids, feetech.STS3215.presentPosition.address, 6);
  if (r.missing.length === 0) rtts.push(performance.now() - t);
}

// 2. Control steps (read + write), paced at the target rate, then flat out.
async function steps(targetHz: number | null, ms: number): Promise<{ steps: number; hz: number; stepMs: { p50: number; p99: number; max: number }; late: number }> {
  const durations: number[] = [];
  let late = 0;
  const period = targetHz ? 1000 / targetHz : 0;
  const start = performance.now();
  let next = start;
  let t = 0;
  while (performance.now() - start < ms) {
    const s = performance.now();
    const reading = await driver.readState();
    t += 0.01;
    await driver.sendAction(reading.positions.map((_, i) => 0.3 * Math.sin(t + i)));
    durations.push(performance.now() - s);
    if (period) {
      next += period;
      const wait = next - performance.now();
      if (wait < 0) late++;
      else await new Promise((r) => setTimeout(r, wait));
    }
  }
  const elapsed = performance.now() - start;
  durations.sort((a, b) => a - b);
  return { steps: durations.length, hz: durations.length / (elapsed / 1000), stepMs: { p50: percentile(durations, 50), p99: percentile(durations, 99), max: durations.at(-1)! }, late };
}
const paced = await steps(rate, (seconds * 1000) / 4);
const flatOut = await steps(null, (seconds * 1000) / 4);
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
      paced: { targetHz: rate, ...paced },
      flatOut,
      bus: stats,
      faults,
      machine: load.stop(),
    },
    null,
    2,
  ),
);
