// A real PostgreSQL server for tests: initdb into a temporary directory, the
// server on 127.0.0.1 (a free port) and a unix socket in that directory, as an
// unprivileged user when the tests run as root (CI does; initdb refuses root),
// and a fresh database per test. stop() ends the server and removes its files.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export class PostgresServerError extends Error {
  override name = 'PostgresServerError';
}

export interface PostgresServer {
  /** Port on 127.0.0.1. */
  port: number;
  /** URL of the server's maintenance database (superuser "teleop", trust authentication). */
  adminUrl: string;
  /** Creates an empty database (C collation, like SQLite's byte order) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
}

/** Where Debian's PostgreSQL binaries are: TELEOP_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  const given = process.env.TELEOP_PG_BIN;
  if (given) return given;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new PostgresServerError('no PostgreSQL server found under /usr/lib/postgresql (install postgresql-15: apt-get install postgresql-15), or set TELEOP_PG_BIN');
  return join(root, versions[0]!, 'bin');
}

interface RunAs {
  uid: number;
  gid: number;
  /** Command prefix that drops to the user (empty when already unprivileged). */
  prefix: string[];
}

/** As root, the server runs as "postgres" (the Debian package's user) or else "nobody". */
function unprivilegedUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const entry = passwd.find((f) => f[0] === 'postgres') ?? passwd.find((f) => f[0] === 'nobody');
  if (!entry) throw new PostgresServerError('running as root, and neither a "postgres" nor a "nobody" user exists to run PostgreSQL as (initdb refuses root)');
  const uid = Number(entry[2]);
  const gid = Number(entry[3]);
  return { uid, gid, prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'] };
}

/** A directory the unprivileged user can reach: the temp directory if every ancestor lets others through, else /tmp. */
function baseDirFor(user: RunAs | null): string {
  const base = tmpdir();
  if (!user) return base;
  for (let d = base; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return '/tmp';
    if (dirname(d) === d) return base;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let databases = 0;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const user = unprivilegedUser();
  const dir = mkdtempSync(join(baseDirFor(user), 'teleop-pg-'));
  const data = join(dir, 'data');
  const prefix = user?.prefix ?? [];
  const run = (cmd: string, args: string[]): string[] => [...prefix, join(bin, cmd), ...args];
  try {
    if (user) chownSync(dir, user.uid, user.gid);
    const [initCmd, ...initArgs] = run('initdb', ['-D', data, '-U', 'teleop', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    execFileSync(initCmd!, initArgs, { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const e = err as { stderr?: Buffer; message: string };
    throw new PostgresServerError(`initdb in ${dir} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
  if (user) accessSync(dir, constants.R_OK);

  let lastError: Error | null = null;
  // A free port can be taken between finding it and binding it; try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const [cmd, ...args] = run('postgres', [
      '-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port),
      // A test database: durability is not under test, speed on a busy machine is welcome.
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
      '-c', 'shared_buffers=16MB', '-c', 'max_connections=200',
      // Nothing in the background competing with the tests for CPU.
      '-c', 'autovacuum=off', '-c', 'jit=off',
    ]);
    const child = spawn(cmd!, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    const started = await new Promise<{ ok: true } | { ok: false; log: string }>((resolve) => {
      let log = '';
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        log += chunk;
        if (log.includes('ready to accept connections')) resolve({ ok: true });
      });
      child.once('exit', () => resolve({ ok: false, log }));
      child.once('error', (err) => resolve({ ok: false, log: `${log}\n${err.message}` }));
    });
    if (!started.ok) {
      lastError = new PostgresServerError(`PostgreSQL did not start on port ${port}: ${started.log.trim().split('\n').slice(-5).join(' | ')}`);
      if (!/could not bind|Address already in use/.test(started.log)) break;
      continue;
    }
    child.stderr!.resume();
    return serverHandle(child, dir, port);
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError ?? new PostgresServerError('PostgreSQL did not start');
}

/** Creates database `name` on the server of `adminUrl` unless it exists; returns its URL. */
export async function createDatabaseAt(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new PostgresServerError(`"${name}" is not a test database name (a-z, 0-9, _)`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    // 42P04: it exists already (another process of the test created it first).
    if ((err as { code?: string }).code !== '42P04') throw err;
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function serverHandle(child: ChildProcess, dir: string, port: number): PostgresServer {
  const adminUrl = `postgres://teleop@127.0.0.1:${port}/postgres`;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    port,
    adminUrl,
    async createDatabase(name = `t${process.pid}_${++databases}`): Promise<string> {
      return createDatabaseAt(adminUrl, name);
    },
    async stop(): Promise<void> {
      // SIGINT: fast shutdown (open sessions are ended, the postmaster takes its children with it).
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
      // Anything of the server's process group still there (there should be nothing) goes too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone: the expected case
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
