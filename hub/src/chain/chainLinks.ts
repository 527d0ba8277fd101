// What ties the hub's records to the chain: a built dataset version is
// published as a DatasetRegistry token (root, manifest hash, URI, license,
// price, parent); purchases are followed from AccessPurchased events into
// SQLite (for download access, revenue credits and the contributors' view);
// downloads of priced or restricted versions are allowed by those records.
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import type { DatasetService } from '../datasets/DatasetService.ts';
import type { Logger } from '../log.ts';
import type { DatasetVersion } from '../datasets/datasetRecords.ts';
import type { DatasetStore } from '../store/DatasetStore.ts';
import type { ChainCursorStore } from '../store/ChainCursorStore.ts';
import type { RewardStore } from '../store/RewardStore.ts';
import type { ChainService } from './ChainService.ts';

/** Publishes every version that gets built (and any built earlier but not yet published). */
export function publishBuiltVersions(o: { versions: DatasetStore; chain: ChainService; datasets: DatasetService; logger: Logger; publicUrl: () => string }): () => Promise<void> {
  const publish = async (datasetId: string, version: number): Promise<void> => {
    const d = await o.datasets.dataset(datasetId);
    const v = await o.datasets.versionRow(datasetId, version);
    if (!d || !v || v.state !== 'ready' || v.token_id !== null || !v.merkle_root || !v.manifest_hash) return;
    const parent = v.parent_version !== null ? await o.datasets.versionRow(datasetId, v.parent_version) : undefined;
    const to: Address = isAddress(d.created_by) ? getAddress(d.created_by) : o.chain.account.address;
    try {
      const { tokenId, hash } = await o.chain.publishDataset({
        to,
        merkleRoot: v.merkle_root as Hex,
        manifestHash: v.manifest_hash as Hex,
        uri: `${o.publicUrl()}/api/v1/datasets/${d.name}/versions/${version}/manifest`,
        // The version's own terms, fixed when it was created.
        license: v.license,
        price: BigInt(v.price),
        parentTokenId: BigInt(parent?.token_id ?? 0),
      });
      await o.versions.setPublished(datasetId, version, Number(tokenId), hash);
      o.logger.info({ dataset: d.name, version, tokenId: Number(tokenId), tx: hash }, 'dataset version published on chain');
    } catch (err) {
      o.logger.error({ dataset: d.name, version, err }, `could not publish the dataset version on chain: ${(err as Error).message}`);
    }
  };
  o.datasets.on('built', (datasetId, version, state) => {
    if (state === 'ready') void publish(datasetId, version);
  });
  return async () => {
    for (const p of await o.versions.unpublishedVersions()) await publish(p.datasetId, p.version);
  };
}

/**
 * Follows AccessPurchased events into dataset_purchases, from where it last read (kept in chain_cursors per
 * contract, so a restart does not rescan the chain); returns a stop function.
 */
/** The chain_cursors row of the purchases follower: how far any hub following this registry has read. */
export const purchasesCursor = (chain: ChainService): string => `purchases:${chain.config.contracts.datasetRegistry}`;

export function followPurchases(o: { versions: DatasetStore; purchases: RewardStore; cursors: ChainCursorStore; chain: ChainService; logger: Logger; intervalMs?: number }): { stop: () => void; poll: () => Promise<void>; readTo: () => bigint } {
  const cursor = purchasesCursor(o.chain);
  let next: bigint | null = null;
  let busy = false;
  const poll = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      if (next === null) {
        const saved = await o.cursors.get(cursor);
        next = saved !== null ? saved + 1n : 0n;
      }
      const { purchases, toBlock } = await o.chain.purchasesSince(next);
      for (const p of purchases) {
        const v = await o.versions.versionByToken(Number(p.tokenId));
        const block = await o.chain.client.getBlock({ blockNumber: p.blockNumber });
        await o.purchases.recordPurchase({
          id: p.id,
          tokenId: Number(p.tokenId),
          datasetId: v?.dataset_id ?? null,
          version: v?.version ?? null,
          buyer: getAddress(p.buyer),
          paid: p.paid,
          fee: p.fee,
          purpose: p.purpose,
          blockNumber: Number(p.blockNumber),
          at: new Date(Number(block.timestamp) * 1000).toISOString(),
        });
        o.logger.info({ tokenId: Number(p.tokenId), buyer: p.buyer, purpose: p.purpose }, 'dataset access purchased');
      }
      if (toBlock + 1n > next) {
        await o.cursors.set(cursor, toBlock);
      }
      next = toBlock + 1n;
    } catch (err) {
      o.logger.warn({ err: (err as Error).message }, 'reading purchases from the chain failed; will retry');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), o.intervalMs ?? 2000);
  timer.unref();
  void poll();
  return { stop: () => clearInterval(timer), poll, readTo: () => (next ?? 0n) - 1n };
}

/** Whether the chain records an address's purchase of a dataset version (who may download is decided in access/access.ts). */
export function purchasedOnChain(chain: ChainService | null) {
  return async ({ version, address }: { version: Pick<DatasetVersion, 'token_id'>; address: string }): Promise<boolean> => {
    if (!chain || version.token_id === null) return false;
    return chain.hasAccess(BigInt(version.token_id), getAddress(address));
  };
}
