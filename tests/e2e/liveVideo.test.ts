// Live video end to end: robot agent (test cameras, ffmpeg) -> werift -> hub
// relay (werift) -> two headless Chromium viewers at once, read through
// getStats(). Media stays on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundVideoStats, openBrowser, type TestBrowser } from '../harness/browser.ts';
import { screenshotPath } from '../harness/screenshots.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

describe('live video to browsers', () => {
  const data = tempDir('video');
  let hub: RunningHub;
  let agent: TestProcess;
  let robotId: string;
  const browsers: TestBrowser[] = [];

  beforeAll(async () => {
    const creds = await enrollRobot(data.path, 'camera arm');
    robotId = creds.robotId;
    hub = await startHub(data.path, LOOPBACK);
    agent = await startAgent(hub.url, creds, [
      ...LOOPBACK,
      '--camera', 'name=front,source=test,size=640x480,fps=30,codec=vp8',
      '--camera', 'name=wrist,source=test,size=320x240,fps=30,codec=h264',
    ]);
    await eventually(async () => (await (await fetch(`${hub.url}/api/v1/robots/${robotId}`)).json() as { summary: { online: boolean } }).summary.online, 10_000, 'robot online');
    await agent.waitForLog((l) => l.msg === 'camera streaming to the hub' && l.camera === 'front', 15_000);
    await agent.waitForLog((l) => l.msg === 'camera streaming to the hub' && l.camera === 'wrist', 15_000);
  }, 60_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('two browsers decode both cameras at their size and rate, VP8 and H.264', async () => {
    for (let i = 0; i < 2; i++) browsers.push(await openBrowser(`${hub.url}/#/robots/${robotId}/cameras`));
    for (const b of browsers) {
      const stats = await eventually(async () => {
        const s = await inboundVideoStats(b.page);
        return s.length === 2 && s.every((x) => x.framesDecoded > 60) ? s : undefined;
      }, 20_000, 'frames decoded in both tracks');
      const byCodec = Object.fromEntries(stats.map((s) => [s.codec, s]));
      expect(byCodec['video/VP8']).toMatchObject({ frameWidth: 640, frameHeight: 480 });
      expect(byCodec['video/H264']).toMatchObject({ frameWidth: 320, frameHeight: 240 });
      for (const s of stats) expect(s.framesPerSecond).toBeGreaterThanOrEqual(24);
      // Each tile plays its own camera.
      const sizes = await b.page.evaluate(() =>
        [...document.querySelectorAll('video')].map((v) => `${v.getAttribute('aria-label')} ${v.videoWidth}x${v.videoHeight}`),
      );
      expect(sizes).toEqual(['front 640x480', 'wrist 320x240']);
    }
    await browsers[0]!.page.screenshot({ path: screenshotPath('cameras.png') });
    // The relay sees both viewers on both cameras.
    const relay = (await (await fetch(`${hub.url}/metrics`)).text()).split('\n').filter((l) => l.startsWith('teleop_media_viewers{'));
    expect(relay.map((l) => Number(l.split(' ')[1]))).toEqual([2, 2]);
    expect(await metric(hub.url, 'teleop_media_fps')).toBeGreaterThan(50);
  }, 60_000);
});
