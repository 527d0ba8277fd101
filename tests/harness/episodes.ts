// Episode helpers shared by the episode tests: the view, start/stop over the
// operator socket, and a wiggle so an episode is not idle.
import type { OperatorClient } from './OperatorClient.ts';

export interface EpisodeView {
  id: string;
  state: string;
  outcome: string | null;
  reason: string | null;
  score: number | null;
  quality: { controlRoundTripMs: { p50: number; p95: number } | null; holds: number } | null;
  checks: { name: string; passed: boolean; hard: boolean; reason: string }[] | null;
  manifest: { manifest: { files: { name: string; sha256: string; size: number }[]; cameras: { frames: number; droppedFrames: number }[]; channels: Record<string, number> }; signer: string } | null;
  files: { name: string; sha256: string }[];
}

export async function episode(hubUrl: string, token: string, id: string): Promise<EpisodeView> {
  const res = await fetch(`${hubUrl}/api/v1/episodes/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as EpisodeView;
}

export async function startEpisode(op: OperatorClient, robotId: string, task: string): Promise<string> {
  return (await op.call<{ episodeId: string }>((ack) => op.socket.emit('episode:start', { robotId, task }, ack), 'episode:start')).episodeId;
}

export async function stopEpisode(op: OperatorClient, robotId: string, outcome: 'success' | 'failure' | 'discard'): Promise<string> {
  return (await op.call<{ episodeId: string }>((ack) => op.socket.emit('episode:stop', { robotId, outcome }, ack), 'episode:stop')).episodeId;
}

let wiggles = 0;

/** Drives the arm back and forth so the episode is not idle; each call a motion of its own, as an operator's would be. */
export function wiggle(op: OperatorClient, robotId: string): () => void {
  let t = 0;
  const k = wiggles++;
  return op.stream(robotId, () => {
    t += 0.02;
    return [0.6 * Math.sin(t * (3 + 0.7 * k)), 0.3 * Math.sin(t * 2 + k), 0.4 + 0.05 * (k % 4), 0, 0, 0.5];
  }, 50);
}


/**
 * Records `tasks.length` episodes (distinct motions, so none is a duplicate of another) and has a reviewer
 * accept each; the hub must run with --reviews-per-episode 1. Returns their ids in recording order.
 */
export async function recordAcceptedEpisodes(hubUrl: string, op: OperatorClient, robotId: string, tasks: string[], reviewerToken: string, durationMs?: number): Promise<string[]> {
  const { eventually } = await import('./processes.ts');
  const ids: string[] = [];
  for (const [e, task] of tasks.entries()) {
    let t = 0;
    const stop = op.stream(robotId, () => {
      t += 0.02;
      return [0.5 * Math.sin(t * (2 + e)), 0.3 * Math.sin(t * 1.5 + e), 0.3 + 0.1 * (e % 5), 0.2 * Math.cos(t * 2), 0, 0.4];
    }, 50);
    const id = await startEpisode(op, robotId, task);
    await new Promise((r) => setTimeout(r, durationMs ?? 1600 + 300 * (e % 5)));
    await stopEpisode(op, robotId, 'success');
    stop();
    ids.push(id);
  }
  for (const id of ids) {
    const v = await eventually(async () => {
      const x = await episode(hubUrl, reviewerToken, id);
      return ['in_review', 'rejected', 'failed'].includes(x.state) ? x : undefined;
    }, 120_000, `episode ${id} checked`);
    if (v.state !== 'in_review') throw new Error(`episode ${id} is ${v.state}: ${v.reason}`);
  }
  // The reviewer is handed episodes in random order until none waits.
  for (let i = 0; i < ids.length; i++) {
    const next = (await (await fetch(`${hubUrl}/api/v1/reviews/next`, { method: 'POST', headers: { authorization: `Bearer ${reviewerToken}` } })).json()) as { episodeId: string };
    const res = await fetch(`${hubUrl}/api/v1/reviews/${next.episodeId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ taskDone: true, camerasClear: true, robotSafe: true, score: 5 }),
    });
    if (res.status !== 200) throw new Error(`review of ${next.episodeId} answered ${res.status}`);
  }
  for (const id of ids) {
    const v = await episode(hubUrl, reviewerToken, id);
    if (v.state !== 'accepted') throw new Error(`episode ${id} is ${v.state} after review`);
  }
  return ids;
}
