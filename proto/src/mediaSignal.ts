// WebRTC signalling between a robot and the hub on robots/{id}/media/signal
// (JSON, both directions on one topic: each side ignores its own messages).
// The robot offers one peer connection per camera; the hub answers. ICE is
// not trickled: each SDP carries every candidate gathered.

export type LiveCodec = 'vp8' | 'h264';

export const LIVE_CODECS: readonly LiveCodec[] = ['vp8', 'h264'];

export type MediaSignal =
  /** robot -> hub: publish one camera. */
  | { from: 'robot'; type: 'offer'; session: string; camera: string; codec: LiveCodec; width: number; height: number; fps: number; sdp: string }
  /** robot -> hub: a camera stopped publishing. */
  | { from: 'robot'; type: 'bye'; session: string }
  /** hub -> robot: the answer to an offer. */
  | { from: 'hub'; type: 'answer'; session: string; sdp: string }
  /** hub -> robot: the offer was refused (unsupported codec, bad SDP...). */
  | { from: 'hub'; type: 'error'; session: string; message: string }
  /** hub -> robot: publish every camera again (the hub restarted or lost the session). */
  | { from: 'hub'; type: 'republish' };

/** Largest signalling message either side accepts. */
export const MAX_MEDIA_SIGNAL_BYTES = 64 * 1024;

export class MediaSignalError extends Error {
  override name = 'MediaSignalError';
}

const isString = (v: unknown, max = 64): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isDim = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 8192;

/** Parses and checks a signalling payload; throws MediaSignalError saying what is wrong. */
export function parseMediaSignal(payload: Uint8Array | string): MediaSignal {
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  if (size > MAX_MEDIA_SIGNAL_BYTES) throw new MediaSignalError(`signalling message of ${size} bytes is over the ${MAX_MEDIA_SIGNAL_BYTES}-byte limit`);
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch {
    throw new MediaSignalError('signalling message is not JSON');
  }
  if (typeof m !== 'object' || m === null) throw new MediaSignalError('signalling message is not a JSON object');
  const sdpOk = (v: unknown): v is string => typeof v === 'string' && v.startsWith('v=0') && v.length <= MAX_MEDIA_SIGNAL_BYTES;
  switch (`${String(m.from)}:${String(m.type)}`) {
    case 'robot:offer':
      if (!isString(m.session) || !isString(m.camera) || !isDim(m.width) || !isDim(m.height) || !isDim(m.fps) || !sdpOk(m.sdp) || typeof m.codec !== 'string') {
        throw new MediaSignalError('offer needs session, camera, codec, width, height, fps and an SDP');
      }
      return m as MediaSignal;
    case 'robot:bye':
      if (!isString(m.session)) throw new MediaSignalError('bye needs a session');
      return m as MediaSignal;
    case 'hub:answer':
      if (!isString(m.session) || !sdpOk(m.sdp)) throw new MediaSignalError('answer needs a session and an SDP');
      return m as MediaSignal;
    case 'hub:error':
      if (!isString(m.session) || typeof m.message !== 'string') throw new MediaSignalError('error needs a session and a message');
      return m as MediaSignal;
    case 'hub:republish':
      return m as MediaSignal;
    default:
      throw new MediaSignalError(`unknown signalling message ${String(m.from)}:${String(m.type)}`);
  }
}
