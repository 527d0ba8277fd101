// The So101 bus process: a small child process of the agent that owns the
// serial port and steps the bus itself (So101BusLoop, 100 Hz), so stalls of
// the agent's event loop (camera encoding, recording) never delay a reply or
// make a servo look silent. serialport delivers bytes on the event loop of the
// process that opened the port, so a worker thread would not do: only a
// process of its own keeps the agent's stalls out. The agent sends the latest
// goal (the latest wins), reset and close; this process sends a snapshot
// (reading, faults, counters) after every step, at most a few ahead of the
// agent's acknowledgements: a child's process.send() blocks once the channel
// is full, so an agent that stops reading must not stop the steps. It dies
// with its parent.
import { feetech } from '@teleop/proto';
import { setProcessPriority } from '../../processPriority.ts';
import { SerialTransport } from './SerialTransport.ts';
import { So101BusLoop, So101ConfigError, type BusSnapshot } from './So101BusLoop.ts';

/** Agent -> bus process. */
export type ToBusProcess =
  | { type: 'open'; port: string; baud: number; calibration: feetech.ArmCalibration; maxTemperatureC?: number; rateHz?: number }
  | { type: 'goal'; positions: number[] }
  | { type: 'reset'; id: number }
  /** The agent has read a snapshot. */
  | { type: 'ack' }
  | { type: 'close'; torqueOff: boolean };

/** Bus process -> agent. */
export type FromBusProcess =
  | { type: 'ready'; niceness: number }
  | { type: 'failed'; message: string }
  | { type: 'snapshot'; snapshot: BusSnapshot }
  | { type: 'reset'; id: number; error: string | null }
  | { type: 'closed' };

/** The niceness the bus process asks for. */
const BUS_NICENESS = -10;
/** Snapshots sent and not acknowledged yet, at most: when the agent stalls, the latest waits here instead. */
const SNAPSHOT_WINDOW = 4;

/** Resolves with `p`, or with undefined after `ms`: no wait in this process is without an end. */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)))]).finally(() => clearTimeout(timer));
}

function send(m: FromBusProcess): void {
  if (process.connected) process.send!(m);
}

let loop: So101BusLoop | null = null;
let transport: SerialTransport | null = null;
let reopenTimer: NodeJS.Timeout | null = null;
let closing = false;
let open: Extract<ToBusProcess, { type: 'open' }> | null = null;
let unacked = 0;
/** A snapshot was held back (the window was full): the current one goes when the agent acknowledges. */
let heldBack = false;

/** Sends a snapshot unless the agent is that far behind (`always`: a reset's outcome must be seen before its answer). */
function sendSnapshot(snapshot: BusSnapshot, always = false): void {
  if (unacked >= SNAPSHOT_WINDOW && !always) {
    heldBack = true;
    return;
  }
  unacked++;
  heldBack = false;
  send({ type: 'snapshot', snapshot });
}

/** Opens the port and takes the arm; the port is closed again when the arm cannot be taken. */
async function attach(first: boolean): Promise<void> {
  const o = open!;
  const serial = await SerialTransport.open(o.port, o.baud);
  try {
    await loop!.attach(serial, first);
  } catch (err) {
    await within(serial.close(), 1000);
    throw err;
  }
  if (serial.closedBecause) {
    await within(serial.close(), 1000);
    throw new Error(serial.closedBecause);
  }
  transport = serial;
  serial.onClose((reason) => portLost(reason));
}

/** The port went away: motion stops (a fault), and it is tried again every second until the arm is back. */
function portLost(reason: string): void {
  if (closing) return;
  loop!.portLost(reason);
  const gone = transport;
  transport = null;
  if (gone) void within(gone.close(), 1000);
  if (reopenTimer) return;
  let trying = false;
  reopenTimer = setInterval(() => {
    if (trying || closing) return;
    trying = true;
    // A stuck open or attach must not stop the retries: each try has an end.
    within(attach(false), 10_000)
      .then((done) => {
        if (done === undefined && !transport) return;
        if (reopenTimer) clearInterval(reopenTimer);
        reopenTimer = null;
      })
      .catch((err: Error) => {
        if (err instanceof So101ConfigError) {
          // The arm behind the port is not the one calibrated (or was changed): it is refused, not retried.
          loop!.refused(err.message);
          if (reopenTimer) clearInterval(reopenTimer);
          reopenTimer = null;
        }
      })
      .finally(() => (trying = false));
  }, 1000);
}

async function shutdown(torqueOff: boolean): Promise<void> {
  if (closing) return;
  closing = true;
  if (reopenTimer) clearInterval(reopenTimer);
  reopenTimer = null;
  await within(loop?.stop(torqueOff) ?? Promise.resolve(), 2000);
  if (transport) await within(transport.close(), 1000);
  send({ type: 'closed' });
  // The last message leaves before the process does.
  setTimeout(() => process.exit(0), 20);
}

process.on('message', (m: ToBusProcess) => {
  switch (m.type) {
    case 'open': {
      if (loop) return;
      open = m;
      // Ahead of camera encoders and other work when allowed (root or CAP_SYS_NICE, e.g. systemd's Nice=-10);
      // otherwise at normal priority, which the agent's diagnostics show.
      setProcessPriority(BUS_NICENESS);
      loop = new So101BusLoop({
        calibration: m.calibration,
        port: m.port,
        ...(m.maxTemperatureC !== undefined ? { maxTemperatureC: m.maxTemperatureC } : {}),
        ...(m.rateHz !== undefined ? { rateHz: m.rateHz } : {}),
        onSnapshot: (snapshot) => sendSnapshot(snapshot),
      });
      attach(true).then(
        () => {
          loop!.start();
          sendSnapshot(loop!.snapshot(), true);
          // Again once the port is open: the thread pool that reads and writes it exists by now.
          send({ type: 'ready', niceness: setProcessPriority(BUS_NICENESS) });
        },
        (err: Error) => {
          send({ type: 'failed', message: err.message });
          void shutdown(false);
        },
      );
      return;
    }
    case 'goal':
      loop?.setGoal(m.positions);
      return;
    case 'reset':
      if (!loop) return send({ type: 'reset', id: m.id, error: 'the arm is not connected' });
      loop.reset().then(
        () => {
          sendSnapshot(loop!.snapshot(), true);
          send({ type: 'reset', id: m.id, error: null });
        },
        (err: Error) => {
          sendSnapshot(loop!.snapshot(), true);
          send({ type: 'reset', id: m.id, error: err.message });
        },
      );
      return;
    case 'ack':
      unacked = Math.max(0, unacked - 1);
      if (heldBack && loop) sendSnapshot(loop.snapshot());
      return;
    case 'close':
      void shutdown(m.torqueOff);
      return;
  }
});

// The agent is gone (exited, killed): this process holds the arm where it is and ends too.
process.on('disconnect', () => void shutdown(false));
