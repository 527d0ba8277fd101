// Enrolled robots: who they are and how they prove it. The registry is the
// only place that reads or writes the robots table.
import { randomBytes } from 'node:crypto';
import { isValidRobotId } from '@teleop/proto';
import type { HubDb } from '../store/database.ts';
import type { RobotsTable } from '../store/schema.ts';
import { hashSecret, newSecret, secretDigest, verifySecret } from './secretHash.ts';

export interface RobotRecord {
  id: string;
  name: string;
  model: string;
  owner: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** What its owner lets datasets do with its episodes. */
  dataPolicy: DataPolicy;
  /** With the restricted policy: the buyers the owner allows (lowercase addresses). */
  allowedBuyers: string[];
  /** Address of the robot's manifest-signing key, once it announced it. */
  signingAddress: string | null;
}

/** open: any dataset; private: never in a dataset; restricted: only datasets sold to listed buyers alone. */
export type DataPolicy = 'open' | 'private' | 'restricted';

export interface EnrollParameters {
  /** Human name shown in the console, e.g. "lab arm 2". */
  name: string;
  /** Robot model, e.g. "so101_sim" or "so101_follower". */
  model: string;
  /** Owner identity; null when enrolled from the CLI. */
  owner?: string | null;
  /** Use this id instead of a generated one. */
  id?: string;
}

export interface Enrollment {
  robot: RobotRecord;
  /** Shown once; only its hash is stored. */
  secret: string;
}

export type AuthResult = { ok: true } | { ok: false; reason: 'unknown_robot' | 'revoked' | 'bad_secret' };

export class RobotEnrollError extends Error {
  override name = 'RobotEnrollError';
}

export class UnknownRobotError extends Error {
  override name = 'UnknownRobotError';
  constructor(readonly robotId: string) {
    super(`no robot "${robotId}" is enrolled`);
  }
}

/** Names the hub or a broker uses for itself; a robot may not take them. */
const RESERVED_IDS = new Set(['hub', 'admin', 'teleop-hub', 'root']);

function toRecord(row: RobotsTable): RobotRecord {
  return {
    id: row.id,
    name: row.name,
    model: row.model,
    owner: row.owner,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    dataPolicy: row.data_policy as DataPolicy,
    allowedBuyers: row.allowed_buyers ? (JSON.parse(row.allowed_buyers) as string[]) : [],
    signingAddress: row.signing_address,
  };
}

/** Robot ids: "r-" and 10 base32 characters. */
function newRobotId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `r-${Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export class RobotRegistry {
  /** robotId -> (stored hash, digest of a secret that matched it): skips the slow check on reconnects. */
  private readonly verified = new Map<string, { hash: string; digest: string }>();

  constructor(private readonly db: HubDb) {}

  /** Sets a robot's data policy; applies to dataset versions created from now on (built ones never change). */
  async setDataPolicy(id: string, policy: DataPolicy, allowedBuyers: string[] = []): Promise<RobotRecord> {
    if (!['open', 'private', 'restricted'].includes(policy)) throw new RobotEnrollError(`data policy must be open, private or restricted, got "${String(policy)}"`);
    const bad = allowedBuyers.filter((a) => !/^0x[0-9a-fA-F]{40}$/.test(a));
    if (bad.length) throw new RobotEnrollError(`allowed buyers must be 0x addresses: ${bad.join(', ')}`);
    if (policy === 'restricted' && allowedBuyers.length === 0) throw new RobotEnrollError('a restricted robot needs at least one allowed buyer');
    const buyers = policy === 'restricted' ? JSON.stringify([...new Set(allowedBuyers.map((a) => a.toLowerCase()))]) : null;
    const r = await this.db.updateTable('robots').set({ data_policy: policy, allowed_buyers: buyers }).where('id', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new UnknownRobotError(id);
    return (await this.get(id))!;
  }

  async enroll(params: EnrollParameters): Promise<Enrollment> {
    const name = params.name.trim();
    const model = params.model.trim();
    if (!name || name.length > 100) throw new RobotEnrollError('robot name must be 1 to 100 characters');
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(model)) throw new RobotEnrollError(`robot model "${model}" must be 1-64 letters, digits, "_", "." or "-"`);
    const id = params.id ?? newRobotId();
    if (!isValidRobotId(id)) throw new RobotEnrollError(`robot id "${id}" is not valid (lowercase letters, digits, "-" and "_", 2-64 long)`);
    if (RESERVED_IDS.has(id)) throw new RobotEnrollError(`robot id "${id}" is reserved`);
    const existing = await this.db.selectFrom('robots').select('id').where('id', '=', id).executeTakeFirst();
    if (existing) throw new RobotEnrollError(`robot id "${id}" is already enrolled`);
    const secret = newSecret();
    const row: RobotsTable = {
      id,
      name,
      model,
      owner: params.owner ?? null,
      secret_hash: await hashSecret(secret),
      created_at: new Date().toISOString(),
      revoked_at: null,
      secret_rotated_at: null,
      signing_address: null,
      data_policy: 'open',
      allowed_buyers: null,
    };
    await this.db.insertInto('robots').values(row).execute();
    return { robot: toRecord(row), secret };
  }

  async get(id: string): Promise<RobotRecord | undefined> {
    const row = await this.db.selectFrom('robots').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** Enrolled robots, revoked ones only when asked. */
  async list(options: { includeRevoked?: boolean } = {}): Promise<RobotRecord[]> {
    let q = this.db.selectFrom('robots').selectAll().orderBy('created_at');
    if (!options.includeRevoked) q = q.where('revoked_at', 'is', null);
    return (await q.execute()).map(toRecord);
  }

  /** Marks a robot revoked; it can no longer connect. Returns false if it was unknown. */
  async revoke(id: string): Promise<boolean> {
    const res = await this.db
      .updateTable('robots')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    this.verified.delete(id);
    if (Number(res.numUpdatedRows) > 0) return true;
    if (!(await this.get(id))) throw new UnknownRobotError(id);
    return false;
  }

  /** Issues a new secret; the old one stops working at once. */
  async rotateSecret(id: string): Promise<string> {
    const secret = newSecret();
    const res = await this.db
      .updateTable('robots')
      .set({ secret_hash: await hashSecret(secret), secret_rotated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new UnknownRobotError(id);
    this.verified.delete(id);
    return secret;
  }

  async authenticate(id: string, secret: string): Promise<AuthResult> {
    const row = await this.db.selectFrom('robots').select(['secret_hash', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown_robot' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    const digest = secretDigest(secret);
    const known = this.verified.get(id);
    if (known && known.hash === row.secret_hash && known.digest === digest) return { ok: true };
    if (!(await verifySecret(secret, row.secret_hash))) return { ok: false, reason: 'bad_secret' };
    this.verified.set(id, { hash: row.secret_hash, digest });
    return { ok: true };
  }

  /** The robot's registered manifest-signing address, if any. */
  async signingAddress(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('robots').select('signing_address').where('id', '=', id).executeTakeFirst();
    return row?.signing_address ?? null;
  }

  /**
   * Registers the signing address a robot announced, the first time (trust on first use, over its
   * authenticated session). Returns the registered address, which differs when the robot now announces another.
   */
  async registerSigningAddress(id: string, address: string): Promise<string> {
    await this.db.updateTable('robots').set({ signing_address: address }).where('id', '=', id).where('signing_address', 'is', null).execute();
    return (await this.signingAddress(id)) ?? address;
  }

  /** Ids of robots revoked after `sinceIso` (to kick them off a running hub). */
  async revokedSince(sinceIso: string): Promise<{ id: string; revokedAt: string }[]> {
    const rows = await this.db
      .selectFrom('robots')
      .select(['id', 'revoked_at'])
      .where('revoked_at', '>', sinceIso)
      .execute();
    return rows.map((r) => ({ id: r.id, revokedAt: r.revoked_at ?? sinceIso }));
  }
}
