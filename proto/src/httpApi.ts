// The JSON the hub answers on /api/v1/* that the console (or any client)
// reads. The hub's routes check what they send against these types, so a
// change on either side breaks the typecheck instead of a page. Token amounts
// are decimal strings of base units (18 decimals); times are ISO strings.
import type { Address } from 'viem';
import type { SignedManifest } from './episodeManifest.ts';
import type { RobotSummary } from './operatorApi.ts';

/** What every refused request answers, with its 4xx or 5xx status. */
export interface ErrorBody {
  /** Machine-readable code, e.g. "unknown_dataset". */
  error: string;
  /** A sentence a user can act on. */
  message: string;
}

// --- Sign-in (/api/v1/auth) ---

/** GET /api/v1/auth/nonce: what the SIWE message to sign must carry. */
export interface SignInNonce {
  nonce: string;
  domain: string;
  uri: string;
  chainId: number;
  statement: string;
}

/** POST /api/v1/auth/verify: the session opened (also set as an httpOnly cookie). */
export interface SignedIn {
  /** Bearer token of the session, for clients without cookies. */
  token: string;
  address: string;
  expiresAt: string;
}

/** GET /api/v1/auth/me: who the session belongs to. */
export interface Session {
  address: string;
  /** When the session ends (typed nullable by the route; a wallet session always has it). */
  expiresAt: string | null;
}

// --- Chain (/api/v1/chain) ---

export interface ChainContracts {
  robotRegistry: Address;
  rewardToken: Address;
  rewardDistributor: Address;
  datasetRegistry: Address;
  episodeRegistry: Address;
}

/** The chain the hub settles on, as a wallet in the console needs it. */
export interface ChainInfo {
  chainId: number;
  /** The node the hub itself uses; browsers go through `rpcRelay`. */
  rpcUrl: string;
  contracts: ChainContracts;
  /** The hub's own account (publishes roots and versions). */
  hub: Address;
  /** Path of the hub's JSON-RPC relay (read, estimate, send raw transactions). */
  rpcRelay: string;
  /** Whether POST /api/v1/chain/faucet funds wallets (local development chain only). */
  devFaucet: boolean;
  /** Last block whose dataset purchases the hub has read. */
  purchasesReadToBlock: number;
}

/** GET /api/v1/chain: the chain, or `{ chainId: null }` when the hub runs without one. */
export type ChainAnswer = ChainInfo | { chainId: null };

/** POST /api/v1/chain/faucet: what was sent to the signed-in wallet. */
export interface FaucetGrant {
  address: Address;
  /** Wei. */
  eth: string;
  /** Reward token base units; "0" when only gas was asked for. */
  tokens: string;
}

// --- Robots (/api/v1/robots, /api/v1/me/robots) ---

/** GET /api/v1/robots: every enrolled robot with live presence. */
export interface RobotList {
  robots: RobotSummary[];
}

/** GET /api/v1/robots/:id. */
export interface RobotDetail {
  summary: RobotSummary;
  /** RobotDescription as protobuf JSON (longs and enums as strings), without its URDF; null before the robot announced it. */
  description: Record<string, unknown> | null;
  /** The robot's last RobotStatus as protobuf JSON, null before any. */
  status: Record<string, unknown> | null;
  /** Robot clock minus hub clock, from the minimum-RTT probe; null before a probe answered. */
  clock: { offsetMs: number; rttMs: number } | null;
}

/**
 * An owner's terms for its data. private: only its owner, operator, an assigned reviewer and admins read it, and it
 * enters no dataset; open: any dataset, under the owner's license; commercial: only priced versions, at or above the
 * owner's floor price per hour of data; restricted: only versions for buyers the owner listed.
 */
export type DataPolicy = 'private' | 'open' | 'commercial' | 'restricted';

/** A robot as its owner sees it. */
export interface OwnedRobot {
  robotId: string;
  name: string;
  model: string;
  createdAt: string;
  /** Live summary while the robot is connected, else null. */
  summary: RobotSummary | null;
  onlineSecondsLastWeek: number;
  /** Address of the key the robot signs episodes with, once it announced one. */
  signingAddress: string | null;
  dataPolicy: DataPolicy;
  allowedBuyers: string[];
  /** The license of its open data. */
  dataLicense: string;
  /** Commercial: token base units per hour of data a version must at least ask. */
  floorPricePerHour: string | null;
  episodes: { total: number; accepted: number };
  /** Token base units credited to the owner for this robot's episodes. */
  earnings: string;
}

/** GET /api/v1/me/robots: the signed-in wallet's robots. */
export interface OwnedRobotList {
  robots: OwnedRobot[];
}

/** POST /api/v1/robots and POST /api/v1/robots/:id/rotate-secret: shown once, only its hash is kept. */
export interface RobotCredentials {
  robotId: string;
  secret: string;
  /** The exact command to run on the robot. */
  command: string;
}

/** PUT /api/v1/robots/:id/data-policy. */
export interface RobotDataPolicy {
  robotId: string;
  dataPolicy: DataPolicy;
  allowedBuyers: string[];
  license: string;
  floorPricePerHour: string | null;
}

/** POST /api/v1/robots/:id/revoke. */
export interface RobotRevoked {
  robotId: string;
  revoked: true;
}

/** POST /api/v1/robots/:id/lease/revoke. */
export interface LeaseRevoked {
  robotId: string;
  /** Operator whose lease ended, null when no one held it. */
  revokedFrom: string | null;
}

// --- Episodes and reviews (/api/v1/episodes, /api/v1/reviews) ---

export type EpisodeState = 'recording' | 'uploading' | 'verifying' | 'checks' | 'in_review' | 'accepted' | 'rejected' | 'discarded' | 'failed';

/** One automatic check of a recording. */
export interface EpisodeCheck {
  name: string;
  /** A failed hard check rejects the episode; soft ones only lower its score. */
  hard: boolean;
  passed: boolean;
  /** 1 = perfect, 0 = as bad as it gets. */
  score: number;
  reason: string;
}

/** How the teleoperation went while the episode recorded. */
export interface TeleopQuality {
  controlRoundTripMs: { p50: number; p95: number } | null;
  videoCaptureToHubMs: { p50: number; p95: number } | null;
  videoPacketsLost: number;
  /** Watchdog holds (the command stream stopped). */
  holds: number;
  leaseInterruptions: number;
}

export interface EpisodeFile {
  name: string;
  size: number;
  sha256: string;
}

export interface Episode {
  id: string;
  robotId: string;
  operator: string;
  task: string;
  state: EpisodeState;
  /** What the operator said (success, failure), or "failed"; null while recording or when discarded. */
  outcome: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Quality 0..1 from the soft checks and reviews. */
  score: number | null;
  /** Why it was rejected or failed. */
  reason: string | null;
  quality: TeleopQuality | null;
  checks: EpisodeCheck[] | null;
  /** The robot's signed manifest, once verified. */
  manifest: SignedManifest | null;
  /** Milliseconds rewards pay for: measured by the hub in the files, capped by the time it saw the episode recording. */
  verifiedMs: number | null;
  /** Why the episode no longer enters datasets or rewards (a stored file changed after verification), or null. */
  quarantined: string | null;
  /** Stored files; empty in lists, and for whoever may not read its content. */
  files: EpisodeFile[];
  /** Its owner's terms and what the asking wallet may do with it (in the list and on its page). */
  rights?: EpisodeRights;
}

/** An episode's terms, and whether the wallet asking may read its content (files, trajectory, manifest). */
export interface EpisodeRights {
  terms: DataPolicy;
  /** The license of open data. */
  license: string;
  /** Commercial: token base units per hour of data a version must at least ask. */
  floorPricePerHour: string | null;
  /** Whether the terms are the episode's own rather than its robot's. */
  ownTerms: boolean;
  content: boolean;
  /** What grants the content (operator, owner, review, admin, purchase, listed_buyer, open_dataset), when it is granted. */
  purpose: string | null;
  /** What would grant it, when it is not. */
  reason: string | null;
}

/** GET /api/v1/curators: the wallets admins let build dataset versions. */
export interface CuratorList {
  curators: { address: string; grantedBy: string; grantedAt: string }[];
}

/** PUT and DELETE /api/v1/curators/:address (admins). */
export interface CuratorGrant {
  address: string;
  curator: boolean;
}

/** PUT /api/v1/episodes/:id/terms: an owner's terms for one episode, over its robot's. */
export interface EpisodeTerms {
  episodeId: string;
  policy: DataPolicy;
  license: string;
  floorPricePerHour: string | null;
  allowedBuyers: string[];
}

/** GET /api/v1/episodes (newest first; filters robotId, operator, state, limit). */
export interface EpisodeList {
  episodes: Episode[];
}

/** A submitted review, in the API's historical shape: snake case, the three gates 1 (yes) or 0 (no). */
export interface EpisodeReview {
  reviewer: string;
  submitted_at: string;
  task_done: number;
  cameras_clear: number;
  robot_safe: number;
  /** 1 to 5. */
  score: number;
  comment: string | null;
}

/** GET /api/v1/episodes/:id: the episode with its files and submitted reviews. */
export interface EpisodeDetail extends Episode {
  reviews: EpisodeReview[];
}

/** GET /api/v1/episodes/:id/trajectory: what a replay needs, times in seconds since the first state. */
export interface Trajectory {
  jointNames: string[];
  /** [t, position per joint] rows. */
  states: number[][];
  /** [t, commanded position per joint] rows. */
  actions: number[][];
  /** Per camera, the time of each MP4 frame. */
  frames: Record<string, number[]>;
}

/** POST /api/v1/reviews/next: the episode to review (an open assignment first); episodeId null (and why) when none waits. */
export interface ReviewAssignment {
  episodeId: string | null;
  /** Why nothing was assigned, when nothing was. */
  message?: string;
}

/** POST /api/v1/reviews/:id: the episode's state after the review. */
export interface ReviewSubmitted {
  state: string;
}

/** GET /api/v1/reviews/me: how often the reviewer agreed with final verdicts. */
export interface ReviewerAgreement {
  reviewed: number;
  /** Reviewed episodes that have a verdict. */
  decided: number;
  agreed: number;
  /** agreed / decided, null before any verdict. */
  rate: number | null;
}

// --- Datasets (/api/v1/datasets) ---

/** Which accepted episodes a version holds: filters, explicit ids, or both. */
export interface DatasetSelection {
  /** Robot model, e.g. "so101_follower". */
  robotModel?: string;
  robotId?: string;
  /** Exact task text. */
  task?: string;
  /** Lowest quality score 0..1. */
  minScore?: number;
  /** ISO dates bounding the episode start. */
  from?: string;
  to?: string;
  operator?: string;
  /** Explicit episodes (each must be accepted); combined with the filters above. */
  episodeIds?: string[];
}

/**
 * Units of observation.state and action in the exported dataset. radians: as robots record them. degrees /
 * normalized: LeRobot's SO-101 conventions (use_degrees=True, or its default -100..100 over each joint's
 * range), with the gripper 0..100 in both.
 */
export type DatasetUnits = 'radians' | 'degrees' | 'normalized';

/** What a built version holds (LeRobot v3.0 export plus the raw bundle). */
export interface VersionSummary {
  codebaseVersion: 'v3.0';
  robotType: string;
  fps: number;
  totalEpisodes: number;
  totalFrames: number;
  totalTasks: number;
  tasks: string[];
  hours: number;
  cameras: { key: string; width: number; height: number; codec: string }[];
  jointNames: string[];
  droppedFrames: { total: number; episodes: number };
  quality: { min: number | null; mean: number | null; max: number | null };
  files: number;
  bytes: { lerobot: number; raw: number; total: number };
}

/** GET /api/v1/datasets/:id/versions/:v: one version; it never changes once built. */
export interface DatasetVersion {
  datasetId: string;
  version: number;
  parentVersion: number | null;
  selection: DatasetSelection;
  episodeIds: string[];
  state: 'building' | 'ready' | 'failed';
  /** Why the build failed. */
  reason: string | null;
  merkleRoot: string | null;
  manifestHash: string | null;
  /** Null until built. */
  summary: VersionSummary | null;
  sizeBytes: number | null;
  createdBy: string;
  createdAt: string;
  builtAt: string | null;
  /** DatasetRegistry token, once published on chain. */
  tokenId: number | null;
  publishTx: string | null;
}

/** GET /api/v1/datasets/:id (id or name): a dataset with its versions, oldest first. */
export interface Dataset {
  id: string;
  name: string;
  title: string;
  description: string;
  license: string;
  /** "0" for open access, else reward token base units. */
  price: string;
  units: DatasetUnits;
  createdBy: string;
  createdAt: string;
  versions: DatasetVersion[];
}

/** GET /api/v1/datasets (newest first). */
export interface DatasetList {
  datasets: Dataset[];
}

/** POST /api/v1/datasets and POST /api/v1/datasets/:id/versions (202: the version is building). */
export interface DatasetVersionRef {
  datasetId: string;
  version: number;
}

// --- Rewards and usage (/api/v1/rewards, /api/v1/me) ---

export interface RewardCredit {
  episodeId: string;
  /** operator, owner or reviewer. */
  role: string;
  /** episode (accepted) or purchase (of a dataset holding it). */
  source: string;
  amount: string;
  purchaseId: string | null;
}

/** GET /api/v1/rewards/:address: what an account earned, claimed and can claim, with the proof. */
export interface AccountRewards {
  address: Address;
  /** Latest epoch the amounts are from (published one when the hub has a chain), null before any. */
  epoch: number | null;
  root: string | null;
  /** Everything earned through `epoch`. */
  cumulative: string;
  /** Claimed on chain so far; null without a chain. */
  claimed: string | null;
  claimable: string | null;
  /** Merkle proof of `cumulative` in the epoch's tree, 0x hex hashes (empty when not in it). */
  proof: string[];
  epochs: { epoch: number; amount: string; credits: RewardCredit[] }[];
}

export interface Epoch {
  epoch: number;
  root: string;
  totalCumulative: string;
  minted: string;
  state: 'computed' | 'published' | 'superseded';
  publishTx: string | null;
  /** Credits up to this time are in the epoch. */
  cutoff: string;
  credits: number;
  /** EpisodeRegistry commitment of the episodes accepted in this epoch. */
  episodesRoot: string | null;
  episodes: number;
  episodesTx: string | null;
}

/** GET /api/v1/rewards/epochs (newest first). */
export interface EpochList {
  epochs: Epoch[];
}

/** POST /api/v1/rewards/settle (admins): the epoch settled, null when there was nothing new. */
export interface Settled {
  epoch: Epoch | null;
}

/** GET /api/v1/me/usage: every dataset version holding the wallet's episodes, with its purchases and downloads. */
export interface UsageReport {
  address: Address;
  datasets: {
    datasetId: string;
    name: string;
    version: number;
    tokenId: number | null;
    /** The wallet's episodes in this version, and as what. */
    myEpisodes: { episodeId: string; as: ('operator' | 'owner' | 'reviewer')[] }[];
    purchases: { buyer: string; paid: string; purpose: string; at: string; tx: string }[];
    /** Newest first. `address` is null for anonymous downloads; `purpose` is what allowed it (open_dataset, purchase, listed_buyer, contributor, admin; public for a manifest). */
    downloads: { address: string | null; kind: string; path: string | null; at: string; purpose: string | null }[];
  }[];
  /** Every read of the content of the wallet's episodes (files, trajectory) through the episode routes, newest first; purpose is what allowed it (operator, owner, review, admin, purchase, listed_buyer, open_dataset). */
  episodeAccesses: { episodeId: string; address: string; kind: string; path: string | null; purpose: string; at: string }[];
}

/** GET /api/v1/me/roles. */
export interface Roles {
  address: string;
  /** operator, researcher, and owner, reviewer, curator, admin when they apply. */
  roles: string[];
}
