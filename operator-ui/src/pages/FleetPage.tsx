// Every robot with live presence, lease and queue, mode, and a live thumbnail
// of its first camera; filter by model and status.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RobotSummary } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';
import { watchRobot, type RobotWatch } from '../media/watchRobot.ts';

function Thumbnail({ robot }: { robot: RobotSummary }) {
  const { socket, connected } = useHub();
  const ref = useRef<HTMLVideoElement>(null);
  const hasCamera = robot.online && robot.cameras.length > 0;
  useEffect(() => {
    if (!hasCamera || !connected) return;
    let watch: RobotWatch | null = null;
    let cancelled = false;
    watchRobot(socket, robot.robotId, (camera, stream) => {
      if (camera.camera === robot.cameras[0]?.name && ref.current) ref.current.srcObject = stream;
    }).then(
      (w) => (cancelled ? w.close() : (watch = w)),
      () => undefined,
    );
    return () => {
      cancelled = true;
      watch?.close();
    };
  }, [socket, connected, robot.robotId, hasCamera, robot.cameras]);
  if (!hasCamera) return <div className="thumb none">{robot.online ? 'no camera' : 'offline'}</div>;
  return <video ref={ref} className="thumb" autoPlay muted playsInline aria-label={`${robot.name} camera`} />;
}

function modeLabel(mode: string): string {
  return mode.replace('ROBOT_MODE_', '').toLowerCase();
}

export function FleetPage() {
  const { robots, address } = useHub();
  const [model, setModel] = useState('');
  const [status, setStatus] = useState<'all' | 'online' | 'offline' | 'free'>('all');
  const all = [...robots.values()].sort((a, b) => a.name.localeCompare(b.name));
  const models = useMemo(() => [...new Set(all.map((r) => r.model))].sort(), [all]);
  const shown = all.filter(
    (r) => (!model || r.model === model) && (status === 'all' || (status === 'online' ? r.online : status === 'offline' ? !r.online : r.online && !r.leaseHolder)),
  );
  return (
    <main className="page">
      <h1>Fleet</h1>
      <div className="filters">
        <label>
          Model{' '}
          <select value={model} onChange={(e) => setModel(e.target.value)}>
            <option value="">all</option>
            {models.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="all">all</option>
            <option value="online">online</option>
            <option value="free">online and free</option>
            <option value="offline">offline</option>
          </select>
        </label>
        <span className="count">{shown.length} of {all.length} robots</span>
      </div>
      <ul className="cards">
        {shown.map((r) => (
          <li key={r.robotId} className="card" data-testid={`robot-${r.robotId}`}>
            <Thumbnail robot={r} />
            <div className="card-body">
              <h2>{r.name}</h2>
              <p className="meta">
                <span className={`dot ${r.online ? 'on' : 'off'}`} aria-hidden="true" /> {r.online ? 'online' : 'offline'} · {r.model} · {modeLabel(r.mode)}
                {r.estop && <strong className="estop-tag"> · E-STOP</strong>}
              </p>
              <p className="meta">
                {r.leaseHolder ? (r.leaseHolder === address ? 'you drive' : `driven by ${r.leaseHolder.slice(0, 8)}…`) : 'free'}
                {r.queueLength > 0 && ` · ${r.queueLength} waiting`}
              </p>
              <a className="button" href={`#/console/${r.robotId}`}>
                Open console
              </a>{' '}
              {r.cameras.length > 0 && (
                <a className="button secondary" href={`#/robots/${r.robotId}/cameras`}>
                  Cameras
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
      {all.length === 0 && <p className="empty">No robots enrolled yet. Enroll one under My robots.</p>}
    </main>
  );
}
