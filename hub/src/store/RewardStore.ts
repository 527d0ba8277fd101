// The rewards aggregate on disk: reward epochs, the credits behind them and
// the dataset purchases whose revenue they pay out. The tables' JSON (an
// epoch's reward tree and episode commitment) and decimal amounts are parsed
// here, so callers handle typed objects and bigints, never rows or SQL.
import type { SignedManifest } from '@teleop/proto';
import type { HubDb } from './database.ts';
import { lockName } from './dialect.ts';
import type { DatasetPurchasesTable, RewardEpochsTable } from './schema.ts';

/** computed: tree stored, not yet on chain; published: root on chain; superseded: computed without a chain, then covered by a later published root. */
export type EpochState = 'computed' | 'published' | 'superseded';

/** One account's leaf in an epoch's reward tree, as written to the epoch file and checked by RewardDistributor. */
export interface RewardLeaf {
  account: string;
  /** Decimal string: everything the account has earned up to and including this epoch. */
  cumulative: string;
  proof: string[];
}

/** One episode's leaf in an epoch's episode commitment, as EpisodeRegistry checks it. */
export interface EpisodeLeaf {
  episodeId: string;
  manifestHash: string;
  /** Address of the robot's manifest-signing key. */
  signer: string;
  proof: string[];
}

/** An epoch without its reward tree (which grows with every account that ever earned; ask `rewardTree` for it). */
export interface RewardEpoch {
  epoch: number;
  /** Episodes accepted and purchases seen up to this time are in the epoch. */
  cutoff: string;
  /** Merkle root over (account, cumulative amount), hex. */
  root: string;
  totalCumulative: bigint;
  /** New tokens minted into the distributor for this epoch. */
  minted: bigint;
  state: EpochState;
  /** Recorded as soon as the mint lands, so a retry never mints twice; "none" when there was nothing to mint. */
  mintTx: string | null;
  publishTx: string | null;
  /** The commitment of the episodes newly accepted in this epoch; null when none had a signed manifest. */
  episodes: { root: string; leaves: EpisodeLeaf[] } | null;
  episodesTx: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export type CreditRole = 'operator' | 'owner' | 'reviewer';
/** episode: emission for an accepted episode; purchase: revenue of a dataset purchase. */
export type CreditSource = 'episode' | 'purchase';

/** What an account earned from one episode, in one role. */
export interface RewardCredit {
  account: string;
  amount: bigint;
  role: CreditRole;
  source: CreditSource;
  episodeId: string;
  /** The purchase whose revenue this is, for source "purchase". */
  purchaseId: string | null;
}

export interface StoredCredit extends RewardCredit {
  id: number;
  epoch: number;
}

/** A new epoch with everything that is written with it in one transaction. */
export interface NewEpoch {
  epoch: number;
  cutoff: string;
  root: string;
  totalCumulative: bigint;
  minted: bigint;
  tree: RewardLeaf[];
  episodes: { root: string; leaves: EpisodeLeaf[] } | null;
  /** This epoch's credits only; earlier ones are already stored. */
  credits: RewardCredit[];
  /** Purchases these credits pay out; they are marked credited to this epoch. */
  purchaseIds: string[];
}

/** An AccessPurchased event of the DatasetRegistry, as the hub keeps it. */
export interface DatasetPurchase {
  /** Transaction hash:log index. */
  id: string;
  tokenId: number;
  /** The dataset version of the token; null when the token is not one this hub published. */
  datasetId: string | null;
  version: number | null;
  buyer: string;
  paid: bigint;
  /** The registry's fee, taken from `paid`; the rest is revenue for the contributors. */
  fee: bigint;
  purpose: string;
  blockNumber: number;
  at: string;
  /** The epoch whose credits paid out this purchase's revenue. */
  creditedEpoch: number | null;
}

/** An accepted episode with what its reward and its on-chain commitment need. */
export interface EpisodeToReward {
  id: string;
  operator: string;
  score: number | null;
  manifest: SignedManifest | null;
  /** Milliseconds the hub verified in its files, capped by the time it saw it recording (null: never verified so). */
  verifiedMs: number | null;
  /** Owner of its robot. */
  owner: string | null;
  /** Manifest-signing address of its robot. */
  signingAddress: string | null;
}

export interface DatasetVersionEpisodes {
  datasetId: string;
  name: string;
  version: number;
  tokenId: number | null;
  /** In dataset order. */
  episodeIds: string[];
}

export interface DatasetDownload {
  /** Signed-in downloader, null when anonymous. */
  address: string | null;
  /** manifest, file, archive. */
  kind: string;
  path: string | null;
  at: string;
  /** What allowed it (open_dataset, purchase, listed_buyer, contributor, admin; public for a manifest), null before it was recorded. */
  purpose: string | null;
}

const now = (): string => new Date().toISOString();

const parseManifest = (text: string | null): SignedManifest | null => (text ? (JSON.parse(text) as SignedManifest) : null);

function epochOf(row: Omit<RewardEpochsTable, 'tree'>): RewardEpoch {
  return {
    epoch: row.epoch,
    cutoff: row.cutoff,
    root: row.root,
    totalCumulative: BigInt(row.total_cumulative),
    minted: BigInt(row.minted),
    state: row.state as EpochState,
    mintTx: row.mint_tx,
    publishTx: row.publish_tx,
    episodes: row.episodes_root ? { root: row.episodes_root, leaves: JSON.parse(row.episodes_tree ?? '[]') as EpisodeLeaf[] } : null,
    episodesTx: row.episodes_tx,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

function purchaseOf(r: DatasetPurchasesTable): DatasetPurchase {
  return {
    id: r.id,
    tokenId: r.token_id,
    datasetId: r.dataset_id,
    version: r.version,
    buyer: r.buyer,
    paid: BigInt(r.paid),
    fee: BigInt(r.fee),
    purpose: r.purpose,
    blockNumber: r.block_number,
    at: r.at,
    creditedEpoch: r.credited_epoch,
  };
}

const EPOCH_COLUMNS = ['epoch', 'cutoff', 'root', 'total_cumulative', 'minted', 'state', 'mint_tx', 'publish_tx', 'episodes_root', 'episodes_tree', 'episodes_tx', 'created_at', 'published_at'] as const;

/** An epoch could not be saved: another settlement (another hub on the same database) stored this epoch or a later one first. */
export class EpochSettledElsewhereError extends Error {
  override name = 'EpochSettledElsewhereError';
  constructor(
    readonly epoch: number,
    readonly latestStored: number,
  ) {
    super(`reward epoch ${epoch} was not saved: epoch ${latestStored} is already stored (another settlement got there first); settle again to compute the next epoch from what is stored now`);
  }
}

export class RewardStore {
  constructor(private readonly db: HubDb) {}

  // --- Epochs --------------------------------------------------------------

  /** The epoch with the highest number, optionally only among those in `state`. */
  async latestEpoch(state?: EpochState): Promise<RewardEpoch | undefined> {
    let q = this.db.selectFrom('reward_epochs').select(EPOCH_COLUMNS);
    if (state) q = q.where('state', '=', state);
    const row = await q.orderBy('epoch', 'desc').limit(1).executeTakeFirst();
    return row && epochOf(row);
  }

  async epoch(epoch: number): Promise<RewardEpoch | undefined> {
    const row = await this.db.selectFrom('reward_epochs').select(EPOCH_COLUMNS).where('epoch', '=', epoch).executeTakeFirst();
    return row && epochOf(row);
  }

  /** Every epoch, newest first. */
  async epochs(): Promise<RewardEpoch[]> {
    const rows = await this.db.selectFrom('reward_epochs').select(EPOCH_COLUMNS).orderBy('epoch', 'desc').execute();
    return rows.map(epochOf);
  }

  /** An epoch's reward tree: each account's cumulative amount and proof. */
  async rewardTree(epoch: number): Promise<RewardLeaf[] | undefined> {
    const row = await this.db.selectFrom('reward_epochs').select('tree').where('epoch', '=', epoch).executeTakeFirst();
    return row && (JSON.parse(row.tree) as RewardLeaf[]);
  }

  /**
   * Stores a computed epoch, its credits, and which purchases they pay out, in one transaction: a crash leaves
   * either the whole epoch or none of it, so the next settlement neither loses nor repeats a credit.
   */
  async saveEpoch(e: NewEpoch): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      // Hubs sharing a database settle one at a time: the first to get here stores its epoch; another that
      // computed the same epoch (or credits an already credited purchase) from what it read before is refused.
      await lockName(tx, 'reward_epochs');
      const latest = await tx.selectFrom('reward_epochs').select(({ fn }) => fn.max('epoch').as('epoch')).executeTakeFirst();
      const latestEpoch = (latest?.epoch as number | null | undefined) ?? 0;
      if (latestEpoch !== e.epoch - 1) throw new EpochSettledElsewhereError(e.epoch, latestEpoch);
      if (e.purchaseIds.length) {
        const credited = await tx.selectFrom('dataset_purchases').select('id').where('id', 'in', e.purchaseIds).where('credited_epoch', 'is not', null).limit(1).executeTakeFirst();
        if (credited) throw new EpochSettledElsewhereError(e.epoch, latestEpoch);
      }
      await tx
        .insertInto('reward_epochs')
        .values({
          epoch: e.epoch,
          cutoff: e.cutoff,
          root: e.root,
          total_cumulative: e.totalCumulative.toString(),
          minted: e.minted.toString(),
          tree: JSON.stringify(e.tree),
          state: 'computed',
          mint_tx: null,
          publish_tx: null,
          episodes_root: e.episodes?.root ?? null,
          episodes_tree: e.episodes ? JSON.stringify(e.episodes.leaves) : null,
          episodes_tx: null,
          created_at: now(),
          published_at: null,
        })
        .execute();
      for (const c of e.credits) {
        await tx
          .insertInto('reward_credits')
          .values({ epoch: e.epoch, account: c.account, amount: c.amount.toString(), role: c.role, source: c.source, episode_id: c.episodeId, purchase_id: c.purchaseId })
          .execute();
      }
      if (e.purchaseIds.length) await tx.updateTable('dataset_purchases').set({ credited_epoch: e.epoch }).where('id', 'in', e.purchaseIds).execute();
    });
  }

  /** What computed epochs up to `epoch` minted on paper but not yet on chain (those computed while no chain was configured). */
  async unmintedEmission(upTo: number): Promise<bigint> {
    const rows = await this.db.selectFrom('reward_epochs').select('minted').where('epoch', '<=', upTo).where('state', '=', 'computed').where('mint_tx', 'is', null).execute();
    return rows.reduce((a, r) => a + BigInt(r.minted), 0n);
  }

  /** Records the mint of an epoch's emission as soon as it lands. */
  async recordMint(epoch: number, tx: string): Promise<void> {
    await this.db.updateTable('reward_epochs').set({ mint_tx: tx }).where('epoch', '=', epoch).execute();
  }

  /** Marks an epoch published and earlier epochs still only computed as superseded (its cumulative root covers them), together. */
  async markPublished(epoch: number, o: { publishTx: string | null; episodesTx: string | null }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('reward_epochs').set({ state: 'published', publish_tx: o.publishTx, episodes_tx: o.episodesTx, published_at: now() }).where('epoch', '=', epoch).execute();
      await tx.updateTable('reward_epochs').set({ state: 'superseded' }).where('epoch', '<', epoch).where('state', '=', 'computed').execute();
    });
  }

  // --- Credits -------------------------------------------------------------

  async creditCount(epoch: number): Promise<number> {
    const row = await this.db.selectFrom('reward_credits').select(({ fn }) => fn.countAll<number>().as('n')).where('epoch', '=', epoch).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Every credit ever stored, as (account, amount): what the next cumulative tree is built on. */
  async creditedAmounts(): Promise<{ account: string; amount: bigint }[]> {
    const rows = await this.db.selectFrom('reward_credits').select(['account', 'amount']).execute();
    return rows.map((r) => ({ account: r.account, amount: BigInt(r.amount) }));
  }

  /** An account's credits, by epoch, in the order they were stored. */
  async creditsOf(account: string): Promise<StoredCredit[]> {
    const rows = await this.db.selectFrom('reward_credits').selectAll().where('account', '=', account).orderBy('epoch').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      epoch: r.epoch,
      account: r.account,
      amount: BigInt(r.amount),
      role: r.role as CreditRole,
      source: r.source as CreditSource,
      episodeId: r.episode_id,
      purchaseId: r.purchase_id,
    }));
  }

  /** The epoch that rewarded an episode's acceptance, if one has. */
  async rewardedEpoch(episodeId: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('reward_credits').select('epoch').where('episode_id', '=', episodeId).where('source', '=', 'episode').limit(1).executeTakeFirst();
    return row?.epoch;
  }

  /** What a robot's owner earned as its owner, for the owners' robot list (ownerRoutes' `ownerEarnings` option; Hub.ts still queries it itself for now). */
  async ownerEarnings(robotId: string, owner: string): Promise<bigint> {
    const rows = await this.db
      .selectFrom('reward_credits')
      .innerJoin('episodes', 'episodes.id', 'reward_credits.episode_id')
      .select('reward_credits.amount')
      .where('episodes.robot_id', '=', robotId)
      .where('reward_credits.role', '=', 'owner')
      .where('reward_credits.account', '=', owner)
      .execute();
    return rows.reduce((a, r) => a + BigInt(r.amount), 0n);
  }

  // --- Purchases -----------------------------------------------------------

  /** Keeps a purchase read from the chain; one already kept (same transaction and log index) is left as it is. */
  async recordPurchase(p: Omit<DatasetPurchase, 'creditedEpoch'>): Promise<void> {
    await this.db
      .insertInto('dataset_purchases')
      .values({
        id: p.id,
        token_id: p.tokenId,
        dataset_id: p.datasetId,
        version: p.version,
        buyer: p.buyer,
        paid: p.paid.toString(),
        fee: p.fee.toString(),
        purpose: p.purpose,
        block_number: p.blockNumber,
        at: p.at,
        credited_epoch: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** Purchases up to `cutoff` whose revenue no epoch has paid out yet, in id order. */
  async uncreditedPurchases(cutoff: string): Promise<DatasetPurchase[]> {
    const rows = await this.db.selectFrom('dataset_purchases').selectAll().where('credited_epoch', 'is', null).where('at', '<=', cutoff).orderBy('id').execute();
    return rows.map(purchaseOf);
  }

  /** A dataset version's purchases, newest first (the latest 1000). */
  async purchasesOf(datasetId: string, version: number): Promise<DatasetPurchase[]> {
    const rows = await this.db.selectFrom('dataset_purchases').selectAll().where('dataset_id', '=', datasetId).where('version', '=', version).orderBy('at', 'desc').limit(1000).execute();
    return rows.map(purchaseOf);
  }

  // --- What rewards read from other aggregates ------------------------------
  // Read-only. These tables belong to the episodes, reviews, robots, datasets
  // and access-log stores; the reads live here until those stores offer them.

  /** Episodes accepted up to `cutoff` that no epoch has rewarded yet, in id order, with their robot's owner and signing key. */
  async acceptedUnrewardedEpisodes(cutoff: string): Promise<EpisodeToReward[]> {
    const rewarded = this.db.selectFrom('reward_credits').select('episode_id').where('source', '=', 'episode');
    const rows = await this.db
      .selectFrom('episodes')
      .leftJoin('robots', 'robots.id', 'episodes.robot_id')
      .select(['episodes.id', 'episodes.operator', 'episodes.score', 'episodes.manifest', 'episodes.verified_ms', 'robots.owner', 'robots.signing_address'])
      .where('episodes.state', '=', 'accepted')
      .where('episodes.quarantined', 'is', null)
      .where('episodes.id', 'not in', this.db.selectFrom('gold_episodes').select('episode_id'))
      .where('episodes.updated_at', '<=', cutoff)
      .where('episodes.id', 'not in', rewarded)
      .orderBy('episodes.id')
      .execute();
    return rows.map((r) => ({ id: r.id, operator: r.operator, score: r.score, manifest: parseManifest(r.manifest), verifiedMs: r.verified_ms, owner: r.owner, signingAddress: r.signing_address }));
  }

  /** The given episodes in id order, with their operator, manifest and robot's owner (score and signing key left out). */
  async episodesWithOwners(ids: string[]): Promise<Omit<EpisodeToReward, 'score' | 'signingAddress'>[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('episodes')
      .leftJoin('robots', 'robots.id', 'episodes.robot_id')
      .select(['episodes.id', 'episodes.operator', 'episodes.manifest', 'episodes.verified_ms', 'robots.owner'])
      .where('episodes.id', 'in', ids)
      .orderBy('episodes.id')
      .execute();
    return rows.map((r) => ({ id: r.id, operator: r.operator, manifest: parseManifest(r.manifest), verifiedMs: r.verified_ms, owner: r.owner }));
  }

  /** Who submitted a review of the episode, in address order. */
  async reviewersOf(episodeId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('reviews').select('reviewer').where('episode_id', '=', episodeId).where('submitted_at', 'is not', null).orderBy('reviewer').execute();
    return rows.map((r) => r.reviewer);
  }

  /** A dataset version's episode ids in dataset order; none when there is no such version. */
  async versionEpisodeIds(datasetId: string, version: number): Promise<string[]> {
    const v = await this.db.selectFrom('dataset_versions').select('episode_ids').where('dataset_id', '=', datasetId).where('version', '=', version).executeTakeFirst();
    return v ? (JSON.parse(v.episode_ids) as string[]) : [];
  }

  async ownsARobot(address: string): Promise<boolean> {
    return !!(await this.db.selectFrom('robots').select('id').where('owner', '=', address).limit(1).executeTakeFirst());
  }

  /** Whether the address was ever assigned a review, submitted or not. */
  async wasAssignedReviews(address: string): Promise<boolean> {
    return !!(await this.db.selectFrom('reviews').select('id').where('reviewer', '=', address).limit(1).executeTakeFirst());
  }

  async episodesOperatedBy(address: string): Promise<string[]> {
    const rows = await this.db.selectFrom('episodes').select('id').where('operator', '=', address).execute();
    return rows.map((r) => r.id);
  }

  async episodesOnRobotsOwnedBy(address: string): Promise<string[]> {
    const rows = await this.db.selectFrom('episodes').innerJoin('robots', 'robots.id', 'episodes.robot_id').select('episodes.id').where('robots.owner', '=', address).execute();
    return rows.map((r) => r.id);
  }

  /** Episodes the address submitted a review of. */
  async episodesReviewedBy(address: string): Promise<string[]> {
    const rows = await this.db.selectFrom('reviews').select('episode_id').where('reviewer', '=', address).where('submitted_at', 'is not', null).execute();
    return rows.map((r) => r.episode_id);
  }

  /** Every dataset version with its dataset's name and its episode ids, newest first. */
  async datasetVersions(): Promise<DatasetVersionEpisodes[]> {
    const rows = await this.db
      .selectFrom('dataset_versions')
      .innerJoin('datasets', 'datasets.id', 'dataset_versions.dataset_id')
      .select(['dataset_versions.dataset_id', 'datasets.name', 'dataset_versions.version', 'dataset_versions.token_id', 'dataset_versions.episode_ids'])
      .orderBy('dataset_versions.created_at', 'desc')
      .execute();
    return rows.map((r) => ({ datasetId: r.dataset_id, name: r.name, version: r.version, tokenId: r.token_id, episodeIds: JSON.parse(r.episode_ids) as string[] }));
  }

  /** A dataset version's downloads, newest first (the latest 1000). */
  async downloadsOf(datasetId: string, version: number): Promise<DatasetDownload[]> {
    const rows = await this.db.selectFrom('dataset_accesses').selectAll().where('dataset_id', '=', datasetId).where('version', '=', version).orderBy('at', 'desc').limit(1000).execute();
    return rows.map((d) => ({ address: d.address, kind: d.kind, path: d.path, at: d.at, purpose: d.purpose }));
  }
}

