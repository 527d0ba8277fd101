// Rewards, the chain and usage over HTTP: what the console needs to send its
// own transactions (chain id, contract addresses, a JSON-RPC relay limited to
// what a wallet needs), each account's rewards with the proof to claim them,
// the epochs, settlement for admins, an episode's on-chain commitment, and
// for contributors every purchase and download of datasets holding their
// episodes.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { getAddress, isAddress, numberToHex } from 'viem';
import type { httpApi } from '@teleop/proto';
import type { Actor } from '../access/access.ts';
import { walletAddress } from '../access/httpAccess.ts';
import type { ChainService } from '../chain/ChainService.ts';
import { RewardError, type RewardService } from './RewardService.ts';

export interface RewardRoutesOptions {
  rewards: RewardService;
  chain: ChainService | null;
  /** Local development chain only: fund a signed-in wallet with gas and tokens. */
  devFaucet: boolean;
  /** Last block whose purchases have been read (by this hub, or the one following the chain for all). */
  purchasesReadTo: () => Promise<bigint>;
}

/** JSON-RPC methods a wallet needs to read, estimate and send signed transactions; nothing that signs or mutates the node. */
const RPC_METHODS = new Set([
  'eth_chainId',
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_getBalance',
  'eth_getCode',
  'eth_getTransactionCount',
  'eth_getTransactionByHash',
  'eth_getTransactionReceipt',
  'eth_getBlockByNumber',
  'eth_sendRawTransaction',
  'net_version',
]);

const FAUCET_ETH = 10n ** 18n;
const FAUCET_TOKENS = 1000n * 10n ** 18n;

export function rewardRoutes(o: RewardRoutesOptions) {
  const PUBLIC = { config: { access: { action: 'public:read' } } } as const;
  const SELF = { config: { access: { action: 'self:act' } } } as const;
  const isAdmin = (actor: Actor): boolean => actor.kind === 'wallet' && actor.admin;
  const noChain = (reply: FastifyReply): FastifyReply => reply.code(503).send({ error: 'no_chain', message: 'this hub runs without a chain (start it with --rpc-url, or `teleop-hub up`)' });

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/chain', PUBLIC, async (): Promise<httpApi.ChainAnswer> =>
      o.chain ? { ...o.chain.describe(), rpcRelay: '/api/v1/chain/rpc', devFaucet: o.devFaucet, purchasesReadToBlock: Number(await o.purchasesReadTo()) } : { chainId: null },
    );

    // The console's wallet talks to the chain through the hub, so a browser never needs the node's address.
    app.post<{ Body: { jsonrpc: string; id: unknown; method: string; params?: unknown[] } }>(
      '/api/v1/chain/rpc',
      {
        ...PUBLIC,
        bodyLimit: 256 * 1024,
        schema: { body: { type: 'object', required: ['method'], properties: { method: { type: 'string', maxLength: 64 }, params: { type: 'array' } } } },
      },
      async (req, reply) => {
        if (!o.chain) return noChain(reply);
        if (!RPC_METHODS.has(req.body.method)) {
          return reply.code(403).send({ jsonrpc: '2.0', id: req.body.id ?? null, error: { code: -32601, message: `method ${req.body.method} is not relayed by the hub` } });
        }
        const res = await fetch(o.chain.config.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: req.body.id ?? 1, method: req.body.method, params: req.body.params ?? [] }) });
        return reply.code(res.status).type('application/json').send(await res.text());
      },
    );

    app.post<{ Body: { tokens?: boolean } | undefined }>('/api/v1/chain/faucet', SELF, async (req, reply) => {
      if (!o.chain) return noChain(reply);
      if (!o.devFaucet) return reply.code(404).send({ error: 'not_found', message: 'the faucet exists only on the local development chain' });
      const address = getAddress(walletAddress(req.actor));
      await o.chain.client.request({ method: 'anvil_setBalance' as never, params: [address, numberToHex(FAUCET_ETH)] as never });
      // Gas only when asked ({"tokens": false}): a claim should not look like it paid more than it did.
      const withTokens = req.body?.tokens !== false;
      if (withTokens) await o.chain.mintTo(address, FAUCET_TOKENS);
      return { address, eth: FAUCET_ETH.toString(), tokens: withTokens ? FAUCET_TOKENS.toString() : '0' } satisfies httpApi.FaucetGrant;
    });

    app.get('/api/v1/rewards/epochs', PUBLIC, async () => ({ epochs: await o.rewards.epochs() }) satisfies httpApi.EpochList);

    app.get<{ Params: { epoch: string } }>('/api/v1/rewards/epochs/:epoch', PUBLIC, async (req, reply) => {
      const doc = /^\d{1,9}$/.test(req.params.epoch) ? await o.rewards.epochDocument(Number(req.params.epoch)) : null;
      return doc ?? reply.code(404).send({ error: 'unknown_epoch', message: `no epoch ${req.params.epoch}` });
    });

    // Rewards are public on chain; so is what the hub credited to an address.
    app.get<{ Params: { address: string } }>('/api/v1/rewards/:address', PUBLIC, async (req, reply) => {
      if (!isAddress(req.params.address)) return reply.code(400).send({ error: 'bad_request', message: `${req.params.address} is not an address` });
      try {
        return (await o.rewards.forAccount(req.params.address)) satisfies httpApi.AccountRewards;
      } catch (err) {
        if (err instanceof RewardError) return reply.code(400).send({ error: 'bad_request', message: err.message });
        throw err;
      }
    });

    app.post('/api/v1/rewards/settle', { config: { access: { action: 'rewards:settle' } } }, async () => {
      const epoch = await o.rewards.settle();
      return { epoch } satisfies httpApi.Settled;
    });

    app.get<{ Params: { id: string } }>('/api/v1/episodes/:id/commitment', PUBLIC, async (req, reply) => {
      const c = await o.rewards.commitment(req.params.id);
      if (!c) return reply.code(404).send({ error: 'not_committed', message: `episode ${req.params.id} is not in a settled epoch yet` });
      return { ...c, contract: o.chain?.config.contracts.episodeRegistry ?? null, chainId: o.chain?.config.chainId ?? null };
    });

    // Contributors see every purchase and download of the dataset versions that hold their episodes.
    app.get('/api/v1/me/usage', SELF, async (req) => {
      return (await o.rewards.usageFor(getAddress(walletAddress(req.actor)), isAdmin(req.actor))) satisfies httpApi.UsageReport;
    });

    app.get('/api/v1/me/roles', SELF, async (req) => {
      const address = walletAddress(req.actor);
      const curator = req.actor.kind === 'wallet' && req.actor.curator;
      return { address, roles: [...(await o.rewards.rolesOf(getAddress(address), isAdmin(req.actor))), ...(curator ? ['curator'] : [])] } satisfies httpApi.Roles;
    });
  };
}

