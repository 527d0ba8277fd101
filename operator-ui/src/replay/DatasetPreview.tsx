// Preview of one episode read from a built dataset itself, as a training
// loader would: its row range from meta/episodes, its rows from the data
// parquet (over HTTP range requests, with hyparquet), each camera's video
// file sought to the episode's from_timestamp; the 3D robot shows row k's
// observation.state while video frame k is on screen.
import { useEffect, useRef, useState } from 'react';
import { asyncBufferFromUrl, parquetReadObjects } from 'hyparquet';
import { RobotScene } from '../console/RobotScene.ts';
import { useHubData } from '../hub/useHubData.ts';

// Files of the dataset as the preview reads them (LeRobot's formats and the
// hub's provenance), not answers of the hub's API.

/** meta/info.json, the parts the preview needs. */
interface Info {
  fps: number;
  features: Record<string, { dtype: string; names: string[] | null }>;
}

/** One entry of provenance/episodes.json, by episode_index. */
interface ProvenanceEpisode {
  robot_id: string;
  units?: string;
  joint_limits?: { name: string; min: number; max: number }[] | null;
}

interface EpisodeMeta {
  episode_index: bigint;
  length: bigint;
  'data/chunk_index': bigint;
  'data/file_index': bigint;
  dataset_from_index: bigint;
  [k: string]: unknown;
}

const pad = (n: bigint | number): string => String(n).padStart(3, '0');

/** Inverse of the export's unit conversion (hub/src/datasets/exportVersion.ts unitConverter). */
function radiansFrom(units: string, joints: string[], limits: { name: string; min: number; max: number }[] | null): (v: number[]) => number[] {
  if (units === 'radians') return (v) => v;
  const lim = joints.map((j) => limits?.find((l) => l.name === j) ?? { name: j, min: -Math.PI, max: Math.PI });
  return (v) =>
    v.map((x, i) => {
      const l = lim[i]!;
      if (joints[i] === 'gripper') return l.min + (x / 100) * (l.max - l.min);
      return units === 'degrees' ? (x * Math.PI) / 180 : l.min + ((x + 100) / 200) * (l.max - l.min);
    });
}

export function DatasetPreview({ base, episodeIndex }: { base: string; episodeIndex: number }) {
  const host = useRef<HTMLDivElement>(null);
  const videos = useRef<Map<string, HTMLVideoElement>>(new Map());
  const [cams, setCams] = useState<{ key: string; url: string; from: number; to: number }[]>([]);
  const [status, setStatus] = useState('Loading the episode from the dataset…');
  const files = `${base}/files`;
  const { data: info, error: infoError } = useHubData<Info>(`${files}/lerobot/meta/info.json`);
  const { data: provenance, error: provenanceError } = useHubData<ProvenanceEpisode[]>(`${files}/provenance/episodes.json`);
  const [readError, setReadError] = useState<string | null>(null);
  const error = infoError?.message ?? provenanceError?.message ?? readError;

  useEffect(() => {
    if (!info || !provenance) return;
    let scene: RobotScene | null = null;
    let raf = 0;
    let cancelled = false;
    (async () => {
      const metaFile = await asyncBufferFromUrl({ url: `${files}/lerobot/meta/episodes/chunk-000/file-000.parquet` });
      const episodes = (await parquetReadObjects({ file: metaFile })) as EpisodeMeta[];
      const ep = episodes.find((e) => Number(e.episode_index) === episodeIndex);
      if (!ep) throw new Error(`episode ${episodeIndex} is not in the dataset`);
      // Rows of this episode inside its data file: episodes in one file are contiguous.
      const sameFile = episodes.filter((e) => e['data/chunk_index'] === ep['data/chunk_index'] && e['data/file_index'] === ep['data/file_index']);
      const fileStart = Math.min(...sameFile.map((e) => Number(e.dataset_from_index)));
      const rowStart = Number(ep.dataset_from_index) - fileStart;
      const dataFile = await asyncBufferFromUrl({ url: `${files}/lerobot/data/chunk-${pad(ep['data/chunk_index'])}/file-${pad(ep['data/file_index'])}.parquet` });
      const rows = (await parquetReadObjects({ file: dataFile, rowStart, rowEnd: rowStart + Number(ep.length), columns: ['observation.state', 'frame_index'] })) as { 'observation.state': number[]; frame_index: bigint }[];
      const keys = Object.entries(info.features).filter(([, f]) => f.dtype === 'video').map(([k]) => k);
      const cameras = keys.map((key) => ({
        key,
        url: `${files}/lerobot/videos/${key}/chunk-${pad(ep[`videos/${key}/chunk_index`] as bigint)}/file-${pad(ep[`videos/${key}/file_index`] as bigint)}.mp4`,
        from: Number(ep[`videos/${key}/from_timestamp`]),
        to: Number(ep[`videos/${key}/to_timestamp`]),
      }));
      const robotId = provenance[episodeIndex]?.robot_id;
      const joints = (info.features['observation.state']?.names ?? []).map((n) => n.replace(/\.pos$/, ''));
      // Back to radians for the 3D view when the dataset is in LeRobot's degrees or normalised units.
      const toRadians = radiansFrom(provenance[episodeIndex]?.units ?? 'radians', joints, provenance[episodeIndex]?.joint_limits ?? null);
      if (cancelled || !host.current) return;
      setCams(cameras);
      setStatus(`${rows.length} rows · ${cameras.length} camera${cameras.length === 1 ? '' : 's'} · read from the dataset's parquet and video files`);
      scene = new RobotScene(host.current, { joints, ikJoints: [], tipLink: 'tcp_link' });
      if (robotId) scene.loadUrdf(await (await fetch(`/api/v1/robots/${robotId}/urdf`)).text());
      scene.setTargetEnabled(false);
      scene.setCommanded(null);
      scene.setPose(toRadians(rows[0]?.['observation.state'] ?? []));
      let shown = -1;
      const tick = (): void => {
        const main = cameras[0] ? videos.current.get(cameras[0].key) : undefined;
        if (main && cameras[0]) {
          const c = cameras[0];
          // Stay inside this episode's part of the shared file.
          if (main.currentTime < c.from - 1e-3 || main.currentTime >= c.to - 0.5 / info.fps) {
            main.currentTime = c.from;
            if (main.currentTime >= c.to - 0.5 / info.fps) main.pause();
          }
          const k = Math.max(0, Math.min(rows.length - 1, Math.floor((main.currentTime - c.from) * info.fps + 1e-3)));
          if (k !== shown) {
            shown = k;
            scene?.setPose(toRadians(rows[k]!['observation.state']));
            for (const other of cameras.slice(1)) {
              const v = videos.current.get(other.key);
              if (v && Math.abs(v.currentTime - (other.from + k / info.fps)) > 1.5 / info.fps) v.currentTime = other.from + k / info.fps;
            }
          }
        }
        raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    })().catch((err: Error) => setReadError(err.message));
    return () => {
      cancelled = true;
      cancelAnimationFrame(raf);
      scene?.dispose();
    };
  }, [files, info, provenance, episodeIndex]);

  return (
    <div className="dataset-preview">
      <p className="meta" role="status" data-testid="preview-status">
        {status}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="replay">
        <div className="preview-videos">
          {cams.map((c, i) => (
            <video
              key={c.key}
              ref={(el) => {
                if (el) videos.current.set(c.key, el);
                else videos.current.delete(c.key);
              }}
              src={`${c.url}#t=${c.from}`}
              controls={i === 0}
              muted
              playsInline
              preload="auto"
              aria-label={c.key}
              onLoadedMetadata={(e) => (e.currentTarget.currentTime = c.from)}
            />
          ))}
        </div>
        <div className="scene-box" ref={host} data-testid="preview-scene" />
      </div>
    </div>
  );
}
