export { Hub, HUB_VERSION } from './Hub.ts';
export { readHubConfig, OptionReader, HUB_OPTIONS, HubConfigError, type HubConfig } from './config.ts';
export { RobotRegistry } from './robots/RobotRegistry.ts';
export { openDatabase } from './store/database.ts';
export { createLogger, type Logger } from './log.ts';
