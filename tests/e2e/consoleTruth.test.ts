// The console tells the operator the truth (issue 18), in headless Chromium at
// 1280x800 against a real hub: alerts in plain words, the idle-lease
// countdown, the steps after an episode stops, and the layout.
//
// Two robots: a real simulated agent (watchdog holds, e-stop, leases,
// recordings and uploads all happen for real), and a scripted robot speaking
// MQTT with its own credentials, for what the simulated arm cannot be made to
// do on demand: a servo fault on one joint, a command refused as stale, a
// camera far below its rate, a recording losing a third of its frames.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Locator, Page } from 'playwright-core';
import { robotTopic, toLong, v1 } from '@teleop/proto';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { enrollRobot, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess, PATIENCE_MS } from '../harness/processes.ts';
import { screenshotPath } from '../harness/screenshots.ts';

const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];
const VIEWPORT = { width: 1280, height: 800 };
/** The hub of this test rejects recordings losing more than this share of their frames (its --checks-config). */
const MAX_DROP_RATIO_HARD = 0.3;

/** Fails unless the element is shown wholly inside the 1280x800 viewport. */
async function expectInViewport(el: Locator, what: string): Promise<{ x: number; y: number; width: number; height: number }> {
  // React may replace the element between finding it and measuring it (a status arriving): measure the one shown then.
  let box: { x: number; y: number; width: number; height: number } | null = null;
  for (let tries = 0; box === null && tries < 5; tries++) {
    await el.waitFor({ state: 'visible', timeout: PATIENCE_MS });
    try {
      await el.scrollIntoViewIfNeeded({ timeout: PATIENCE_MS });
      box = await el.boundingBox({ timeout: PATIENCE_MS });
    } catch (err) {
      if (tries === 4 || !/not attached/.test((err as Error).message)) throw err;
    }
  }
  expect(box, `${what} has a box`).not.toBeNull();
  expect(box!.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} right edge`).toBeLessThanOrEqual(VIEWPORT.width + 0.5);
  expect(box!.y + box!.height, `${what} bottom edge`).toBeLessThanOrEqual(VIEWPORT.height + 0.5);
  return box!;
}

/** A robot that is an MQTT client with its own credentials and says what the test makes it say. */
class ScriptedRobot {
  private constructor(
    readonly client: MqttClient,
    readonly robotId: string,
  ) {}

  static async connect(mqttUrl: string, creds: RobotCredentials): Promise<ScriptedRobot> {
    const client = await mqtt.connectAsync(mqttUrl, { clientId: creds.robotId, username: creds.robotId, password: creds.secret, reconnectPeriod: 0 });
    const robot = new ScriptedRobot(client, creds.robotId);
    const joints = ['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper'].map((name) => ({ name, unit: 'rad', minPosition: -1.5, maxPosition: 1.5, maxVelocity: 2 }));
    const description = v1.RobotDescription.encode({
      robotId: creds.robotId,
      model: 'scripted',
      joints,
      cameras: [{ name: 'front', width: 320, height: 240, fps: 30, codec: 'vp8', source: 'test' }],
      controlModes: [v1.ControlMode.CONTROL_MODE_JOINT_POSITION],
      holdTimeoutMs: 150,
    }).finish();
    await client.publishAsync(robotTopic(creds.robotId, 'describe'), Buffer.from(description), { qos: 1, retain: true });
    await client.publishAsync(robotTopic(creds.robotId, 'presence'), 'online', { qos: 1, retain: true });
    return robot;
  }

  async status(s: Partial<v1.IRobotStatus>): Promise<void> {
    const bytes = v1.RobotStatus.encode({ timeNs: toLong(BigInt(Date.now()) * 1_000_000n), mode: v1.RobotMode.ROBOT_MODE_IDLE, ...s }).finish();
    await this.client.publishAsync(robotTopic(this.robotId, 'status'), Buffer.from(bytes), { qos: 1, retain: true });
  }

  async event(e: Partial<v1.IRobotEvent>): Promise<void> {
    const bytes = v1.RobotEvent.encode({ timeNs: toLong(BigInt(Date.now()) * 1_000_000n), ...e }).finish();
    await this.client.publishAsync(robotTopic(this.robotId, 'events'), Buffer.from(bytes), { qos: 1 });
  }
}

describe('the console tells the operator the truth', () => {
  const data = tempDir('console-truth');
  let hub: RunningHub;
  let real: RobotCredentials;
  let agent: TestProcess;
  let scripted: ScriptedRobot;
  let a: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    real = await enrollRobot(data.path, 'truth arm');
    const scriptedCreds = await enrollRobot(data.path, 'scripted arm', 'scripted');
    const checks = join(data.path, 'checks.json');
    writeFileSync(checks, JSON.stringify({ maxDropRatioHard: MAX_DROP_RATIO_HARD }));
    hub = await startHub(data.path, [...LOOPBACK, '--checks-config', checks, '--lease-idle-ms', '6000']);
    agent = await startAgent(hub.url, real, [...LOOPBACK, '--camera', 'name=front,source=sim,size=320x240,fps=15,codec=vp8', '--upload-bandwidth', '40000']);
    scripted = await ScriptedRobot.connect(hub.mqttUrl, scriptedCreds);
    a = await openBrowser(hub.url, VIEWPORT);
    page = a.page;
    await signInWithBurner(page);
  });

  afterAll(async () => {
    await a?.close();
    await scripted?.client.endAsync();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('names the faulted joint, the refused commands and why, a slow camera, and a recording that will be rejected', async () => {
    await page.goto(`${hub.url}/#/console/${scripted.robotId}`);
    await page.getByTestId('lease-status').waitFor();
    await scripted.status({ mode: v1.RobotMode.ROBOT_MODE_FAULT, faults: [{ code: 'overheat', message: 'servo temperature 71 °C is over its 65 °C limit', joint: 'elbow_flex' }] });
    const fault = page.getByTestId('alert-fault');
    await fault.getByText(/joint elbow_flex: servo temperature 71 °C/).waitFor({ timeout: PATIENCE_MS });
    await expectInViewport(fault, 'fault alert');

    await scripted.event({ kind: v1.RobotEvent.Kind.KIND_COMMAND_REJECTED, reason: 'stale', message: 'command 812 is 412 ms old (limit 250 ms)' });
    const refused = page.getByTestId('alert-rejected');
    await refused.getByText(/refused 1 command .* as stale: too old .* command 812 is 412 ms old/).waitFor({ timeout: PATIENCE_MS });
    await expectInViewport(refused, 'refused-commands alert');

    // The camera is described at 30 frames/s and captures 3 a second.
    await scripted.status({ mode: v1.RobotMode.ROBOT_MODE_IDLE });
    const t0 = BigInt(Date.now()) * 1_000_000n;
    for (let i = 0; i < 3; i++) {
      await scripted.status({ timeNs: toLong(t0 + BigInt(i) * 1_000_000_000n), cameras: [{ name: 'front', framesCaptured: toLong(BigInt(100 + 3 * i)) }] });
      await page.waitForTimeout(100);
    }
    const slow = page.getByTestId('alert-slow');
    await slow.getByText(/Camera front delivers 3\.0 frames\/s, far below its 30 frames\/s/).waitFor({ timeout: PATIENCE_MS });
    await expectInViewport(slow, 'slow-camera alert');

    // A recording under way losing 25% of its frames: counted live, under this hub's 30% limit; then 40%: rejected.
    await scripted.status({ recordingEpisodeId: 'e-00000000-0000-4000-8000-000000000001', cameras: [{ name: 'front', framesCaptured: toLong(400n), recordingFrames: toLong(300n), recordingDroppedFrames: toLong(100n) }] });
    await page.getByRole('tab', { name: 'Recording' }).click();
    const loss = page.getByTestId('recording-loss');
    await loss.getByText('100 frames lost of 400 (25.0%)').waitFor({ timeout: PATIENCE_MS });
    expect(await loss.textContent()).not.toContain('will be rejected');
    await scripted.status({ recordingEpisodeId: 'e-00000000-0000-4000-8000-000000000001', cameras: [{ name: 'front', framesCaptured: toLong(500n), recordingFrames: toLong(300n), recordingDroppedFrames: toLong(200n) }] });
    await loss.getByText(/200 frames lost of 500 \(40\.0%\): this recording will be rejected: the hub rejects episodes losing more than 30%/).waitFor({ timeout: PATIENCE_MS });
    const recAlert = page.getByTestId('alert-recording');
    await recAlert.getByText(/this recording will be rejected/).waitFor();
    await expectInViewport(recAlert, 'recording alert');
    await page.screenshot({ path: screenshotPath('console-alerts.png') });
    await scripted.status({ mode: v1.RobotMode.ROBOT_MODE_IDLE });
  });

  it('fits 1280x800: joint readouts inside the side panel, recording, gamepad and leader arm one click away, disabled controls look disabled', async () => {
    await page.goto(`${hub.url}/#/console/${real.robotId}`);
    await page.locator('[data-testid=scene] canvas').waitFor({ timeout: PATIENCE_MS });
    await page.getByRole('button', { name: 'Take control' }).waitFor();
    const side = page.locator('aside.side');
    const sideBox = (await side.boundingBox())!;
    for (const j of ['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper']) {
      const readout = page.getByTestId(`measured-${j}`);
      await readout.getByText(/^-?\d+\.\d{3}$/).waitFor({ timeout: PATIENCE_MS });
      const box = await expectInViewport(readout, `${j} readout`);
      expect(box.x, `${j} readout inside the side panel`).toBeGreaterThanOrEqual(sideBox.x);
      expect(box.x + box.width, `${j} readout inside the side panel`).toBeLessThanOrEqual(sideBox.x + sideBox.width);
      const slider = await expectInViewport(page.getByTestId(`jog-${j}`), `${j} slider`);
      expect(slider.x + slider.width, `${j} slider ends before its readout`).toBeLessThanOrEqual(box.x + 1);
    }
    // Without the lease the sliders are disabled, and look it.
    expect(Number(await page.getByTestId('jog-elbow_flex').evaluate((el) => getComputedStyle(el).opacity))).toBeLessThanOrEqual(0.5);
    await page.screenshot({ path: screenshotPath('console-1280x800.png') });

    // Each panel's tab is on screen without scrolling; one click shows the panel.
    await side.evaluate((el) => el.scrollTo(0, 0));
    for (const [tab, heading] of [
      ['Recording', 'Recording'],
      ['Gamepad', 'Gamepad'],
      ['Leader arm', 'Leader arm'],
    ] as const) {
      const t = page.getByRole('tab', { name: tab });
      const box = await t.boundingBox();
      expect(box, `the ${tab} tab is shown`).not.toBeNull();
      expect(box!.y + box!.height, `the ${tab} tab is on screen without scrolling`).toBeLessThanOrEqual(VIEWPORT.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
      await t.click();
      await expectInViewport(page.getByRole('heading', { name: heading, exact: true }), `${heading} panel`);
      await side.evaluate((el) => el.scrollTo(0, 0));
    }
    await page.getByRole('tab', { name: 'Recording' }).click();
    const start = page.getByRole('button', { name: 'Start episode' });
    await expectInViewport(start, 'Start episode');
    expect(await start.isDisabled()).toBe(true);
    const look = await start.evaluate((el) => ({ opacity: Number(getComputedStyle(el).opacity), cursor: getComputedStyle(el).cursor }));
    expect(look.opacity).toBeLessThanOrEqual(0.5);
    expect(look.cursor).toBe('not-allowed');
    await page.screenshot({ path: screenshotPath('console-1280x800-recording.png') });
    await page.getByRole('tab', { name: 'Joints' }).click();
  });

  it('links the cameras page from the nav, has a favicon, and shows an empty review queue as a normal state', async () => {
    const cameras = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cameras' });
    await expectInViewport(cameras, 'Cameras link');
    await cameras.click();
    await page.getByRole('heading', { name: `Cameras of ${real.robotId}` }).waitFor({ timeout: PATIENCE_MS });

    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    expect(icon).toBeTruthy();
    const res = await fetch(new URL(icon!, hub.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);

    const errors: string[] = [];
    const answers: number[] = [];
    const onConsole = (m: { type(): string; text(): string }): void => {
      if (m.type() === 'error') errors.push(m.text());
    };
    const onResponse = (r: { url(): string; status(): number }): void => {
      if (r.url().endsWith('/api/v1/reviews/next')) answers.push(r.status());
    };
    page.on('console', onConsole);
    page.on('response', onResponse);
    try {
      await page.goto(`${hub.url}/#/review`);
      await page.getByTestId('review-empty').getByText(/Nothing to review right now/).waitFor({ timeout: PATIENCE_MS });
      await expectInViewport(page.getByTestId('review-empty'), 'empty review queue');
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.every((status) => status === 200), `answers: ${answers.join(', ')}`).toBe(true);
      expect(errors, 'nothing logged as an error').toEqual([]);
      await page.screenshot({ path: screenshotPath('review-empty.png') });
    } finally {
      page.off('console', onConsole);
      page.off('response', onResponse);
    }
  });

  it('says when the watchdog holds, and shows an e-stop as a banner across the console', async () => {
    await page.goto(`${hub.url}/#/console/${real.robotId}`);
    await page.getByRole('button', { name: 'Take control' }).click();
    await page.getByTestId('lease-status').getByText('You drive this robot.').waitFor({ timeout: PATIENCE_MS });
    // Commands reach the robot (until the first one, a robot holding a new lease holds, and the console says so).
    const mode = page.getByTestId('robot-mode');
    await mode.filter({ hasText: /^teleop$/ }).waitFor({ timeout: PATIENCE_MS });
    // The page hidden (another tab in front): the console stops sending, and the robot's watchdog holds.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    });
    try {
      await mode.filter({ hasText: /^holding$/ }).waitFor({ timeout: PATIENCE_MS });
      const hold = page.getByTestId('alert-hold');
      await hold.getByText(/Watchdog hold: no command reached the robot for 150 ms/).waitFor({ timeout: PATIENCE_MS });
      await expectInViewport(hold, 'watchdog alert');
    } finally {
      await page.evaluate(() => {
        delete (document as unknown as { visibilityState?: string }).visibilityState;
      });
    }
    await page.getByTestId('lease-status').getByText('You drive this robot.').waitFor({ timeout: PATIENCE_MS });
    await mode.filter({ hasText: /^teleop$/ }).waitFor({ timeout: PATIENCE_MS });

    await page.keyboard.press('Space');
    const banner = page.getByTestId('estop-banner');
    await banner.getByText(/E-STOP: the robot is stopped/).waitFor({ timeout: PATIENCE_MS });
    await banner.getByText(/confirmed by the robot/).waitFor({ timeout: PATIENCE_MS });
    const box = await expectInViewport(banner, 'e-stop banner');
    expect(box.width, 'the banner spans the console').toBeGreaterThanOrEqual(VIEWPORT.width - 2);
    await page.screenshot({ path: screenshotPath('console-estop.png') });
    await banner.getByRole('button', { name: 'Reset e-stop' }).click();
    await banner.waitFor({ state: 'detached', timeout: PATIENCE_MS });
  });

  it('keeps the idle-lease countdown true while commands flow', async () => {
    // The hub revokes this lease after 6 s without commands; the console sends 60 a second while it holds it.
    await page.goto(`${hub.url}/#/console/${real.robotId}`);
    const take = page.getByRole('button', { name: 'Take control' });
    const driving = page.getByTestId('lease-status').getByText('You drive this robot.');
    await take.or(driving).first().waitFor({ timeout: PATIENCE_MS });
    if (await take.isVisible()) await take.click();
    await driving.waitFor({ timeout: PATIENCE_MS });
    await page.waitForTimeout(8000); // longer than the idle time: the lease is kept because commands flow
    await driving.waitFor();
    const idle = page.getByText(/lease ends in \d+ s without commands/);
    const box = await expectInViewport(idle, 'idle countdown');
    expect(box.height).toBeGreaterThan(0);
    const seconds = Number(/lease ends in (\d+) s/.exec((await idle.textContent()) ?? '')?.[1]);
    expect(seconds, 'seconds left before the idle lease ends, while driving').toBeGreaterThanOrEqual(4);
  });

  it('after the stop, shows sealing, uploading (bytes and percent), verifying, checks and review, each with its progress', async () => {
    // The lease is held from the test before; the robot uploads at 40 kB/s (--upload-bandwidth), in 64 kB chunks, so the upload takes a while.
    await page.getByTestId('lease-status').getByText('You drive this robot.').waitFor({ timeout: PATIENCE_MS });
    await page.getByRole('tab', { name: 'Recording' }).click();
    await page.getByLabel('Task').fill('wave the arm');
    await page.getByRole('button', { name: 'Start episode' }).click();
    await page.getByTestId('episode-timer').waitFor({ timeout: PATIENCE_MS });
    await page.keyboard.down('q');
    await page.waitForTimeout(1200);
    await page.keyboard.up('q');
    await page.keyboard.down('a');
    await page.waitForTimeout(1200);
    await page.keyboard.up('a');
    // Every text the steps show, as they change: steps pass faster than a test could poll.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __stepsSeen: string[] }).__stepsSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=episode-progress]');
        const text = el ? [...el.querySelectorAll('li')].map((li) => `${li.className.trim()}|${li.textContent}`).join('\n') : null;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Stop episode' }).click();
    const steps = page.getByTestId('episode-progress');
    await steps.locator('li[data-step=sealing]').waitFor({ timeout: PATIENCE_MS });
    await expectInViewport(steps, 'steps after the stop');
    await steps.locator('li[data-step=review].done').waitFor({ timeout: PATIENCE_MS });
    await page.screenshot({ path: screenshotPath('console-after-stop.png') });
    const seen = await page.evaluate(() => (window as unknown as { __stepsSeen: string[] }).__stepsSeen);
    const lineOf = (text: string, label: string): string => text.split('\n').find((l) => l.includes(label)) ?? '';
    // Sealing was the current step first, saying what the robot does.
    expect(seen.some((t) => /^current\|● Sealing the robot finishes, hashes and signs its files/.test(lineOf(t, 'Sealing'))), seen.join('\n---\n')).toBe(true);
    // The upload was seen part way, in bytes and percent of the whole episode.
    const partial = seen
      .map((t) => /Uploading ([\d.]+ [kM]?B) of ([\d.]+ [kM]?B) \((\d+)%\) · (\d+) of (\d+) files/.exec(lineOf(t, 'Uploading')))
      .filter((m) => m !== null);
    expect(partial.length, seen.join('\n---\n')).toBeGreaterThan(0);
    expect(partial.some((m) => Number(m![3]) > 0 && Number(m![3]) < 100), `an upload percent between 0 and 100 was shown:\n${seen.join('\n---\n')}`).toBe(true);
    // Verifying and checks were each current, with what they do and for how long.
    expect(seen.some((t) => /Verifying the hub checks hashes and signature .* · [\d.]+ s/.test(t)), seen.join('\n---\n')).toBe(true);
    // Finally every step is done, with how long it took, and the verdict says what became of the episode.
    const final = await steps.locator('li').evaluateAll((lis) => lis.map((li) => ({ cls: li.className.trim(), text: li.textContent ?? '' })));
    expect(final.map((l) => l.cls.split(' ')[0])).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(final[0]!.text).toMatch(/Sealing [\d.]+ s/);
    expect(final[1]!.text).toMatch(/Uploading [\d.]+ [kM]?B in [\d.]+ s/);
    expect(final[2]!.text).toMatch(/Verifying [\d.]+ s/);
    expect(final[3]!.text).toMatch(/Checks [\d.]+ s/);
    expect(final[4]!.text).toMatch(/Review (in review: waiting for reviewers|rejected: .+|accepted)/);
  });
});
