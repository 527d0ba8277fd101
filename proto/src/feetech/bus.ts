// A Feetech servo bus over any byte transport (serialport on the robot, Web
// Serial in the browser, an emulator in tests): one transaction at a time
// (the bus is half duplex), timeouts, retries, and counters of what went
// wrong, so a driver can tell a flaky bus from a servo that stopped answering.
import {
  BROADCAST_ID,
  decodeValue,
  describeStatusError,
  encodeValue,
  FeetechProtocolError,
  PacketParser,
  ping as pingPacket,
  read as readPacket,
  syncRead as syncReadPacket,
  syncWrite as syncWritePacket,
  write as writePacket,
  STS3215,
  type Packet,
  type Register,
} from './protocol.ts';

/** Bytes in and out; the bus owns the parsing. */
export interface ByteTransport {
  write(bytes: Uint8Array): Promise<void>;
  /** Sets the receiver of every chunk of bytes that arrives. */
  onData(receiver: (bytes: Uint8Array) => void): void;
}

/** A deadline timer this late means the thread was stalled: the answers get a longer grace to be read. */
const STALL_MS = 3;
const STALL_GRACE_MS = 5;
/**
 * Answers a servo may owe at once (requests that timed out while it was slow), and timeouts in a row without a
 * byte from it after which it is taken for silent: answers up to ~25 timeouts late are told from later ones'.
 */
const MAX_OWED = 25;

export class BusTimeoutError extends FeetechProtocolError {
  override name = 'BusTimeoutError';
  constructor(readonly ids: number[], what: string) {
    super(`servo${ids.length > 1 ? 's' : ''} ${ids.join(', ')} did not answer ${what}`);
  }
}

export class ServoStatusError extends FeetechProtocolError {
  override name = 'ServoStatusError';
  constructor(
    readonly id: number,
    readonly error: number,
  ) {
    super(`servo ${id} reports ${describeStatusError(error).join(', ')}`);
  }
}

export interface BusStats {
  transactions: number;
  timeouts: number;
  retries: number;
  checksumErrors: number;
  skippedBytes: number;
  /** Answers that came after their transaction had timed out (or for no request at all): discarded, never taken as the next request's answer. */
  lateReplies: number;
  /** Bytes of a partial packet dropped before a new request went out. */
  staleBytesFlushed: number;
  /** Round trip of the last completed transaction, and the longest one, ms. */
  lastRoundTripMs: number;
  maxRoundTripMs: number;
  /** Completed transactions by round trip: under 5 ms, 5-10, 10-20, 20-50, 50 ms and more. */
  roundTrips: [number, number, number, number, number];
}

export interface BusOptions {
  /** How long to wait for all answers of one transaction, ms (default 20). */
  timeoutMs?: number;
  /** Attempts after the first for a transaction that timed out or failed its checksum (default 2). */
  retries?: number;
  /** How long a servo that did not answer in time may still answer late, ms (default 600): its next packet in that window is its late answer, discarded. */
  lateReplyWindowMs?: number;
  now?: () => number;
}

export interface SyncReadResult {
  /** Per answering servo: its bytes and its status error byte. */
  answers: Map<number, { data: Uint8Array; error: number }>;
  /** Servos that did not answer even after the retries. */
  missing: number[];
}

interface Pending {
  expect: number[];
  length: number | null;
  got: Map<number, Packet>;
  done: () => void;
  /** A packet was garbled while this transaction waited (so a missing answer came, broken: nothing is owed). */
  garbled: boolean;
}

/** An answer a servo still owes to a request that timed out: its next packet of that length is that answer. */
interface Owed {
  length: number | null;
  untilMs: number;
}

export class FeetechBus {
  readonly stats: BusStats = { transactions: 0, timeouts: 0, retries: 0, checksumErrors: 0, skippedBytes: 0, lateReplies: 0, staleBytesFlushed: 0, lastRoundTripMs: 0, maxRoundTripMs: 0, roundTrips: [0, 0, 0, 0, 0] };
  private readonly parser = new PacketParser();
  private pending: Pending | null = null;
  /** Per servo, the answers it still owes, oldest first (a servo answers in order). */
  private readonly owed = new Map<number, Owed[]>();
  private readonly heard = new Map<number, number>();
  /** Timeouts in a row per servo with not a byte from it in between. */
  private readonly silentStreak = new Map<number, number>();
  private readonly lateReplyWindowMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** How long to wait for the answers of one transaction, ms; may be changed between transactions. */
  timeoutMs: number;
  /** Attempts after the first for a transaction that timed out or failed its checksum; may be changed between transactions. */
  retries: number;
  private readonly now: () => number;

  constructor(
    private readonly transport: ByteTransport,
    options: BusOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 20;
    this.retries = options.retries ?? 2;
    this.lateReplyWindowMs = options.lateReplyWindowMs ?? 600;
    this.now = options.now ?? (() => performance.now());
    transport.onData((bytes) => this.receive(bytes));
  }

  private receive(bytes: Uint8Array): void {
    const errorsBefore = this.parser.checksumErrors + this.parser.skippedBytes;
    const packets = this.parser.push(bytes);
    this.stats.checksumErrors = this.parser.checksumErrors;
    this.stats.skippedBytes = this.parser.skippedBytes;
    const p = this.pending;
    if (p && this.parser.checksumErrors + this.parser.skippedBytes > errorsBefore) p.garbled = true;
    const now = this.now();
    for (const packet of packets) {
      this.heard.set(packet.id, now);
      this.silentStreak.delete(packet.id);
      // A servo answers in order: while it owes answers to requests that timed out, its next packet is the oldest
      // of them, late (owed answers expire: a servo that was silent, not slow, never sends them).
      const queue = (this.owed.get(packet.id) ?? []).filter((o) => o.untilMs >= now);
      // The oldest owed answer of this length is the one that came; owed ones before it were lost on the way.
      const match = queue.findIndex((o) => o.length === null || o.length === packet.params.length);
      const rest = match >= 0 ? queue.slice(match + 1) : queue;
      if (rest.length) this.owed.set(packet.id, rest);
      else this.owed.delete(packet.id);
      if (match >= 0) {
        this.stats.lateReplies++;
        continue;
      }
      // Anything but an expected servo's answer of the expected length (an echo of our own packet, a stray) is ignored.
      if (!p || packet.id === BROADCAST_ID || !p.expect.includes(packet.id) || p.got.has(packet.id) || (p.length !== null && packet.params.length !== p.length)) {
        if (packet.id !== BROADCAST_ID) this.stats.lateReplies++;
        continue;
      }
      p.got.set(packet.id, packet);
    }
    if (p && p.got.size === p.expect.length) p.done();
  }

  /** Sends one packet and collects the answers of `expect` (none for a broadcast write). */
  private transact(packet: Uint8Array, expect: number[], length: number | null): Promise<Map<number, Packet>> {
    const run = async (): Promise<Map<number, Packet>> => {
      this.stats.transactions++;
      const started = this.now();
      const got = new Map<number, Packet>();
      if (expect.length === 0) {
        await this.transport.write(packet);
        return got;
      }
      // Bytes of a packet cut short before this request (a late, broken answer) must not join this one's answers.
      const stale = this.parser.pendingBytes;
      if (stale > 0) {
        this.stats.staleBytesFlushed += stale;
        this.parser.reset();
      }
      await new Promise<void>((resolve, reject) => {
        const deadlineAt = started + this.timeoutMs;
        let timer = setTimeout(() => {
          // Answers that came in time may still wait to be read when this thread was busy at the deadline (a
          // serial port's bytes take a few turns of the event loop: readable, read, data). The transport gets a
          // grace period counted from waking: 1 ms, or more when the thread woke late (it was stalled, or had no
          // CPU), before the servo is called silent. Time is judged on when the bytes could be read, not on when
          // this thread happened to look.
          const stalledMs = this.now() - deadlineAt;
          timer = setTimeout(() => {
            const p = this.pending;
            this.pending = null;
            this.stats.timeouts++;
            // A servo that sent nothing this time owes this answer: when it comes late it is discarded, not taken for
            // a later request's. (A garbled or partial packet was the answer, broken: nothing is owed then.)
            const clean = p !== null && !p.garbled && this.parser.pendingBytes === 0;
            const untilMs = this.now() + this.lateReplyWindowMs;
            for (const id of expect) {
              if (got.has(id)) continue;
              const streak = (this.silentStreak.get(id) ?? 0) + 1;
              this.silentStreak.set(id, streak);
              // Not a byte from it through this many timeouts: it is silent, not slow, and owes nothing.
              if (streak > MAX_OWED) this.owed.delete(id);
              if (!clean || streak > MAX_OWED) continue;
              const queue = this.owed.get(id) ?? [];
              queue.push({ length, untilMs });
              if (queue.length > MAX_OWED) queue.shift();
              this.owed.set(id, queue);
            }
            // A partial packet (e.g. a corrupted length byte) must not swallow the next answer.
            this.parser.reset();
            resolve();
          }, stalledMs > STALL_MS ? Math.max(STALL_GRACE_MS, Math.min(this.timeoutMs, stalledMs)) : 1);
        }, this.timeoutMs);
        this.pending = {
          expect,
          length,
          got,
          garbled: false,
          done: () => {
            clearTimeout(timer);
            this.pending = null;
            resolve();
          },
        };
        this.transport.write(packet).catch((err: unknown) => {
          clearTimeout(timer);
          this.pending = null;
          reject(err instanceof Error ? err : new Error(String(err)));
        });
      });
      if (got.size === expect.length) {
        const rtt = this.now() - started;
        this.stats.lastRoundTripMs = rtt;
        this.stats.maxRoundTripMs = Math.max(this.stats.maxRoundTripMs, rtt);
        this.stats.roundTrips[rtt < 5 ? 0 : rtt < 10 ? 1 : rtt < 20 ? 2 : rtt < 50 ? 3 : 4]++;
      }
      return got;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** When a packet of servo `id` was last read (in time or late): a servo heard is alive, however slow the answers. */
  heardAt(id: number): number | undefined {
    return this.heard.get(id);
  }

  /** Whether servo `id` answers; its model number when it does. */
  async ping(id: number): Promise<number | null> {
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const got = await this.transact(pingPacket(id), [id], 0);
      if (got.has(id)) {
        const model = await this.readBlock(id, STS3215.modelNumber.address, 2).catch(() => null);
        return model ? decodeValue(STS3215.modelNumber, model) : 0;
      }
    }
    return null;
  }

  /** Reads `length` bytes from `address` of one servo (retrying); throws on silence or a status error. */
  async readBlock(id: number, address: number, length: number): Promise<Uint8Array> {
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const packet = (await this.transact(readPacket(id, address, length), [id], length)).get(id);
      if (packet) {
        if (packet.code !== 0) throw new ServoStatusError(id, packet.code);
        return packet.params;
      }
    }
    throw new BusTimeoutError([id], `a read of ${length} bytes at ${address}`);
  }

  async read(id: number, r: Register): Promise<number> {
    return decodeValue(r, await this.readBlock(id, r.address, r.size));
  }

  /** Writes a register of one servo and waits for its acknowledgement (retrying); returns the status error byte of the answer. */
  async write(id: number, r: Register, value: number): Promise<number> {
    const packet = writePacket(id, r.address, encodeValue(r, value));
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const ack = (await this.transact(packet, [id], 0)).get(id);
      if (ack) return ack.code;
    }
    throw new BusTimeoutError([id], `a write of ${r.name}`);
  }

  /** SYNC_READ of `length` bytes at `address` from every listed servo; servos that stay silent are retried, then listed as missing. */
  async syncRead(ids: readonly number[], address: number, length: number): Promise<SyncReadResult> {
    const answers = new Map<number, { data: Uint8Array; error: number }>();
    let missing = [...ids];
    for (let attempt = 0; attempt <= this.retries && missing.length > 0; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const got = await this.transact(syncReadPacket(missing, address, length), missing, length);
      for (const [id, p] of got) answers.set(id, { data: p.params, error: p.code });
      missing = missing.filter((id) => !got.has(id));
    }
    return { answers, missing };
  }

  /** SYNC_WRITE of one register to several servos in one packet (no answers: the bus is free at once). */
  async syncWrite(r: Register, values: ReadonlyMap<number, number>): Promise<void> {
    const entries = [...values].map(([id, v]) => ({ id, data: encodeValue(r, v) }));
    await this.transact(syncWritePacket(r.address, r.size, entries), [], null);
  }
}
