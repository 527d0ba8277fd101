// Test support: a hub configuration on free ports with a throwaway data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_OPTIONS, OptionReader, readHubConfig, type HubConfig } from './config.ts';

export function testHubConfig(args: string[] = []): { config: HubConfig; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'teleop-hub-unit-'));
  const config = readHubConfig(new OptionReader(['--data', dir, '--port', '0', '--mqtt-port', '0', '--log-level', 'silent', ...args], HUB_OPTIONS, {}));
  return { config, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
