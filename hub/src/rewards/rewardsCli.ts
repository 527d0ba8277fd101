// `teleop-hub rewards ...`: settle an epoch now (compute the credits since the
// last epoch, write the tree and proofs into the blob store, mint and publish the root), list the
// epochs, show one account's rewards. Works on the data directory; the chain
// is the one given by --rpc-url/--contracts/--hub-key, or the local chain
// `teleop-hub up` runs (from <data>/chain.json, when it is up).
import { resolve } from 'node:path';
import { BLOB_OPTIONS, HUB_OPTIONS, HubConfigError, OptionReader, readHubConfig, type OptionSpec } from '../config.ts';
import { createLogger } from '../log.ts';
import { openStores } from '../store/stores.ts';
import { openBlobStore } from '../store/openBlobStore.ts';
import { reviewerAgreement } from '../episodes/ReviewService.ts';
import { ChainError, ChainService, readContractsFile } from '../chain/ChainService.ts';
import { LOCAL_HUB_KEY, readLocalChain } from '../chain/localChain.ts';
import { RewardService } from './RewardService.ts';

export const REWARDS_USAGE = `  rewards settle [--json]       settle rewards now: credits since the last epoch, tree, mint, root on chain
  rewards epochs [--json]       the reward epochs
  rewards show ADDRESS [--json] an account's rewards: cumulative, claimed, claimable, proof, credits`;

const OPTIONS: Record<string, OptionSpec> = Object.fromEntries(
  ['data', 'database-url', ...BLOB_OPTIONS, 'chain-id', 'rpc-url', 'contracts', 'hub-key', 'reward-rate', 'reward-weights', 'log-level'].map((k) => [k, HUB_OPTIONS[k as keyof typeof HUB_OPTIONS]]),
);

export async function rewardsCommand(argv: string[]): Promise<number> {
  const r = new OptionReader(argv, OPTIONS, process.env, ['json']);
  const [sub, arg] = r.positionals;
  const config = readHubConfig(new OptionReader(argv.filter((a) => a !== '--json' && a !== sub && a !== arg), HUB_OPTIONS, process.env));
  const json = r.flag('json');
  const dataDir = resolve(config.dataDir);
  const logger = createLogger(json ? 'silent' : config.logLevel === 'info' ? 'warn' : config.logLevel);
  const stores = await openStores({ dataDir, databaseUrl: config.databaseUrl });
  const opened = await openBlobStore(dataDir, config.blobs).catch(async (err: unknown) => {
    await stores.close();
    throw err;
  });
  try {
    let chain: ChainService | null = null;
    if (config.chain) {
      chain = await ChainService.connect({ rpcUrl: config.chain.rpcUrl, chainId: config.chainId, hubKey: config.chain.hubKey!, contracts: readContractsFile(config.chain.contractsFile ?? '') }, logger);
    } else {
      const local = readLocalChain(dataDir);
      if (local) {
        try {
          chain = await ChainService.connect({ rpcUrl: local.rpcUrl, chainId: local.chainId, hubKey: LOCAL_HUB_KEY, contracts: local.contracts }, logger);
        } catch (err) {
          if (!(err instanceof ChainError)) throw err;
          if (sub === 'settle') console.error(`teleop-hub: the local chain of ${dataDir} is not running (${err.message}); the epoch is computed now and published when the hub runs`);
        }
      }
    }
    const rewards = new RewardService({
      store: stores.rewards,
      reviewerAgreement: (r) => reviewerAgreement(stores.reviews, r),
      chain,
      config: { ratePerSecond: config.rewardRate, weights: config.rewardWeights },
      logger,
      blobs: opened.blobs,
    });
    switch (sub) {
      case 'settle': {
        const epoch = await rewards.settle();
        if (json) console.log(JSON.stringify({ epoch }));
        else if (!epoch) console.log('nothing new to settle since the last epoch');
        else console.log(`epoch ${epoch.epoch}: root ${epoch.root}, ${epoch.credits} credits, minted ${epoch.minted}, ${epoch.state}${epoch.publishTx ? ` (tx ${epoch.publishTx})` : ''}`);
        return 0;
      }
      case 'epochs': {
        const epochs = await rewards.epochs();
        if (json) console.log(JSON.stringify({ epochs }));
        else for (const e of epochs) console.log(`${e.epoch}\t${e.state}\t${e.root}\tcredits ${e.credits}\tminted ${e.minted}\tcumulative ${e.totalCumulative}\t${e.cutoff}`);
        return 0;
      }
      case 'show': {
        if (!arg) throw new HubConfigError(['rewards show needs an address']);
        const a = await rewards.forAccount(arg);
        if (json) console.log(JSON.stringify(a));
        else {
          console.log(`${a.address}: cumulative ${a.cumulative} (epoch ${a.epoch ?? '-'}), claimed ${a.claimed ?? 'unknown (no chain)'}, claimable ${a.claimable ?? 'unknown (no chain)'}`);
          for (const e of a.epochs) console.log(`  epoch ${e.epoch}: ${e.amount} from ${e.credits.length} credits`);
        }
        return 0;
      }
      default:
        throw new HubConfigError([`unknown rewards command "${sub ?? ''}" (settle, epochs, show)`]);
    }
  } finally {
    opened.close();
    await stores.close();
  }
}
