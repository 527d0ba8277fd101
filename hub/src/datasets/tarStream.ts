// A streamed POSIX ustar archive: each entry is a 512-byte header, the
// entry's bytes and padding to 512; two zero blocks end it. The archive's
// total size is known up front, so downloads show progress. Entries are read
// one after the other, each through its own read function (a blob, a file).
import { Readable } from 'node:stream';

export interface TarEntry {
  /** Path inside the archive, '/'-separated. */
  name: string;
  size: number;
  mtimeS: number;
  /** A stream of the entry's bytes, opened when the archive reaches it. */
  read: () => Readable;
}

export class TarPathError extends Error {
  override name = 'TarPathError';
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** Splits a path into ustar's prefix (<= 155) and name (<= 100) fields. */
function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  throw new TarPathError(`path too long for a tar archive: ${name}`);
}

export function tarHeader(e: TarEntry): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(e.name);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(e.size, 12), 124, 'ascii');
  h.write(octal(Math.floor(e.mtimeS), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum is computed with spaces here
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

export function tarSize(entries: TarEntry[]): number {
  return entries.reduce((a, e) => a + BLOCK + e.size + padding(e.size), 0) + 2 * BLOCK;
}

export function tarStream(entries: TarEntry[]): Readable {
  async function* generate(): AsyncGenerator<Buffer> {
    for (const e of entries) {
      yield tarHeader(e);
      let sent = 0;
      for await (const chunk of e.read()) {
        sent += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      if (sent !== e.size) throw new TarPathError(`${e.name} has ${sent} bytes, not the ${e.size} its entry announced`);
      if (padding(e.size)) yield Buffer.alloc(padding(e.size));
    }
    yield Buffer.alloc(2 * BLOCK);
  }
  return Readable.from(generate());
}
