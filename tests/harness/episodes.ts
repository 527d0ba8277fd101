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
  return new Promise((resolve, reject) =>
    op.socket.emit('episode:start', { robotId, task }, (res) => (res.ok ? resolve(res.value.episodeId) : reject(new Error(`${res.error.code}: ${res.error.message}`)))),
  );
}

export async function stopEpisode(op: OperatorClient, robotId: string, outcome: 'success' | 'failure' | 'discard'): Promise<string> {
  return new Promise((resolve, reject) =>
    op.socket.emit('episode:stop', { robotId, outcome }, (res) => (res.ok ? resolve(res.value.episodeId) : reject(new Error(`${res.error.code}: ${res.error.message}`)))),
  );
}

/** Drives the arm back and forth so the episode is not idle. */
export function wiggle(op: OperatorClient, robotId: string): () => void {
  let t = 0;
  return op.stream(robotId, () => {
    t += 0.02;
    return [0.6 * Math.sin(t * 3), 0.3 * Math.sin(t * 2), 0.4, 0, 0, 0.5];
  }, 50);
}

