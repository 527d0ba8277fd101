// The reward distribution tree: OpenZeppelin standard-tree leaves of
// (address account, uint256 cumulativeAmount), the encoding
// RewardDistributor.claim checks. Accounts listed twice are merged (their
// amounts added), never duplicated.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { getAddress, type Address, type Hex } from 'viem';

export const REWARD_LEAF_ENCODING = ['address', 'uint256'] as const;

export class RewardsTreeError extends Error {
  override name = 'RewardsTreeError';
}

export interface RewardsTree {
  root: Hex;
  /** Per account (checksummed): cumulative amount and proof. */
  entries: Map<Address, { cumulative: bigint; proof: Hex[] }>;
  total: bigint;
}

/** Builds the tree of cumulative amounts; duplicate accounts are summed. */
export function rewardsTree(amounts: Iterable<[account: string, cumulative: bigint]>): RewardsTree {
  const merged = new Map<Address, bigint>();
  for (const [a, amount] of amounts) {
    if (amount < 0n) throw new RewardsTreeError(`negative amount for ${a}`);
    const account = getAddress(a);
    merged.set(account, (merged.get(account) ?? 0n) + amount);
  }
  const values = [...merged].filter(([, v]) => v > 0n).sort(([x], [y]) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1));
  if (values.length === 0) throw new RewardsTreeError('a reward tree needs at least one account with a positive amount');
  const tree = StandardMerkleTree.of(values, [...REWARD_LEAF_ENCODING]);
  const entries = new Map<Address, { cumulative: bigint; proof: Hex[] }>();
  for (const [i, [account, cumulative]] of tree.entries()) entries.set(account, { cumulative, proof: tree.getProof(i) as Hex[] });
  return { root: tree.root as Hex, entries, total: values.reduce((a, [, v]) => a + v, 0n) };
}

/** EpisodeRegistry leaves: (bytes32 manifestHash, address robotSigner). */
export const EPISODE_LEAF_ENCODING = ['bytes32', 'address'] as const;

/** The commitment of a batch of accepted episodes, with each episode's proof (leaves in the order given). */
export function episodesTree(episodes: readonly { manifestHash: Hex; signer: string }[]): { root: Hex; proofs: Hex[][] } {
  if (episodes.length === 0) throw new RewardsTreeError('an episode commitment needs at least one episode');
  const tree = StandardMerkleTree.of(
    episodes.map((e) => [e.manifestHash, getAddress(e.signer)]),
    [...EPISODE_LEAF_ENCODING],
  );
  const proofs: Hex[][] = [];
  for (const [i] of tree.entries()) proofs[i] = tree.getProof(i) as Hex[];
  return { root: tree.root as Hex, proofs };
}
