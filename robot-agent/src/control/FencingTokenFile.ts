// The highest fencing token this robot has seen, kept in its state dir so an
// agent restart does not forget it: otherwise a stale hub's grant or command
// delivered after the restart (token above 0 but below the newest hub's)
// would be taken.
//
// The file holds the token in decimal and a newline. It is written whenever
// the token rises (a grant; grants are rare, one per lease), before the grant
// is accepted: to a temporary file in the same directory, fsynced, then
// renamed over the old one, so a crash leaves the old or the new value, never
// half of one.
//
// A missing file is a robot that never saw a token (first start, or one hub
// only): 0. A file that exists but does not hold a token (corrupt, truncated
// by something other than this code, unreadable) is NOT read as 0: this is a
// safety check, and 0 would accept exactly the stale grants it exists to
// refuse. Nor can the agent tell which of the next grants is the fresh one.
// So the agent refuses to start (FencingStateError, with the path and how to
// recover), as it does for a corrupt signing key: someone must look. Deleting
// the file is safe once every hub that could have granted this robot's lease
// before has lost it (a lease lives at most --lease-ttl-ms without renewal).
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class FencingStateError extends Error {
  override readonly name = 'FencingStateError';
}

export class FencingTokenFile {
  constructor(readonly path: string) {}

  /** The token saved by the last run; 0 when there is no file. Throws FencingStateError when the file is unusable. */
  load(): bigint {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0n;
      throw new FencingStateError(`cannot read the highest fencing token from ${this.path} (${(err as Error).message}); ${RECOVER}`);
    }
    const trimmed = text.trim();
    if (!/^[0-9]{1,20}$/.test(trimmed)) {
      throw new FencingStateError(`${this.path} does not hold a fencing token (a decimal number); ${RECOVER}`);
    }
    return BigInt(trimmed);
  }

  /** Saves `token` atomically (temp file, fsync, rename). Throws on any failure. */
  save(token: bigint): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, `${token}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}

const RECOVER =
  'the agent will not start without it, since it could take a stale hub\'s grant; delete the file once no hub can still hold an old lease for this robot (stop the hubs, or wait --lease-ttl-ms after the last one lost it)';
