// JSON over HTTP to the hub, with its error messages surfaced.
import type { httpApi } from '@teleop/proto';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  // A JSON content type only with a body: the hub refuses an empty JSON body.
  const headers = init.body !== undefined ? { 'content-type': 'application/json', ...(init.headers ?? {}) } : (init.headers ?? {});
  const res = await fetch(path, { ...init, headers });
  const body = (await res.json().catch(() => ({}))) as Partial<httpApi.ErrorBody>;
  if (!res.ok) throw new ApiError(res.status, body.message ?? `${path} answered ${res.status}`);
  return body as T;
}
