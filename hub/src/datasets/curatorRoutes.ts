// Curators: the wallets admins let build dataset versions (admins may too).
// Admins name and remove them here; the list is public, so anyone can see who
// may publish.
import type { FastifyInstance } from 'fastify';
import type { httpApi } from '@teleop/proto';
import { walletAddress } from '../access/httpAccess.ts';
import type { DataRightsStore } from '../store/DataRightsStore.ts';

const addressParams = { type: 'object', properties: { address: { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' } }, required: ['address'] } as const;

export function curatorRoutes(o: { store: DataRightsStore }) {
  const MANAGE = { access: { action: 'curators:manage' as const } };
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/curators', { config: { access: { action: 'public:read' } } }, async () => ({ curators: await o.store.curators() }) satisfies httpApi.CuratorList);

    app.put<{ Params: { address: string } }>('/api/v1/curators/:address', { config: MANAGE, schema: { params: addressParams } }, async (req, reply) => {
      const added = await o.store.grantCurator(req.params.address, walletAddress(req.actor), new Date().toISOString());
      return reply.code(added ? 201 : 200).send({ address: req.params.address.toLowerCase(), curator: true } satisfies httpApi.CuratorGrant);
    });

    app.delete<{ Params: { address: string } }>('/api/v1/curators/:address', { config: MANAGE, schema: { params: addressParams } }, async (req, reply) => {
      if (!(await o.store.revokeCurator(req.params.address))) return reply.code(404).send({ error: 'not_found', message: `${req.params.address} is not a curator` });
      return { address: req.params.address.toLowerCase(), curator: false } satisfies httpApi.CuratorGrant;
    });
  };
}
