// The embedded default's simulated robot belongs to someone (issue 18): on a
// fresh `teleop-hub up` (what `npm start` runs) the first wallet that signs
// in owns it and is the hub's admin and a curator, so a newcomer sees it
// under My robots with its data terms and can try building datasets; the
// next wallet is an ordinary operator. A hub started with `serve` gives its
// robots to nobody. Headless Chromium at 1280x800.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { HUB_BIN, TestProcess, enrollRobot, eventually, startHub, tempDir, PATIENCE_MS } from '../harness/processes.ts';
import { screenshotPath } from '../harness/screenshots.ts';

const binDir = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

async function expectInViewport(el: Locator, what: string): Promise<void> {
  await el.waitFor({ state: 'visible', timeout: PATIENCE_MS });
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  expect(box, what).not.toBeNull();
  expect(box.x, what).toBeGreaterThanOrEqual(0);
  expect(box.y, what).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, what).toBeLessThanOrEqual(VIEWPORT.width + 0.5);
  expect(box.y + box.height, what).toBeLessThanOrEqual(VIEWPORT.height + 0.5);
}

async function get<T>(url: string, token: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

// First, while nothing else runs: what `serve` must not do.
describe('a hub that is not the embedded default', () => {
  it('a hub started with serve gives its robots to nobody', async () => {
    const dir = tempDir('serve-owner');
    await enrollRobot(dir.path, 'served arm');
    const hub = await startHub(dir.path);
    try {
      const first = await signIn(hub.url, keyFor('serve-first-wallet'));
      expect((await get<{ robots: unknown[] }>(`${hub.url}/api/v1/me/robots`, first.token)).robots).toEqual([]);
      const roles = (await get<{ roles: string[] }>(`${hub.url}/api/v1/me/roles`, first.token)).roles;
      expect(roles).not.toContain('admin');
      expect(roles).not.toContain('curator');
    } finally {
      await hub.process.stop();
      dir.remove();
    }
  });
});

describe('the embedded default belongs to its first wallet', () => {
  const data = tempDir('embedded-owner');
  let up: TestProcess;
  let url: string;
  let simRobot: string;
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    const child = spawn(process.execPath, [HUB_BIN, 'up', '--data', data.path, '--port', '0', '--mqtt-port', '0', '--ice-host-addresses', '127.0.0.1', '--epoch-interval-s', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
    });
    up = new TestProcess('up', child);
    const m = await eventually(() => /Teleop Hub running at (\S+)\s+\(simulated robot (r-[a-z0-9]+)\)/.exec(up.stdout.join('')) ?? undefined, undefined, 'hub URL printed');
    url = m[1]!;
    simRobot = m[2]!;
  });

  afterAll(async () => {
    await browser?.close();
    await up?.stop();
    data.remove();
  });

  it('gives the simulated robot to the first wallet that signs in, as admin and curator; the next wallet gets nothing', async () => {
    browser = await openBrowser(`${url}/#/my-robots`, VIEWPORT);
    const page = browser.page;
    await signInWithBurner(page);
    const row = page.getByRole('row', { name: /Simulated arm/ });
    await expectInViewport(row, 'the simulated robot under My robots');
    await expectInViewport(page.getByLabel(`Data policy of ${simRobot}`), 'its data policy');
    await page.screenshot({ path: screenshotPath('embedded-my-robots.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'My robots fits 1280 px without scrolling sideways').toBeLessThanOrEqual(VIEWPORT.width);
    const roles = await page.evaluate(async () => ((await (await fetch('/api/v1/me/roles')).json()) as { roles: string[] }).roles);
    expect(roles).toEqual(expect.arrayContaining(['owner', 'admin', 'curator']));

    // Curating: the first wallet may build a dataset (refused only for want of accepted episodes, not of the role).
    const build = await page.evaluate(async () => {
      const res = await fetch('/api/v1/datasets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'first-try', title: 'first try', description: '', license: 'CC-BY-4.0', price: '0', selection: { task: 'nothing recorded yet' } }),
      });
      return { status: res.status, body: await res.text() };
    });
    expect(build.status, build.body).not.toBe(403);

    const second = await signIn(url, keyFor('embedded-second-wallet'));
    expect((await get<{ robots: unknown[] }>(`${url}/api/v1/me/robots`, second.token)).robots).toEqual([]);
    const secondRoles = (await get<{ roles: string[] }>(`${url}/api/v1/me/roles`, second.token)).roles;
    expect(secondRoles).not.toContain('admin');
    expect(secondRoles).not.toContain('curator');
    expect(secondRoles).not.toContain('owner');
    const refused = await fetch(`${url}/api/v1/datasets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'second-try', title: 'second try', description: '', license: 'CC-BY-4.0', selection: {} }),
    });
    const why = await refused.text();
    expect(refused.status, why).toBe(403);
    expect(why).toMatch(/curator/);
  });
});
