// Live camera tiles of the console, and the video measurements the HUD shows:
// capture-to-display latency of the first camera (its RTP timestamps are
// capture times, corrected by the hub's clock offsets) and packet loss.
import { useEffect, useRef, useState } from 'react';
import { captureNsOfRtp, type httpApi, type WatchedCamera } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';
import { hubClock } from '../hub/hubSocket.ts';
import { watchRobot, type RobotWatch } from '../media/watchRobot.ts';

export interface VideoMeasures {
  latencyMs: number | null;
  lossPercent: number | null;
}

interface Tile {
  camera: WatchedCamera;
  stream: MediaStream;
}

function Tile({ tile, measure, onLatency }: { tile: Tile; measure: boolean; onLatency: (ms: number) => void }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = tile.stream;
    if (!measure || !('requestVideoFrameCallback' in video)) return;
    let handle = 0;
    const onFrame = (_now: number, m: VideoFrameCallbackMetadata & { rtpTimestamp?: number }): void => {
      if (m.rtpTimestamp !== undefined) {
        const displayNs = BigInt(Math.round((performance.timeOrigin + m.expectedDisplayTime) * 1e6));
        const displayHubNs = displayNs - (hubClock.offsetNs ?? 0n);
        const captureHubNs = captureNsOfRtp(m.rtpTimestamp, displayNs) - robotOffsetNs.value;
        onLatency(Number(displayHubNs - captureHubNs) / 1e6);
      }
      handle = video.requestVideoFrameCallback(onFrame);
    };
    handle = video.requestVideoFrameCallback(onFrame);
    return () => video.cancelVideoFrameCallback(handle);
  }, [tile, measure, onLatency]);
  return (
    <figure className="tile">
      <video ref={ref} autoPlay muted playsInline aria-label={`${tile.camera.camera} camera`} data-testid={`video-${tile.camera.camera}`} />
      <figcaption>
        {tile.camera.camera} · {tile.camera.codec.toUpperCase()} {tile.camera.width}x{tile.camera.height}
      </figcaption>
    </figure>
  );
}

/** Robot clock minus hub clock, refreshed from the hub. */
const robotOffsetNs = { value: 0n };

export function CameraTiles({ robotId, online, onMeasures }: { robotId: string; online: boolean; onMeasures: (m: VideoMeasures) => void }) {
  const { socket, connected } = useHub();
  const [tiles, setTiles] = useState<Tile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const watch = useRef<RobotWatch | null>(null);
  const latencies = useRef<number[]>([]);

  useEffect(() => {
    if (!connected || !online) {
      setTiles([]);
      return;
    }
    let cancelled = false;
    setError(null);
    watchRobot(socket, robotId, (camera, stream) => setTiles((t) => [...t.filter((x) => x.camera.camera !== camera.camera), { camera, stream }].sort((a, b) => a.camera.camera.localeCompare(b.camera.camera))))
      .then((w) => {
        if (cancelled) return w.close();
        watch.current = w;
        (window as unknown as { __teleopWatch?: RobotWatch }).__teleopWatch = w;
      })
      .catch((err: Error) => setError(err.message));
    const onChanged = ({ robotId: changed }: { robotId: string }): void => {
      if (changed === robotId) setGeneration((g) => g + 1);
    };
    socket.on('media:changed', onChanged);
    return () => {
      cancelled = true;
      socket.off('media:changed', onChanged);
      watch.current?.close();
      watch.current = null;
    };
  }, [socket, connected, online, robotId, generation]);

  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const res = (await (await fetch(`/api/v1/robots/${robotId}`)).json()) as httpApi.RobotDetail;
        robotOffsetNs.value = BigInt(Math.round((res.clock?.offsetMs ?? 0) * 1e6));
      } catch {
        // keep the last offset
      }
      let lost = 0;
      let received = 0;
      const stats = await watch.current?.pc.getStats();
      stats?.forEach((s: { type: string; kind?: string; packetsLost?: number; packetsReceived?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') {
          lost += s.packetsLost ?? 0;
          received += s.packetsReceived ?? 0;
        }
      });
      const l = [...latencies.current].sort((a, b) => a - b);
      latencies.current = [];
      onMeasures({ latencyMs: l.length ? l[Math.floor(l.length / 2)]! : null, lossPercent: stats && received + lost > 0 ? (100 * lost) / (received + lost) : null });
    }, 2000);
    return () => clearInterval(timer);
  }, [robotId, onMeasures]);

  const onLatency = useRef((ms: number) => {
    latencies.current.push(ms);
    if (latencies.current.length > 300) latencies.current.shift();
  }).current;

  if (!online) return <p className="empty">Robot offline: no video.</p>;
  return (
    <div className="tiles">
      {error && <p className="empty">{error}</p>}
      {tiles.map((t, i) => (
        <Tile key={t.camera.camera} tile={t} measure={i === 0} onLatency={onLatency} />
      ))}
    </div>
  );
}
