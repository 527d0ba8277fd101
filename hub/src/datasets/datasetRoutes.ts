// Dataset endpoints: browse datasets and versions, create them (signed in),
// the version manifest, per-file downloads with ranges, strong ETags (the
// file's SHA-256) and If-Range resume, and a streamed tar of a whole version.
// Who may download a version is the content rule's (access/contentRule.ts). A
// version's files are read from the blob store, by the paths its manifest lists.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatasetManifest, httpApi } from '@teleop/proto';
import { redirectToBlob, sendBytes, type PresignDownloads } from '../http/sendBytes.ts';
import type { Actor, Resource } from '../access/access.ts';
import { datasetVersionGrant, isGrant } from '../access/contentRule.ts';
import { walletAddress } from '../access/httpAccess.ts';
import type { Logger } from '../log.ts';
import { readBlobText, type BlobStore } from '../store/BlobStore.ts';
import type { Dataset, DatasetSelection, DatasetVersion } from './datasetRecords.ts';
import { DatasetError, type DatasetService, type NewDataset } from './DatasetService.ts';
import { tarSize, tarStream } from './tarStream.ts';
import { versionFileKey } from './versionKeys.ts';

export interface DatasetRoutesOptions {
  datasets: DatasetService;
  /** Where built versions' files are. */
  blobs: BlobStore;
  /** Set when the blob store hands out presigned URLs: file downloads redirect there (after the access check and record). */
  presign: PresignDownloads | null;
  logger: Logger;
  /** Whether the chain records `address`'s purchase of a version (false without a chain). */
  purchased: (o: { version: DatasetVersion; address: string }) => Promise<boolean>;
  /** The operator and robot owner of each of these episodes (who may download a version of only their own episodes). */
  contributors: (episodeIds: string[]) => Promise<{ operator: string; robotOwner: string | null }[]>;
  /** Every download is recorded with what allowed it, for the contributors to see. */
  recordAccess: (o: { datasetId: string; version: number; address: string | null; kind: 'manifest' | 'file' | 'archive'; path: string | null; purpose: string | null }) => void;
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
    if (err instanceof DatasetError) return reply.code(err.httpStatus).send({ error: err.code, message: err.message });
    throw err;
  };

  const versionOf = (v: string): number | undefined => {
    if (v === 'latest') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new DatasetError('bad_request', `version must be a positive integer or "latest", got "${v}"`);
    return n;
  };

  /** A ready version being downloaded: what the access hook loaded for the rule, kept for the handler. */
  interface Download {
    manifest: DatasetManifest;
    manifestText: string;
    label: string;
    dataset: Dataset;
    version: DatasetVersion;
    key: (path: string) => string;
    /** What the access rule read. */
    resource: Extract<Resource, { kind: 'dataset_version' }>;
  }
  const downloads = new WeakMap<FastifyRequest, Download>();

  /**
   * The access hook's resource for dataset:download: the version (an unknown or unbuilt one answers with the
   * DatasetError's status), its price, listed buyers and whether the chain records the caller's purchase.
   */
  const versionResource = async (req: FastifyRequest, actor: Actor): Promise<Resource> => {
    const params = req.params as { id: string; v: string };
    const { dataset, version } = await o.datasets.readyVersion(params.id, versionOf(params.v));
    const key = (path: string): string => versionFileKey(dataset.id, version.version, path);
    const manifestText = await readBlobText(o.blobs, key('manifest.json'));
    const label = `${dataset.name}-v${version.version}`;
    const address = addressOf(actor);
    // The version's own terms, fixed when it was created.
    const purchased = address !== null && version.price !== '0' ? await o.purchased({ version, address }) : false;
    const allowedBuyers = version.allowed_buyers ? version.allowed_buyers.map((b) => b.toLowerCase()) : null;
    const resource = { kind: 'dataset_version' as const, label, price: version.price, allowedBuyers, purchased, episodes: await o.contributors(version.episode_ids) };
    downloads.set(req, { manifest: JSON.parse(manifestText) as DatasetManifest, manifestText, label, dataset, version, key, resource });
    return resource;
  };
  /** What allowed a download the access hook let through. */
  const purposeOf = (req: FastifyRequest, a: Download): string | null => {
    const g = datasetVersionGrant(req.actor, a.resource);
    return isGrant(g) ? g.purpose : null;
  };
  const addressOf = (actor: Actor): string | null => (actor.kind === 'wallet' ? actor.address : null);
  const PUBLIC = { config: { access: { action: 'public:read' } } } as const;
  // A version's files and archive: open versions to anyone, priced or shared ones as the access rule says.
  const DOWNLOAD = { config: { access: { action: 'dataset:download' as const, resource: versionResource } } };
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
        const { dataset, version } = await o.datasets.readyVersion(req.params.id, versionOf(req.params.v));
        const text = await readBlobText(o.blobs, versionFileKey(dataset.id, version.version, 'manifest.json'));
        o.recordAccess({ datasetId: dataset.id, version: version.version, address: addressOf(req.actor), kind: 'manifest', path: null, purpose: 'public' });
        return reply.type('application/json').header('cache-control', 'public, max-age=31536000, immutable').send(text);
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.get<{ Params: { id: string; v: string; '*': string } }>('/api/v1/datasets/:id/versions/:v/files/*', DOWNLOAD, async (req, reply) => {
      try {
        const a = downloads.get(req)!;
        const path = req.params['*'];
        // Only what the manifest lists is served, so a path never names another blob.
        const file = path === 'manifest.json' ? null : a.manifest.files.find((f) => f.path === path);
        if (path !== 'manifest.json' && !file) return reply.code(404).send({ error: 'not_found', message: `${a.label} has no file ${path}` });
        const key = a.key(path);
        const head = await o.blobs.head(key);
        if (!head) {
          o.logger.error({ dataset: a.label, file: path, key }, 'a file of a ready dataset version is missing from the blob store');
          return reply.code(500).send({ error: 'missing_file', message: `${path} of ${a.label} is missing from the hub's storage; the hub's operator can build the version again` });
        }
        // One record per download, not per range request of a resumed or streamed one, nor a HEAD asking whether it may.
        if (req.method === 'GET' && (!req.headers.range || /^bytes=0-/.test(req.headers.range))) o.recordAccess({ datasetId: a.dataset.id, version: a.version.version, address: addressOf(req.actor), kind: 'file', path, purpose: purposeOf(req, a) });
        if (!req.headers.range) o.logger.debug({ file: path, dataset: a.label }, 'dataset file download');
        const how = { contentType: contentType(path), cacheControl: 'public, max-age=31536000, immutable' };
        const redirected = await redirectToBlob(req, reply, o.presign, key, file?.sha256 ?? null, { ...how, filename: path.split('/').at(-1)! });
        if (redirected) return redirected;
        return sendBytes(req, reply, { size: head.size, sha256: file?.sha256 ?? null, read: (range) => o.blobs.read(key, range) }, how);
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.get<{ Params: { id: string; v: string } }>('/api/v1/datasets/:id/versions/:v/archive.tar', DOWNLOAD, async (req, reply) => {
      try {
        const a = downloads.get(req)!;
        o.recordAccess({ datasetId: a.dataset.id, version: a.version.version, address: addressOf(req.actor), kind: 'archive', path: null, purpose: purposeOf(req, a) });
        // Blobs carry no times: every entry is stamped with the time the version was built.
        const mtimeS = Date.parse(a.version.built_at ?? a.version.created_at) / 1000;
        const files = [...a.manifest.files, { path: 'manifest.json', size: Buffer.byteLength(a.manifestText) }];
        const entries = files.map((f) => ({ name: `${a.label}/${f.path}`, size: f.size, mtimeS, read: () => o.blobs.read(a.key(f.path)) }));
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
