// Hash routes of the console.
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'fleet' }
  | { page: 'console'; robotId: string }
  | { page: 'cameras'; robotId: string }
  | { page: 'my-robots' }
  | { page: 'episodes'; episodeId?: string }
  | { page: 'datasets'; name?: string; version?: number }
  | { page: 'review' }
  | { page: 'rewards' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  let m = /^\/console\/([a-z0-9_-]+)$/.exec(path);
  if (m) return { page: 'console', robotId: m[1]! };
  m = /^\/robots\/([a-z0-9_-]+)\/cameras$/.exec(path);
  if (m) return { page: 'cameras', robotId: m[1]! };
  if (path === '/my-robots') return { page: 'my-robots' };
  if (path === '/episodes') return { page: 'episodes' };
  m = /^\/episodes\/(e-[0-9a-f-]+)$/.exec(path);
  if (m) return { page: 'episodes', episodeId: m[1]! };
  if (path === '/datasets') return { page: 'datasets' };
  m = /^\/datasets\/([a-z0-9][a-z0-9._-]{0,63})(?:\/(\d+))?$/.exec(path);
  if (m) return { page: 'datasets', name: m[1]!, ...(m[2] ? { version: Number(m[2]) } : {}) };
  if (path === '/review') return { page: 'review' };
  if (path === '/rewards') return { page: 'rewards' };
  return { page: 'fleet' };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}
