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

export interface Database {
  robots: RobotsTable;
  lease_events: LeaseEventsTable;
}
