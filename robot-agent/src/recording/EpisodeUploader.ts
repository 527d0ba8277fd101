// Uploads sealed episodes from the spool to the hub with the tus protocol,
// resumably: each file's upload URL is kept in the spool, so a cut
// connection, a hub restart or an agent restart continues from the last byte
// the hub confirmed. The manifest goes last; the episode leaves the spool
// only when the hub's receipt says it has verified the files. A refusal
// (tampered files, bad signature) keeps the original here. Failures are
// retried with exponential backoff; an optional bandwidth limit paces chunks.
import { createReadStream } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Upload } from 'tus-js-client';
import type { SignedManifest } from '@teleop/proto';
import type { Logger } from '../log.ts';

export interface EpisodeUploaderOptions {
  spoolDir: string;
  hubUrl: string;
  robotId: string;
  secret: string;
  logger: Logger;
  /** Bytes per second, 0 for no limit. */
  bandwidthBytesPerS: number;
  chunkBytes?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often the spool is scanned when nothing asks for it. */
  scanIntervalMs?: number;
}

interface UploadState {
  files: Record<string, { url?: string; done?: boolean }>;
}

export class UploadRefusedError extends Error {
  override name = 'UploadRefusedError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class EpisodeUploader {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private backoffMs: number;
  private nextAttemptAt = 0;
  private current: Upload | null = null;
  readonly stats = { uploadedFiles: 0, uploadedBytes: 0, episodesDone: 0, failures: 0 };

  constructor(private readonly o: EpisodeUploaderOptions) {
    this.backoffMs = o.minBackoffMs ?? 1000;
  }

  start(): void {
    const tick = (): void => {
      this.timer = setTimeout(() => {
        this.kick();
        tick();
      }, this.o.scanIntervalMs ?? 2000);
    };
    tick();
    this.kick();
  }

  /** Looks at the spool now (e.g. an episode was just sealed). */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (Date.now() < this.nextAttemptAt) return;
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.abort(false).catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  /** Episode ids waiting in the spool (sealed, not yet confirmed by the hub). */
  async pending(): Promise<string[]> {
    const ids: string[] = [];
    for (const id of await readdir(this.o.spoolDir).catch(() => [] as string[])) {
      const files = await readdir(join(this.o.spoolDir, id)).catch(() => [] as string[]);
      if (files.includes('manifest.json') && !files.includes('rejected.json')) ids.push(id);
    }
    return ids.sort();
  }

  private async pass(): Promise<void> {
    for (const id of await this.pending()) {
      if (this.closed) return;
      try {
        await this.uploadEpisode(id);
        this.backoffMs = this.o.minBackoffMs ?? 1000;
      } catch (err) {
        this.stats.failures++;
        this.nextAttemptAt = Date.now() + this.backoffMs;
        this.o.logger.warn({ episodeId: id, retryInMs: this.backoffMs, err: (err as Error).message }, 'episode upload failed; will retry');
        this.backoffMs = Math.min(this.backoffMs * 2, this.o.maxBackoffMs ?? 60_000);
        return;
      }
    }
  }

  private auth(): string {
    return `Basic ${Buffer.from(`${this.o.robotId}:${this.o.secret}`).toString('base64')}`;
  }

  private async uploadEpisode(episodeId: string): Promise<void> {
    const dir = join(this.o.spoolDir, episodeId);
    const signed = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as SignedManifest;
    const statePath = join(dir, 'upload-state.json');
    const state: UploadState = await readFile(statePath, 'utf8').then((t) => JSON.parse(t) as UploadState, () => ({ files: {} }));
    const save = async (): Promise<void> => {
      await writeFile(`${statePath}.tmp`, JSON.stringify(state));
      await rename(`${statePath}.tmp`, statePath);
    };
    // A file whose last bytes reached the hub while the connection was cut is the hub's already (its upload URL is
    // gone with it): what the hub holds with the manifest's digest is not sent again.
    const held = await this.heldFiles(episodeId);
    // The whole episode, told with each file so the operator's console can show the upload's progress.
    const whole = { bytes: signed.manifest.files.reduce((a, f) => a + f.size, 0) + (await stat(join(dir, 'manifest.json'))).size, files: signed.manifest.files.length + 1 };
    for (const name of [...signed.manifest.files.map((f) => f.name), 'manifest.json']) {
      const entry = (state.files[name] ??= {});
      const digest = signed.manifest.files.find((f) => f.name === name)?.sha256;
      if (!entry.done && digest && held.get(name) === digest) {
        this.o.logger.info({ episodeId, file: name }, 'the hub already holds this file; not sent again');
        entry.done = true;
        await save();
      }
      if (entry.done) continue;
      await this.uploadFile(episodeId, join(dir, name), name, whole, entry.url, async (url) => {
        entry.url = url;
        await save();
      });
      entry.done = true;
      await save();
      this.stats.uploadedFiles++;
    }
    const receipt = await this.awaitReceipt(episodeId);
    if (receipt.status === 'received') {
      await rm(dir, { recursive: true, force: true });
      this.stats.episodesDone++;
      this.o.logger.info({ episodeId, state: receipt.state }, 'episode uploaded and confirmed by the hub; removed from the spool');
    } else if (receipt.status === 'rejected') {
      await writeFile(join(dir, 'rejected.json'), JSON.stringify(receipt, null, 2));
      this.o.logger.error({ episodeId }, `the hub refused episode ${episodeId}: ${receipt.reason ?? 'no reason given'}; the files stay in the spool`);
    } else {
      throw new Error(`the hub has not confirmed episode ${episodeId} yet (${receipt.state})`);
    }
  }

  /** The files the hub holds of an episode, by name, with their digests (none when it does not know it yet). */
  private async heldFiles(episodeId: string): Promise<Map<string, string>> {
    const res = await fetch(`${this.o.hubUrl}/api/v1/episodes/${episodeId}/receipt`, { headers: { authorization: this.auth() } });
    if (!res.ok) return new Map();
    const body = (await res.json()) as { files?: { name: string; sha256: string }[] };
    return new Map((body.files ?? []).map((f) => [f.name, f.sha256]));
  }

  private async awaitReceipt(episodeId: string): Promise<{ status: string; state: string; reason: string | null }> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${this.o.hubUrl}/api/v1/episodes/${episodeId}/receipt`, { headers: { authorization: this.auth() } });
      const body = (await res.json()) as { status: string; state: string; reason: string | null; message?: string };
      if (!res.ok) throw new Error(`receipt of ${episodeId}: ${res.status} ${body.message ?? ''}`);
      if (body.status !== 'pending' || Date.now() > deadline || this.closed) return body;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private uploadFile(episodeId: string, path: string, name: string, whole: { bytes: number; files: number }, resumeUrl: string | undefined, onUrl: (url: string) => Promise<void>): Promise<void> {
    const limit = this.o.bandwidthBytesPerS;
    let windowStart = Date.now();
    let windowBytes = 0;
    let resumedLogged = false;
    return new Promise((resolve, reject) => {
      const upload = new Upload(createReadStream(path), {
        endpoint: `${this.o.hubUrl}/api/v1/uploads`,
        ...(resumeUrl ? { uploadUrl: resumeUrl } : {}),
        chunkSize: this.o.chunkBytes ?? (limit > 0 ? Math.max(64 * 1024, Math.min(8 * 1024 * 1024, limit)) : 16 * 1024 * 1024),
        retryDelays: [0, 500, 1500],
        removeFingerprintOnSuccess: true,
        metadata: { episodeId, filename: name, episodeBytes: String(whole.bytes), episodeFiles: String(whole.files) },
        headers: { authorization: this.auth() },
        onUploadUrlAvailable: () => {
          if (upload.url) void onUrl(upload.url);
        },
        onBeforeRequest: async (req) => {
          if (limit <= 0 || req.getMethod() !== 'PATCH') return;
          // Pace chunks so the average stays under the limit.
          const due = windowStart + (windowBytes / limit) * 1000;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        },
        onChunkComplete: (chunkSize, bytesAccepted, bytesTotal) => {
          if (resumeUrl && !resumedLogged) {
            resumedLogged = true;
            this.o.logger.info({ episodeId, file: name, fromByte: bytesAccepted - chunkSize, size: bytesTotal }, 'upload resumed where the hub left off');
          }
          windowBytes += chunkSize;
          this.stats.uploadedBytes += chunkSize;
          if (Date.now() - windowStart > 10_000) {
            windowStart = Date.now();
            windowBytes = 0;
          }
        },
        onShouldRetry: (err) => {
          const status = (err as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus() ?? 0;
          // Refusals (bad request, not ours, no space) are not retried at once; the outer backoff handles them.
          return status === 0 || status >= 500 && status !== 507;
        },
        onError: (err) => {
          const status = (err as { originalResponse?: { getStatus(): number; getBody(): string } }).originalResponse?.getStatus() ?? 0;
          const body = (err as { originalResponse?: { getBody(): string } }).originalResponse?.getBody() ?? '';
          // An upload URL the hub no longer knows: start that file over.
          if (status === 404 || status === 410) void onUrl('');
          reject(status ? new UploadRefusedError(status, `${name}: the hub answered ${status}${body ? `: ${body}` : ''}`) : err);
        },
        onSuccess: () => resolve(),
      });
      this.current = upload;
      upload.start();
    });
  }
}
