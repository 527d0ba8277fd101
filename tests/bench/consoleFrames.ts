// Console frame rate and main-thread time in headless Chromium (software
// WebGL: SwiftShader): the 3D scene, 3 live video tiles, state at 50 Hz, the
// operator holding the lease (commands streaming at 60 Hz) and moving the arm
// with the keyboard all through the window. Measured in the
// page with requestAnimationFrame intervals, the render's own cost per frame,
// and the Long Tasks API. Prints JSON.
// Usage: npm run bench:console --workspace tests [-- --seconds 20 --width 1280 --height 720]
import { parseArgs } from 'node:util';
import { openBrowser, signInWithBurner } from '../harness/browser.ts';
import { camerasStreaming, enrollRobot, eventually, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { sampleLoad, summarize } from './stats.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, width: { type: 'string', default: '1280' }, height: { type: 'string', default: '720' }, cameras: { type: 'string', default: '3' } },
});
const load = sampleLoad();
const CAMERAS = Number(values.cameras);
const SECONDS = Number(values.seconds);
const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

const data = tempDir('bench-console');
const creds = await enrollRobot(data.path, 'console bench arm');
const hub = await startHub(data.path, [...LOOPBACK, '--log-level', 'warn']);
const cams = ['front', 'wrist', 'top'].slice(0, CAMERAS).flatMap((name) => ['--camera', `name=${name},source=test,size=320x240,fps=30,codec=vp8,bitrate=500`]);
const agent = await startAgent(hub.url, creds, [...LOOPBACK, '--log-level', 'warn', '--state-rate', '50', ...cams], false);
const browser = await openBrowser(`${hub.url}/#/console/${creds.robotId}`, { width: Number(values.width), height: Number(values.height) });
try {
  await eventually(() => camerasStreaming(hub.url, CAMERAS), undefined, 'cameras streaming');
  await signInWithBurner(browser.page);
  const page = browser.page;
  await page.locator('[data-testid=scene] canvas').waitFor();
  await eventually(async () => (await page.locator('video').count()) === CAMERAS, undefined, 'video tiles');
  await page.getByRole('button', { name: 'Take control' }).click();
  await page.getByTestId('lease-status').getByText('You drive this robot.').waitFor();
  await page.waitForTimeout(4000);
  // Keep the arm moving through the window (keyboard jog back and forth), so every frame has a new pose to draw.
  let moving = !process.env.BENCH_IDLE;
  const wiggle = (async () => {
    while (moving) {
      for (const key of ['q', 'a']) {
        if (!moving) break;
        await page.keyboard.down(key);
        await page.waitForTimeout(700);
        await page.keyboard.up(key);
      }
    }
  })();
  const result = await page.evaluate(async (seconds) => {
    const scene = (window as unknown as { __teleopScene: { frameTimes: number[]; renderTimes: number[]; drawnFrames: number } }).__teleopScene;
    const drawn0 = scene.drawnFrames;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    scene.frameTimes.length = 0;
    scene.renderTimes.length = 0;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    observer.disconnect();
    const drawn = scene.drawnFrames - drawn0;
    const decoded = await (async () => {
      const pc = (window as unknown as { __teleopWatch?: { pc: RTCPeerConnection } }).__teleopWatch?.pc;
      let frames = 0;
      (await pc?.getStats())?.forEach((s: { type: string; kind?: string; framesPerSecond?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesPerSecond ?? 0;
      });
      return frames;
    })();
    return {
      frameTimes: [...scene.frameTimes],
      drawn,
      renderTimes: [...scene.renderTimes],
      longTasks,
      videoFpsTotal: decoded,
      stateRate: document.querySelector('[data-testid=hud-state-rate]')?.textContent,
      rtt: document.querySelector('[data-testid=hud-rtt]')?.textContent,
      videoLatency: document.querySelector('[data-testid=hud-video]')?.textContent,
    };
  }, SECONDS);
  moving = false;
  await wiggle;
  const frames = summarize(result.frameTimes, 2);
  console.log(
    JSON.stringify(
      {
        benchmark: 'console_frames',
        viewport: `${values.width}x${values.height}`,
        cameras: CAMERAS,
        seconds: SECONDS,
        fps: Number((1000 / (result.frameTimes.reduce((a, b) => a + b, 0) / Math.max(1, result.frameTimes.length))).toFixed(1)),
        frameIntervalMs: frames,
        renderMs: summarize(result.renderTimes, 2),
        framesDrawn: result.drawn,
        longTasks: { count: result.longTasks.length, totalMs: Math.round(result.longTasks.reduce((a, b) => a + b, 0)), maxMs: Math.round(Math.max(0, ...result.longTasks)) },
        videoTilesFpsTotal: result.videoFpsTotal,
        hud: { stateRate: result.stateRate, controlRoundTrip: result.rtt, videoLatency: result.videoLatency },
        target: { p95FrameMs: 16.7 },
        machine: load.stop(),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}
process.exit(0);
