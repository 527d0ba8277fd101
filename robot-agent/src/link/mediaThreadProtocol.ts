// Messages between the agent's main thread and its media thread
// (MediaThread <-> mediaThreadMain): the robot's MQTT link stays in the main
// thread; WebRTC (werift) runs in the media thread.
import type { MessagePort } from 'node:worker_threads';
import type { IceOptions, LiveCodec } from '@teleop/proto';
import type { CameraDescription } from '../cameras/Camera.ts';

export interface MediaThreadData {
  cameras: { camera: CameraDescription; codec: LiveCodec }[];
  ice: IceOptions;
  logLevel: string;
}

export type ToMediaThread =
  /** Camera `index`'s live stream now flows on this port (see LivePortMessage). */
  | { type: 'live-port'; index: number; port: MessagePort }
  | { type: 'link'; connected: boolean }
  | { type: 'signal'; payload: Uint8Array }
  | { type: 'close' };

export type FromMediaThread = { type: 'publish'; payload: string } | { type: 'closed' };
