// Deploys the contracts and wires their roles: the hub account publishes
// reward roots, dataset versions and episode batches and mints rewards into
// the distributor; the guardian may pause claims; dataset purchases pay the
// distributor (the reward pool).
import { type Account, type Address, type Chain, type PublicClient, type Transport, type WalletClient, getAddress, keccak256, toHex } from 'viem';
import { DatasetRegistryAbi, DatasetRegistryBytecode } from './generated/DatasetRegistry.ts';
import { EpisodeRegistryAbi, EpisodeRegistryBytecode } from './generated/EpisodeRegistry.ts';
import { RewardDistributorAbi, RewardDistributorBytecode } from './generated/RewardDistributor.ts';
import { RewardTokenAbi, RewardTokenBytecode } from './generated/RewardToken.ts';
import { RobotRegistryAbi, RobotRegistryBytecode } from './generated/RobotRegistry.ts';

export interface ContractAddresses {
  robotRegistry: Address;
  rewardToken: Address;
  rewardDistributor: Address;
  datasetRegistry: Address;
  episodeRegistry: Address;
}

export const MINTER_ROLE = keccak256(toHex('MINTER_ROLE'));

type Wallet = WalletClient<Transport, Chain, Account>;

async function deploy(wallet: Wallet, client: PublicClient, abi: readonly unknown[], bytecode: `0x${string}`, args: readonly unknown[]): Promise<Address> {
  const hash = await wallet.deployContract({ abi, bytecode, args } as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress || receipt.status !== 'success') throw new Error(`deployment failed (${hash})`);
  return getAddress(receipt.contractAddress);
}

/** Deploys everything from `wallet` (the admin); `hub` gets the publishing and minting roles. */
export async function deployContracts(wallet: Wallet, client: PublicClient, roles: { hub: Address; guardian: Address }): Promise<ContractAddresses> {
  const admin = wallet.account.address;
  const robotRegistry = await deploy(wallet, client, RobotRegistryAbi, RobotRegistryBytecode, []);
  const rewardToken = await deploy(wallet, client, RewardTokenAbi, RewardTokenBytecode, [admin]);
  const rewardDistributor = await deploy(wallet, client, RewardDistributorAbi, RewardDistributorBytecode, [rewardToken, admin, roles.hub, roles.guardian]);
  const datasetRegistry = await deploy(wallet, client, DatasetRegistryAbi, DatasetRegistryBytecode, [rewardToken, rewardDistributor, admin, roles.hub]);
  const episodeRegistry = await deploy(wallet, client, EpisodeRegistryAbi, EpisodeRegistryBytecode, [admin, roles.hub]);
  const hash = await wallet.writeContract({ address: rewardToken, abi: RewardTokenAbi, functionName: 'grantRole', args: [MINTER_ROLE, roles.hub] });
  await client.waitForTransactionReceipt({ hash });
  return { robotRegistry, rewardToken, rewardDistributor, datasetRegistry, episodeRegistry };
}
