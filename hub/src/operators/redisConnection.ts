// One connection to the Redis that hubs share (--redis-url). Commands fail
// fast while Redis is away rather than queue: a lease renewal that cannot be
// sent must not be sent late, and the caller decides what waits.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

export class RedisUnreachableError extends Error {
  constructor(url: string, cause: Error) {
    super(`cannot reach Redis at ${redact(url)} (--redis-url): ${cause.message}; start it or fix the URL`);
    this.name = 'RedisUnreachableError';
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Connects (resolves once Redis answers); reconnects by itself afterwards, each command failing while it is away. */
export async function connectRedis(url: string, ttlMs: number, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A command Redis has not answered within half a lease's time to live is as good as lost.
    commandTimeout: Math.max(200, Math.floor(ttlMs / 2)),
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  });
  let connected = false;
  let down = false;
  let lastError: Error | null = null;
  redis.on('error', (err: Error) => {
    lastError = err;
    if (connected && !down) logger.warn({ err: err.message }, 'Redis connection lost; shared leases wait until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (connected && down) logger.info('Redis connection back');
    down = false;
  });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new RedisUnreachableError(url, lastError ?? (err as Error));
  }
  connected = true;
  return redis;
}
