// Step 5: the raw bundle, each episode as recorded: its MCAP and camera MP4s,
// copied from the episode's blobs into the version (a server-side copy where
// the store has one), and the robot-signed manifest beside them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { episodeBlobKey } from '../../store/BlobStore.ts';
import { checkAborted, versionKey, type BuildBase } from './buildContext.ts';
import type { Sources } from './sources.ts';

export interface RawBundle {
  /** Manifest paths of the files already stored under the version (not in the scratch directory). */
  storedFiles: string[];
}

export async function storeRawBundle(ctx: BuildBase & Sources): Promise<RawBundle> {
  const storedFiles: string[] = [];
  for (const s of ctx.sources) {
    for (const name of ['episode.mcap', ...s.manifest.cameras.map((c) => c.file)]) {
      const path = `raw/${s.id}/${name}`;
      checkAborted(ctx);
      await ctx.blobs.copy(episodeBlobKey(s.id, name), versionKey(ctx, path));
      storedFiles.push(path);
    }
    await mkdir(join(ctx.scratch, 'raw', s.id), { recursive: true });
    await writeFile(join(ctx.scratch, 'raw', s.id, 'manifest.json'), JSON.stringify(s.signed, null, 2));
  }
  return { storedFiles };
}
