// Peer review: take the next episode you may review, watch the synced replay,
// answer the three gates and a 1-5 score. Your agreement with final verdicts
// is shown (it weighs reviewers' rewards).
import { useCallback, useEffect, useState } from 'react';
import type { httpApi } from '@teleop/proto';
import { api } from '../hub/api.ts';
import { useHubData } from '../hub/useHubData.ts';
import { EpisodeReplay } from '../replay/EpisodeReplay.tsx';
import { ChecksList } from './EpisodesPage.tsx';

export function ReviewPage() {
  // The episode the hub assigned (POST /reviews/next); its details are read like any episode's.
  const [assigned, setAssigned] = useState<string | null>(null);
  const { data: episode, error: episodeError } = useHubData<httpApi.EpisodeDetail>(assigned && `/api/v1/episodes/${assigned}`);
  const { data: stats, reload: reloadStats } = useHubData<httpApi.ReviewerAgreement>('/api/v1/reviews/me');
  const [none, setNone] = useState<string | null>(null);
  const [form, setForm] = useState({ taskDone: true, camerasClear: true, robotSafe: true, score: 4, comment: '' });
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? episodeError?.message ?? null;

  const next = useCallback(() => {
    setActionError(null);
    setNone(null);
    setAssigned(null);
    api<httpApi.ReviewAssignment>('/api/v1/reviews/next', { method: 'POST' }).then(
      (r) => (r.episodeId ? setAssigned(r.episodeId) : setNone(r.message ?? 'no episode is waiting for a review you may give')),
      (e: Error) => setActionError(e.message),
    );
  }, []);
  useEffect(next, [next]);

  const submit = (): void => {
    if (!episode) return;
    api<httpApi.ReviewSubmitted>(`/api/v1/reviews/${episode.id}`, { method: 'POST', body: JSON.stringify({ ...form, comment: form.comment || undefined }) }).then(
      () => {
        next();
        void reloadStats();
      },
      (e: Error) => setActionError(e.message),
    );
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
      {none && (
        <p className="empty" data-testid="review-empty">
          Nothing to review right now: {none}. Episodes of others come here once their automatic checks pass (never your own, nor your
          robots&apos;).
        </p>
      )}
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
