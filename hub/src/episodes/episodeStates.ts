// The states of an episode on the hub and the moves between them. The
// episodes store moves an episode only along these edges, and only from the
// state it was read in (one conditional update), so two parties racing (the
// operator's stop and the lease ending, a second manifest upload and the
// verification already running) cannot both win.
export const EPISODE_STATES = ['recording', 'uploading', 'verifying', 'checks', 'in_review', 'accepted', 'rejected', 'discarded', 'failed'] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];

/** Where each state may go. An edge back to the same state resumes work a restart interrupted. */
export const EPISODE_MOVES: Readonly<Record<EpisodeState, readonly EpisodeState[]>> = {
  // ended by the operator (uploading, discarded), by the lease or the robot going away or a hub restart (uploading),
  // or never started on the robot (failed); a manifest can arrive before the hub saw the end (verifying)
  recording: ['uploading', 'discarded', 'failed', 'verifying'],
  uploading: ['verifying'],
  verifying: ['verifying', 'checks', 'rejected'],
  checks: ['verifying', 'in_review', 'rejected', 'failed'],
  in_review: ['accepted', 'rejected'],
  // a recording that failed (it never started, or the robot crashed) still uploads what it has, to be verified and kept
  failed: ['verifying'],
  accepted: [],
  rejected: [],
  discarded: [],
};

/** States in which the robot may still upload files of the episode. */
export const UPLOADABLE_STATES: readonly EpisodeState[] = ['recording', 'uploading', 'failed'];

/** States whose work a hub restart interrupted and that the hub takes up again at start. */
export const RESUMABLE_STATES: readonly EpisodeState[] = ['verifying', 'checks'];

export function isEpisodeState(s: string): s is EpisodeState {
  return (EPISODE_STATES as readonly string[]).includes(s);
}

export function mayMove(from: EpisodeState, to: EpisodeState): boolean {
  return EPISODE_MOVES[from].includes(to);
}
