// Wire times are nanoseconds since the Unix epoch (fixed64). In TypeScript we
// hold them as bigint and convert at the protobuf boundary.
import Long from 'long';

const originNs = BigInt(Math.round(performance.timeOrigin * 1e6));

/** Wall-clock time in nanoseconds since the Unix epoch (sub-microsecond resolution where the runtime allows). */
export function nowNs(): bigint {
  return originNs + BigInt(Math.round(performance.now() * 1e6));
}

/** Converts a bigint time or counter to the protobufjs representation of a 64-bit field. */
export function toLong(value: bigint, unsigned = true): Long {
  return Long.fromBigInt(value, unsigned);
}

/** Reads a 64-bit protobuf field (Long, number or absent) as bigint. */
export function fromLong(value: Long | number | null | undefined): bigint {
  if (value == null) return 0n;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return value.toBigInt();
}

/** Nanoseconds to milliseconds as a float, for display and histograms. */
export function nsToMs(ns: bigint): number {
  return Number(ns) / 1e6;
}
