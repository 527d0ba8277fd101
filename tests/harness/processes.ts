// Starts the real hub and robot-agent executables on 127.0.0.1 for tests,
// collects their structured logs, and stops them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDirOf, databaseEnvFor } from './postgres.ts';
import { hubBlobArgs } from './blobs.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const HUB_BIN = join(repo, 'hub/bin/teleop-hub.js');
export const AGENT_BIN = join(repo, 'robot-agent/bin/robot-agent.js');

/**
 * How long a test waits for something that is bound to happen (a process up, a state reached, an event) before it
 * calls it hung. Not a claim about speed: a slow or busy machine only makes the wait longer, never the test fail.
 * What a test asserts about time is measured on the clocks of the parts under test.
 */
export const PATIENCE_MS = 120_000;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

const live = new Set<ChildProcess>();
// Whatever happens to the test or benchmark process, its children do not outlive it.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A child process whose JSON log lines (stderr) are kept for assertions. */
export class TestProcess {
  readonly logs: LogLine[] = [];
  readonly stdout: string[] = [];
  private readonly waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    let buf = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          parsed = { level: 50, msg: line };
        }
        this.logs.push(parsed);
        if (process.env.TEST_VERBOSE) console.error(`[${name}] ${line}`);
        for (const w of [...this.waiters]) {
          if (w.match(parsed)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(parsed);
          }
        }
      }
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.stdout.push(chunk));
    live.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        live.delete(child);
        resolve(code);
      }),
    );
  }

  /** Resolves with the first log line (past or future) matching. */
  waitForLog(match: (l: LogLine) => boolean, timeoutMs = PATIENCE_MS): Promise<LogLine> {
    const seen = this.logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no matching log line within ${timeoutMs} ms; last lines:\n${this.logs.slice(-8).map((l) => JSON.stringify(l)).join('\n')}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
    });
  }

  hasLog(match: (l: LogLine) => boolean): boolean {
    return this.logs.some(match);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `teleop-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface RunningHub {
  process: TestProcess;
  /** Where the hub itself listens. */
  url: string;
  /** The URL it announces (`--public-url`: e.g. a load balancer's); `url` without one. */
  publicUrl: string;
  mqttUrl: string;
  dataDir: string;
}

/** Starts `teleop-hub serve` on free ports and waits until it listens. */
export async function startHub(dataDir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningHub> {
  const database = await databaseEnvFor(dataDir);
  // TELEOP_TEST_BLOBS=s3: the hub's blobs go to the test S3 server (tests/harness/blobs.ts), unless the test chose.
  const blobs = args.includes('--blob-url') ? [] : await hubBlobArgs(dataDir);
  const child = spawn(process.execPath, [HUB_BIN, 'serve', '--data', dataDir, '--port', '0', '--mqtt-port', '0', '--log-level', 'debug', ...blobs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Whatever happens to this process (a killed test worker or benchmark), the hub goes with it.
    env: { TELEOP_EXIT_WITH_PARENT: 'parent', ...process.env, ...database, ...env },
  });
  const proc = new TestProcess('hub', child);
  // `serve` prints its URL on stdout once listening, whatever the log level.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start within ${PATIENCE_MS / 1000} s:\n${proc.logs.map((l) => l.msg).join('\n')}`)), PATIENCE_MS);
    const check = (): void => {
      const m = /Teleop Hub running at (\S+)/.exec(proc.stdout.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', check);
    void proc.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before listening:\n${proc.logs.map((l) => l.msg).join('\n')}`));
    });
  });
  // Behind a load balancer (--public-url), the hub is asked directly at the address it listens on.
  const listening = proc.logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at '));
  const direct = listening ? listening.msg.slice('Server listening at '.length) : url;
  const broker = (await (await fetch(`${direct}/api/v1/broker`)).json()) as { mqttUrl: string };
  return { process: proc, url: direct, publicUrl: url, mqttUrl: broker.mqttUrl, dataDir };
}

/** Runs a `teleop-hub` CLI command to completion (a `dataset` or `rewards` command on a data directory uses the test blob store). */
export async function runHubCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dataDir = dataDirOf(args);
  const database = dataDir ? await databaseEnvFor(dataDir) : {};
  const data = args.indexOf('--data');
  if ((args[0] === 'dataset' || args[0] === 'rewards') && data >= 0 && !args.includes('--blob-url')) args = [...args, ...(await hubBlobArgs(args[data + 1]!))];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HUB_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...database, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RobotCredentials {
  robotId: string;
  secret: string;
  command: string;
}

export async function enrollRobot(dataDir: string, name = 'test arm', model = 'so101_sim', id?: string): Promise<RobotCredentials> {
  const res = await runHubCli(['robots', 'enroll', '--data', dataDir, '--name', name, '--model', model, '--json', ...(id ? ['--id', id] : [])]);
  if (res.code !== 0) throw new Error(`enroll failed (${res.code}): ${res.stderr}`);
  return JSON.parse(res.stdout) as RobotCredentials;
}

/** Starts `robot-agent` for an enrolled robot; resolves once it is connected to the broker. */
export async function startAgent(hubUrl: string, creds: { robotId: string; secret: string }, args: string[] = [], waitConnected = true): Promise<TestProcess> {
  // Each agent keeps its key and spool in a directory of its own unless the test gives one; that one goes with it.
  const own = args.includes('--state-dir') ? null : tempDir(`agent-${creds.robotId}`);
  const state = own ? ['--state-dir', own.path] : [];
  const child = spawn(process.execPath, [AGENT_BIN, '--hub', hubUrl, '--robot-id', creds.robotId, '--driver', 'sim', '--log-level', 'debug', ...state, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { TELEOP_EXIT_WITH_PARENT: 'parent', ...process.env, TELEOP_ROBOT_SECRET: creds.secret },
  });
  const proc = new TestProcess(`agent ${creds.robotId}`, child);
  if (own) void proc.exited.then(() => own.remove());
  if (waitConnected) await proc.waitForLog((l) => l.msg === 'connected to the hub broker');
  return proc;
}

/** Every series of one metric from /metrics, with its labels. */
export async function metricSeries(hubUrl: string, name: string): Promise<{ labels: Record<string, string>; value: number }[]> {
  const text = await (await fetch(`${hubUrl}/metrics`)).text();
  const out: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const labels = Object.fromEntries((m[3] ?? '').split(',').filter(Boolean).map((kv) => {
      const [k, v] = kv.split('=');
      return [k!, v?.replace(/^"|"$/g, '') ?? ''];
    }));
    out.push({ labels, value: Number(m[4]) });
  }
  return out;
}

/** Whether the hub's relay receives frames from `cameras` cameras (each streaming, however fast). */
export async function camerasStreaming(hubUrl: string, cameras: number): Promise<boolean> {
  const fps = await metricSeries(hubUrl, 'teleop_media_fps');
  return fps.filter((s) => s.value > 0).length >= cameras;
}

/** Reads one metric sample (sum over series whose labels include `labels`) from /metrics. */
export async function metric(hubUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${hubUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries((m[3] ?? '').split(',').filter(Boolean).map((kv) => {
      const [k, v] = kv.split('=');
      return [k, v?.replace(/^"|"$/g, '')];
    }));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) total += Number(m[4]);
  }
  return total;
}

export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = PATIENCE_MS, what = 'condition'): Promise<T> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
