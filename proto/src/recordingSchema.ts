// The protobuf schemas of teleop.v1 as a FileDescriptorSet: what an MCAP
// recording embeds for each protobuf channel, so Foxglove and other tools can
// decode it without our code. Separate entry point (@teleop/proto/recording):
// it needs protobufjs' reflection, which the browser bundle does not.
import protobuf from 'protobufjs';
import descriptor from 'protobufjs/ext/descriptor/index.js';
import bundle from './generated/teleop.json' with { type: 'json' };

let cached: Uint8Array | null = null;

/** A FileDescriptorSet holding every teleop.v1 message. */
export function teleopFileDescriptorSet(): Uint8Array {
  if (cached) return cached;
  const root = protobuf.Root.fromJSON(bundle as protobuf.INamespace);
  const set = (root as unknown as { toDescriptor(syntax: string): protobuf.Message }).toDescriptor('proto3');
  cached = (descriptor as unknown as { FileDescriptorSet: typeof protobuf.Message }).FileDescriptorSet.encode(set).finish();
  return cached;
}

/** Full name of a teleop.v1 message, as MCAP schema names use it. */
export function schemaName(message: string): string {
  return `teleop.v1.${message}`;
}
