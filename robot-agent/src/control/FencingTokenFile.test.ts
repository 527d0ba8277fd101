import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toLong, v1 } from '@teleop/proto';
import { FencingStateError, FencingTokenFile } from './FencingTokenFile.ts';
import { SafetyLayer, type SafetyConfig } from './SafetyLayer.ts';

const config: SafetyConfig = {
  joints: [{ name: 'a', minPosition: -1, maxPosition: 1, maxVelocity: 2 }],
  gripperIndex: -1,
  holdTimeoutMs: 150,
  maxCommandAgeMs: 250,
};
const clock = (): bigint => 1_800_000_000_000_000_000n;

/** What the agent does at start (Agent constructor) and on a grant (Agent.onSession): the same calls, one agent "run". */
function startAgent(stateDir: string): { safety: SafetyLayer; grant(leaseId: string, token: bigint): boolean } {
  const file = new FencingTokenFile(join(stateDir, 'fencing-token'));
  const safety = new SafetyLayer(config, clock);
  safety.restoreHighestFencingToken(file.load());
  return {
    safety,
    grant(leaseId, token) {
      if (token > safety.highestFencingToken) file.save(token);
      return safety.grantLease(leaseId, token);
    },
  };
}

const command = (leaseId: string, token: bigint): v1.ControlCommand =>
  v1.ControlCommand.create({
    sequence: toLong(1n),
    sendTimeNs: toLong(clock()),
    hubTimeNs: toLong(clock()),
    leaseId,
    fencingToken: toLong(token),
    mode: v1.ControlMode.CONTROL_MODE_JOINT_POSITION,
    values: [0],
  });

describe('the highest fencing token survives an agent restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fencing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('after a restart with the same state dir, a lower grant and a lower command are refused as fenced', () => {
    const first = startAgent(dir);
    expect(first.grant('L5', 5n)).toBe(true);
    expect(first.grant('L7', 7n)).toBe(true);

    const second = startAgent(dir); // the restart
    expect(second.safety.highestFencingToken).toBe(7n);
    expect(second.grant('L5', 5n)).toBe(false); // a stale hub's grant delivered late
    const verdict = second.safety.submit(command('L5', 5n));
    expect(verdict).toMatchObject({ accepted: false, reason: 'fenced' });
    expect(second.grant('L8', 8n)).toBe(true); // the next real grant is taken
    expect(second.safety.submit(command('L8', 8n))).toMatchObject({ accepted: true });
    expect(new FencingTokenFile(join(dir, 'fencing-token')).load()).toBe(8n);
    expect(readdirSync(dir)).toEqual(['fencing-token']); // no temporary file left behind
  });

  it('a state dir without the file starts from 0 (first start, or one hub)', () => {
    const agent = startAgent(dir);
    expect(agent.safety.highestFencingToken).toBe(0n);
    expect(agent.grant('L0', 0n)).toBe(true);
  });

  it('a corrupt file stops the start with a FencingStateError instead of reading as 0', () => {
    writeFileSync(join(dir, 'fencing-token'), '12x\n');
    expect(() => startAgent(dir)).toThrow(FencingStateError);
    expect(() => startAgent(dir)).toThrow(/does not hold a fencing token/);
    writeFileSync(join(dir, 'fencing-token'), '');
    expect(() => startAgent(dir)).toThrow(FencingStateError);
  });
});
