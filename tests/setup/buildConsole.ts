// Vitest global setup: builds the operator console once, so browser tests run
// against what `npm start` serves.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('../../operator-ui/', import.meta.url));
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
}
