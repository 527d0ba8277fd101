// A running hub leaves its public URL in its data directory (hub.json), so
// the CLI run beside it (`teleop-hub robots enroll --data DIR`) prints an agent
// command that reaches that hub, whatever port it listens on.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface RunningHubFile {
  url: string;
  pid: number;
}

const fileIn = (dataDir: string): string => join(dataDir, 'hub.json');

/** Records that this process serves the hub of `dataDir` at `url`. */
export function announceRunningHub(dataDir: string, url: string): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify({ url, pid: process.pid } satisfies RunningHubFile)}\n`);
}

/** Removes this process's record (another hub's is left alone). */
export function withdrawRunningHub(dataDir: string): void {
  if (readRecord(dataDir)?.pid === process.pid) rmSync(fileIn(dataDir), { force: true });
}

/** The public URL of the hub running on `dataDir`, or null when none is (a record left by a hub that died is ignored). */
export function runningHubUrl(dataDir: string): string | null {
  const record = readRecord(dataDir);
  return record && processAlive(record.pid) ? record.url : null;
}

function readRecord(dataDir: string): RunningHubFile | null {
  try {
    const parsed = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as Partial<RunningHubFile>;
    return typeof parsed.url === 'string' && typeof parsed.pid === 'number' ? { url: parsed.url, pid: parsed.pid } : null;
  } catch {
    return null; // no hub has run here, or the record is unreadable: treated alike
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
