// A real local chain: the anvil binary from @foundry-rs/anvil's platform
// package (no download at install time), started on 127.0.0.1 with the
// well-known development accounts, stopped with its parent (even a killed
// one: a shell watches our end of its stdin).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

/** The well-known anvil / hardhat development keys (public knowledge; local chains only). */
export const ANVIL_DEV_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  '0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97',
  '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
] as const;

export class AnvilError extends Error {
  override name = 'AnvilError';
}

/** Path of the anvil binary shipped in the npm package for this platform. */
export function anvilBinary(): string {
  if (process.env.ANVIL_PATH) return process.env.ANVIL_PATH;
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  try {
    return require.resolve(`${pkg}/bin/anvil${process.platform === 'win32' ? '.exe' : ''}`);
  } catch {
    throw new AnvilError(`no anvil binary for ${process.platform}-${process.arch}: install ${pkg} (npm installs it with @foundry-rs/anvil) or set ANVIL_PATH`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningAnvil {
  rpcUrl: string;
  chainId: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts anvil and resolves once it answers; `port` 0 (default) picks a free one. */
export async function startAnvil(o: { port?: number; chainId?: number; blockTimeS?: number; statePath?: string } = {}): Promise<RunningAnvil> {
  const port = o.port || (await freePort());
  const chainId = o.chainId ?? 31337;
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
  if (o.blockTimeS) args.push('--block-time', String(o.blockTimeS));
  // Kept across restarts: loaded at start, written every 5 s and on exit.
  if (o.statePath) args.push('--state', o.statePath, '--state-interval', '5');
  // A shell in between ends anvil when our end of its stdin closes: anvil never outlives this process, even a killed one.
  const child = spawn('/bin/sh', ['-c', 'exec 3<&0; "$0" "$@" & pid=$!; (read _ <&3; kill -TERM $pid 2>/dev/null) & wait $pid', anvilBinary(), ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new AnvilError(`anvil exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.stdin!.end();
      throw new AnvilError(`anvil did not answer on ${rpcUrl} within 15 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    rpcUrl,
    chainId,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.stdin!.end();
      await exited;
    },
  };
}
