// A dataset and its versions as the hub keeps them: what DatasetStore reads and
// writes (with the JSON in its columns already parsed), what DatasetService
// hands out, and what the builder is given and returns. Records keep their
// tables' column names; the parts the API answers as they are are typed in
// proto's httpApi.
import type { httpApi } from '@teleop/proto';

export type DatasetSelection = httpApi.DatasetSelection;

export type DatasetUnits = httpApi.DatasetUnits;
export const DATASET_UNITS: readonly DatasetUnits[] = ['radians', 'degrees', 'normalized'];

/** What a built version holds, kept with the version for listings and the console (typed in proto's httpApi). */
export type VersionSummary = httpApi.VersionSummary;

/** A row of `datasets`, with its allowed buyers parsed. */
export interface Dataset {
  id: string;
  /** URL-safe name, unique, e.g. "so101-pick-cube". */
  name: string;
  title: string;
  description: string;
  /** SPDX id (e.g. CC-BY-4.0) of the data's license. */
  license: string;
  /** 0 for open access; otherwise the price in the reward token's smallest unit (decimal string). */
  price: string;
  /** Wallet address of whoever created it. */
  created_by: string;
  created_at: string;
  /** When set, only these addresses (lowercase) may download it. */
  allowed_buyers: string[] | null;
  units: DatasetUnits;
}

export type VersionState = 'building' | 'ready' | 'failed';

/** A row of `dataset_versions`, with its selection, episode ids and summary parsed. */
export interface DatasetVersion {
  dataset_id: string;
  version: number;
  parent_version: number | null;
  /** The selection as asked: filters and/or explicit episode ids. */
  selection: DatasetSelection;
  /** The frozen episode ids in dataset order. */
  episode_ids: string[];
  state: VersionState;
  reason: string | null;
  /** Merkle root of the version's files (hex), once built. */
  merkle_root: string | null;
  manifest_hash: string | null;
  summary: VersionSummary | null;
  /** Bytes of all files. */
  size_bytes: number | null;
  created_by: string;
  created_at: string;
  built_at: string | null;
  /** DatasetRegistry token of this version, once published on chain. */
  token_id: number | null;
  publish_tx: string | null;
  /** The version's own terms, fixed when it was created: price (token base units, "0" free), license, listed buyers (lowercase) or null. */
  price: string;
  license: string;
  allowed_buyers: string[] | null;
}
