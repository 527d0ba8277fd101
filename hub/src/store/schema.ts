// Row types of every table, as Kysely sees them.
import type { Generated } from 'kysely';

export interface RobotsTable {
  id: string;
  name: string;
  model: string;
  /** Owner identity (wallet address once sign-in lands); null for CLI enrollments. */
  owner: string | null;
  /** scrypt hash of the robot's secret; the secret itself is never stored. */
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  secret_rotated_at: string | null;
  /** Address of the robot's manifest-signing key, registered on its first announcement. */
  signing_address: string | null;
  /** JSON [{name, min, max}] (rad): the joint limits of the robot's first description, which the checks judge by. */
  joint_limits: string | null;
  /** The owner's terms for its data: private, open (under data_license), commercial (floor_price_per_hour) or restricted (listed buyers). */
  data_policy: string;
  /** For restricted: JSON array of addresses allowed to get its data. */
  allowed_buyers: string | null;
  /** SPDX id its open data is licensed under. */
  data_license: Generated<string>;
  /** For commercial: the least a version may ask per hour of its data (token base units, decimal string). */
  floor_price_per_hour: string | null;
}

export interface LeaseEventsTable {
  id: Generated<number>;
  robot_id: string;
  lease_id: string;
  operator_id: string;
  /** "granted" or the end reason. */
  event: string;
  at: string;
}

/** Signed-in sessions; the bearer token itself is never stored, only its SHA-256. */
export interface SessionsTable {
  token_hash: string;
  /** Checksummed wallet address. */
  address: string;
  created_at: string;
  expires_at: string;
}

/** Presence changes of robots, for online time. */
export interface RobotPresenceTable {
  id: Generated<number>;
  robot_id: string;
  online: number;
  at: string;
}

export interface EpisodesTable {
  id: string;
  robot_id: string;
  /** Operator wallet address. */
  operator: string;
  task: string;
  /** recording, uploading, verifying, checks, in_review, accepted, rejected, discarded, failed. */
  state: string;
  /** success, failure or failed, once known. */
  outcome: string | null;
  lease_id: string;
  started_at: string;
  ended_at: string | null;
  /** The signed manifest as uploaded (JSON). */
  manifest: string | null;
  /** Teleoperation quality measured by the hub during the episode (JSON). */
  quality: string | null;
  /** Results of the automatic checks (JSON). */
  checks: string | null;
  /** Quality score 0..1 from the soft checks and reviews. */
  score: number | null;
  /** Why it was rejected or failed, for the operator. */
  reason: string | null;
  /** Reviews still wanted before a verdict. */
  reviews_wanted: number;
  updated_at: string;
  /** Milliseconds the hub verified in the files, capped by what it saw live (what rewards pay for). */
  verified_ms: number | null;
  /** Why the episode may no longer enter datasets or rewards (a stored file changed after verification); null: usable. */
  quarantined: string | null;
}

export interface EpisodeFilesTable {
  episode_id: string;
  name: string;
  size: number;
  sha256: string;
  received_at: string;
}

export interface ReviewsTable {
  id: Generated<number>;
  episode_id: string;
  reviewer: string;
  assigned_at: string;
  submitted_at: string | null;
  task_done: number | null;
  cameras_clear: number | null;
  robot_safe: number | null;
  score: number | null;
  comment: string | null;
}

export interface DatasetsTable {
  id: string;
  /** URL-safe name, unique, e.g. "so101-pick-cube". */
  name: string;
  title: string;
  description: string;
  /** SPDX id (e.g. CC-BY-4.0) of the data's license. */
  license: string;
  /** 0 for open access; otherwise the price in the reward token's smallest unit (decimal string). */
  price: string;
  /** Wallet address of whoever created it. */
  created_by: string;
  created_at: string;
  /** When set (JSON array of addresses), only these may download it. */
  allowed_buyers: string | null;
  /** Units of observation.state and action: radians (as recorded), degrees or normalized (LeRobot's SO-101 conventions). */
  units: string;
}

export interface DatasetVersionsTable {
  dataset_id: string;
  version: number;
  parent_version: number | null;
  /** The selection as asked: filters and/or explicit episode ids (JSON). */
  selection: string;
  /** The frozen episode ids in dataset order (JSON array). */
  episode_ids: string;
  /** building, ready, failed. */
  state: string;
  reason: string | null;
  /** Merkle root of the version's files (hex), once built. */
  merkle_root: string | null;
  manifest_hash: string | null;
  /** Totals, stats summary and the dropped-frame report (JSON), once built. */
  summary: string | null;
  /** Bytes of all files. */
  size_bytes: number | null;
  created_by: string;
  created_at: string;
  built_at: string | null;
  /** DatasetRegistry token of this version, once published on chain. */
  token_id: number | null;
  publish_tx: string | null;
  /** The version's own terms, its dataset's when it was created and fixed from then on (null only before migration 0014 filled them). */
  price: string | null;
  license: string | null;
  /** JSON array of addresses, or null: anyone (who pays, when priced). */
  allowed_buyers: string | null;
}

export interface RewardEpochsTable {
  epoch: number;
  /** Episodes accepted and purchases seen up to this time are in the epoch. */
  cutoff: string;
  /** Merkle root over (account, cumulative amount), hex. */
  root: string;
  /** Sum of cumulative amounts in the tree (decimal string). */
  total_cumulative: string;
  /** New tokens minted into the distributor for this epoch (decimal string). */
  minted: string;
  /** The tree: [{account, cumulative, proof}] (JSON). */
  tree: string;
  /** computed, published, or superseded (computed while no chain was configured, then covered by a later published epoch). */
  state: string;
  /** The mint of this epoch's emission (recorded before the root is published, so a retry never mints twice). */
  mint_tx: string | null;
  publish_tx: string | null;
  /** Commitment of the epoch's newly accepted episodes: OpenZeppelin standard tree over (bytes32 manifestHash, address robotSigner), as EpisodeRegistry checks. */
  episodes_root: string | null;
  /** [{episodeId, manifestHash, signer, proof}] (JSON). */
  episodes_tree: string | null;
  episodes_tx: string | null;
  created_at: string;
  published_at: string | null;
}

export interface RewardCreditsTable {
  id: Generated<number>;
  epoch: number;
  account: string;
  /** Decimal string, token base units. */
  amount: string;
  /** operator, owner, reviewer. */
  role: string;
  /** episode (emission for an accepted episode) or purchase (revenue of a dataset purchase). */
  source: string;
  episode_id: string;
  purchase_id: string | null;
}

export interface DatasetPurchasesTable {
  /** tx hash:log index. */
  id: string;
  token_id: number;
  dataset_id: string | null;
  version: number | null;
  buyer: string;
  paid: string;
  fee: string;
  purpose: string;
  block_number: number;
  at: string;
  credited_epoch: number | null;
}

export interface DatasetAccessesTable {
  id: Generated<number>;
  dataset_id: string;
  version: number;
  /** Signed-in downloader, null when anonymous. */
  address: string | null;
  /** manifest, file, archive. */
  kind: string;
  path: string | null;
  at: string;
  /** What allowed it: open_dataset, purchase, listed_buyer, operator, owner, admin (null before migration 0014). */
  purpose: string | null;
}

/** An owner's terms for one episode, over its robot's. */
export interface EpisodeTermsTable {
  episode_id: string;
  /** private, open, commercial or restricted. */
  policy: string;
  license: string;
  floor_price_per_hour: string | null;
  /** JSON array of lowercase addresses, for restricted. */
  allowed_buyers: string | null;
  set_by: string;
  set_at: string;
}

/** Wallets an admin lets build dataset versions. */
export interface CuratorsTable {
  /** Lowercase address. */
  address: string;
  granted_by: string;
  granted_at: string;
}

/** A read of an episode's own content (files, trajectory): who, when, and what allowed it. */
export interface EpisodeAccessesTable {
  id: Generated<number>;
  episode_id: string;
  address: string;
  /** file or trajectory. */
  kind: string;
  path: string | null;
  /** operator, owner, review, admin, purchase, listed_buyer, open_dataset. */
  purpose: string;
  at: string;
}

/** How far the hub has read a chain's event log, per contract and event. */
export interface ChainCursorsTable {
  /** e.g. "purchases:<DatasetRegistry address>". */
  name: string;
  /** Last block read. */
  block: number;
}

/** Episodes with a known verdict (planted defects or clear cases) that check reviewers. */
export interface GoldEpisodesTable {
  episode_id: string;
  /** accepted or rejected: what a careful reviewer concludes. */
  verdict: string;
  /** What was planted or why the verdict is known (never shown to reviewers). */
  note: string | null;
  added_by: string;
  added_at: string;
}

/** An operator's e-stop of a robot, held by the hub until the robot confirms its reset. */
export interface EstopLatchesTable {
  robot_id: string;
  /** Named in the EStop the robot is sent; its KIND_ESTOP_ENGAGED event names it back. */
  id: string;
  source: string;
  reason: string;
  engaged_at: string;
  /** When the robot last confirmed it (null: pending; back to null when the robot reconnects until it confirms again). */
  confirmed_at: string | null;
  /** When a reset was asked for, and by whom (the latch goes once the robot confirms the reset). */
  reset_requested_at: string | null;
  reset_by: string | null;
}

export interface Database {
  episode_terms: EpisodeTermsTable;
  curators: CuratorsTable;
  episode_accesses: EpisodeAccessesTable;
  estop_latches: EstopLatchesTable;
  gold_episodes: GoldEpisodesTable;
  chain_cursors: ChainCursorsTable;
  reward_epochs: RewardEpochsTable;
  reward_credits: RewardCreditsTable;
  dataset_purchases: DatasetPurchasesTable;
  dataset_accesses: DatasetAccessesTable;
  datasets: DatasetsTable;
  dataset_versions: DatasetVersionsTable;
  episodes: EpisodesTable;
  episode_files: EpisodeFilesTable;
  reviews: ReviewsTable;
  robots: RobotsTable;
  lease_events: LeaseEventsTable;
  sessions: SessionsTable;
  robot_presence: RobotPresenceTable;
}
