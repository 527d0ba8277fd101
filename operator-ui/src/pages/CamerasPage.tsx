// Every camera of one robot, live, with the relay's statistics. The console
// issue builds the full operator view around the same watchRobot().
import { useEffect, useRef, useState } from 'react';
import type { MediaTrackStats, WatchedCamera } from '@teleop/proto';
import { request } from '../hub/hubSocket.ts';
import { useHub } from '../hub/hubContext.tsx';
import { watchRobot, type RobotWatch } from '../media/watchRobot.ts';

interface Tile {
  camera: WatchedCamera;
  stream: MediaStream;
}

declare global {
  interface Window {
    /** The current watch, for end-to-end tests that read getStats(). */
    __teleopWatch?: RobotWatch;
  }
}

function Video({ stream, label }: { stream: MediaStream; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay muted playsInline aria-label={label} data-testid={`video-${label}`} />;
}

export function CamerasPage({ robotId }: { robotId: string }) {
  const { socket } = useHub();
  const [tiles, setTiles] = useState<Tile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<MediaTrackStats[]>([]);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let watch: RobotWatch | null = null;
    let cancelled = false;
    setTiles([]);
    setError(null);
    watchRobot(socket, robotId, (camera, stream) => setTiles((t) => [...t.filter((x) => x.camera.camera !== camera.camera), { camera, stream }]))
      .then((w) => {
        if (cancelled) return w.close();
        watch = w;
        window.__teleopWatch = w;
      })
      .catch((err: Error) => setError(err.message));
    const onChanged = ({ robotId: changed }: { robotId: string }): void => {
      if (changed === robotId) setGeneration((g) => g + 1);
    };
    // A robot that comes online after the page opened (the watch was refused as offline) is watched then.
    const onPresence = (summary: { robotId: string; online: boolean }): void => {
      if (summary.robotId === robotId && summary.online && !watch) setGeneration((g) => g + 1);
    };
    socket.on('media:changed', onChanged);
    socket.on('robot:presence', onPresence);
    return () => {
      cancelled = true;
      socket.off('media:changed', onChanged);
      socket.off('robot:presence', onPresence);
      watch?.close();
    };
  }, [socket, robotId, generation]);

  useEffect(() => {
    const timer = setInterval(() => {
      request<MediaTrackStats[]>((ack) => socket.emit('media:stats', { robotId }, ack)).then(setStats, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [socket, robotId]);

  return (
    <main className="page cameras">
      <h1>Cameras of {robotId}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="tiles">
        {tiles
          .sort((a, b) => a.camera.camera.localeCompare(b.camera.camera))
          .map((t) => {
            const s = stats.find((x) => x.camera === t.camera.camera);
            return (
              <figure key={t.camera.camera}>
                <Video stream={t.stream} label={t.camera.camera} />
                <figcaption>
                  {t.camera.camera} · {t.camera.codec.toUpperCase()} {t.camera.width}x{t.camera.height}
                  {s && ` · ${s.fps} fps · ${s.bitrateKbps} kbit/s · lost ${s.packetsLost} · ${s.viewers} viewer(s)`}
                </figcaption>
              </figure>
            );
          })}
      </div>
    </main>
  );
}
