// Video across hubs: what the hub-to-hub relay costs. Two hubs share one
// Redis and one Mosquitto; a robot agent publishes a test camera (640x480,
// 30 fps, VP8, ~1.5 Mbit/s) to one of them (its media hub). Two werift viewers
// in this process watch at once: one on the media hub (direct), one on the
// other hub (through the cascade: media hub -> other hub -> viewer). For every
// frame, the arrival of its last packet is timed at both viewers: capture ->
// arrival per path (the RTP timestamp is the capture time on a 90 kHz wall
// clock, kept end to end), and the cascade's extra time for the same frame
// (matched by RTP timestamp). The hubs' CPU over the window is read from /proc.
// Prints JSON. Usage (from tests/): npx tsx bench/clusterVideo.ts [--window-s 20]
import { parseArgs } from 'node:util';
import { captureNsOfRtp, nowNs } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { freePort, startMosquitto } from '../harness/mosquitto.ts';
import { watchFromNode, type NodeViewer } from '../harness/nodeViewer.ts';
import { camerasStreaming, enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RunningHub } from '../harness/processes.ts';
import { startRedis } from '../harness/redis.ts';
import { cpuSeconds, sampleLoad, summarize } from './stats.ts';

const { values } = parseArgs({ options: { 'window-s': { type: 'string', default: '20' } } });
const WINDOW_S = Number(values['window-s']);
const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];
const HUB_PASSWORD = 'bench-hub-password';
const load = sampleLoad();

const data = tempDir('bench-cluster-video');
const creds = await enrollRobot(data.path, 'cascade arm');
const broker = await startMosquitto(data.path, { hub: HUB_PASSWORD, [creds.robotId]: creds.secret });
const redis = await startRedis(data.path);
const args = [...LOOPBACK, '--log-level', 'warn', '--mqtt-url', broker.url, '--mqtt-username', 'hub', '--redis-url', redis.url, '--cluster-token', 'bench-cluster-token-0123456789'];
const hubs: RunningHub[] = [];
for (let i = 0; i < 2; i++) hubs.push(await startHub(data.path, [...args, '--port', String(await freePort())], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD }));
const agent = await startAgent(hubs[0]!.url, creds, [...LOOPBACK, '--log-level', 'warn', '--camera', 'name=front,source=test,size=640x480,fps=30,codec=vp8,bitrate=1500'], false);
const viewers: NodeViewer[] = [];
const ops: OperatorClient[] = [];
let result: Record<string, unknown> = {};
try {
  const media = await eventually(async () => {
    for (const h of hubs) if (await camerasStreaming(h.url, 1)) return h;
    return undefined;
  }, undefined, 'camera streaming to a hub');
  const other = hubs.find((h) => h !== media)!;
  /** Per path: RTP timestamp of a frame -> arrival of its last packet (ns, this process's clock = the machine's). */
  const arrivals = { direct: new Map<number, bigint>(), cascade: new Map<number, bigint>() };
  let measuring = false;
  const recorder = (path: keyof typeof arrivals) => (_camera: string, rtp: { header: { marker: boolean; timestamp: number } }) => {
    if (measuring && rtp.header.marker) arrivals[path].set(rtp.header.timestamp, nowNs());
  };
  for (const [hub, path] of [
    [media, 'direct'],
    [other, 'cascade'],
  ] as const) {
    const op = await OperatorClient.connect(hub.url, `bench-${path}`);
    ops.push(op);
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, `robot online at the ${path} hub`);
    viewers.push(await watchFromNode(op, creds.robotId, recorder(path)));
  }
  await eventually(() => (viewers.every((v) => (v.packets.get('front') ?? 0) > 100) ? true : undefined), undefined, 'both viewers receiving');
  await new Promise((r) => setTimeout(r, 3000));
  const pids = { media: media.process.child.pid!, other: other.process.child.pid! };
  const cpu0 = { media: cpuSeconds(pids.media), other: cpuSeconds(pids.other) };
  const t0 = performance.now();
  measuring = true;
  await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
  measuring = false;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = (which: 'media' | 'other'): number => Number((((cpuSeconds(pids[which]) - cpu0[which]) / seconds) * 100).toFixed(2));
  const latency = (m: Map<number, bigint>): number[] => [...m].map(([ts, at]) => Number(at - captureNsOfRtp(ts, at)) / 1e6);
  const extra: number[] = [];
  for (const [ts, at] of arrivals.cascade) {
    const direct = arrivals.direct.get(ts);
    if (direct !== undefined) extra.push(Number(at - direct) / 1e6);
  }
  result = {
    captureToArrivalMs: { direct: summarize(latency(arrivals.direct), 2), cascade: summarize(latency(arrivals.cascade), 2) },
    cascadeExtraMsSameFrame: summarize(extra, 2),
    framesMatched: extra.length,
    hubCpuPercentOfOneCore: { mediaHub: cpu('media'), pullingHub: cpu('other') },
    peerConnections: {
      mediaHub: { robot: await metric(media.url, 'teleop_media_peer_connections', { role: 'robot' }), viewer: await metric(media.url, 'teleop_media_peer_connections', { role: 'viewer' }), hub: await metric(media.url, 'teleop_media_peer_connections', { role: 'hub' }) },
      pullingHub: { upstream: await metric(other.url, 'teleop_media_peer_connections', { role: 'upstream' }), viewer: await metric(other.url, 'teleop_media_peer_connections', { role: 'viewer' }) },
    },
  };
} finally {
  for (const v of viewers) await v.stop().catch(() => undefined);
  for (const op of ops) op.close();
  await agent.stop();
  for (const h of hubs) await h.process.stop();
  await broker.stop();
  await redis.stop();
  data.remove();
}
console.log(JSON.stringify({ benchmark: 'cluster_video', camera: '640x480 30 fps VP8 1.5 Mbit/s', windowS: WINDOW_S, ...result, machine: load.stop() }, null, 2));
process.exit(0);
