// Glass-to-glass latency on loopback: the test camera's capture time travels
// as the RTP timestamp (90 kHz wall clock); the console page, in headless
// Chromium, reads each presented frame's rtpTimestamp, receiveTime and
// expectedDisplayTime with requestVideoFrameCallback. Times are corrected by
// the hub's measured clock offsets of the robot and of the browser. Breakdown:
// capture -> encoded (agent), -> hub (relay), -> browser received, -> display.
// Prints JSON. Usage: npm run bench:video --workspace tests [-- --codec vp8 --seconds 30]
import { parseArgs } from 'node:util';
import { captureNsOfRtp, type MediaTrackStats } from '@teleop/proto';
import { ensureSignedIn, openBrowser } from '../harness/browser.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, PATIENCE_MS, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { sampleLoad, summarize } from './stats.ts';

const { values } = parseArgs({ options: { codec: { type: 'string', default: 'vp8' }, seconds: { type: 'string', default: '30' }, size: { type: 'string', default: '640x480' } } });
const SECONDS = Number(values.seconds);
const LOOPBACK = ['--ice-host-addresses', '127.0.0.1'];

interface FrameSample {
  rtpTimestamp: number;
  receiveWallMs: number;
  displayWallMs: number;
  processingMs: number;
}

const load = sampleLoad();
const data = tempDir('bench-video');
const creds = await enrollRobot(data.path, 'latency arm');
const hub = await startHub(data.path, [...LOOPBACK, '--log-level', 'warn']);
const agent = await startAgent(hub.url, creds, [...LOOPBACK, '--log-level', 'warn', '--camera', `name=front,source=test,size=${values.size},fps=30,codec=${values.codec},bitrate=1500`], false);
const op = await OperatorClient.connect(hub.url, 'bench');
// The page opens once the robot's camera reaches the hub's relay, and measures once the video plays: waited on, not timed.
await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
await eventually(
  () =>
    new Promise<boolean>((resolve) =>
      op.socket.emit('media:stats', { robotId: creds.robotId }, (res) => resolve(res.ok && res.value.some((t) => t.camera === 'front' && t.fps > 0))),
    ),
  undefined,
  'the camera streaming into the relay',
);
const browser = await openBrowser(`${hub.url}/#/robots/${creds.robotId}/cameras`);
try {
  await ensureSignedIn(browser.page);
  await browser.page.waitForFunction(() => (document.querySelector('video[aria-label=front]') as HTMLVideoElement | null)?.videoWidth, undefined, { timeout: PATIENCE_MS });
  await new Promise((r) => setTimeout(r, 3000)); // settle: jitter buffer, rate control, clock probes

  const result = await browser.page.evaluate(async (seconds) => {
    const video = document.querySelector('video[aria-label=front]') as HTMLVideoElement;
    const samples: FrameSample[] = [];
    await new Promise<void>((resolve) => {
      const end = performance.now() + seconds * 1000;
      const onFrame = (_now: number, m: VideoFrameCallbackMetadata & { rtpTimestamp?: number; receiveTime?: number }): void => {
        if (m.rtpTimestamp !== undefined && m.receiveTime !== undefined) {
          samples.push({
            rtpTimestamp: m.rtpTimestamp,
            receiveWallMs: performance.timeOrigin + m.receiveTime,
            displayWallMs: performance.timeOrigin + m.expectedDisplayTime,
            processingMs: (m.processingDuration ?? 0) * 1000,
          });
        }
        if (performance.now() < end) video.requestVideoFrameCallback(onFrame);
        else resolve();
      };
      video.requestVideoFrameCallback(onFrame);
    });
    const clock = (window as unknown as { __teleopClock: { offsetNs: bigint | null } }).__teleopClock;
    return { samples, browserOffsetNs: clock.offsetNs === null ? null : clock.offsetNs.toString() };
  }, SECONDS);

  const robot = (await (await fetch(`${hub.url}/api/v1/robots/${creds.robotId}`)).json()) as {
    clock: { offsetMs: number; rttMs: number } | null;
    status: { cameras: { encodeLatencyP50Ms: number; encodeLatencyP95Ms: number; framesSkipped: string }[] };
  };
  const relay = await new Promise<MediaTrackStats[]>((resolve, reject) =>
    op.socket.emit('media:stats', { robotId: creds.robotId }, (res) => (res.ok ? resolve(res.value) : reject(new Error(res.error.message)))),
  );
  const robotOffsetNs = BigInt(Math.round((robot.clock?.offsetMs ?? 0) * 1e6));
  const browserOffsetNs = BigInt(result.browserOffsetNs ?? '0');
  const toHubNs = (wallMs: number): bigint => BigInt(Math.round(wallMs * 1e6)) - browserOffsetNs;
  const glass: number[] = [];
  const received: number[] = [];
  const decode: number[] = [];
  for (const s of result.samples) {
    const displayHubNs = toHubNs(s.displayWallMs);
    const captureHubNs = captureNsOfRtp(s.rtpTimestamp, BigInt(Math.round(s.displayWallMs * 1e6))) - robotOffsetNs;
    glass.push(Number(displayHubNs - captureHubNs) / 1e6);
    received.push(Number(toHubNs(s.receiveWallMs) - captureHubNs) / 1e6);
    decode.push(s.processingMs);
  }
  const cam = robot.status.cameras[0]!;
  const track = relay[0]!;
  console.log(
    JSON.stringify(
      {
        benchmark: 'glass_to_glass_ms',
        codec: values.codec,
        size: values.size,
        fps: 30,
        seconds: SECONDS,
        framesPresented: result.samples.length,
        clockOffsetsMs: { robotMinusHub: robot.clock?.offsetMs ?? null, browserMinusHub: result.browserOffsetNs === null ? null : Number(browserOffsetNs) / 1e6 },
        breakdown: {
          captureToEncoded: { p50: Number(cam.encodeLatencyP50Ms.toFixed(2)), p95: Number(cam.encodeLatencyP95Ms.toFixed(2)), note: 'agent, last 300 frames' },
          captureToHub: track.captureToHubMs,
          captureToBrowserReceived: summarize(received, 2),
          browserDecode: summarize(decode, 2),
          captureToDisplay: summarize(glass, 2),
        },
        relay: { bitrateKbps: track.bitrateKbps, fps: track.fps, packetsLost: track.packetsLost },
        agentFramesSkipped: Number(cam.framesSkipped),
        targets: { p50: 50, p95: 80 },
        machine: load.stop(),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  op.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}
process.exit(0);
