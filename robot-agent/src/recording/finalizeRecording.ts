// Turns an episode's journal (unchunked MCAP, possibly cut short by a crash)
// into the MCAP that is uploaded: zstd-compressed chunks, message and chunk
// indexes, statistics. Returns what it holds per channel.
import { readFile, open } from 'node:fs/promises';
import { McapStreamReader, McapWriter, type IWritable } from '@mcap/core';
import zstd from '@foxglove/wasm-zstd';

export interface FinalizedRecording {
  /** Messages per topic. */
  channels: Record<string, number>;
  firstLogTimeNs: bigint | null;
  lastLogTimeNs: bigint | null;
  /** False when the journal ended in the middle of a record (the agent was killed). */
  complete: boolean;
}

export async function finalizeRecording(journalPath: string, outPath: string): Promise<FinalizedRecording> {
  await zstd.isLoaded;
  const reader = new McapStreamReader({ validateCrcs: true });
  reader.append(await readFile(journalPath));
  const out = await open(outPath, 'w');
  let offset = 0n;
  const writable: IWritable = {
    write: async (buffer) => {
      await out.write(buffer);
      offset += BigInt(buffer.byteLength);
    },
    position: () => offset,
  };
  const writer = new McapWriter({
    writable,
    useChunks: true,
    chunkSize: 1024 * 1024,
    compressChunk: (data) => ({ compression: 'zstd', compressedData: zstd.compress(data, 3) }),
  });
  const channels: Record<string, number> = {};
  const schemaIds = new Map<number, number>();
  const channelIds = new Map<number, { id: number; topic: string }>();
  let first: bigint | null = null;
  let last: bigint | null = null;
  let complete = false;
  try {
    await writer.start({ profile: '', library: 'teleop-hub robot-agent' });
    for (;;) {
      let record;
      try {
        record = reader.nextRecord();
      } catch {
        break; // a damaged tail: keep what came before it
      }
      if (!record) break;
      switch (record.type) {
        case 'Schema':
          schemaIds.set(record.id, await writer.registerSchema({ name: record.name, encoding: record.encoding, data: record.data }));
          break;
        case 'Channel': {
          const id = await writer.registerChannel({ topic: record.topic, messageEncoding: record.messageEncoding, schemaId: schemaIds.get(record.schemaId) ?? 0, metadata: record.metadata });
          channelIds.set(record.id, { id, topic: record.topic });
          channels[record.topic] = 0;
          break;
        }
        case 'Message': {
          const ch = channelIds.get(record.channelId);
          if (!ch) break;
          await writer.addMessage({ ...record, channelId: ch.id });
          channels[ch.topic] = (channels[ch.topic] ?? 0) + 1;
          if (first === null || record.logTime < first) first = record.logTime;
          if (last === null || record.logTime > last) last = record.logTime;
          break;
        }
        case 'Footer':
          complete = true;
          break;
        default:
          break;
      }
    }
    await writer.end();
  } finally {
    await out.close();
  }
  return { channels, firstLogTimeNs: first, lastLogTimeNs: last, complete };
}
