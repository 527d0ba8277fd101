// Vitest global setup: nothing the suite starts may outlive it.
// Every process the run starts (test workers, hubs, agents, ffmpeg, Chromium,
// anvil, Mosquitto, socat, and what they start) inherits TELEOP_TEST_RUN from
// here, and temporary files go under one directory of the run's (TMPDIR).
// At the end, a process still carrying this run's mark is a leak: the run fails
// naming each one (after they have had a few seconds to finish stopping), and
// they are killed so that they do not linger; the run's temporary directory is
// removed.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long processes told to stop (by a test's own cleanup) may take to be gone before they count as leaked. */
const GRACE_MS = 10_000;

interface Marked {
  pid: number;
  ppid: number;
  command: string;
}

/** Live processes (not zombies) whose environment carries `mark`. */
export function markedProcesses(mark: string): Marked[] {
  const found: Marked[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const env = readFileSync(`/proc/${pid}/environ`);
      if (!env.includes(mark)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      found.push({ pid, ppid: Number(ppid), command: command.slice(0, 300) });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

export default function setup(): () => Promise<void> {
  const runId = randomUUID();
  const mark = `TELEOP_TEST_RUN=${runId}`;
  process.env.TELEOP_TEST_RUN = runId;
  // Hubs and agents started by tests stop when the process that started them is gone, even killed.
  process.env.TELEOP_EXIT_WITH_PARENT ??= 'parent';
  const tmpRoot = mkdtempSync(join(tmpdir(), 'teleop-test-run-'));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmpRoot;

  return async () => {
    // Vitest itself (this process and its workers) carries the mark too.
    const ours = (p: Marked): boolean => p.pid === process.pid || /\bvitest\b/.test(p.command);
    const deadline = Date.now() + GRACE_MS;
    let leaked = markedProcesses(mark).filter((p) => !ours(p));
    while (leaked.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      leaked = markedProcesses(mark).filter((p) => !ours(p));
    }
    for (const p of leaked) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(tmpRoot, { recursive: true, force: true });
    if (leaked.length > 0) {
      // Vitest reports an error thrown here but does not fail the run for it: the exit code does.
      process.exitCode = 1;
      const list = leaked.map((p) => `  pid ${p.pid} (parent ${p.ppid}): ${p.command}`).join('\n');
      throw new Error(`${leaked.length} process(es) started by the test run were still running ${GRACE_MS / 1000} s after it ended (now killed):\n${list}`);
    }
  };
}
