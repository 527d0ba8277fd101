import { describe, expect, it } from 'vitest';
import { fetchState, NOTHING_ASKED, viewOf, type FetchEvent, type FetchState } from './useHubData.ts';

const run = (events: FetchEvent<string>[], from: FetchState<string> = NOTHING_ASKED): FetchState<string> => events.reduce(fetchState<string>, from);

describe('fetchState', () => {
  it('asks, then holds the answer', () => {
    const asked = run([{ type: 'ask', path: '/a', request: 1 }]);
    expect(viewOf(asked, '/a')).toEqual({ data: null, error: null, loading: true });
    expect(viewOf(run([{ type: 'answer', request: 1, data: 'A' }], asked), '/a')).toEqual({ data: 'A', error: null, loading: false });
  });

  it('keeps the answer while the same path reloads, and clears the error once a reload succeeds', () => {
    const failed = run([
      { type: 'ask', path: '/a', request: 1 },
      { type: 'answer', request: 1, data: 'A' },
      { type: 'ask', path: '/a', request: 2 },
      { type: 'fail', request: 2, error: new Error('hub down') },
    ]);
    expect(viewOf(failed, '/a')).toMatchObject({ data: 'A', error: { message: 'hub down' }, loading: false });
    const reloading = run([{ type: 'ask', path: '/a', request: 3 }], failed);
    expect(viewOf(reloading, '/a')).toMatchObject({ data: 'A', loading: true });
    expect(viewOf(run([{ type: 'answer', request: 3, data: 'A2' }], reloading), '/a')).toEqual({ data: 'A2', error: null, loading: false });
  });

  it('starts empty for another path and drops answers to earlier requests', () => {
    const s = run([
      { type: 'ask', path: '/a', request: 1 },
      { type: 'answer', request: 1, data: 'A' },
      { type: 'ask', path: '/b', request: 2 },
      { type: 'answer', request: 1, data: 'late A' },
      { type: 'fail', request: 1, error: new Error('late failure') },
    ]);
    expect(viewOf(s, '/b')).toEqual({ data: null, error: null, loading: true });
    expect(viewOf(run([{ type: 'answer', request: 2, data: 'B' }], s), '/b')).toEqual({ data: 'B', error: null, loading: false });
  });

  it('shows nothing of another path before the new request starts', () => {
    const s = run([
      { type: 'ask', path: '/a', request: 1 },
      { type: 'answer', request: 1, data: 'A' },
    ]);
    expect(viewOf(s, '/b')).toEqual({ data: null, error: null, loading: true });
    expect(viewOf(s, null)).toEqual({ data: null, error: null, loading: false });
  });

  it('asks for nothing when the path is null', () => {
    const s = run([
      { type: 'ask', path: '/a', request: 1 },
      { type: 'answer', request: 1, data: 'A' },
      { type: 'ask', path: null, request: 2 },
    ]);
    expect(s).toMatchObject({ path: null, data: null, error: null, loading: false });
  });
});
