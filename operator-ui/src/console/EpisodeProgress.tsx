// What happens to an episode after its stop, step by step: the robot seals
// its files, uploads them (bytes and percent), the hub verifies them, runs
// the automatic checks, and the episode goes to review (or is rejected, with
// why). Each step shows how long it took, the current one how far it is.
import { useEffect, useState } from 'react';
import type { EpisodeUpdate, EpisodeUploadProgress } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';

const PHASES = ['sealing', 'uploading', 'verifying', 'checks', 'review'] as const;
type Phase = (typeof PHASES)[number];

const LABELS: Record<Phase, string> = {
  sealing: 'Sealing',
  uploading: 'Uploading',
  verifying: 'Verifying',
  checks: 'Checks',
  review: 'Review',
};

const DOING: Record<Phase, string> = {
  sealing: 'the robot finishes, hashes and signs its files',
  uploading: '',
  verifying: 'the hub checks hashes and signature and measures the files itself',
  checks: 'automatic checks on what the hub measured',
  review: '',
};

const VERDICTS: Record<string, string> = {
  in_review: 'in review: waiting for reviewers',
  accepted: 'accepted',
  rejected: 'rejected',
  failed: 'failed',
  discarded: 'discarded',
};

interface Tracked {
  episodeId: string;
  phase: Phase;
  /** Date.now() when each phase started (and the review, i.e. the end). */
  startedAt: Partial<Record<Phase, number>>;
  upload: EpisodeUploadProgress | null;
  verdict: string | null;
  reason: string | null;
}

export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(2)} MB`;
  return `${(n / 1_000_000_000).toFixed(2)} GB`;
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** Moves forward only: a late event never takes a step back. */
function advance(t: Tracked, to: Phase, at: number): Tracked {
  const i = PHASES.indexOf(t.phase);
  const j = PHASES.indexOf(to);
  if (j <= i) return t;
  const startedAt = { ...t.startedAt };
  for (let k = i + 1; k <= j; k++) startedAt[PHASES[k]!] ??= at;
  return { ...t, phase: to, startedAt };
}

/** The progress of the episode `episodeId` (the one this console stopped last), or nothing before a stop. */
export function EpisodeProgress({ episodeId, stoppedAt }: { episodeId: string | null; stoppedAt: number }) {
  const { socket } = useHub();
  const [t, setT] = useState<Tracked | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!episodeId) {
      setT(null);
      return;
    }
    setT({ episodeId, phase: 'sealing', startedAt: { sealing: stoppedAt }, upload: null, verdict: null, reason: null });
    const onUpdate = (u: EpisodeUpdate): void => {
      if (u.episodeId !== episodeId) return;
      const at = Date.now();
      setT((x) => {
        if (!x) return x;
        if (u.state === 'verifying') return advance(x, 'verifying', at);
        if (u.state === 'checks') return advance(x, 'checks', at);
        // A failed recording still uploads what it has: it is final only once the hub looked at its files.
        if (u.state === 'failed' && PHASES.indexOf(x.phase) < PHASES.indexOf('verifying')) return { ...x, reason: u.reason ?? null };
        if (VERDICTS[u.state]) return { ...advance(x, 'review', at), verdict: u.state, reason: u.reason ?? null };
        return x;
      });
    };
    const onProgress = (p: EpisodeUploadProgress): void => {
      if (p.episodeId !== episodeId) return;
      const at = Date.now();
      setT((x) => (x ? { ...advance(x, 'uploading', at), upload: p } : x));
    };
    socket.on('episode:update', onUpdate);
    socket.on('episode:progress', onProgress);
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => {
      socket.off('episode:update', onUpdate);
      socket.off('episode:progress', onProgress);
      clearInterval(timer);
    };
  }, [socket, episodeId, stoppedAt]);

  if (!t) return null;
  const current = PHASES.indexOf(t.phase);
  return (
    <ol className="steps" data-testid="episode-progress" aria-label="After the stop">
      {PHASES.map((phase, i) => {
        const start = t.startedAt[phase];
        const end = t.startedAt[PHASES[i + 1]!];
        const state = i < current || (phase === 'review' && t.verdict) ? 'done' : i === current ? 'current' : 'pending';
        let detail = '';
        if (phase === 'uploading' && t.upload) {
          const u = t.upload;
          const percent = u.bytesTotal ? Math.min(100, Math.floor((100 * u.bytesReceived) / u.bytesTotal)) : null;
          detail =
            state === 'done'
              ? `${bytes(u.bytesTotal ?? u.bytesReceived)} in ${seconds((end ?? now) - (start ?? now))}`
              : `${bytes(u.bytesReceived)}${u.bytesTotal ? ` of ${bytes(u.bytesTotal)}` : ''}${percent !== null ? ` (${percent}%)` : ''}${u.filesTotal ? ` · ${u.filesReceived} of ${u.filesTotal} files` : ''}`;
        } else if (phase === 'review') {
          detail = t.verdict ? `${VERDICTS[t.verdict]}${t.reason ? `: ${t.reason}` : ''}` : '';
        } else if (state === 'done' && start !== undefined) {
          detail = seconds((end ?? now) - start);
        } else if (state === 'current') {
          detail = `${DOING[phase]} · ${seconds(now - (start ?? now))}`;
        }
        if (phase === 'sealing' && state === 'current' && t.reason) detail += ` · the recording failed (${t.reason}); its files still upload`;
        return (
          <li key={phase} className={`${state} ${phase === 'review' && t.verdict ? t.verdict : ''}`} data-step={phase} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="mark" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'current' ? '●' : '○'}
            </span>{' '}
            <strong>{LABELS[phase]}</strong>
            {detail && <span className="detail"> {detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
