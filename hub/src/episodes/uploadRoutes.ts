// Resumable uploads of episode files from robots: the tus protocol
// (@tus/server, file store under the data directory). Robots authenticate
// with HTTP Basic (robot id and secret) and may touch only their own uploads
// of their own episodes. Partial uploads stay on the hub's disk whatever the
// blob store (resumable across hub restarts); a finished file is moved into
// the blob store, hashed on the way, and handed to the episode service; the manifest, uploaded last,
// starts verification. Uploads are refused cleanly when the disk is short.
import { mkdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server as TusServer, type Upload } from '@tus/server';
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotAuthGuard } from '../robots/RobotAuthGuard.ts';
import type { RobotRegistry } from '../robots/RobotRegistry.ts';
import { episodeBlobKey, type BlobStore } from '../store/BlobStore.ts';
import type { EpisodeService } from './EpisodeService.ts';
import type { UploadProgress } from './UploadProgress.ts';

export interface UploadRoutesOptions {
  dataDir: string;
  registry: RobotRegistry;
  episodes: EpisodeService;
  blobs: BlobStore;
  metrics: HubMetrics;
  logger: Logger;
  /** Largest single file. */
  maxFileBytes: number;
  /** Refuse an upload that would leave less free space than this. */
  minFreeBytes: number;
  /** Where the bytes received of each episode are counted (for its operator's console). */
  progress?: UploadProgress;
}

/** The robot a request from `address` authenticates as (HTTP Basic robotId:secret), or null. */
export async function robotFromAuthorization(robotAuth: RobotAuthGuard, header: string | null | undefined, address: string | undefined): Promise<string | null> {
  const m = /^Basic (.+)$/.exec(header ?? '');
  if (!m) return null;
  const [robotId, ...rest] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  if (!robotId || rest.length === 0) return null;
  return (await robotAuth.authenticate(robotId, rest.join(':'), { transport: 'tus', address })).ok ? robotId : null;
}

const refuse = (status_code: number, body: string): never => {
  throw { status_code, body };
};

/** Carries the robot the access hook authenticated to the tus server's callbacks (set by the hub, never by the client). */
const AUTHENTICATED_ROBOT_HEADER = 'x-teleop-authenticated-robot';

export function uploadRoutes(o: UploadRoutesOptions) {
  const directory = join(o.dataDir, 'uploads');
  mkdirSync(directory, { recursive: true });
  const store = new FileStore({ directory });
  const robotOf = new WeakMap<Request, string>();

  const tus = new TusServer({
    path: '/api/v1/uploads',
    datastore: store,
    maxSize: o.maxFileBytes,
    respectForwardedHeaders: false,
    postReceiveInterval: 250,
    async onIncomingRequest(req, uploadId) {
      // The access hook authenticated the robot (robot:report) and put its id here, over anything the client sent.
      const robotId = req.headers.get(AUTHENTICATED_ROBOT_HEADER);
      if (!robotId) refuse(401, 'authenticate with the robot id and secret (HTTP Basic)');
      robotOf.set(req, robotId!);
      if (uploadId) {
        const upload = await store.getUpload(uploadId).catch(() => null);
        if (upload && upload.metadata?.robotId !== robotId) refuse(403, 'this upload belongs to another robot');
        // An upload opened while the episode took files cannot go on once it is sealed (only its offset may be read).
        if (upload && req.method !== 'HEAD') {
          const problem = await o.episodes.canUpload(robotId!, upload.metadata?.episodeId ?? '', upload.metadata?.filename ?? '');
          if (problem) {
            o.metrics.drop('robot', 'forbidden');
            refuse(problem.status, problem.message);
          }
        }
      }
    },
    async onUploadCreate(req, upload) {
      const robotId = robotOf.get(req)!;
      const episodeId = upload.metadata?.episodeId ?? '';
      const filename = upload.metadata?.filename ?? '';
      const problem = await o.episodes.canUpload(robotId, episodeId, filename);
      if (problem) {
        o.metrics.drop('robot', 'forbidden');
        refuse(problem.status, problem.message);
      }
      const free = (() => {
        const s = statfsSync(directory);
        return s.bavail * s.bsize;
      })();
      const size = upload.size ?? 0;
      if (free - size < o.minFreeBytes) {
        o.logger.error({ robotId, episodeId, filename, size, free }, 'upload refused: not enough free space on the hub');
        refuse(507, `the hub has ${free} bytes free and keeps at least ${o.minFreeBytes}; ${filename} (${size} bytes) does not fit now, keep it and retry later`);
      }
      return { metadata: { ...upload.metadata, robotId } };
    },
    async onUploadFinish(_req, upload) {
      await finish(upload);
      return {};
    },
  });

  /**
   * Moves a complete upload into the blob store and hands it to the episode service. The file is read once, by
   * the store, which hashes it on the way (into object storage: a streamed multipart upload). Until this ends the
   * upload's metadata stays, so a hub that stops half-way finishes the move when it starts again.
   */
  const finish = async (upload: Upload): Promise<void> => {
    const episodeId = upload.metadata?.episodeId ?? '';
    const filename = upload.metadata?.filename ?? '';
    const path = join(directory, upload.id);
    // The last bytes may land after the episode was sealed (a PATCH already under way): they never reach the store.
    const problem = await o.episodes.canUpload(upload.metadata?.robotId ?? '', episodeId, filename);
    if (problem) {
      await store.remove(upload.id).catch(() => undefined);
      o.metrics.drop('robot', 'forbidden');
      refuse(problem.status, problem.message);
    }
    const started = Date.now();
    const { size, sha256: digest } = await o.blobs.putFile(episodeBlobKey(episodeId, filename), path);
    // Recorded before the upload's metadata goes: a robot cut off while this ran asks again, and finds either the
    // upload complete (its URL still answers) or the file held (its receipt lists it), never neither, which made it
    // send the whole file again (seen on S3, where storing takes longer). A hub that stops between the two stores
    // the file again at start (finishInterrupted; recording a file is an upsert).
    await o.episodes.fileReceived(episodeId, filename, size, digest);
    await store.configstore.delete(upload.id); // the upload's metadata; its data moved to the blob store
    o.logger.info({ episodeId, filename, size, storeMs: Date.now() - started }, 'episode file received');
  };

  /**
   * Uploads whose last byte arrived but whose move into the blob store did not end (the hub stopped during it):
   * a robot that comes back finds the upload complete and goes on to its next file, so the hub finishes them
   * before it takes requests again.
   */
  const finishInterrupted = async (): Promise<void> => {
    for (const id of (await store.configstore.list?.()) ?? []) {
      const upload = await store.getUpload(id).catch(() => null);
      if (!upload || upload.size === undefined || upload.offset !== upload.size) continue;
      o.logger.warn({ uploadId: id, episodeId: upload.metadata?.episodeId, filename: upload.metadata?.filename }, 'an upload complete before the hub stopped was not stored yet; storing it now');
      await finish(upload).catch((err: { body?: string; message?: string }) =>
        o.logger.error({ uploadId: id, err: err.body ?? err.message }, `a complete upload could not be stored: ${err.body ?? err.message}`),
      );
    }
  };

  // What the robot says of the whole episode (episodeBytes, episodeFiles) is display only: verification measures the files.
  const report = (upload: { offset: number; size?: number | undefined; metadata?: Record<string, string | null> | undefined }): void => {
    const m = upload.metadata ?? {};
    o.progress?.update({ episodeId: m.episodeId ?? '', filename: m.filename ?? '', offset: upload.offset, size: upload.size ?? null, episodeBytes: m.episodeBytes ?? undefined, episodeFiles: m.episodeFiles ?? undefined });
  };
  tus.on(EVENTS.POST_CREATE, (_req, upload) => report(upload));
  tus.on(EVENTS.POST_RECEIVE, (_req, upload) => report(upload));
  tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => report(upload));

  return async (app: FastifyInstance): Promise<void> => {
    await finishInterrupted();
    // tus bodies are streams handled by the tus server itself.
    app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    const handler = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply): Promise<void> => {
      // tus builds its request from the raw header list: any copy the client sent is dropped, the hub's put in.
      const robotId = req.actor.kind === 'robot' ? req.actor.robotId : '';
      const raw = req.raw.rawHeaders;
      const kept: string[] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() !== AUTHENTICATED_ROBOT_HEADER) kept.push(raw[i]!, raw[i + 1]!);
      raw.splice(0, raw.length, ...kept, AUTHENTICATED_ROBOT_HEADER, robotId);
      req.raw.headers[AUTHENTICATED_ROBOT_HEADER] = robotId;
      reply.hijack();
      await tus.handle(req.raw, reply.raw);
    };
    const access = { config: { access: { action: 'robot:report' } } } as const;
    app.all('/api/v1/uploads', access, handler);
    app.all('/api/v1/uploads/*', access, handler);
  };
}
