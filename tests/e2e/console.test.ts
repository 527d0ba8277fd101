// The operator console in headless Chromium against a real hub and a real
// simulated robot: sign in with the burner wallet, see the robot, take the
// lease, drive with keys, sliders and a gamepad (the Gamepad API is stubbed
// in the page: no real pad exists here), e-stop, queue a second operator,
// lose the connection, and show a broken URDF. The robot's motion is checked
// through the hub's state stream by a separate Node operator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import type { Page } from 'playwright-core';
import { robotTopic, v1 } from '@teleop/proto';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess, PATIENCE_MS } from '../harness/processes.ts';
import { screenshotPath } from '../harness/screenshots.ts';

const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

const FAKE_GAMEPAD = `
  window.__fakePad = { connected: false, axes: [0, 0, 0, 0], buttons: Array.from({ length: 17 }, () => ({ pressed: false, value: 0 })) };
  navigator.getGamepads = () => window.__fakePad.connected
    ? [{ id: 'Test pad (stub)', index: 0, connected: true, mapping: 'standard', timestamp: performance.now(), axes: window.__fakePad.axes, buttons: window.__fakePad.buttons }]
    : [];
`;

/** Share of the 3D canvas's pixels that differ from its clear colour, and a coarse signature of the picture. */
async function canvasPixels(page: Page): Promise<{ nonBlank: number; signature: number[] }> {
  return page.evaluate(() => {
    const src = document.querySelector('[data-testid=scene] canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = 160;
    c.height = 90;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0, c.width, c.height);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let nonBlank = 0;
    const signature: number[] = [];
    for (let i = 0; i < d.length; i += 4) {
      const off = Math.abs(d[i]! - 0x16) + Math.abs(d[i + 1]! - 0x1b) + Math.abs(d[i + 2]! - 0x22) > 24;
      if (off) nonBlank++;
      signature.push(d[i]! + d[i + 1]! + d[i + 2]!);
    }
    return { nonBlank: nonBlank / (d.length / 4), signature };
  });
}

function pixelsChanged(a: number[], b: number[]): number {
  return a.filter((v, i) => Math.abs(v - b[i]!) > 30).length;
}

describe('operator console', () => {
  const data = tempDir('console');
  let hub: RunningHub;
  let creds: RobotCredentials;
  let agent: TestProcess;
  let observer: OperatorClient;
  let a: TestBrowser;
  let b: TestBrowser | undefined;
  const joint = (name: string): number => {
    const i = ['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper'].indexOf(name);
    return observer.states.at(-1)?.state.positions[i] ?? Number.NaN;
  };
  const speed = (): number => Math.max(...(observer.states.at(-1)?.state.velocities ?? [Infinity]).map(Math.abs));

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'console arm');
    hub = await startHub(data.path, LOOPBACK);
    agent = await startAgent(hub.url, creds, [...LOOPBACK, '--camera', 'name=front,source=sim,size=320x240,fps=15,codec=vp8']);
    observer = await OperatorClient.connect(hub.url, 'observer');
    await eventually(async () => (await observer.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
    await observer.subscribe(creds.robotId, 100);
    a = await openBrowser(hub.url, { width: 1280, height: 720 }, [FAKE_GAMEPAD]);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    observer?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('signs in with the burner wallet and shows the robot online in the fleet', async () => {
    await a.page.getByRole('button', { name: 'Sign in with a local burner wallet' }).waitFor();
    await a.page.screenshot({ path: screenshotPath('signin.png') });
    await signInWithBurner(a.page);
    const card = a.page.getByTestId(`robot-${creds.robotId}`);
    await card.getByText('online', { exact: false }).first().waitFor({ timeout: PATIENCE_MS });
    await expect(card.textContent()).resolves.toContain('console arm');
    await a.page.waitForTimeout(1500); // let the thumbnail start
    await a.page.screenshot({ path: screenshotPath('fleet.png') });
  });

  it('renders the robot in 3D and takes the lease', async () => {
    await a.page.goto(`${hub.url}/#/console/${creds.robotId}`);
    await a.page.locator('[data-testid=scene] canvas').waitFor();
    await eventually(async () => (await a.page.getByTestId('measured-shoulder_pan').textContent())?.match(/^-?\d/), undefined, 'measured state shown');
    const pixels = await canvasPixels(a.page);
    expect(pixels.nonBlank).toBeGreaterThan(0.02);
    await a.page.getByRole('button', { name: 'Take control' }).click();
    await a.page.getByTestId('lease-status').getByText('You drive this robot.').waitFor({ timeout: PATIENCE_MS });
    await eventually(async () => (await observer.listRobots()).find((r) => r.robotId === creds.robotId && r.leaseHolder !== null), undefined, 'lease visible to others');
  });

  it('jogs a joint with the keyboard; the robot moves and the 3D view changes', async () => {
    const before = await canvasPixels(a.page);
    const pan0 = joint('shoulder_pan');
    await a.page.keyboard.down('q');
    await a.page.waitForTimeout(900);
    await a.page.keyboard.up('q');
    await eventually(() => joint('shoulder_pan') > pan0 + 0.2, undefined, 'shoulder_pan moved');
    await a.page.waitForTimeout(300);
    const after = await canvasPixels(a.page);
    expect(pixelsChanged(before.signature, after.signature)).toBeGreaterThan(50);
    await a.page.screenshot({ path: screenshotPath('console.png') });
  });

  it('drives a joint from its slider', async () => {
    await a.page.evaluate(() => {
      const el = document.querySelector('[data-testid=jog-elbow_flex]') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, '0.8');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await eventually(() => Math.abs(joint('elbow_flex') - 0.8) < 0.01, undefined, 'elbow_flex at 0.8');
  });

  it('drives with a gamepad only while the deadman is held, and stops when it is unplugged', async () => {
    const pan0 = joint('shoulder_pan');
    await a.page.evaluate(() => {
      const pad = (window as unknown as { __fakePad: { connected: boolean; axes: number[]; buttons: { pressed: boolean }[] } }).__fakePad;
      pad.connected = true;
      pad.axes[0] = -1; // full left: shoulder_pan down
    });
    await a.page.getByRole('tab', { name: 'Gamepad' }).click();
    await a.page.waitForTimeout(600);
    expect(Math.abs(joint('shoulder_pan') - pan0)).toBeLessThan(0.01); // deadman not held: nothing
    await a.page.getByText('released — gamepad does not drive').waitFor();
    await a.page.evaluate(() => {
      (window as unknown as { __fakePad: { buttons: { pressed: boolean }[] } }).__fakePad.buttons[4]!.pressed = true;
    });
    await a.page.getByText('HELD — gamepad drives').waitFor();
    await eventually(() => joint('shoulder_pan') < pan0 - 0.15, undefined, 'gamepad moved the arm');
    await a.page.evaluate(() => {
      (window as unknown as { __fakePad: { connected: boolean } }).__fakePad.connected = false; // unplugged mid-drive
    });
    await a.page.waitForTimeout(600);
    const settled = joint('shoulder_pan');
    await a.page.waitForTimeout(500);
    expect(Math.abs(joint('shoulder_pan') - settled)).toBeLessThan(0.005);
    expect(speed()).toBeLessThan(0.01);
  });

  it('e-stops on Space and resets', async () => {
    await a.page.keyboard.down('w'); // moving when the e-stop comes
    await a.page.waitForTimeout(300);
    await a.page.keyboard.press('Space');
    await a.page.keyboard.up('w');
    await eventually(async () => (await observer.listRobots()).find((r) => r.robotId === creds.robotId && r.estop), undefined, 'e-stop latched');
    await eventually(() => speed() < 0.01, undefined, 'arm stopped');
    const lift = joint('shoulder_lift');
    await a.page.keyboard.down('w');
    await a.page.waitForTimeout(500);
    await a.page.keyboard.up('w');
    expect(Math.abs(joint('shoulder_lift') - lift)).toBeLessThan(0.005); // latched: keys do nothing
    await a.page.getByTestId('estop-reset').click();
    await eventually(async () => (await observer.listRobots()).find((r) => r.robotId === creds.robotId && !r.estop), undefined, 'e-stop reset');
  });

  it('queues a second operator, who gets the lease when the first releases', async () => {
    b = await openBrowser(`${hub.url}/#/console/${creds.robotId}`);
    await signInWithBurner(b.page);
    await b.page.getByRole('button', { name: 'Take control' }).click();
    await b.page.getByTestId('lease-status').getByText('Queued: position 1').waitFor({ timeout: PATIENCE_MS });
    await a.page.getByRole('button', { name: 'Release lease' }).click();
    await b.page.getByTestId('lease-status').getByText('You drive this robot.').waitFor({ timeout: PATIENCE_MS });
  });

  it('shows a lost connection at once, stops, and does not resume the lease on reconnect', async () => {
    const page = b!.page;
    await page.evaluate(() => (window as unknown as { __teleopHubSocket: { io: { engine: { close(): void } } } }).__teleopHubSocket.io.engine.close());
    await page.getByRole('alert').filter({ hasText: 'Lost the connection to the hub' }).waitFor({ timeout: PATIENCE_MS });
    await eventually(async () => (await observer.listRobots()).find((r) => r.robotId === creds.robotId && r.leaseHolder === null), undefined, 'lease ended with the connection');
    await page.getByRole('status').filter({ hasText: 'hub connected' }).waitFor({ timeout: PATIENCE_MS });
    await page.getByTestId('lease-status').getByText('You do not hold the lease.').waitFor({ timeout: PATIENCE_MS });
    await page.getByRole('button', { name: 'Take control' }).waitFor();
  });

  it('explains a broken URDF in the 3D pane while the rest of the console works', async () => {
    const broken = await enrollRobot(data.path, 'broken model');
    const client = await mqtt.connectAsync(hub.mqttUrl, { clientId: broken.robotId, username: broken.robotId, password: broken.secret, reconnectPeriod: 0 });
    try {
      const description = v1.RobotDescription.encode({
        robotId: broken.robotId,
        model: 'mystery',
        joints: [{ name: 'elbow', unit: 'rad', minPosition: -1, maxPosition: 1, maxVelocity: 1 }],
        controlModes: [1],
        urdf: '<robot name="x"><link name="a"/><joint name="something_else" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1" velocity="1" effort="1"/></joint><link name="b"/></robot>',
      }).finish();
      await client.publishAsync(robotTopic(broken.robotId, 'describe'), Buffer.from(description), { qos: 1, retain: true });
      await client.publishAsync(robotTopic(broken.robotId, 'presence'), 'online', { qos: 1, retain: true });
      await a.page.goto(`${hub.url}/#/console/${broken.robotId}`);
      await a.page.getByRole('alert').filter({ hasText: "the robot's URDF lacks joints elbow" }).waitFor({ timeout: PATIENCE_MS });
      await a.page.getByRole('button', { name: 'Take control' }).waitFor();
      await a.page.getByRole('button', { name: /E-STOP/ }).waitFor();
      // A URDF whose mesh is missing: drawn without it, with a message saying which.
      const withMesh = v1.RobotDescription.encode({
        robotId: broken.robotId,
        model: 'mystery',
        joints: [{ name: 'elbow', unit: 'rad', minPosition: -1, maxPosition: 1, maxVelocity: 1 }],
        controlModes: [1],
        urdf: '<robot name="x"><link name="a"><visual><geometry><mesh filename="package://arm/meshes/forearm.stl"/></geometry></visual></link><joint name="elbow" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1" velocity="1" effort="1"/></joint><link name="b"/></robot>',
      }).finish();
      await client.publishAsync(robotTopic(broken.robotId, 'describe'), Buffer.from(withMesh), { qos: 1, retain: true });
      await a.page.reload();
      await a.page.getByRole('alert').filter({ hasText: 'forearm.stl could not be loaded' }).waitFor({ timeout: PATIENCE_MS });
      expect(await a.page.locator('.scene-error').count()).toBe(0);
      await a.page.locator('[data-testid=scene] canvas').waitFor();
    } finally {
      await client.endAsync();
    }
  });

  it('lets an owner enroll a robot from My robots and run it with the command shown once', async () => {
    await a.page.goto(`${hub.url}/#/my-robots`);
    await a.page.getByLabel('Name').fill('owner arm');
    await a.page.getByLabel('Model').fill('so101_sim');
    await a.page.getByRole('button', { name: 'Enroll' }).click();
    const command = (await a.page.getByTestId('agent-command').textContent()) ?? '';
    const m = /--robot-id (\S+) --secret (\S+)/.exec(command);
    expect(command).toContain(`npx robot-agent --hub ${hub.url}`);
    expect(m).not.toBeNull();
    const owned = await startAgent(hub.url, { robotId: m![1]!, secret: m![2]! }, LOOPBACK);
    try {
      await a.page.getByRole('button', { name: 'I stored it' }).click();
      await a.page.reload();
      await a.page.getByRole('cell', { name: /owner arm/ }).waitFor();
      await eventually(async () => (await observer.listRobots()).find((r) => r.robotId === m![1] && r.online), undefined, 'owned robot online');
      await a.page.screenshot({ path: screenshotPath('my-robots.png') });
    } finally {
      await owned.stop();
    }
  });

  it('keeps a screenshot of every page, at 1280x720 and 1920x1080', async () => {
    for (const [name, hash] of [
      ['datasets', '#/datasets'],
      ['review', '#/review'],
      ['rewards', '#/rewards'],
    ]) {
      await a.page.goto(`${hub.url}/${hash}`);
      await a.page.locator('h1').first().waitFor();
      await a.page.screenshot({ path: screenshotPath(`${name}.png`) });
    }
    await a.page.setViewportSize({ width: 1920, height: 1080 });
    await a.page.goto(`${hub.url}/#/console/${creds.robotId}`);
    await a.page.locator('[data-testid=scene] canvas').waitFor();
    await a.page.waitForTimeout(1500);
    await a.page.screenshot({ path: screenshotPath('console-1920.png') });
  });
});
