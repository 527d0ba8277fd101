// Row types of every table, as Kysely sees them.
import type { Generated } from 'kysely';

export interface RobotsTable {
  id: string;
  name: string;
  model: string;
  /** Owner identity (wallet address once sign-in lands); null for CLI enrollments. */
  owner: string | null;
  /** scrypt hash of the robot's secret; the secret itself is never stored. */
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  secret_rotated_at: string | null;
}

export interface LeaseEventsTable {
  id: Generated<number>;
  robot_id: string;
  lease_id: string;
  operator_id: string;
  /** "granted" or the end reason. */
  event: string;
  at: string;
}

/** Signed-in sessions; the bearer token itself is never stored, only its SHA-256. */
export interface SessionsTable {
  token_hash: string;
  /** Checksummed wallet address. */
  address: string;
  created_at: string;
  expires_at: string;
}

/** Presence changes of robots, for online time. */
export interface RobotPresenceTable {
  id: Generated<number>;
  robot_id: string;
  online: number;
  at: string;
}

export interface Database {
  robots: RobotsTable;
  lease_events: LeaseEventsTable;
  sessions: SessionsTable;
  robot_presence: RobotPresenceTable;
}
