// Synced replay of a recorded episode: a camera's MP4 plays, and the 3D robot
// shows the recorded state at the capture time of the frame on screen (each
// MP4 frame's capture time comes from the recording, so drops never skew it).
import { useEffect, useRef, useState } from 'react';
import type { httpApi } from '@teleop/proto';
import { RobotScene } from '../console/RobotScene.ts';
import { useHubData } from '../hub/useHubData.ts';

export function EpisodeReplay({ episodeId, robotId, camera, fps }: { episodeId: string; robotId: string; camera: string | null; fps: number }) {
  const video = useRef<HTMLVideoElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const { data: traj, error: trajectoryError } = useHubData<httpApi.Trajectory>(`/api/v1/episodes/${episodeId}/trajectory`);
  const [sceneError, setSceneError] = useState<string | null>(null);
  const error = trajectoryError?.message ?? sceneError;

  useEffect(() => {
    if (!host.current || !traj) return;
    let scene: RobotScene | null = null;
    let raf = 0;
    let cancelled = false;
    (async () => {
      const urdf = await (await fetch(`/api/v1/robots/${robotId}/urdf`)).text();
      if (cancelled || !host.current) return;
      scene = new RobotScene(host.current, { joints: traj.jointNames, ikJoints: [], tipLink: 'tcp_link' });
      scene.loadUrdf(urdf);
      scene.setTargetEnabled(false);
      scene.setCommanded(null);
      const times = camera ? (traj.frames[camera] ?? []) : [];
      const poseAt = (t: number): number[] => {
        // The last state at or before t (binary search).
        let lo = 0;
        let hi = traj.states.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (traj.states[mid]![0]! <= t) lo = mid;
          else hi = mid - 1;
        }
        return traj.states[lo]?.slice(1) ?? [];
      };
      let shown = -1;
      const tick = (): void => {
        const v = video.current;
        // The frame on screen -> its capture time -> the state then.
        const frame = v ? Math.min(times.length - 1, Math.floor(v.currentTime * fps + 1e-3)) : -1;
        if (frame !== shown && frame >= 0) {
          shown = frame;
          scene?.setPose(poseAt(times[frame]!));
        } else if (times.length === 0 && traj.states.length > 0 && shown < 0) {
          shown = 0;
          scene?.setPose(traj.states[0]!.slice(1));
        }
        raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    })().catch((err: Error) => setSceneError(err.message));
    return () => {
      cancelled = true;
      cancelAnimationFrame(raf);
      scene?.dispose();
    };
  }, [traj, robotId, camera, fps]);

  return (
    <div className="replay">
      {camera ? <video ref={video} controls src={`/api/v1/episodes/${episodeId}/files/${camera}.mp4`} aria-label={`${camera} recording`} data-testid="replay-video" /> : <p className="empty">No camera recorded.</p>}
      <div className="scene-box" ref={host} data-testid="replay-scene">
        {error && (
          <div className="scene-error" role="alert">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}
