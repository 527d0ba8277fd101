// A system service (RabbitMQ, epmd, Redis, HAProxy) started by a test as the
// leader of its own process group: whatever it forks (Erlang's port programs,
// shell wrappers) is stopped with it, and nothing of it outlives the test process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { TestProcess } from './processes.ts';

const groups = new Set<number>();
process.once('exit', () => {
  for (const pgid of groups) killGroup(pgid, 'SIGKILL');
});

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // no process left in the group
  }
}

/** Processes (pid, command name) in a process group, read from /proc. */
function groupMembers(pgid: number): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // state ppid pgrp ...
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push({ pid: Number(entry), comm });
    } catch {
      // gone
    }
  }
  return out;
}

export class GroupProcess {
  readonly process: TestProcess;
  private readonly pgid: number;
  private readonly watchdog: ChildProcess;

  /** `child` must have been spawned with `detached: true` (its own process group). */
  constructor(name: string, child: ChildProcess) {
    if (child.pid === undefined) throw new Error(`${name} did not start (is it installed? see .ci/run)`);
    this.pgid = child.pid;
    groups.add(this.pgid);
    this.process = new TestProcess(name, child);
    // A test process killed outright runs no exit handler: a watchdog takes the group down once it is gone.
    this.watchdog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -KILL -${this.pgid} 2>/dev/null`], {
      stdio: 'ignore',
      detached: true,
    });
    this.watchdog.unref();
  }

  get exited(): boolean {
    return this.process.child.exitCode !== null || this.process.child.signalCode !== null;
  }

  /** Resident memory of the group's processes named `comm` (all of them without a name), bytes. */
  residentBytes(comm?: string): number {
    let total = 0;
    for (const p of groupMembers(this.pgid)) {
      if (comm !== undefined && p.comm !== comm) continue;
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (m) total += Number(m[1]) * 1024;
      } catch {
        // gone
      }
    }
    return total;
  }

  /** CPU time (user + system) the group's live processes have used, seconds (clock ticks of 1/100 s). */
  cpuSeconds(): number {
    let ticks = 0;
    for (const p of groupMembers(this.pgid)) {
      try {
        const stat = readFileSync(`/proc/${p.pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(f[11]) + Number(f[12]); // utime, stime
      } catch {
        // gone
      }
    }
    return ticks / 100;
  }

  /** SIGKILL to the whole group, at once (a crash, as a test means it). */
  kill(): void {
    killGroup(this.pgid, 'SIGKILL');
  }

  /** SIGTERM to the group; what is left after `graceMs` is killed. Resolves once no process of the group is left. */
  async stop(graceMs = 10_000): Promise<void> {
    killGroup(this.pgid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupMembers(this.pgid).length > 0) {
      if (Date.now() > deadline) killGroup(this.pgid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 50));
    }
    await this.process.exited;
    groups.delete(this.pgid);
    // The watchdog leads a group of its own (its `sleep` too).
    if (this.watchdog.pid !== undefined) killGroup(this.watchdog.pid, 'SIGKILL');
  }
}

/** Resolves once 127.0.0.1:port accepts a TCP connection; rejects if `owner` exits first or `timeoutMs` passes. */
export async function waitForPort(port: number, owner: GroupProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (owner.exited) {
      const out = [...owner.process.stdout, ...owner.process.logs.map((l) => l.msg)].join('\n').slice(-3000);
      throw new Error(`${owner.process.name} exited before listening on ${port}:\n${out}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${owner.process.name} did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
