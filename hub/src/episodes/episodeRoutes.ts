// Episode endpoints: list and detail (manifest, checks, reviews, teleop
// quality), file downloads with ranges, the replay trajectory, the robot's
// upload receipt, owners' terms for an episode, and peer review. What of an
// episode a wallet gets is the content rule's answer (access/contentRule.ts):
// the full view and the files to whoever it grants content, the metadata to
// the others unless its owner keeps it private.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { httpApi } from '@teleop/proto';
import { redirectToBlob, sendBytes, type PresignDownloads } from '../http/sendBytes.ts';
import { walletAddress } from '../access/httpAccess.ts';
import { AccessDenied, type Actor, type Denial, type Resource } from '../access/access.ts';
import { isGrant } from '../access/contentRule.ts';
import type { EpisodeRights, EpisodeRightsView } from '../access/EpisodeRights.ts';
import { DATA_TERMS_SCHEMA, parseDataTerms, type DataTermsInput } from '../robots/dataTerms.ts';
import type { RobotRegistry } from '../robots/RobotRegistry.ts';
import { episodeBlobKey, type BlobStore } from '../store/BlobStore.ts';
import { EpisodeError, type EpisodeService, type EpisodeView } from './EpisodeService.ts';
import { readRecording } from './readRecording.ts';
import { asInReview, ReviewError, type ReviewService } from './ReviewService.ts';

export interface EpisodeRoutesOptions {
  episodes: EpisodeService;
  reviews: ReviewService;
  registry: RobotRegistry;
  blobs: BlobStore;
  /** Set when the blob store hands out presigned URLs: file downloads redirect there (after the access check and record). */
  presign: PresignDownloads | null;
  rights: EpisodeRights;
  /** Sets (or, with null, clears) an owner's terms for one episode. */
  setTerms: (episodeId: string, terms: ReturnType<typeof parseDataTerms> | null, by: string) => Promise<void>;
}

const READ = { access: { action: 'episode:read' } } as const;
const REVIEW = { access: { action: 'review:give' } } as const;

const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^e-[0-9a-f-]{36}$' } }, required: ['id'] } as const;

export function episodeRoutes(o: EpisodeRoutesOptions) {
  const fail = (reply: FastifyReply, err: unknown): FastifyReply => {
    if (err instanceof EpisodeError) return reply.code(err.code === 'unknown_episode' ? 404 : 400).send({ error: err.code, message: err.message });
    if (err instanceof ReviewError) {
      const status = { nothing_to_review: 404, unknown_episode: 404, not_assigned: 409, suspended: 403, forbidden: 403, bad_request: 400 }[err.code];
      return reply.code(status).send({ error: err.code, message: err.message });
    }
    throw err;
  };

  /** What episode:gold decides on: the episode's robot and its owner. */
  const robotOfEpisode = async (episodeId: string): Promise<Resource> => {
    const ep = await o.episodes.get(episodeId);
    if (!ep) return null;
    const robot = await o.registry.get(ep.robotId);
    return { kind: 'robot', robotId: ep.robotId, owner: robot?.owner ?? null, enrolled: !!robot };
  };

  /** An episode as `actor` may see it: in full, as metadata (no manifest, no files), or not at all (private to others). */
  const shown = (actor: Actor, view: EpisodeView, r: EpisodeRightsView | undefined): { view: EpisodeView } | { denial: Denial } => {
    if (!r) return { denial: { code: 'not_found', message: `no episode ${view.id}` } };
    const g = o.rights.grant(actor, r.facts);
    const t = r.record.terms;
    const rights: httpApi.EpisodeRights = {
      terms: t.policy,
      license: t.license,
      floorPricePerHour: t.floorPricePerHour,
      ownTerms: r.record.ownTerms,
      content: isGrant(g),
      purpose: isGrant(g) ? g.purpose : null,
      reason: isGrant(g) ? null : g.message,
    };
    if (isGrant(g)) return { view: { ...view, rights } };
    if (t.policy === 'private') return { denial: g };
    return { view: { ...view, manifest: null, files: [], rights } };
  };

  /** What episode:content decides on, kept for the handler (which records the read with what granted it). */
  const contentOf = new WeakMap<FastifyRequest, EpisodeRightsView>();
  const episodeContent = async (req: FastifyRequest, actor: Actor): Promise<Resource | Denial> => {
    if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: 'sign in with your wallet first (POST /api/v1/auth/verify)' };
    const id = (req.params as { id: string }).id;
    const r = (await o.rights.load(actor, [id])).get(id);
    if (!r) return { code: 'not_found', message: `no episode ${id}` };
    contentOf.set(req, r);
    return { kind: 'episode_content', ...r.facts };
  };
  const CONTENT = { access: { action: 'episode:content' as const, resource: episodeContent } };
  /** Records the read; the access hook has already granted it. */
  const recordRead = (req: FastifyRequest, kind: 'file' | 'trajectory', path: string | null): void => {
    const r = contentOf.get(req);
    if (!r || req.actor.kind !== 'wallet') return;
    const g = o.rights.grant(req.actor, r.facts);
    if (isGrant(g)) o.rights.recordAccess({ episodeId: r.facts.episodeId, address: req.actor.address, kind, path, purpose: g.purpose });
  };

  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { robotId?: string; operator?: string; state?: string; limit?: number } }>('/api/v1/episodes', { config: READ }, async (req) => {
      const list = await o.reviews.listFor(req.actor.kind === 'wallet' ? req.actor.address : null, req.query);
      const rights = await o.rights.load(req.actor, list.map((v) => v.id));
      const episodes = list.flatMap((v) => {
        const s = shown(req.actor, v, rights.get(v.id));
        return 'view' in s ? [s.view] : [];
      });
      return { episodes } satisfies httpApi.EpisodeList;
    });

    app.get<{ Params: { id: string } }>('/api/v1/episodes/:id', { config: READ, schema: { params: idParams } }, async (req, reply) => {
      const full = await o.episodes.view(req.params.id);
      if (!full) return reply.code(404).send({ error: 'unknown_episode', message: `no episode ${req.params.id}` });
      const s = shown(req.actor, full, (await o.rights.load(req.actor, [full.id])).get(full.id));
      if ('denial' in s) throw new AccessDenied(s.denial);
      const view = s.view;
      // A reviewer given a check episode sees it as any episode in review: its verdict, score and reviews are not shown.
      if (req.actor.kind === 'wallet' && (await o.reviews.isCheckFor(req.actor.address, req.params.id))) {
        return { ...asInReview(view), reviews: [] } satisfies httpApi.EpisodeDetail;
      }
      // The API's review fields are as they always were: snake case, gates as 0/1.
      const reviews = (await o.reviews.submitted(req.params.id)).map((r) => ({
        reviewer: r.reviewer,
        submitted_at: r.submittedAt,
        task_done: r.taskDone ? 1 : 0,
        cameras_clear: r.camerasClear ? 1 : 0,
        robot_safe: r.robotSafe ? 1 : 0,
        score: r.score,
        comment: r.comment,
      }));
      return { ...view, reviews } satisfies httpApi.EpisodeDetail;
    });

    app.get<{ Params: { id: string; name: string } }>(
      '/api/v1/episodes/:id/files/:name',
      { config: CONTENT, schema: { params: { type: 'object', properties: { id: idParams.properties.id, name: { type: 'string', pattern: '^[a-z0-9_.]{1,40}$' } }, required: ['id', 'name'] } } },
      async (req, reply) => {
        const file = await o.episodes.file(req.params.id, req.params.name);
        if (!file) return reply.code(404).send({ error: 'not_found', message: `episode ${req.params.id} has no file ${req.params.name}` });
        const key = episodeBlobKey(req.params.id, req.params.name);
        const size = (await o.blobs.head(key))?.size ?? null;
        if (size === null) return reply.code(404).send({ error: 'not_found', message: 'file not stored' });
        // One record per download, not per range request of a resumed or streamed one.
        if (req.method === 'GET' && (!req.headers.range || /^bytes=0-/.test(req.headers.range))) recordRead(req, 'file', req.params.name);
        const contentType = req.params.name.endsWith('.mp4') ? 'video/mp4' : req.params.name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        const redirected = await redirectToBlob(req, reply, o.presign, key, file.sha256, { contentType, filename: `${req.params.id}-${req.params.name}` });
        if (redirected) return redirected;
        return sendBytes(req, reply, { size, sha256: file.sha256, read: (range) => o.blobs.read(key, range) }, { contentType });
      },
    );

    app.get<{ Params: { id: string } }>('/api/v1/episodes/:id/trajectory', { config: CONTENT, schema: { params: idParams } }, async (req, reply) => {
      const view = await o.episodes.view(req.params.id);
      if (!view?.manifest) return reply.code(404).send({ error: 'not_found', message: 'the episode has no verified recording yet' });
      recordRead(req, 'trajectory', null);
      const rec = await o.blobs.withLocalFile(episodeBlobKey(req.params.id, 'episode.mcap'), readRecording);
      const t0 = rec.states[0]?.t ?? 0n;
      const sec = (t: bigint): number => Number(t - t0) / 1e9;
      return {
        jointNames: view.manifest.manifest.jointNames,
        states: rec.states.map((s) => [sec(s.t), ...s.positions]),
        actions: rec.actions.map((a) => [sec(a.t), ...a.positions]),
        // Per camera, the time of each MP4 frame since the first state: what the replay seeks to.
        frames: Object.fromEntries([...rec.frames].map(([camera, list]) => [camera, list.map((f) => sec(f.t))])),
      } satisfies httpApi.Trajectory;
    });

    app.get<{ Params: { id: string } }>('/api/v1/episodes/:id/receipt', { config: { access: { action: 'robot:report' } }, schema: { params: idParams } }, async (req, reply) => {
      try {
        return await o.episodes.receipt(req.actor.kind === 'robot' ? req.actor.robotId : '', req.params.id);
      } catch (err) {
        return fail(reply, err);
      }
    });

    app.post<{ Params: { id: string }; Body: { verdict: 'accepted' | 'rejected'; note?: string } }>(
      '/api/v1/episodes/:id/gold',
      {
        config: { access: { action: 'episode:gold', resource: async (req) => robotOfEpisode((req.params as { id: string }).id) } },
        schema: { params: idParams, body: { type: 'object', required: ['verdict'], properties: { verdict: { enum: ['accepted', 'rejected'] }, note: { type: 'string', maxLength: 2000 } } } },
      },
      async (req, reply) => {
        try {
          await o.reviews.addGold(req.params.id, req.body.verdict, req.body.note ?? null, walletAddress(req.actor));
          return reply.code(201).send({ episodeId: req.params.id, verdict: req.body.verdict });
        } catch (err) {
          return fail(reply, err);
        }
      },
    );

    // An owner's terms for one episode, over its robot's (DELETE: back to the robot's).
    const OWNER = { access: { action: 'robot:manage' as const, resource: async (req: FastifyRequest) => robotOfEpisode((req.params as { id: string }).id) } };
    app.put<{ Params: { id: string }; Body: DataTermsInput }>('/api/v1/episodes/:id/terms', { config: OWNER, schema: { params: idParams, body: DATA_TERMS_SCHEMA } }, async (req) => {
      const terms = parseDataTerms(req.body);
      await o.setTerms(req.params.id, terms, walletAddress(req.actor));
      return { episodeId: req.params.id, ...terms } satisfies httpApi.EpisodeTerms;
    });
    app.delete<{ Params: { id: string } }>('/api/v1/episodes/:id/terms', { config: OWNER, schema: { params: idParams } }, async (req) => {
      await o.setTerms(req.params.id, null, walletAddress(req.actor));
      return { episodeId: req.params.id, cleared: true };
    });

    app.post('/api/v1/reviews/next', { config: REVIEW }, async (req, reply) => {
      try {
        return (await o.reviews.next(walletAddress(req.actor))) satisfies httpApi.ReviewAssignment;
      } catch (err) {
        // Nothing waiting is a normal state of the queue, not a missing resource.
        if (err instanceof ReviewError && err.code === 'nothing_to_review') return { episodeId: null, message: err.message } satisfies httpApi.ReviewAssignment;
        return fail(reply, err);
      }
    });

    app.post<{ Params: { id: string }; Body: { taskDone: boolean; camerasClear: boolean; robotSafe: boolean; score: number; comment?: string } }>(
      '/api/v1/reviews/:id',
      {
        config: REVIEW,
        schema: {
          params: idParams,
          body: {
            type: 'object',
            required: ['taskDone', 'camerasClear', 'robotSafe', 'score'],
            properties: {
              taskDone: { type: 'boolean' },
              camerasClear: { type: 'boolean' },
              robotSafe: { type: 'boolean' },
              score: { type: 'integer', minimum: 1, maximum: 5 },
              comment: { type: 'string', maxLength: 2000 },
            },
          },
        },
      },
      async (req, reply) => {
        try {
          return (await o.reviews.submit(walletAddress(req.actor), req.params.id, req.body)) satisfies httpApi.ReviewSubmitted;
        } catch (err) {
          return fail(reply, err);
        }
      },
    );

    app.get('/api/v1/reviews/me', { config: REVIEW }, async (req) => {
      return (await o.reviews.agreement(walletAddress(req.actor))) satisfies httpApi.ReviewerAgreement;
    });
  };
}
