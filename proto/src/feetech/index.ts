// The Feetech servo bus, browser-safe: protocol, bus over any byte transport, SO-101 calibration, emulator.
export * from './protocol.ts';
export * from './bus.ts';
export * from './calibration.ts';
export * from './emulator.ts';
export * from './calibrate.ts';
