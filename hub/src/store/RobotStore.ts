// Enrolled robots and their presence history: the only module that reads or
// writes the robots and robot_presence tables. Rows become typed records here
// (the allowed-buyers list is JSON in its column).
import type { HubDb } from './database.ts';
import type { Selectable } from 'kysely';
import type { RobotsTable } from './schema.ts';

/** An e-stop the hub holds for a robot (see robots/EStopLatches.ts). */
export interface EstopLatch {
  robotId: string;
  id: string;
  source: string;
  reason: string;
  engagedAt: string;
  confirmedAt: string | null;
  resetRequestedAt: string | null;
  resetBy: string | null;
}

/** A joint's position limits (rad), by name, in the order of the robot's state vector. */
export interface JointLimit {
  name: string;
  min: number;
  max: number;
}

/**
 * What an owner lets become of its data. private: never leaves the hub but to its owner, operator, an assigned
 * reviewer and admins; open: any dataset, under the owner's license; commercial: only priced versions, at or above
 * the owner's floor price per hour of data; restricted: only versions for buyers the owner listed.
 */
export type DataPolicy = 'private' | 'open' | 'commercial' | 'restricted';
export const DATA_POLICIES: readonly DataPolicy[] = ['private', 'open', 'commercial', 'restricted'];

/** An owner's terms, for a robot or one of its episodes. */
export interface DataTerms {
  policy: DataPolicy;
  /** SPDX id open data is licensed under. */
  license: string;
  /** For commercial: token base units per hour of data (decimal string); null otherwise. */
  floorPricePerHour: string | null;
  /** For restricted: the buyers the owner allows (lowercase addresses). */
  allowedBuyers: string[];
}

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
  /** With the open policy: the license its data is under. */
  dataLicense: string;
  /** With the commercial policy: the least a version may ask per hour of its data (token base units). */
  floorPricePerHour: string | null;
  /** Address of the robot's manifest-signing key, once it announced it. */
  signingAddress: string | null;
}

/** A new robot as stored: its record and the hash of its secret (the secret itself is never stored). */
export interface NewRobot {
  id: string;
  name: string;
  model: string;
  owner: string | null;
  secretHash: string;
  createdAt: string;
}

function toRecord(row: Selectable<RobotsTable>): RobotRecord {
  return {
    id: row.id,
    name: row.name,
    model: row.model,
    owner: row.owner,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    dataPolicy: row.data_policy as DataPolicy,
    allowedBuyers: row.allowed_buyers ? (JSON.parse(row.allowed_buyers) as string[]) : [],
    dataLicense: row.data_license,
    floorPricePerHour: row.floor_price_per_hour,
    signingAddress: row.signing_address,
  };
}

export class RobotStore {
  constructor(private readonly db: HubDb) {}

  async exists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('robots').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async insert(r: NewRobot): Promise<RobotRecord> {
    const row: Selectable<RobotsTable> = {
      id: r.id,
      name: r.name,
      model: r.model,
      owner: r.owner,
      secret_hash: r.secretHash,
      created_at: r.createdAt,
      revoked_at: null,
      secret_rotated_at: null,
      signing_address: null,
      joint_limits: null,
      data_policy: 'open',
      allowed_buyers: null,
      data_license: 'CC-BY-4.0',
      floor_price_per_hour: null,
    };
    await this.db.insertInto('robots').values(row).execute();
    return toRecord(row);
  }

  async get(id: string): Promise<RobotRecord | undefined> {
    const row = await this.db.selectFrom('robots').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(options: { includeRevoked?: boolean; owner?: string } = {}): Promise<RobotRecord[]> {
    let q = this.db.selectFrom('robots').selectAll().orderBy('created_at');
    if (!options.includeRevoked) q = q.where('revoked_at', 'is', null);
    if (options.owner !== undefined) q = q.where('owner', '=', options.owner);
    return (await q.execute()).map(toRecord);
  }

  /** Robots of an owner that are enrolled and not revoked. */
  async countActive(owner: string): Promise<number> {
    const row = await this.db.selectFrom('robots').select((eb) => eb.fn.countAll<number>().as('n')).where('owner', '=', owner).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** False when there is no such robot. */
  async setDataPolicy(id: string, t: DataTerms): Promise<boolean> {
    const r = await this.db
      .updateTable('robots')
      .set({ data_policy: t.policy, allowed_buyers: t.policy === 'restricted' ? JSON.stringify(t.allowedBuyers) : null, data_license: t.license, floor_price_per_hour: t.floorPricePerHour })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Makes `owner` the owner of a robot that has none and is not revoked; false when it has one (or is gone). */
  async claimOwner(id: string, owner: string): Promise<boolean> {
    const res = await this.db.updateTable('robots').set({ owner }).where('id', '=', id).where('owner', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Marks an enrolled robot revoked at `at`; false when it is unknown or already revoked. */
  async revoke(id: string, at: string): Promise<boolean> {
    const res = await this.db.updateTable('robots').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Replaces the secret hash of a robot that is not revoked; false when there is none. */
  async replaceSecret(id: string, secretHash: string, at: string): Promise<boolean> {
    const res = await this.db
      .updateTable('robots')
      .set({ secret_hash: secretHash, secret_rotated_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Stores another hash of the same secret (a cheaper form), if the stored one is still `from`; not a rotation. */
  async upgradeSecretHash(id: string, from: string, to: string): Promise<void> {
    await this.db.updateTable('robots').set({ secret_hash: to }).where('id', '=', id).where('secret_hash', '=', from).execute();
  }

  /** What authentication compares: the stored secret hash and whether the robot is revoked. */
  async credentials(id: string): Promise<{ secretHash: string; revoked: boolean } | undefined> {
    const row = await this.db.selectFrom('robots').select(['secret_hash', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    return row ? { secretHash: row.secret_hash, revoked: row.revoked_at !== null } : undefined;
  }

  async signingAddress(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('robots').select('signing_address').where('id', '=', id).executeTakeFirst();
    return row?.signing_address ?? null;
  }

  /** Sets the signing address only if none is registered yet (trust on first use). */
  async setSigningAddressOnce(id: string, address: string): Promise<void> {
    await this.db.updateTable('robots').set({ signing_address: address }).where('id', '=', id).where('signing_address', 'is', null).execute();
  }

  /** The joint limits the robot first described itself with, if it has described itself. */
  async jointLimits(id: string): Promise<JointLimit[] | null> {
    const row = await this.db.selectFrom('robots').select('joint_limits').where('id', '=', id).executeTakeFirst();
    return row?.joint_limits ? (JSON.parse(row.joint_limits) as JointLimit[]) : null;
  }

  /** Sets the joint limits only if none are registered yet (trust on first use). */
  async setJointLimitsOnce(id: string, limits: JointLimit[]): Promise<void> {
    await this.db.updateTable('robots').set({ joint_limits: JSON.stringify(limits) }).where('id', '=', id).where('joint_limits', 'is', null).execute();
  }

  // E-stop latches

  /** Every e-stop the hub holds (loaded at start; the latches live in memory after). */
  async estopLatches(): Promise<EstopLatch[]> {
    const rows = await this.db.selectFrom('estop_latches').selectAll().execute();
    return rows.map((r) => ({
      robotId: r.robot_id,
      id: r.id,
      source: r.source,
      reason: r.reason,
      engagedAt: r.engaged_at,
      confirmedAt: r.confirmed_at,
      resetRequestedAt: r.reset_requested_at,
      resetBy: r.reset_by,
    }));
  }

  /** Stores a robot's latch as it is now (one per robot). */
  async saveEstopLatch(l: EstopLatch): Promise<void> {
    const row = {
      robot_id: l.robotId,
      id: l.id,
      source: l.source,
      reason: l.reason,
      engaged_at: l.engagedAt,
      confirmed_at: l.confirmedAt,
      reset_requested_at: l.resetRequestedAt,
      reset_by: l.resetBy,
    };
    await this.db
      .insertInto('estop_latches')
      .values(row)
      .onConflict((oc) => oc.column('robot_id').doUpdateSet(row))
      .execute();
  }

  /** Removes a robot's latch, if it is still the one named. */
  async deleteEstopLatch(robotId: string, id: string): Promise<void> {
    await this.db.deleteFrom('estop_latches').where('robot_id', '=', robotId).where('id', '=', id).execute();
  }

  async rotatedSince(sinceIso: string): Promise<{ id: string; rotatedAt: string }[]> {
    const rows = await this.db.selectFrom('robots').select(['id', 'secret_rotated_at']).where('secret_rotated_at', '>', sinceIso).execute();
    return rows.map((r) => ({ id: r.id, rotatedAt: r.secret_rotated_at ?? sinceIso }));
  }

  async revokedSince(sinceIso: string): Promise<{ id: string; revokedAt: string }[]> {
    const rows = await this.db.selectFrom('robots').select(['id', 'revoked_at']).where('revoked_at', '>', sinceIso).execute();
    return rows.map((r) => ({ id: r.id, revokedAt: r.revoked_at ?? sinceIso }));
  }

  // Presence history

  async recordPresence(robotId: string, online: boolean, at: string): Promise<void> {
    await this.db.insertInto('robot_presence').values({ robot_id: robotId, online: online ? 1 : 0, at }).execute();
  }

  /** Whether the robot was online just before `since`, and every change from then on, oldest first. */
  async presenceSince(robotId: string, since: string): Promise<{ onlineBefore: boolean; changes: { online: boolean; at: string }[] }> {
    const before = await this.db.selectFrom('robot_presence').select(['online']).where('robot_id', '=', robotId).where('at', '<', since).orderBy('at', 'desc').limit(1).executeTakeFirst();
    const rows = await this.db.selectFrom('robot_presence').select(['online', 'at']).where('robot_id', '=', robotId).where('at', '>=', since).orderBy('at').execute();
    return { onlineBefore: before?.online === 1, changes: rows.map((r) => ({ online: r.online === 1, at: r.at })) };
  }
}
