// Small pieces the cluster tests share: poses compared joint by joint, a hub's
// ingest share from its health, a robot's events as an operator receives them,
// and an operator's latest lease grant.
import { v1, type LeaseUpdate } from '@teleop/proto';
import type { OperatorClient } from './OperatorClient.ts';
import type { RunningHub } from './processes.ts';

/** Every joint within 0.01 rad of the target. */
export function near(positions: number[], target: number[]): boolean {
  return positions.every((p, i) => Math.abs(p - target[i]!) < 0.01);
}

export interface IngestHealth {
  ingest?: { hubId: string; hubsAlive: number; robotsIngested: number };
}

/** Which share of the robots a hub ingests, as its /api/v1/health says (absent without --redis-url). */
export async function ingestOf(hub: RunningHub): Promise<IngestHealth['ingest']> {
  return ((await (await fetch(`${hub.url}/api/v1/health`)).json()) as IngestHealth).ingest;
}

/** The robot's events as an operator subscribed to it receives them (the array fills as they come). */
export function eventsOf(op: OperatorClient): v1.RobotEvent[] {
  const events: v1.RobotEvent[] = [];
  op.socket.on('robot:event', (_robotId: string, payload: unknown) => events.push(v1.RobotEvent.decode(new Uint8Array(payload as ArrayBuffer))));
  return events;
}

/** The last lease grant an operator was told of. */
export function lastGrant(op: OperatorClient): LeaseUpdate | undefined {
  return op.leaseUpdates.filter((u) => u.status === 'granted').at(-1);
}
