// A camera's own thread: capture (or drawing), the live encoder's input and
// the episode recorder's frame intake run here, so no other work of the agent
// (the control loop, WebRTC, MQTT, uploads) can delay a frame or make one miss
// its slot. The main thread gets RTP packets for the live path and one small
// record per recorded frame for the MCAP journal.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createLogger } from '../log.ts';
import { CameraRecorder, nextRecordingSpeed, recordingCodecArgs } from '../recording/CameraRecorder.ts';
import { createCamera } from './createCamera.ts';
import { LiveEncoder } from './LiveEncoder.ts';
import { PoseHistory } from './sim/PoseHistory.ts';
import type { CameraThreadData, FromCameraThread, LivePortMessage, ToCameraThread } from './cameraThreadProtocol.ts';

const STATS_EVERY_MS = 500;
const LOSS_REPORT_EVERY_MS = 1000;

const port = parentPort!;
const { camera: config, pose, logLevel } = workerData as CameraThreadData;
const logger = createLogger(logLevel).child({ camera: config.name });
const poses = pose ? new PoseHistory(pose.buffer, pose.joints) : null;
const camera = createCamera(config, (atNs) => poses?.at(atNs) ?? []);
const live = new LiveEncoder({ camera: camera.description, codec: config.codec, bitrateKbps: config.bitrateKbps, keyframeInterval: config.keyframeInterval, logger });

const post = (m: FromCameraThread, transfer?: ArrayBuffer[]): void => port.postMessage(m, transfer ?? []);

/** The recording taking frames, with its number; recordings being finished are no longer here. */
let recorder: CameraRecorder | null = null;
let recorderId = -1;
/** Recordings finishing their MP4 (a close waits for them). */
const finishing = new Set<Promise<void>>();
function finish(id: number): void {
  const done = stopRecording(id);
  finishing.add(done);
  void done.finally(() => finishing.delete(done));
}
/**
 * How the recording encoder degrades before it drops a frame. Within an episode: while its backlog is over
 * half a second, the live stream gets every other frame only (the recording keeps every one). Between
 * episodes: after one whose encoder fell more than a second behind, the next records with a faster preset
 * (less quality for the CPU); after one that never fell behind, it steps back.
 */
const LIVE_YIELDS_AT_BACKLOG = 15;
let recordingSpeed = 0;
let flowing = false;
let lossReported = 0;
let lossTimer: NodeJS.Timeout | null = null;

function reportLoss(): void {
  lossTimer = null;
  if (!recorder || recorder.stats.dropped === lossReported) return;
  post({ type: 'recording-loss', dropped: recorder.stats.dropped - lossReported, total: recorder.stats.dropped });
  lossReported = recorder.stats.dropped;
}

camera.on('frame', (frame) => {
  if (!flowing) {
    flowing = true;
    post({ type: 'flowing' });
  }
  // The recorder first: it keeps every frame; the live path may skip one to stay fresh.
  if (recorder) {
    recorder.push(frame);
    if (recorder.stats.dropped !== lossReported && !lossTimer) {
      reportLoss();
      lossTimer = setTimeout(reportLoss, LOSS_REPORT_EVERY_MS);
    }
    if (recorder.backlogFrames > LIVE_YIELDS_AT_BACKLOG && frame.index % 2 === 1) {
      live.skip();
      return;
    }
  }
  live.push(frame);
});
camera.on('error', (err) => {
  flowing = false;
  post({ type: 'camera-error', message: err.message });
});
// The live stream goes straight to the media thread (WebRTC), never through the main thread.
let livePort: MessagePort | null = null;
live.on('rtp', (packet) => {
  if (!livePort) return;
  const bytes = new Uint8Array(packet.serialize());
  livePort.postMessage({ type: 'rtp', packet: bytes } satisfies LivePortMessage, [bytes.buffer as ArrayBuffer]);
});

const statsTimer = setInterval(() => {
  const latency = live.encodeLatency();
  post({
    type: 'stats',
    live: { ...live.stats, encodeLatencyP50Ms: latency.p50, encodeLatencyP95Ms: latency.p95 },
    recording: recorder ? { frames: recorder.stats.frames, dropped: recorder.stats.dropped } : null,
  });
}, STATS_EVERY_MS);

async function stopRecording(id: number): Promise<void> {
  const r = recorder;
  if (!r || recorderId !== id) {
    post({ type: 'record-stopped', id, result: { frames: 0, dropped: 0, firstCaptureNs: null, lastCaptureNs: null, ffmpegArgs: [], error: `recording ${id} of camera ${config.name} is not under way` } });
    return;
  }
  // No more frames for it from here; it finishes its MP4 while the next recording may already start.
  recorder = null;
  if (lossTimer) clearTimeout(lossTimer);
  lossTimer = null;
  let error: string | null = null;
  try {
    await r.stop();
  } catch (err) {
    error = (err as Error).message;
  }
  const { frames, dropped, droppedByEncoder, peakBacklog, firstCaptureNs, lastCaptureNs } = r.stats;
  const before = recordingSpeed;
  recordingSpeed = nextRecordingSpeed(recordingSpeed, { peakBacklog, droppedByEncoder, maxBacklog: r.maxBacklogFrames });
  if (recordingSpeed !== before) {
    logger.warn(
      { peakBacklog, speed: recordingSpeed },
      `the recording encoder of camera ${config.name} ${recordingSpeed > before ? `fell ${peakBacklog} frames behind: the next episodes record with a faster preset` : 'kept up: the next episodes record with a better preset again'} (${recordingCodecArgs(r.codec, recordingSpeed).join(' ')})`,
    );
  }
  if (dropped > 0) {
    logger.warn(
      { frames, dropped, neverCame: dropped - droppedByEncoder, encoderBacklogFull: droppedByEncoder },
      `camera ${config.name} recorded ${frames} frames and lost ${dropped}: ${dropped - droppedByEncoder} never came from the camera in time, ${droppedByEncoder} found the encoder's backlog full`,
    );
  }
  post({ type: 'record-stopped', id, result: { frames, dropped, firstCaptureNs, lastCaptureNs, ffmpegArgs: r.ffmpegArgs, error } });
}

port.on('message', (m: ToCameraThread) => {
  switch (m.type) {
    case 'start':
      camera.start().catch((err: Error) => post({ type: 'camera-error', message: err.message }));
      break;
    case 'live-port': {
      livePort?.close();
      const port = m.port;
      livePort = port;
      port.on('message', (x: LivePortMessage) => {
        if (x.type === 'keyframe') live.requestKeyframe();
      });
      break;
    }
    case 'record-start': {
      if (recorder) {
        post({ type: 'record-start-failed', id: m.id, message: `camera ${config.name} is already recording` });
        break;
      }
      try {
        const id = m.id;
        const r = new CameraRecorder({
          camera: camera.description,
          codec: m.codec,
          speed: recordingSpeed,
          path: m.path,
          notBeforeNs: m.notBeforeNs,
          onFrame: (frameIndex, captureNs, droppedBefore) => post({ type: 'recorded', id, frameIndex, captureNs, droppedBefore }),
        });
        r.start();
        recorder = r;
        recorderId = id;
        lossReported = 0;
        post({ type: 'record-started', id });
      } catch (err) {
        post({ type: 'record-start-failed', id: m.id, message: (err as Error).message });
      }
      break;
    }
    case 'record-stop':
      finish(m.id);
      break;
    case 'close':
      void (async () => {
        clearInterval(statsTimer);
        if (recorder) finish(recorderId);
        await Promise.all(finishing);
        await camera.stop().catch(() => undefined);
        await live.stop();
        livePort?.close();
        post({ type: 'closed' });
        port.close();
      })();
      break;
  }
});

try {
  await live.start();
  await camera.start();
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'start-failed', message: (err as Error).message });
}
