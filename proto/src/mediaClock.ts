// The live media contract's clock: a frame's RTP timestamp is its capture
// time on a 90 kHz wall clock (ns since the Unix epoch, wrapped to 32 bits),
// so any receiver can tell when the frame it holds was taken.

/** RTP timestamp (90 kHz, 32 bits) of a capture time in ns since the Unix epoch. */
export function rtpTimestampOf(captureNs: bigint): number {
  return Number(((captureNs * 90n) / 1_000_000n) & 0xffffffffn);
}

/** The capture time (ns since the epoch) an RTP timestamp stands for, taking the wrap nearest before `nowNs`. */
export function captureNsOfRtp(timestamp: number, nowNs: bigint): bigint {
  const nowTicks = (nowNs * 90n) / 1_000_000n;
  const back = (nowTicks - BigInt(timestamp >>> 0)) & 0xffffffffn;
  return ((nowTicks - back) * 1_000_000n) / 90n;
}
