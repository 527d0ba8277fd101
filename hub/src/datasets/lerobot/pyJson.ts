// JSON text exactly as Python's json module writes it, because LeRobot's
// files are written by Python: `json.dumps(x)` (", " and ": " separators,
// ASCII-escaped) inside parquet metadata, and `json.dump(x, indent=4,
// ensure_ascii=False)` for meta/info.json and meta/stats.json. JavaScript
// numbers do not say int or float, so floats that happen to be integral are
// wrapped in PyFloat to print as "1.0".

export class PyFloat {
  constructor(readonly value: number) {}
}

export const pyFloat = (v: number): PyFloat => new PyFloat(v);

/** Python's repr(float): shortest round-trip digits, exponent form below 1e-4 and from 1e16, ".0" on integral values. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let s: string;
  if (exp < -4 || exp >= 16) {
    s = `${digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    s = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    s = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    s = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return negative ? `-${s}` : s;
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function pyString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (c < 0x20 || (ensureAscii && c > 0x7e)) {
      const unit = (u: number): string => `\\u${u.toString(16).padStart(4, '0')}`;
      out += c > 0xffff ? unit(0xd800 + ((c - 0x10000) >> 10)) + unit(0xdc00 + ((c - 0x10000) & 0x3ff)) : unit(c);
    } else out += ch;
  }
  return `${out}"`;
}

export type PyValue = null | boolean | number | bigint | string | PyFloat | PyValue[] | { [key: string]: PyValue };

/** json.dumps(value) when indent is undefined, json.dump(value, indent=N) otherwise. */
export function pyJson(value: PyValue, options: { indent?: number; ensureAscii?: boolean } = {}, level = 0): string {
  const { indent, ensureAscii = true } = options;
  const open = indent === undefined ? '' : `\n${' '.repeat(indent * (level + 1))}`;
  const close = indent === undefined ? '' : `\n${' '.repeat(indent * level)}`;
  const sep = indent === undefined ? ', ' : ',';
  if (value === null) return 'null';
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pyString(value, ensureAscii);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((v) => pyJson(v, options, level + 1)).join(sep + open)}${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{${open}${entries.map(([k, v]) => `${pyString(k, ensureAscii)}: ${pyJson(v, options, level + 1)}`).join(sep + open)}${close}}`;
}
