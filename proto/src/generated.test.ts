// The generated code is committed; this fails when a schema changed without
// `npm run proto:gen`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error plain JS build script without types
import { generate } from '../scripts/generate.js';

it('generated TypeScript matches the .proto schemas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proto-check-'));
  try {
    const out = generate(dir) as { js: string; dts: string; json: string };
    const here = new URL('./generated/', import.meta.url);
    expect(readFileSync(out.js, 'utf8')).toBe(readFileSync(new URL('teleop.js', here), 'utf8'));
    expect(readFileSync(out.dts, 'utf8')).toBe(readFileSync(new URL('teleop.d.ts', here), 'utf8'));
    expect(readFileSync(out.json, 'utf8')).toBe(readFileSync(new URL('teleop.json', here), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
