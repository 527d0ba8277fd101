// The command-line surfaces: enrollment output, listing, revocation, and a
// clear message for every bad configuration value.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { AGENT_BIN, runHubCli, tempDir } from '../harness/processes.ts';

describe('teleop-hub CLI', () => {
  const data = tempDir('cli');
  afterAll(() => data.remove());

  it('enrolls a robot and prints id, secret and the exact agent command as JSON', async () => {
    const res = await runHubCli(['robots', 'enroll', '--data', data.path, '--name', 'bench arm', '--model', 'so101_follower', '--json', '--public-url', 'http://hub.lab:8080']);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as { robotId: string; secret: string; command: string };
    expect(out.robotId).toMatch(/^r-[a-z2-9]{10}$/);
    expect(out.secret.length).toBeGreaterThanOrEqual(40);
    expect(out.command).toBe(`npx robot-agent --hub http://hub.lab:8080 --robot-id ${out.robotId} --secret ${out.secret} --driver sim`);

    const list = await runHubCli(['robots', 'list', '--data', data.path, '--json']);
    const robots = JSON.parse(list.stdout) as { id: string; name: string; model: string; revokedAt: string | null }[];
    expect(robots).toEqual([expect.objectContaining({ id: out.robotId, name: 'bench arm', model: 'so101_follower', revokedAt: null })]);
    // The secret is stored only as a slow hash.
    const sqlite = spawnSync('node', ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(`${data.path}/hub.sqlite`)});console.log(d.prepare('select secret_hash from robots').get().secret_hash)`], {
      cwd: new URL('../../hub/', import.meta.url).pathname,
      encoding: 'utf8',
    });
    // Only a SHA-256 of the secret (256 random bits need no slow hash), never the secret.
    expect(sqlite.stdout).toMatch(/^sha256\$[A-Za-z0-9_-]{43}$/m);
    expect(sqlite.stdout).not.toContain(out.secret);

    const revoke = await runHubCli(['robots', 'revoke', out.robotId, '--data', data.path]);
    expect(revoke.stdout).toContain(`revoked ${out.robotId}`);
    const again = await runHubCli(['robots', 'revoke', out.robotId, '--data', data.path]);
    expect(again.stdout).toContain('was already revoked');
    const unknown = await runHubCli(['robots', 'revoke', 'r-nobody', '--data', data.path]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no robot "r-nobody" is enrolled');
  });

  it('refuses bad enrollment input with a clear message', async () => {
    const res = await runHubCli(['robots', 'enroll', '--data', data.path, '--name', 'x', '--model', 'bad model!']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('robot model "bad model!" must be 1-64 letters');
    const missing = await runHubCli(['robots', 'enroll', '--data', data.path]);
    expect(missing.stderr).toContain('robots enroll needs --name and --model');
  });

  it('lists every bad serve option at once and exits without starting', async () => {
    const res = await runHubCli(['serve', '--data', data.path, '--port', 'eighty', '--lease-idle-ms', '5', '--mqtt-url', 'http://x', '--log-level', 'loud']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--port (TELEOP_PORT) must be an integer from 0 to 65535, got "eighty"');
    expect(res.stderr).toContain('--lease-idle-ms (TELEOP_LEASE_IDLE_MS) must be an integer from 1000 to 3600000, got "5"');
    expect(res.stderr).toContain('--mqtt-url (TELEOP_MQTT_URL) must be a mqtt:// or mqtts:// or ws:// or wss:// or tcp:// URL, got "http://x"');
    expect(res.stderr).toContain('--log-level (TELEOP_LOG_LEVEL) must be one of');
    const env = await runHubCli(['serve', '--data', data.path], { TELEOP_STATE_MAX_RATE_HZ: '0' });
    expect(env.stderr).toContain('--state-max-rate (TELEOP_STATE_MAX_RATE_HZ) must be an integer from 1 to 1000, got "0"');
    const flag = await runHubCli(['serve', '--no-such-flag']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--no-such-flag'");
  });
});

describe('robot-agent CLI', () => {
  it('explains every bad value and exits with 2', () => {
    const res = spawnSync(process.execPath, [AGENT_BIN, '--hub', 'ftp://x', '--robot-id', 'Bad/Id', '--state-rate', '0', '--hold-timeout-ms', '500', '--driver', 'ur5'], {
      encoding: 'utf8',
      env: { ...process.env, TELEOP_ROBOT_SECRET: '' },
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--hub (TELEOP_HUB_URL) must be a http: or https: URL, got "ftp://x"');
    expect(res.stderr).toContain('--robot-id (TELEOP_ROBOT_ID) must be a robot id as printed by enrollment, got "Bad/Id"');
    expect(res.stderr).toContain('--secret (TELEOP_ROBOT_SECRET) is missing or too short');
    expect(res.stderr).toContain('--state-rate (TELEOP_STATE_RATE_HZ) must be an integer from 1 to 500, got "0"');
    expect(res.stderr).toContain('--hold-timeout-ms (TELEOP_HOLD_TIMEOUT_MS) must be an integer from 20 to 180, got "500"');
    expect(res.stderr).toContain('--driver must be one of: sim, so101; got "ur5"');
  });
});
