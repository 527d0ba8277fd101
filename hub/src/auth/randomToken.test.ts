import { describe, expect, it } from 'vitest';
import { randomToken } from './randomToken.ts';

describe('randomToken', () => {
  it('never starts with a dash, so it can follow an option on a command line', () => {
    // 64 ** -1 per draw: 5000 draws would show about 78 dashes if they were not redrawn.
    const tokens = Array.from({ length: 5000 }, () => randomToken());
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => /^[A-Za-z0-9_][A-Za-z0-9_-]{42}$/.test(t))).toBe(true);
  });
});
