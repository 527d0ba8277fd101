// Episode endpoints: list and detail (manifest, checks, reviews, teleop
// quality), file downloads with ranges, the replay trajectory, the robot's
// upload receipt, and peer review.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { httpApi } from '@teleop/proto';
import { sendBytes } from '../http/sendBytes.ts';
import { walletAddress } from '../access/httpAccess.ts';
import type { Resource } from '../access/access.ts';
import type { RobotRegistry } from '../robots/RobotRegistry.ts';
import { episodeBlobKey, type BlobStore } from '../store/BlobStore.ts';
import { EpisodeError, type EpisodeService } from './EpisodeService.ts';
import { readRecording } from './readRecording.ts';
import { asInReview, ReviewError, type ReviewService } from './ReviewService.ts';

export interface EpisodeRoutesOptions {
  episodes: EpisodeService;
  reviews: ReviewService;
  registry: RobotRegistry;
  blobs: BlobStore;
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

  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { robotId?: string; operator?: string; state?: string; limit?: number } }>('/api/v1/episodes', { config: READ }, async (req) => {
      return { episodes: await o.reviews.listFor(req.actor.kind === 'wallet' ? req.actor.address : null, req.query) } satisfies httpApi.EpisodeList;
    });

    app.get<{ Params: { id: string } }>('/api/v1/episodes/:id', { config: READ, schema: { params: idParams } }, async (req, reply) => {
      const view = await o.episodes.view(req.params.id);
      if (!view) return reply.code(404).send({ error: 'unknown_episode', message: `no episode ${req.params.id}` });
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
      { config: READ, schema: { params: { type: 'object', properties: { id: idParams.properties.id, name: { type: 'string', pattern: '^[a-z0-9_.]{1,40}$' } }, required: ['id', 'name'] } } },
      async (req, reply) => {
        const file = await o.episodes.file(req.params.id, req.params.name);
        if (!file) return reply.code(404).send({ error: 'not_found', message: `episode ${req.params.id} has no file ${req.params.name}` });
        const key = episodeBlobKey(req.params.id, req.params.name);
        const size = (await o.blobs.head(key))?.size ?? null;
        if (size === null) return reply.code(404).send({ error: 'not_found', message: 'file not stored' });
        const contentType = req.params.name.endsWith('.mp4') ? 'video/mp4' : req.params.name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        return sendBytes(req, reply, { size, sha256: file.sha256, read: (range) => o.blobs.read(key, range) }, { contentType });
      },
    );

    app.get<{ Params: { id: string } }>('/api/v1/episodes/:id/trajectory', { config: READ, schema: { params: idParams } }, async (req, reply) => {
      const view = await o.episodes.view(req.params.id);
      if (!view?.manifest) return reply.code(404).send({ error: 'not_found', message: 'the episode has no verified recording yet' });
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

    app.post('/api/v1/reviews/next', { config: REVIEW }, async (req, reply) => {
      try {
        return (await o.reviews.next(walletAddress(req.actor))) satisfies httpApi.ReviewAssignment;
      } catch (err) {
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
