// Where a built dataset version lives in the blob store: every file its
// manifest lists, and the manifest itself, under datasets/<dataset id>/v<n>/
// (e.g. datasets/d-.../v2/lerobot/meta/info.json). Nothing else names these keys.

/** The prefix of a version's blobs, ending in "/". */
export function versionPrefix(datasetId: string, version: number): string {
  return `datasets/${datasetId}/v${version}/`;
}

/** The key of one file of a version, by its path in the manifest ("manifest.json" for the manifest). */
export function versionFileKey(datasetId: string, version: number, path: string): string {
  return `${versionPrefix(datasetId, version)}${path}`;
}
