// Datasets in the console, in headless Chromium: a researcher builds a dataset
// from accepted episodes with the form, follows the build, sees the version's
// contents, root and pull command, and previews an episode read from the
// dataset's own parquet and video files (3D pose follows the video).
import { grantCurator, TEST_ADMIN_ADDRESS } from '../harness/curators.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { recordAcceptedEpisodes } from '../harness/episodes.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess, PATIENCE_MS } from '../harness/processes.ts';
import { screenshotPath } from '../harness/screenshots.ts';

describe('datasets in the console', () => {
  const data = tempDir('console-datasets');
  let hub: RunningHub;
  let agent: TestProcess;
  let browser: TestBrowser;
  let episodeIds: string[];

  beforeAll(async () => {
    const creds = await enrollRobot(data.path, 'dataset arm', 'so101_follower');
    hub = await startHub(data.path, ['--ice-host-addresses', '127.0.0.1', '--reviews-per-episode', '1', '--admin-addresses', TEST_ADMIN_ADDRESS]);
    agent = await startAgent(hub.url, creds, ['--ice-host-addresses', '127.0.0.1', '--camera', 'name=front,source=sim,size=320x240,fps=30,codec=vp8']);
    const op = await OperatorClient.connect(hub.url, 'console-dataset-operator');
    try {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
      await op.subscribe(creds.robotId);
      await op.requestLease(creds.robotId);
      const reviewer = await signIn(hub.url, keyFor('console-dataset-reviewer'));
      episodeIds = await recordAcceptedEpisodes(hub.url, op, creds.robotId, ['stack the blocks', 'stack the blocks'], reviewer.token);
    } finally {
      op.close();
    }
    browser = await openBrowser(`${hub.url}/#/datasets`);
    await signInWithBurner(browser.page);
    // The burner wallet builds the dataset: building versions is for curators, whom an admin names.
    const burner = await browser.page.evaluate(async () => ((await (await fetch('/api/v1/me/roles')).json()) as { address: string }).address);
    await grantCurator(hub.url, burner);
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('builds a dataset from the form and previews an episode from its files', async () => {
    const page = browser.page;
    await page.getByText('No datasets yet').waitFor();
    const form = page.getByRole('form', { name: 'New dataset' });
    await form.getByLabel('Name').fill('console-demo');
    await form.getByLabel('Title').fill('Console demo');
    await form.getByLabel('Task').fill('stack the blocks');
    await form.getByRole('button', { name: 'Build dataset' }).click();
    await page.waitForFunction(() => window.location.hash === '#/datasets/console-demo/1');
    const facts = page.getByTestId('version-facts');
    await facts.waitFor({ timeout: PATIENCE_MS });
    expect(await facts.textContent()).toContain('Episodes2');
    expect(await page.getByTestId('merkle-root').textContent()).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await page.getByTestId('pull-command').textContent()).toBe(`npx teleop-hub dataset pull console-demo@1 --hub ${hub.url} --out ./console-demo`);

    // The preview reads the dataset's own rows and video.
    await page.getByTestId('preview-status').filter({ hasText: 'rows' }).waitFor({ timeout: PATIENCE_MS });
    await page.locator('[data-testid=preview-scene] canvas').waitFor();
    const video = page.locator('video[aria-label="observation.images.front"]');
    await page.waitForFunction(() => ((document.querySelector('video[aria-label="observation.images.front"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 2, undefined, { timeout: PATIENCE_MS });
    // Episode 1 starts where episode 0 ends in the shared file.
    await page.getByLabel('Episode to preview').selectOption('1');
    await page.waitForFunction(
      () => {
        const v = document.querySelector('video[aria-label="observation.images.front"]') as HTMLVideoElement | null;
        return v !== null && v.readyState >= 2 && v.currentTime > 1;
      },
      undefined,
      { timeout: PATIENCE_MS },
    );
    const t = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    const meta = (await (await fetch(`${hub.url}/api/v1/datasets/console-demo/versions/1`)).json()) as { summary: { totalFrames: number } };
    expect(t).toBeLessThan(meta.summary.totalFrames / 30);
    await page.screenshot({ path: screenshotPath('datasets-version.png'), fullPage: true });

    // The list shows it with its totals.
    await page.goto(`${hub.url}/#/datasets`);
    const row = page.getByTestId('dataset-console-demo');
    await row.waitFor();
    expect(await row.textContent()).toContain('v1');
    expect(await row.textContent()).toContain('open');
    expect(episodeIds).toHaveLength(2);
  });
});
