// Getting a dataset version and checking it: `pull` downloads the manifest,
// checks its Merkle root (against the hub's record of the version, and an
// expected root when given, e.g. the one recorded on chain), then every file,
// resuming partial files with HTTP ranges (If-Range on the file's SHA-256, so
// a changed file starts over) and checking each file's size and SHA-256.
// `verify` checks a downloaded directory on its own.
import { createPublicClient, http, type Address } from 'viem';
import { DatasetRegistryAbi } from '@teleop/contracts';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkDatasetManifest, DatasetManifestError, type DatasetFile, type DatasetManifest } from '@teleop/proto';

export class DatasetVerifyError extends Error {
  override name = 'DatasetVerifyError';
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
  }
}

export class DatasetPullError extends Error {
  override name = 'DatasetPullError';
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The local path of a manifest entry, refusing paths that would leave the directory. */
function localPath(dir: string, file: DatasetFile): string {
  const p = resolve(dir, ...file.path.split('/'));
  if (!p.startsWith(resolve(dir) + sep)) throw new DatasetManifestError(`manifest path ${file.path} leaves the dataset directory`);
  return p;
}

function checkRoot(manifest: DatasetManifest, expectedRoot: string | undefined): void {
  checkDatasetManifest(manifest);
  if (expectedRoot && expectedRoot.toLowerCase() !== manifest.merkle.root.toLowerCase()) {
    throw new DatasetManifestError(`the manifest's Merkle root ${manifest.merkle.root} is not the expected root ${expectedRoot}`);
  }
}

export interface VerifyReport {
  root: string;
  files: number;
  bytes: number;
}

/** Checks a dataset directory: the manifest's root, then every file's size and SHA-256. */
export async function verifyDatasetDir(dir: string, o: { expectedRoot?: string; onFile?: (path: string) => void } = {}): Promise<VerifyReport> {
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as DatasetManifest;
  } catch (err) {
    throw new DatasetVerifyError(`cannot read ${join(dir, 'manifest.json')}: ${(err as Error).message}`, ['manifest.json unreadable']);
  }
  try {
    checkRoot(manifest, o.expectedRoot);
  } catch (err) {
    throw new DatasetVerifyError((err as Error).message, [(err as Error).message]);
  }
  const problems: string[] = [];
  let bytes = 0;
  for (const f of manifest.files) {
    o.onFile?.(f.path);
    const p = localPath(dir, f);
    const size = (await stat(p).catch(() => null))?.size;
    if (size === undefined) problems.push(`${f.path}: missing`);
    else if (size !== f.size) problems.push(`${f.path}: ${size} bytes, the manifest says ${f.size}`);
    else if ((await sha256File(p)) !== f.sha256) problems.push(`${f.path}: SHA-256 differs from the manifest (corrupted or changed)`);
    else bytes += size;
  }
  if (problems.length) throw new DatasetVerifyError(`${problems.length} of ${manifest.files.length} files do not match the manifest:\n  ${problems.join('\n  ')}`, problems);
  return { root: manifest.merkle.root, files: manifest.files.length, bytes };
}

export interface PullOptions {
  hubUrl: string;
  /** Dataset id or name, and version (undefined: latest). */
  dataset: string;
  version?: number;
  out: string;
  /** Session token, for priced datasets. */
  token?: string;
  /** A root the manifest must have (e.g. the one recorded on chain). */
  expectedRoot?: string;
  /**
   * JSON-RPC URL of a node to read the version's on-chain root from, when the hub published it (default: the
   * hub's relay, which checks the hub against the chain it names; give your own node to trust neither).
   */
  rpcUrl?: string;
  onProgress?: (e: { path: string; done: boolean; resumedFrom?: number; skipped?: boolean }) => void;
}

export interface PullReport extends VerifyReport {
  /** The root recorded on chain for this version's DatasetRegistry token (null: not published). */
  onChain: { tokenId: number; root: string; rpc: string } | null;
  downloaded: number;
  resumed: number;
  skipped: number;
}

/** Downloads a version into `out` (resuming what is there) and verifies it. */
export async function pullDataset(o: PullOptions): Promise<PullReport> {
  const base = `${o.hubUrl.replace(/\/$/, '')}/api/v1/datasets/${encodeURIComponent(o.dataset)}/versions/${o.version ?? 'latest'}`;
  const headers: Record<string, string> = o.token ? { authorization: `Bearer ${o.token}` } : {};
  const res = await fetch(`${base}/manifest`, { headers });
  if (!res.ok) throw new DatasetPullError(`the hub answered ${res.status} for the manifest of ${o.dataset}@${o.version ?? 'latest'}: ${await res.text()}`);
  const manifestText = await res.text();
  const manifest = JSON.parse(manifestText) as DatasetManifest;
  // The manifest must be the one the hub recorded for this version (and the chain, when given).
  const record = (await (await fetch(base, { headers })).json()) as { merkleRoot?: string; tokenId?: number | null };
  checkRoot(manifest, o.expectedRoot);
  if (record.merkleRoot && record.merkleRoot.toLowerCase() !== manifest.merkle.root.toLowerCase()) {
    throw new DatasetManifestError(`the manifest's root ${manifest.merkle.root} is not the root the hub recorded for this version (${record.merkleRoot})`);
  }
  let onChain: PullReport['onChain'] = null;
  if (typeof record.tokenId === 'number') {
    const chain = (await (await fetch(`${o.hubUrl.replace(/\/$/, '')}/api/v1/chain`)).json()) as { contracts?: { datasetRegistry: Address } };
    if (!chain.contracts) throw new DatasetPullError('the hub says this version is on chain but names no chain (GET /api/v1/chain)');
    const rpc = o.rpcUrl ?? `${o.hubUrl.replace(/\/$/, '')}/api/v1/chain/rpc`;
    const client = createPublicClient({ transport: http(rpc) });
    const v = await client.readContract({ address: chain.contracts.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'version', args: [BigInt(record.tokenId)] });
    if (v.merkleRoot.toLowerCase() !== manifest.merkle.root.toLowerCase()) {
      throw new DatasetManifestError(`the manifest's root ${manifest.merkle.root} is not the root recorded on chain for token ${record.tokenId} (${v.merkleRoot})`);
    }
    onChain = { tokenId: record.tokenId, root: v.merkleRoot, rpc };
  }
  await mkdir(o.out, { recursive: true });
  const report: PullReport = { root: manifest.merkle.root, onChain, files: manifest.files.length, bytes: 0, downloaded: 0, resumed: 0, skipped: 0 };
  for (const f of manifest.files) {
    const dest = localPath(o.out, f);
    const part = `${dest}.part`;
    const have = (await stat(dest).catch(() => null))?.size;
    if (have === f.size && (await sha256File(dest)) === f.sha256) {
      report.skipped++;
      report.bytes += f.size;
      o.onProgress?.({ path: f.path, done: true, skipped: true });
      continue;
    }
    await mkdir(dirname(dest), { recursive: true });
    let offset = (await stat(part).catch(() => null))?.size ?? 0;
    if (offset > f.size) {
      await rm(part);
      offset = 0;
    }
    const url = `${base}/files/${f.path.split('/').map(encodeURIComponent).join('/')}`;
    const fileHeaders = { ...headers, ...(offset > 0 ? { range: `bytes=${offset}-`, 'if-range': `"${f.sha256}"` } : {}) };
    if (offset < f.size || f.size === 0) {
      const r = await fetch(url, { headers: fileHeaders });
      if (r.status === 402) throw new DatasetPullError(`${o.dataset} is a priced dataset: ${await r.text()}`);
      if (r.status !== 200 && r.status !== 206) throw new DatasetPullError(`${f.path}: the hub answered ${r.status}`);
      const append = r.status === 206;
      if (append) {
        report.resumed++;
        o.onProgress?.({ path: f.path, done: false, resumedFrom: offset });
      }
      if (!r.body) throw new DatasetPullError(`${f.path}: empty response`);
      await pipeline(Readable.fromWeb(r.body as import('node:stream/web').ReadableStream), createWriteStream(part, { flags: append ? 'a' : 'w' }));
    }
    const size = (await stat(part)).size;
    const digest = await sha256File(part);
    if (size !== f.size || digest !== f.sha256) {
      await rm(part, { force: true });
      throw new DatasetPullError(`${f.path}: received ${size} bytes with SHA-256 ${digest}; the manifest says ${f.size} bytes, ${f.sha256} (removed; pull again)`);
    }
    await rename(part, dest);
    report.downloaded++;
    report.bytes += f.size;
    o.onProgress?.({ path: f.path, done: true });
  }
  await writeFile(join(o.out, 'manifest.json'), manifestText);
  return report;
}
