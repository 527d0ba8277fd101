// `npm start` runs `teleop-hub up`: the hub, a local chain (anvil) with the
// contracts, and one enrolled simulated robot, printing the URL; Ctrl-C
// (SIGINT) stops everything cleanly. A second start reuses the same simulated
// robot and the same deployed contracts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HUB_BIN, TestProcess, eventually, metric, tempDir } from '../harness/processes.ts';

const binDir = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

const started: TestProcess[] = [];

async function up(dataDir: string): Promise<{ proc: TestProcess; url: string }> {
  const child = spawn(process.execPath, [HUB_BIN, 'up', '--data', dataDir, '--port', '0', '--mqtt-port', '0', '--ice-host-addresses', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
  });
  const proc = new TestProcess('up', child);
  started.push(proc);
  const url = await eventually(() => /Teleop Hub running at (\S+)\s+\(simulated robot (r-[a-z0-9]+)\)/.exec(proc.stdout.join(''))?.[1], undefined, 'hub URL printed');
  return { proc, url };
}

describe('embedded default (npm start)', () => {
  const data = tempDir('up');
  afterAll(async () => {
    for (const p of started) await p.stop();
    data.remove();
  });

  it('never leaves its robot agent behind, even when killed', async () => {
    const { proc } = await up(data.path);
    await proc.waitForLog((l) => l.msg === 'connected to the hub broker');
    const agentPid = Number(proc.logs.find((l) => l.name === 'robot-agent')?.pid);
    expect(agentPid).toBeGreaterThan(0);
    const { rpcUrl } = JSON.parse(readFileSync(join(data.path, 'chain.json'), 'utf8')) as { rpcUrl: string };
    const chainAnswers = async (): Promise<boolean> =>
      fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) }).then(
        (r) => r.ok,
        () => false,
      );
    expect(await chainAnswers()).toBe(true);
    proc.child.kill('SIGKILL');
    await proc.exited;
    await eventually(async () => !(await chainAnswers()), undefined, 'local chain gone with its parent');
    await eventually(() => {
      try {
        process.kill(agentPid, 0);
        return false;
      } catch {
        return true;
      }
    }, undefined, 'agent gone with its parent');
  });

  it('stops everything when the npm that launched it is killed (npm start, npx)', async () => {
    // npm runs `up` through a shell (npm -> sh -> teleop-hub), and a killed npm leaves that shell running:
    // the hub watches its launcher. `npm exec` has the same shape as `npm start` without building the console.
    const dir = tempDir('up-npm');
    const npm = spawn('npm', ['exec', '--offline', '--no', '--', 'teleop-hub', 'up', '--data', dir.path, '--port', '0', '--mqtt-port', '0', '--ice-host-addresses', '127.0.0.1'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new TestProcess('npm exec up', npm);
    started.push(proc);
    await proc.waitForLog((l) => l.msg === 'connected to the hub broker');
    const pids = [...new Set(proc.logs.filter((l) => l.name === 'teleop-hub' || l.name === 'robot-agent').map((l) => Number(l.pid)))];
    expect(pids).toHaveLength(2);
    const { rpcUrl } = JSON.parse(readFileSync(join(dir.path, 'chain.json'), 'utf8')) as { rpcUrl: string };
    npm.kill('SIGKILL');
    await proc.exited;
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await eventually(() => pids.every((pid) => !alive(pid)), undefined, 'hub and agent gone with the npm that launched them');
    const chainAnswers = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' }).then(
      (r) => r.ok,
      () => false,
    );
    expect(chainAnswers).toBe(false);
    // It stopped cleanly, saying why, rather than being killed.
    expect(proc.hasLog((l) => l.name === 'teleop-hub' && String(l.why).includes('is gone'))).toBe(true);
    expect(proc.hasLog((l) => l.msg === 'hub stopped')).toBe(true);
    dir.remove();
  });

  it('serves the hub with one simulated robot online and stops cleanly on SIGINT', async () => {
    const first = await up(data.path);
    const robots = await eventually(async () => {
      const res = (await (await fetch(`${first.url}/api/v1/robots`)).json()) as { robots: { robotId: string; online: boolean; model: string }[] };
      return res.robots.length === 1 && res.robots[0]!.online ? res.robots : undefined;
    }, undefined, 'simulated robot online');
    expect(robots[0]!.model).toBe('so101_sim');
    // Its simulated camera streams to the relay.
    await eventually(async () => (await metric(first.url, 'teleop_media_fps', { camera: 'front' })) > 0, undefined, 'sim camera streaming');
    const page = await (await fetch(first.url)).text();
    expect(page).toContain('<title>Teleop Hub</title>');
    expect(page).toContain('<div id="root"></div>');
    // The hub is on its local chain, with the contracts deployed.
    const chain = (await (await fetch(`${first.url}/api/v1/chain`)).json()) as { chainId: number; contracts: Record<string, string>; devFaucet: boolean };
    expect(chain.chainId).toBe(31337);
    expect(Object.keys(chain.contracts).sort()).toEqual(['datasetRegistry', 'episodeRegistry', 'rewardDistributor', 'rewardToken', 'robotRegistry']);
    expect(chain.devFaucet).toBe(true);

    first.proc.child.kill('SIGINT');
    expect(await first.proc.exited).toBe(0);
    expect(first.proc.hasLog((l) => l.msg === 'hub stopped')).toBe(true);
    expect(first.proc.hasLog((l) => l.name === 'robot-agent' && l.msg === 'stopping')).toBe(true);

    // Restart: the same robot, not a second enrollment.
    const second = await up(data.path);
    const again = await eventually(async () => {
      const res = (await (await fetch(`${second.url}/api/v1/robots`)).json()) as { robots: { robotId: string; online: boolean }[] };
      return res.robots.find((r) => r.online) ? res.robots : undefined;
    }, undefined, 'simulated robot online again');
    expect(again.map((r) => r.robotId)).toEqual([robots[0]!.robotId]);
    // The chain's state was kept: the same contracts, not a second deployment.
    const chainAgain = (await (await fetch(`${second.url}/api/v1/chain`)).json()) as { contracts: Record<string, string> };
    expect(chainAgain.contracts).toEqual(chain.contracts);
    expect(second.proc.hasLog((l) => l.msg === 'contracts deployed on the local chain')).toBe(false);
    second.proc.child.kill('SIGINT');
    expect(await second.proc.exited).toBe(0);
  });
});
