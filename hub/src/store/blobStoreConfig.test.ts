// Which blob store the hub's flags choose, and the messages for flags that do not fit together.
import { describe, expect, it } from 'vitest';
import { HUB_OPTIONS, HubConfigError, OptionReader, readHubConfig } from '../config.ts';

const read = (args: string[], env: NodeJS.ProcessEnv = {}) => readHubConfig(new OptionReader(['--data', '/tmp/unused', ...args], HUB_OPTIONS, env));

describe('blob store configuration', () => {
  it('keeps files under the data directory by default', () => {
    expect(read([]).blobs).toEqual({ kind: 'files' });
  });

  it('reads an S3 bucket, its endpoint and credentials from flags or environment', () => {
    expect(read(['--blob-url', 's3://teleop-data/hub1', '--s3-endpoint', 'http://rgw:7480', '--s3-force-path-style', 'true', '--s3-access-key-id', 'K', '--s3-secret-access-key', 'S']).blobs).toEqual({
      kind: 's3',
      url: 's3://teleop-data/hub1',
      endpoint: 'http://rgw:7480',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'K', secretAccessKey: 'S' },
      presignTtlS: 300,
    });
    // No key given: the AWS SDK's own chain (AWS_ACCESS_KEY_ID, profiles, instance roles).
    expect(read([], { TELEOP_BLOB_URL: 's3://teleop-data', TELEOP_S3_REGION: 'eu-west-1' }).blobs).toMatchObject({ kind: 's3', region: 'eu-west-1', credentials: undefined, forcePathStyle: false });
  });

  it('lists every problem with the S3 flags at once', () => {
    let err: unknown;
    try {
      read(['--blob-url', 's3://Bad_Bucket/x', '--s3-endpoint', 'ftp://x', '--s3-access-key-id', 'K', '--s3-force-path-style', 'yes']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HubConfigError);
    const problems = (err as HubConfigError).problems.join('\n');
    expect(problems).toContain('--blob-url (TELEOP_BLOB_URL) must be s3://bucket[/prefix]');
    expect(problems).toContain('--s3-endpoint (TELEOP_S3_ENDPOINT) must be a http:// or https:// URL');
    expect(problems).toContain('--s3-force-path-style (TELEOP_S3_FORCE_PATH_STYLE) must be one of true, false');
    expect(problems).toContain('go together');
    expect(() => read(['--s3-endpoint', 'http://rgw:7480'])).toThrow('given without --blob-url');
  });
});
