// React wrapper of RobotScene: builds it once the description is known, feeds
// it states and the commanded pose, and shows URDF problems in the pane.
import { useEffect, useRef, useState } from 'react';
import { describedJoints, type v1 } from '@teleop/proto';
import { RobotScene, UrdfLoadError } from './RobotScene.ts';
import type { Teleop } from './useTeleop.ts';

declare global {
  interface Window {
    /** The console's 3D scene, for end-to-end tests and the frame-rate benchmark. */
    __teleopScene?: RobotScene;
  }
}

export function SceneView({ description, teleop, driving }: { description: v1.RobotDescription; teleop: Teleop; driving: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const scene = useRef<RobotScene | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const teleopRef = useRef(teleop);
  teleopRef.current = teleop;

  useEffect(() => {
    if (!host.current) return;
    const names = describedJoints(description).map((j) => j.name);
    const s = new RobotScene(host.current, {
      joints: names,
      ikJoints: names.filter((n) => n !== description.gripperJoint),
      tipLink: 'tcp_link',
      onMeshError: (message) => setWarning(message),
      onIkTarget: (targets) => {
        const t = teleopRef.current.target;
        if (t) teleopRef.current.setTarget(names.map((n, i) => targets.get(n) ?? t[i] ?? 0));
      },
    });
    scene.current = s;
    window.__teleopScene = s;
    setError(null);
    setWarning(null);
    const load = async (): Promise<void> => {
      let urdf = description.urdf;
      if (!urdf && description.urdfUrl) urdf = await (await fetch(description.urdfUrl)).text();
      if (!urdf) throw new UrdfLoadError('the robot announced no URDF');
      s.loadUrdf(urdf);
    };
    load().catch((err: Error) => setError(err instanceof UrdfLoadError ? err.message : `the robot model could not be loaded: ${err.message}`));
    const off = teleop.onState((capture, arrived, positions) => s.pushMeasured(capture, arrived, positions));
    return () => {
      off();
      s.dispose();
      if (window.__teleopScene === s) delete window.__teleopScene;
      scene.current = null;
    };
    // Rebuild only for another robot description.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [description]);

  useEffect(() => {
    scene.current?.setCommanded(driving ? teleop.target : null);
  }, [driving, teleop.target]);

  useEffect(() => {
    scene.current?.setTargetEnabled(driving);
    if (driving && teleop.target) scene.current?.placeTargetAt(teleop.target);
    // Place the target once when driving starts, not on every target change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [driving]);

  return (
    <div className="scene" ref={host} data-testid="scene">
      {error && (
        <div className="scene-error" role="alert">
          {error}
        </div>
      )}
      {warning && (
        <div className="scene-warning" role="alert">
          {warning}
        </div>
      )}
    </div>
  );
}
