// The hub's one typed configuration: flags, then environment, then defaults;
// every value checked at start with a message that says what to fix.
import type { ContractAddresses } from '@teleop/contracts';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { IceOptions } from '@teleop/proto';
import { DEFAULT_UI_DIR } from './http/consoleRoutes.ts';
import { readFileSync } from 'node:fs';
import { DEFAULT_THRESHOLDS, type CheckThresholds } from './episodes/automaticChecks.ts';

export interface HubConfig {
  /** Directory for the SQLite database and blobs. */
  dataDir: string;
  /** PostgreSQL (postgres://...) instead of the SQLite file under dataDir; unset: SQLite. */
  databaseUrl: string | undefined;
  /** Where episode and dataset files live: files under the data directory, or an S3-compatible bucket. */
  blobs: BlobStoreConfig;
  host: string;
  /** HTTP + socket.io + MQTT-over-WebSocket port; 0 picks a free one. */
  port: number;
  /** URL robots and browsers use to reach the hub; derived from host/port when unset. */
  publicUrl: string | undefined;
  /** Web origins besides the public URL's that may use a session (operator socket, CORS, writes). */
  allowedOrigins: string[];
  /** Embedded broker TCP port; 0 picks a free one. Ignored with mqttUrl. */
  mqttPort: number;
  /** External broker URL; unset means the embedded aedes broker. */
  mqttUrl: string | undefined;
  mqttUsername: string;
  mqttPassword: string | undefined;
  /** Broker URL announced to robots; defaults to the embedded listener or mqttUrl. */
  mqttPublicUrl: string | undefined;
  /** Bearer token the external broker must send to the HTTP auth endpoints; unset turns the endpoints off. */
  brokerAuthToken: string | undefined;
  /** Revoke a lease after this long without commands. */
  leaseIdleMs: number;
  /** A robot heard nothing from for this long is offline (it left without a last will or an offline message). */
  robotSilenceMs: number;
  /** Longest a lease lasts; the holder may request again (behind the queue). */
  leaseMaxMs: number;
  /** Redis shared by several hubs (redis://host:6379): leases, their queues and e-stop latches become cluster-wide; unset: in this process. */
  redisUrl: string | undefined;
  /** With redisUrl: a lease's time to live in Redis; a hub that stops renewing (died, cut off) loses its leases this long after its last renewal. */
  leaseTtlMs: number;
  /** With redisUrl: the secret hubs show each other to pull a robot's video (hub-to-hub relay); unset: no video across hubs. */
  clusterToken: string | undefined;
  /** With redisUrl: the URL other hubs reach this hub at (default: http://HOST:PORT, not the public URL a load balancer answers). */
  clusterUrl: string | undefined;
  /** Default and ceiling for an operator's state rate, Hz. */
  stateMaxRateHz: number;
  /** Largest MQTT payload a robot may publish. */
  maxPayloadBytes: number;
  /** Largest URDF a robot may announce, bytes. */
  maxUrdfBytes: number;
  /** What each robot may send: JointStates/s, bytes/s over every topic, how long over budget before it is disconnected. */
  robotBudget: { stateRate: number; bytesRate: number; disconnectAfterMs: number; coolDownMs: number };
  /** Socket.io connections one wallet may hold at once. */
  maxConnectionsPerWallet: number;
  /** Longest queue behind a robot's lease (each wallet has one place in it). */
  maxQueueLength: number;
  /** Chain the hub's sign-in messages and contracts are on. */
  chainId: number;
  /** Domain sign-in messages must name; default: host of the public URL. */
  authDomain: string | undefined;
  /** How long a sign-in nonce is valid after it is issued. */
  nonceTtlMs: number;
  /** Robots one wallet may have enrolled (not revoked) from the console; admins and the CLI are not limited. */
  maxRobotsPerWallet: number;
  /** Built operator console to serve at /. */
  uiDir: string;
  /** Largest episode file a robot may upload. */
  maxUploadBytes: number;
  /** Uploads that would leave less free disk than this are refused. */
  minFreeBytes: number;
  /** Reviewers each episode goes to. */
  reviewsPerEpisode: number;
  /** Check episodes with a known verdict in reviewers' queues (share, answers before a record counts, the bar). */
  gold: { rate: number; minAnswers: number; minAccuracy: number };
  /** Dataset frame rate robots record at. */
  datasetFps: number;
  /** LeRobot export file size limits, MB. */
  datasetDataMb: number;
  datasetVideoMb: number;
  /**
   * Set by `teleop-hub up` only (no flag): the embedded default, whose simulated robot the first wallet to sign in owns
   * (that wallet is also its admin and a curator). Never on `serve`.
   */
  embeddedDefault?: boolean;
  /** The chain, when configured: RPC, contracts file, hub key. */
  chain: {
    rpcUrl: string;
    /** A contracts file ({"contracts": {...}}), or the addresses themselves. */
    contractsFile?: string;
    contracts?: ContractAddresses;
    hubKey: `0x${string}` | undefined;
    /** Local development chain (anvil): the console may ask for gas and tokens. */
    devFaucet?: boolean;
  } | null;
  epochIntervalS: number;
  rewardRate: bigint;
  rewardWeights: { operator: number; owner: number; reviewers: number };
  adminAddresses: string[];
  /** Automatic check thresholds (defaults, overridden by --checks-config). */
  checks: CheckThresholds;
  /** WebRTC ICE settings of the media relay. */
  ice: IceOptions;
  logLevel: string;
  /** Stop when the process that started the hub is gone ('parent'), or the npm that launched it ('launcher'). */
  exitWithParent: 'parent' | 'launcher' | undefined;
}

export type BlobStoreConfig =
  | { kind: 'files' }
  | {
      kind: 's3';
      /** s3://bucket/prefix */
      url: string;
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
      /** Unset: the AWS SDK's standard chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profile, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** Seconds a presigned download URL stays valid. */
      presignTtlS: number;
    };

export class HubConfigError extends Error {
  override name = 'HubConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid teleop-hub configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export interface OptionSpec {
  env: string;
  default?: string;
  help: string;
}

/** Every `serve` option (the README's configuration table lists the same). */
export const HUB_OPTIONS = {
  data: { env: 'TELEOP_DATA_DIR', default: './data', help: 'data directory (SQLite database, blobs)' },
  'database-url': { env: 'TELEOP_DATABASE_URL', help: 'keep the rows in PostgreSQL instead of the SQLite file under --data: postgres://user:password@host:5432/database (several hubs may share it; see Production deployment)' },
  'blob-url': { env: 'TELEOP_BLOB_URL', help: 'keep episode and dataset files in S3-compatible storage, s3://bucket/prefix (default: files under <data>/blobs)' },
  's3-endpoint': { env: 'TELEOP_S3_ENDPOINT', help: 'endpoint of an S3-compatible server, e.g. http://ceph-rgw:7480 (default: AWS S3 of --s3-region)' },
  's3-region': { env: 'TELEOP_S3_REGION', default: 'us-east-1', help: 'region of the bucket' },
  's3-force-path-style': { env: 'TELEOP_S3_FORCE_PATH_STYLE', default: 'false', help: 'true: address the bucket as ENDPOINT/bucket/key (most self-hosted servers) instead of bucket.ENDPOINT/key' },
  's3-access-key-id': { env: 'TELEOP_S3_ACCESS_KEY_ID', help: "access key of the hub's storage user (default: the AWS SDK's chain: AWS_ACCESS_KEY_ID, AWS_PROFILE, instance role)" },
  's3-secret-access-key': { env: 'TELEOP_S3_SECRET_ACCESS_KEY', help: 'secret of --s3-access-key-id; never logged' },
  's3-presign-ttl-s': { env: 'TELEOP_S3_PRESIGN_TTL_S', default: '300', help: 'seconds a presigned download URL (the redirect of an episode or dataset file download) stays valid' },
  host: { env: 'TELEOP_HOST', default: '127.0.0.1', help: 'interface to listen on (0.0.0.0 for every interface)' },
  port: { env: 'TELEOP_PORT', default: '8080', help: 'HTTP, socket.io and MQTT-over-WebSocket (/mqtt) port; 0 = any free port' },
  'public-url': { env: 'TELEOP_PUBLIC_URL', help: 'URL robots and browsers reach the hub at (default http://HOST:PORT); only its origin may use a session' },
  'allowed-origins': { env: 'TELEOP_ALLOWED_ORIGINS', help: 'comma-separated web origins besides the public URL\'s allowed to use a session, e.g. http://localhost:5173 for the console\'s dev server' },
  'mqtt-port': { env: 'TELEOP_MQTT_PORT', default: '1883', help: 'embedded MQTT broker TCP port; 0 = any free port' },
  'mqtt-url': { env: 'TELEOP_MQTT_URL', help: 'use this external broker (mqtt://host:1883) instead of the embedded one' },
  'mqtt-username': { env: 'TELEOP_MQTT_USERNAME', default: 'hub', help: "the hub's own user on an external broker" },
  'mqtt-password': { env: 'TELEOP_MQTT_PASSWORD', help: "the hub's own password on an external broker" },
  'mqtt-public-url': { env: 'TELEOP_MQTT_PUBLIC_URL', help: 'broker URL announced to robots (default: the embedded listener, or --mqtt-url)' },
  'broker-auth-token': { env: 'TELEOP_BROKER_AUTH_TOKEN', help: 'bearer token an external broker must send to /api/v1/broker/authenticate|authorize (unset: those endpoints are off)' },
  'lease-idle-ms': { env: 'TELEOP_LEASE_IDLE_MS', default: '30000', help: 'revoke a control lease after this long without commands' },
  'robot-silence-ms': { env: 'TELEOP_ROBOT_SILENCE_MS', default: '8000', help: 'a robot heard nothing from for this long is offline (robots answer clock probes every second)' },
  'lease-max-ms': { env: 'TELEOP_LEASE_MAX_MS', default: '900000', help: 'longest a control lease lasts before it is offered to the queue' },
  'redis-url': { env: 'TELEOP_REDIS_URL', help: 'several hubs: share control leases, their queues and e-stop latches through this Redis (redis://host:6379), with fencing tokens (see Running several hubs); unset: in this process' },
  'lease-ttl-ms': { env: 'TELEOP_LEASE_TTL_MS', default: '3000', help: "with --redis-url: a lease's time to live in Redis; a hub that stops renewing loses its leases within this long" },
  'cluster-token': { env: 'TELEOP_CLUSTER_TOKEN', help: "with --redis-url: secret shared by the hubs; a hub shows it to pull a robot's video from the hub the robot publishes to (unset: watch through that hub only)" },
  'cluster-url': { env: 'TELEOP_CLUSTER_URL', help: 'with --redis-url: URL the other hubs reach this hub at (default http://HOST:PORT)' },
  'state-max-rate': { env: 'TELEOP_STATE_MAX_RATE_HZ', default: '60', help: 'default and largest JointState rate sent to an operator, Hz' },
  'max-payload-bytes': { env: 'TELEOP_MAX_PAYLOAD_BYTES', default: '262144', help: 'largest MQTT payload a robot may publish' },
  'robot-max-state-rate': { env: 'TELEOP_ROBOT_MAX_STATE_RATE', default: '600', help: 'JointStates per second a robot may publish; more are dropped (the agent publishes at most 500)' },
  'robot-max-bytes-rate': { env: 'TELEOP_ROBOT_MAX_BYTES_RATE', default: String(4 * 1024 * 1024), help: 'bytes per second a robot may publish over every topic; more are dropped' },
  'robot-over-budget-ms': { env: 'TELEOP_ROBOT_OVER_BUDGET_MS', default: '3000', help: 'a robot over its budget this long is disconnected (and again if it sends within 10 s)' },
  'max-connections-per-wallet': { env: 'TELEOP_MAX_CONNECTIONS_PER_WALLET', default: '16', help: 'operator connections (console tabs, scripts) one wallet may hold at once' },
  'max-queue-length': { env: 'TELEOP_MAX_QUEUE_LENGTH', default: '100', help: "longest queue behind a robot's lease; each wallet has one place in it" },
  'max-urdf-bytes': { env: 'TELEOP_MAX_URDF_BYTES', default: '131072', help: 'largest URDF a robot may announce; a larger one is refused with its description' },
  'chain-id': { env: 'TELEOP_CHAIN_ID', default: '31337', help: 'chain id of sign-in messages (31337: the local anvil chain)' },
  'auth-domain': { env: 'TELEOP_AUTH_DOMAIN', help: 'domain sign-in messages must name (default: host:port of the public URL)' },
  'nonce-ttl-s': { env: 'TELEOP_NONCE_TTL_S', default: '300', help: 'seconds a sign-in nonce is valid after it is issued (1-600)' },
  'max-robots-per-wallet': { env: 'TELEOP_MAX_ROBOTS_PER_WALLET', default: '20', help: 'robots one wallet may have enrolled (not revoked) from the console; admins and `robots enroll` are not limited' },
  'ui-dir': { env: 'TELEOP_UI_DIR', help: 'built operator console to serve at / (default: operator-ui/dist of this repository)' },
  'max-upload-bytes': { env: 'TELEOP_MAX_UPLOAD_BYTES', default: String(20 * 1024 ** 3), help: 'largest episode file a robot may upload' },
  'min-free-bytes': { env: 'TELEOP_MIN_FREE_BYTES', default: String(1024 ** 3), help: 'refuse uploads that would leave less free disk than this' },
  'reviews-per-episode': { env: 'TELEOP_REVIEWS_PER_EPISODE', default: '2', help: 'reviewers each episode goes to' },
  'gold-rate': { env: 'TELEOP_GOLD_RATE', default: '0.1', help: "share of reviews handed out that are check episodes with a known verdict (0..1)" },
  'gold-min-answers': { env: 'TELEOP_GOLD_MIN_ANSWERS', default: '3', help: "check episodes a reviewer answers before their record counts" },
  'gold-min-accuracy': { env: 'TELEOP_GOLD_MIN_ACCURACY', default: '0.75', help: 'below this share of check episodes right, a reviewer gets no more reviews and earns nothing for reviews' },
  'dataset-fps': { env: 'TELEOP_DATASET_FPS', default: '30', help: 'frame rate robots record episodes at' },
  'dataset-data-mb': { env: 'TELEOP_DATASET_DATA_MB', default: '100', help: "LeRobot export: start a new data file past this size, MB (LeRobot's data_files_size_in_mb)" },
  'dataset-video-mb': { env: 'TELEOP_DATASET_VIDEO_MB', default: '200', help: "LeRobot export: start a new video file past this size, MB (LeRobot's video_files_size_in_mb)" },
  'checks-config': { env: 'TELEOP_CHECKS_CONFIG', help: 'JSON file overriding automatic check thresholds (see hub/src/episodes/automaticChecks.ts)' },
  'rpc-url': { env: 'TELEOP_RPC_URL', help: 'JSON-RPC URL of the chain with the contracts (`up` starts a local anvil when not given; `serve` runs without a chain)' },
  contracts: { env: 'TELEOP_CONTRACTS', help: 'JSON file with the contract addresses ({"contracts": {...}}, as `up` writes to <data>/chain.json)' },
  'hub-key': { env: 'TELEOP_HUB_KEY', help: "private key of the hub's account on the chain (publishes roots and datasets, mints rewards); never logged" },
  'epoch-interval-s': { env: 'TELEOP_EPOCH_INTERVAL_S', default: '3600', help: 'settle rewards this often, seconds (0: only with `teleop-hub rewards settle` or POST /api/v1/rewards/settle)' },
  'reward-rate': { env: 'TELEOP_REWARD_RATE', default: '10000000000000000', help: 'reward token base units per second of accepted episode at quality 1 (default 0.01 token/s)' },
  'reward-weights': { env: 'TELEOP_REWARD_WEIGHTS', default: 'operator=0.6,owner=0.25,reviewers=0.15', help: 'how an episode\'s value is split' },
  'admin-addresses': { env: 'TELEOP_ADMIN_ADDRESSES', help: 'comma-separated wallet addresses with the admin role (settle rewards, see all usage)' },
  'ice-host-addresses': { env: 'TELEOP_ICE_HOST_ADDRESSES', help: 'comma-separated host addresses the media relay offers as ICE candidates (default: every interface)' },
  'stun-urls': { env: 'TELEOP_STUN_URLS', help: 'comma-separated STUN servers for the media relay, e.g. stun:stun.example.org:3478 (default: none)' },
  'turn-url': { env: 'TELEOP_TURN_URL', help: 'TURN server for the media relay, e.g. turn:turn.example.org:3478' },
  'turn-username': { env: 'TELEOP_TURN_USERNAME', help: 'TURN username' },
  'turn-credential': { env: 'TELEOP_TURN_CREDENTIAL', help: 'TURN credential' },
  'log-level': { env: 'TELEOP_LOG_LEVEL', default: 'info', help: 'trace, debug, info, warn, error' },
  'exit-with-parent': { env: 'TELEOP_EXIT_WITH_PARENT', help: '"parent": stop when the process that started the hub is gone; "launcher": also when the npm that launched it is (default of `up`)' },
} satisfies Record<string, OptionSpec>;

export type HubOptionName = keyof typeof HUB_OPTIONS;

/** The options that say where blobs live, for every command that opens the blob store. */
export const BLOB_OPTIONS = ['blob-url', 's3-endpoint', 's3-region', 's3-force-path-style', 's3-access-key-id', 's3-secret-access-key', 's3-presign-ttl-s'] as const satisfies readonly HubOptionName[];

/** Reads named options from argv and environment; collects problems instead of stopping at the first. */
export class OptionReader {
  readonly problems: string[] = [];
  readonly positionals: string[];
  private readonly values: Record<string, string | boolean | undefined>;

  constructor(
    argv: string[],
    private readonly specs: Record<string, OptionSpec>,
    private readonly env: NodeJS.ProcessEnv,
    booleans: string[] = [],
  ) {
    const parsed = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.keys(specs).map((k) => [k, { type: 'string' as const }])),
        ...Object.fromEntries(booleans.map((k) => [k, { type: 'boolean' as const }])),
      },
      strict: true,
      allowPositionals: true,
    });
    this.values = parsed.values as Record<string, string | boolean | undefined>;
    this.positionals = parsed.positionals;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  string(name: string): string | undefined {
    const spec = this.specs[name];
    const v = this.values[name];
    if (typeof v === 'string') return v;
    return (spec ? this.env[spec.env] : undefined) ?? spec?.default;
  }

  number(name: string, min: number, max: number): number {
    const text = this.string(name) ?? '';
    const n = Number(text);
    if (text === '' || !Number.isFinite(n) || n < min || n > max) this.problems.push(`${this.label(name)} must be a number from ${min} to ${max}, got "${text}"`);
    return n;
  }

  int(name: string, min: number, max: number): number {
    const text = this.string(name) ?? '';
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) this.problems.push(`${this.label(name)} must be an integer from ${min} to ${max}, got "${text}"`);
    return n;
  }

  url(name: string, protocols: string[]): string | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    let ok = false;
    try {
      ok = protocols.includes(new URL(text).protocol);
    } catch {
      ok = false;
    }
    if (!ok) this.problems.push(`${this.label(name)} must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL, got "${text}"`);
    return text;
  }

  /** A comma-separated list. */
  list(name: string): string[] {
    return (this.string(name) ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const text = this.string(name) ?? '';
    if (!(allowed as readonly string[]).includes(text)) this.problems.push(`${this.label(name)} must be one of ${allowed.join(', ')}, got "${text}"`);
    return text as T;
  }

  label(name: string): string {
    const spec = this.specs[name];
    return spec ? `--${name} (${spec.env})` : `--${name}`;
  }

  /** Throws a HubConfigError listing every problem found so far. */
  check(): void {
    if (this.problems.length > 0) throw new HubConfigError(this.problems);
  }
}

export function readHubConfig(r: OptionReader): HubConfig {
  const mqttUrl = r.url('mqtt-url', ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']);
  const config: HubConfig = {
    dataDir: resolve(r.string('data') ?? './data'),
    databaseUrl: readDatabaseUrl(r),
    blobs: readBlobStore(r),
    host: r.string('host') ?? '127.0.0.1',
    port: r.int('port', 0, 65535),
    publicUrl: r.url('public-url', ['http:', 'https:']),
    allowedOrigins: readOrigins(r),
    mqttPort: r.int('mqtt-port', 0, 65535),
    mqttUrl,
    mqttUsername: r.string('mqtt-username') ?? 'hub',
    mqttPassword: r.string('mqtt-password'),
    mqttPublicUrl: r.url('mqtt-public-url', ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']),
    brokerAuthToken: r.string('broker-auth-token'),
    leaseIdleMs: r.int('lease-idle-ms', 1000, 3_600_000),
    robotSilenceMs: r.int('robot-silence-ms', 2000, 600_000),
    leaseMaxMs: r.int('lease-max-ms', 10_000, 86_400_000),
    redisUrl: r.url('redis-url', ['redis:', 'rediss:']),
    leaseTtlMs: r.int('lease-ttl-ms', 500, 60_000),
    clusterToken: r.string('cluster-token'),
    clusterUrl: r.url('cluster-url', ['http:', 'https:']),
    stateMaxRateHz: r.int('state-max-rate', 1, 1000),
    maxPayloadBytes: r.int('max-payload-bytes', 1024, 16 * 1024 * 1024),
    maxUrdfBytes: r.int('max-urdf-bytes', 1024, 16 * 1024 * 1024),
    robotBudget: {
      stateRate: r.int('robot-max-state-rate', 1, 1_000_000),
      bytesRate: r.int('robot-max-bytes-rate', 1024, 1024 ** 3),
      disconnectAfterMs: r.int('robot-over-budget-ms', 100, 3_600_000),
      coolDownMs: 10_000,
    },
    maxConnectionsPerWallet: r.int('max-connections-per-wallet', 1, 100_000),
    maxQueueLength: r.int('max-queue-length', 1, 100_000),
    chainId: r.int('chain-id', 1, 2 ** 32),
    authDomain: r.string('auth-domain'),
    nonceTtlMs: r.int('nonce-ttl-s', 1, 600) * 1000,
    maxRobotsPerWallet: r.int('max-robots-per-wallet', 0, 1_000_000),
    uiDir: resolve(r.string('ui-dir') ?? DEFAULT_UI_DIR),
    maxUploadBytes: r.int('max-upload-bytes', 1024, Number.MAX_SAFE_INTEGER),
    minFreeBytes: r.int('min-free-bytes', 0, Number.MAX_SAFE_INTEGER),
    reviewsPerEpisode: r.int('reviews-per-episode', 1, 10),
    gold: { rate: r.number('gold-rate', 0, 1), minAnswers: r.int('gold-min-answers', 1, 1000), minAccuracy: r.number('gold-min-accuracy', 0, 1) },
    datasetFps: r.int('dataset-fps', 1, 120),
    datasetDataMb: r.number('dataset-data-mb', 0.001, 100_000),
    datasetVideoMb: r.number('dataset-video-mb', 0.001, 100_000),
    chain: readChain(r),
    epochIntervalS: r.int('epoch-interval-s', 0, 365 * 86_400),
    rewardRate: readBigInt(r, 'reward-rate'),
    rewardWeights: readWeights(r),
    adminAddresses: r.list('admin-addresses').map((a) => {
      if (!/^0x[0-9a-fA-F]{40}$/.test(a)) r.problems.push(`${r.label('admin-addresses')}: "${a}" is not an address`);
      return a.toLowerCase();
    }),
    checks: readChecks(r),
    ice: readIceOptions(r),
    logLevel: r.oneOf('log-level', ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const),
    exitWithParent: r.string('exit-with-parent') === undefined ? undefined : r.oneOf('exit-with-parent', ['parent', 'launcher'] as const),
  };
  if (config.robotBudget.bytesRate < config.maxPayloadBytes) r.problems.push(`${r.label('robot-max-bytes-rate')} must be at least ${r.label('max-payload-bytes')} (${config.maxPayloadBytes}), or the largest message would never pass`);
  if (mqttUrl && !config.mqttPassword) r.problems.push(`${r.label('mqtt-password')} is required with --mqtt-url`);
  for (const k of ['cluster-token', 'cluster-url'] as const) {
    if (r.string(k) !== undefined && !config.redisUrl) r.problems.push(`${r.label(k)} is for several hubs: it needs ${r.label('redis-url')}`);
  }
  if (config.clusterToken !== undefined && config.clusterToken.length < 16) r.problems.push(`${r.label('cluster-token')} must be at least 16 characters (any hub that knows it may pull every robot's video)`);
  r.check();
  return config;
}

/** --database-url: a PostgreSQL URL, or undefined for the embedded SQLite file. */
export function readDatabaseUrl(r: OptionReader): string | undefined {
  return r.url('database-url', ['postgres:', 'postgresql:']);
}

/** The blob store options (`serve` and the CLI commands that touch stored files). */
export function readBlobStore(r: OptionReader): BlobStoreConfig {
  const url = r.string('blob-url');
  const s3Only = ['s3-endpoint', 's3-access-key-id', 's3-secret-access-key'].filter((k) => r.string(k) !== undefined);
  if (url === undefined) {
    if (s3Only.length > 0) r.problems.push(`${s3Only.map((k) => r.label(k)).join(', ')} given without ${r.label('blob-url')}: set --blob-url s3://bucket/prefix to use object storage`);
    return { kind: 'files' };
  }
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(url)) r.problems.push(`${r.label('blob-url')} must be s3://bucket[/prefix] (bucket: 3-63 lowercase letters, digits, dots, hyphens), got "${url}"`);
  const endpoint = r.url('s3-endpoint', ['http:', 'https:']);
  const forcePathStyle = r.oneOf('s3-force-path-style', ['true', 'false'] as const) === 'true';
  const accessKeyId = r.string('s3-access-key-id');
  const secretAccessKey = r.string('s3-secret-access-key');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) r.problems.push(`${r.label('s3-access-key-id')} and ${r.label('s3-secret-access-key')} go together (or neither, for the AWS SDK's own chain)`);
  return {
    kind: 's3',
    url,
    endpoint,
    region: r.string('s3-region') ?? 'us-east-1',
    forcePathStyle,
    credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : undefined,
    presignTtlS: r.int('s3-presign-ttl-s', 10, 7 * 86_400),
  };
}

/** Origins as browsers send them: scheme, host and port, nothing after. */
function readOrigins(r: OptionReader): string[] {
  return r.list('allowed-origins').flatMap((text) => {
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== text.replace(/\/$/, '')) {
      r.problems.push(`${r.label('allowed-origins')}: "${text}" is not an origin (http(s)://host[:port], no path)`);
      return [];
    }
    return [url.origin];
  });
}

function readChain(r: OptionReader): HubConfig['chain'] {
  const rpcUrl = r.url('rpc-url', ['http:', 'https:', 'ws:', 'wss:']);
  const key = r.string('hub-key');
  if (key !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(key)) r.problems.push(`${r.label('hub-key')} must be a 0x-prefixed 32-byte hex private key`);
  if (!rpcUrl) return null;
  if (!r.string('contracts')) r.problems.push(`${r.label('contracts')} is required with --rpc-url`);
  if (!key) r.problems.push(`${r.label('hub-key')} is required with --rpc-url`);
  return { rpcUrl, contractsFile: r.string('contracts'), hubKey: key as `0x${string}` | undefined };
}

function readBigInt(r: OptionReader, name: string): bigint {
  const text = r.string(name) ?? '';
  if (!/^\d{1,60}$/.test(text)) {
    r.problems.push(`${r.label(name)} must be a non-negative integer, got "${text}"`);
    return 0n;
  }
  return BigInt(text);
}

function readWeights(r: OptionReader): HubConfig['rewardWeights'] {
  const text = r.string('reward-weights') ?? '';
  const parts = Object.fromEntries(text.split(',').map((p) => p.split('=').map((x) => x.trim()) as [string, string]));
  const keys = ['operator', 'owner', 'reviewers'] as const;
  const values = keys.map((k) => Number(parts[k]));
  if (Object.keys(parts).some((k) => !(keys as readonly string[]).includes(k)) || values.some((v) => !Number.isFinite(v) || v < 0) || Math.abs(values.reduce((a, b) => a + b, 0) - 1) > 1e-9) {
    r.problems.push(`${r.label('reward-weights')} must be operator=X,owner=Y,reviewers=Z with non-negative numbers adding up to 1, got "${text}"`);
    return { operator: 6000, owner: 2500, reviewers: 1500 };
  }
  // Basis points, the reviewers' share taking the rounding so they add up to 10,000.
  const operator = Math.round(values[0]! * 10_000);
  const owner = Math.round(values[1]! * 10_000);
  return { operator, owner, reviewers: 10_000 - operator - owner };
}

function readChecks(r: OptionReader): CheckThresholds {
  const file = r.string('checks-config');
  if (!file) return { ...DEFAULT_THRESHOLDS };
  let overrides: Record<string, unknown>;
  try {
    overrides = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    r.problems.push(`${r.label('checks-config')}: cannot read ${file} as JSON (${(err as Error).message})`);
    return { ...DEFAULT_THRESHOLDS };
  }
  const out = { ...DEFAULT_THRESHOLDS };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in DEFAULT_THRESHOLDS)) r.problems.push(`${r.label('checks-config')}: unknown threshold "${k}" (known: ${Object.keys(DEFAULT_THRESHOLDS).join(', ')})`);
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) r.problems.push(`${r.label('checks-config')}: threshold "${k}" must be a non-negative number`);
    else (out as Record<string, number>)[k] = v;
  }
  return out;
}

function readIceOptions(r: OptionReader): IceOptions {
  const stunUrls = r.list('stun-urls');
  for (const u of stunUrls) if (!/^stuns?:\S+$/.test(u)) r.problems.push(`${r.label('stun-urls')}: "${u}" is not a stun: URL`);
  const url = r.string('turn-url');
  const username = r.string('turn-username');
  const credential = r.string('turn-credential');
  if (url && (!username || !credential)) r.problems.push(`${r.label('turn-url')} needs --turn-username and --turn-credential`);
  return { hostAddresses: r.list('ice-host-addresses'), stunUrls, ...(url && username && credential ? { turn: { url, username, credential } } : {}) };
}

/** The hub's own HTTP base URL as robots and browsers should use it. */
export function publicHubUrl(config: Pick<HubConfig, 'publicUrl' | 'host'>, actualPort: number): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host}:${actualPort}`;
}
