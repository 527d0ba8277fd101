// Reading the hub's JSON from a component: the answer for a path, why it
// failed, whether a request is under way, and a reload. A request is aborted
// when the path changes or the component goes away, and an answer that comes
// late (an older request, another path) never lands in the state.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api } from './api.ts';

/** What a component sees of one path. */
export interface FetchView<T> {
  /** The latest answer for this path: kept while a reload runs, null before the first and when the path is null. */
  data: T | null;
  /** Why the latest request for this path failed (an ApiError for a hub refusal); null once one succeeds. */
  error: Error | null;
  /** A request for this path is under way. */
  loading: boolean;
}

export interface FetchState<T> extends FetchView<T> {
  /** The path this state is about; null when nothing is asked. */
  path: string | null;
  /** Number of the latest request: answers to earlier ones are dropped. */
  request: number;
}

export type FetchEvent<T> =
  | { type: 'ask'; path: string | null; request: number }
  | { type: 'answer'; request: number; data: T }
  | { type: 'fail'; request: number; error: Error };

export const NOTHING_ASKED: FetchState<never> = { path: null, request: 0, data: null, error: null, loading: false };

/** The next state: asking again for the same path keeps its answer until the new one arrives; another path starts empty. */
export function fetchState<T>(s: FetchState<T>, e: FetchEvent<T>): FetchState<T> {
  switch (e.type) {
    case 'ask':
      return e.path === s.path ? { ...s, request: e.request, loading: e.path !== null } : { path: e.path, request: e.request, data: null, error: null, loading: e.path !== null };
    case 'answer':
      return e.request === s.request ? { ...s, data: e.data, error: null, loading: false } : s;
    case 'fail':
      return e.request === s.request ? { ...s, error: e.error, loading: false } : s;
  }
}

/** What to show for `path` now: the state if it is about that path, else nothing yet (the request starts after this render). */
export function viewOf<T>(s: FetchState<T>, path: string | null): FetchView<T> {
  if (s.path === path) return { data: s.data, error: s.error, loading: s.loading };
  return { data: null, error: null, loading: path !== null };
}

export interface HubData<T> extends FetchView<T> {
  /** Asks for the same path again; resolves once the answer (or the failure) is in the state. */
  reload: () => Promise<void>;
}

/** GETs `path` (nothing when null) from the hub, again whenever `path` changes or on reload(). */
export function useHubData<T>(path: string | null): HubData<T> {
  const [state, dispatch] = useReducer(fetchState<T>, NOTHING_ASKED);
  const requests = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const mounted = useRef(false);

  const ask = useCallback((p: string | null): Promise<void> => {
    inFlight.current?.abort();
    inFlight.current = null;
    if (!mounted.current) return Promise.resolve();
    const request = ++requests.current;
    dispatch({ type: 'ask', path: p, request });
    if (p === null) return Promise.resolve();
    const controller = new AbortController();
    inFlight.current = controller;
    return api<T>(p, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) dispatch({ type: 'answer', request, data });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'fail', request, error: err instanceof Error ? err : new Error(String(err)) });
      },
    );
  }, []);

  useEffect(() => {
    mounted.current = true;
    void ask(path);
    return () => {
      mounted.current = false;
      inFlight.current?.abort();
    };
  }, [path, ask]);

  const reload = useCallback(() => ask(path), [ask, path]);
  return { ...viewOf(state, path), reload };
}
