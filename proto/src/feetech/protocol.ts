// The Feetech serial-bus servo protocol (STS/SMS series, e.g. the STS3215 of
// the SO-100/SO-101 arms), written once for Node and the browser: packet
// encoding, a streaming parser for status packets that resynchronises after
// lost or corrupted bytes, the STS3215 control table and its value encodings.
// No I/O here: the transports (serialport on the robot, Web Serial in the
// browser) and the bus logic live elsewhere.
//
// Instruction packet: 0xFF 0xFF id length instruction params... checksum
// Status packet:      0xFF 0xFF id length error params... checksum
// length = number of params + 2; checksum = ~(id + length + instruction|error + params) & 0xFF.
// Multi-byte values are little-endian.

export const BROADCAST_ID = 0xfe;
export const MAX_ID = 0xfd;

export const Instruction = {
  PING: 0x01,
  READ: 0x02,
  WRITE: 0x03,
  REG_WRITE: 0x04,
  ACTION: 0x05,
  SYNC_READ: 0x82,
  SYNC_WRITE: 0x83,
} as const;

/** Error bits of a status packet's error byte. */
export const StatusError = {
  VOLTAGE: 0x01,
  ANGLE: 0x02,
  OVERHEAT: 0x04,
  OVERCURRENT: 0x08,
  OVERLOAD: 0x20,
} as const;

export function describeStatusError(error: number): string[] {
  const out: string[] = [];
  if (error & StatusError.VOLTAGE) out.push('input voltage out of range');
  if (error & StatusError.ANGLE) out.push('angle sensor error');
  if (error & StatusError.OVERHEAT) out.push('over temperature');
  if (error & StatusError.OVERCURRENT) out.push('over current');
  if (error & StatusError.OVERLOAD) out.push('overload');
  const known = StatusError.VOLTAGE | StatusError.ANGLE | StatusError.OVERHEAT | StatusError.OVERCURRENT | StatusError.OVERLOAD;
  if (error & ~known & 0xff) out.push(`unknown error bits 0x${(error & ~known & 0xff).toString(16)}`);
  return out;
}

/** A register of the control table: address and size in bytes; `signBit` for sign-magnitude values. */
export interface Register {
  name: string;
  address: number;
  size: 1 | 2;
  signBit?: number;
}

const reg = (name: string, address: number, size: 1 | 2, signBit?: number): Register => ({ name, address, size, ...(signBit !== undefined ? { signBit } : {}) });

/** The STS3215 control table (STS/SMS series memory map; EEPROM below 40, SRAM from 40; EEPROM writes persist only while Lock is 0). */
export const STS3215 = {
  modelNumber: reg('Model_Number', 3, 2),
  id: reg('ID', 5, 1),
  baudRate: reg('Baud_Rate', 6, 1),
  returnDelay: reg('Return_Delay_Time', 7, 1),
  minPositionLimit: reg('Min_Position_Limit', 9, 2),
  maxPositionLimit: reg('Max_Position_Limit', 11, 2),
  maxTemperatureLimit: reg('Max_Temperature_Limit', 13, 1),
  maxTorqueLimit: reg('Max_Torque_Limit', 16, 2),
  pCoefficient: reg('P_Coefficient', 21, 1),
  dCoefficient: reg('D_Coefficient', 22, 1),
  iCoefficient: reg('I_Coefficient', 23, 1),
  protectionCurrent: reg('Protection_Current', 28, 2),
  homingOffset: reg('Homing_Offset', 31, 2, 11),
  operatingMode: reg('Operating_Mode', 33, 1),
  overloadTorque: reg('Overload_Torque', 36, 1),
  torqueEnable: reg('Torque_Enable', 40, 1),
  acceleration: reg('Acceleration', 41, 1),
  goalPosition: reg('Goal_Position', 42, 2),
  goalTime: reg('Goal_Time', 44, 2),
  goalVelocity: reg('Goal_Velocity', 46, 2, 15),
  torqueLimit: reg('Torque_Limit', 48, 2),
  lock: reg('Lock', 55, 1),
  presentPosition: reg('Present_Position', 56, 2),
  presentVelocity: reg('Present_Velocity', 58, 2, 15),
  presentLoad: reg('Present_Load', 60, 2, 10),
  presentVoltage: reg('Present_Voltage', 62, 1),
  presentTemperature: reg('Present_Temperature', 63, 1),
  status: reg('Status', 65, 1),
  moving: reg('Moving', 66, 1),
  presentCurrent: reg('Present_Current', 69, 2),
  maxAcceleration: reg('Maximum_Acceleration', 85, 1),
} as const satisfies Record<string, Register>;

export const STS3215_MODEL_NUMBER = 777;
/** Encoder steps per turn. */
export const STS3215_RESOLUTION = 4096;

export class FeetechProtocolError extends Error {
  override name = 'FeetechProtocolError';
}

export function checksum(bytes: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += bytes[i]!;
  return ~sum & 0xff;
}

/** One instruction packet. */
export function encodeInstruction(id: number, instruction: number, params: ArrayLike<number> = []): Uint8Array {
  if (!Number.isInteger(id) || id < 0 || id > BROADCAST_ID) throw new FeetechProtocolError(`servo id ${id} is out of range 0-254`);
  if (params.length > 250) throw new FeetechProtocolError(`${params.length} parameter bytes do not fit in one packet`);
  const out = new Uint8Array(params.length + 6);
  out[0] = 0xff;
  out[1] = 0xff;
  out[2] = id;
  out[3] = params.length + 2;
  out[4] = instruction;
  for (let i = 0; i < params.length; i++) {
    const b = params[i]!;
    if (!Number.isInteger(b) || b < 0 || b > 255) throw new FeetechProtocolError(`parameter byte ${b} is not a byte`);
    out[5 + i] = b;
  }
  out[out.length - 1] = checksum(out, 2, out.length - 1);
  return out;
}

/** A status packet, as a servo (or the emulator) answers. */
export function encodeStatus(id: number, error: number, params: ArrayLike<number> = []): Uint8Array {
  return encodeInstruction(id, error, params);
}

/** Encodes a register value to its little-endian bytes (sign-magnitude for signed registers). */
export function encodeValue(r: Register, value: number): number[] {
  if (!Number.isInteger(value)) throw new FeetechProtocolError(`${r.name}: ${value} is not an integer`);
  let raw = value;
  if (r.signBit !== undefined) {
    const max = (1 << r.signBit) - 1;
    if (Math.abs(value) > max) throw new FeetechProtocolError(`${r.name}: ${value} is beyond ±${max}`);
    raw = value < 0 ? (1 << r.signBit) | -value : value;
  } else if (value < 0 || value >= 1 << (8 * r.size)) {
    throw new FeetechProtocolError(`${r.name}: ${value} does not fit in ${r.size} unsigned byte(s)`);
  }
  return r.size === 1 ? [raw & 0xff] : [raw & 0xff, (raw >> 8) & 0xff];
}

/** Decodes a register value from its bytes at `offset`. */
export function decodeValue(r: Register, bytes: ArrayLike<number>, offset = 0): number {
  const raw = r.size === 1 ? bytes[offset]! : bytes[offset]! | (bytes[offset + 1]! << 8);
  if (r.signBit === undefined) return raw;
  const magnitude = raw & ((1 << r.signBit) - 1);
  return raw & (1 << r.signBit) ? -magnitude : magnitude;
}

export const ping = (id: number): Uint8Array => encodeInstruction(id, Instruction.PING);
export const read = (id: number, address: number, length: number): Uint8Array => encodeInstruction(id, Instruction.READ, [address, length]);
export const write = (id: number, address: number, data: ArrayLike<number>): Uint8Array => encodeInstruction(id, Instruction.WRITE, [address, ...Array.from(data)]);

/** SYNC_READ: every listed servo answers `length` bytes from `address`, in the order listed. */
export function syncRead(ids: readonly number[], address: number, length: number): Uint8Array {
  return encodeInstruction(BROADCAST_ID, Instruction.SYNC_READ, [address, length, ...ids]);
}

/** SYNC_WRITE: one packet writing each servo's own bytes at `address`; no servo answers. */
export function syncWrite(address: number, length: number, entries: readonly { id: number; data: ArrayLike<number> }[]): Uint8Array {
  const params: number[] = [address, length];
  for (const e of entries) {
    if (e.data.length !== length) throw new FeetechProtocolError(`sync write of ${length} bytes got ${e.data.length} for servo ${e.id}`);
    params.push(e.id, ...Array.from(e.data));
  }
  return encodeInstruction(BROADCAST_ID, Instruction.SYNC_WRITE, params);
}

/** A decoded packet: for status packets `code` is the error byte, for instructions the instruction. */
export interface Packet {
  id: number;
  code: number;
  params: Uint8Array;
}

/**
 * Splits a byte stream into packets. Bytes before a header, packets whose checksum fails and
 * impossible lengths are skipped (and counted); the parser then looks for the next header, so a
 * lost or corrupted byte costs one packet, never the stream.
 */
export class PacketParser {
  private buf = new Uint8Array(512);
  private len = 0;
  /** Packets dropped for a wrong checksum. */
  checksumErrors = 0;
  /** Bytes skipped while looking for a header. */
  skippedBytes = 0;

  push(chunk: ArrayLike<number>): Packet[] {
    if (this.len + chunk.length > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.len + chunk.length));
      bigger.set(this.buf.subarray(0, this.len));
      this.buf = bigger;
    }
    for (let i = 0; i < chunk.length; i++) this.buf[this.len + i] = chunk[i]!;
    this.len += chunk.length;
    const out: Packet[] = [];
    let pos = 0;
    for (;;) {
      // Find the header.
      while (pos + 1 < this.len && !(this.buf[pos] === 0xff && this.buf[pos + 1] === 0xff)) {
        pos++;
        this.skippedBytes++;
      }
      if (pos + 4 > this.len) break;
      // 0xFF 0xFF 0xFF: the first 0xFF was noise (ids never are 0xFF).
      if (this.buf[pos + 2] === 0xff) {
        pos++;
        this.skippedBytes++;
        continue;
      }
      const length = this.buf[pos + 3]!;
      if (length < 2) {
        pos += 2;
        this.skippedBytes += 2;
        continue;
      }
      const total = length + 4;
      if (pos + total > this.len) break;
      const sum = checksum(this.buf, pos + 2, pos + total - 1);
      if (sum !== this.buf[pos + total - 1]) {
        this.checksumErrors++;
        pos += 2;
        this.skippedBytes += 2;
        continue;
      }
      out.push({ id: this.buf[pos + 2]!, code: this.buf[pos + 4]!, params: this.buf.slice(pos + 5, pos + total - 1) });
      pos += total;
    }
    this.buf.copyWithin(0, pos, this.len);
    this.len -= pos;
    return out;
  }

  /** Bytes held of a packet not complete yet. */
  get pendingBytes(): number {
    return this.len;
  }

  reset(): void {
    this.len = 0;
  }
}
