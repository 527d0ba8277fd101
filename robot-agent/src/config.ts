// The agent's one typed configuration, from flags and environment, checked
// at start with a message per bad value.
import { parseArgs } from 'node:util';
import { isValidRobotId } from '@teleop/proto';

export interface AgentConfig {
  /** Hub base URL; the agent asks it where the broker is. */
  hubUrl: string | undefined;
  /** Broker URL overriding discovery. */
  mqttUrl: string | undefined;
  robotId: string;
  secret: string;
  driver: 'sim';
  controlRateHz: number;
  stateRateHz: number;
  holdTimeoutMs: number;
  maxCommandAgeMs: number;
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
  driver: { env: 'TELEOP_DRIVER', default: 'sim', help: 'robot driver: sim' },
  'control-rate': { env: 'TELEOP_CONTROL_RATE_HZ', default: '100', help: 'internal control loop rate, Hz (20-1000)' },
  'state-rate': { env: 'TELEOP_STATE_RATE_HZ', default: '50', help: 'JointState publication rate, Hz (1-500)' },
  'hold-timeout-ms': { env: 'TELEOP_HOLD_TIMEOUT_MS', default: '150', help: 'hold the pose when no command arrived for this long under a lease (20-180, so the hold lands within 200 ms)' },
  'max-command-age-ms': { env: 'TELEOP_MAX_COMMAND_AGE_MS', default: '250', help: 'drop commands older than this (10-5000)' },
  'log-level': { env: 'TELEOP_LOG_LEVEL', default: 'info', help: 'trace, debug, info, warn, error' },
} as const;

type OptionName = keyof typeof AGENT_OPTIONS;

export function parseAgentConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.keys(AGENT_OPTIONS).map((k) => [k, { type: 'string' as const }])),
    strict: true,
    allowPositionals: false,
  });
  const problems: string[] = [];
  const raw = (name: OptionName): string | undefined => {
    const spec = AGENT_OPTIONS[name];
    return (values[name] as string | undefined) ?? env[spec.env] ?? spec.default;
  };
  const int = (name: OptionName, min: number, max: number): number => {
    const text = raw(name) ?? '';
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`--${name} (${AGENT_OPTIONS[name].env}) must be an integer from ${min} to ${max}, got "${text}"`);
    }
    return n;
  };
  const url = (name: OptionName, protocols: string[]): string | undefined => {
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
  if (driver !== 'sim') problems.push(`--driver must be one of: sim; got "${driver}"`);
  const logLevel = raw('log-level') ?? 'info';
  if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(logLevel)) problems.push(`--log-level must be trace, debug, info, warn or error, got "${logLevel}"`);

  const config: AgentConfig = {
    hubUrl,
    mqttUrl,
    robotId,
    secret,
    driver: 'sim',
    controlRateHz: int('control-rate', 20, 1000),
    stateRateHz: int('state-rate', 1, 500),
    holdTimeoutMs: int('hold-timeout-ms', 20, 180),
    maxCommandAgeMs: int('max-command-age-ms', 10, 5000),
    logLevel,
  };
  if (problems.length > 0) throw new AgentConfigError(problems);
  return config;
}
