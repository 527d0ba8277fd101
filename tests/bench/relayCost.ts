// Relay cost: hub CPU per forwarded stream. A robot agent publishes test
// cameras (640x480, 30 fps, VP8, ~1.5 Mbit/s); viewers are pages of one
// headless Chromium (or, with --viewer node, werift peers in this process,
// which receive without decoding and so leave the cores to the hub and the
// robot), each watching every camera. The hub's CPU time is read
// from /proc over a window at each viewer count, so the cost of a stream's
// first viewer and of each further viewer can be separated.
// Prints JSON. Usage: npm run bench:relay --workspace tests [-- --cameras 1 --viewers 0,1,2,4,8 --window-s 15]
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ensureSignedIn, inboundVideoStats, openBrowser, type TestBrowser } from '../harness/browser.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { watchFromNode, type NodeViewer } from '../harness/nodeViewer.ts';
import { camerasStreaming, enrollRobot, eventually, metric, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { cpuSeconds, rssMb, sampleLoad } from './stats.ts';

const { values } = parseArgs({
  options: {
    cameras: { type: 'string', default: '1' },
    viewers: { type: 'string', default: '0,1,2,4,8' },
    'window-s': { type: 'string', default: '15' },
    viewer: { type: 'string', default: 'chromium' },
  },
});
const load = sampleLoad();
const CAMERAS = Number(values.cameras);
const STEPS = values.viewers.split(',').map(Number);
const WINDOW_S = Number(values['window-s']);
const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

const data = tempDir('bench-relay');
const creds = await enrollRobot(data.path, 'relay arm');
const hub = await startHub(data.path, [...LOOPBACK, '--log-level', 'warn']);
const cameraArgs = Array.from({ length: CAMERAS }, (_, i) => ['--camera', `name=cam${i},source=test,size=640x480,fps=30,codec=vp8,bitrate=1500`]).flat();
const agent = await startAgent(hub.url, creds, [...LOOPBACK, '--log-level', 'warn', ...cameraArgs], false);
const op = await OperatorClient.connect(hub.url, 'bench');
let browser: TestBrowser | null = null;
const pages: Page[] = [];
const nodeViewers: NodeViewer[] = [];
const NODE = values.viewer === 'node';
const rows: Record<string, unknown>[] = [];
const pid = hub.process.child.pid!;
try {
  await eventually(() => camerasStreaming(hub.url, CAMERAS), undefined, 'cameras streaming');
  const url = `${hub.url}/#/robots/${creds.robotId}/cameras`;
  for (const viewers of STEPS) {
    while (NODE && nodeViewers.length < viewers) nodeViewers.push(await watchFromNode(op, creds.robotId));
    while (!NODE && pages.length < viewers) {
      if (!browser) {
        browser = await openBrowser(url);
        await ensureSignedIn(browser.page);
        pages.push(browser.page);
      } else {
        const page = await browser.context.newPage();
        await page.goto(url);
        await ensureSignedIn(page);
        pages.push(page);
      }
    }
    await eventually(async () => (await metric(hub.url, 'teleop_media_viewers')) === viewers * CAMERAS, undefined, `${viewers} viewers`);
    await new Promise((r) => setTimeout(r, 3000));
    const received = async (): Promise<number[]> =>
      NODE
        ? nodeViewers.map((v) => [...v.packets.values()].reduce((a, b) => a + b, 0))
        : Promise.all(pages.map(async (p) => (await inboundVideoStats(p)).reduce((a, s) => a + s.packetsReceived, 0)));
    const packets0 = await received();
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = ((cpuSeconds(pid) - cpu0) / seconds) * 100;
    const packets1 = await received();
    const stats = await new Promise<{ bitrateKbps: number; fps: number }[]>((resolve) =>
      op.socket.emit('media:stats', { robotId: creds.robotId }, (res) => resolve(res.ok ? res.value : [])),
    );
    const row = {
      cameras: CAMERAS,
      viewers,
      streamsForwarded: viewers * CAMERAS,
      hubCpuPercentOfOneCore: Number(cpu.toFixed(2)),
      hubRssMb: rssMb(pid),
      ingestKbpsPerCamera: Math.round(stats.reduce((a, s) => a + s.bitrateKbps, 0) / Math.max(1, stats.length)),
      ingestFpsPerCamera: Number((stats.reduce((a, s) => a + s.fps, 0) / Math.max(1, stats.length)).toFixed(1)),
      viewerPeerConnections: await metric(hub.url, 'teleop_media_peer_connections', { role: 'viewer' }),
      // Pages whose every track received packets during the window (background tabs included).
      viewersReceiving: packets1.filter((p, i) => p - packets0[i]! > 100 * CAMERAS).length,
    };
    rows.push(row);
    console.error(JSON.stringify(row));
  }
} finally {
  for (const v of nodeViewers) await v.stop();
  await browser?.close();
  op.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}

const at = (v: number): number | undefined => (rows.find((r) => r.viewers === v)?.hubCpuPercentOfOneCore as number | undefined);
const none = at(0);
const one = at(1);
const most = Math.max(...STEPS);
const derived =
  none !== undefined && one !== undefined && most > 1
    ? {
        firstViewerPercentPerStream: Number(((one - none) / CAMERAS).toFixed(2)),
        eachFurtherViewerPercentPerStream: Number((((at(most) ?? one) - one) / (most - 1) / CAMERAS).toFixed(2)),
      }
    : null;
console.log(JSON.stringify({ benchmark: 'relay_cost', viewer: values.viewer, cameras: CAMERAS, windowS: WINDOW_S, steps: rows, derived, targets: { firstViewerPercent: 6, furtherViewerPercent: 1.5 }, machine: load.stop() }, null, 2));
process.exit(0);
