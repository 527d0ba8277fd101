import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContracts, GENERATED } from '../scripts/compile.ts';

describe('generated contract bindings', () => {
  it('match the Solidity sources (run `npm run build --workspace contracts` after changing them)', () => {
    for (const [name, text] of compileContracts()) expect(readFileSync(join(GENERATED, name), 'utf8'), name).toBe(text);
  });
});
