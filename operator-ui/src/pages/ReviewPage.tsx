// Peer review: take the next episode you may review, watch the synced replay,
// answer the three gates and a 1-5 score. Your agreement with final verdicts
// is shown (it weighs reviewers' rewards).
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../hub/api.ts';
import { EpisodeReplay } from '../replay/EpisodeReplay.tsx';
import { ChecksList, type Episode } from './EpisodesPage.tsx';

interface Agreement {
  reviewed: number;
  decided: number;
  agreed: number;
  rate: number | null;
}

export function ReviewPage() {
  const [episode, setEpisode] = useState<Episode | null>(null);
  const [none, setNone] = useState<string | null>(null);
  const [stats, setStats] = useState<Agreement | null>(null);
  const [form, setForm] = useState({ taskDone: true, camerasClear: true, robotSafe: true, score: 4, comment: '' });
  const [error, setError] = useState<string | null>(null);

  const next = useCallback(() => {
    setError(null);
    setNone(null);
    setEpisode(null);
    api<{ episodeId: string }>('/api/v1/reviews/next', { method: 'POST' })
      .then((r) => api<Episode>(`/api/v1/episodes/${r.episodeId}`))
      .then(setEpisode, (e: Error) => (e instanceof ApiError && e.status === 404 ? setNone(e.message) : setError(e.message)));
    api<Agreement>('/api/v1/reviews/me').then(setStats, () => undefined);
  }, []);
  useEffect(next, [next]);

  const submit = (): void => {
    if (!episode) return;
    api(`/api/v1/reviews/${episode.id}`, { method: 'POST', body: JSON.stringify({ ...form, comment: form.comment || undefined }) }).then(next, (e: Error) => setError(e.message));
  };

  return (
    <main className="page">
      <h1>Review</h1>
      {stats && (
        <p className="meta">
          You reviewed {stats.reviewed} episode{stats.reviewed === 1 ? '' : 's'}; {stats.decided} decided
          {stats.rate !== null && `, agreeing with the verdict in ${(stats.rate * 100).toFixed(0)}%`}.
        </p>
      )}
      {none && <p className="empty">{none}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {episode && (
        <>
          <h2>{episode.task}</h2>
          <EpisodeReplay episodeId={episode.id} robotId={episode.robotId} camera={episode.manifest?.manifest.cameras[0]?.name ?? null} fps={episode.manifest?.manifest.fps ?? 30} />
          {episode.checks && <ChecksList checks={episode.checks} />}
          <form
            className="review-form"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <label>
              <input type="checkbox" checked={form.taskDone} onChange={(e) => setForm({ ...form, taskDone: e.target.checked })} /> the task was done
            </label>
            <label>
              <input type="checkbox" checked={form.camerasClear} onChange={(e) => setForm({ ...form, camerasClear: e.target.checked })} /> the cameras are clear
            </label>
            <label>
              <input type="checkbox" checked={form.robotSafe} onChange={(e) => setForm({ ...form, robotSafe: e.target.checked })} /> the robot moved safely
            </label>
            <label>
              Score{' '}
              <select value={form.score} onChange={(e) => setForm({ ...form, score: Number(e.target.value) })}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Comment <input value={form.comment} onChange={(e) => setForm({ ...form, comment: e.target.value })} maxLength={2000} />
            </label>
            <button type="submit">Submit review</button>
          </form>
        </>
      )}
    </main>
  );
}
