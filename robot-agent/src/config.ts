// The agent's one typed configuration, from flags and environment, checked
// at start with a message per bad value.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { isValidRobotId, LIVE_CODECS, type LiveCodec } from '@teleop/proto';

export interface CameraConfig {
  name: string;
  source: 'sim' | 'test' | 'v4l2';
  width: number;
  height: number;
  fps: number;
  codec: LiveCodec;
  bitrateKbps: number;
  /** Key frame every this many frames (default: two per second). */
  keyframeInterval: number;
  /** v4l2 only. */
  device?: string;
  inputFormat?: 'mjpeg' | 'yuyv422';
}

export interface AgentConfig {
  /** Hub base URL; the agent asks it where the broker is. */
  hubUrl: string | undefined;
  /** Broker URL overriding discovery. */
  mqttUrl: string | undefined;
  robotId: string;
  secret: string;
  driver: 'sim' | 'so101';
  /** so101: serial device of the arm's servo bus. */
  port: string | undefined;
  /** so101: calibration JSON (LeRobot's shape). */
  calibrationFile: string;
  controlRateHz: number;
  stateRateHz: number;
  holdTimeoutMs: number;
  maxCommandAgeMs: number;
  cameras: CameraConfig[];
  /** Only these host addresses are offered as ICE candidates; empty = every interface. */
  iceHostAddresses: string[];
  stunUrls: string[];
  turn: { url: string; username: string; credential: string } | undefined;
  /** Stop when the supervising process is gone: its end of our stdin closed, or it is no longer our parent. */
  exitWithParent: 'stdin' | 'parent' | undefined;
  /** Where the robot keeps its signing key and its spool of episodes. */
  stateDir: string;
  recordCodec: 'h264' | 'av1';
  /** Episode upload bandwidth limit, bytes/s (0 = none). */
  uploadBandwidth: number;
  /** Chain id manifests are signed for, unless the hub says otherwise. */
  chainId: number;
  logLevel: string;
}

export class AgentConfigError extends Error {
  override name = 'AgentConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid robot-agent configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Every option: flag name, environment variable, default, description (README's table is generated from the same words). */
export const AGENT_OPTIONS = {
  hub: { env: 'TELEOP_HUB_URL', default: undefined, help: 'hub base URL, e.g. http://127.0.0.1:8080 (the broker address is discovered from it)' },
  'mqtt-url': { env: 'TELEOP_MQTT_URL', default: undefined, help: 'broker URL (mqtt://, ws://), overrides discovery' },
  'robot-id': { env: 'TELEOP_ROBOT_ID', default: undefined, help: 'robot id printed by `teleop-hub robots enroll`' },
  secret: { env: 'TELEOP_ROBOT_SECRET', default: undefined, help: 'robot secret printed once by `teleop-hub robots enroll`' },
  driver: { env: 'TELEOP_DRIVER', default: 'sim', help: 'robot driver: sim (simulated arm) or so101 (SO-100/SO-101 follower on a Feetech bus)' },
  port: { env: 'TELEOP_PORT', default: undefined, help: 'so101: serial device of the servo bus, e.g. /dev/ttyACM0' },
  calibration: { env: 'TELEOP_CALIBRATION', default: undefined, help: 'so101: calibration file (default <state-dir>/so101-calibration.json; `robot-agent calibrate` writes it)' },
  'control-rate': { env: 'TELEOP_CONTROL_RATE_HZ', default: '100', help: 'internal control loop rate, Hz (20-1000)' },
  'state-rate': { env: 'TELEOP_STATE_RATE_HZ', default: '50', help: 'JointState publication rate, Hz (1-500)' },
  'hold-timeout-ms': { env: 'TELEOP_HOLD_TIMEOUT_MS', default: '150', help: 'hold the pose when no command arrived for this long under a lease (20-180, so the hold lands within 200 ms)' },
  'max-command-age-ms': { env: 'TELEOP_MAX_COMMAND_AGE_MS', default: '250', help: 'drop commands older than this (10-5000)' },
  camera: {
    env: 'TELEOP_CAMERAS',
    default: undefined,
    help: 'a camera, repeatable: name=front,source=sim|test|v4l2,size=640x480,fps=30,codec=vp8|h264[,bitrate=1500][,keyint=FRAMES (default fps/2)][,device=/dev/video0][,format=mjpeg|yuyv422] (env: ";"-separated)',
  },
  'ice-host-addresses': { env: 'TELEOP_ICE_HOST_ADDRESSES', default: undefined, help: 'comma-separated host addresses offered as ICE candidates (default: every interface)' },
  'stun-urls': { env: 'TELEOP_STUN_URLS', default: undefined, help: 'comma-separated STUN servers, e.g. stun:stun.example.org:3478 (default: none)' },
  'turn-url': { env: 'TELEOP_TURN_URL', default: undefined, help: 'TURN server, e.g. turn:turn.example.org:3478' },
  'turn-username': { env: 'TELEOP_TURN_USERNAME', default: undefined, help: 'TURN username' },
  'turn-credential': { env: 'TELEOP_TURN_CREDENTIAL', default: undefined, help: 'TURN credential' },
  'state-dir': { env: 'TELEOP_STATE_DIR', default: undefined, help: 'directory for the signing key, the highest fencing token seen and the episode spool (default ./robot-data/<robot id>)' },
  'record-codec': { env: 'TELEOP_RECORD_CODEC', default: 'h264', help: 'codec of recorded episode videos: h264 or av1 (libsvtav1)' },
  'upload-bandwidth': { env: 'TELEOP_UPLOAD_BANDWIDTH', default: '0', help: 'episode upload limit in bytes per second (0 = no limit)' },
  'chain-id': { env: 'TELEOP_CHAIN_ID', default: '31337', help: 'chain id manifests are signed for when the hub does not say' },
  'exit-with-parent': { env: 'TELEOP_EXIT_WITH_PARENT', default: undefined, help: '"stdin": stop when standard input closes (a supervising parent died); "parent": stop when the process that started the agent is gone' },
  'log-level': { env: 'TELEOP_LOG_LEVEL', default: 'info', help: 'trace, debug, info, warn, error' },
} as const;

/** Parses one --camera spec; pushes a message per problem. */
export function parseCameraSpec(spec: string, problems: string[]): CameraConfig | undefined {
  const fields = new Map(
    spec
      .split(',')
      .map((kv) => kv.trim())
      .filter(Boolean)
      .map((kv) => {
        const eq = kv.indexOf('=');
        return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
      }) as [string, string][],
  );
  const known = new Set(['name', 'source', 'size', 'fps', 'codec', 'bitrate', 'keyint', 'device', 'format']);
  const before = problems.length;
  for (const k of fields.keys()) if (!known.has(k)) problems.push(`--camera "${spec}": unknown field "${k}"`);
  const name = fields.get('name') ?? '';
  if (!/^[a-z][a-z0-9_]{0,31}$/.test(name)) problems.push(`--camera "${spec}": name must be lowercase letters, digits and _ (e.g. front)`);
  const source = fields.get('source') ?? '';
  if (!['sim', 'test', 'v4l2'].includes(source)) problems.push(`--camera "${spec}": source must be sim, test or v4l2`);
  const size = /^(\d+)x(\d+)$/.exec(fields.get('size') ?? '640x480');
  const width = Number(size?.[1]);
  const height = Number(size?.[2]);
  if (!size || width < 16 || height < 16 || width > 4096 || height > 4096 || width % 2 || height % 2) {
    problems.push(`--camera "${spec}": size must be WIDTHxHEIGHT, even numbers from 16 to 4096`);
  }
  const fps = Number(fields.get('fps') ?? '30');
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) problems.push(`--camera "${spec}": fps must be an integer from 1 to 120`);
  const codec = (fields.get('codec') ?? 'vp8') as LiveCodec;
  if (!LIVE_CODECS.includes(codec)) problems.push(`--camera "${spec}": codec must be ${LIVE_CODECS.join(' or ')}`);
  const bitrateKbps = Number(fields.get('bitrate') ?? '1500');
  if (!Number.isInteger(bitrateKbps) || bitrateKbps < 100 || bitrateKbps > 50_000) problems.push(`--camera "${spec}": bitrate must be kbit/s from 100 to 50000`);
  // Default: a key frame every half second, so a new viewer sees a picture well within a second.
  const keyframeInterval = Number(fields.get('keyint') ?? String(Math.max(1, Math.ceil(fps / 2))));
  if (!Number.isInteger(keyframeInterval) || keyframeInterval < 1 || keyframeInterval > 600) problems.push(`--camera "${spec}": keyint must be 1 to 600 frames`);
  const device = fields.get('device');
  if (source === 'v4l2' && !device) problems.push(`--camera "${spec}": a v4l2 camera needs device=/dev/videoN`);
  const format = fields.get('format');
  if (format !== undefined && format !== 'mjpeg' && format !== 'yuyv422') problems.push(`--camera "${spec}": format must be mjpeg or yuyv422`);
  if (problems.length > before) return undefined;
  return {
    name,
    source: source as CameraConfig['source'],
    width,
    height,
    fps,
    codec,
    bitrateKbps,
    keyframeInterval,
    ...(device ? { device } : {}),
    ...(format ? { inputFormat: format as 'mjpeg' | 'yuyv422' } : {}),
  };
}

type OptionName = keyof typeof AGENT_OPTIONS;

export function parseAgentConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.keys(AGENT_OPTIONS).map((k) => [k, { type: 'string' as const, multiple: k === 'camera' }])),
    strict: true,
    allowPositionals: false,
  });
  const problems: string[] = [];
  const raw = (name: Exclude<OptionName, 'camera'>): string | undefined => {
    const spec = AGENT_OPTIONS[name];
    return (values[name] as string | undefined) ?? env[spec.env] ?? spec.default;
  };
  const list = (name: Exclude<OptionName, 'camera'>): string[] =>
    (raw(name) ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const int = (name: Exclude<OptionName, 'camera'>, min: number, max: number): number => {
    const text = raw(name) ?? '';
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`--${name} (${AGENT_OPTIONS[name].env}) must be an integer from ${min} to ${max}, got "${text}"`);
    }
    return n;
  };
  const url = (name: Exclude<OptionName, 'camera'>, protocols: string[]): string | undefined => {
    const text = raw(name);
    if (text === undefined) return undefined;
    try {
      const u = new URL(text);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
    } catch {
      problems.push(`--${name} (${AGENT_OPTIONS[name].env}) must be a ${protocols.join(' or ')} URL, got "${text}"`);
    }
    return text;
  };

  const hubUrl = url('hub', ['http:', 'https:']);
  const mqttUrl = url('mqtt-url', ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']);
  if (!hubUrl && !mqttUrl) problems.push('--hub (TELEOP_HUB_URL) is required (or --mqtt-url)');
  const robotId = raw('robot-id') ?? '';
  if (!isValidRobotId(robotId)) problems.push(`--robot-id (TELEOP_ROBOT_ID) must be a robot id as printed by enrollment, got "${robotId}"`);
  const secret = raw('secret') ?? '';
  if (secret.length < 16) problems.push('--secret (TELEOP_ROBOT_SECRET) is missing or too short');
  const driver = raw('driver');
  if (driver !== 'sim' && driver !== 'so101') problems.push(`--driver must be one of: sim, so101; got "${driver}"`);
  if (driver === 'so101' && !raw('port')) problems.push('--port (TELEOP_PORT) is required with --driver so101, e.g. /dev/ttyACM0');
  const logLevel = raw('log-level') ?? 'info';
  if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(logLevel)) problems.push(`--log-level must be trace, debug, info, warn or error, got "${logLevel}"`);

  const cameraSpecs = (values.camera as string[] | undefined) ?? (env.TELEOP_CAMERAS ? env.TELEOP_CAMERAS.split(';').filter(Boolean) : []);
  const cameras = cameraSpecs.map((c) => parseCameraSpec(c, problems)).filter((c): c is CameraConfig => c !== undefined);
  if (new Set(cameras.map((c) => c.name)).size !== cameras.length) problems.push('--camera names must be unique');
  const turnUrl = raw('turn-url');
  const turnUsername = raw('turn-username');
  const turnCredential = raw('turn-credential');
  if (turnUrl && (!turnUsername || !turnCredential)) problems.push('--turn-url needs --turn-username and --turn-credential');
  const stunUrls = list('stun-urls');
  for (const u of stunUrls) if (!/^stuns?:[^\s]+$/.test(u)) problems.push(`--stun-urls: "${u}" is not a stun: URL`);

  const config: AgentConfig = {
    hubUrl,
    mqttUrl,
    robotId,
    secret,
    driver: driver === 'so101' ? 'so101' : 'sim',
    port: raw('port'),
    calibrationFile: resolve(raw('calibration') ?? join(raw('state-dir') ?? join('robot-data', robotId || 'unknown'), 'so101-calibration.json')),
    controlRateHz: int('control-rate', 20, 1000),
    stateRateHz: int('state-rate', 1, 500),
    holdTimeoutMs: int('hold-timeout-ms', 20, 180),
    maxCommandAgeMs: int('max-command-age-ms', 10, 5000),
    cameras,
    iceHostAddresses: list('ice-host-addresses'),
    stunUrls,
    turn: turnUrl && turnUsername && turnCredential ? { url: turnUrl, username: turnUsername, credential: turnCredential } : undefined,
    exitWithParent: raw('exit-with-parent') === 'stdin' || raw('exit-with-parent') === 'parent' ? (raw('exit-with-parent') as 'stdin' | 'parent') : undefined,
    stateDir: resolve(raw('state-dir') ?? join('robot-data', robotId || 'unknown')),
    recordCodec: raw('record-codec') === 'av1' ? 'av1' : 'h264',
    uploadBandwidth: int('upload-bandwidth', 0, 10 * 1024 ** 3),
    chainId: int('chain-id', 1, 2 ** 32),
    logLevel,
  };
  const codec = raw('record-codec');
  if (codec !== 'h264' && codec !== 'av1') problems.push(`--record-codec must be h264 or av1, got "${codec}"`);
  const exitWith = raw('exit-with-parent');
  if (exitWith !== undefined && exitWith !== 'stdin' && exitWith !== 'parent') problems.push(`--exit-with-parent must be "stdin" or "parent", got "${exitWith}"`);
  if (problems.length > 0) throw new AgentConfigError(problems);
  return config;
}
