// Leader-arm teleoperation in the console, in headless Chromium: the operator
// connects a leader SO-101 through Web Serial, calibrates it in the browser
// (middle pose, then a sweep), turns on "drive with the leader arm", and the
// (simulated) follower follows the leader's joints through the hub.
//
// Stand-in, said plainly: Web Serial's device chooser cannot be driven in
// headless Chromium and there is no serial device here, so `navigator.serial`
// is replaced by a port wired to the emulated STS3215 bus (proto's
// EmulatedServoBus, bundled with esbuild and run inside the page, so a
// transaction costs what a USB round trip would rather than two DevTools
// round trips). The console's Feetech codec, bus, calibration and Web Serial
// transport code are the production ones.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feetech } from '@teleop/proto';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess, PATIENCE_MS } from '../harness/processes.ts';
import { screenshotPath } from '../harness/screenshots.ts';

const EMULATOR = fileURLToPath(new URL('../../proto/src/feetech/emulator.ts', import.meta.url));

/** The leader's emulated bus and a Web Serial port onto it, in the page. */
async function fakeSerialScript(): Promise<string> {
  const bundle = await build({ entryPoints: [EMULATOR], bundle: true, format: 'iife', globalName: 'FeetechEmulator', write: false, platform: 'browser', target: 'chrome120' });
  return `${bundle.outputFiles[0]!.text}
(() => {
  const leader = new FeetechEmulator.EmulatedServoBus({ servos: [1, 2, 3, 4, 5, 6].map((id) => ({ id, position: 2047 })), noiseSteps: 1 });
  window.__leader = leader;
  let push = null;
  const readable = new ReadableStream({ start(c) { push = c; } });
  leader.onOutput((bytes) => push.enqueue(new Uint8Array(bytes)));
  const writable = new WritableStream({ write(chunk) { leader.input(new Uint8Array(chunk)); } });
  const port = {
    readable, writable,
    open: async (o) => { window.__serialBaud = o.baudRate; },
    close: async () => {},
    getInfo: () => ({ usbVendorId: 0x1a86, usbProductId: 0x55d3 }),
  };
  Object.defineProperty(navigator, 'serial', { configurable: true, value: { requestPort: async () => port, getPorts: async () => [port] } });
})();`;
}

type Inspect = { homing: number; torque: boolean };

describe('leader arm in the console (Web Serial)', () => {
  const data = tempDir('leader');
  let hub: RunningHub;
  let agent: TestProcess;
  let browser: TestBrowser;
  let robotId: string;
  // The leader in the page, moved and inspected from here.
  const leader = {
    moveTo: (id: number, raw: number): Promise<void> => browser.page.evaluate(([i, r]) => (window as unknown as { __leader: { moveTo(i: number, r: number): void } }).__leader.moveTo(i!, r!), [id, raw]),
    inspect: (id: number): Promise<Inspect> => browser.page.evaluate((i) => (window as unknown as { __leader: { inspect(i: number): Inspect } }).__leader.inspect(i), id),
  };

  beforeAll(async () => {
    const creds = await enrollRobot(data.path, 'follower', 'so101_sim');
    robotId = creds.robotId;
    hub = await startHub(data.path, ['--ice-host-addresses', '127.0.0.1']);
    agent = await startAgent(hub.url, creds);
    browser = await openBrowser(`${hub.url}/#/console/${robotId}`, undefined, [await fakeSerialScript()]);
    await signInWithBurner(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('connects, calibrates in the browser, and drives the follower from the leader', async () => {
    const page = browser.page;
    await page.getByRole('button', { name: 'Take control' }).click();
    await page.getByTestId('lease-status').getByText('You drive this robot.').waitFor({ timeout: PATIENCE_MS });
    await page.getByRole('tab', { name: 'Leader arm' }).click();
    await page.getByRole('button', { name: 'Connect leader arm' }).click();
    await page.getByTestId('leader-rate').waitFor({ timeout: PATIENCE_MS });
    expect(await page.evaluate(() => (window as unknown as { __serialBaud: number }).__serialBaud)).toBe(1_000_000);
    // Torque off on the leader: it is moved by hand.
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(async (id) => (await leader.inspect(id)).torque))).toEqual([false, false, false, false, false, false]);
    await page.getByText('Calibrate the leader once before driving with it.').waitFor();

    // Calibration: middle pose, then a sweep of every joint.
    const middle = [2000, 2100, 2047, 1950, 2047, 2300];
    for (const [i, raw] of middle.entries()) await leader.moveTo(i + 1, raw);
    await page.getByRole('button', { name: 'Calibrate' }).click();
    await page.getByRole('button', { name: 'Set middle pose' }).click();
    await page.getByRole('button', { name: 'Finish calibration' }).waitFor();
    // ±1 step: the emulated encoders are noisy like real ones.
    expect(Math.abs((await leader.inspect(1)).homing - (2000 - 2047))).toBeLessThanOrEqual(1);
    for (const [i, [lo, hi]] of [[1000, 3000], [1100, 3100], [1047, 3047], [950, 2950], [0, 4095], [1800, 2800]].entries()) {
      await leader.moveTo(i + 1, lo!);
      await new Promise((r) => setTimeout(r, 150));
      await leader.moveTo(i + 1, hi!);
      await new Promise((r) => setTimeout(r, 150));
      await leader.moveTo(i + 1, middle[i]!);
    }
    await new Promise((r) => setTimeout(r, 150));
    await page.getByRole('button', { name: 'Finish calibration' }).click();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('teleop.leaderCalibration') ?? 'null') as Record<string, { homing_offset: number; range_min: number; range_max: number }>);
    const homing = saved.shoulder_pan!.homing_offset;
    expect(homing).toBe((await leader.inspect(1)).homing);
    expect(Math.abs(saved.shoulder_pan!.range_min - (1000 - homing))).toBeLessThanOrEqual(1);
    expect(Math.abs(saved.shoulder_pan!.range_max - (3000 - homing))).toBeLessThanOrEqual(1);

    // Drive: the leader's shoulder to +0.5 rad and elbow to -0.4 rad; the follower follows.
    await page.getByLabel('Drive with the leader arm').check();
    const c = feetech.checkCalibration(saved);
    const toRaw = (joint: string, rad: number): number => feetech.radiansToRaw(c[joint]!, rad) + c[joint]!.homing_offset;
    await leader.moveTo(1, toRaw('shoulder_pan', 0.5));
    await leader.moveTo(3, toRaw('elbow_flex', -0.4));
    const observer = await OperatorClient.connect(hub.url, 'leader-observer');
    try {
      await observer.subscribe(robotId);
      const s = await observer.waitForState((x) => Math.abs(x.state.positions[0]! - 0.5) < 0.02 && Math.abs(x.state.positions[2]! + 0.4) < 0.02);
      expect(s.state.positions[0]).toBeCloseTo(0.5, 1);
    } finally {
      observer.close();
    }
    // The panel shows the read rate it achieves (one SYNC_READ of six servos per reading); how fast depends on
    // the machine (about 74 Hz through this test's stand-in port on an idle 2-core machine, RESULTS.md).
    const rate = await eventually(async () => {
      const m = /Reading (\d+) Hz/.exec((await page.getByTestId('leader-rate').textContent()) ?? '');
      return m && Number(m[1]) > 0 ? Number(m[1]) : undefined;
    }, undefined, 'leader read rate');
    expect(rate).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('console-leader-arm.png') });
  });
});
