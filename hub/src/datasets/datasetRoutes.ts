// Dataset endpoints: browse datasets and versions, create them (signed in),
// the version manifest, per-file downloads with ranges, strong ETags (the
// file's SHA-256) and If-Range resume, and a streamed tar of a whole version.
// Open datasets are free to anyone; priced ones need an access grant.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatasetManifest, httpApi } from '@teleop/proto';
import { sendBytes } from '../http/sendBytes.ts';
import { AccessDenied, decide, type Actor } from '../access/access.ts';
import { walletAddress } from '../access/httpAccess.ts';
import type { Logger } from '../log.ts';
import { DatasetError, type DatasetSelection, type DatasetService, type NewDataset } from './DatasetService.ts';
import { tarSize, tarStream } from './tarStream.ts';
import type { DatasetsTable, DatasetVersionsTable } from '../store/schema.ts';

export interface DatasetRoutesOptions {
  datasets: DatasetService;
  logger: Logger;
  /** Whether the chain records `address`'s purchase of a version (false without a chain). */
  purchased: (o: { version: DatasetVersionsTable; address: string }) => Promise<boolean>;
  /** Every download is recorded, for the contributors to see. */
  recordAccess: (o: { datasetId: string; version: number; address: string | null; kind: 'manifest' | 'file' | 'archive'; path: string | null }) => void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.parquet': 'application/vnd.apache.parquet',
  '.mp4': 'video/mp4',
  '.mcap': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
};

const contentType = (path: string): string => CONTENT_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';

export function datasetRoutes(o: DatasetRoutesOptions) {
  const fail = (reply: FastifyReply, err: unknown): FastifyReply => {
    if (err instanceof DatasetError) {
      const status = { bad_request: 400, unknown_dataset: 404, unknown_version: 404, name_taken: 409, empty_selection: 422, not_ready: 409, incompatible_episodes: 422 }[err.code];
      return reply.code(status).send({ error: err.code, message: err.message });
    }
    throw err;
  };

  const versionOf = (v: string): number | undefined => {
    if (v === 'latest') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new DatasetError('bad_request', `version must be a positive integer or "latest", got "${v}"`);
    return n;
  };

  /** The version, its manifest, and the access rule's answer on downloading its files (a denial, or null). */
  async function access(req: FastifyRequest<{ Params: { id: string; v: string } }>): Promise<{ dir: string; manifest: DatasetManifest; denial: ReturnType<typeof decide>; label: string; dataset: DatasetsTable; version: DatasetVersionsTable; address: string | null }> {
    const { dataset, version, dir } = await o.datasets.readyVersion(req.params.id, versionOf(req.params.v));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as DatasetManifest;
    const address = addressOf(req.actor);
    const label = `${dataset.name}-v${version.version}`;
    const purchased = address !== null && dataset.price !== '0' ? await o.purchased({ version, address }) : false;
    const allowedBuyers = dataset.allowed_buyers ? (JSON.parse(dataset.allowed_buyers) as string[]).map((b) => b.toLowerCase()) : null;
    const denial = decide(req.actor, 'dataset:download', { kind: 'dataset_version', label, createdBy: dataset.created_by, price: dataset.price, allowedBuyers, purchased });
    return { dir, manifest, denial, label, dataset, version, address };
  }
  const addressOf = (actor: Actor): string | null => (actor.kind === 'wallet' ? actor.address : null);
  const PUBLIC = { config: { access: { action: 'public:read' } } } as const;
  // The version's files: the route is open to anyone; which version's files a caller may have is decided per request (access()).
  const DOWNLOAD = { config: { access: { action: 'public:read' } } } as const;
  const CREATE = { config: { access: { action: 'dataset:create' } } } as const;

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/datasets', PUBLIC, async () => ({ datasets: await o.datasets.list() }) satisfies httpApi.DatasetList);

    app.post<{ Body: NewDataset & { selection?: DatasetSelection } }>('/api/v1/datasets', CREATE, async (req, reply) => {
      try {
        const body = req.body ?? ({} as NewDataset);
        const created = await o.datasets.create(body, body.selection ?? {}, walletAddress(req.actor));
        return reply.code(202).send(created satisfies httpApi.DatasetVersionRef);
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.get<{ Params: { id: string } }>('/api/v1/datasets/:id', PUBLIC, async (req, reply) => {
      const view = await o.datasets.view(req.params.id);
      return (view satisfies httpApi.Dataset | null) ?? reply.code(404).send({ error: 'unknown_dataset', message: `no dataset ${req.params.id}` });
    });

    app.post<{ Params: { id: string }; Body: { selection?: DatasetSelection; parentVersion?: number } }>('/api/v1/datasets/:id/versions', CREATE, async (req, reply) => {
      try {
        const d = await o.datasets.find(req.params.id);
        if (!d) throw new DatasetError('unknown_dataset', `no dataset ${req.params.id}`);
        return reply.code(202).send((await o.datasets.addVersion(d.id, req.body?.selection ?? {}, walletAddress(req.actor), req.body?.parentVersion)) satisfies httpApi.DatasetVersionRef);
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.get<{ Params: { id: string; v: string } }>('/api/v1/datasets/:id/versions/:v', PUBLIC, async (req, reply) => {
      try {
        const view = await o.datasets.view(req.params.id);
        if (!view) throw new DatasetError('unknown_dataset', `no dataset ${req.params.id}`);
        const n = versionOf(req.params.v);
        const v = n === undefined ? view.versions.filter((x) => x.state === 'ready').at(-1) : view.versions.find((x) => x.version === n);
        if (!v) throw new DatasetError('unknown_version', `dataset ${view.name} has no version ${req.params.v}`);
        return v satisfies httpApi.DatasetVersion;
      } catch (err) {
        return fail(reply, err);
      }
    });

    // The manifest is public: it is how anyone checks what they got (and what the chain records).
    app.get<{ Params: { id: string; v: string } }>('/api/v1/datasets/:id/versions/:v/manifest', PUBLIC, async (req, reply) => {
      try {
        const { dir } = await o.datasets.readyVersion(req.params.id, versionOf(req.params.v));
        const text = await readFile(join(dir, 'manifest.json'));
        o.recordAccess({ datasetId: (await o.datasets.find(req.params.id))!.id, version: JSON.parse(text.toString()).dataset.version as number, address: addressOf(req.actor), kind: 'manifest', path: null });
        return reply.type('application/json').header('cache-control', 'public, max-age=31536000, immutable').send(text);
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.get<{ Params: { id: string; v: string; '*': string } }>('/api/v1/datasets/:id/versions/:v/files/*', DOWNLOAD, async (req, reply) => {
      try {
        const a = await access(req);
        const path = req.params['*'];
        const file = path === 'manifest.json' ? null : a.manifest.files.find((f) => f.path === path);
        if (path !== 'manifest.json' && !file) return reply.code(404).send({ error: 'not_found', message: `${a.label} has no file ${path}` });
        if (a.denial && path !== 'manifest.json') throw new AccessDenied(a.denial);
        // One record per download, not per range request of a resumed or streamed one.
        if (!req.headers.range || /^bytes=0-/.test(req.headers.range)) o.recordAccess({ datasetId: a.dataset.id, version: a.version.version, address: a.address, kind: 'file', path });
        const local = join(a.dir, ...path.split('/'));
        const size = (await stat(local)).size;
        if (!req.headers.range) o.logger.debug({ file: path, dataset: a.label }, 'dataset file download');
        return sendBytes(req, reply, { size, sha256: file?.sha256 ?? null, read: (range) => createReadStream(local, range) }, { contentType: contentType(path), cacheControl: 'public, max-age=31536000, immutable' });
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.get<{ Params: { id: string; v: string } }>('/api/v1/datasets/:id/versions/:v/archive.tar', DOWNLOAD, async (req, reply) => {
      try {
        const a = await access(req);
        if (a.denial) throw new AccessDenied(a.denial);
        o.recordAccess({ datasetId: a.dataset.id, version: a.version.version, address: a.address, kind: 'archive', path: null });
        const paths = [...a.manifest.files.map((f) => f.path), 'manifest.json'];
        const entries = await Promise.all(
          paths.map(async (p) => {
            const local = join(a.dir, ...p.split('/'));
            const st = await stat(local);
            return { name: `${a.label}/${p}`, path: local, size: st.size, mtimeS: st.mtimeMs / 1000 };
          }),
        );
        o.logger.info({ dataset: a.label, files: entries.length }, 'dataset archive download');
        return reply
          .type('application/x-tar')
          .header('content-disposition', `attachment; filename="${a.label}.tar"`)
          .header('content-length', tarSize(entries))
          .send(tarStream(entries));
      } catch (err) {
        return fail(reply, err);
      }
    });
  };
}
