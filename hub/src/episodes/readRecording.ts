// Reads an episode's MCAP (zstd-compressed, indexed) into what verification,
// the automatic checks and the replay need.
import { open } from 'node:fs/promises';
import { McapIndexedReader } from '@mcap/core';
import zstd from '@foxglove/wasm-zstd';
import { fromLong, v1 } from '@teleop/proto';

export interface Recording {
  /** Messages per topic. */
  counts: Record<string, number>;
  states: { t: bigint; positions: number[]; velocities: number[] }[];
  actions: { t: bigint; positions: number[] }[];
  frames: Map<string, { index: number; t: bigint; droppedBefore: number }[]>;
}

export class RecordingReadError extends Error {
  override name = 'RecordingReadError';
}

export async function readRecording(path: string): Promise<Recording> {
  await zstd.isLoaded;
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    let reader: McapIndexedReader;
    try {
      reader = await McapIndexedReader.Initialize({
        readable: {
          size: async () => BigInt(size),
          read: async (offset: bigint, length: bigint) => {
            const buf = Buffer.alloc(Number(length));
            await handle.read(buf, 0, Number(length), Number(offset));
            return buf;
          },
        },
        decompressHandlers: { zstd: (data, decompressedSize) => zstd.decompress(data, Number(decompressedSize)) },
      });
    } catch (err) {
      throw new RecordingReadError(`the MCAP file cannot be opened as an indexed recording: ${(err as Error).message}`);
    }
    const topics = new Map([...reader.channelsById].map(([id, c]) => [id, c.topic]));
    const rec: Recording = { counts: {}, states: [], actions: [], frames: new Map() };
    for await (const m of reader.readMessages()) {
      const topic = topics.get(m.channelId) ?? '?';
      rec.counts[topic] = (rec.counts[topic] ?? 0) + 1;
      if (topic === '/observation/state') {
        const s = v1.JointState.decode(m.data);
        rec.states.push({ t: fromLong(s.captureTimeNs), positions: s.positions, velocities: s.velocities });
      } else if (topic === '/action') {
        const a = v1.ActionSample.decode(m.data);
        rec.actions.push({ t: fromLong(a.captureTimeNs), positions: a.positions });
      } else if (topic.startsWith('/camera/')) {
        const f = v1.CameraFrame.decode(m.data);
        const list = rec.frames.get(f.camera) ?? [];
        list.push({ index: Number(fromLong(f.frameIndex)), t: fromLong(f.captureTimeNs), droppedBefore: f.droppedBefore });
        rec.frames.set(f.camera, list);
      }
    }
    return rec;
  } finally {
    await handle.close();
  }
}
