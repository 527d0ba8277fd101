// A camera from its configuration. `pose` (the arm's joint positions at a time) feeds the simulated view.
import type { CameraConfig } from '../config.ts';
import type { Camera } from './Camera.ts';
import { SimArmCamera } from './sim/SimArmCamera.ts';
import { TestPatternCamera } from './test/TestPatternCamera.ts';
import { V4l2Camera } from './v4l2/V4l2Camera.ts';

export function createCamera(c: CameraConfig, pose: (atNs: bigint) => readonly number[]): Camera {
  const size = { name: c.name, width: c.width, height: c.height, fps: c.fps };
  switch (c.source) {
    case 'sim':
      return new SimArmCamera(size, pose);
    case 'test':
      return new TestPatternCamera(size);
    case 'v4l2':
      return new V4l2Camera({ ...size, device: c.device ?? '/dev/video0', ...(c.inputFormat ? { inputFormat: c.inputFormat } : {}) });
  }
}

/** What a camera of this configuration will describe itself as, without opening it. */
export function describeCamera(c: CameraConfig): import('./Camera.ts').CameraDescription {
  return { name: c.name, width: c.width, height: c.height, fps: c.fps, pixelFormat: c.source === 'v4l2' ? 'yuv420p' : 'rgba', source: c.source };
}
