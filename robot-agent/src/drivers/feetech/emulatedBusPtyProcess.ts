// The emulated bus rig (emulatedBusPty.ts) in a process of its own, for tests
// that stall the process they run in and must not stall the servos with it.
// Started by startEmulatedBusPtyProcess(); sends { path } once the pty is up,
// and closes the rig on { type: 'close' } or when its parent goes.
import { setProcessPriority } from '../../processPriority.ts';
import { startEmulatedBusPty, type EmulatedBusPty } from './emulatedBusPty.ts';

let rig: EmulatedBusPty | null = null;
let closing = false;

async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  const timer = setTimeout(() => process.exit(0), 3000);
  await rig?.close().catch(() => undefined);
  clearTimeout(timer);
  if (process.connected) process.send!({ type: 'closed' });
  setTimeout(() => process.exit(0), 20);
}

process.on('message', (m: { type: 'close' }) => {
  if (m.type === 'close') void close();
});
process.on('disconnect', () => void close());

const options = JSON.parse(process.env.TELEOP_EMULATOR_OPTIONS ?? '{}') as Record<string, unknown>;
const priority = process.env.TELEOP_EMULATOR_PRIORITY === undefined ? undefined : Number(process.env.TELEOP_EMULATOR_PRIORITY);
startEmulatedBusPty(options, priority).then(
  (r) => {
    rig = r;
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
