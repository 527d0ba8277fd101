// The e-stop as the hub holds it. Pressing e-stop latches it for the robot:
// the latch is stored (it survives a hub restart) and lives in memory, so the
// e-stop path reads and sends without waiting on anything. The robot is sent
// the e-stop at once, and again on every (re)connection, before anything
// else; the latch is `pending` until the robot answers with a
// KIND_ESTOP_ENGAGED event naming it (`confirmed`), and back to `pending`
// whenever the robot reconnects, until it confirms again. While a latch is
// held the hub forwards no command. A reset is asked for (`resetting`) and the
// latch goes only when the robot confirms the reset; the robot must be online
// to ask. Nothing here reports what the robot has not confirmed.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { v1, type EStopLatchView } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { EstopLatch, RobotStore } from '../store/RobotStore.ts';

export interface EStopLatchesOptions {
  store: RobotStore;
  /** Sends a session event to the robot (QoS 1). */
  send: (robotId: string, event: v1.SessionEvent.$Properties) => void;
  logger: Logger;
  /**
   * Hubs sharing state (--redis-url): every change of a latch is also recorded where the other hubs read it. Called
   * only after the robot was sent what it needs: the e-stop never waits on it.
   */
  shared?: SharedLatchRecord;
}

/** Where hubs sharing state record e-stop latches (SharedEStops). */
export interface SharedLatchRecord {
  record(latch: EstopLatch): void;
  clear(robotId: string, id: string): void;
}

export class EStopLatches extends EventEmitter<{ changed: [robotId: string] }> {
  private readonly latches = new Map<string, EstopLatch>();
  /** Writes go to the store one after another, in the order the latches changed. */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly o: EStopLatchesOptions) {
    super();
  }

  /** Loads the latches a previous run held. */
  async load(): Promise<void> {
    for (const l of await this.o.store.estopLatches()) this.latches.set(l.robotId, { ...l, confirmedAt: null, resetRequestedAt: null, resetBy: null });
  }

  /** The robot's latch as operators see it, or null when none is held. */
  view(robotId: string): EStopLatchView | null {
    const l = this.latches.get(robotId);
    if (!l) return null;
    return {
      estopId: l.id,
      state: l.resetRequestedAt ? 'resetting' : l.confirmedAt ? 'confirmed' : 'pending',
      source: l.source,
      reason: l.reason,
      engagedAt: l.engagedAt,
      confirmedAt: l.confirmedAt,
    };
  }

  held(robotId: string): boolean {
    return this.latches.has(robotId);
  }

  /**
   * Latches the e-stop (or presses it again) and sends it to the robot at once; resolves once the latch is stored.
   * A reset under way is called off.
   */
  async engage(robotId: string, source: string, reason: string): Promise<EStopLatchView> {
    const now = new Date().toISOString();
    const before = this.latches.get(robotId);
    const latch: EstopLatch = before ? { ...before, resetRequestedAt: null, resetBy: null } : { robotId, id: `es-${randomUUID()}`, source, reason, engagedAt: now, confirmedAt: null, resetRequestedAt: null, resetBy: null };
    this.latches.set(robotId, latch);
    this.o.send(robotId, { estop: { source, reason, id: latch.id } });
    this.emit('changed', robotId);
    await this.persist(latch);
    return this.view(robotId)!;
  }

  /** Asks the robot to reset the e-stop; the latch goes when it confirms. */
  async requestReset(robotId: string, by: string): Promise<EStopLatchView | null> {
    const l = this.latches.get(robotId);
    if (!l) {
      // Nothing latched here (the robot may be e-stopped on its own): the robot is asked anyway; nothing to wait for.
      this.o.send(robotId, { estopReset: { source: by, id: '' } });
      return null;
    }
    const latch = { ...l, resetRequestedAt: new Date().toISOString(), resetBy: by };
    this.latches.set(robotId, latch);
    this.o.send(robotId, { estopReset: { source: by, id: latch.id } });
    this.emit('changed', robotId);
    await this.persist(latch);
    return this.view(robotId);
  }

  /** The robot (re)connected: it hears of its latch before anything else, and must confirm it again. */
  onOnline(robotId: string): void {
    const l = this.latches.get(robotId);
    if (!l) return;
    const latch = { ...l, confirmedAt: null, resetRequestedAt: null, resetBy: null };
    this.latches.set(robotId, latch);
    this.o.send(robotId, { estop: { source: latch.source, reason: latch.reason, id: latch.id } });
    this.o.logger.warn({ robotId, estopId: latch.id }, 'robot reconnected while e-stopped: e-stop sent again');
    this.emit('changed', robotId);
    void this.persist(latch);
  }

  /** A robot event: the confirmation of an e-stop or of its reset. */
  onRobotEvent(robotId: string, event: v1.RobotEvent): void {
    const l = this.latches.get(robotId);
    if (!l || event.estopId !== l.id) return;
    if (event.kind === v1.RobotEvent.Kind.KIND_ESTOP_ENGAGED && !l.confirmedAt) {
      const latch = { ...l, confirmedAt: new Date().toISOString() };
      this.latches.set(robotId, latch);
      this.o.logger.warn({ robotId, estopId: l.id }, 'e-stop confirmed by the robot');
      this.emit('changed', robotId);
      void this.persist(latch);
    } else if (event.kind === v1.RobotEvent.Kind.KIND_ESTOP_RESET && l.resetRequestedAt) {
      this.latches.delete(robotId);
      this.o.logger.warn({ robotId, estopId: l.id, by: l.resetBy }, 'e-stop reset confirmed by the robot');
      this.emit('changed', robotId);
      void this.remove(robotId, l.id);
    }
  }

  /**
   * Another hub's latch (or its change), read from the shared record: held here too, so this hub forwards no command.
   * The robot was sent the e-stop by the hub where it was pressed.
   */
  adoptShared(latch: EstopLatch): void {
    const here = this.latches.get(latch.robotId);
    // A confirmation heard here first is kept; a reset asked for elsewhere is taken.
    const confirmedAt = latch.confirmedAt ?? (here?.id === latch.id ? here.confirmedAt : null);
    const next = { ...latch, confirmedAt };
    if (here && JSON.stringify(here) === JSON.stringify(next)) return;
    this.latches.set(latch.robotId, next);
    this.emit('changed', latch.robotId);
  }

  /** The robot confirmed the reset of a latch to another hub: it goes here too. */
  dropShared(robotId: string, id: string): void {
    if (this.latches.get(robotId)?.id !== id) return;
    this.latches.delete(robotId);
    this.emit('changed', robotId);
  }

  /** Resolves once every change so far is stored. */
  flushed(): Promise<void> {
    return this.writes;
  }

  private persist(latch: EstopLatch): Promise<void> {
    this.o.shared?.record(latch);
    return this.queue(() => this.o.store.saveEstopLatch(latch), latch.robotId);
  }

  private remove(robotId: string, id: string): Promise<void> {
    this.o.shared?.clear(robotId, id);
    return this.queue(() => this.o.store.deleteEstopLatch(robotId, id), robotId);
  }

  private queue(write: () => Promise<void>, robotId: string): Promise<void> {
    const next = this.writes.then(write).catch((err: unknown) => this.o.logger.error({ err, robotId }, `storing the e-stop latch failed: ${(err as Error).message}`));
    this.writes = next;
    return next;
  }
}
