// A real Mosquitto broker (Debian package `mosquitto`) on 127.0.0.1 with a
// generated config: password file + ACL confining each robot to robots/<its id>/.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TestProcess } from './processes.ts';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningMosquitto {
  process: TestProcess;
  url: string;
  /** Adds or replaces a user and makes Mosquitto reload its password file. */
  addUser(username: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startMosquitto(dir: string, users: Record<string, string>): Promise<RunningMosquitto> {
  const port = await freePort();
  const passwd = join(dir, 'passwd');
  const acl = join(dir, 'acl');
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(passwd, '');
  for (const [u, p] of Object.entries(users)) execFileSync('mosquitto_passwd', ['-b', passwd, u, p]);
  // The documented setup (README, "External broker"): the hub may do anything, a robot only its own subtree.
  writeFileSync(acl, ['user hub', 'topic readwrite #', '', 'pattern readwrite robots/%u/#', ''].join('\n'));
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwd}`,
      `acl_file ${acl}`,
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      'user root',
      '',
    ].join('\n'),
  );
  const child = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = new TestProcess('mosquitto', child);
  const url = `mqtt://127.0.0.1:${port}`;
  // Wait until it accepts TCP connections.
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited: ${proc.logs.map((l) => l.msg).join('\n')}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(true)); // port taken = mosquitto listening
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
    });
    if (ok) break;
    if (Date.now() - start > 5000) throw new Error('mosquitto did not start listening');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    process: proc,
    url,
    async addUser(username, password) {
      execFileSync('mosquitto_passwd', ['-b', passwd, username, password]);
      child.kill('SIGHUP');
      await new Promise((r) => setTimeout(r, 200));
    },
    async stop() {
      await proc.stop();
    },
  };
}
