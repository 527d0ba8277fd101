// The dataset card: README.md at the top of the LeRobot tree, in the style of
// a Hugging Face dataset card (YAML header, then what a researcher needs:
// what is in it, how it was collected, its quality, how to load and verify it).
import type { Dataset, DatasetVersion, VersionSummary } from '../datasetRecords.ts';
import type { ProvenanceRow } from './provenance.ts';

const yamlString = (s: string): string => JSON.stringify(s);

export function datasetCard(o: {
  dataset: Dataset;
  version: DatasetVersion;
  summary: Omit<VersionSummary, 'files' | 'bytes'>;
  provenance: ProvenanceRow[];
  hubUrl: string;
  chainId: number;
}): string {
  const { dataset: d, version: v, summary: s } = o;
  const ref = `${d.name}@${v.version}`;
  const minutes = (s.totalFrames / s.fps / 60).toFixed(1);
  const withDrops = o.provenance.filter((p) => Object.values(p.cameras).some((c) => c.dropped_frames > 0));
  const worstSkew = Math.max(0, ...o.provenance.flatMap((p) => Object.values(p.cameras).map((c) => c.max_skew_to_reference_ms)));
  const worstStateOffset = Math.max(0, ...o.provenance.map((p) => p.state_max_offset_ms));
  const pct = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));
  const lines = [
    '---',
    `license: ${d.license.toLowerCase()}`,
    'task_categories:',
    '- robotics',
    'tags:',
    '- LeRobot',
    '- teleop-hub',
    '- teleoperation',
    `pretty_name: ${yamlString(d.title)}`,
    'configs:',
    '- config_name: default',
    '  data_files: data/*/*.parquet',
    '---',
    '',
    `# ${d.title}`,
    '',
    d.description || `Teleoperated demonstrations of ${s.robotType} collected with Teleop Hub.`,
    '',
    `Version ${v.version}${v.parent_version !== null ? ` (follows version ${v.parent_version})` : ''} of dataset \`${d.name}\`, built ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '## Contents',
    '',
    '| | |',
    '| --- | --- |',
    `| format | LeRobot codebase ${s.codebaseVersion} |`,
    `| robot | ${s.robotType} |`,
    `| episodes | ${s.totalEpisodes} |`,
    `| frames | ${s.totalFrames} at ${s.fps} fps (${minutes} min, ${s.hours.toFixed(3)} h) |`,
    `| tasks | ${s.totalTasks} |`,
    `| cameras | ${s.cameras.map((c) => `\`${c.key}\` ${c.width}x${c.height} ${c.codec}`).join(', ') || 'none'} |`,
    `| state / action | float32[${s.jointNames.length}]: ${s.jointNames.join(', ')} (${d.units === 'degrees' ? "joint positions in degrees from the middle of each calibrated range, gripper 0-100 over its range (LeRobot's SO-101 `use_degrees` convention)" : d.units === 'normalized' ? "joint positions -100..100 over each joint's range, gripper 0-100 (LeRobot's SO-101 default convention)" : 'joint positions in radians, as the robot reports them'}) |`,
    `| license | ${d.license} |`,
    '',
    'Tasks:',
    '',
    ...s.tasks.map((t, i) => `${i}. ${t}`),
    '',
    '## How it was collected',
    '',
    'Remote operators drove the robot from the Teleop Hub console (3D view from the URDF, live video, keyboard,',
    'gamepad or leader arm) under an exclusive control lease. The robot recorded each episode itself at full',
    'quality, independent of the network: joint state and the action its safety layer applied, sampled on a',
    `${s.fps} fps frame clock, into an MCAP file, and every camera frame into an MP4 at constant frame rate (key`,
    'frame every 2 frames). The robot signed a manifest of the files (EIP-712, its own key); the hub verified',
    'hashes and signature, ran automatic checks (duration, dropped frames, timestamps, idle, saturation, jerk,',
    'joint limits, duplicates) and sent each episode to peer reviewers. Only accepted episodes are here.',
    '',
    '## Timing and quality',
    '',
    'Row k of an episode is video frame k of every camera; it carries the state and action recorded nearest',
    "to that frame's capture time. `timestamp` is k / fps. Nothing is interpolated, duplicated or stamped at a",
    'time it was not captured:',
    '',
    `- frames cameras failed to deliver: ${s.droppedFrames.total} in ${s.droppedFrames.episodes} of ${s.totalEpisodes} episodes${withDrops.length ? ` (episodes ${withDrops.map((p) => p.episode_index).join(', ')}; see provenance/episodes.json)` : ''};`,
    `- largest capture-time difference between cameras for the same row: ${worstSkew.toFixed(1)} ms;`,
    `- largest distance between a row's frame and the state sample it carries: ${worstStateOffset.toFixed(1)} ms;`,
    `- quality score of the episodes (automatic checks and review, 0-1): min ${pct(s.quality.min)}, mean ${pct(s.quality.mean)}, max ${pct(s.quality.max)}.`,
    '',
    'Per episode (source episode id, robot, operator, teleoperation quality, frames per camera) in',
    '`provenance/episodes.json` of the full download; the original recordings (MCAP and MP4, for Foxglove or',
    'ROS tools) under `raw/`.',
    '',
    '## Load it',
    '',
    '```python',
    'from lerobot.datasets.lerobot_dataset import LeRobotDataset',
    `ds = LeRobotDataset("${d.name}", root="./${d.name}/lerobot")`,
    'frame = ds[0]  # observation.state, action, observation.images.*, task, ...',
    '```',
    '',
    '## Get and verify it',
    '',
    '```sh',
    `npx teleop-hub dataset pull ${ref} --hub ${o.hubUrl} --out ./${d.name}`,
    `npx teleop-hub dataset verify ./${d.name}`,
    '```',
    '',
    '`manifest.json` (beside this tree) lists every file of the version with its size and SHA-256 and a Merkle',
    'root over them: OpenZeppelin standard-tree leaves of (path, size, sha256) as (string, uint256, bytes32),',
    `the root the dataset registry records on chain ${o.chainId}. \`verify\` rechecks every file and the root.`,
    '',
  ];
  return lines.join('\n');
}
