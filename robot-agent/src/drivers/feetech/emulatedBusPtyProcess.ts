// The emulated bus rig (emulatedBusPty.ts) in a process of its own, for tests
// that stall the process they run in and must not stall the servos with it.
// Started by startEmulatedBusPtyProcess(); sends { path } once the pty is up,
// and closes the rig on { type: 'close' } or when its parent goes. The test
// drives the servos through calls (moveTo, setSilent, inspect, ...), and it
// keeps when the servos were read and their goals written (wall clock), so a
// test can tell what reached them while it was stalled or after a fault.
import { feetech } from '@teleop/proto';
import { setProcessPriority } from '../../processPriority.ts';
import { startEmulatedBusPty, type EmulatedBusPty } from './emulatedBusPty.ts';

let rig: EmulatedBusPty | null = null;
let closing = false;
/** When the latest SYNC_READs reached the servos (performance.timeOrigin-based wall clock, ms), the last 20,000. */
const readsAt: number[] = [];

async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  const timer = setTimeout(() => process.exit(0), 3000);
  await rig?.close().catch(() => undefined);
  clearTimeout(timer);
  if (process.connected) process.send!({ type: 'closed' });
  setTimeout(() => process.exit(0), 20);
}

type Request =
  | { type: 'close' }
  | { type: 'readsBetween'; id: number; fromMs: number; toMs: number }
  | { type: 'goalWritesAfter'; id: number; fromMs: number }
  | { type: 'call'; id: number; method: string; args: unknown[] };

function answer(id: number, value: unknown, error?: string): void {
  if (process.connected) process.send!({ type: 'answer', id, value, ...(error !== undefined ? { error } : {}) });
}

process.on('message', (m: Request) => {
  if (m.type === 'close') return void close();
  if (m.type === 'readsBetween') return answer(m.id, readsAt.filter((t) => t >= m.fromMs && t <= m.toMs).length);
  if (!rig) return answer(m.id, undefined, 'the emulated bus is not up');
  if (m.type === 'goalWritesAfter') {
    return answer(m.id, rig.emulator.goalWrites.map((w) => ({ ...w, atMs: performance.timeOrigin + w.atMs })).filter((w) => w.atMs > m.fromMs));
  }
  const method = (rig.emulator as unknown as Record<string, unknown>)[m.method];
  if (typeof method !== 'function') return answer(m.id, undefined, `the emulator has no method ${m.method}`);
  try {
    answer(m.id, (method as (...a: unknown[]) => unknown).apply(rig.emulator, m.args));
  } catch (err) {
    answer(m.id, undefined, (err as Error).message);
  }
});
process.on('disconnect', () => void close());

const options = JSON.parse(process.env.TELEOP_EMULATOR_OPTIONS ?? '{}') as Record<string, unknown>;
const priority = process.env.TELEOP_EMULATOR_PRIORITY === undefined ? undefined : Number(process.env.TELEOP_EMULATOR_PRIORITY);
startEmulatedBusPty(options, priority).then(
  (r) => {
    rig = r;
    r.emulator.onInstruction((instruction) => {
      if (instruction !== feetech.Instruction.SYNC_READ) return;
      readsAt.push(performance.timeOrigin + performance.now());
      if (readsAt.length > 20_000) readsAt.splice(0, 10_000);
    });
    // Again now that the port's thread pool exists: every thread of this process ahead, when allowed.
    if (priority !== undefined) setProcessPriority(priority);
    if (closing) void r.close();
    else process.send!({ type: 'ready', path: r.path });
  },
  (err: Error) => {
    process.send!({ type: 'failed', message: err.message });
    void close();
  },
);
