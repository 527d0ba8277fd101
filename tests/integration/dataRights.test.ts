// Data rights, all real: anvil with the contracts, a hub on it, a simulated
// robot owned by a wallet, an operator, reviewers, a curator, buyers and an
// admin. For every route that serves episode content and every kind of user,
// the status the content rule (hub/src/access/contentRule.ts) gives, asserted;
// then the owners' terms, per episode: private shuts everyone but the
// episode's own people out, a build that breaks a term fails naming the
// episode and the term, and a free copy of a priced selection is refused.
// Reads are recorded and shown to the contributors with what allowed them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, numberToHex, type Address, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEV_KEYS, DatasetRegistryAbi, deployContracts, RewardTokenAbi, startAnvil, type ContractAddresses, type RunningAnvil } from '@teleop/contracts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn, type SignedIn } from '../harness/signIn.ts';
import { grantCurator } from '../harness/curators.ts';
import { episode, recordAcceptedEpisodes, startEpisode, stopEpisode } from '../harness/episodes.ts';
import { eventually, runHubCli, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

const PRICE = 3n * 10n ** 18n;

type Who = 'anonymous' | 'unrelated' | 'operator' | 'owner' | 'assignedReviewer' | 'unassignedReviewer' | 'buyerOfOther' | 'buyer' | 'curator' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'unrelated', 'operator', 'owner', 'assignedReviewer', 'unassignedReviewer', 'buyerOfOther', 'buyer', 'curator', 'admin'];

describe('data rights: one content rule on every route, owners\' terms, who may publish', () => {
  const data = tempDir('rights');
  let anvil: RunningAnvil;
  let client: PublicClient;
  let c: ContractAddresses;
  let hub: RunningHub;
  let agent: TestProcess;
  let op: OperatorClient;
  let robotId: string;
  const users = {} as Record<Exclude<Who, 'anonymous' | 'operator'>, SignedIn>;
  /** Accepted, sold in "rights-paid" (version 1). */
  let sold: string;
  /** Accepted, sold in "rights-other". */
  let other: string;
  /** In review, assigned to the assigned reviewer (who has not answered). */
  let inReview: string;
  const hubAccount = privateKeyToAccount(ANVIL_DEV_KEYS[1]);

  const tokenOf = (who: Who): string | null => (who === 'anonymous' ? null : who === 'operator' ? op.token : users[who].token);
  const get = async (path: string, who: Who): Promise<{ status: number; body: Record<string, unknown> | null }> => {
    const token = tokenOf(who);
    const res = await fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = Buffer.from(await res.arrayBuffer());
    // Denials are JSON; so are the pages, lists and trajectories (not the files served).
    const json = (res.headers.get('content-type') ?? '').startsWith('application/json') && (res.status >= 400 || !path.includes('/files/')) ? (JSON.parse(text.toString('utf8')) as Record<string, unknown>) : null;
    return { status: res.status, body: json };
  };
  const api = async <T>(path: string, token: string | null, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${hub.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) } });
    return { status: res.status, body: (await res.json()) as T };
  };
  const wallet = (key: Hex) => createWalletClient({ account: privateKeyToAccount(key), chain: client.chain!, transport: http(anvil.rpcUrl) });
  const send = async (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]): Promise<void> => {
    const w = wallet(key);
    const { request } = await client.simulateContract({ account: w.account, address, abi, functionName, args } as never);
    expect((await client.waitForTransactionReceipt({ hash: await w.writeContract(request as never) })).status).toBe('success');
  };
  /** Builds a dataset as the curator and waits until it is published on chain; returns its token. */
  const publish = async (name: string, episodeIds: string[], price: bigint): Promise<number> => {
    const created = await api<{ message?: string }>('/api/v1/datasets', users.curator.token, { method: 'POST', body: JSON.stringify({ name, price: price.toString(), selection: { episodeIds } }) });
    expect(created.status, created.body.message).toBe(202);
    const v = await eventually(async () => {
      const x = (await api<{ state: string; tokenId: number | null; reason: string | null }>(`/api/v1/datasets/${name}/versions/1`, null)).body;
      return x.state === 'failed' ? x : x.tokenId !== null ? x : undefined;
    }, undefined, `${name} built and published`);
    expect(v.state, v.reason ?? '').toBe('ready');
    return v.tokenId!;
  };
  const buy = async (name: string, tokenId: number): Promise<void> => {
    const key = keyFor(`rights-${name}`);
    await send(ANVIL_DEV_KEYS[1], c.rewardToken, RewardTokenAbi, 'mint', [privateKeyToAccount(key).address, PRICE]);
    await send(key, c.rewardToken, RewardTokenAbi, 'approve', [c.datasetRegistry, PRICE]);
    await send(key, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [BigInt(tokenId), 'policy learning']);
  };

  beforeAll(async () => {
    anvil = await startAnvil();
    client = createPublicClient({ chain: { id: anvil.chainId, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } }, transport: http(anvil.rpcUrl) }) as PublicClient;
    c = await deployContracts(wallet(ANVIL_DEV_KEYS[0]), client, { hub: hubAccount.address, guardian: privateKeyToAccount(ANVIL_DEV_KEYS[2]).address });
    const contractsFile = join(data.path, 'contracts.json');
    writeFileSync(contractsFile, JSON.stringify({ contracts: c }));
    for (const name of ['buyer', 'buyerOfOther']) {
      await client.request({ method: 'anvil_setBalance' as never, params: [privateKeyToAccount(keyFor(`rights-${name}`)).address, numberToHex(10n ** 18n)] as never });
    }
    const enrolled = await runHubCli(['robots', 'enroll', '--data', data.path, '--name', 'rights arm', '--model', 'so101_follower', '--owner', privateKeyToAccount(keyFor('rights-owner')).address, '--json']);
    expect(enrolled.code).toBe(0);
    const creds = JSON.parse(enrolled.stdout) as { robotId: string; secret: string };
    robotId = creds.robotId;
    hub = await startHub(data.path, [
      '--ice-host-addresses', '127.0.0.1',
      '--reviews-per-episode', '1',
      '--rpc-url', anvil.rpcUrl,
      '--contracts', contractsFile,
      '--hub-key', ANVIL_DEV_KEYS[1],
      '--epoch-interval-s', '0',
      '--admin-addresses', privateKeyToAccount(keyFor('rights-admin')).address,
    ]);
    agent = await startAgent(hub.url, creds, ['--ice-host-addresses', '127.0.0.1', '--camera', 'name=front,source=test,size=160x120,fps=30,codec=vp8']);
    op = await OperatorClient.connect(hub.url, 'rights-operator');
    for (const who of ['unrelated', 'owner', 'assignedReviewer', 'unassignedReviewer', 'buyerOfOther', 'buyer', 'curator', 'admin'] as const) users[who] = await signIn(hub.url, keyFor(`rights-${who}`));
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && r.online), undefined, 'robot online');
    await op.subscribe(robotId);
    expect((await op.requestLease(robotId)).status).toBe('granted');
    // Two accepted episodes, reviewed (and so no longer assigned) by the unassigned reviewer.
    [sold, other] = (await recordAcceptedEpisodes(hub.url, op, robotId, ['pick the cube', 'push the block'], users.unassignedReviewer.token)) as [string, string];
    // A third one waits in review, assigned to the other reviewer.
    const stop = op.stream(robotId, (() => { let t = 0; return () => [0.4 * Math.sin((t += 0.02) * 5), 0.2, 0.5, 0.1 * Math.cos(t * 3), 0, 0.3]; })(), 50);
    inReview = await startEpisode(op, robotId, 'stack the blocks');
    await new Promise((r) => setTimeout(r, 1800));
    await stopEpisode(op, robotId, 'success');
    stop();
    await eventually(async () => (await episode(hub.url, op.token, inReview)).state === 'in_review' || undefined, 120_000, 'third episode in review');
    expect((await api<{ episodeId: string }>('/api/v1/reviews/next', users.assignedReviewer.token, { method: 'POST' })).body.episodeId).toBe(inReview);

    // Only curators (and admins) publish.
    const notYet = await api<{ error: string; message: string }>('/api/v1/datasets', users.curator.token, { method: 'POST', body: JSON.stringify({ name: 'rights-paid', price: PRICE.toString(), selection: { episodeIds: [sold] } }) });
    expect([notYet.status, notYet.body.error]).toEqual([403, 'forbidden']);
    expect(notYet.body.message).toMatch(/curators/);
    expect((await api('/api/v1/curators/' + users.curator.address, users.unrelated.token, { method: 'PUT' })).status).toBe(403);
    await grantCurator(hub.url, users.curator.address, users.admin.token);
    expect((await api<{ roles: string[] }>('/api/v1/me/roles', users.curator.token)).body.roles).toContain('curator');
    await buy('buyer', await publish('rights-paid', [sold], PRICE));
    await buy('buyerOfOther', await publish('rights-other', [other], PRICE));
  }, 600_000);

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    await anvil?.stop();
    data.remove();
  });

  /** Whether a user got the episode's content in a list or detail view (its manifest), its metadata only, or nothing. */
  const viewOf = (body: Record<string, unknown> | null | undefined): 'content' | 'metadata' => (body && body.manifest ? 'content' : 'metadata');

  it('answers each content route for each kind of user as the rule says', async () => {
    // Who reads the content of the sold episode (sold in rights-paid, which the buyer bought) and of the one in review.
    const soldReaders = new Set<Who>(['operator', 'owner', 'buyer', 'admin']);
    const inReviewReaders = new Set<Who>(['operator', 'owner', 'assignedReviewer', 'admin']);
    const expected = (who: Who, readers: Set<Who>, denied: number): number => (who === 'anonymous' ? 401 : readers.has(who) ? 200 : denied);
    const paidFiles = new Set<Who>(['operator', 'owner', 'buyer', 'admin']);
    const matrix: string[] = [];
    const actual: string[] = [];
    for (const who of EVERYONE) {
      const row = (route: string, status: number | string): void => void matrix.push(`${who} ${route} ${status}`);
      const got = (route: string, status: number | string): void => void actual.push(`${who} ${route} ${status}`);
      // Raw files and the trajectory: 402 where a version sells it, 403 where nothing would.
      row('sold files', expected(who, soldReaders, 402));
      got('sold files', (await get(`/api/v1/episodes/${sold}/files/episode.mcap`, who)).status);
      row('sold trajectory', expected(who, soldReaders, 402));
      got('sold trajectory', (await get(`/api/v1/episodes/${sold}/trajectory`, who)).status);
      row('in-review files', expected(who, inReviewReaders, 403));
      got('in-review files', (await get(`/api/v1/episodes/${inReview}/files/front.mp4`, who)).status);
      row('in-review trajectory', expected(who, inReviewReaders, 403));
      got('in-review trajectory', (await get(`/api/v1/episodes/${inReview}/trajectory`, who)).status);
      // The page and the list: the content to its readers, the metadata (no manifest, no files) to other wallets.
      for (const [name, id, readers] of [['sold', sold, soldReaders], ['in-review', inReview, inReviewReaders]] as const) {
        const detail = await get(`/api/v1/episodes/${id}`, who);
        row(`${name} detail`, who === 'anonymous' ? '401' : `200 ${readers.has(who) ? 'content' : 'metadata'}`);
        got(`${name} detail`, detail.status === 200 ? `200 ${viewOf(detail.body)}` : String(detail.status));
        const list = await get(`/api/v1/episodes?robotId=${robotId}`, who);
        const entry = ((list.body?.episodes ?? []) as Record<string, unknown>[]).find((e) => e.id === id);
        row(`${name} list`, who === 'anonymous' ? '401' : readers.has(who) ? 'content' : 'metadata');
        got(`${name} list`, list.status === 200 ? (entry ? viewOf(entry) : 'absent') : String(list.status));
      }
      // The dataset version's files and archive: its terms (bought), admins, the contributors of all its episodes.
      row('paid version file', paidFiles.has(who) ? 200 : 402);
      got('paid version file', (await get('/api/v1/datasets/rights-paid/versions/1/files/lerobot/meta/info.json', who)).status);
      row('paid version archive', paidFiles.has(who) ? 200 : 402);
      got('paid version archive', (await get('/api/v1/datasets/rights-paid/versions/1/archive.tar', who)).status);
    }
    expect(actual).toEqual(matrix);
  });

  it('says in each denial what would grant access', async () => {
    const paid = await get(`/api/v1/episodes/${sold}/files/episode.mcap`, 'curator');
    expect(paid.body).toMatchObject({ error: 'payment_required', message: expect.stringMatching(/sold in rights-paid-v1: buy access/) });
    const none = await get(`/api/v1/episodes/${inReview}/trajectory`, 'unrelated');
    expect(none.body).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/its operator, the owner of robot .*, a reviewer while it is assigned to them, or an admin/) });
    const detail = await get(`/api/v1/episodes/${sold}`, 'unrelated');
    expect(detail.body?.rights).toMatchObject({ terms: 'open', content: false, reason: expect.stringMatching(/buy access/) });
    expect((await get(`/api/v1/episodes/${sold}`, 'buyer')).body?.rights).toMatchObject({ content: true, purpose: 'purchase' });
  });

  it('refuses a free copy of a priced selection, and publishing to anyone but curators and admins', async () => {
    const create = (token: string, body: unknown) => api<{ error?: string; message?: string }>('/api/v1/datasets', token, { method: 'POST', body: JSON.stringify(body) });
    const laundered = await create(users.curator.token, { name: 'rights-free-copy', selection: { episodeIds: [sold, other] } });
    expect([laundered.status, laundered.body.error]).toEqual([422, 'breaks_terms']);
    expect(laundered.body.message).toContain(`${sold} (sold: it is sold in rights-paid-v1`);
    expect(laundered.body.message).toContain(`${other} (sold: it is sold in rights-other-v1`);
    // By filters, too: nothing is left for a free version of the robot's sold episodes.
    expect((await create(users.curator.token, { name: 'rights-free-filter', selection: { robotId } })).status).toBe(422);
    // Anyone else: not even asked about the selection.
    for (const token of [users.unrelated.token, users.buyer.token, op.token, users.owner.token]) {
      expect((await create(token, { name: 'rights-by-stranger', price: PRICE.toString(), selection: { episodeIds: [sold] } })).status).toBe(403);
    }
    // The admin removes the curator: no more builds.
    expect((await api('/api/v1/curators/' + users.curator.address, users.admin.token, { method: 'DELETE' })).status).toBe(200);
    expect((await create(users.curator.token, { name: 'rights-after', price: PRICE.toString(), selection: { episodeIds: [sold] } })).status).toBe(403);
    await grantCurator(hub.url, users.curator.address, users.admin.token);
  });

  it("enforces an owner's terms per episode: builds that break them fail naming the episode and the term", async () => {
    const terms = (id: string, token: string, body: unknown) => api<{ error?: string; message?: string; policy?: string }>(`/api/v1/episodes/${id}/terms`, token, { method: 'PUT', body: JSON.stringify(body) });
    const create = (body: unknown) => api<{ error?: string; message?: string }>('/api/v1/datasets', users.curator.token, { method: 'POST', body: JSON.stringify(body) });
    // Only the robot's owner sets them; incomplete terms are refused with what is missing.
    expect((await terms(other, op.token, { policy: 'private' })).status).toBe(403);
    expect((await terms(other, users.owner.token, { policy: 'commercial' })).body.message).toMatch(/floorPricePerHour/);
    expect((await terms(other, users.owner.token, { policy: 'restricted' })).body.message).toMatch(/allowedBuyers/);
    expect((await terms(other, users.owner.token, { policy: 'sold-out' })).status).toBe(400);

    // Commercial: the price per hour of the version must reach the floor.
    expect((await terms(other, users.owner.token, { policy: 'commercial', floorPricePerHour: (10n ** 30n).toString() })).body.policy).toBe('commercial');
    const cheap = await create({ name: 'rights-cheap', price: '1', selection: { episodeIds: [other] } });
    expect([cheap.status, cheap.body.error]).toEqual([422, 'breaks_terms']);
    expect(cheap.body.message).toContain(`${other} (commercial: its owner's floor is ${10n ** 30n} per hour of data`);
    // Open under a license: a free version under another license may not hold it.
    expect((await terms(other, users.owner.token, { policy: 'open', license: 'CC-BY-SA-4.0' })).status).toBe(200);
    const wrongLicense = await create({ name: 'rights-license', license: 'CC-BY-4.0', selection: { episodeIds: [other] } });
    expect(wrongLicense.body.message).toContain(`${other} (open: its owner gives it away under CC-BY-SA-4.0, not CC-BY-4.0)`);
    // Restricted: only versions for the listed buyers.
    expect((await terms(other, users.owner.token, { policy: 'restricted', allowedBuyers: [users.buyer.address] })).status).toBe(200);
    const forAll = await create({ name: 'rights-for-all', price: PRICE.toString(), selection: { episodeIds: [other] } });
    expect(forAll.body.message).toContain(`${other} (restricted: its owner allows only listed buyers`);
    expect((await create({ name: 'rights-for-buyer', price: PRICE.toString(), allowedBuyers: [users.buyer.address], selection: { episodeIds: [other] } })).status).toBe(202);

    // Private: only its own people read it, whatever a version sold before; it enters no version.
    expect((await terms(sold, users.owner.token, { policy: 'private' })).status).toBe(200);
    const statuses = async (): Promise<Record<string, number>> => {
      const out: Record<string, number> = {};
      for (const who of EVERYONE) out[who] = (await get(`/api/v1/episodes/${sold}/files/episode.mcap`, who)).status;
      return out;
    };
    expect(await statuses()).toEqual({ anonymous: 401, unrelated: 403, operator: 200, owner: 200, assignedReviewer: 403, unassignedReviewer: 403, buyerOfOther: 403, buyer: 403, curator: 403, admin: 200 });
    expect((await get(`/api/v1/episodes/${sold}`, 'buyer')).status).toBe(403);
    const listed = (await get(`/api/v1/episodes?robotId=${robotId}`, 'unrelated')).body!.episodes as { id: string }[];
    expect(listed.map((e) => e.id)).not.toContain(sold);
    const privateBuild = await create({ name: 'rights-private', price: PRICE.toString(), selection: { episodeIds: [sold] } });
    expect(privateBuild.body.message).toContain(`${sold} (private: robot ${robotId}'s owner keeps it private)`);
    // Back to its robot's terms: the buyer reads it again.
    expect((await api(`/api/v1/episodes/${sold}/terms`, users.owner.token, { method: 'DELETE' })).status).toBe(200);
    expect((await get(`/api/v1/episodes/${sold}/files/episode.mcap`, 'buyer')).status).toBe(200);

    // The robot set private: the same for all its episodes.
    expect((await api(`/api/v1/robots/${robotId}/data-policy`, users.owner.token, { method: 'PUT', body: JSON.stringify({ policy: 'private' }) })).status).toBe(200);
    expect((await get(`/api/v1/episodes/${sold}/trajectory`, 'buyer')).status).toBe(403);
    expect((await get(`/api/v1/episodes/${sold}/trajectory`, 'unrelated')).status).toBe(403);
    expect((await get(`/api/v1/episodes/${sold}/trajectory`, 'operator')).status).toBe(200);
    expect((await api(`/api/v1/robots/${robotId}/data-policy`, users.owner.token, { method: 'PUT', body: JSON.stringify({ policy: 'open' }) })).status).toBe(200);
  });

  it('records every read of content with what allowed it, and shows it to the contributors', async () => {
    await get(`/api/v1/episodes/${sold}/files/front.mp4`, 'buyer');
    await get(`/api/v1/episodes/${inReview}/trajectory`, 'assignedReviewer');
    type Usage = { episodeAccesses: { episodeId: string; address: string; kind: string; purpose: string }[]; datasets: { name: string; downloads: { address: string | null; purpose: string | null }[] }[] };
    for (const token of [op.token, users.owner.token]) {
      const u = (await api<Usage>('/api/v1/me/usage', token)).body;
      expect(u.episodeAccesses).toContainEqual(expect.objectContaining({ episodeId: sold, address: users.buyer.address, kind: 'file', purpose: 'purchase' }));
      expect(u.episodeAccesses).toContainEqual(expect.objectContaining({ episodeId: inReview, address: users.assignedReviewer.address, kind: 'trajectory', purpose: 'review' }));
      expect(u.datasets.find((d) => d.name === 'rights-paid')!.downloads).toContainEqual(expect.objectContaining({ address: users.buyer.address, purpose: 'purchase' }));
    }
    // Nobody else's reads of nothing of theirs.
    expect((await api<Usage>('/api/v1/me/usage', users.unrelated.token)).body.episodeAccesses).toEqual([]);
  });
});
