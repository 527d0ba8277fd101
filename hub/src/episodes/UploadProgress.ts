// How far each episode's upload has come: bytes the hub holds of each file,
// against the total the robot announced (its own claim, for display only:
// verification measures the files). Told to the operator as it moves, at
// most a few times a second per episode.
import { EventEmitter } from 'node:events';
import type { EpisodeUploadProgress } from '@teleop/proto';

/** At most one progress event per episode this often (the last one always goes out). */
const THROTTLE_MS = 250;

interface EpisodeUpload {
  /** Bytes held per file name, and each file's size. */
  files: Map<string, { offset: number; size: number | null }>;
  /** What the robot announced for the whole episode (every file and the manifest), when it did. */
  bytesTotal: number | null;
  filesTotal: number | null;
  lastSentMs: number;
  timer: NodeJS.Timeout | null;
}

interface UploadProgressEvents {
  progress: [progress: EpisodeUploadProgress];
}

export class UploadProgress extends EventEmitter<UploadProgressEvents> {
  private readonly episodes = new Map<string, EpisodeUpload>();

  /** A file's bytes the hub holds now (on upload creation, while a chunk arrives, after it did). */
  update(p: { episodeId: string; filename: string; offset: number; size: number | null; episodeBytes?: string | undefined; episodeFiles?: string | undefined }): void {
    if (!p.episodeId || !p.filename) return;
    let e = this.episodes.get(p.episodeId);
    if (!e) {
      e = { files: new Map(), bytesTotal: null, filesTotal: null, lastSentMs: 0, timer: null };
      this.episodes.set(p.episodeId, e);
    }
    const total = Number(p.episodeBytes);
    if (Number.isSafeInteger(total) && total > 0) e.bytesTotal = total;
    const files = Number(p.episodeFiles);
    if (Number.isSafeInteger(files) && files > 0) e.filesTotal = files;
    const before = e.files.get(p.filename);
    e.files.set(p.filename, { offset: Math.max(p.offset, before?.offset ?? 0), size: p.size ?? before?.size ?? null });
    this.schedule(p.episodeId, e);
  }

  /** The episode's upload is over (sealed, verified or given up): nothing more is told of it. */
  forget(episodeId: string): void {
    const e = this.episodes.get(episodeId);
    if (e?.timer) clearTimeout(e.timer);
    this.episodes.delete(episodeId);
  }

  close(): void {
    for (const id of [...this.episodes.keys()]) this.forget(id);
  }

  view(episodeId: string): EpisodeUploadProgress | null {
    const e = this.episodes.get(episodeId);
    if (!e) return null;
    let bytesReceived = 0;
    let filesReceived = 0;
    let known = 0;
    for (const f of e.files.values()) {
      bytesReceived += f.offset;
      known += f.size ?? f.offset;
      if (f.size !== null && f.offset >= f.size) filesReceived++;
    }
    return { episodeId, bytesReceived, bytesTotal: e.bytesTotal ?? (known > 0 ? known : null), filesReceived, filesTotal: e.filesTotal };
  }

  private schedule(episodeId: string, e: EpisodeUpload): void {
    if (e.timer) return;
    const wait = Math.max(0, e.lastSentMs + THROTTLE_MS - Date.now());
    e.timer = setTimeout(() => {
      e.timer = null;
      e.lastSentMs = Date.now();
      const view = this.view(episodeId);
      if (view) this.emit('progress', view);
    }, wait);
    e.timer.unref();
  }
}
