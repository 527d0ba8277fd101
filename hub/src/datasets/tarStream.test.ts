import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { tarSize, tarStream, type TarEntry } from './tarStream.ts';

describe('tar stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teleop-tar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an archive that the system tar extracts byte-identical, with long paths', async () => {
    const files: [string, Buffer][] = [
      ['a.txt', Buffer.from('hello')],
      ['empty', Buffer.alloc(0)],
      [`${'deep/'.repeat(30)}file-000.parquet`, Buffer.alloc(1000, 7)],
      ['block.bin', Buffer.alloc(512, 1)],
    ];
    const entries: TarEntry[] = files.map(([name, data], i) => {
      const path = join(dir, `src-${i}`);
      writeFileSync(path, data);
      return { name: `ds-v1/${name}`, size: data.length, mtimeS: 1_700_000_000, read: () => createReadStream(path) };
    });
    const out = join(dir, 'out.tar');
    await pipeline(tarStream(entries), createWriteStream(out));
    expect(statSync(out).size).toBe(tarSize(entries));
    const x = join(dir, 'x');
    mkdirSync(x);
    execFileSync('tar', ['-xf', out, '-C', x]);
    for (const [name, data] of files) expect(readFileSync(join(x, 'ds-v1', name)).equals(data)).toBe(true);
  });
});
