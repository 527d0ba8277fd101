// Who may do what: the rules of decide(), and the hook that puts them on every
// HTTP route of a real in-process hub (SQLite, embedded broker). The route
// table is read from the running hub, so a route added later is covered
// without touching this test.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hub } from '../Hub.ts';
import { testHubConfig } from '../testing.ts';
import { decide, type Actor, type Resource } from './access.ts';
import { attachHttpAccess } from './httpAccess.ts';

const alice: Actor = { kind: 'wallet', address: '0x00000000000000000000000000000000000A11CE', admin: false, curator: false, sessionExpiresAt: '' };
const bob: Actor = { kind: 'wallet', address: '0x0000000000000000000000000000000000000B0B', admin: false, curator: false, sessionExpiresAt: '' };
const admin: Actor = { kind: 'wallet', address: '0x00000000000000000000000000000000000AD111', admin: true, curator: false, sessionExpiresAt: '' };
const anonymous: Actor = { kind: 'anonymous' };
const robot: Actor = { kind: 'robot', robotId: 'r-1' };

describe('decide', () => {
  it("lets only a robot's owner manage it, and says why not", () => {
    const r: Resource = { kind: 'robot', robotId: 'r-1', owner: alice.kind === 'wallet' ? alice.address.toLowerCase() : null, enrolled: true };
    expect(decide(alice, 'robot:manage', r)).toBeNull();
    expect(decide(bob, 'robot:manage', r)).toMatchObject({ code: 'forbidden' });
    expect(decide(anonymous, 'robot:manage', r)).toMatchObject({ code: 'unauthenticated' });
    expect(decide(robot, 'robot:manage', r)).toMatchObject({ code: 'unauthenticated' });
    expect(decide(alice, 'robot:manage', { ...r, enrolled: false })).toMatchObject({ code: 'not_found' });
    // An unowned robot (enrolled from the CLI) is nobody's to manage over HTTP.
    expect(decide(alice, 'robot:manage', { ...r, owner: null })).toMatchObject({ code: 'forbidden' });
  });

  it("lets only another hub (the cluster token) pull a robot's video: no wallet, admin, robot or broker", () => {
    expect(decide({ kind: 'hub' }, 'cluster:media')).toBeNull();
    for (const a of [anonymous, alice, admin, robot, { kind: 'broker' } as Actor]) {
      expect(decide(a, 'cluster:media')).toMatchObject({ code: 'unauthenticated', message: 'hub-to-hub requests need the cluster token (--cluster-token)' });
    }
    // A hub is nobody on the other routes.
    expect(decide({ kind: 'hub' }, 'robot:watch')).toMatchObject({ code: 'unauthenticated' });
    expect(decide({ kind: 'hub' }, 'broker:auth')).toMatchObject({ code: 'unauthenticated' });
  });

  it("lets a robot's owner or an admin make its episodes check episodes, nobody else", () => {
    const r: Resource = { kind: 'robot', robotId: 'r-1', owner: alice.kind === 'wallet' ? alice.address.toLowerCase() : null, enrolled: true };
    expect(decide(alice, 'episode:gold', r)).toBeNull();
    expect(decide(admin, 'episode:gold', r)).toBeNull();
    expect(decide(bob, 'episode:gold', r)).toMatchObject({ code: 'forbidden' });
    expect(decide(anonymous, 'episode:gold', r)).toMatchObject({ code: 'unauthenticated' });
    expect(decide(bob, 'episode:gold', null)).toMatchObject({ code: 'not_found' });
  });

  it('opens dataset files by price, purchase and buyer list; admins, and the contributors of every episode in it, always', () => {
    const addr = (a: Actor): string => (a.kind === 'wallet' ? a.address : '');
    const v = (o: Partial<Extract<Resource, { kind: 'dataset_version' }>> = {}): Resource => ({ kind: 'dataset_version', label: 'd-v1', price: '0', allowedBuyers: null, purchased: false, episodes: [{ operator: addr(bob), robotOwner: null }], ...o });
    expect(decide(anonymous, 'dataset:download', v())).toBeNull();
    expect(decide(anonymous, 'dataset:download', v({ price: '5' }))).toMatchObject({ code: 'payment_required' });
    expect(decide(alice, 'dataset:download', v({ price: '5' }))).toMatchObject({ code: 'payment_required' });
    expect(decide(alice, 'dataset:download', v({ price: '5', purchased: true }))).toBeNull();
    expect(decide(bob, 'dataset:download', v({ price: '5' }))).toBeNull(); // operator of every episode in it
    // One episode of someone else's in it: the contributor pays like anyone.
    expect(decide(bob, 'dataset:download', v({ price: '5', episodes: [{ operator: addr(bob), robotOwner: null }, { operator: addr(alice), robotOwner: addr(alice) }] }))).toMatchObject({ code: 'payment_required' });
    expect(decide(admin, 'dataset:download', v({ price: '5' }))).toBeNull();
    const listed = [addr(alice).toLowerCase()];
    expect(decide(alice, 'dataset:download', v({ allowedBuyers: listed }))).toBeNull();
    expect(decide(anonymous, 'dataset:download', v({ allowedBuyers: listed }))).toMatchObject({ code: 'forbidden' });
    expect(decide(alice, 'dataset:download', v({ allowedBuyers: listed, price: '5' }))).toMatchObject({ code: 'payment_required' });
    // Paying does not put a wallet on a buyer list.
    expect(decide(admin, 'dataset:download', v({ allowedBuyers: [], price: '5' }))).toBeNull();
    expect(decide({ ...alice, address: '0x00000000000000000000000000000000000000cc' } as Actor, 'dataset:download', v({ allowedBuyers: listed, price: '5', purchased: true }))).toMatchObject({ code: 'forbidden' });
  });

  it("opens an episode's content to its operator, owner, assigned reviewer, admins and buyers of a version holding it", () => {
    const carol: Actor = { kind: 'wallet', address: '0x00000000000000000000000000000000000C4201', admin: false, curator: true, sessionExpiresAt: '' };
    const addr = (a: Actor): string => (a.kind === 'wallet' ? a.address : '');
    const e = (o: Partial<Extract<Resource, { kind: 'episode_content' }>> = {}): Resource => ({
      kind: 'episode_content',
      episodeId: 'e-1',
      robotId: 'r-1',
      operator: addr(alice).toLowerCase(),
      robotOwner: addr(bob),
      policy: 'open',
      assignedReviewers: [],
      versions: [],
      ...o,
    });
    expect(decide(alice, 'episode:content', e())).toBeNull();
    expect(decide(bob, 'episode:content', e())).toBeNull();
    expect(decide(admin, 'episode:content', e())).toBeNull();
    expect(decide(anonymous, 'episode:content', e())).toMatchObject({ code: 'unauthenticated' });
    // A curator is nobody special to an episode.
    expect(decide(carol, 'episode:content', e())).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/no dataset version holds it yet/) });
    expect(decide(carol, 'episode:content', e({ assignedReviewers: [addr(carol).toLowerCase()] }))).toBeNull();
    const sold = { label: 'picks-v1', price: '5', allowedBuyers: null, purchased: false };
    expect(decide(carol, 'episode:content', e({ versions: [sold] }))).toMatchObject({ code: 'payment_required', message: expect.stringMatching(/sold in picks-v1/) });
    expect(decide(carol, 'episode:content', e({ versions: [{ ...sold, purchased: true }] }))).toBeNull();
    expect(decide(carol, 'episode:content', e({ versions: [{ ...sold, price: '0' }] }))).toBeNull();
    expect(decide(carol, 'episode:content', e({ versions: [{ ...sold, price: '0', allowedBuyers: ['0x00000000000000000000000000000000000000dd'] }] }))).toMatchObject({ code: 'forbidden' });
    // Private: its own people only, whatever a version sold earlier.
    expect(decide(carol, 'episode:content', e({ policy: 'private', versions: [{ ...sold, purchased: true }] }))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/private/) });
    expect(decide(bob, 'episode:content', e({ policy: 'private' }))).toBeNull();
    expect(decide(carol, 'episode:content', null)).toMatchObject({ code: 'not_found' });
  });

  it('lets curators and admins build dataset versions, and only admins name curators', () => {
    const carol: Actor = { kind: 'wallet', address: '0x00000000000000000000000000000000000C4201', admin: false, curator: true, sessionExpiresAt: '' };
    expect(decide(carol, 'dataset:create')).toBeNull();
    expect(decide(admin, 'dataset:create')).toBeNull();
    expect(decide(alice, 'dataset:create')).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/curators/) });
    expect(decide(anonymous, 'dataset:create')).toMatchObject({ code: 'unauthenticated' });
    expect(decide(admin, 'curators:manage')).toBeNull();
    expect(decide(carol, 'curators:manage')).toMatchObject({ code: 'forbidden' });
  });

  it('keeps settlement for admins, reports for robots and sign-in for the rest', () => {
    expect(decide(admin, 'rewards:settle')).toBeNull();
    expect(decide(alice, 'rewards:settle')).toMatchObject({ code: 'forbidden' });
    expect(decide(robot, 'robot:report')).toBeNull();
    expect(decide(alice, 'robot:report')).toMatchObject({ code: 'unauthenticated' });
    for (const action of ['episode:read', 'review:give', 'robot:enroll', 'robot:watch', 'robot:drive', 'robot:estop', 'self:act'] as const) {
      expect(decide(anonymous, action), action).toMatchObject({ code: 'unauthenticated' });
      expect(decide(robot, action), action).toMatchObject({ code: 'unauthenticated' });
      expect(decide(alice, action), action).toBeNull();
    }
  });
});

describe('the access hook', () => {
  it('refuses to start with a route that declares no access rule', async () => {
    const app = Fastify();
    attachHttpAccess(app, { walletOf: async () => null, robotOf: async () => null, isBroker: () => false });
    app.get('/declared', { config: { access: { action: 'public:read' } } }, async () => 'ok');
    app.get('/forgotten', async () => 'secret');
    await expect(app.ready()).rejects.toThrow(/routes without an access rule \(config.access\): GET \/forgotten/);
    await app.close().catch(() => undefined);
  });

  describe('on every route of a running hub', () => {
    const { config, cleanup } = testHubConfig(['--broker-auth-token', 'broker-token']);
    let hub: Hub;
    beforeAll(async () => {
      hub = await Hub.start(config);
    });
    afterAll(async () => {
      await hub.close();
      cleanup();
    });

    it('has an action for each route, read at start-up', () => {
      expect(hub.routes.length).toBeGreaterThan(40);
      for (const r of hub.routes) expect(r.action, `${r.method} ${r.url}`).not.toBeNull();
      const actions = new Set(hub.routes.map((r) => r.action));
      for (const a of ['public:read', 'self:act', 'robot:manage', 'episode:read', 'robot:report', 'broker:auth', 'rewards:settle']) expect(actions).toContain(a);
    });

    it('answers a caller without credentials on every non-public route with a typed denial before the route runs', async () => {
      const checked: string[] = [];
      for (const r of hub.routes) {
        // A dataset download is open to anyone for an open dataset: its rule needs the version (checked below).
        if (r.action === 'public:read' || r.action === 'dataset:download' || !['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)) continue;
        const path = r.url.replace(/:[a-z]+/gi, 'x').replace('*', 'x');
        const res = await fetch(`${hub.url}${path}`, { method: r.method, ...(r.method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }) });
        const body = (await res.json()) as { error?: string };
        expect([res.status, body.error], `${r.method} ${r.url} (${r.action})`).toEqual([401, 'unauthenticated']);
        checked.push(`${r.method} ${r.url}`);
      }
      expect(checked.length).toBeGreaterThan(20);
      // Downloads are decided on the version before the route runs: one that does not exist is a typed 404.
      const downloads = hub.routes.filter((r) => r.action === 'dataset:download'); // GET and HEAD
      expect([...new Set(downloads.map((r) => r.url))].sort()).toEqual(['/api/v1/datasets/:id/versions/:v/archive.tar', '/api/v1/datasets/:id/versions/:v/files/*']);
      for (const path of ['/api/v1/datasets/nothing/versions/1/archive.tar', '/api/v1/datasets/nothing/versions/latest/files/lerobot/meta/info.json']) {
        const res = await fetch(`${hub.url}${path}`);
        expect([res.status, ((await res.json()) as { error?: string }).error], path).toEqual([404, 'unknown_dataset']);
      }
    });

    it("takes a robot's identity for uploads only from its secret, never from a header the client sends", async () => {
      const a = await hub.registry.enroll({ name: 'a', model: 'so101_sim' });
      const b = await hub.registry.enroll({ name: 'b', model: 'so101_sim' });
      const b64 = (x: string): string => Buffer.from(x).toString('base64');
      const create = (headers: Record<string, string>): Promise<Response> =>
        fetch(`${hub.url}/api/v1/uploads`, {
          method: 'POST',
          headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': `episodeId ${b64('e-00000000-0000-0000-0000-000000000000')},filename ${b64('episode.mcap')}`, ...headers },
        });
      const forged = { 'x-teleop-authenticated-robot': b.robot.id };
      expect((await create(forged)).status).toBe(401);
      const asA = await create({ ...forged, authorization: `Basic ${b64(`${a.robot.id}:${a.secret}`)}` });
      expect(asA.status).toBe(403);
      expect(await asA.text()).toContain(`not one of robot ${a.robot.id}'s`);
    });

    it('lets the public routes through', async () => {
      expect((await fetch(`${hub.url}/api/v1/health`)).status).toBe(200);
      expect((await fetch(`${hub.url}/api/v1/robots`)).status).toBe(200);
      expect((await fetch(`${hub.url}/api/v1/datasets`)).status).toBe(200);
    });
  });
});
