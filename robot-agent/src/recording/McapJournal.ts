// An MCAP file written record by record, without chunks: whatever was written
// before a crash stays readable (the streaming reader stops at the first
// incomplete record). finalizeRecording() turns it into the compressed,
// indexed MCAP that is uploaded.
import { open, type FileHandle } from 'node:fs/promises';
import { McapRecordBuilder } from '@mcap/core';
import { teleopFileDescriptorSet, schemaName } from '@teleop/proto/recording';

/** Channels of an episode recording, by topic. */
export const RECORDING_CHANNELS = {
  state: { topic: '/observation/state', message: 'JointState' },
  action: { topic: '/action', message: 'ActionSample' },
  commands: { topic: '/operator/commands', message: 'ControlCommand' },
  events: { topic: '/events', message: 'RobotEvent' },
} as const;

export type RecordingChannel = keyof typeof RECORDING_CHANNELS;

export class McapJournal {
  private readonly builder = new McapRecordBuilder();
  private handle: FileHandle | null = null;
  private readonly channelIds = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private sequence = 0;
  readonly counts = new Map<string, number>();

  constructor(readonly path: string) {}

  async open(cameras: string[]): Promise<void> {
    this.handle = await open(this.path, 'w');
    this.builder.writeMagic();
    this.builder.writeHeader({ profile: '', library: 'teleop-hub robot-agent' });
    const schemaData = teleopFileDescriptorSet();
    const schemaIds = new Map<string, number>();
    const schema = (message: string): number => {
      let id = schemaIds.get(message);
      if (id === undefined) {
        id = schemaIds.size + 1;
        schemaIds.set(message, id);
        this.builder.writeSchema({ id, name: schemaName(message), encoding: 'protobuf', data: schemaData });
      }
      return id;
    };
    const channel = (topic: string, message: string, metadata: Map<string, string>): void => {
      const id = this.channelIds.size + 1;
      this.channelIds.set(topic, id);
      this.builder.writeChannel({ id, topic, messageEncoding: 'protobuf', schemaId: schema(message), metadata });
    };
    for (const c of Object.values(RECORDING_CHANNELS)) channel(c.topic, c.message, new Map());
    for (const camera of cameras) channel(`/camera/${camera}/frames`, 'CameraFrame', new Map([['video', `${camera}.mp4`]]));
    await this.flush();
  }

  /** Appends one message; each record reaches the file before the next is taken (a crash loses at most the last). */
  add(topic: string, logTimeNs: bigint, data: Uint8Array): Promise<unknown> {
    const channelId = this.channelIds.get(topic);
    if (channelId === undefined || !this.handle) return Promise.resolve();
    this.counts.set(topic, (this.counts.get(topic) ?? 0) + 1);
    this.builder.writeMessage({ channelId, sequence: this.sequence++, logTime: logTimeNs, publishTime: logTimeNs, data });
    return this.flush();
  }

  /** Writes the footer; finalizeRecording() does the indexing. */
  async close(): Promise<void> {
    if (!this.handle) return;
    this.builder.writeDataEnd({ dataSectionCrc: 0 });
    this.builder.writeFooter({ summaryStart: 0n, summaryOffsetStart: 0n, summaryCrc: 0 });
    this.builder.writeMagic();
    await this.flush();
    await this.queue;
    await this.handle.close();
    this.handle = null;
  }

  private flush(): Promise<unknown> {
    const bytes = this.builder.buffer.slice();
    this.builder.reset();
    const handle = this.handle!;
    this.queue = this.queue.then(() => handle.write(bytes));
    return this.queue;
  }
}
