// Where LeRobot v3.0 puts data and video files: numbered files in numbered
// chunk directories (chunks_size files per chunk), three digits each.

export interface ChunkFile {
  chunk: number;
  file: number;
}

/** The chunk and file index of the n-th file. */
export const chunkFile = (n: number, chunksSize: number): ChunkFile => ({ chunk: Math.floor(n / chunksSize), file: n % chunksSize });

const pad3 = (n: number): string => String(n).padStart(3, '0');

export const dataPath = (c: ChunkFile): string => `data/chunk-${pad3(c.chunk)}/file-${pad3(c.file)}.parquet`;

export const videoPath = (videoKey: string, c: ChunkFile): string => `videos/${videoKey}/chunk-${pad3(c.chunk)}/file-${pad3(c.file)}.mp4`;
