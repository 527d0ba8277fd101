// The parent's side of robotSwarm.ts: forks one load generator and asks it
// things over IPC (the fan-in benches, one hub or several).
import { fork, type ChildProcess } from 'node:child_process';

/** Starts one robotSwarm.ts process (it exits with this one: IPC closes). */
export function forkSwarm(): ChildProcess {
  return fork(new URL('./robotSwarm.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Sends `msg` and resolves with the `key` field of the first answer that has one. */
export function ask<T>(child: ChildProcess, msg: object, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>): void => {
      if (key in m) {
        child.off('message', on);
        resolve(m[key] as T);
      }
    };
    child.on('message', on);
    child.send(msg);
  });
}
