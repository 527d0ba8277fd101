// A real Redis 7 (Debian package `redis-server`) on 127.0.0.1 and a free port,
// in memory only (no snapshot, no append-only file), in a directory of its own.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from './mosquitto.ts';
import { PATIENCE_MS } from './processes.ts';
import { GroupProcess, waitForPort } from './serviceProcess.ts';

export interface RunningRedis {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Sends one command (RESP) and resolves with the raw reply, e.g. `+PONG\r\n`. */
  command(...args: string[]): Promise<string>;
  /** Sends the server a signal: SIGSTOP makes it stop answering (as if cut off) until SIGCONT. */
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export async function startRedis(dir: string): Promise<RunningRedis> {
  const base = join(dir, 'redis');
  mkdirSync(base, { recursive: true });
  const port = await freePort();
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', base, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'];
  const redis = new GroupProcess('redis', spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  await waitForPort(port, redis, PATIENCE_MS);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    command: (...cmd) =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let reply = '';
        socket.setEncoding('utf8');
        socket.on('data', (d: string) => {
          reply += d;
          if (reply.endsWith('\r\n')) {
            socket.end();
            resolve(reply);
          }
        });
        socket.once('error', reject);
        socket.write(`*${cmd.length}\r\n${cmd.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
      }),
    signal: (signal) => void redis.process.child.kill(signal),
    stop: async () => {
      redis.process.child.kill('SIGCONT');
      await redis.stop();
    },
  };
}
