// One running hub: store, broker, robot fleet, operator gateway and HTTP,
// started in dependency order and closed in reverse by close().
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { operatorSocketParser, robotTopic, type MediaSignal } from '@teleop/proto';
import type { FastifyInstance } from 'fastify';
import type { BrokerLink } from './broker/BrokerLink.ts';
import { brokerRoutes, brokerToken } from './broker/brokerRoutes.ts';
import { EmbeddedBroker } from './broker/EmbeddedBroker.ts';
import { ExternalBroker } from './broker/ExternalBroker.ts';
import { publicHubUrl, type HubConfig } from './config.ts';
import { createHttpServer } from './http/httpServer.ts';
import { consoleRoutes } from './http/consoleRoutes.ts';
import { OriginPolicy } from './http/originPolicy.ts';
import { COMMON_SECURITY_HEADERS, DOCUMENT_CSP } from './http/securityHeaders.ts';
import { announceRunningHub, withdrawRunningHub } from './process/runningHub.ts';
import type { RouteEntry } from './access/httpAccess.ts';
import { createLogger, type Logger } from './log.ts';
import { HubMetrics } from './metrics/HubMetrics.ts';
import { metricsRoutes } from './metrics/metricsRoutes.ts';
import { LeaseManager, type ControlLeases } from './operators/LeaseManager.ts';
import { ClusterLeases } from './operators/ClusterLeases.ts';
import { SharedEStops } from './robots/SharedEStops.ts';
import { connectRedis } from './operators/redisConnection.ts';
import { OperatorGateway } from './operators/OperatorGateway.ts';
import type { OperatorServer } from './operators/operatorRequests.ts';
import { StateFanout } from './operators/StateFanout.ts';
import { EStopLatches } from './robots/EStopLatches.ts';
import { RobotFleet } from './robots/RobotFleet.ts';
import { ClusterIngest } from './robots/ClusterIngest.ts';
import { ownerRoutes } from './robots/ownerRoutes.ts';
import { authRoutes } from './auth/authRoutes.ts';
import { SiweAuth, tokenFrom } from './auth/SiweAuth.ts';
import { MediaCascade } from './media/MediaCascade.ts';
import { attachMediaGateway } from './media/MediaGateway.ts';
import type { MediaRelay } from './media/MediaRelay.ts';
import { attachRobotMediaSignalling } from './media/robotMediaSignalling.ts';
import { WeriftRelay } from './media/WeriftRelay.ts';
import { join } from 'node:path';
import type { BlobStore } from './store/BlobStore.ts';
import { openBlobStore } from './store/openBlobStore.ts';
import type { PresignDownloads } from './http/sendBytes.ts';
import { EpisodeService } from './episodes/EpisodeService.ts';
import { ReviewService } from './episodes/ReviewService.ts';
import { attachEpisodeGateway } from './episodes/episodeGateway.ts';
import { robotFromAuthorization, uploadRoutes } from './episodes/uploadRoutes.ts';
import { UploadProgress } from './episodes/UploadProgress.ts';
import { EmbeddedRobotClaim } from './robots/EmbeddedRobotClaim.ts';
import { episodeRoutes } from './episodes/episodeRoutes.ts';
import { EpisodeRights } from './access/EpisodeRights.ts';
import { DatasetService } from './datasets/DatasetService.ts';
import { datasetRoutes } from './datasets/datasetRoutes.ts';
import { curatorRoutes } from './datasets/curatorRoutes.ts';
import { buildDatasetVersion } from './datasets/build/buildVersion.ts';
import { RobotAuthGuard } from './robots/RobotAuthGuard.ts';
import { RobotRegistry } from './robots/RobotRegistry.ts';
import { robotRoutes } from './robots/robotRoutes.ts';
import { openStores, type HubStores } from './store/stores.ts';
import { adoptLegacyDatasetDirs } from './store/legacyDatasets.ts';
import { ChainService, readContractsFile } from './chain/ChainService.ts';
import { purchasedOnChain, followPurchases, publishBuiltVersions, purchasesCursor } from './chain/chainLinks.ts';
import { RewardService } from './rewards/RewardService.ts';
import { SingletonJobs, type SingletonJob, type SingletonRole } from './jobs/SingletonJobs.ts';
import { openSingletonLocks, type SingletonLocks } from './store/SingletonLocks.ts';
import { rewardRoutes } from './rewards/rewardRoutes.ts';

export const HUB_VERSION = '0.1.0';
const LEASE_CHECK_MS = 250;
/** How often a hub sharing the database asks for the singleton roles it lacks: a dead hub's jobs move within about this. */
const SINGLETON_CHECK_MS = 1000;

export class Hub {
  private readonly startedAtMs = Date.now();
  private leaseTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  /** The chain, when configured; rewards are settled either way (published only with a chain). */
  chain: ChainService | null = null;
  rewards!: RewardService;
  datasets!: DatasetService;
  episodes!: EpisodeService;
  /** Every HTTP route with the access action it declared (read at start-up). */
  routes: RouteEntry[] = [];
  private readonly stoppers: (() => void)[] = [];
  /** History writes (presence, lease events) not yet finished: close() waits for them before the stores close. */
  private readonly historyWrites = new Set<Promise<void>>();
  /** Hubs sharing Redis: gives this hub's leases back and closes its connections (after the operators' sockets). */
  private closeCluster: () => Promise<void> = async () => undefined;
  /** Hubs sharing robots: who is alive and which robots are this hub's (health). */
  private ingest: ClusterIngest | null = null;
  /** Several hubs: video across hubs (null with one hub). */
  private cascade: MediaCascade | null = null;
  /** The work one hub of those sharing the database runs (all of it here on SQLite). */
  private singletons: SingletonJobs | null = null;
  /** The locks behind the singleton roles (and each episode verified), for the health check's database question. */
  private locks: SingletonLocks | null = null;
  /** The embedded default's claim on its simulated robot (`up` only), told which robot that is once enrolled. */
  embeddedClaim: EmbeddedRobotClaim | null = null;
  /** Reads new purchases from the chain now (they are also polled every 2 s). */
  pollPurchases: () => Promise<void> = async () => undefined;
  /** Last block whose purchases were read (-1 before the first read): by this hub, else by the hub that follows the chain. */
  purchasesReadTo: () => Promise<bigint> = async () => -1n;

  private constructor(
    readonly config: HubConfig,
    readonly logger: Logger,
    readonly stores: HubStores,
    readonly registry: RobotRegistry,
    readonly metrics: HubMetrics,
    readonly broker: BrokerLink,
    readonly fleet: RobotFleet,
    readonly leases: ControlLeases,
    private readonly fanout: StateFanout,
    private readonly io: OperatorServer,
    private readonly gateway: OperatorGateway,
    readonly relay: MediaRelay,
    private readonly detachSignalling: () => void,
    private readonly app: FastifyInstance,
    /** Base URL robots and browsers use. */
    readonly url: string,
  ) {}

  static async start(config: HubConfig, logger: Logger = createLogger(config.logLevel)): Promise<Hub> {
    const stores = await openStores({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    const registry = new RobotRegistry(stores.robots);
    const metrics = new HubMetrics();
    const robotAuth = new RobotAuthGuard({ registry, metrics, logger: logger.child({ room: 'robots' }) });
    const cleanups: (() => Promise<unknown>)[] = [() => stores.close()];
    // Hubs sharing PostgreSQL take a lock per piece of singleton work (store/SingletonLocks.ts): roles, and each episode verified.
    const locks = openSingletonLocks({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    cleanups.push(() => locks.close());
    try {
      // Its connection opened now: taking the roles later (where a restarted hub's recovery runs) costs no connection set-up.
      if (!(await locks.reachable())) throw new Error(`the hub database (${stores.where}) does not answer on a second connection`);
      let chain: ChainService | null = null;
      if (config.chain) {
        const c = config.chain;
        if (!c.hubKey) throw new Error('the chain needs the hub key (--hub-key)');
        const contracts = c.contracts ?? readContractsFile(c.contractsFile ?? '');
        chain = await ChainService.connect({ rpcUrl: c.rpcUrl, chainId: config.chainId, hubKey: c.hubKey, contracts }, logger.child({ room: 'chain' }));
      }
      const publicHost = config.publicUrl ? new URL(config.publicUrl).hostname : config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
      const broker: BrokerLink = config.mqttUrl
        ? await ExternalBroker.connect({
            url: config.mqttUrl,
            username: config.mqttUsername,
            password: config.mqttPassword ?? '',
            robotUrl: config.mqttPublicUrl,
            logger: logger.child({ room: 'broker' }),
          })
        : await EmbeddedBroker.start({
            host: config.host,
            port: config.mqttPort,
            publicHost,
            robotAuth,
            metrics,
            logger: logger.child({ room: 'broker' }),
            maxPayloadBytes: config.maxPayloadBytes,
          });
      cleanups.push(() => broker.close());

      // Several hubs (--redis-url): leases, their queues and e-stop latches are shared through Redis; with an external
      // broker, so are the robots (each hub ingests a share, ClusterIngest).
      let cluster: { leases: ClusterLeases; estops: SharedEStops; redis: import('ioredis').Redis; subscriber: import('ioredis').Redis; ingest: ClusterIngest | null; close: () => Promise<void> } | null = null;
      if (config.redisUrl) {
        const redisLogger = logger.child({ room: 'cluster' });
        const redis = await connectRedis(config.redisUrl, config.leaseTtlMs, redisLogger);
        cleanups.push(async () => void redis.disconnect());
        const subscriber = await connectRedis(config.redisUrl, config.leaseTtlMs, redisLogger);
        cleanups.push(async () => void subscriber.disconnect());
        const clusterLeases = await ClusterLeases.start({ redis, subscriber, idleMs: config.leaseIdleMs, maxMs: config.leaseMaxMs, ttlMs: config.leaseTtlMs, logger: redisLogger });
        cleanups.push(() => clusterLeases.close());
        const sharedEstops = new SharedEStops(redis, clusterLeases.hubId, redisLogger);
        const ingest = broker instanceof ExternalBroker ? await ClusterIngest.start({ redis, subscriber, hubId: clusterLeases.hubId, logger: redisLogger }) : null;
        if (ingest) cleanups.push(() => ingest.close());
        const close = async (): Promise<void> => {
          sharedEstops.close();
          await clusterLeases.close();
          await ingest?.close();
          // quit: what the closing sockets gave back (leases, queue places) is sent before the connection goes.
          await Promise.all([subscriber.quit().catch(() => subscriber.disconnect()), redis.quit().catch(() => redis.disconnect())]);
        };
        cluster = { leases: clusterLeases, estops: sharedEstops, redis, subscriber, ingest, close };
      }
      const share = cluster?.ingest && broker instanceof ExternalBroker ? { ingest: cluster.ingest, topics: broker } : undefined;
      const fleet = new RobotFleet({ broker, registry, metrics, logger: logger.child({ room: 'robots' }), maxPayloadBytes: config.maxPayloadBytes, silenceMs: config.robotSilenceMs, urdf: { maxBytes: config.maxUrdfBytes }, budget: config.robotBudget, share });
      // E-stops held for robots: loaded, and listening, before the first robot is heard (a latch reaches a robot first).
      const estops = new EStopLatches({ store: stores.robots, send: (robotId, event) => fleet.sendSession(robotId, event), logger: logger.child({ room: 'estop' }), shared: cluster?.estops });
      await estops.load();
      if (cluster) await cluster.estops.attach(estops, cluster.subscriber);
      // The e-stop goes again to a robot that reconnects: sent by the hub that ingests it (the others hear of it later).
      fleet.on('online', (robotId) => fleet.ingests(robotId) && estops.onOnline(robotId));
      fleet.on('event', (robotId, event) => estops.onRobotEvent(robotId, event));
      cleanups.push(() => estops.flushed());
      await fleet.start();
      cleanups.push(async () => fleet.stop());

      const leases: ControlLeases = cluster?.leases ?? new LeaseManager({ idleMs: config.leaseIdleMs, maxMs: config.leaseMaxMs });
      const fanout = new StateFanout(() => metrics.statesCoalesced.inc());
      let hub: Hub | undefined;
      // Several hubs: video across hubs (media/MediaCascade.ts), set once the relay exists.
      let cascade: MediaCascade | null = null;
      const auth = new SiweAuth(stores.sessions, { domain: config.authDomain ?? '', uri: '', chainId: config.chainId, nonceTtlMs: config.nonceTtlMs });
      const admins = new Set(config.adminAddresses.map((a) => a.toLowerCase()));
      const embedded = config.embeddedDefault ? new EmbeddedRobotClaim({ registry, fleet, rights: stores.rights, logger: logger.child({ room: 'robots' }) }) : null;
      const isAdmin = (address: string): boolean => admins.has(address.toLowerCase()) || (embedded?.isAdmin(address) ?? false);
      // The public URL's origin joins once the hub listens (its port may be chosen then).
      const origins = new OriginPolicy(config.allowedOrigins);
      const { app, routes } = createHttpServer(
        logger,
        { health: () => hub?.health() ?? {}, unavailable: async () => (hub?.locks && (await hub.locks.reachable()) === false ? 'the shared database is unreachable' : null) },
        {
          walletOf: async (req) => {
            const session = await auth.session(tokenFrom(req.headers));
            if (!session) return null;
            return { address: session.address, admin: isAdmin(session.address), curator: await stores.rights.isCurator(session.address), sessionExpiresAt: session.expiresAt };
          },
          robotOf: (req) => robotFromAuthorization(robotAuth, req.headers.authorization, req.ip),
          isBroker: brokerToken(config.brokerAuthToken),
          isHub: (req) => cascade?.isHub(req) ?? false,
          denied: (denial, action) => {
            if (action === 'robot:report') metrics.drop('robot', 'auth_failed');
            else if (action === 'broker:auth') metrics.drop('broker', 'auth_failed');
          },
        },
        origins,
      );
      const io: OperatorServer = new SocketIoServer(app.server, {
        serveClient: false,
        parser: operatorSocketParser,
        // Leave other upgrades (MQTT over WebSocket on /mqtt) alone.
        destroyUpgrade: false,
        maxHttpBufferSize: 1_000_000,
        // A browser page elsewhere, even on another port of this host, would carry the session cookie.
        cors: { origin: (origin, answer) => answer(null, origin !== undefined && origins.allows(origin)), credentials: true },
        allowRequest: (req, answer) => {
          const refusal = origins.refusal(req.headers);
          if (refusal) metrics.drop('operator', 'forbidden_origin');
          answer(refusal, refusal === null);
        },
      });
      const securityHeaders = (headers: Record<string, string>): void => {
        Object.assign(headers, COMMON_SECURITY_HEADERS, { 'content-security-policy': DOCUMENT_CSP });
      };
      io.engine.on('initial_headers', securityHeaders);
      io.engine.on('headers', securityHeaders);
      cluster?.leases.setConnectionCheck((connectionId) => io.of('/').sockets.has(connectionId));
      const gateway = new OperatorGateway({
        io,
        identify: async (headers, token) => (await auth.session(tokenFrom(headers, token)))?.address ?? null,
        isAdmin,
        fleet,
        leases,
        estops,
        fanout,
        metrics,
        logger: logger.child({ room: 'operators' }),
        stateMaxRateHz: config.stateMaxRateHz,
        hubVersion: HUB_VERSION,
        recordingLimits: { maxDropRatioSoft: config.checks.maxDropRatioSoft, maxDropRatioHard: config.checks.maxDropRatioHard },
        maxConnectionsPerWallet: config.maxConnectionsPerWallet,
        maxQueueLength: config.maxQueueLength,
      });
      const relay: MediaRelay = new WeriftRelay({
        ice: config.ice,
        logger: logger.child({ room: 'media' }),
        robotRttMs: (robotId) => {
          const best = fleet.get(robotId)?.clock.best();
          return best ? Number(best.rttNs) / 1e6 : null;
        },
        robotClockOffsetNs: (robotId) => fleet.get(robotId)?.clock.offsetNs ?? 0n,
      });
      cleanups.push(() => relay.close());
      if (cluster) {
        const c = new MediaCascade({
          redis: cluster.redis,
          hubId: cluster.leases.hubId,
          url: config.clusterUrl,
          token: config.clusterToken,
          relay,
          ttlMs: config.leaseTtlMs,
          logger: logger.child({ room: 'media' }),
          robotHasCameras: (robotId) => {
            const s = fleet.get(robotId);
            return (s?.online ?? false) && (s?.description?.cameras.length ?? 0) > 0;
          },
          askRepublish: (robotId) => broker.publish(robotTopic(robotId, 'mediaSignal'), JSON.stringify({ from: 'hub', type: 'republish' } satisfies MediaSignal), { qos: 1 }),
          mediaMoved: (robotId) => io.emit('media:changed', { robotId }),
        });
        await c.attach(cluster.subscriber);
        cascade = c;
        // Before the relay closes: upstreams are given back to their hubs, media keys released.
        cleanups.push(() => c.close());
        await app.register(c.routes());
      }
      attachMediaGateway({
        io,
        relay,
        fleet,
        metrics,
        logger: logger.child({ room: 'media' }),
        beforeWatch: cascade ? (robotId) => cascade!.beforeWatch(robotId) : undefined,
        watchFailed: cascade ? (robotId) => cascade!.unwatched(robotId) : undefined,
      });
      const detachSignalling = await attachRobotMediaSignalling({
        broker,
        fleet,
        relay,
        metrics,
        logger: logger.child({ room: 'media' }),
        claim: cascade ? (robotId) => cascade!.claim(robotId) : undefined,
        heldElsewhere: cascade ? async (robotId) => (await cascade!.holderElsewhere(robotId)) !== null : undefined,
      });
      metrics.registerMedia(relay);
      const opened = await openBlobStore(config.dataDir, config.blobs);
      cleanups.push(async () => opened.close());
      const blobs = opened.blobs;
      // Downloads from object storage go straight to it, by a presigned URL, after the hub's own checks.
      const presign: PresignDownloads | null = opened.presignTtlS !== null && blobs.presignRead ? { blobs: blobs as Required<Pick<BlobStore, 'presignRead'>>, ttlS: opened.presignTtlS } : null;
      const exclusive = locks.shared
        ? async (key: string, work: () => Promise<void>): Promise<void> => {
            if (locks.holds(key) || !(await locks.tryTake(key))) return;
            try {
              await work();
            } finally {
              await locks.release(key);
            }
          }
        : undefined;
      const episodes = new EpisodeService({
        exclusive,
        store: stores.episodes,
        blobs,
        registry,
        fleet,
        logger: logger.child({ room: 'episodes' }),
        chainId: config.chainId,
        thresholds: config.checks,
        reviewsPerEpisode: config.reviewsPerEpisode,
        fps: config.datasetFps,
      });
      const reviews = new ReviewService(stores.reviews, episodes, async (robotId) => (await registry.get(robotId))?.owner ?? null, config.gold);
      const uploadProgress = new UploadProgress();
      cleanups.push(async () => uploadProgress.close());
      attachEpisodeGateway({ io, episodes, leases, fleet, relay, uploads: uploadProgress, metrics, logger: logger.child({ room: 'episodes' }) });
      await app.register(
        uploadRoutes({ dataDir: config.dataDir, registry, episodes, blobs, metrics, logger: logger.child({ room: 'uploads' }), maxFileBytes: config.maxUploadBytes, minFreeBytes: config.minFreeBytes, progress: uploadProgress }),
      );
      const rights = new EpisodeRights({ store: stores.rights, purchased: purchasedOnChain(chain), logger: logger.child({ room: 'access' }) });
      await app.register(
        episodeRoutes({
          episodes,
          reviews,
          registry,
          blobs,
          presign,
          rights,
          setTerms: (episodeId, terms, by) => (terms ? stores.rights.setEpisodeTerms(episodeId, terms, by, new Date().toISOString()) : stores.rights.clearEpisodeTerms(episodeId)),
        }),
      );
      await app.register(robotRoutes({ fleet, summaryOf: (s) => gateway.summaryOf(s) }));
      let publicUrl = '';
      // Set once the singleton jobs exist (below): whether this hub holds the dataset-builds role now.
      let buildRoleHeld: (() => boolean) | null = null;
      const datasets = new DatasetService({
        store: stores.datasets,
        rights: stores.rights,
        blobs,
        quarantine: (episodeId, reason) => episodes.quarantine(episodeId, reason),
        logger: logger.child({ room: 'datasets' }),
        // Before a version is marked ready: the lock connection answers now and this hub still holds the builds.
        stillBuilds: async () => (await locks.check()) && (buildRoleHeld?.() ?? true),
        build: (o) =>
          buildDatasetVersion(
            {
              blobs,
              limits: { dataFilesSizeMb: config.datasetDataMb, videoFilesSizeMb: config.datasetVideoMb, chunksSize: 1000 },
              hubUrl: publicUrl,
              chainId: config.chainId,
              scratchDir: join(config.dataDir, 'dataset-builds'),
            },
            o,
          ),
      });
      await app.register(
        datasetRoutes({
          datasets,
          blobs,
          presign,
          logger: logger.child({ room: 'datasets' }),
          purchased: purchasedOnChain(chain),
          contributors: async (ids) => await stores.rights.episodes(ids),
          recordAccess: (a) =>
            void stores.accessLog
              .datasetAccess({ ...a, at: new Date().toISOString() })
              .catch((err: Error) => logger.warn({ err: err.message }, 'could not record a dataset access')),
        }),
      );
      await app.register(curatorRoutes({ store: stores.rights }));
      const rewards = new RewardService({
        store: stores.rewards,
        reviewerAgreement: (r) => reviews.rewardWeight(r),
        chain,
        config: { ratePerSecond: config.rewardRate, weights: config.rewardWeights },
        blobs,
        episodeAccesses: (ids) => stores.rights.episodeAccesses(ids),
        logger: logger.child({ room: 'rewards' }),
      });
      await app.register(rewardRoutes({ rewards, chain, devFaucet: config.chain?.devFaucet === true, purchasesReadTo: async () => (hub ? hub.purchasesReadTo() : -1n) }));
      await app.register(authRoutes(auth, (config.publicUrl ?? '').startsWith('https:'), embedded ? (address, from) => embedded.signedIn(address, from) : undefined));
      await app.register(
        ownerRoutes({
          registry,
          fleet,
          leases,
          episodes,
          ownerEarnings: async (robotId, owner) => (await stores.rewards.ownerEarnings(robotId, owner)).toString(),
          summaryOf: (s) => gateway.summaryOf(s),
          agentCommand: (robotId, secret) => `npx robot-agent --hub ${publicUrl} --robot-id ${robotId} --secret ${secret} --driver sim`,
          maxRobotsPerWallet: config.maxRobotsPerWallet,
        }),
      );
      await app.register(
        brokerRoutes({
          broker,
          robotAuth,
          metrics,
          hubUsername: config.mqttUsername,
          hubPassword: config.mqttPassword,
          authToken: config.brokerAuthToken,
          chainId: config.chainId,
          activeRobot: async (robotId) => (await registry.get(robotId))?.revokedAt === null,
        }),
      );
      await app.register(metricsRoutes(metrics));
      await app.register(consoleRoutes(config.uiDir));

      // Operators' WebSockets carry small latency-bound messages: no Nagle.
      app.server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
      await app.listen({ host: config.host, port: config.port });
      const port = (app.server.address() as AddressInfo).port;
      const url = publicHubUrl(config, port);
      publicUrl = url;
      origins.setPublicUrl(url);
      cascade?.setUrl(config.clusterUrl ?? publicHubUrl({ publicUrl: undefined, host: config.host }, port));
      announceRunningHub(config.dataDir, url);
      cleanups.push(async () => withdrawRunningHub(config.dataDir));
      const adopted = await adoptLegacyDatasetDirs(config.dataDir, blobs);
      if (adopted > 0) logger.info({ files: adopted }, 'dataset versions built before the blob store held them moved into it');
      // Singleton work: one hub of those sharing a database runs each job (jobs/SingletonJobs.ts); on SQLite this hub runs all.
      const chainLogger = logger.child({ room: 'chain' });
      const publishCatchUp = chain ? publishBuiltVersions({ versions: stores.datasets, chain, datasets, logger: chainLogger, publicUrl: () => url }) : null;
      let purchases: ReturnType<typeof followPurchases> | null = null;
      const jobs: Record<SingletonRole, SingletonJob> = {
        'chain-follower': {
          start: () => {
            if (!chain) return;
            purchases = followPurchases({ versions: stores.datasets, purchases: stores.rewards, cursors: stores.chainCursors, chain, logger: chainLogger });
          },
          stop: () => {
            purchases?.stop();
            purchases = null;
          },
        },
        'reward-settlement': { start: () => rewards.start(config.epochIntervalS), stop: () => rewards.stop() },
        // Versions built here are published on chain here (publishBuiltVersions listens to 'built'), and those built but not yet published.
        'dataset-builds': {
          start: async () => {
            datasets.setBuilding(true);
            await datasets.resumeBuilds();
            if (publishCatchUp) void publishCatchUp().catch((err: Error) => chainLogger.error({ err }, `publishing built dataset versions failed: ${err.message}`));
          },
          stop: () => datasets.setBuilding(false),
          // Versions requested through other hubs wait `building` for the hub that builds.
          tick: () => datasets.resumeBuilds(),
        },
        // Where hubs share the database, also every check: verifications a dead hub left (their locks freed with it).
        'episode-recovery': { start: () => episodes.resume(), stop: () => undefined, tick: locks.shared ? () => episodes.recoverInterrupted() : undefined },
      };
      // Until it holds the role, a hub sharing the database builds nothing (a request leaves its version `building`).
      if (locks.shared) datasets.setBuilding(false);
      const singletons = new SingletonJobs({ locks, jobs, checkMs: SINGLETON_CHECK_MS, logger: logger.child({ room: 'jobs' }) });
      buildRoleHeld = () => singletons.held().includes('dataset-builds');
      // Where a restarted hub took up what its last run left (before robots' reports are reconciled), as before.
      await singletons.start();
      cleanups.push(() => singletons.close());
      auth.setOrigin(url, config.authDomain);
      if (broker instanceof EmbeddedBroker) broker.attachWebSocket(app.server, '/mqtt', url);

      hub = new Hub(config, logger, stores, registry, metrics, broker, fleet, leases, fanout, io, gateway, relay, detachSignalling, app, url);
      if (cluster) hub.closeCluster = cluster.close;
      hub.ingest = cluster?.ingest ?? null;
      hub.cascade = cascade;
      hub.embeddedClaim = embedded;
      hub.chain = chain;
      hub.rewards = rewards;
      hub.datasets = datasets;
      hub.episodes = episodes;
      hub.routes = routes;
      hub.singletons = singletons;
      hub.locks = locks;
      hub.pollPurchases = async () => purchases?.poll();
      hub.purchasesReadTo = async () => {
        if (purchases) return purchases.readTo();
        return chain ? ((await stores.chainCursors.get(purchasesCursor(chain))) ?? -1n) : -1n;
      };
      hub.recordLeaseHistory();
      hub.recordPresenceHistory();
      hub.leaseTimer = setInterval(() => leases.checkTimeouts(), LEASE_CHECK_MS);
      logger.info({ url, broker: broker.robotUrl, dataDir: config.dataDir, database: stores.where }, 'hub listening');
      return hub;
    } catch (err) {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      throw err;
    }
  }

  health(): Record<string, unknown> {
    return {
      version: HUB_VERSION,
      uptimeS: Math.round((Date.now() - this.startedAtMs) / 1000),
      broker: this.broker.kind,
      brokerConnected: this.broker.connected,
      robotsOnline: this.fleet.onlineCount,
      operators: this.io.of('/').sockets.size,
      // Hubs sharing a database (--database-url) only: the singleton jobs this hub runs now.
      ...(this.singletons && this.stores.engine === 'postgres' ? { singletonRoles: this.singletons.held() } : {}),
      // Hubs sharing leases (--redis-url) only: the embedded default's answer is as it was.
      ...(this.leases instanceof ClusterLeases ? { sharedLeases: { hubId: this.leases.hubId, redisConnected: this.leases.redisConnected } } : {}),
      // Hubs sharing robots (--redis-url with an external broker): how many this hub ingests, among how many hubs.
      ...(this.ingest ? { ingest: { hubId: this.ingest.hubId, hubsAlive: this.ingest.liveHubs.length, robotsIngested: this.fleet.ingestedCount } } : {}),
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.leaseTimer) clearInterval(this.leaseTimer);
      for (const stop of this.stoppers) stop();
      await this.singletons?.close();
      this.gateway.close();
      this.fanout.close();
      this.fleet.stop();
      this.io.disconnectSockets(true);
      this.detachSignalling();
      // Upstreams given back to their hubs, this hub's media keys released (others may ingest at once).
      await this.cascade?.close().catch((err: Error) => this.logger.warn({ err: err.message }, 'closing video across hubs failed'));
      await this.relay.close();
      await this.broker.close();
      await new Promise<void>((resolve) => this.io.close(() => resolve()));
      await this.closeCluster().catch((err: Error) => this.logger.warn({ err: err.message }, 'closing the shared leases failed'));
      await this.app.close().catch(() => undefined);
      await this.episodes.close();
      // Gives the singleton roles back (another hub takes them at its next check).
      await this.locks?.close();
      await Promise.all([...this.historyWrites]);
      await this.stores.close();
      withdrawRunningHub(this.config.dataDir);
      this.logger.info('hub stopped');
    })();
    return this.closing;
  }

  /** Runs a history write; close() waits for those still running before it closes the stores. */
  private recordHistory(write: () => Promise<unknown>, what: string): void {
    const done: Promise<void> = write()
      .then(() => undefined, (err: unknown) => this.logger.error({ err }, `recording ${what} failed`))
      .finally(() => this.historyWrites.delete(done));
    this.historyWrites.add(done);
  }

  /** Keeps when each robot was online, for owners' online time. */
  private recordPresenceHistory(): void {
    const insert = (robotId: string, online: boolean): void => this.recordHistory(() => this.registry.recordPresence(robotId, online), 'robot presence');
    // Hubs sharing robots: the hub that ingests a robot keeps its history, once.
    this.fleet.on('online', (id) => this.fleet.ingests(id) && insert(id, true));
    this.fleet.on('offline', (id) => this.fleet.ingests(id) && insert(id, false));
  }

  /** Keeps a durable history of who drove which robot when. */
  private recordLeaseHistory(): void {
    const insert = (robotId: string, leaseId: string, operatorId: string, event: string): void =>
      this.recordHistory(() => this.stores.accessLog.leaseEvent({ robotId, leaseId, operatorId, event, at: new Date().toISOString() }), 'a lease event');
    this.leases.on('granted', (robotId, h) => insert(robotId, h.leaseId, h.operatorId, 'granted'));
    this.leases.on('ended', (robotId, h, reason) => insert(robotId, h.leaseId, h.operatorId, reason));
  }
}
