// Rewards, settled per epoch. Each accepted episode earns its duration x its
// quality score x a rate; that value is split between the operator who
// recorded it, its robot's owner and its reviewers (weights in config; the
// reviewers' share weighted by their agreement with final verdicts). Paid
// access to a dataset version credits the version's episodes pro rata by
// duration, split the same way. Every credit is stored with the episode behind
// it. An epoch's tree holds each account's cumulative amount (OpenZeppelin
// standard tree, as RewardDistributor checks); the hub mints the epoch's new
// emission into the distributor and publishes the root. Settling with nothing
// new does nothing; an epoch computed but not published is published as it
// was (same root).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { episodesTree, rewardsTree } from '@teleop/contracts';
import { manifestHash, type EpisodeManifest } from '@teleop/proto';
import type { ChainService } from '../chain/ChainService.ts';
import { reviewerAgreement } from '../episodes/ReviewService.ts';
import { ReviewStore } from '../store/ReviewStore.ts';
import type { Logger } from '../log.ts';
import type { HubDb } from '../store/database.ts';

export interface RewardWeights {
  /** Basis points of an episode's value; the three add up to 10,000. */
  operator: number;
  owner: number;
  reviewers: number;
}

export interface RewardConfig {
  /** Token base units per second of accepted episode at quality 1. */
  ratePerSecond: bigint;
  weights: RewardWeights;
}

export class RewardError extends Error {
  override name = 'RewardError';
}

export interface EpochSummary {
  epoch: number;
  root: string;
  totalCumulative: string;
  minted: string;
  state: 'computed' | 'published' | 'superseded';
  publishTx: string | null;
  cutoff: string;
  credits: number;
  /** EpisodeRegistry commitment of the episodes accepted in this epoch. */
  episodesRoot: string | null;
  episodes: number;
  episodesTx: string | null;
}

interface Credit {
  account: string;
  amount: bigint;
  role: 'operator' | 'owner' | 'reviewer';
  source: 'episode' | 'purchase';
  episodeId: string;
  purchaseId: string | null;
}

const now = (): string => new Date().toISOString();

export class RewardService {
  private running: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly o: {
      db: HubDb;
      chain: ChainService | null;
      config: RewardConfig;
      logger: Logger;
      /** Where each epoch's tree and proofs are also written as JSON (epoch-000001.json, ...), for anyone to audit. */
      dir?: string;
    },
  ) {
    const w = o.config.weights;
    if (w.operator + w.owner + w.reviewers !== 10_000 || [w.operator, w.owner, w.reviewers].some((x) => x < 0)) {
      throw new RewardError('reward weights must be non-negative and add up to 1');
    }
  }

  /** Settles every `intervalS` seconds (0: only when asked). */
  start(intervalS: number): void {
    if (intervalS <= 0) return;
    this.timer = setInterval(() => void this.settle().catch((err: Error) => this.o.logger.error({ err }, `reward settlement failed: ${err.message}`)), intervalS * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Splits `value` of one episode between its operator, owner and reviewers. */
  private async split(episode: { id: string; operator: string; owner: string | null }, value: bigint, source: Credit['source'], purchaseId: string | null): Promise<Credit[]> {
    const w = this.o.config.weights;
    const out: Credit[] = [];
    const add = (account: string | null, amount: bigint, role: Credit['role']): void => {
      if (!account || !isAddress(account) || amount <= 0n) return;
      out.push({ account: getAddress(account), amount, role, source, episodeId: episode.id, purchaseId });
    };
    add(episode.operator, (value * BigInt(w.operator)) / 10_000n, 'operator');
    add(episode.owner, (value * BigInt(w.owner)) / 10_000n, 'owner');
    const pool = (value * BigInt(w.reviewers)) / 10_000n;
    const reviewers = await this.o.db.selectFrom('reviews').select('reviewer').where('episode_id', '=', episode.id).where('submitted_at', 'is not', null).orderBy('reviewer').execute();
    if (reviewers.length && pool > 0n) {
      // Weighted by agreement with final verdicts (ppm; a reviewer with no decided reviews counts fully).
      const weights = await Promise.all(reviewers.map(async (r) => BigInt(Math.round(((await reviewerAgreement(new ReviewStore(this.o.db), r.reviewer)).rate ?? 1) * 1e6))));
      const sum = weights.reduce((a, b) => a + b, 0n);
      let given = 0n;
      reviewers.forEach((r, i) => {
        const share = sum === 0n ? 0n : i === reviewers.length - 1 ? pool - given : (pool * weights[i]!) / sum;
        given += share;
        if (sum > 0n) add(r.reviewer, share, 'reviewer');
      });
    }
    return out;
  }

  private durationMs(manifest: string | null): bigint {
    if (!manifest) return 0n;
    const m = (JSON.parse(manifest) as { manifest: { startNs: string; endNs: string } }).manifest;
    const d = (BigInt(m.endNs) - BigInt(m.startNs)) / 1_000_000n;
    return d > 0n ? d : 0n;
  }

  /** New credits since the last epoch: accepted episodes not yet rewarded and purchases not yet credited. */
  private async newCredits(cutoff: string): Promise<{ credits: Credit[]; purchaseIds: string[]; emission: bigint; committed: { episodeId: string; manifestHash: Hex; signer: string }[] }> {
    const credits: Credit[] = [];
    const committed: { episodeId: string; manifestHash: Hex; signer: string }[] = [];
    let emission = 0n;
    const rewarded = this.o.db.selectFrom('reward_credits').select('episode_id').where('source', '=', 'episode');
    const episodes = await this.o.db
      .selectFrom('episodes')
      .leftJoin('robots', 'robots.id', 'episodes.robot_id')
      .select(['episodes.id', 'episodes.operator', 'episodes.score', 'episodes.manifest', 'robots.owner', 'robots.signing_address'])
      .where('episodes.state', '=', 'accepted')
      .where('episodes.updated_at', '<=', cutoff)
      .where('episodes.id', 'not in', rewarded)
      .orderBy('episodes.id')
      .execute();
    for (const e of episodes) {
      const scorePpm = BigInt(Math.round((e.score ?? 0) * 1e6));
      const value = (this.durationMs(e.manifest) * scorePpm * this.o.config.ratePerSecond) / 1_000_000_000n;
      const split = await this.split({ id: e.id, operator: e.operator, owner: e.owner }, value, 'episode', null);
      emission += split.reduce((a, c) => a + c.amount, 0n);
      credits.push(...split);
      if (e.manifest && e.signing_address && isAddress(e.signing_address)) {
        committed.push({ episodeId: e.id, manifestHash: manifestHash((JSON.parse(e.manifest) as { manifest: EpisodeManifest }).manifest), signer: e.signing_address });
      }
    }
    const purchases = await this.o.db.selectFrom('dataset_purchases').selectAll().where('credited_epoch', 'is', null).where('at', '<=', cutoff).orderBy('id').execute();
    for (const p of purchases) {
      const revenue = BigInt(p.paid) - BigInt(p.fee);
      if (!p.dataset_id || p.version === null || revenue <= 0n) continue;
      const v = await this.o.db.selectFrom('dataset_versions').select('episode_ids').where('dataset_id', '=', p.dataset_id).where('version', '=', p.version).executeTakeFirst();
      const ids = v ? (JSON.parse(v.episode_ids) as string[]) : [];
      const eps = ids.length
        ? await this.o.db
            .selectFrom('episodes')
            .leftJoin('robots', 'robots.id', 'episodes.robot_id')
            .select(['episodes.id', 'episodes.operator', 'episodes.manifest', 'robots.owner'])
            .where('episodes.id', 'in', ids)
            .orderBy('episodes.id')
            .execute()
        : [];
      const durations = eps.map((e) => this.durationMs(e.manifest));
      const total = durations.reduce((a, b) => a + b, 0n);
      if (total === 0n) continue;
      for (const [i, e] of eps.entries()) {
        credits.push(...(await this.split({ id: e.id, operator: e.operator, owner: e.owner }, (revenue * durations[i]!) / total, 'purchase', p.id)));
      }
    }
    return { credits, purchaseIds: purchases.map((p) => p.id), emission, committed };
  }

  /** Computes (if there is anything new) and publishes the next epoch. Runs one at a time. */
  settle(): Promise<EpochSummary | null> {
    const run = async (): Promise<EpochSummary | null> => {
      const last = await this.o.db.selectFrom('reward_epochs').selectAll().orderBy('epoch', 'desc').limit(1).executeTakeFirst();
      // An epoch computed but not yet published (chain down, or a crash) is published as it was: same root.
      if (last && last.state === 'computed' && this.o.chain) return this.publish(last.epoch);
      const cutoff = now();
      const { credits, purchaseIds, emission, committed } = await this.newCredits(cutoff);
      if (credits.length === 0) {
        this.o.logger.info('reward settlement: nothing new since the last epoch');
        return null;
      }
      const epoch = (last?.epoch ?? 0) + 1;
      // Cumulative amounts over every credit ever, this epoch's included; duplicates merge in the tree.
      const previous = await this.o.db.selectFrom('reward_credits').select(['account', 'amount']).execute();
      const tree = rewardsTree([...previous.map((c) => [c.account, BigInt(c.amount)] as [string, bigint]), ...credits.map((c) => [c.account, c.amount] as [string, bigint])]);
      const episodes = committed.length ? episodesTree(committed) : null;
      await this.o.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('reward_epochs')
          .values({
            epoch,
            cutoff,
            root: tree.root,
            total_cumulative: tree.total.toString(),
            minted: emission.toString(),
            tree: JSON.stringify([...tree.entries].map(([account, e]) => ({ account, cumulative: e.cumulative.toString(), proof: e.proof }))),
            state: 'computed',
            mint_tx: null,
            publish_tx: null,
            episodes_root: episodes?.root ?? null,
            episodes_tree: episodes ? JSON.stringify(committed.map((c, i) => ({ ...c, proof: episodes.proofs[i] }))) : null,
            episodes_tx: null,
            created_at: now(),
            published_at: null,
          })
          .execute();
        for (const c of credits) {
          await tx
            .insertInto('reward_credits')
            .values({ epoch, account: c.account, amount: c.amount.toString(), role: c.role, source: c.source, episode_id: c.episodeId, purchase_id: c.purchaseId })
            .execute();
        }
        if (purchaseIds.length) await tx.updateTable('dataset_purchases').set({ credited_epoch: epoch }).where('id', 'in', purchaseIds).execute();
      });
      this.o.logger.info({ epoch, root: tree.root, accounts: tree.entries.size, credits: credits.length, emission: emission.toString() }, 'reward epoch computed');
      await this.writeEpochFile(epoch);
      return this.publish(epoch);
    };
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * Mints the epoch's emission (and that of earlier epochs computed while no chain was configured, which this
   * cumulative root covers) into the distributor, publishes the root and commits the epoch's episodes. Each
   * step is recorded as it lands and checked against the chain before it is retried, so nothing happens twice.
   */
  private async publish(epoch: number): Promise<EpochSummary> {
    const row = (await this.o.db.selectFrom('reward_epochs').selectAll().where('epoch', '=', epoch).executeTakeFirst())!;
    const chain = this.o.chain;
    if (chain && row.state === 'computed') {
      if (row.mint_tx === null) {
        const unminted = await this.o.db.selectFrom('reward_epochs').select('minted').where('epoch', '<=', epoch).where('state', '=', 'computed').where('mint_tx', 'is', null).execute();
        const amount = unminted.reduce((a, r) => a + BigInt(r.minted), 0n);
        row.mint_tx = (await chain.mintRewards(amount)) ?? 'none';
        await this.o.db.updateTable('reward_epochs').set({ mint_tx: row.mint_tx }).where('epoch', '=', epoch).execute();
      }
      // A crash after publishing and before recording it: the chain already has this epoch.
      if ((await chain.publishedEpoch()) < BigInt(epoch)) {
        row.publish_tx = await chain.publishRewardsRoot(BigInt(epoch), row.root as Hex, BigInt(row.total_cumulative));
      }
      if (row.episodes_root && !(await chain.episodesCommitted(BigInt(epoch)))) {
        row.episodes_tx = await chain.commitEpisodes(BigInt(epoch), row.episodes_root as Hex, (JSON.parse(row.episodes_tree ?? '[]') as unknown[]).length);
      }
      await this.o.db.transaction().execute(async (tx) => {
        await tx.updateTable('reward_epochs').set({ state: 'published', publish_tx: row.publish_tx, episodes_tx: row.episodes_tx, published_at: now() }).where('epoch', '=', epoch).execute();
        await tx.updateTable('reward_epochs').set({ state: 'superseded' }).where('epoch', '<', epoch).where('state', '=', 'computed').execute();
      });
      row.state = 'published';
      await this.writeEpochFile(epoch);
      this.o.logger.info({ epoch, root: row.root, tx: row.publish_tx }, 'reward epoch published');
    }
    return this.summary(row);
  }

  private async summary(row: { epoch: number; root: string; total_cumulative: string; minted: string; state: string; publish_tx: string | null; cutoff: string; episodes_root: string | null; episodes_tree: string | null; episodes_tx: string | null }): Promise<EpochSummary> {
    const credits = await this.o.db.selectFrom('reward_credits').select(({ fn }) => fn.countAll<number>().as('n')).where('epoch', '=', row.epoch).executeTakeFirst();
    return {
      epoch: row.epoch,
      root: row.root,
      totalCumulative: row.total_cumulative,
      minted: row.minted,
      state: row.state as EpochSummary['state'],
      publishTx: row.publish_tx,
      cutoff: row.cutoff,
      credits: Number(credits?.n ?? 0),
      episodesRoot: row.episodes_root,
      episodes: row.episodes_tree ? (JSON.parse(row.episodes_tree) as unknown[]).length : 0,
      episodesTx: row.episodes_tx,
    };
  }

  /** Where an episode was committed on chain: epoch, root, its leaf and proof (null until its epoch is computed). */
  async commitment(episodeId: string): Promise<{ epoch: number; root: string; manifestHash: string; signer: string; proof: string[]; tx: string | null } | null> {
    const epoch = await this.o.db.selectFrom('reward_credits').select('epoch').where('episode_id', '=', episodeId).where('source', '=', 'episode').limit(1).executeTakeFirst();
    if (!epoch) return null;
    const row = await this.o.db.selectFrom('reward_epochs').select(['epoch', 'episodes_root', 'episodes_tree', 'episodes_tx']).where('epoch', '=', epoch.epoch).executeTakeFirst();
    const leaf = row?.episodes_tree ? (JSON.parse(row.episodes_tree) as { episodeId: string; manifestHash: string; signer: string; proof: string[] }[]).find((e) => e.episodeId === episodeId) : undefined;
    if (!row || !leaf || !row.episodes_root) return null;
    return { epoch: row.epoch, root: row.episodes_root, manifestHash: leaf.manifestHash, signer: leaf.signer, proof: leaf.proof, tx: row.episodes_tx };
  }

  private async writeEpochFile(epoch: number): Promise<void> {
    if (!this.o.dir) return;
    await mkdir(this.o.dir, { recursive: true });
    await writeFile(join(this.o.dir, `epoch-${String(epoch).padStart(6, '0')}.json`), JSON.stringify(await this.epochDocument(epoch), null, 2));
  }

  /** An epoch in full: its reward tree (every account's cumulative amount and proof) and its episode commitment. */
  async epochDocument(epoch: number): Promise<Record<string, unknown> | null> {
    const row = await this.o.db.selectFrom('reward_epochs').selectAll().where('epoch', '=', epoch).executeTakeFirst();
    if (!row) return null;
    return {
      epoch,
      cutoff: row.cutoff,
      rewards: { encoding: ['address', 'uint256'], root: row.root, totalCumulative: row.total_cumulative, minted: row.minted, leaves: JSON.parse(row.tree) as unknown },
      episodes: row.episodes_root ? { encoding: ['bytes32', 'address'], root: row.episodes_root, leaves: JSON.parse(row.episodes_tree ?? '[]') as unknown } : null,
      state: row.state,
      publishTx: row.publish_tx,
      episodesTx: row.episodes_tx,
    };
  }

  async epochs(): Promise<EpochSummary[]> {
    const rows = await this.o.db.selectFrom('reward_epochs').select(['epoch', 'root', 'total_cumulative', 'minted', 'state', 'publish_tx', 'cutoff', 'episodes_root', 'episodes_tree', 'episodes_tx']).orderBy('epoch', 'desc').execute();
    return Promise.all(rows.map((r) => this.summary(r)));
  }

  /** An account's rewards: cumulative amount and proof of the latest published epoch, what it claimed, and the credits behind it. */
  async forAccount(address: string): Promise<{
    address: Address;
    epoch: number | null;
    root: string | null;
    cumulative: string;
    claimed: string | null;
    claimable: string | null;
    proof: string[];
    epochs: { epoch: number; amount: string; credits: { episodeId: string; role: string; source: string; amount: string; purchaseId: string | null }[] }[];
  }> {
    if (!isAddress(address)) throw new RewardError(`${address} is not an address`);
    const account = getAddress(address);
    const latest = await this.o.db.selectFrom('reward_epochs').selectAll().where('state', '=', this.o.chain ? 'published' : 'computed').orderBy('epoch', 'desc').limit(1).executeTakeFirst();
    const entry = latest ? (JSON.parse(latest.tree) as { account: string; cumulative: string; proof: string[] }[]).find((e) => e.account === account) : undefined;
    const claimed = this.o.chain ? await this.o.chain.claimed(account) : null;
    const cumulative = BigInt(entry?.cumulative ?? '0');
    const rows = await this.o.db.selectFrom('reward_credits').selectAll().where('account', '=', account).orderBy('epoch').orderBy('id').execute();
    const byEpoch = new Map<number, typeof rows>();
    for (const r of rows) byEpoch.set(r.epoch, [...(byEpoch.get(r.epoch) ?? []), r]);
    return {
      address: account,
      epoch: latest?.epoch ?? null,
      root: latest?.root ?? null,
      cumulative: cumulative.toString(),
      claimed: claimed === null ? null : claimed.toString(),
      claimable: claimed === null ? null : (cumulative > claimed ? cumulative - claimed : 0n).toString(),
      proof: entry?.proof ?? [],
      epochs: [...byEpoch].map(([epoch, list]) => ({
        epoch,
        amount: list.reduce((a, r) => a + BigInt(r.amount), 0n).toString(),
        credits: list.map((r) => ({ episodeId: r.episode_id, role: r.role, source: r.source, amount: r.amount, purchaseId: r.purchase_id })),
      })),
    };
  }
}
