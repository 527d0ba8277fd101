// Recording controls of the console: task, start, stop as success or failure,
// discard, the episode timer and this session's count. Only the lease holder
// records; the hub tells the robot, which records locally at full quality.
import { useEffect, useState } from 'react';
import type { EpisodeRef, EpisodeUpdate, v1 } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';
import { hubInfo, request } from '../hub/hubSocket.ts';
import { lossVerdict, recordingLoss } from './ConsoleAlerts.tsx';
import { EpisodeProgress } from './EpisodeProgress.tsx';

const TASKS_KEY = 'teleop.recentTasks';

/** Frames each camera recorded and lost in the episode under way, as the robot reports them, against the hub's limits. */
function RecordingHealth({ status }: { status: v1.RobotStatus | null }) {
  const loss = recordingLoss(status);
  if (!loss) return null;
  const cameras = status!.cameras;
  const verdict = lossVerdict(loss.ratio, hubInfo.recordingLimits);
  return (
    <div data-testid="recording-health">
      <p className={`recording-loss ${verdict.level ?? ''}`} role={verdict.level ? 'alert' : 'status'} data-testid="recording-loss">
        {loss.lost.toLocaleString()} frame{loss.lost === 1 ? '' : 's'} lost of {(loss.frames + loss.lost).toLocaleString()} ({(loss.ratio * 100).toFixed(1)}%)
        {verdict.level ? `: ${verdict.text}` : ''}
      </p>
      <ul className="recording-health">
        {cameras.map((c) => {
          const frames = Number(c.recordingFrames);
          const lost = Number(c.recordingDroppedFrames);
          return (
            <li key={c.name} className={lost > 0 ? 'warn' : undefined}>
              {c.name}: {frames.toLocaleString()} frames recorded{lost > 0 ? `, ${lost.toLocaleString()} lost: the robot could not capture them in time` : ', none lost'}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function RecordingPanel({ robotId, driving, status }: { robotId: string; driving: boolean; status: v1.RobotStatus | null }) {
  const { socket } = useHub();
  const [task, setTask] = useState(() => JSON.parse(localStorage.getItem(TASKS_KEY) ?? '[]')[0] ?? '');
  const [recent, setRecent] = useState<string[]>(() => JSON.parse(localStorage.getItem(TASKS_KEY) ?? '[]') as string[]);
  const [episode, setEpisode] = useState<{ id: string; startedAt: number } | null>(null);
  const [success, setSuccess] = useState(true);
  const [count, setCount] = useState(0);
  const [last, setLast] = useState<EpisodeUpdate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  /** The episode this console stopped last (or whose recording the hub ended), followed until its verdict. */
  const [stopped, setStopped] = useState<{ id: string; at: number } | null>(null);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    const onUpdate = (u: EpisodeUpdate): void => {
      if (u.robotId !== robotId) return;
      setLast(u);
      if (u.state === 'uploading' || u.state === 'failed') setStopped((x) => (x?.id === u.episodeId ? x : { id: u.episodeId, at: Date.now() }));
      if (u.state !== 'recording') setEpisode((e) => (e?.id === u.episodeId ? null : e));
    };
    socket.on('episode:update', onUpdate);
    return () => {
      clearInterval(t);
      socket.off('episode:update', onUpdate);
    };
  }, [socket, robotId]);

  const run = (p: Promise<unknown>): void => {
    setError(null);
    p.catch((e: Error) => setError(e.message));
  };
  const start = (): void =>
    run(
      request<EpisodeRef>((ack) => socket.emit('episode:start', { robotId, task }, ack)).then((r) => {
        setEpisode({ id: r.episodeId, startedAt: Date.now() });
        const tasks = [task, ...recent.filter((t) => t !== task)].slice(0, 10);
        setRecent(tasks);
        localStorage.setItem(TASKS_KEY, JSON.stringify(tasks));
      }),
    );
  const stop = (outcome: 'success' | 'failure' | 'discard'): void =>
    run(
      request<EpisodeRef>((ack) => socket.emit('episode:stop', { robotId, outcome }, ack)).then((r) => {
        setEpisode(null);
        setStopped(outcome === 'discard' ? null : (x) => (x?.id === r.episodeId ? x : { id: r.episodeId, at: Date.now() }));
        if (outcome !== 'discard') setCount((c) => c + 1);
      }),
    );
  const seconds = episode ? Math.floor((now - episode.startedAt) / 1000) : 0;

  return (
    <section className="panel" aria-labelledby="rec-h">
      <h2 id="rec-h">Recording</h2>
      <label>
        Task <input value={task} onChange={(e) => setTask(e.target.value)} placeholder="pick the red cube" list="tasks" disabled={!!episode} maxLength={200} />
      </label>
      <datalist id="tasks">
        {recent.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="row">
        {episode ? (
          <>
            <span className="rec" role="status" data-testid="episode-timer">
              ● REC {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
            </span>
            <label>
              <input type="checkbox" checked={success} onChange={(e) => setSuccess(e.target.checked)} /> success
            </label>
            <button type="button" onClick={() => stop(success ? 'success' : 'failure')}>
              Stop episode
            </button>
            <button type="button" className="secondary" onClick={() => stop('discard')}>
              Discard
            </button>
          </>
        ) : (
          <button type="button" disabled={!driving || !task.trim()} onClick={start} title={driving ? undefined : 'take control of the robot first'}>
            Start episode
          </button>
        )}
      </div>
      <RecordingHealth status={status} />
      {!episode && <EpisodeProgress episodeId={stopped?.id ?? null} stoppedAt={stopped?.at ?? 0} />}
      <p className="hint" data-testid="episode-count">
        {count} episode{count === 1 ? '' : 's'} recorded this session{last && !episode ? ` · last: ${last.state}` : ''} · <a href="#/episodes">all episodes</a>
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
