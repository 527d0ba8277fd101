// The wire contracts of Teleop Hub. Everything that crosses a process
// boundary is defined here and nowhere else.
import { teleop } from './generated/teleop.js';

/** Generated protobuf messages of package `teleop.v1`. */
export import v1 = teleop.v1;
export { teleop };
export * from './time.ts';
export * from './topics.ts';
export * from './operatorApi.ts';
export * as httpApi from './httpApi.ts';
export * from './operatorSocket.ts';
export * from './mediaSignal.ts';
export * from './iceSettings.ts';
export * from './mediaClock.ts';
export * from './describedJoints.ts';
export * from './episodeManifest.ts';
export * from './datasetManifest.ts';
export * as feetech from './feetech/index.ts';
export * from './chainIds.ts';
