// provenance/episodes.json: where every dataset episode came from (source
// episode, robot and its signing key, operator, task, outcome, quality), its
// frames per camera (recorded, dropped, exported) and the worst time
// differences its rows carry, with the units and joint limits of its vectors.
import type { AcceptedEpisode } from '../../store/DatasetStore.ts';
import type { DatasetUnits } from '../datasetRecords.ts';
import type { DataFiles } from './dataFiles.ts';
import type { Sources } from './sources.ts';

export interface ProvenanceRow {
  episode_index: number;
  episode_id: string;
  robot_id: string;
  robot_signer: string;
  operator: string;
  task: string;
  outcome: string | null;
  quality_score: number | null;
  started_at: string;
  length: number;
  cameras: Record<string, { recorded_frames: number; dropped_frames: number; exported_frames: number; max_skew_to_reference_ms: number }>;
  state_max_offset_ms: number;
  action_max_offset_ms: number;
  teleop_quality: AcceptedEpisode['quality'];
  units: DatasetUnits;
  joint_limits: { name: string; min: number; max: number }[] | null;
}

export function provenanceRows(ctx: Sources & DataFiles & { units: DatasetUnits }): ProvenanceRow[] {
  return ctx.sources.map((s, e) => {
    const rows = ctx.episodeData[e]!.rows;
    return {
      episode_index: e,
      episode_id: s.id,
      robot_id: s.robotId,
      robot_signer: s.signed.signer,
      operator: s.operator,
      task: s.task,
      outcome: s.outcome,
      quality_score: s.score,
      started_at: s.startedAt,
      length: rows.length,
      cameras: Object.fromEntries(
        s.manifest.cameras.map((c) => [
          c.name,
          { recorded_frames: c.frames, dropped_frames: c.droppedFrames, exported_frames: rows.length, max_skew_to_reference_ms: rows.cameraSkewMs[c.name] ?? 0 },
        ]),
      ),
      state_max_offset_ms: Number(rows.stateOffsetMs.toFixed(3)),
      action_max_offset_ms: Number(rows.actionOffsetMs.toFixed(3)),
      teleop_quality: s.quality,
      // What observation.state and action are in, and the joint limits (radians) any conversion used.
      units: ctx.units,
      joint_limits: s.manifest.jointLimits ?? null,
    };
  });
}
