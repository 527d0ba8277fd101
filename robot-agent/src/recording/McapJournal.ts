// An MCAP file written record by record, without chunks: whatever was written
// before a crash stays readable (the streaming reader stops at the first
// incomplete record). finalizeRecording() turns it into the compressed,
// indexed MCAP that is uploaded.
import { open, type FileHandle } from 'node:fs/promises';
import { McapWriter, type IWritable } from '@mcap/core';
import { teleopFileDescriptorSet, schemaName } from '@teleop/proto/recording';

class FileWritable implements IWritable {
  private offset = 0n;
  constructor(private readonly handle: FileHandle) {}
  async write(buffer: Uint8Array): Promise<unknown> {
    await this.handle.write(buffer);
    this.offset += BigInt(buffer.byteLength);
    return undefined;
  }
  position(): bigint {
    return this.offset;
  }
}

/** Channels of an episode recording, by topic. */
export const RECORDING_CHANNELS = {
  state: { topic: '/observation/state', message: 'JointState' },
  action: { topic: '/action', message: 'ActionSample' },
  commands: { topic: '/operator/commands', message: 'ControlCommand' },
  events: { topic: '/events', message: 'RobotEvent' },
} as const;

export type RecordingChannel = keyof typeof RECORDING_CHANNELS;

export class McapJournal {
  private writer: McapWriter | null = null;
  private handle: FileHandle | null = null;
  private readonly channelIds = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private sequence = 0;
  readonly counts = new Map<string, number>();

  constructor(readonly path: string) {}

  async open(cameras: string[]): Promise<void> {
    this.handle = await open(this.path, 'w');
    this.writer = new McapWriter({ writable: new FileWritable(this.handle), useChunks: false, useStatistics: false, useSummaryOffsets: false });
    await this.writer.start({ profile: '', library: 'teleop-hub robot-agent' });
    const schemaData = teleopFileDescriptorSet();
    const schemaIds = new Map<string, number>();
    const schema = async (message: string): Promise<number> => {
      let id = schemaIds.get(message);
      if (id === undefined) {
        id = await this.writer!.registerSchema({ name: schemaName(message), encoding: 'protobuf', data: schemaData });
        schemaIds.set(message, id);
      }
      return id;
    };
    for (const c of Object.values(RECORDING_CHANNELS)) {
      this.channelIds.set(c.topic, await this.writer.registerChannel({ topic: c.topic, messageEncoding: 'protobuf', schemaId: await schema(c.message), metadata: new Map() }));
    }
    for (const camera of cameras) {
      const topic = `/camera/${camera}/frames`;
      this.channelIds.set(topic, await this.writer.registerChannel({ topic, messageEncoding: 'protobuf', schemaId: await schema('CameraFrame'), metadata: new Map([['video', `${camera}.mp4`]]) }));
    }
  }

  /** Appends one message (in order; writes are serialized). */
  add(topic: string, logTimeNs: bigint, data: Uint8Array): Promise<unknown> {
    const channelId = this.channelIds.get(topic);
    if (channelId === undefined || !this.writer) return Promise.resolve();
    const writer = this.writer;
    this.counts.set(topic, (this.counts.get(topic) ?? 0) + 1);
    const sequence = this.sequence++;
    this.queue = this.queue.then(() => writer.addMessage({ channelId, sequence, logTime: logTimeNs, publishTime: logTimeNs, data }));
    return this.queue;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.writer) await this.writer.end();
    await this.handle?.close();
    this.writer = null;
    this.handle = null;
  }
}
