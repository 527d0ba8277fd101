export { Hub, HUB_VERSION } from './Hub.ts';
export { readHubConfig, OptionReader, HUB_OPTIONS, HubConfigError, type HubConfig } from './config.ts';
export { RobotRegistry } from './robots/RobotRegistry.ts';
export { openStores, type HubStores } from './store/stores.ts';
export { createLogger, type Logger } from './log.ts';
export { rendezvousOwner } from './robots/ClusterIngest.ts';
