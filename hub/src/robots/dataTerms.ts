// An owner's terms for its data (per robot, or per episode over its robot's),
// read from what the owner sent: each term with what it needs, or a
// DataTermsError saying what is missing.
import { DATA_POLICIES, type DataPolicy, type DataTerms } from '../store/RobotStore.ts';

export type { DataPolicy, DataTerms } from '../store/RobotStore.ts';

/** What an owner sends to set terms. */
export interface DataTermsInput {
  policy: DataPolicy;
  /** open: the SPDX license of the data (default CC-BY-4.0). */
  license?: string;
  /** commercial: the least a version may ask per hour of data, in token base units (decimal string). */
  floorPricePerHour?: string;
  /** restricted: the buyers allowed (0x addresses). */
  allowedBuyers?: string[];
}

export class DataTermsError extends Error {
  override name = 'DataTermsError';
  readonly code = 'bad_request';
  readonly httpStatus = 400;
}

export const DEFAULT_LICENSE = 'CC-BY-4.0';

export function parseDataTerms(t: DataTermsInput): DataTerms {
  if (!DATA_POLICIES.includes(t.policy)) throw new DataTermsError(`data policy must be one of ${DATA_POLICIES.join(', ')}, got "${String(t.policy)}"`);
  const license = t.license ?? DEFAULT_LICENSE;
  if (!/^[A-Za-z0-9.+-]{1,64}$/.test(license)) throw new DataTermsError(`license must be an SPDX identifier such as CC-BY-4.0, got "${license}"`);
  const buyers = t.allowedBuyers ?? [];
  const bad = buyers.filter((a) => typeof a !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(a));
  if (bad.length) throw new DataTermsError(`allowed buyers must be 0x addresses: ${bad.join(', ')}`);
  if (t.policy === 'restricted' && buyers.length === 0) throw new DataTermsError('restricted data needs at least one allowed buyer (allowedBuyers)');
  if (t.policy === 'commercial' && (t.floorPricePerHour === undefined || !/^\d{1,78}$/.test(t.floorPricePerHour) || BigInt(t.floorPricePerHour) === 0n)) {
    throw new DataTermsError('commercial data needs floorPricePerHour: a positive integer amount of the reward token per hour of data');
  }
  return {
    policy: t.policy,
    license,
    floorPricePerHour: t.policy === 'commercial' ? t.floorPricePerHour! : null,
    allowedBuyers: t.policy === 'restricted' ? [...new Set(buyers.map((a) => a.toLowerCase()))] : [],
  };
}

/** JSON schema of DataTermsInput, for the routes that take it. */
export const DATA_TERMS_SCHEMA = {
  type: 'object',
  required: ['policy'],
  additionalProperties: false,
  properties: {
    policy: { enum: [...DATA_POLICIES] },
    license: { type: 'string', maxLength: 64 },
    floorPricePerHour: { type: 'string', pattern: '^[0-9]{1,78}$' },
    allowedBuyers: { type: 'array', maxItems: 1000, items: { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' } },
  },
} as const;
