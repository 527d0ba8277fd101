// Step 7: the scratch directory's files moved into the store under the
// version's prefix, manifest.json last, so a version's manifest is only ever
// stored beside all of its files.
import { join } from 'node:path';
import { checkAborted, scratchFiles, versionKey, type BuildBase } from './buildContext.ts';

export async function publish(ctx: BuildBase): Promise<void> {
  const paths = (await scratchFiles(ctx)).filter((p) => p !== 'manifest.json');
  for (const path of [...paths, 'manifest.json']) {
    checkAborted(ctx);
    await ctx.blobs.putFile(versionKey(ctx, path), join(ctx.scratch, ...path.split('/')));
  }
}
