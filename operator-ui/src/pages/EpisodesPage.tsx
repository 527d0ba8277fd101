// Episodes: mine and everyone's, with state, checks and the reasons for a
// rejection; an episode's page shows its manifest, checks, teleoperation
// quality, reviews, files and the synced replay.
import { useEffect, useState } from 'react';
import type { httpApi } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';
import { useHubData } from '../hub/useHubData.ts';
import { EpisodeReplay } from '../replay/EpisodeReplay.tsx';

export function StateTag({ state }: { state: string }) {
  return <span className={`state ${state}`}>{state.replace('_', ' ')}</span>;
}

export function ChecksList({ checks }: { checks: httpApi.EpisodeCheck[] }) {
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.name} className={c.passed ? 'pass' : 'fail'}>
          {c.passed ? '✓' : '✗'} <strong>{c.name}</strong>
          {c.hard ? ' (hard)' : ''}: {c.reason}
        </li>
      ))}
    </ul>
  );
}

/** An owner's terms in a few words. */
function termsText(r: httpApi.EpisodeRights): string {
  if (r.terms === 'open') return `open, under ${r.license}`;
  if (r.terms === 'commercial') return `commercial, at least ${r.floorPricePerHour ?? '?'} per hour of data`;
  if (r.terms === 'restricted') return 'restricted to buyers its owner listed';
  return 'private';
}

function EpisodeDetail({ id }: { id: string }) {
  const { data: e, error } = useHubData<httpApi.EpisodeDetail>(`/api/v1/episodes/${id}`);
  if (error) return <p className="error">{error.message}</p>;
  if (!e) return <p>Loading…</p>;
  const cam = e.manifest?.manifest.cameras[0]?.name ?? null;
  return (
    <main className="page">
      <h1>
        {e.task} <StateTag state={e.state} />
      </h1>
      <p className="meta">
        <code>{e.id}</code> · robot <code>{e.robotId}</code> · operator <code>{e.operator}</code> · {new Date(e.startedAt).toLocaleString()}
        {e.outcome && ` · operator said: ${e.outcome}`}
        {e.score !== null && ` · quality ${(e.score * 100).toFixed(0)}%`}
        {e.verifiedMs !== null && ` · ${(e.verifiedMs / 1000).toFixed(1)} s verified by the hub (what rewards pay for)`}
      </p>
      {e.rights && (
        <p className="meta" data-testid="episode-terms">
          Owner's terms: {termsText(e.rights)} ({e.rights.ownTerms ? "this episode's own" : "its robot's"})
          {e.rights.content && e.rights.purpose && ` · you read its content as ${e.rights.purpose.replace('_', ' ')}`}
        </p>
      )}
      {e.rights && !e.rights.content && (
        <p role="note" data-testid="content-denied">
          Its recording is not yours to open: {e.rights.reason}
        </p>
      )}
      {e.reason && (
        <p role="alert" className="error">
          {e.reason}
        </p>
      )}
      {e.quarantined && (
        <p role="alert" className="error" data-testid="quarantined">
          Quarantined, kept out of datasets and rewards: {e.quarantined}
        </p>
      )}
      {e.manifest && <EpisodeReplay episodeId={e.id} robotId={e.robotId} camera={cam} fps={e.manifest.manifest.fps} />}
      {e.checks && (
        <>
          <h2>Automatic checks</h2>
          <ChecksList checks={e.checks} />
        </>
      )}
      {e.quality && (
        <>
          <h2>Teleoperation quality</h2>
          <p>
            control round trip p50/p95: {e.quality.controlRoundTripMs ? `${e.quality.controlRoundTripMs.p50} / ${e.quality.controlRoundTripMs.p95} ms` : '—'} · video capture→hub p50/p95:{' '}
            {e.quality.videoCaptureToHubMs ? `${e.quality.videoCaptureToHubMs.p50} / ${e.quality.videoCaptureToHubMs.p95} ms` : '—'} · video packets lost {e.quality.videoPacketsLost} · watchdog holds {e.quality.holds} · lease interruptions{' '}
            {e.quality.leaseInterruptions}
          </p>
        </>
      )}
      {e.reviews.length > 0 && (
        <>
          <h2>Reviews</h2>
          <ul>
            {e.reviews.map((r) => (
              <li key={r.reviewer}>
                <code>{r.reviewer.slice(0, 10)}…</code> task {r.task_done ? 'done' : 'not done'}, cameras {r.cameras_clear ? 'clear' : 'unclear'}, robot {r.robot_safe ? 'safe' : 'unsafe'}, score {r.score}/5
                {r.comment ? ` — ${r.comment}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {e.rights?.content !== false && <h2>Files</h2>}
      <ul>
        {e.files.map((f) => (
          <li key={f.name}>
            <a href={`/api/v1/episodes/${e.id}/files/${f.name}`} download>
              {f.name}
            </a>{' '}
            ({(f.size / 1e6).toFixed(2)} MB, sha256 <code>{f.sha256.slice(0, 16)}…</code>)
          </li>
        ))}
      </ul>
    </main>
  );
}

export function EpisodesPage({ episodeId }: { episodeId?: string }) {
  const { address, socket } = useHub();
  const [mine, setMine] = useState(true);
  const { data, error, reload } = useHubData<httpApi.EpisodeList>(episodeId ? null : `/api/v1/episodes${mine ? `?operator=${address}` : ''}`);
  // Episodes whose recording this wallet may not open are not listed (their page says why, on a direct link).
  const list = data?.episodes.filter((e) => e.rights?.content !== false) ?? null;
  const closed = (data?.episodes.length ?? 0) - (list?.length ?? 0);
  useEffect(() => {
    if (episodeId) return;
    const onUpdate = (): void => void reload();
    socket.on('episode:update', onUpdate);
    return () => void socket.off('episode:update', onUpdate);
  }, [episodeId, socket, reload]);
  if (episodeId) return <EpisodeDetail id={episodeId} />;
  return (
    <main className="page">
      <h1>Episodes</h1>
      <label>
        <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> only mine
      </label>
      {error && <p className="error">{error.message}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Robot</th>
            <th scope="col">Started</th>
            <th scope="col">State</th>
            <th scope="col">Quality</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {(list ?? []).map((e) => (
            <tr key={e.id} data-testid={`episode-${e.id}`}>
              <td>
                <a href={`#/episodes/${e.id}`}>{e.task}</a>
              </td>
              <td>
                <code>{e.robotId}</code>
              </td>
              <td>{new Date(e.startedAt).toLocaleString()}</td>
              <td>
                <StateTag state={e.state} />
              </td>
              <td>{e.score === null ? '—' : `${(e.score * 100).toFixed(0)}%`}</td>
              <td>{e.reason ?? (e.checks?.filter((c) => !c.passed).map((c) => c.name).join(', ') || '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list?.length === 0 && <p className="empty">No episodes yet. Record one from a robot's console.</p>}
      {closed > 0 && (
        <p className="empty" data-testid="episodes-closed">
          {closed} more {closed === 1 ? 'episode is' : 'episodes are'} not listed: {closed === 1 ? 'its recording is' : 'their recordings are'} not yours to open (operators, owners, assigned reviewers and buyers of a dataset holding them may).
        </p>
      )}
    </main>
  );
}
