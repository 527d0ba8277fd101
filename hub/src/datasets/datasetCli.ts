// `teleop-hub dataset ...`: create a dataset (or a new version) from accepted
// episodes in a data directory, list them, pull a version from a hub with
// resume and verification, and verify a downloaded directory.
import { join, resolve } from 'node:path';
import { DatasetManifestError } from '@teleop/proto';
import { BLOB_OPTIONS, HUB_OPTIONS, HubConfigError, OptionReader, readBlobStore, readDatabaseUrl, type OptionSpec } from '../config.ts';
import { createLogger } from '../log.ts';
import { openBlobStore } from '../store/openBlobStore.ts';
import { openStores } from '../store/stores.ts';
import { DEFAULT_LIMITS } from './build/buildContext.ts';
import { buildDatasetVersion } from './build/buildVersion.ts';
import type { DatasetSelection, DatasetUnits } from './datasetRecords.ts';
import { DatasetError, DatasetService } from './DatasetService.ts';
import { DatasetPullError, DatasetVerifyError, pullDataset, verifyDatasetDir } from './pullDataset.ts';
import { versionPrefix } from './versionKeys.ts';

export const DATASET_USAGE = `  dataset create --name N [--title T] [--license SPDX] [--price WEI] [--units radians|degrees|normalized] [selection]
                                build a dataset (version 1) from accepted episodes in --data
  dataset version NAME [selection] [--parent V]
                                build a new version of a dataset from a new selection
  dataset list [--json]         datasets and their versions in --data
  dataset pull NAME[@VERSION] --hub URL --out DIR [--token T] [--root 0x...] [--rpc-url URL]
                                download a version (resuming), verify every file, the Merkle root,
                                and the root recorded on chain when the version was published
  dataset verify DIR [--root 0x...]
                                check a downloaded version against its manifest (and an expected root)
    selection: [--robot-model M] [--robot ID] [--task T] [--min-score 0..1] [--from DATE] [--to DATE]
               [--operator 0x...] [--episodes ID,ID,...]`;

const OPTIONS: Record<string, OptionSpec> = {
  data: HUB_OPTIONS.data,
  'database-url': HUB_OPTIONS['database-url'],
  'public-url': HUB_OPTIONS['public-url'],
  'chain-id': HUB_OPTIONS['chain-id'],
  'dataset-data-mb': HUB_OPTIONS['dataset-data-mb'],
  'dataset-video-mb': HUB_OPTIONS['dataset-video-mb'],
  ...Object.fromEntries(BLOB_OPTIONS.map((k) => [k, HUB_OPTIONS[k]])),
  name: { env: 'TELEOP_DATASET_NAME', help: 'dataset name' },
  title: { env: 'TELEOP_DATASET_TITLE', help: 'dataset title' },
  description: { env: 'TELEOP_DATASET_DESCRIPTION', help: 'dataset description' },
  license: { env: 'TELEOP_DATASET_LICENSE', help: 'SPDX license id' },
  price: { env: 'TELEOP_DATASET_PRICE', help: 'price in the reward token (0: open)' },
  units: { env: 'TELEOP_DATASET_UNITS', help: 'units of state and action: radians (default), degrees or normalized (LeRobot SO-101 conventions)' },
  by: { env: 'TELEOP_DATASET_BY', help: 'address recorded as the creator' },
  parent: { env: 'TELEOP_DATASET_PARENT', help: 'parent version' },
  'robot-model': { env: 'TELEOP_SELECT_ROBOT_MODEL', help: 'select by robot model' },
  robot: { env: 'TELEOP_SELECT_ROBOT', help: 'select by robot id' },
  task: { env: 'TELEOP_SELECT_TASK', help: 'select by task' },
  'min-score': { env: 'TELEOP_SELECT_MIN_SCORE', help: 'lowest quality score' },
  from: { env: 'TELEOP_SELECT_FROM', help: 'earliest start' },
  to: { env: 'TELEOP_SELECT_TO', help: 'latest start' },
  operator: { env: 'TELEOP_SELECT_OPERATOR', help: 'select by operator address' },
  episodes: { env: 'TELEOP_SELECT_EPISODES', help: 'explicit episode ids' },
  hub: { env: 'TELEOP_HUB_URL', help: 'hub URL to pull from' },
  out: { env: 'TELEOP_DATASET_OUT', help: 'directory to pull into' },
  token: { env: 'TELEOP_TOKEN', help: 'session token (priced datasets)' },
  root: { env: 'TELEOP_DATASET_ROOT', help: 'expected Merkle root' },
  'rpc-url': { env: 'TELEOP_PULL_RPC_URL', help: "node to read the on-chain root from (default: the hub's relay)" },
};

function selectionOf(r: OptionReader): DatasetSelection {
  const s: DatasetSelection = {};
  const str = (k: string): string | undefined => r.string(k);
  if (str('robot-model')) s.robotModel = str('robot-model');
  if (str('robot')) s.robotId = str('robot');
  if (str('task')) s.task = str('task');
  if (str('min-score') !== undefined) s.minScore = Number(str('min-score'));
  if (str('from')) s.from = str('from');
  if (str('to')) s.to = str('to');
  if (str('operator')) s.operator = str('operator');
  if (str('episodes')) s.episodeIds = str('episodes')!.split(',').map((x) => x.trim()).filter(Boolean);
  return s;
}

async function withService<T>(r: OptionReader, run: (svc: DatasetService, hubUrl: string) => Promise<T>): Promise<T> {
  const dataDir = resolve(r.string('data') ?? './data');
  const databaseUrl = readDatabaseUrl(r);
  const blobConfig = readBlobStore(r);
  const limits = { ...DEFAULT_LIMITS, dataFilesSizeMb: r.number('dataset-data-mb', 0.001, 100_000), videoFilesSizeMb: r.number('dataset-video-mb', 0.001, 100_000) };
  const chainId = r.int('chain-id', 1, 2 ** 32);
  const hubUrl = r.string('public-url') ?? 'http://127.0.0.1:8080';
  r.check();
  const stores = await openStores({ dataDir, databaseUrl });
  const logger = createLogger('warn');
  const opened = await openBlobStore(dataDir, blobConfig);
  const blobs = opened.blobs;
  const scratchDir = join(dataDir, 'dataset-builds');
  const svc = new DatasetService({ store: stores.datasets, rights: stores.rights, blobs, logger, quarantine: (episodeId, reason) => stores.episodes.quarantine(episodeId, reason), build: (o) => buildDatasetVersion({ blobs, limits, hubUrl, chainId, scratchDir }, o) });
  try {
    return await run(svc, hubUrl);
  } finally {
    opened.close();
    await stores.close();
  }
}

export async function datasetCommand(argv: string[]): Promise<number> {
  const r = new OptionReader(argv, OPTIONS, process.env, ['json']);
  const [sub, arg] = r.positionals;
  try {
    switch (sub) {
      case 'create':
      case 'version': {
        return await withService(r, async (svc, hubUrl) => {
          const by = r.string('by') ?? 'cli';
          const created =
            sub === 'create'
              ? await svc.create({ name: r.string('name') ?? '', title: r.string('title'), description: r.string('description'), license: r.string('license'), price: r.string('price'), units: r.string('units') as DatasetUnits | undefined }, selectionOf(r), by)
              : await (async () => {
                  const d = arg ? await svc.find(arg) : undefined;
                  if (!d) throw new DatasetError('unknown_dataset', `no dataset ${arg ?? '(give a name)'}`);
                  return svc.addVersion(d.id, selectionOf(r), by, r.string('parent') ? Number(r.string('parent')) : undefined);
                })();
          await svc.idle();
          const view = (await svc.view(created.datasetId))!;
          const v = view.versions.find((x) => x.version === created.version)!;
          if (r.flag('json')) console.log(JSON.stringify(v));
          else if (v.state === 'ready') {
            console.log(`built ${view.name}@${v.version}: ${v.summary!.totalEpisodes} episodes, ${v.summary!.totalFrames} frames, root ${v.merkleRoot}`);
            console.log(`  blobs ${versionPrefix(view.id, v.version)}; manifest at ${hubUrl}/api/v1/datasets/${view.name}/versions/${v.version}/manifest`);
          }
          if (v.state !== 'ready') {
            console.error(`teleop-hub: ${view.name}@${v.version} failed to build: ${v.reason}`);
            return 1;
          }
          return 0;
        });
      }
      case 'list': {
        return await withService(r, async (svc) => {
          const all = await svc.list();
          if (r.flag('json')) console.log(JSON.stringify(all));
          else for (const d of all) for (const v of d.versions) console.log(`${d.name}@${v.version}\t${v.state}\t${v.summary?.totalEpisodes ?? '-'} episodes\t${v.merkleRoot ?? ''}`);
          return 0;
        });
      }
      case 'pull': {
        const hub = r.string('hub');
        const out = r.string('out');
        if (!arg || !hub || !out) throw new HubConfigError(['dataset pull needs NAME[@VERSION], --hub URL and --out DIR']);
        const [name, version] = arg.split('@');
        const report = await pullDataset({
          hubUrl: hub,
          dataset: name!,
          version: version === undefined || version === 'latest' ? undefined : Number(version),
          out: resolve(out),
          token: r.string('token'),
          expectedRoot: r.string('root'),
          rpcUrl: r.string('rpc-url'),
          onProgress: (e) => {
            if (e.resumedFrom !== undefined && !r.flag('json')) console.log(`resuming ${e.path} from byte ${e.resumedFrom}`);
          },
        });
        console.log(r.flag('json') ? JSON.stringify(report) : `pulled ${arg}: ${report.files} files (${report.downloaded} downloaded, ${report.resumed} resumed, ${report.skipped} already here), every file verified; root ${report.root}${report.onChain ? `, matching token ${report.onChain.tokenId} on chain (read through ${report.onChain.rpc})` : ' (not published on chain)'}`);
        return 0;
      }
      case 'verify': {
        if (!arg) throw new HubConfigError(['dataset verify needs a directory']);
        const report = await verifyDatasetDir(resolve(arg), { expectedRoot: r.string('root') });
        console.log(r.flag('json') ? JSON.stringify(report) : `ok: ${report.files} files match the manifest; root ${report.root}`);
        return 0;
      }
      default:
        throw new HubConfigError([`unknown dataset command "${sub ?? ''}" (create, version, list, pull, verify)`]);
    }
  } catch (err) {
    if (err instanceof DatasetError || err instanceof DatasetVerifyError || err instanceof DatasetPullError || err instanceof DatasetManifestError) {
      console.error(`teleop-hub: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
