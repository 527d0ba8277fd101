// `robot-agent calibrate | cameras | emulate-bus`: the robot owner's tools
// around the agent. Calibration is interactive on the terminal (Enter moves
// on), in LeRobot's two steps: the middle pose sets the homing offsets, then
// a sweep of every joint records its range.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { feetech } from '@teleop/proto';
import { findFfmpeg } from './cameras/ffmpeg.ts';
import { SerialTransport } from './drivers/feetech/SerialTransport.ts';
import { startEmulatedBusPty } from './drivers/feetech/emulatedBusPty.ts';


export class ToolError extends Error {
  override name = 'ToolError';
}

/** Lines from standard input, one at a time. */
function lineReader(): { next: (prompt: string) => Promise<string>; close: () => void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => (waiting.length ? waiting.shift()!(l) : lines.push(l)));
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w('');
  });
  return {
    next: (prompt) => {
      process.stdout.write(`${prompt}\n`);
      if (lines.length) return Promise.resolve(lines.shift()!);
      if (ended) return Promise.reject(new ToolError('standard input closed before calibration finished'));
      return new Promise((r) => waiting.push(r));
    },
    close: () => rl.close(),
  };
}

export async function calibrateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { driver: { type: 'string', default: 'so101' }, port: { type: 'string' }, calibration: { type: 'string' }, 'state-dir': { type: 'string' }, baud: { type: 'string', default: '1000000' } } });
  if (values.driver !== 'so101') throw new ToolError(`calibrate supports --driver so101, got "${values.driver}"`);
  if (!values.port) throw new ToolError('calibrate needs --port, e.g. /dev/ttyACM0');
  const file = resolve(values.calibration ?? join(values['state-dir'] ?? '.', 'so101-calibration.json'));
  const transport = await SerialTransport.open(values.port, Number(values.baud));
  // Patient: a late answer is never taken for a retry's (it is discarded), so the wait must cover a busy machine.
  const bus = new feetech.FeetechBus(transport, { timeoutMs: 300, retries: 2 });
  const input = lineReader();
  try {
    const missing: string[] = [];
    for (const id of feetech.SO101_IDS) if ((await bus.ping(id)) === null) missing.push(`${feetech.SO101_JOINTS[id - 1]} (id ${id})`);
    if (missing.length) throw new ToolError(`servos not answering on ${values.port}: ${missing.join(', ')}; check power and cabling (ids must be 1-6 as LeRobot sets them)`);
    await feetech.prepareCalibration(bus);
    await input.next('Move the arm to the middle of its range (every joint halfway, gripper half open) and press Enter.');
    const middle = await feetech.setMiddlePose(bus);
    const min: Record<string, number> = {};
    const max: Record<string, number> = {};
    let sweeping = true;
    const sweep = (async () => {
      // What the sweep has seen so far (min/position/max of each joint, as LeRobot's table shows it), at most 5 lines a second.
      let shownAt = 0;
      let shown = '';
      while (sweeping) {
        const now = await feetech.readPositions(bus);
        for (const [j, v] of Object.entries(now)) {
          min[j] = Math.min(min[j] ?? v, v);
          max[j] = Math.max(max[j] ?? v, v);
        }
        const line = `sweep ${Object.keys(now).map((j) => `${j}=${min[j]}/${now[j]}/${max[j]}`).join(' ')}`;
        if (line !== shown && performance.now() - shownAt >= 200) {
          console.log(line);
          shown = line;
          shownAt = performance.now();
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // A servo lost during the sweep surfaces when the sweep is awaited, not as an unhandled rejection.
    sweep.catch(() => undefined);
    await input.next('Move every joint but wrist_roll through its whole range, slowly, then press Enter.');
    sweeping = false;
    await sweep;
    const calibration = feetech.finishCalibration(middle, min, max);
    await feetech.writeLimits(bus, calibration);
    for (const [joint, c] of Object.entries(calibration)) {
      console.log(`${joint.padEnd(14)} id ${c.id}  homing offset ${String(c.homing_offset).padStart(5)}  range ${c.range_min}..${c.range_max}`);
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(calibration, null, 4)}\n`);
    console.log(`calibration written to ${file}`);
    return 0;
  } finally {
    input.close();
    await transport.close();
  }
}

export interface V4l2Device {
  device: string;
  name: string;
  formats: { format: string; sizes: string[] }[];
}

/** V4L2 capture devices with the formats and sizes ffmpeg reports for them. */
export function listCameras(devDir = '/dev', sysDir = '/sys/class/video4linux'): V4l2Device[] {
  const nodes = existsSync(devDir) ? readdirSync(devDir).filter((n) => /^video\d+$/.test(n)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5))) : [];
  return nodes.map((n) => {
    const device = join(devDir, n);
    let name = n;
    try {
      name = readFileSync(join(sysDir, n, 'name'), 'utf8').trim();
    } catch {
      // no sysfs entry
    }
    let formats: V4l2Device['formats'] = [];
    try {
      execFileSync(findFfmpeg(), ['-hide_banner', '-f', 'v4l2', '-list_formats', 'all', '-i', device], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      // ffmpeg exits non-zero after listing; the list is on stderr.
      const text = String((err as { stderr?: string }).stderr ?? '');
      formats = [...text.matchAll(/(?:Raw|Compressed)\s*:\s*(\S+)\s*:[^:]*:\s*(.*)$/gm)].map((m) => ({ format: m[1]!, sizes: m[2]!.trim().split(/\s+/) }));
    }
    return { device, name, formats };
  });
}

export function camerasCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const cams = listCameras();
  if (values.json) console.log(JSON.stringify(cams));
  else if (cams.length === 0) console.log('no V4L2 cameras found (/dev/video*)');
  else {
    for (const c of cams) {
      console.log(`${c.device}  ${c.name}`);
      for (const f of c.formats) console.log(`    ${f.format.padEnd(8)} ${f.sizes.join(' ')}`);
      if (c.formats.length === 0) console.log('    (no capture formats: a metadata node, or the device is busy)');
    }
    console.log(`\nuse one with: --camera name=front,source=v4l2,device=${cams[0]!.device},size=640x480,fps=30,codec=h264,format=mjpeg`);
  }
  return 0;
}

/** Runs an emulated SO-101 bus on a pseudo-terminal until interrupted (try the so101 driver without an arm). */
export async function emulateBusCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { link: { type: 'string' } } });
  const rig = await startEmulatedBusPty({ noiseSteps: 1 });
  let link: string | null = null;
  if (values.link) {
    link = resolve(values.link);
    if (existsSync(link)) unlinkSync(link);
    symlinkSync(rig.path, link);
  }
  console.log(`emulated SO-101 bus (six STS3215, ids 1-6) at ${link ?? rig.path}`);
  await new Promise<void>((done) => {
    const stop = (): void => void rig.close().then(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (link && existsSync(link)) unlinkSync(link);
  return 0;
}
