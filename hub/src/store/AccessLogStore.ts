// The hub's records of who did what, kept for history and accounting: who
// drove which robot when (lease events) and who fetched which dataset file
// (dataset accesses). Append-only; the only module that writes these tables.
import type { HubDb } from './database.ts';

export interface DatasetAccess {
  datasetId: string;
  version: number;
  /** Null for an open dataset fetched without signing in. */
  address: string | null;
  /** "file" or "archive". */
  kind: string;
  path: string | null;
  at: string;
  /** What allowed it (access/contentRule.ts): open_dataset, purchase, listed_buyer, contributor, admin; public for a manifest. */
  purpose: string | null;
}

export class AccessLogStore {
  constructor(private readonly db: HubDb) {}

  /** A lease granted, or ended with its reason. */
  async leaseEvent(e: { robotId: string; leaseId: string; operatorId: string; event: string; at: string }): Promise<void> {
    await this.db.insertInto('lease_events').values({ robot_id: e.robotId, lease_id: e.leaseId, operator_id: e.operatorId, event: e.event, at: e.at }).execute();
  }

  async datasetAccess(a: DatasetAccess): Promise<void> {
    await this.db.insertInto('dataset_accesses').values({ dataset_id: a.datasetId, version: a.version, address: a.address, kind: a.kind, path: a.path, at: a.at, purpose: a.purpose }).execute();
  }

}
