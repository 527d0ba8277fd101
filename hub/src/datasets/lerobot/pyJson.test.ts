import { describe, expect, it } from 'vitest';
import { pyFloat, pyFloatRepr, pyJson } from './pyJson.ts';

describe('Python-compatible JSON', () => {
  it('prints floats as Python repr does', () => {
    expect(pyFloatRepr(1)).toBe('1.0');
    expect(pyFloatRepr(0.1)).toBe('0.1');
    expect(pyFloatRepr(2.466666666666667)).toBe('2.466666666666667');
    expect(pyFloatRepr(-1.0000000000000002e-10)).toBe('-1.0000000000000002e-10');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(0.00001)).toBe('1e-05');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(123456789012345.6)).toBe('123456789012345.6');
  });

  it('writes json.dumps and json.dump(indent=4) layouts', () => {
    expect(pyJson({ a: [1, pyFloat(2)], b: 'é"' })).toBe('{"a": [1, 2.0], "b": "\\u00e9\\""}');
    expect(pyJson({ a: [1], b: null, c: {} }, { indent: 4, ensureAscii: false })).toBe('{\n    "a": [\n        1\n    ],\n    "b": null,\n    "c": {}\n}');
    expect(pyJson({ t: 'é' }, { indent: 4, ensureAscii: false })).toBe('{\n    "t": "é"\n}');
  });
});
