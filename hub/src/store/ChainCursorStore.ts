// How far the hub has read each chain log it follows (one block number per
// follower), so a restart goes on from there instead of rescanning the chain.
import type { HubDb } from './database.ts';

export class ChainCursorStore {
  constructor(private readonly db: HubDb) {}

  /** The last block read by follower `name`, or null before its first read. */
  async get(name: string): Promise<bigint | null> {
    const row = await this.db.selectFrom('chain_cursors').select('block').where('name', '=', name).executeTakeFirst();
    return row ? BigInt(row.block) : null;
  }

  async set(name: string, block: bigint): Promise<void> {
    await this.db
      .insertInto('chain_cursors')
      .values({ name, block: Number(block) })
      .onConflict((oc) => oc.column('name').doUpdateSet({ block: Number(block) }))
      .execute();
  }
}
