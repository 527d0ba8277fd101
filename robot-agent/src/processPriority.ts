// Raises (or lowers) the priority of this whole process, every thread of it:
// on Linux a niceness belongs to a thread, and the bytes of a serial port are
// read and written on libuv's thread pool, not on the main thread. Best
// effort: a higher priority needs root or CAP_SYS_NICE (systemd's Nice=).
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Sets `niceness` on every thread of this process that allows it; returns the main thread's niceness after. */
export function setProcessPriority(niceness: number): number {
  let tids: number[] = [];
  try {
    tids = readdirSync('/proc/self/task').map(Number).filter(Number.isInteger);
  } catch {
    // Not Linux: the process call is all there is.
  }
  for (const tid of tids.length ? tids : [0]) {
    try {
      setPriority(tid, niceness);
    } catch {
      // Not allowed (or the thread ended): left as it is.
    }
  }
  return getPriority();
}
