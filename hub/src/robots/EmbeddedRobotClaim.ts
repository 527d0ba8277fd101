// The embedded default (`teleop-hub up`, `npm start`) belongs to someone:
// the first wallet that signs in on a fresh data directory owns its
// simulated robot, and is the hub's admin and a curator, so a newcomer can
// try My robots, data terms, on-chain registration and dataset building on
// their own machine. Only `up` creates one of these; `serve` never does. Only
// a sign-in from this machine (its TCP peer on loopback) can claim: `up --host
// 0.0.0.0` must not hand the hub to the first stranger on the network.
import type { Logger } from '../log.ts';
import type { DataRightsStore } from '../store/DataRightsStore.ts';
import type { RobotFleet } from './RobotFleet.ts';
import type { RobotRegistry } from './RobotRegistry.ts';

export interface EmbeddedRobotClaimOptions {
  registry: RobotRegistry;
  fleet: RobotFleet;
  rights: DataRightsStore;
  logger: Logger;
}

export class EmbeddedRobotClaim {
  private robotId: string | null = null;
  /** The simulated robot's owner (lowercase): the embedded default's admin. */
  private owner: string | null = null;
  private claiming: Promise<void> = Promise.resolve();
  /** A wallet that signed in before the robot was enrolled (the hub listens first): it is first all the same. */
  private early: string | null = null;

  constructor(private readonly o: EmbeddedRobotClaimOptions) {}

  /** The simulated robot is enrolled: its owner, if it has one already (a data directory used before), is the admin. */
  async robotIs(robotId: string): Promise<void> {
    this.robotId = robotId;
    const owner = (await this.o.registry.get(robotId))?.owner ?? null;
    this.owner = owner?.toLowerCase() ?? null;
    if (owner) this.o.logger.info({ robotId, owner }, 'the simulated robot belongs to this wallet, the admin of this embedded hub');
    else if (this.early) await this.signedIn(this.early, { loopback: true });
  }

  isAdmin(address: string): boolean {
    return this.owner !== null && this.owner === address.toLowerCase();
  }

  /** A wallet signed in: the first one from this machine takes the ownerless simulated robot (one claim at a time, one winner). */
  signedIn(address: string, from: { loopback: boolean }): Promise<void> {
    if (!from.loopback) {
      if (this.owner === null) this.o.logger.info({ address }, 'a wallet signed in from another machine: the simulated robot is claimed only by a sign-in on this machine');
      return this.claiming;
    }
    this.claiming = this.claiming.then(() => this.claim(address));
    return this.claiming;
  }

  private async claim(address: string): Promise<void> {
    if (!this.robotId) {
      this.early ??= address;
      return;
    }
    if (this.owner !== null) return;
    if (!(await this.o.registry.claimOwner(this.robotId, address))) {
      await this.robotIs(this.robotId); // someone else's already (another hub process on the same data?)
      return;
    }
    this.owner = address.toLowerCase();
    const session = this.o.fleet.get(this.robotId);
    if (session) session.record = { ...session.record, owner: address };
    await this.o.rights.grantCurator(address, 'embedded default: first wallet to sign in', new Date().toISOString());
    this.o.logger.info({ robotId: this.robotId, owner: address }, 'first wallet to sign in: it owns the simulated robot and is admin and curator of this embedded hub');
  }
}
