// How a long-running hub process ends: once, on SIGINT, SIGTERM or SIGHUP, or
// when the process that started it is gone (so nothing outlives a killed
// `npm start` or test run); within a deadline even if some part hangs while
// closing; at once on a second signal.
import { readFileSync } from 'node:fs';
import type { Logger } from '../log.ts';

/** How long a clean stop may take before the process exits anyway. */
export const STOP_DEADLINE_MS = 10_000;
const WATCH_EVERY_MS = 500;

/** Whose end stops us: the parent, or every process up to the `npm`/`npx` that launched us (npm start). */
export type ExitWithParent = 'parent' | 'launcher';

interface Watched {
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22), so a reused pid is not mistaken for it. */
  start: string | null;
}

function procStat(pid: number): { ppid: number; start: string; command: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { ppid: Number(fields[1]), start: fields[19]!, command };
  } catch {
    return null;
  }
}

/** The processes whose end should stop this one. */
export function processesToWatch(mode: ExitWithParent): Watched[] {
  const parent = process.ppid;
  const watched: Watched[] = [{ pid: parent, start: procStat(parent)?.start ?? null }];
  if (mode === 'parent') return watched;
  // npm runs scripts through a shell, which outlives a killed npm (and `npm start` may run npm again):
  // watch every process up to the outermost npm or npx within a few levels.
  const chain: Watched[] = [];
  let launcherAt = -1;
  for (let pid = parent, depth = 0; pid > 1 && depth < 8; depth++) {
    const s = procStat(pid);
    if (!s) break;
    chain.push({ pid, start: s.start });
    if (NPM.test(s.command)) launcherAt = chain.length - 1;
    pid = s.ppid;
  }
  return launcherAt >= 0 ? chain.slice(0, launcherAt + 1) : watched;
}

/** npm's process title ("npm start", "npm exec ...") or its script (npm-cli.js, npx-cli.js). */
const NPM = /^(npm|npx)( |$)|\bnp[mx]-cli\.js\b/;

function gone(w: Watched): boolean {
  const s = procStat(w.pid);
  return s === null || (w.start !== null && s.start !== w.start);
}

export interface ShutdownOptions {
  logger: Logger;
  /** Also stop when these processes are gone (processesToWatch). */
  watch?: Watched[];
  deadlineMs?: number;
}

/**
 * Calls `stop` once when the process is told to end, then exits: 0 when it resolved, 1 when it failed or did
 * not finish within the deadline (said in the log). A second signal exits at once.
 */
export function stopOnSignals(stop: (why: string) => Promise<void>, o: ShutdownOptions): void {
  let stopping = false;
  const begin = (why: string, signal?: NodeJS.Signals): void => {
    if (stopping) {
      if (signal) {
        o.logger.warn({ signal }, 'second signal while stopping: exiting now');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      return;
    }
    stopping = true;
    o.logger.info({ why }, 'stopping');
    const deadline = o.deadlineMs ?? STOP_DEADLINE_MS;
    setTimeout(() => {
      o.logger.error({ why, deadlineMs: deadline }, `could not stop cleanly within ${deadline / 1000} s; exiting anyway`);
      process.exit(1);
    }, deadline);
    stop(why).then(
      () => process.exit(0),
      (err: unknown) => {
        o.logger.error({ err }, `error while stopping: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => begin(`received ${signal}`, signal));
  if (o.watch && o.watch.length > 0) {
    const watch = o.watch;
    const timer = setInterval(() => {
      const ended = watch.find(gone);
      if (ended) {
        clearInterval(timer);
        begin(`the process that started this one (pid ${ended.pid}) is gone`);
      }
    }, WATCH_EVERY_MS);
    timer.unref();
  }
}
