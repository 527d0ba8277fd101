import { describe, expect, it } from 'vitest';
import { rendezvousOwner } from './ClusterIngest.ts';

const robots = Array.from({ length: 3000 }, (_, i) => `r-${i.toString(36).padStart(6, '0')}`);
const ownersOf = (hubs: string[]): Map<string, string> => new Map(robots.map((r) => [r, rendezvousOwner(r, hubs)]));

describe('rendezvous hashing of robots over hubs', () => {
  it('gives every robot one hub, the same whatever the order the hubs are listed in, and spreads them evenly', () => {
    const a = ownersOf(['h-a', 'h-b', 'h-c']);
    const b = ownersOf(['h-c', 'h-a', 'h-b']);
    expect([...a]).toEqual([...b]);
    const counts = new Map<string, number>();
    for (const h of a.values()) counts.set(h, (counts.get(h) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['h-a', 'h-b', 'h-c']);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('moves only the leaving hub\'s robots when a hub goes, and only robots to the new hub when one joins', () => {
    const three = ownersOf(['h-a', 'h-b', 'h-c']);
    const two = ownersOf(['h-a', 'h-b']);
    for (const r of robots) if (three.get(r) !== 'h-c') expect(two.get(r)).toBe(three.get(r));
    const four = ownersOf(['h-a', 'h-b', 'h-c', 'h-d']);
    let moved = 0;
    for (const r of robots) {
      if (four.get(r) === three.get(r)) continue;
      expect(four.get(r)).toBe('h-d');
      moved++;
    }
    expect(Math.abs(moved - 750)).toBeLessThan(150);
  });

  it('with one hub, that hub has every robot', () => {
    expect([...ownersOf(['h-only']).values()].every((h) => h === 'h-only')).toBe(true);
  });
});
