// `npm run build --workspace contracts`: compiles the contracts and writes src/generated/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileContracts, GENERATED } from './compile.ts';

const files = compileContracts();
mkdirSync(GENERATED, { recursive: true });
for (const [name, text] of files) writeFileSync(join(GENERATED, name), text);
console.log(`wrote ${[...files.keys()].join(', ')} to ${GENERATED}`);
