// The console: the robot in 3D, its cameras, the HUD, and the controls to
// drive it (lease, e-stop on Space, jog sliders, keyboard, gamepad with a
// deadman, the IK target in the 3D view) and to record episodes.
import { useCallback, useEffect, useState } from 'react';
import { v1 } from '@teleop/proto';
import { CameraTiles, type VideoMeasures } from '../console/CameraTiles.tsx';
import { SceneView } from '../console/SceneView.tsx';
import { DEADMAN_BUTTON, JOG_KEYS, useDriveInputs } from '../console/useDriveInputs.ts';
import { useTeleop, type Teleop } from '../console/useTeleop.ts';
import { LeaderPanel } from '../console/LeaderPanel.tsx';
import { useHub } from '../hub/hubContext.tsx';
import { RecordingPanel } from '../console/RecordingPanel.tsx';
import { ConsoleAlerts, EStopBanner } from '../console/ConsoleAlerts.tsx';
import { useNow } from '../console/useNow.ts';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmt(v: number | null, unit: string, digits = 0): string {
  return v === null ? '—' : `${v.toFixed(digits)} ${unit}`;
}

function Hud({ teleop, video }: { teleop: Teleop; video: VideoMeasures }) {
  const now = useNow(500);
  const lease = teleop.lease;
  const left = lease?.status === 'granted' && lease.expiresAtMs ? Math.max(0, lease.expiresAtMs - now) : null;
  const idle = lease?.status === 'granted' && lease.idleDeadlineMs ? Math.max(0, lease.idleDeadlineMs - now) : null;
  return (
    <dl className="hud" aria-label="Live measurements">
      <div>
        <dt>control round trip</dt>
        <dd data-testid="hud-rtt">{fmt(median(teleop.rttMs), 'ms', 1)}</dd>
      </div>
      <div>
        <dt>video latency</dt>
        <dd data-testid="hud-video">{fmt(video.latencyMs, 'ms')}</dd>
      </div>
      <div>
        <dt>state rate</dt>
        <dd data-testid="hud-state-rate">{fmt(teleop.stateRateHz, 'Hz')}</dd>
      </div>
      <div>
        <dt>video loss</dt>
        <dd>{fmt(video.lossPercent, '%', 2)}</dd>
      </div>
      <div>
        <dt>lease left</dt>
        <dd>{left === null ? '—' : `${Math.floor(left / 60000)}:${String(Math.floor((left % 60000) / 1000)).padStart(2, '0')}`}</dd>
      </div>
      {idle !== null && idle < 15000 && (
        <div className="warn">
          <dt>idle</dt>
          <dd data-testid="hud-idle">lease ends in {Math.ceil(idle / 1000)} s without commands</dd>
        </div>
      )}
    </dl>
  );
}

function LeasePanel({ teleop, online }: { teleop: Teleop; online: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const lease = teleop.lease;
  const run = (p: Promise<unknown>): void => {
    setError(null);
    p.catch((e: Error) => setError(e.message));
  };
  return (
    <section className="panel" aria-labelledby="lease-h">
      <h2 id="lease-h">Control</h2>
      <p data-testid="lease-status" role="status">
        {lease?.status === 'granted' ? (teleop.streaming ? 'You drive this robot.' : 'You hold the lease (not sending).') : lease?.status === 'queued' ? `Queued: position ${lease.position}` : 'You do not hold the lease.'}
      </p>
      {lease ? (
        <button type="button" onClick={() => run(teleop.releaseLease())}>
          {lease.status === 'queued' ? 'Leave queue' : 'Release lease'}
        </button>
      ) : (
        <button type="button" disabled={!online} onClick={() => run(teleop.requestLease())}>
          Take control
        </button>
      )}
      {(error ?? teleop.lastError) && (
        <p role="alert" className="error">
          {error ?? teleop.lastError}
        </p>
      )}
    </section>
  );
}

function JogPanel({ teleop, speed, setSpeed }: { teleop: Teleop; speed: number; setSpeed: (v: number) => void }) {
  const driving = teleop.lease?.status === 'granted' && teleop.target !== null;
  return (
    <section className="panel" aria-labelledby="jog-h">
      <h2 id="jog-h">Joints</h2>
      {teleop.joints.map((j, i) => {
        const measured = teleop.measured?.[i];
        const target = teleop.target?.[i];
        return (
          <div className="jog" key={j.name}>
            <label htmlFor={`jog-${j.name}`}>
              {j.name} <kbd>{JOG_KEYS[i]?.[0].toUpperCase()}</kbd>/<kbd>{JOG_KEYS[i]?.[1].toUpperCase()}</kbd>
            </label>
            <input
              id={`jog-${j.name}`}
              data-testid={`jog-${j.name}`}
              type="range"
              min={j.min}
              max={j.max}
              step={0.001}
              disabled={!driving}
              value={target ?? measured ?? 0}
              onChange={(e) => {
                if (!teleop.target) return;
                const next = [...teleop.target];
                next[i] = Number(e.target.value);
                teleop.setTarget(next);
              }}
            />
            <output htmlFor={`jog-${j.name}`} data-testid={`measured-${j.name}`}>
              {measured === undefined ? '—' : measured.toFixed(3)}
            </output>
          </div>
        );
      })}
      <label className="speed">
        Jog speed{' '}
        <input type="range" min={0.05} max={1} step={0.05} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-valuetext={`${Math.round(speed * 100)}% of each joint's limit`} />
        {Math.round(speed * 100)}%
      </label>
    </section>
  );
}

const SIDE_TABS = [
  { id: 'joints', label: 'Joints' },
  { id: 'recording', label: 'Recording' },
  { id: 'gamepad', label: 'Gamepad' },
  { id: 'leader', label: 'Leader arm' },
] as const;
type SideTab = (typeof SIDE_TABS)[number]['id'];

export function ConsolePage({ robotId }: { robotId: string }) {
  const { robots } = useHub();
  const [tab, setTab] = useState<SideTab>('joints');
  const summary = robots.get(robotId);
  const teleop = useTeleop(robotId);
  const [speed, setSpeed] = useState(0.3);
  const inputs = useDriveInputs(teleop, teleop.joints, speed);
  const [video, setVideo] = useState<VideoMeasures>({ latencyMs: null, lossPercent: null });
  const onMeasures = useCallback((m: VideoMeasures) => setVideo(m), []);
  // The hub's latch (pressed from any console) or the robot's own status.
  const latch = summary?.estopLatch ?? null;
  const estop = latch !== null || (teleop.status?.estop ?? summary?.estop ?? false);
  const driving = teleop.lease?.status === 'granted' && teleop.target !== null;
  const { estop: pressEstop } = teleop;

  // Space is the e-stop wherever focus is (but in a text field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null;
      if (e.code !== 'Space' || (el && (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text'))) return;
      e.preventDefault();
      pressEstop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pressEstop]);

  return (
    <main className="console">
      <header className="console-head">
        <h1>{summary?.name ?? robotId}</h1>
        <span className={`chip ${summary?.online ? 'ok' : 'bad'}`}>{summary?.online ? 'online' : 'offline'}</span>
        <span className="chip" data-testid="robot-mode">
          {v1.RobotMode[teleop.status?.mode ?? 0]?.replace('ROBOT_MODE_', '').toLowerCase() ?? '—'}
        </span>
        {summary?.leaseHolder && <span className="chip">{summary.queueLength} waiting</span>}
        <button type="button" className={`estop ${estop ? 'latched' : ''}`} onClick={pressEstop} aria-keyshortcuts="Space" data-testid="estop">
          E-STOP <small>(Space)</small>
        </button>
      </header>
      {estop && <EStopBanner latch={latch} robotReason={teleop.status?.estopReason ?? ''} onReset={() => void teleop.resetEstop().catch(() => undefined)} />}
      <ConsoleAlerts teleop={teleop} />
      <div className="console-body">
        <section className="view" aria-label="Robot view">
          {teleop.description ? <SceneView description={teleop.description} teleop={teleop} driving={driving} /> : <div className="scene-error">{teleop.error ?? 'Loading the robot…'}</div>}
          <Hud teleop={teleop} video={video} />
        </section>
        <aside className="side">
          <CameraTiles robotId={robotId} online={!!summary?.online} onMeasures={onMeasures} />
          <LeasePanel teleop={teleop} online={!!summary?.online} />
          <div className="side-tabs" role="tablist" aria-label="Console panels">
            {SIDE_TABS.map((t) => (
              <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-controls={`panel-${t.id}`} aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          {/* Every panel stays mounted (a leader arm's serial port, an episode under way): only the chosen one shows. */}
          <div role="tabpanel" id="panel-joints" aria-labelledby="tab-joints" hidden={tab !== 'joints'}>
            <JogPanel teleop={teleop} speed={speed} setSpeed={setSpeed} />
          </div>
          <div role="tabpanel" id="panel-recording" aria-labelledby="tab-recording" hidden={tab !== 'recording'}>
            <RecordingPanel robotId={robotId} driving={driving} status={teleop.status} />
          </div>
          <div role="tabpanel" id="panel-gamepad" aria-labelledby="tab-gamepad" hidden={tab !== 'gamepad'}>
            <section className="panel" aria-labelledby="pad-h">
              <h2 id="pad-h">Gamepad</h2>
              <p>{inputs.gamepad ? `Connected: ${inputs.gamepad}` : 'No gamepad. Plug one in and press a button.'}</p>
              <p className={`deadman ${inputs.deadmanHeld ? 'held' : ''}`} role="status">
                Deadman (button {DEADMAN_BUTTON}, left shoulder): {inputs.deadmanHeld ? 'HELD — gamepad drives' : 'released — gamepad does not drive'}
              </p>
            </section>
          </div>
          <div role="tabpanel" id="panel-leader" aria-labelledby="tab-leader" hidden={tab !== 'leader'}>
            <LeaderPanel teleop={teleop} driving={driving} />
          </div>
        </aside>
      </div>
    </main>
  );
}
