// Issue 15, point 12: the small holes, each against the real hub (and, where
// it takes part, the real agent and CLI). Every refusal is a 4xx with a reason,
// and the hub keeps running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { keyFor, signIn } from '../harness/signIn.ts';
import { enrollRobot, eventually, runHubCli, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

/** Signs a SIWE message for this hub issued at `issuedAt`; returns the verification's status and body. */
async function signInIssuedAt(hubUrl: string, key: Hex, issuedAt: Date): Promise<{ status: number; body: { error?: string; message?: string; token?: string } }> {
  const account = privateKeyToAccount(key);
  const n = (await (await fetch(`${hubUrl}/api/v1/auth/nonce`)).json()) as { nonce: string; domain: string; uri: string; chainId: number; statement: string };
  const message = createSiweMessage({ address: account.address, chainId: n.chainId, domain: n.domain, nonce: n.nonce, uri: n.uri, version: '1', statement: n.statement, issuedAt });
  const signature = await account.signMessage({ message });
  const res = await fetch(`${hubUrl}/api/v1/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, signature }) });
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string } };
}

describe('small holes (issue 15, point 12)', () => {
  const data = tempDir('sec-small');
  let hub: RunningHub;
  let agent: TestProcess | undefined;
  let owner: { token: string };

  const healthy = async (): Promise<void> => {
    expect(((await (await fetch(`${hub.url}/api/v1/health`)).json()) as { status: string }).status).toBe('ok');
  };

  beforeAll(async () => {
    hub = await startHub(data.path);
    owner = await signIn(hub.url, keyFor('small-holes-owner'));
  });

  afterAll(async () => {
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('refuses a sign-in message issued in the future, beyond a small clock skew', async () => {
    const future = await signInIssuedAt(hub.url, keyFor('time-traveller'), new Date(Date.now() + 60 * 60_000));
    expect(future.status).toBe(401);
    expect(future.body).toMatchObject({ error: 'issued_in_future' });
    expect(future.body.message).toMatch(/clock/);
    // A browser clock a few seconds ahead still signs in.
    const skewed = await signInIssuedAt(hub.url, keyFor('slightly-fast-clock'), new Date(Date.now() + 5_000));
    expect(skewed.status).toBe(200);
    await healthy();
  });

  it('answers a malformed session cookie with 401, not 500', async () => {
    for (const cookie of ['teleop_session=%E0%A4%A', 'teleop_session=%', 'teleop_session=%zz']) {
      const res = await fetch(`${hub.url}/api/v1/auth/me`, { headers: { cookie } });
      expect(res.status, cookie).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthenticated' });
    }
    await healthy();
  });

  it('validates JSON bodies strictly: no type coercion', async () => {
    const enroll = (body: unknown): Promise<Response> =>
      fetch(`${hub.url}/api/v1/robots`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const body of [{ name: 1, model: 'so101_sim' }, { name: 'arm', model: ['so101_sim'] }, { name: true, model: 'so101_sim' }]) {
      const res = await enroll(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/must be string/);
    }
    const mine = (await (await fetch(`${hub.url}/api/v1/me/robots`, { headers: { authorization: `Bearer ${owner.token}` } })).json()) as { robots: unknown[] };
    expect(mine.robots).toEqual([]);
    expect((await enroll({ name: 'arm', model: 'so101_sim' })).status).toBe(201);
  });

  it('keeps the enrolled model whatever the robot reports', async () => {
    // Enrolled as a follower arm; the agent runs the simulator, which reports so101_sim.
    const creds = await enrollRobot(data.path, 'follower arm', 'so101_follower');
    agent = await startAgent(hub.url, creds);
    const summary = await eventually(async () => {
      const { robots } = (await (await fetch(`${hub.url}/api/v1/robots`)).json()) as { robots: { robotId: string; online: boolean; model: string }[] };
      return robots.find((r) => r.robotId === creds.robotId && r.online);
    }, undefined, 'the robot online');
    // Its description has arrived (it comes before presence), so a reported model would show by now.
    expect(summary.model).toBe('so101_follower');
    await hub.process.waitForLog((l) => l.msg.includes(`robot ${creds.robotId} reports model so101_sim`) && l.msg.includes('so101_follower'));
  });

  it("prints the running hub's URL in the agent command of `robots enroll`", async () => {
    const res = await runHubCli(['robots', 'enroll', '--data', data.path, '--name', 'cli arm', '--model', 'so101_sim', '--json']);
    expect(res.code).toBe(0);
    const { command } = JSON.parse(res.stdout) as { command: string };
    expect(command).toContain(`--hub ${hub.url} `);
    const human = await runHubCli(['robots', 'enroll', '--data', data.path, '--name', 'cli arm 2', '--model', 'so101_sim']);
    expect(human.stdout).toContain(`--hub ${hub.url} `);
  });

  it('does not answer the external-broker auth endpoints without a configured token', async () => {
    const creds = await enrollRobot(data.path, 'oracle arm');
    for (const path of ['/api/v1/broker/authenticate', '/api/v1/broker/authorize']) {
      const res = await fetch(`${hub.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientid: creds.robotId, username: creds.robotId, password: creds.secret, topic: `robots/${creds.robotId}/state`, action: 'publish' }),
      });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { message: string }).message).toMatch(/--broker-auth-token/);
    }
    await healthy();
  });
});
