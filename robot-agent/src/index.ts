export { Agent, AGENT_VERSION, createDriver } from './Agent.ts';
export { parseAgentConfig, AgentConfigError, type AgentConfig } from './config.ts';
export { SafetyLayer, type SafetyConfig, type CommandVerdict } from './control/SafetyLayer.ts';
export { ControlLoop } from './control/ControlLoop.ts';
export { SimArmDriver } from './drivers/sim/SimArmDriver.ts';
export type { Driver, DriverDescription, JointReading } from './drivers/Driver.ts';
export { HubLink, discoverBroker } from './link/HubLink.ts';
export { createLogger, type Logger } from './log.ts';
