// The Feetech codec against packets worked out by hand from the protocol
// (header, id, length, instruction, params, inverted checksum), the parser's
// recovery from noise, lost and corrupted bytes, sign-magnitude values, and
// the bus driving the emulated STS3215 bus in memory (no pty here; the driver
// tests run it over a real pseudo-terminal).
import { describe, expect, it } from 'vitest';
import { FeetechBus, type ByteTransport } from './bus.ts';
import { calibrationFromRecording, CalibrationError, checkCalibration, radiansToRaw, rawToNormalized, rawToRadians, SO101_JOINTS } from './calibration.ts';
import { EmulatedServoBus } from './emulator.ts';
import { decodeValue, describeStatusError, encodeValue, PacketParser, ping, read, StatusError, STS3215, syncRead, syncWrite, write } from './protocol.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function connect(bus: EmulatedServoBus, timeoutMs = 20): FeetechBus {
  let receiver: (b: Uint8Array) => void = () => undefined;
  bus.onOutput((b) => receiver(b));
  const transport: ByteTransport = { write: async (b) => bus.input(b), onData: (r) => (receiver = r) };
  return new FeetechBus(transport, { timeoutMs });
}

describe('feetech protocol', () => {
  it('encodes instruction packets byte for byte', () => {
    // PING servo 1: FF FF 01 02 01 ~(1+2+1)=FB
    expect(hex(ping(1))).toBe('ffff010201fb');
    // READ servo 1, 2 bytes at 56: FF FF 01 04 02 38 02 ~(1+4+2+56+2)=BE
    expect(hex(read(1, 56, 2))).toBe('ffff0104023802be');
    // WRITE goal position 2048 (0x0800, little-endian) to servo 3 at 42.
    expect(hex(write(3, 42, [0x00, 0x08]))).toBe(`ffff030503 2a0008`.replace(/ /g, '') + (~(3 + 5 + 3 + 42 + 0 + 8) & 0xff).toString(16).padStart(2, '0'));
    // SYNC_READ of 2 bytes at 56 from servos 1..6.
    expect(hex(syncRead([1, 2, 3, 4, 5, 6], 56, 2))).toBe('fffffe0a82380201020304050607'.slice(0, -2) + (~(0xfe + 0x0a + 0x82 + 56 + 2 + 21) & 0xff).toString(16).padStart(2, '0'));
    const sw = syncWrite(42, 2, [
      { id: 1, data: [0x00, 0x08] },
      { id: 2, data: [0xff, 0x0f] },
    ]);
    expect([...sw.slice(0, 7)]).toEqual([0xff, 0xff, 0xfe, 10, 0x83, 42, 2]);
    expect(() => syncWrite(42, 2, [{ id: 1, data: [1] }])).toThrow(/got 1/);
    expect(() => ping(255)).toThrow(/out of range/);
  });

  it('encodes sign-magnitude registers as the servo does', () => {
    expect(encodeValue(STS3215.homingOffset, -100)).toEqual([100, 0x08]);
    expect(decodeValue(STS3215.homingOffset, [100, 0x08])).toBe(-100);
    expect(decodeValue(STS3215.presentVelocity, [0x10, 0x80])).toBe(-16);
    expect(decodeValue(STS3215.presentPosition, [0xff, 0x0f])).toBe(4095);
    expect(() => encodeValue(STS3215.homingOffset, 3000)).toThrow(/beyond/);
    expect(() => encodeValue(STS3215.goalPosition, -1)).toThrow(/does not fit/);
    expect(describeStatusError(StatusError.OVERHEAT | StatusError.OVERLOAD)).toEqual(['over temperature', 'overload']);
  });

  it('parses packets split anywhere, skips noise, and survives corrupted and lost bytes', () => {
    const a = [0xff, 0xff, 0x01, 0x04, 0x00, 0x00, 0x08, 0xf2];
    const b = [0xff, 0xff, 0x02, 0x04, 0x00, 0xff, 0x0f, 0];
    b[7] = ~(2 + 4 + 0 + 0xff + 0x0f) & 0xff;
    a[7] = ~(1 + 4 + 0 + 0 + 8) & 0xff;
    const p = new PacketParser();
    const stream = [0x13, 0x37, 0xff, ...a, ...b];
    const got = [];
    for (const byte of stream) got.push(...p.push([byte]));
    expect(got.map((x) => [x.id, decodeValue(STS3215.presentPosition, x.params)])).toEqual([
      [1, 2048],
      [2, 4095],
    ]);
    expect(p.skippedBytes).toBe(3);
    // A flipped byte costs that packet only.
    const bad = [...a];
    bad[5] = bad[5]! ^ 0x40;
    expect(p.push([...bad, ...b]).map((x) => x.id)).toEqual([2]);
    expect(p.checksumErrors).toBe(1);
    // A lost byte: the truncated packet swallows the start of the next, then the stream recovers.
    const lost = p.push([...a.slice(0, 7), ...b, ...a]);
    expect(lost.map((x) => x.id)).toContain(1);
  });
});

describe('feetech bus on the emulated STS3215 bus', () => {
  const ids = [1, 2, 3, 4, 5, 6];

  it('pings, reads, writes, sync-reads and sync-writes; the servos move toward their goals', async () => {
    const emu = new EmulatedServoBus({ servos: ids.map((id) => ({ id, position: 2000 + id })), noiseSteps: 0 });
    const bus = connect(emu);
    expect(await bus.ping(1)).toBe(777);
    expect(await bus.ping(9)).toBeNull();
    expect(await bus.read(3, STS3215.presentPosition)).toBe(2003);
    await bus.write(3, STS3215.torqueEnable, 1);
    await bus.syncWrite(STS3215.goalPosition, new Map(ids.map((id) => [id, 2100])));
    await new Promise((r) => setTimeout(r, 60));
    const r = await bus.syncRead(ids, STS3215.presentPosition.address, 2);
    expect(r.missing).toEqual([]);
    const pos = ids.map((id) => decodeValue(STS3215.presentPosition, r.answers.get(id)!.data));
    // Only servo 3 has torque on; it moved toward 2100 (3000 steps/s), the others stayed.
    expect(pos[2]).toBe(2100);
    expect(pos.filter((_, i) => i !== 2)).toEqual([2001, 2002, 2004, 2005, 2006]);
    // Only the pings of the absent servo 9 timed out (first try and two retries).
    expect(bus.stats.timeouts).toBe(3);
  });

  it('retries corrupted answers and reports a silent servo as missing', async () => {
    const emu = new EmulatedServoBus({ servos: ids.map((id) => ({ id })), noiseSteps: 0 });
    const bus = connect(emu, 10);
    emu.corruptNext(2);
    const r = await bus.syncRead(ids, STS3215.presentPosition.address, 2);
    expect(r.missing).toEqual([]);
    expect(bus.stats.checksumErrors).toBe(2);
    expect(bus.stats.retries).toBe(1);
    emu.setSilent(4, true);
    const r2 = await bus.syncRead(ids, STS3215.presentPosition.address, 2);
    expect(r2.missing).toEqual([4]);
    expect([...r2.answers.keys()].sort()).toEqual([1, 2, 3, 5, 6]);
    await expect(bus.read(4, STS3215.presentPosition)).rejects.toThrow(/servo 4 did not answer/);
    emu.truncateNext(1);
    emu.setSilent(4, false);
    // A servo that was silent a moment ago may still owe late answers for the late-reply window; after it, it is
    // read at once.
    await new Promise((r) => setTimeout(r, 650));
    expect(await bus.read(4, STS3215.presentPosition)).toBe(2047);
  });

  it('never takes a late answer for the answer to the next request: it is discarded and counted', async () => {
    const emu = new EmulatedServoBus({ servos: ids.map((id) => ({ id })), noiseSteps: 0 });
    const bus = connect(emu, 15);
    emu.moveTo(3, 1000);
    // Far later than the attempts' timeouts (and any grace a stalled thread gets).
    emu.setLatency(3, 300);
    // Each attempt times out; the answer to one arrives while a later request waits, and is not taken for it.
    await expect(bus.read(3, STS3215.presentPosition)).rejects.toThrow(/servo 3 did not answer/);
    expect(bus.stats.timeouts).toBe(3);
    const r = await bus.syncRead(ids, STS3215.presentPosition.address, 2);
    expect(r.missing).toContain(3);
    expect(r.answers.has(1)).toBe(true);
    // The servo has moved; a patient request gets its own answer (3000), though the six late answers of the
    // requests before it (1000, each 300 ms after its request, so before this one's) land while it waits.
    emu.moveTo(3, 3000);
    bus.timeoutMs = 2000;
    expect(await bus.read(3, STS3215.presentPosition)).toBe(3000);
    // Every late answer landed before it, and was counted, not used.
    expect(bus.stats.lateReplies).toBeGreaterThanOrEqual(6);
    // Given time enough, the slow servo's own answers are taken, with their real round trip.
    emu.setLatency(3, 30);
    bus.timeoutMs = 200;
    emu.moveTo(3, 2500);
    expect(await bus.read(3, STS3215.presentPosition)).toBe(2500);
    expect(bus.stats.lastRoundTripMs).toBeGreaterThanOrEqual(29);
  });

  it('emulates the servo: protection releases torque, a power cycle loses RAM and unlocked-only EEPROM writes', async () => {
    const emu = new EmulatedServoBus({ servos: ids.map((id) => ({ id })), noiseSteps: 0 });
    const bus = connect(emu);
    // Written with Lock 1 (the power-on value): lost at the next power cycle. With Lock 0: kept.
    await bus.write(1, STS3215.pCoefficient, 16);
    await bus.write(2, STS3215.lock, 0);
    await bus.write(2, STS3215.pCoefficient, 16);
    await bus.write(2, STS3215.lock, 1);
    for (const id of [1, 2]) {
      await bus.write(id, STS3215.acceleration, 254);
      await bus.write(id, STS3215.torqueEnable, 1);
    }
    expect(await bus.read(1, STS3215.pCoefficient)).toBe(16);
    emu.powerCycle(1);
    emu.powerCycle(2);
    expect(await bus.read(1, STS3215.pCoefficient)).toBe(32);
    expect(await bus.read(2, STS3215.pCoefficient)).toBe(16);
    expect(await bus.read(2, STS3215.acceleration)).toBe(0);
    expect(await bus.read(2, STS3215.torqueEnable)).toBe(0);
    expect(await bus.read(2, STS3215.lock)).toBe(1);
    await bus.write(4, STS3215.torqueEnable, 1);
    emu.tripProtection(4, StatusError.OVERLOAD);
    expect(emu.inspect(4).torque).toBe(false);
    const s = await bus.syncRead([4], STS3215.status.address, 1);
    expect(s.answers.get(4)).toEqual({ data: Uint8Array.of(StatusError.OVERLOAD), error: StatusError.OVERLOAD });
  });

  it('reports status errors the servo raises', async () => {
    const emu = new EmulatedServoBus({ servos: ids.map((id) => ({ id })) });
    const bus = connect(emu);
    emu.setStatus(2, StatusError.OVERHEAT, 72);
    const r = await bus.syncRead(ids, STS3215.presentVoltage.address, 4);
    expect(r.answers.get(2)!.error).toBe(StatusError.OVERHEAT);
    expect(r.answers.get(2)!.data[1]).toBe(72);
    await expect(bus.read(2, STS3215.presentTemperature)).rejects.toThrow(/servo 2 reports over temperature/);
  });
});

describe('SO-101 calibration', () => {
  const good = Object.fromEntries(SO101_JOINTS.map((j, i) => [j, { id: i + 1, drive_mode: 0, homing_offset: -10 * i, range_min: 1000, range_max: 3000 }]));

  it('accepts LeRobot-shaped calibration and converts positions', () => {
    const c = checkCalibration(good);
    const j = c.shoulder_pan!;
    expect(rawToRadians(j, 2000)).toBe(0);
    expect(rawToRadians(j, 3000)).toBeCloseTo((1000 * 2 * Math.PI) / 4095, 12);
    expect(radiansToRaw(j, rawToRadians(j, 2500))).toBe(2500);
    // Goals beyond the calibrated range are clamped to it.
    expect(radiansToRaw(j, 10)).toBe(3000);
    expect(rawToNormalized(j, 1000)).toBe(-100);
    expect(rawToNormalized(c.gripper!, 3000, true)).toBe(100);
    const inverted = { ...j, drive_mode: 1 as const };
    expect(rawToRadians(inverted, 3000)).toBeCloseTo(-rawToRadians(j, 3000), 12);
  });

  it('lists every problem of an inconsistent calibration', () => {
    const bad = structuredClone(good) as Record<string, Record<string, unknown>>;
    delete bad.gripper;
    bad.elbow_flex!.range_min = 3500;
    bad.wrist_flex!.id = 1;
    bad.wrist_roll!.homing_offset = 'x';
    try {
      checkCalibration(bad);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CalibrationError);
      expect((err as CalibrationError).problems).toEqual([
        'elbow_flex: range_min 3500 is not below range_max 3000',
        'wrist_flex and shoulder_pan share servo id 1',
        'wrist_roll.homing_offset must be an integer from -2047 to 2047, got "x"',
        'gripper is missing',
      ]);
    }
    expect(() => checkCalibration([])).toThrow(/not a JSON object/);
  });

  it('builds a calibration from a recorded middle pose and sweep', () => {
    const c = calibrationFromRecording({ ids: { shoulder_pan: 1, wrist_roll: 5 }, middle: { shoulder_pan: 2100, wrist_roll: 1500 }, min: { shoulder_pan: 900, wrist_roll: 2000 }, max: { shoulder_pan: 3100, wrist_roll: 2010 }, fullTurn: ['wrist_roll'] });
    expect(c.shoulder_pan).toEqual({ id: 1, drive_mode: 0, homing_offset: 53, range_min: 900, range_max: 3100 });
    expect(c.wrist_roll).toMatchObject({ range_min: 0, range_max: 4095 });
    expect(() => calibrationFromRecording({ ids: { elbow_flex: 3 }, middle: { elbow_flex: 2047 }, min: { elbow_flex: 2040 }, max: { elbow_flex: 2050 } })).toThrow(/barely moved/);
  });
});
