// An emulated STS3215 bus for tests and benchmarks, with no hardware: each
// servo has the control table in memory and answers PING, READ, WRITE,
// SYNC_READ and SYNC_WRITE as the real ones do (after its return delay and
// the bytes' time on a 1 Mbaud wire), moves toward its goal at a limited
// speed while torque is on, and reads back with encoder noise. Faults can be
// injected: a servo goes silent, answers are corrupted or lose bytes, a servo
// reports over temperature or overload, its own protection releases torque,
// it power-cycles (RAM settings lost, EEPROM kept only if written with Lock
// 0), it answers late by a given latency. Browser-safe (the console's tests
// back a fake Web Serial port with it); on the robot side a pseudo-terminal
// connects it to the real serialport driver.
import { BROADCAST_ID, checksum, decodeValue, encodeStatus, encodeValue, type Register, Instruction, PacketParser, StatusError, STS3215, STS3215_MODEL_NUMBER } from './protocol.ts';

export interface EmulatedServoOptions {
  id: number;
  /** Raw encoder position at start (before homing offset), default 2047. */
  position?: number;
}

export interface EmulatorOptions {
  servos: EmulatedServoOptions[];
  /** Largest random encoder noise, steps (default 1). */
  noiseSteps?: number;
  /** Speed toward the goal with torque on, steps/s (default 3000). */
  speedStepsPerS?: number;
  /** Baud rate of the emulated wire, for the bytes' time (default 1,000,000). */
  baud?: number;
  /** Return delay of every servo, µs (default 100; the register holds 2 µs units). */
  returnDelayUs?: number;
  now?: () => number;
  random?: () => number;
}

/** First SRAM address: below it the EEPROM, kept over a power cycle when written with Lock 0. */
const EEPROM_END = 40;

class Servo {
  readonly mem = new Uint8Array(90);
  /** What survives a power cycle: the EEPROM area as last written with Lock 0. */
  readonly eeprom = new Uint8Array(EEPROM_END);
  /** Raw encoder position (what the magnet says), float. */
  raw: number;
  silent = false;
  statusError = 0;
  /** Extra time before each answer, ms (a slow or misconfigured servo). */
  latencyMs = 0;

  constructor(
    readonly id: number,
    position: number,
  ) {
    this.raw = position;
    this.set(STS3215.modelNumber, STS3215_MODEL_NUMBER);
    this.set(STS3215.id, id);
    this.set(STS3215.returnDelay, 250);
    this.set(STS3215.minPositionLimit, 0);
    this.set(STS3215.maxPositionLimit, 4095);
    this.set(STS3215.maxTemperatureLimit, 70);
    this.set(STS3215.maxTorqueLimit, 1000);
    this.set(STS3215.pCoefficient, 32);
    this.set(STS3215.dCoefficient, 32);
    this.set(STS3215.protectionCurrent, 500);
    this.set(STS3215.overloadTorque, 80);
    this.eeprom.set(this.mem.subarray(0, EEPROM_END));
    this.powerOn();
  }

  /** RAM as after power on: torque off, holding nothing, EEPROM locked; the EEPROM area as stored. */
  powerOn(): void {
    this.mem.set(this.eeprom, 0);
    this.mem.fill(0, EEPROM_END);
    this.statusError = 0;
    this.set(STS3215.torqueLimit, this.get(STS3215.maxTorqueLimit));
    this.set(STS3215.lock, 1);
    this.set(STS3215.presentVoltage, 120);
    this.set(STS3215.presentTemperature, 31);
    this.set(STS3215.goalPosition, Math.round(Math.min(4095, Math.max(0, this.raw - this.homing))));
  }

  set(r: Register, value: number): void {
    this.mem.set(encodeValue(r, value), r.address);
  }

  get(r: Register): number {
    return decodeValue(r, this.mem, r.address);
  }

  get homing(): number {
    return this.get(STS3215.homingOffset);
  }
}

export class EmulatedServoBus {
  private readonly servos = new Map<number, Servo>();
  private readonly parser = new PacketParser();
  private readonly now: () => number;
  private readonly random: () => number;
  private lastMs: number;
  private output: (bytes: Uint8Array) => void = () => undefined;
  private instructionListener: ((instruction: number, params: Uint8Array) => void) | null = null;
  private corruptAnswers = 0;
  private truncateAnswers = 0;
  /** Instruction packets received, by instruction. */
  readonly received = new Map<number, number>();
  /** Every goal position written (WRITE or SYNC_WRITE), in order, with when (the emulator's clock, ms) and where the servo was then (homed, no noise). */
  readonly goalWrites: { id: number; goal: number; atMs: number; present: number }[] = [];
  /** SYNC_WRITE packets that carried no servo at all (a host bug: a wasted bus slot). */
  emptySyncWrites = 0;
  /** Answers sent after their servo's latency (counts every answer a latency delayed). */
  delayedAnswers = 0;

  constructor(private readonly o: EmulatorOptions) {
    for (const s of o.servos) this.servos.set(s.id, new Servo(s.id, s.position ?? 2047));
    this.now = o.now ?? (() => performance.now());
    this.random = o.random ?? Math.random;
    this.lastMs = this.now();
  }

  /** Where the bus's answers go (the other end of the wire). */
  onOutput(send: (bytes: Uint8Array) => void): void {
    this.output = send;
  }

  /** Called with every instruction packet received (instruction, parameters), as it is handled: e.g. to log when the servos were read. */
  onInstruction(listener: ((instruction: number, params: Uint8Array) => void) | null): void {
    this.instructionListener = listener;
  }

  /** Bytes from the host. */
  input(bytes: Uint8Array): void {
    for (const p of this.parser.push(bytes)) this.handle(p.id, p.code, p.params);
  }

  // ---- the world outside the bus (tests, calibration, a human moving a leader arm) ----

  /** Moves a servo by hand (its raw encoder position); with torque on it pulls back toward its goal. */
  moveTo(id: number, raw: number): void {
    this.servo(id).raw = raw;
  }

  /** Raw encoder position and whether torque is on. */
  inspect(id: number): { raw: number; present: number; goal: number; torque: boolean; homing: number; minLimit: number; maxLimit: number } {
    this.advance();
    const s = this.servo(id);
    return { raw: s.raw, present: this.present(s), goal: s.get(STS3215.goalPosition), torque: s.get(STS3215.torqueEnable) === 1, homing: s.homing, minLimit: s.get(STS3215.minPositionLimit), maxLimit: s.get(STS3215.maxPositionLimit) };
  }

  /** One register of a servo's control table, as stored. */
  register(id: number, r: Register): number {
    return this.servo(id).get(r);
  }

  /** Changes a register behind the host's back (another tool, another calibration), EEPROM included. */
  poke(id: number, r: Register, value: number): void {
    const s = this.servo(id);
    s.set(r, value);
    if (r.address < EEPROM_END) s.eeprom.set(s.mem.subarray(r.address, r.address + r.size), r.address);
  }

  /** The servo stops answering (a cut cable), or answers again. */
  setSilent(id: number, silent: boolean): void {
    this.servo(id).silent = silent;
  }

  /** The next `n` answers have one byte flipped (their checksum fails). */
  corruptNext(n: number): void {
    this.corruptAnswers += n;
  }

  /** The next `n` answers lose their last byte. */
  truncateNext(n: number): void {
    this.truncateAnswers += n;
  }

  /** The servo's own protection trips (overload, over-current, over-temperature): it reports `error` and releases torque. */
  tripProtection(id: number, error: number, temperatureC?: number): void {
    this.advance();
    this.setStatus(id, error, temperatureC);
    this.servo(id).set(STS3215.torqueEnable, 0);
  }

  /** The servo loses power and comes back: RAM settings (torque, acceleration, goal, Lock) are reset, the EEPROM keeps what was written with Lock 0. */
  powerCycle(id: number): void {
    this.advance();
    this.servo(id).powerOn();
  }

  /** Every answer of the servo leaves `ms` later (0: on time). */
  setLatency(id: number, ms: number): void {
    this.servo(id).latencyMs = ms;
  }

  /** Status error bits a servo reports in every answer (e.g. StatusError.OVERHEAT), and its temperature. */
  setStatus(id: number, error: number, temperatureC?: number): void {
    const s = this.servo(id);
    s.statusError = error;
    if (temperatureC !== undefined) s.set(STS3215.presentTemperature, temperatureC);
    // The status register mirrors the error bits.
    s.set(STS3215.status, error);
  }

  get ids(): number[] {
    return [...this.servos.keys()];
  }

  private servo(id: number): Servo {
    const s = this.servos.get(id);
    if (!s) throw new Error(`no emulated servo ${id}`);
    return s;
  }

  /** Integrates motion since the last call: torque on pulls toward the goal at the speed limit. */
  private advance(): void {
    const now = this.now();
    const dt = Math.max(0, (now - this.lastMs) / 1000);
    this.lastMs = now;
    const speed = this.o.speedStepsPerS ?? 3000;
    for (const s of this.servos.values()) {
      if (s.get(STS3215.torqueEnable) !== 1) continue;
      const goalRaw = s.get(STS3215.goalPosition) + s.homing;
      const err = goalRaw - s.raw;
      const step = Math.sign(err) * Math.min(Math.abs(err), speed * dt);
      s.raw += step;
      s.set(STS3215.presentVelocity, Math.round(dt > 0 ? step / dt : 0));
      s.set(STS3215.presentLoad, Math.min(1000, Math.round(Math.abs(err) * 2)) * (err < 0 ? -1 : 1));
      s.set(STS3215.moving, Math.abs(err) > 1 ? 1 : 0);
    }
  }

  /** What the servo reads: raw minus homing offset, with noise, within 0..4095. */
  private present(s: Servo): number {
    const noise = this.o.noiseSteps ?? 1;
    const v = Math.round(s.raw - s.homing + (noise > 0 ? Math.round((this.random() * 2 - 1) * noise) : 0));
    return ((v % 4096) + 4096) % 4096;
  }

  private refresh(s: Servo): void {
    s.set(STS3215.presentPosition, this.present(s));
  }

  private handle(id: number, instruction: number, params: Uint8Array): void {
    this.received.set(instruction, (this.received.get(instruction) ?? 0) + 1);
    this.instructionListener?.(instruction, params);
    this.advance();
    const answers: { bytes: Uint8Array; latencyMs: number }[] = [];
    const answer = (s: Servo, data: ArrayLike<number> = []): void => {
      if (!s.silent) answers.push({ bytes: encodeStatus(s.id, s.statusError, data), latencyMs: s.latencyMs });
    };
    switch (instruction) {
      case Instruction.PING: {
        const s = this.servos.get(id);
        if (s) answer(s);
        break;
      }
      case Instruction.READ: {
        const s = this.servos.get(id);
        if (!s || params.length !== 2) break;
        this.refresh(s);
        answer(s, s.mem.slice(params[0]!, params[0]! + params[1]!));
        break;
      }
      case Instruction.WRITE: {
        const targets = id === BROADCAST_ID ? [...this.servos.values()] : [this.servos.get(id)].filter((x): x is Servo => !!x);
        for (const s of targets) {
          this.store(s, params[0]!, params.subarray(1));
          if (id !== BROADCAST_ID) answer(s);
        }
        break;
      }
      case Instruction.SYNC_READ: {
        if (id !== BROADCAST_ID || params.length < 3) break;
        const [address, length] = [params[0]!, params[1]!];
        for (const sid of params.subarray(2)) {
          const s = this.servos.get(sid);
          if (!s) continue;
          this.refresh(s);
          answer(s, s.mem.slice(address, address + length));
        }
        break;
      }
      case Instruction.SYNC_WRITE: {
        if (id !== BROADCAST_ID || params.length < 2) break;
        const [address, length] = [params[0]!, params[1]!];
        if (params.length < 2 + length + 1) this.emptySyncWrites++;
        for (let i = 2; i + length < params.length + 1; i += length + 1) {
          const s = this.servos.get(params[i]!);
          if (s && !s.silent) this.store(s, address, params.subarray(i + 1, i + 1 + length));
        }
        break;
      }
      default:
        break;
    }
    if (answers.length === 0) return;
    // Each answer leaves after the servo's return delay and the time of the bytes before it on the wire. Answers
    // due within the same millisecond leave as one chunk (on a wire they follow each other without a gap anyway).
    const usPerByte = 10_000_000 / (this.o.baud ?? 1_000_000);
    let atUs = 0;
    const bytesIn = params.length + 6;
    atUs += bytesIn * usPerByte;
    const chunks: { atMs: number; parts: Uint8Array[] }[] = [];
    for (const { bytes: a, latencyMs } of answers) {
      atUs += (this.o.returnDelayUs ?? 100) + a.length * usPerByte + latencyMs * 1000;
      if (latencyMs > 0) this.delayedAnswers++;
      let out = a;
      if (this.corruptAnswers > 0) {
        this.corruptAnswers--;
        out = a.slice();
        out[5 < out.length - 1 ? 5 : 4]! ^= 0x5a;
        // Keep it a wrong checksum (the flip could, in theory, keep it right).
        if (checksum(out, 2, out.length - 1) === out[out.length - 1]) out[out.length - 1] = out[out.length - 1]! ^ 0x01;
      } else if (this.truncateAnswers > 0) {
        this.truncateAnswers--;
        out = a.slice(0, a.length - 1);
      }
      const atMs = Math.floor(atUs / 1000);
      const last = chunks.at(-1);
      if (last && last.atMs === atMs) last.parts.push(out);
      else chunks.push({ atMs, parts: [out] });
    }
    for (const { atMs, parts } of chunks) {
      const bytes = parts.length === 1 ? parts[0]! : concat(parts);
      if (atMs < 1) this.output(bytes);
      else setTimeout(() => this.output(bytes), atMs);
    }
  }

  private store(s: Servo, address: number, data: Uint8Array): void {
    if (address + data.length > s.mem.length) return;
    // Read-only registers (present values, model) keep their values; Maximum_Acceleration (85) is writable.
    if (address < 5 || (address >= STS3215.presentPosition.address && address !== STS3215.maxAcceleration.address)) return;
    s.mem.set(data, address);
    // EEPROM writes are stored for good only while the Lock register is 0.
    if (address < EEPROM_END && s.get(STS3215.lock) === 0) s.eeprom.set(data.subarray(0, EEPROM_END - address), address);
    if (address <= STS3215.torqueEnable.address && address + data.length > STS3215.torqueEnable.address && s.get(STS3215.torqueEnable) === 1) {
      // Torque on holds where the servo is.
      if (address > STS3215.goalPosition.address || address + data.length <= STS3215.goalPosition.address) {
        s.set(STS3215.goalPosition, Math.round(Math.min(4095, Math.max(0, s.raw - s.homing))));
      }
    }
    if (address <= STS3215.goalPosition.address && address + data.length >= STS3215.goalPosition.address + 2) {
      // The servo keeps goals within its position limits.
      const goal = s.get(STS3215.goalPosition);
      this.goalWrites.push({ id: s.id, goal, atMs: this.now(), present: Math.round(s.raw - s.homing) });
      s.set(STS3215.goalPosition, Math.min(s.get(STS3215.maxPositionLimit), Math.max(s.get(STS3215.minPositionLimit), goal)));
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export { StatusError };
