// ffprobe on a recorded video: frames counted by decoding, size, codec, rate.
import { execFile } from 'node:child_process';

export interface VideoProbe {
  frames: number;
  width: number;
  height: number;
  codec: string;
  fps: number;
  pixFmt: string;
}

export class VideoProbeError extends Error {
  override name = 'VideoProbeError';
}

export function probeVideo(path: string): Promise<VideoProbe> {
  const ffprobe = process.env.FFPROBE_PATH ?? 'ffprobe';
  const args = ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,width,height,codec_name,r_frame_rate,pix_fmt', '-of', 'json', path];
  return new Promise((resolve, reject) => {
    execFile(ffprobe, args, { timeout: 120_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new VideoProbeError(`ffprobe could not read the video: ${stderr.trim().split('\n').pop() ?? err.message}`));
      const s = (JSON.parse(stdout) as { streams?: Record<string, string | number>[] }).streams?.[0];
      if (!s) return reject(new VideoProbeError('the file holds no video stream'));
      const [num, den] = String(s.r_frame_rate ?? '0/1').split('/').map(Number);
      resolve({
        frames: Number(s.nb_read_frames ?? 0),
        width: Number(s.width),
        height: Number(s.height),
        codec: String(s.codec_name),
        fps: den ? num! / den : 0,
        pixFmt: String(s.pix_fmt),
      });
    });
  });
}
