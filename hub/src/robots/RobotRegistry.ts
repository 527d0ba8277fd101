// Enrolled robots: who they are and how they prove it (the rules; the robot
// store keeps the rows).
import { randomBytes } from 'node:crypto';
import { isValidRobotId } from '@teleop/proto';
import type { JointLimit, RobotRecord, RobotStore } from '../store/RobotStore.ts';
import { DataTermsError, parseDataTerms, type DataTermsInput } from './dataTerms.ts';
import { hashSecret, newSecret, verifySecret } from './secretHash.ts';

export type { DataPolicy, RobotRecord } from '../store/RobotStore.ts';
export { DataTermsError };

export interface EnrollParameters {
  /** Human name shown in the console, e.g. "lab arm 2". */
  name: string;
  /** Robot model, e.g. "so101_sim" or "so101_follower". */
  model: string;
  /** Owner identity; null when enrolled from the CLI. */
  owner?: string | null;
  /** Use this id instead of a generated one. */
  id?: string;
  /** Refuse (EnrollmentLimitError) when the owner already has this many robots enrolled and not revoked. */
  ownerLimit?: number;
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

/** The owner has as many robots as the hub allows a wallet. */
export class EnrollmentLimitError extends Error {
  override name = 'EnrollmentLimitError';
  readonly code = 'enrollment_limit';
  constructor(
    readonly owner: string,
    readonly limit: number,
  ) {
    super(
      `wallet ${owner} has ${limit} robots enrolled, the most this hub allows one wallet; revoke one it no longer uses, or ask an admin of the hub for more (admins enroll without a limit and set --max-robots-per-wallet)`,
    );
  }
}

export class UnknownRobotError extends Error {
  override name = 'UnknownRobotError';
  constructor(readonly robotId: string) {
    super(`no robot "${robotId}" is enrolled`);
  }
}

/** Names the hub or a broker uses for itself; a robot may not take them. */
const RESERVED_IDS = new Set(['hub', 'admin', 'teleop-hub', 'root']);

/** Robot ids: "r-" and 10 base32 characters. */
function newRobotId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `r-${Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export class RobotRegistry {
  /** Per owner, the enrollment under way: counting and inserting one at a time keeps a limit exact. */
  private readonly enrolling = new Map<string, Promise<unknown>>();

  constructor(private readonly store: RobotStore) {}

  /** Sets a robot's data policy; applies to dataset versions created from now on (built ones never change). */
  /** Sets the owner's terms for the robot's data (DataTermsError when they are incomplete). */
  async setDataPolicy(id: string, input: DataTermsInput): Promise<RobotRecord> {
    const terms = parseDataTerms(input);
    if (!(await this.store.setDataPolicy(id, terms))) throw new UnknownRobotError(id);
    return (await this.get(id))!;
  }

  async enroll(params: EnrollParameters): Promise<Enrollment> {
    const { owner, ownerLimit } = params;
    if (!owner || ownerLimit === undefined) return this.enrollNow(params);
    return this.oneAtATime(owner, async () => {
      if ((await this.store.countActive(owner)) >= ownerLimit) throw new EnrollmentLimitError(owner, ownerLimit);
      return this.enrollNow(params);
    });
  }

  private async enrollNow(params: EnrollParameters): Promise<Enrollment> {
    const name = params.name.trim();
    const model = params.model.trim();
    if (!name || name.length > 100) throw new RobotEnrollError('robot name must be 1 to 100 characters');
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(model)) throw new RobotEnrollError(`robot model "${model}" must be 1-64 letters, digits, "_", "." or "-"`);
    const id = params.id ?? newRobotId();
    if (!isValidRobotId(id)) throw new RobotEnrollError(`robot id "${id}" is not valid (lowercase letters, digits, "-" and "_", 2-64 long)`);
    if (RESERVED_IDS.has(id)) throw new RobotEnrollError(`robot id "${id}" is reserved`);
    if (await this.store.exists(id)) throw new RobotEnrollError(`robot id "${id}" is already enrolled`);
    const secret = newSecret();
    const robot = await this.store.insert({ id, name, model, owner: params.owner ?? null, secretHash: hashSecret(secret), createdAt: new Date().toISOString() });
    return { robot, secret };
  }

  private oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
    const result = (this.enrolling.get(key) ?? Promise.resolve()).then(run);
    const settled = result.catch(() => undefined);
    this.enrolling.set(key, settled);
    void settled.then(() => {
      if (this.enrolling.get(key) === settled) this.enrolling.delete(key);
    });
    return result;
  }

  get(id: string): Promise<RobotRecord | undefined> {
    return this.store.get(id);
  }

  /** Enrolled robots, revoked ones only when asked. */
  list(options: { includeRevoked?: boolean; owner?: string } = {}): Promise<RobotRecord[]> {
    return this.store.list(options);
  }

  /** Marks a robot revoked; it can no longer connect. Returns false if it was unknown. */
  /** Makes `owner` the owner of an ownerless robot (the embedded default's simulated arm); false when it has one. */
  claimOwner(id: string, owner: string): Promise<boolean> {
    return this.store.claimOwner(id, owner);
  }

  async revoke(id: string): Promise<boolean> {
    const revoked = await this.store.revoke(id, new Date().toISOString());
    if (revoked) return true;
    if (!(await this.get(id))) throw new UnknownRobotError(id);
    return false;
  }

  /** Issues a new secret; the old one stops working at once. */
  async rotateSecret(id: string): Promise<string> {
    const secret = newSecret();
    if (!(await this.store.replaceSecret(id, hashSecret(secret), new Date().toISOString()))) throw new UnknownRobotError(id);
    return secret;
  }

  /** Checks a robot's secret (see RobotAuthGuard for the throttled check of network clients). */
  async authenticate(id: string, secret: string): Promise<AuthResult> {
    const row = await this.store.credentials(id);
    if (!row) return { ok: false, reason: 'unknown_robot' };
    if (row.revoked) return { ok: false, reason: 'revoked' };
    const check = await verifySecret(secret, row.secretHash);
    if (!check.match) return { ok: false, reason: 'bad_secret' };
    // A hash an older hub stored (scrypt) gives way to the cheap form, unless the secret changed meanwhile.
    if (check.outdated) await this.store.upgradeSecretHash(id, row.secretHash, hashSecret(secret));
    return { ok: true };
  }

  /** The robot's registered manifest-signing address, if any. */
  signingAddress(id: string): Promise<string | null> {
    return this.store.signingAddress(id);
  }

  /**
   * Registers the signing address a robot announced, the first time (trust on first use, over its
   * authenticated session). Returns the registered address, which differs when the robot now announces another.
   */
  async registerSigningAddress(id: string, address: string): Promise<string> {
    await this.store.setSigningAddressOnce(id, address);
    return (await this.signingAddress(id)) ?? address;
  }

  /** The joint limits the checks judge the robot's episodes by: those of its first description. */
  jointLimits(id: string): Promise<JointLimit[] | null> {
    return this.store.jointLimits(id);
  }

  /**
   * Registers the joint limits a robot described, the first time (trust on first use, over its authenticated
   * session). Returns the registered ones, which differ when the robot now describes others.
   */
  async registerJointLimits(id: string, limits: JointLimit[]): Promise<JointLimit[]> {
    await this.store.setJointLimitsOnce(id, limits);
    return (await this.store.jointLimits(id)) ?? limits;
  }

  /** Ids of robots revoked after `sinceIso` (to kick them off a running hub). */
  revokedSince(sinceIso: string): Promise<{ id: string; revokedAt: string }[]> {
    return this.store.revokedSince(sinceIso);
  }

  /** Robots whose secret was rotated after `sinceIso` (to end their sessions on a running hub). */
  rotatedSince(sinceIso: string): Promise<{ id: string; rotatedAt: string }[]> {
    return this.store.rotatedSince(sinceIso);
  }

  /** Keeps a robot's presence change, for its owner's online time. */
  recordPresence(robotId: string, online: boolean): Promise<void> {
    return this.store.recordPresence(robotId, online, new Date().toISOString());
  }

  /** Seconds the robot was online in the week before `nowMs`, from its presence history. */
  async onlineSecondsLastWeek(robotId: string, nowMs: number): Promise<number> {
    const WEEK_MS = 7 * 24 * 3_600_000;
    const { onlineBefore, changes } = await this.store.presenceSince(robotId, new Date(nowMs - WEEK_MS).toISOString());
    let online = onlineBefore;
    let from = nowMs - WEEK_MS;
    let total = 0;
    for (const c of changes) {
      const t = Date.parse(c.at);
      if (online) total += t - from;
      online = c.online;
      from = t;
    }
    if (online) total += nowMs - from;
    return Math.round(total / 1000);
  }
}
