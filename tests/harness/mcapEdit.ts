// Rewrites an episode's MCAP as a malicious owner would: every message passes
// through `edit`, which may change it or drop it; schemas and channels stay.
// The result is a valid, indexed, zstd-chunked MCAP like the robot's own.
import { McapStreamReader, McapWriter, type IWritable } from '@mcap/core';
import zstd from '@foxglove/wasm-zstd';

export interface McapMessage {
  topic: string;
  logTime: bigint;
  publishTime: bigint;
  data: Uint8Array;
}

export async function editMcap(bytes: Buffer, edit: (m: McapMessage) => McapMessage | null): Promise<{ bytes: Buffer; channels: Record<string, number> }> {
  await zstd.isLoaded;
  const reader = new McapStreamReader({ validateCrcs: true, decompressHandlers: { zstd: (data, size) => zstd.decompress(data, Number(size)) } });
  reader.append(bytes);
  const out: Buffer[] = [];
  let position = 0n;
  const writable: IWritable = {
    write: async (b) => {
      out.push(Buffer.from(b));
      position += BigInt(b.byteLength);
    },
    position: () => position,
  };
  const writer = new McapWriter({ writable, useChunks: true, chunkSize: 1024 * 1024, compressChunk: (data) => ({ compression: 'zstd', compressedData: zstd.compress(data, 3) }) });
  await writer.start({ profile: '', library: 'junk test' });
  const schemas = new Map<number, number>();
  const channelIds = new Map<number, { id: number; topic: string }>();
  const channels: Record<string, number> = {};
  for (let r = reader.nextRecord(); r; r = reader.nextRecord()) {
    // The summary section repeats schemas and channels after the messages: each is registered once.
    if (r.type === 'Schema' && !schemas.has(r.id)) schemas.set(r.id, await writer.registerSchema({ name: r.name, encoding: r.encoding, data: r.data }));
    else if (r.type === 'Channel' && !channelIds.has(r.id)) {
      const id = await writer.registerChannel({ topic: r.topic, messageEncoding: r.messageEncoding, schemaId: schemas.get(r.schemaId) ?? 0, metadata: r.metadata });
      channelIds.set(r.id, { id, topic: r.topic });
      channels[r.topic] = 0;
    } else if (r.type === 'Message') {
      const ch = channelIds.get(r.channelId)!;
      const m = edit({ topic: ch.topic, logTime: r.logTime, publishTime: r.publishTime, data: r.data });
      if (!m) continue;
      await writer.addMessage({ channelId: ch.id, sequence: r.sequence, logTime: m.logTime, publishTime: m.publishTime, data: m.data });
      channels[ch.topic]!++;
    }
  }
  await writer.end();
  return { bytes: Buffer.concat(out), channels };
}
