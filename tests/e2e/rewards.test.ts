// Rewards and paid access in the console, on the embedded default (`teleop-hub
// up`: its own anvil, contracts deployed, dev faucet), in headless Chromium:
// an operator whose browser wallet recorded accepted episodes settles an
// epoch (as admin), sees the credits with the episodes behind them and claims
// them with a transaction sent from the browser wallet; a researcher funds
// their browser wallet from the dev faucet, buys access to a priced dataset
// version with a declared purpose and downloads from it; the operator then
// sees that purchase and download on their rewards page.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { openBrowser, signInWithBurner, type TestBrowser } from '../harness/browser.ts';
import { recordAcceptedEpisodes } from '../harness/episodes.ts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { HUB_BIN, TestProcess, eventually, startAgent, tempDir, PATIENCE_MS } from '../harness/processes.ts';
import { createPublicClient, getAddress, http } from 'viem';
import { RobotRegistryAbi } from '@teleop/contracts';
import { robotIdOnChain } from '@teleop/proto';
import { screenshotPath } from '../harness/screenshots.ts';

const binDir = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url));
const PRICE = 2n * 10n ** 18n;

describe('rewards and paid access in the console', () => {
  const data = tempDir('console-rewards');
  let up: TestProcess;
  let url: string;
  let browser: TestBrowser | undefined;
  const operatorKey = keyFor('console-rewards-operator');
  const operator = privateKeyToAccount(operatorKey).address;
  let episodeIds: string[] = [];

  beforeAll(async () => {
    const child = spawn(
      process.execPath,
      [HUB_BIN, 'up', '--data', data.path, '--port', '0', '--mqtt-port', '0', '--ice-host-addresses', '127.0.0.1', '--reviews-per-episode', '1', '--epoch-interval-s', '0', '--admin-addresses', operator],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` } },
    );
    up = new TestProcess('up', child);
    url = await eventually(() => /Teleop Hub running at (\S+)/.exec(up.stdout.join(''))?.[1], undefined, 'hub URL printed');
    const op = await OperatorClient.connect(url, 'console-rewards-operator');
    try {
      const robot = await eventually(async () => (await op.listRobots()).find((r) => r.online), undefined, 'simulated robot online');
      await op.subscribe(robot.robotId);
      await op.requestLease(robot.robotId);
      const reviewer = await signIn(url, keyFor('console-rewards-reviewer'));
      episodeIds = await recordAcceptedEpisodes(url, op, robot.robotId, ['wave', 'point'], reviewer.token);
    } finally {
      op.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await up?.stop();
    data.remove();
  });

  it('settles, shows the credits with their episodes, and claims from the browser wallet', async () => {
    // The browser's burner wallet is the operator's key.
    browser = await openBrowser(`${url}/#/rewards`, undefined, [`localStorage.setItem('teleop.burnerKey', '${operatorKey}')`]);
    const page = browser.page;
    await signInWithBurner(page);
    await page.getByRole('button', { name: 'Settle an epoch now' }).click();
    await page.getByRole('status').filter({ hasText: 'Epoch 1 settled' }).waitFor({ timeout: PATIENCE_MS });
    const details = page.locator('details', { hasText: 'Epoch 1' });
    // On `up` the first wallet to sign in (this operator) also owns the simulated robot: each episode credits it as both.
    for (const id of episodeIds) {
      for (const as of ['operator', 'owner']) {
        await details.getByRole('row').filter({ has: page.getByRole('link', { name: id }) }).filter({ has: page.getByRole('cell', { name: as, exact: true }) }).waitFor();
      }
    }
    const cumulative = (await page.getByTestId('cumulative').textContent())!;
    expect(cumulative).toMatch(/^[\d.,]+ TELEOP$/);
    expect(await page.getByTestId('claimable').textContent()).toBe(cumulative);
    expect(await page.getByTestId('wallet-balance').textContent()).toBe('0 TELEOP');

    await page.getByRole('button', { name: /^Claim / }).click();
    await page.getByRole('status').filter({ hasText: 'Claimed' }).waitFor({ timeout: PATIENCE_MS });
    await eventually(async () => (await page.getByTestId('wallet-balance').textContent()) === cumulative, undefined, 'claimed tokens in the wallet');
    expect(await page.getByTestId('claimable').textContent()).toBe('0 TELEOP');
    await page.screenshot({ path: screenshotPath('rewards.png'), fullPage: true });
    // On the hub's record too.
    const r = (await (await fetch(`${url}/api/v1/rewards/${operator}`)).json()) as { claimed: string; cumulative: string };
    expect(r.claimed).toBe(r.cumulative);
    await browser.close();
    browser = undefined;
  });

  it('lets a researcher buy access to a priced version with a purpose, then download it; the contributor sees it', async () => {
    const op = await signIn(url, operatorKey);
    const created = await fetch(`${url}/api/v1/datasets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${op.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'paid-waves', license: 'CC-BY-NC-4.0', price: PRICE.toString(), selection: { episodeIds } }),
    });
    expect(created.status).toBe(202);
    await eventually(async () => {
      const v = (await (await fetch(`${url}/api/v1/datasets/paid-waves/versions/1`)).json()) as { tokenId: number | null; state: string };
      return v.state === 'failed' || v.tokenId !== null;
    }, undefined, 'version built and published');

    const researcherKey = generatePrivateKey();
    const researcher = privateKeyToAccount(researcherKey).address;
    browser = await openBrowser(`${url}/#/rewards`, undefined, [`localStorage.setItem('teleop.burnerKey', '${researcherKey}')`]);
    const page = browser.page;
    await signInWithBurner(page);
    await page.getByRole('button', { name: 'Get test ETH and tokens' }).click();
    await page.getByRole('status').filter({ hasText: 'Funded' }).waitFor({ timeout: PATIENCE_MS });

    await page.goto(`${url}/#/datasets/paid-waves/1`);
    const onChain = page.getByTestId('on-chain');
    await onChain.getByText('the on-chain root matches').waitFor({ timeout: PATIENCE_MS });
    await onChain.getByText('Your wallet has no access yet.').waitFor();
    const file = `${url}/api/v1/datasets/paid-waves/versions/1/files/lerobot/meta/info.json`;
    expect(await page.evaluate(async (u) => (await fetch(u)).status, file)).toBe(402);
    await onChain.getByLabel('Purpose (shown to the contributors)').fill('benchmarking imitation learning');
    await onChain.getByRole('button', { name: /^Buy access for/ }).click();
    await onChain.getByTestId('has-access').waitFor({ timeout: PATIENCE_MS });
    expect(await page.evaluate(async (u) => (await fetch(u)).status, file)).toBe(200);
    await page.screenshot({ path: screenshotPath('dataset-purchase.png'), fullPage: true });

    // The operator's usage: the purchase with its purpose, and the researcher's download.
    const usage = await eventually(async () => {
      const u = (await (await fetch(`${url}/api/v1/me/usage`, { headers: { authorization: `Bearer ${op.token}` } })).json()) as {
        datasets: { name: string; purchases: { buyer: string; purpose: string }[]; downloads: { address: string | null }[] }[];
      };
      const d = u.datasets.find((x) => x.name === 'paid-waves');
      return d && d.purchases.length > 0 ? d : undefined;
    }, undefined, 'purchase seen by the contributor');
    expect(usage.purchases).toEqual([expect.objectContaining({ buyer: researcher, purpose: 'benchmarking imitation learning' })]);
    expect(usage.downloads.map((d) => d.address)).toContain(researcher);
    await browser.close();
    browser = undefined;
  });

  it("lets an owner register their robot and its signing key in RobotRegistry from My robots", async () => {
    const owner = await signIn(url, operatorKey);
    const enrolled = (await (await fetch(`${url}/api/v1/robots`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'owned arm', model: 'so101_sim' }) })).json()) as { robotId: string; secret: string };
    // The robot announces its signing key when its agent first connects.
    const agent = await startAgent(url, enrolled);
    try {
      const signer = await eventually(async () => {
        const mine = (await (await fetch(`${url}/api/v1/me/robots`, { headers: { authorization: `Bearer ${owner.token}` } })).json()) as { robots: { robotId: string; signingAddress: string | null }[] };
        return mine.robots.find((r) => r.robotId === enrolled.robotId)?.signingAddress ?? undefined;
      }, undefined, 'signing key announced');
      browser = await openBrowser(`${url}/#/my-robots`, undefined, [`localStorage.setItem('teleop.burnerKey', '${operatorKey}')`]);
      const page = browser.page;
      await signInWithBurner(page);
      const cell = page.getByTestId(`on-chain-${enrolled.robotId}`);
      await cell.getByRole('button', { name: 'Register on chain' }).click();
      await cell.getByText('registered, key current').waitFor({ timeout: PATIENCE_MS });
      const chain = (await (await fetch(`${url}/api/v1/chain`)).json()) as { contracts: { robotRegistry: `0x${string}` } };
      const client = createPublicClient({ transport: http(`${url}/api/v1/chain/rpc`) });
      const onChain = await client.readContract({ address: chain.contracts.robotRegistry, abi: RobotRegistryAbi, functionName: 'robot', args: [robotIdOnChain(enrolled.robotId)] });
      expect(onChain).toMatchObject({ owner: operator, signer: getAddress(signer), retired: false });
      await page.screenshot({ path: screenshotPath('my-robots-chain.png'), fullPage: true });
    } finally {
      await agent.stop();
    }
  });
});
