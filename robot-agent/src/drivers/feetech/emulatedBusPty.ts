// The test rig without hardware: an emulated STS3215 bus behind a real
// pseudo-terminal pair made by socat, so the driver opens a serial device
// path exactly as it opens /dev/ttyACM0. `unplug()` kills socat: both ends
// vanish, as when the USB cable is pulled.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { feetech } from '@teleop/proto';
import { setProcessPriority } from '../../processPriority.ts';
import { SerialTransport } from './SerialTransport.ts';

export class EmulatorRigError extends Error {
  override name = 'EmulatorRigError';
}

export interface EmulatedBusPty {
  /** The device path a driver opens. */
  path: string;
  emulator: feetech.EmulatedServoBus;
  /** The cable pulled: both ends of the pty pair vanish. */
  unplug(): Promise<void>;
  /** Plugged in again: a new pty pair at the same path, the same servos behind it. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

/** SO-101 servo ids 1..6 at the middle of their travel. */
export const SO101_EMULATED_SERVOS = [1, 2, 3, 4, 5, 6].map((id) => ({ id, position: 2047 }));

/** One socat pty pair with the emulator attached to its bus end; resolves when both links exist. */
async function plug(host: string, bus: string, emulator: feetech.EmulatedServoBus, priority: number | undefined): Promise<() => Promise<void>> {
  let socat: ChildProcess;
  try {
    socat = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${bus}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new EmulatorRigError(`cannot start socat (apt-get install socat): ${(err as Error).message}`);
  }
  if (priority !== undefined && socat.pid !== undefined) raisePriority(socat.pid, priority);
  let stderr = '';
  socat.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const spawnError = new Promise<never>((_, reject) => socat.once('error', (err) => reject(new EmulatorRigError(`cannot start socat (apt-get install socat): ${err.message}`))));
  const deadline = Date.now() + 5000;
  while (!(existsSync(host) && existsSync(bus))) {
    if (socat.exitCode !== null) throw new EmulatorRigError(`socat exited: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      socat.kill();
      throw new EmulatorRigError('socat made no pseudo-terminals within 5 s');
    }
    await Promise.race([new Promise((r) => setTimeout(r, 20)), spawnError]);
  }
  const end = await SerialTransport.open(bus);
  end.onData((b) => emulator.input(b));
  emulator.onOutput((b) => void end.write(b).catch(() => undefined));
  const exited = new Promise<void>((r) => socat.once('exit', () => r()));
  return async () => {
    await end.close();
    if (socat.exitCode === null) socat.kill('SIGTERM');
    await exited;
  };
}

/** Best effort: real servos do not wait for a CPU, so the rig's processes may run ahead of others (needs root or CAP_SYS_NICE). */
function raisePriority(pid: number, priority: number): boolean {
  try {
    setPriority(pid, priority);
    return true;
  } catch {
    return false;
  }
}

/**
 * `priority`: a niceness for socat and for this whole process (every thread), when allowed. Real servos never
 * queue for a CPU; an emulator that does, behind a bus process of higher priority, looks like a silent servo.
 */
export async function startEmulatedBusPty(o: Partial<feetech.EmulatorOptions> = {}, priority?: number): Promise<EmulatedBusPty> {
  if (priority !== undefined) setProcessPriority(priority);
  const dir = mkdtempSync(join(tmpdir(), 'teleop-feetech-'));
  const host = join(dir, 'ttyHOST');
  const bus = join(dir, 'ttyBUS');
  const emulator = new feetech.EmulatedServoBus({ servos: SO101_EMULATED_SERVOS, ...o });
  let unplugCurrent: (() => Promise<void>) | null = await plug(host, bus, emulator, priority);
  const unplug = async (): Promise<void> => {
    const u = unplugCurrent;
    unplugCurrent = null;
    await u?.();
  };
  return {
    path: host,
    emulator,
    unplug,
    replug: async () => {
      await unplug();
      unplugCurrent = await plug(host, bus, emulator, priority);
    },
    close: async () => {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The rig in a child process of its own (its servos keep answering when this process stalls), at a higher
 * priority when allowed (`priority`, default -15: servos are hardware, they do not queue for a CPU); `close()` ends it.
 */
/** Emulator methods a test calls in the rig's process. */
export type RemoteEmulatorMethod = 'moveTo' | 'inspect' | 'setSilent' | 'tripProtection' | 'setStatus' | 'powerCycle' | 'setLatency' | 'poke' | 'register' | 'corruptNext' | 'truncateNext';

export interface EmulatedBusPtyProcess {
  path: string;
  /** Calls a method of the emulated bus in the rig's process; resolves with what it returned. */
  call<K extends RemoteEmulatorMethod>(method: K, ...args: Parameters<feetech.EmulatedServoBus[K]>): Promise<ReturnType<feetech.EmulatedServoBus[K]>>;
  /** How many SYNC_READs reached the servos between two moments (performance.timeOrigin + performance.now(), ms). */
  readsBetween(fromMs: number, toMs: number): Promise<number>;
  /** The goal writes that reached the servos after a moment (same clock; their atMs on it too). */
  goalWritesAfter(fromMs: number): Promise<{ id: number; goal: number; atMs: number; present: number }[]>;
  close(): Promise<void>;
}

export async function startEmulatedBusPtyProcess(o: Partial<Omit<feetech.EmulatorOptions, 'now' | 'random'>> = {}, priority = -15): Promise<EmulatedBusPtyProcess> {
  const { forkTs } = await import('../../tsProcess.ts');
  const child = forkTs(new URL('./emulatedBusPtyProcess.ts', import.meta.url), { env: { ...process.env, TELEOP_EMULATOR_OPTIONS: JSON.stringify(o), TELEOP_EMULATOR_PRIORITY: String(priority) } });
  if (child.pid !== undefined) raisePriority(child.pid, priority);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const close = async (): Promise<void> => {
    if (child.connected) child.send({ type: 'close' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 4000);
    await exited;
    clearTimeout(timer);
  };
  let timer: NodeJS.Timeout | undefined;
  const path = await new Promise<string>((resolve, reject) => {
    timer = setTimeout(() => reject(new EmulatorRigError('the emulated bus process did not start within 15 s')), 15_000);
    child.on('message', (m: { type: string; path?: string; message?: string }) => {
      if (m.type === 'ready') resolve(m.path!);
      if (m.type === 'failed') reject(new EmulatorRigError(m.message ?? 'the emulated bus process failed'));
    });
    void exited.then(() => reject(new EmulatorRigError('the emulated bus process exited before its pty was up')));
  })
    .catch(async (err: unknown) => {
      await close();
      throw err;
    })
    .finally(() => clearTimeout(timer));
  let nextId = 1;
  const request = <T>(m: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (a: { type: string; id?: number; value?: unknown; error?: string }): void => {
        if (a.type !== 'answer' || a.id !== id) return;
        child.off('message', onMessage);
        if (a.error !== undefined) reject(new EmulatorRigError(a.error));
        else resolve(a.value as T);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new EmulatorRigError('the emulated bus process ended before it answered')));
      child.send({ ...m, id });
    });
  return {
    path,
    call: (method, ...args) => request({ type: 'call', method, args }),
    readsBetween: (fromMs, toMs) => request({ type: 'readsBetween', fromMs, toMs }),
    goalWritesAfter: (fromMs) => request({ type: 'goalWritesAfter', fromMs }),
    close,
  };
}
