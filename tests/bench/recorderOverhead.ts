// Recorder overhead: CPU of the robot agent and its ffmpeg children while
// recording three 640x480 30 fps cameras plus joint state at 50 Hz, against
// the same agent streaming live video without recording; the frames the
// recorder dropped (from the signed manifest the hub verified: every slot of
// the episode is a frame recorded or a frame counted as lost), and how
// punctual the agent's control loop was meanwhile (from the robot's status).
// Run it beside CPU hogs to see a busy machine:
//   node --import tsx tests/harness/besideCpuHog.ts -- npm run bench:recorder --workspace tests -- --seconds 60
// CPU is read from /proc (utime+stime of the agent and every descendant),
// as a percentage of one core. Prints JSON.
// Usage: npm run bench:recorder --workspace tests [-- --seconds 300 --baseline 30]
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir } from '../harness/processes.ts';
import { episode, startEpisode, stopEpisode, wiggle } from '../harness/episodes.ts';
import { sampleLoad } from './stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '300' }, baseline: { type: 'string', default: '30' }, codec: { type: 'string', default: 'h264' } } });
const SECONDS = Number(values.seconds);
const BASELINE = Number(values.baseline);
const TICKS = 100; // USER_HZ on Linux
const CAMERAS = ['front', 'wrist', 'side'].map((name) => `name=${name},source=test,size=640x480,fps=30,codec=vp8,bitrate=1500`);

/** utime+stime ticks of pid and all its descendants, by pid (from /proc). */
function treeTicks(root: number): Map<number, number> {
  const byParent = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  }
  const out = new Map<number, number>();
  const walk = (pid: number): void => {
    out.set(pid, ticks.get(pid) ?? 0);
    for (const child of byParent.get(pid) ?? []) walk(child);
  };
  walk(root);
  return out;
}

/** Samples the tree every second for `seconds`; returns mean CPU % of one core (agent alone, whole tree). */
async function measureCpu(root: number, seconds: number): Promise<{ agentPct: number; treePct: number; processes: number }> {
  let last = treeTicks(root);
  let agent = 0;
  let tree = 0;
  let processes = last.size;
  const t0 = performance.now();
  for (let i = 0; i < seconds; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = treeTicks(root);
    for (const [pid, t] of now) {
      const d = t - (last.get(pid) ?? 0); // a new process counts from zero
      tree += d;
      if (pid === root) agent += d;
    }
    processes = Math.max(processes, now.size);
    last = now;
  }
  const wall = (performance.now() - t0) / 1000;
  return { agentPct: Number(((agent / TICKS / wall) * 100).toFixed(1)), treePct: Number(((tree / TICKS / wall) * 100).toFixed(1)), processes };
}

const load = sampleLoad();
const data = tempDir('bench-recorder');
const creds = await enrollRobot(data.path, 'recorder arm');
const hub = await startHub(data.path, ['--log-level', 'warn', '--ice-host-addresses', '127.0.0.1']);
const agentArgs = ['--log-level', 'warn', '--ice-host-addresses', '127.0.0.1', '--state-rate', '50', '--record-codec', values.codec!, ...CAMERAS.flatMap((c) => ['--camera', c])];
const agent = await startAgent(hub.url, creds, agentArgs, false);
const op = await OperatorClient.connect(hub.url, 'bench');
let stopWiggle = (): void => undefined;
try {
  await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
  await op.subscribe(creds.robotId);
  await op.requestLease(creds.robotId);
  stopWiggle = wiggle(op, creds.robotId);
  await new Promise((r) => setTimeout(r, 3000)); // cameras and encoders settle
  const idle = await measureCpu(agent.child.pid!, BASELINE);

  const episodeId = await startEpisode(op, creds.robotId, 'recorder overhead');
  await new Promise((r) => setTimeout(r, 1000)); // recorders start
  const recording = await measureCpu(agent.child.pid!, SECONDS - 1);
  // What the robot itself said during the episode: its control loop's punctuality and each camera's live counts.
  const robot = (await (await fetch(`${hub.url}/api/v1/robots/${creds.robotId}`)).json()) as {
    status: { control: Record<string, number | string>; cameras: { name: string; recordingFrames: string; recordingDroppedFrames: string }[] };
  };
  stopWiggle();
  await stopEpisode(op, creds.robotId, 'success');
  const done = await eventually(
    async () => {
      const view = await episode(hub.url, op.token, episodeId);
      return view.manifest ? view : undefined;
    },
    600_000, // a hang backstop: a 5-minute episode of three cameras is hashed, uploaded and probed frame by frame
    'the episode uploaded and verified',
  );
  const manifest = done.manifest!.manifest as unknown as {
    startNs: string;
    endNs: string;
    channels: Record<string, number>;
    cameras: { name: string; frames: number; droppedFrames: number }[];
  };
  const durationS = Number(BigInt(manifest.endNs) - BigInt(manifest.startNs)) / 1e9;
  console.log(
    JSON.stringify(
      {
        benchmark: 'recorder_overhead',
        cameras: '3 x 640x480 @ 30 fps (test source), live vp8 1.5 Mbit/s each plus recording',
        recordCodec: values.codec,
        statePublishedHz: 50,
        stateRecordedHz: Number(((manifest.channels['/observation/state'] ?? 0) / durationS).toFixed(2)), // sampled on the dataset frame clock
        episodeSeconds: Number(durationS.toFixed(1)),
        cpuPercentOfOneCore: {
          liveOnly: idle,
          recording,
          recorderCost: { agent: Number((recording.agentPct - idle.agentPct).toFixed(1)), tree: Number((recording.treePct - idle.treePct).toFixed(1)) },
        },
        cameras_: manifest.cameras.map((c) => ({
          name: c.name,
          frames: c.frames,
          dropped: c.droppedFrames,
          droppedPercent: Number(((100 * c.droppedFrames) / Math.max(1, c.frames + c.droppedFrames)).toFixed(2)),
          slotsOfEpisode: Math.round(durationS * 30),
        })),
        liveStatusNearTheEnd: robot.status.cameras.map((c) => ({ name: c.name, recorded: Number(c.recordingFrames), dropped: Number(c.recordingDroppedFrames) })),
        controlLoop: { rateHz: 100, ...robot.status.control },
        // Where lost frames went, as each camera thread said at the end of the episode.
        lossCauses: agent.logs.filter((l) => 'neverCame' in l).map((l) => ({ camera: l.camera, neverCame: l.neverCame, encoderBacklogFull: l.encoderBacklogFull })),
        channels: manifest.channels,
        episodeState: done.state,
        target: { droppedPercent: 1 },
        machine: load.stop(),
      },
      null,
      2,
    ).replace('"cameras_"', '"recorded"'),
  );
} finally {
  stopWiggle();
  op.close();
  await agent.stop();
  await hub.process.stop();
  data.remove();
}
process.exit(0);
