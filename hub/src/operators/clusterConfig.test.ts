// The flags of shared leases (--redis-url, --lease-ttl-ms): off by default, read from flags or environment, bad values named.
import { describe, expect, it } from 'vitest';
import { HUB_OPTIONS, HubConfigError, OptionReader, readHubConfig } from '../config.ts';

const read = (args: string[], env: NodeJS.ProcessEnv = {}) => readHubConfig(new OptionReader(['--data', '/tmp/unused', ...args], HUB_OPTIONS, env));

describe('shared leases configuration', () => {
  it('is off by default: leases stay in the hub', () => {
    expect(read([])).toMatchObject({ redisUrl: undefined, leaseTtlMs: 3000 });
  });

  it('reads the Redis URL and the time to live from flags or environment', () => {
    expect(read(['--redis-url', 'redis://10.0.0.5:6379', '--lease-ttl-ms', '2000'])).toMatchObject({ redisUrl: 'redis://10.0.0.5:6379', leaseTtlMs: 2000 });
    expect(read([], { TELEOP_REDIS_URL: 'rediss://user:pw@redis.example:6380/1', TELEOP_LEASE_TTL_MS: '5000' })).toMatchObject({ redisUrl: 'rediss://user:pw@redis.example:6380/1', leaseTtlMs: 5000 });
  });

  it('reads the cluster token and URL of video across hubs, only with Redis', () => {
    expect(read(['--redis-url', 'redis://10.0.0.5:6379'])).toMatchObject({ clusterToken: undefined, clusterUrl: undefined });
    expect(read(['--redis-url', 'redis://10.0.0.5:6379', '--cluster-token', 'a-secret-of-the-hubs', '--cluster-url', 'http://10.0.0.7:8080'])).toMatchObject({
      clusterToken: 'a-secret-of-the-hubs',
      clusterUrl: 'http://10.0.0.7:8080',
    });
    expect(read([], { TELEOP_REDIS_URL: 'redis://r:6379', TELEOP_CLUSTER_TOKEN: 'a-secret-of-the-hubs' })).toMatchObject({ clusterToken: 'a-secret-of-the-hubs' });
    expect(() => read(['--cluster-token', 'a-secret-of-the-hubs'])).toThrow('--cluster-token (TELEOP_CLUSTER_TOKEN) is for several hubs: it needs --redis-url (TELEOP_REDIS_URL)');
    expect(() => read(['--redis-url', 'redis://r:6379', '--cluster-token', 'short'])).toThrow('must be at least 16 characters');
    expect(() => read(['--redis-url', 'redis://r:6379', '--cluster-url', 'ftp://x'])).toThrow('--cluster-url (TELEOP_CLUSTER_URL)');
  });

  it('names each bad value', () => {
    let err: unknown;
    try {
      read(['--redis-url', 'http://redis:6379', '--lease-ttl-ms', '50']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HubConfigError);
    const message = (err as Error).message;
    expect(message).toContain('--redis-url (TELEOP_REDIS_URL) must be a redis:// or rediss:// URL');
    expect(message).toContain('--lease-ttl-ms');
  });
});
