// Recording and reviewing from the console in headless Chromium: the lease
// holder records an episode with the recording controls, sees it go to
// review in the episodes list; a reviewer watches the synced replay and
// scores it; with a second review it is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess, PATIENCE_MS } from '../harness/processes.ts';
import { screenshotPath } from '../harness/screenshots.ts';

const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

describe('episodes in the console', () => {
  const data = tempDir('console-episodes');
  let hub: RunningHub;
  let agent: TestProcess;
  let robotId: string;
  let operator: TestBrowser;
  let reviewer: TestBrowser;

  beforeAll(async () => {
    const creds = await enrollRobot(data.path, 'recording arm');
    robotId = creds.robotId;
    hub = await startHub(data.path, LOOPBACK);
    agent = await startAgent(hub.url, creds, [...LOOPBACK, '--camera', 'name=front,source=sim,size=320x240,fps=30,codec=vp8']);
    operator = await openBrowser(`${hub.url}/#/console/${robotId}`);
    await signInWithBurner(operator.page);
  });

  afterAll(async () => {
    await operator?.close();
    await reviewer?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('records an episode with the console controls and follows it into review', async () => {
    const page = operator.page;
    await page.locator('[data-testid=scene] canvas').waitFor();
    await page.getByRole('button', { name: 'Take control' }).click();
    await page.getByTestId('lease-status').getByText('You drive this robot.').waitFor();
    await page.getByRole('tab', { name: 'Recording' }).click();
    await page.getByLabel('Task').fill('sweep left and right');
    await page.getByRole('button', { name: 'Start episode' }).click();
    await page.getByTestId('episode-timer').waitFor();
    for (const key of ['q', 'a', 'q']) {
      await page.keyboard.down(key);
      await page.waitForTimeout(900);
      await page.keyboard.up(key);
    }
    // While recording, the console shows what the robot recorded (and would say what it lost).
    await page.getByTestId('recording-health').getByText(/front: [\d,]+ frames recorded/).waitFor({ timeout: PATIENCE_MS });
    await page.getByRole('button', { name: 'Stop episode' }).click();
    await page.getByTestId('episode-count').getByText('1 episode recorded this session').waitFor();
    await page.goto(`${hub.url}/#/episodes`);
    const row = page.locator('tr', { hasText: 'sweep left and right' });
    await row.getByText('in review').waitFor({ timeout: PATIENCE_MS });
    await page.screenshot({ path: screenshotPath('episodes.png') });
    await row.getByRole('link', { name: 'sweep left and right' }).click();
    await page.getByRole('heading', { name: 'Automatic checks' }).waitFor();
    await page.getByTestId('replay-video').waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: screenshotPath('episode.png') });
  });

  it('a reviewer watches the synced replay and scores; two reviews accept it', async () => {
    reviewer = await openBrowser(`${hub.url}/#/review`);
    await signInWithBurner(reviewer.page);
    const page = reviewer.page;
    await page.getByRole('heading', { name: 'sweep left and right' }).waitFor({ timeout: PATIENCE_MS });
    const video = page.getByTestId('replay-video');
    await video.waitFor();
    // Play a little: the 3D robot follows the recording.
    await page.evaluate(() => (document.querySelector('[data-testid=replay-video]') as HTMLVideoElement).play());
    await page.waitForTimeout(1500);
    await page.screenshot({ path: screenshotPath('review.png') });
    expect(await page.evaluate(() => (document.querySelector('[data-testid=replay-video]') as HTMLVideoElement).currentTime)).toBeGreaterThan(0.5);
    await page.getByLabel('Score').selectOption('5');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('no episode is waiting for a review you may give').waitFor({ timeout: PATIENCE_MS });
    // A second reviewer, through the API.
    const r = await signIn(hub.url, keyFor('second-reviewer'));
    const next = (await (await fetch(`${hub.url}/api/v1/reviews/next`, { method: 'POST', headers: { authorization: `Bearer ${r.token}` } })).json()) as { episodeId: string };
    await fetch(`${hub.url}/api/v1/reviews/${next.episodeId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ taskDone: true, camerasClear: true, robotSafe: true, score: 4 }),
    });
    await operator.page.goto(`${hub.url}/#/episodes`);
    await eventually(async () => (await operator.page.locator('tr', { hasText: 'sweep left and right' }).textContent())?.includes('accepted'), undefined, 'accepted in the list');
    // The operator sees who read the recording, and as what: the reviewer's replay counts as review access.
    await operator.page.goto(`${hub.url}/#/rewards`);
    await operator.page.getByTestId('episode-accesses').locator('tr', { hasText: 'review' }).first().waitFor({ timeout: PATIENCE_MS });
  });
});
