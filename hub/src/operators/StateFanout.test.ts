import { describe, expect, it } from 'vitest';
import { StateFanout } from './StateFanout.ts';

describe('StateFanout', () => {
  it("sends at most at each subscriber's rate, always the newest state, and never to non-subscribers", async () => {
    let coalesced = 0;
    const fanout = new StateFanout(() => coalesced++);
    const fast: string[] = [];
    const slow: string[] = [];
    fanout.subscribe('r1', { id: 'fast', send: (_r, p) => fast.push(p.toString()) }, 1000);
    fanout.subscribe('r1', { id: 'slow', send: (_r, p) => slow.push(p.toString()) }, 10);
    fanout.subscribe('r2', { id: 'other', send: () => expect.fail('r2 watcher got r1 state') }, 1000);
    for (let i = 0; i < 20; i++) {
      fanout.publish('r1', Buffer.from(String(i)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(fast.length).toBeGreaterThanOrEqual(15);
    // ~100 ms of states at 10 Hz: the first at once, then at most a couple, ending with the newest.
    expect(slow.length).toBeLessThanOrEqual(3);
    expect(slow[0]).toBe('0');
    expect(slow.at(-1)).toBe('19');
    expect(coalesced).toBeGreaterThan(10);
    fanout.close();
  });

  it('stops sending after unsubscribe and forgets a connection entirely', () => {
    const fanout = new StateFanout();
    const got: string[] = [];
    fanout.subscribe('r1', { id: 'c', send: (_r, p) => got.push(p.toString()) }, 1000);
    fanout.subscribe('r2', { id: 'c', send: (_r, p) => got.push(p.toString()) }, 1000);
    expect(fanout.subscriptionsOf('c')).toEqual(['r1', 'r2']);
    fanout.unsubscribeAll('c');
    fanout.publish('r1', Buffer.from('x'));
    expect(got).toEqual([]);
    expect(fanout.subscriptionsOf('c')).toEqual([]);
  });
});

describe('StateFanout acknowledgements', () => {
  it('sends a state acknowledging a new command at once, whatever the display rate', () => {
    const fanout = new StateFanout();
    const got: string[] = [];
    fanout.subscribe('r1', { id: 'c', send: (_r, p) => got.push(p.toString()) }, 1);
    fanout.publish('r1', Buffer.from('a'), 'l:1');
    fanout.publish('r1', Buffer.from('b'), 'l:1'); // same ack: coalesced behind the 1 s interval
    fanout.publish('r1', Buffer.from('c'), 'l:2'); // new ack: immediately
    expect(got).toEqual(['a', 'c']);
    fanout.close();
  });
});
