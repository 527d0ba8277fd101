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
// was (same root). Contributors also see, per dataset version holding their
// episodes, its purchases and downloads.
import { Readable } from 'node:stream';
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { episodesTree, rewardsTree } from '@teleop/contracts';
import { manifestHash, type httpApi } from '@teleop/proto';
import type { ChainService } from '../chain/ChainService.ts';
import type { Logger } from '../log.ts';
import type { BlobStore } from '../store/BlobStore.ts';
import { EpochSettledElsewhereError, type RewardCredit, type RewardEpoch, type RewardStore } from '../store/RewardStore.ts';

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

export type EpochSummary = httpApi.Epoch;

export type UsageReport = httpApi.UsageReport;

const now = (): string => new Date().toISOString();

/** The blob key of an epoch's audit document (its reward tree with proofs, its episode commitment). */
export const epochBlobKey = (epoch: number): string => `rewards/epoch-${String(epoch).padStart(6, '0')}.json`;

export class RewardService {
  private running: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly o: {
      store: RewardStore;
      /** How often a reviewer's verdicts agreed with final ones (null rate: none decided yet); weights the reviewers' share. */
      reviewerAgreement: (reviewer: string) => Promise<{ rate: number | null }>;
      chain: ChainService | null;
      config: RewardConfig;
      logger: Logger;
      /**
       * Where each epoch's tree and proofs are also written as JSON, for anyone to audit: the blob store the hub keeps
       * episodes and datasets in (files or S3), under rewards/epoch-000001.json, ...
       */
      blobs?: BlobStore;
      /** Reads of these episodes' own content (files, trajectory), newest first: shown to their contributors. */
      episodeAccesses?: (episodeIds: string[]) => Promise<{ episodeId: string; address: string; kind: string; path: string | null; purpose: string; at: string }[]>;
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
  private async split(episode: { id: string; operator: string; owner: string | null }, value: bigint, source: RewardCredit['source'], purchaseId: string | null): Promise<RewardCredit[]> {
    const w = this.o.config.weights;
    const out: RewardCredit[] = [];
    const add = (account: string | null, amount: bigint, role: RewardCredit['role']): void => {
      if (!account || !isAddress(account) || amount <= 0n) return;
      out.push({ account: getAddress(account), amount, role, source, episodeId: episode.id, purchaseId });
    };
    add(episode.operator, (value * BigInt(w.operator)) / 10_000n, 'operator');
    add(episode.owner, (value * BigInt(w.owner)) / 10_000n, 'owner');
    const pool = (value * BigInt(w.reviewers)) / 10_000n;
    const reviewers = await this.o.store.reviewersOf(episode.id);
    if (reviewers.length && pool > 0n) {
      // Weighted by the reviewer's record (ppm): gold accuracy once it counts, else agreement with final verdicts; a
      // reviewer below the gold bar weighs nothing. The rounding remainder goes to the heaviest, never to a weightless one.
      const weights = await Promise.all(reviewers.map(async (r) => BigInt(Math.round(((await this.o.reviewerAgreement(r)).rate ?? 1) * 1e6))));
      const sum = weights.reduce((a, b) => a + b, 0n);
      if (sum > 0n) {
        const shares = weights.map((w) => (pool * w) / sum);
        const heaviest = weights.indexOf(weights.reduce((a, b) => (b > a ? b : a)));
        shares[heaviest] = shares[heaviest]! + pool - shares.reduce((a, b) => a + b, 0n);
        reviewers.forEach((r, i) => {
          if (shares[i]! > 0n) add(r, shares[i]!, 'reviewer');
        });
      }
    }
    return out;
  }

  /** The seconds an episode is paid for: what the hub verified in its files, capped by what it saw live; never the manifest's word. */
  private durationMs(e: { verifiedMs: number | null }): bigint {
    return e.verifiedMs !== null && e.verifiedMs > 0 ? BigInt(Math.round(e.verifiedMs)) : 0n;
  }

  /** New credits since the last epoch: accepted episodes not yet rewarded and purchases not yet credited. */
  private async newCredits(cutoff: string): Promise<{ credits: RewardCredit[]; purchaseIds: string[]; emission: bigint; committed: { episodeId: string; manifestHash: Hex; signer: string }[] }> {
    const credits: RewardCredit[] = [];
    const committed: { episodeId: string; manifestHash: Hex; signer: string }[] = [];
    let emission = 0n;
    const episodes = await this.o.store.acceptedUnrewardedEpisodes(cutoff);
    for (const e of episodes) {
      const scorePpm = BigInt(Math.round((e.score ?? 0) * 1e6));
      const value = (this.durationMs(e) * scorePpm * this.o.config.ratePerSecond) / 1_000_000_000n;
      const split = await this.split({ id: e.id, operator: e.operator, owner: e.owner }, value, 'episode', null);
      emission += split.reduce((a, c) => a + c.amount, 0n);
      credits.push(...split);
      if (e.manifest && e.signingAddress && isAddress(e.signingAddress)) {
        committed.push({ episodeId: e.id, manifestHash: manifestHash(e.manifest.manifest), signer: e.signingAddress });
      }
    }
    const purchases = await this.o.store.uncreditedPurchases(cutoff);
    for (const p of purchases) {
      const revenue = p.paid - p.fee;
      if (!p.datasetId || p.version === null || revenue <= 0n) continue;
      const eps = await this.o.store.episodesWithOwners(await this.o.store.versionEpisodeIds(p.datasetId, p.version));
      const durations = eps.map((e) => this.durationMs(e));
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
      const last = await this.o.store.latestEpoch();
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
      const previous = await this.o.store.creditedAmounts();
      const tree = rewardsTree([...previous.map((c) => [c.account, c.amount] as [string, bigint]), ...credits.map((c) => [c.account, c.amount] as [string, bigint])]);
      const episodes = committed.length ? episodesTree(committed) : null;
      try {
        await this.o.store.saveEpoch({
          epoch,
          cutoff,
          root: tree.root,
          totalCumulative: tree.total,
          minted: emission,
          tree: [...tree.entries].map(([account, e]) => ({ account, cumulative: e.cumulative.toString(), proof: e.proof })),
          episodes: episodes ? { root: episodes.root, leaves: committed.map((c, i) => ({ ...c, proof: episodes.proofs[i]! })) } : null,
          credits,
          purchaseIds,
        });
      } catch (err) {
        // Another hub on the same database settled this epoch while this one computed it: its epoch stands.
        if (!(err instanceof EpochSettledElsewhereError)) throw err;
        this.o.logger.info({ epoch, latestStored: err.latestStored }, 'reward settlement: another hub settled this epoch first');
        return null;
      }
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
    const row = await this.o.store.epoch(epoch);
    if (!row) throw new RewardError(`reward epoch ${epoch} is not in the database; it cannot be published`);
    const chain = this.o.chain;
    if (chain && row.state === 'computed') {
      if (row.mintTx === null) {
        const amount = await this.o.store.unmintedEmission(epoch);
        row.mintTx = (await chain.mintRewards(amount)) ?? 'none';
        await this.o.store.recordMint(epoch, row.mintTx);
      }
      // A crash after publishing and before recording it: the chain already has this epoch.
      if ((await chain.publishedEpoch()) < BigInt(epoch)) {
        row.publishTx = await chain.publishRewardsRoot(BigInt(epoch), row.root as Hex, row.totalCumulative);
      }
      if (row.episodes && !(await chain.episodesCommitted(BigInt(epoch)))) {
        row.episodesTx = await chain.commitEpisodes(BigInt(epoch), row.episodes.root as Hex, row.episodes.leaves.length);
      }
      await this.o.store.markPublished(epoch, { publishTx: row.publishTx, episodesTx: row.episodesTx });
      row.state = 'published';
      await this.writeEpochFile(epoch);
      this.o.logger.info({ epoch, root: row.root, tx: row.publishTx }, 'reward epoch published');
    }
    return this.summary(row);
  }

  private async summary(row: RewardEpoch): Promise<EpochSummary> {
    return {
      epoch: row.epoch,
      root: row.root,
      totalCumulative: row.totalCumulative.toString(),
      minted: row.minted.toString(),
      state: row.state,
      publishTx: row.publishTx,
      cutoff: row.cutoff,
      credits: await this.o.store.creditCount(row.epoch),
      episodesRoot: row.episodes?.root ?? null,
      episodes: row.episodes?.leaves.length ?? 0,
      episodesTx: row.episodesTx,
    };
  }

  /** Where an episode was committed on chain: epoch, root, its leaf and proof (null until its epoch is computed). */
  async commitment(episodeId: string): Promise<{ epoch: number; root: string; manifestHash: string; signer: string; proof: string[]; tx: string | null } | null> {
    const epoch = await this.o.store.rewardedEpoch(episodeId);
    if (epoch === undefined) return null;
    const row = await this.o.store.epoch(epoch);
    const leaf = row?.episodes?.leaves.find((e) => e.episodeId === episodeId);
    if (!row?.episodes || !leaf) return null;
    return { epoch: row.epoch, root: row.episodes.root, manifestHash: leaf.manifestHash, signer: leaf.signer, proof: leaf.proof, tx: row.episodesTx };
  }

  private async writeEpochFile(epoch: number): Promise<void> {
    if (!this.o.blobs) return;
    await this.o.blobs.write(epochBlobKey(epoch), Readable.from([Buffer.from(JSON.stringify(await this.epochDocument(epoch), null, 2))]));
  }

  /** An epoch in full: its reward tree (every account's cumulative amount and proof) and its episode commitment. */
  async epochDocument(epoch: number): Promise<Record<string, unknown> | null> {
    const row = await this.o.store.epoch(epoch);
    const tree = await this.o.store.rewardTree(epoch);
    if (!row || !tree) return null;
    return {
      epoch,
      cutoff: row.cutoff,
      rewards: { encoding: ['address', 'uint256'], root: row.root, totalCumulative: row.totalCumulative.toString(), minted: row.minted.toString(), leaves: tree },
      episodes: row.episodes ? { encoding: ['bytes32', 'address'], root: row.episodes.root, leaves: row.episodes.leaves } : null,
      state: row.state,
      publishTx: row.publishTx,
      episodesTx: row.episodesTx,
    };
  }

  async epochs(): Promise<EpochSummary[]> {
    const rows = await this.o.store.epochs();
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
    const latest = await this.o.store.latestEpoch(this.o.chain ? 'published' : 'computed');
    const entry = latest ? (await this.o.store.rewardTree(latest.epoch))?.find((e) => e.account === account) : undefined;
    const claimed = this.o.chain ? await this.o.chain.claimed(account) : null;
    const cumulative = BigInt(entry?.cumulative ?? '0');
    const rows = await this.o.store.creditsOf(account);
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
        amount: list.reduce((a, r) => a + r.amount, 0n).toString(),
        credits: list.map((r) => ({ episodeId: r.episodeId, role: r.role, source: r.source, amount: r.amount.toString(), purchaseId: r.purchaseId })),
      })),
    };
  }

  /** Roles follow from what an address has done: everyone may operate and buy; owners own robots; reviewers were assigned reviews. */
  async rolesOf(address: Address, admin: boolean): Promise<string[]> {
    const roles = ['operator', 'researcher'];
    if (await this.o.store.ownsARobot(address)) roles.push('owner');
    if (await this.o.store.wasAssignedReviews(address)) roles.push('reviewer');
    if (admin) roles.push('admin');
    return roles;
  }

  /** Every dataset version with an episode the address operated, owns the robot of, or reviewed (every version when `all`); with its purchases and downloads. */
  async usageFor(address: Address, all = false): Promise<UsageReport> {
    const store = this.o.store;
    const roles = new Map<string, Set<'operator' | 'owner' | 'reviewer'>>();
    const mark = (ids: string[], as: 'operator' | 'owner' | 'reviewer'): void => {
      for (const id of ids) roles.set(id, (roles.get(id) ?? new Set()).add(as));
    };
    mark(await store.episodesOperatedBy(address), 'operator');
    mark(await store.episodesOnRobotsOwnedBy(address), 'owner');
    mark(await store.episodesReviewedBy(address), 'reviewer');
    const out: UsageReport['datasets'] = [];
    for (const v of await store.datasetVersions()) {
      const mine = v.episodeIds.filter((id) => roles.has(id));
      if (!all && mine.length === 0) continue;
      const purchases = await store.purchasesOf(v.datasetId, v.version);
      const downloads = await store.downloadsOf(v.datasetId, v.version);
      out.push({
        datasetId: v.datasetId,
        name: v.name,
        version: v.version,
        tokenId: v.tokenId,
        myEpisodes: mine.map((id) => ({ episodeId: id, as: [...roles.get(id)!] })),
        purchases: purchases.map((p) => ({ buyer: p.buyer, paid: p.paid.toString(), purpose: p.purpose, at: p.at, tx: p.id.split(':')[0]! })),
        downloads,
      });
    }
    const episodeAccesses = this.o.episodeAccesses ? await this.o.episodeAccesses([...roles.keys()]) : [];
    return { address, datasets: out, episodeAccesses };
  }
}
