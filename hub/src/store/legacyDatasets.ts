// Before the blob store held built datasets, a version's files sat under
// <data>/datasets/<id>/v<n>/. A hub started on such a data directory moves
// them into the blob store (a rename on one disk) under the keys versions have
// now, so versions built then are served as before; a file the store already
// holds is left where it is.
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BlobStore } from './BlobStore.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Moves every version directory of the old layout into `blobs`; returns how many files moved. */
export async function adoptLegacyDatasetDirs(dataDir: string, blobs: BlobStore): Promise<number> {
  const root = join(dataDir, 'datasets');
  let moved = 0;
  for (const dataset of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!dataset.isDirectory()) continue;
    for (const version of await readdir(join(root, dataset.name), { withFileTypes: true }).catch(() => [])) {
      // v<n> only: a v<n>.building directory was a build the old hub never finished (it is built again).
      if (!version.isDirectory() || !/^v\d+$/.test(version.name)) continue;
      const dir = join(root, dataset.name, version.name);
      for (const file of await filesUnder(dir)) {
        const key = `datasets/${dataset.name}/${version.name}/${relative(dir, file).split(sep).join('/')}`;
        if (await blobs.head(key)) continue;
        await blobs.putFile(key, file);
        moved++;
      }
    }
  }
  // What is left is empty directories, building leftovers and files the store already had.
  if (moved > 0) await rm(root, { recursive: true, force: true });
  else await rmdir(root).catch(() => undefined);
  return moved;
}
