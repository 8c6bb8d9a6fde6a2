import { describe, expect, test } from 'vitest';
import * as fc from 'fast-check';
import { percentEncode } from './encode.js';

describe('percentEncode', () => {
  test('keeps only the unreserved set and encodes the rest as upper-case %XX of UTF-8', () => {
    expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
    expect(percentEncode(' ')).toBe('%20');
    expect(percentEncode("*+/!'()&=%:")).toBe('%2A%2B%2F%21%27%28%29%26%3D%25%3A');
    expect(percentEncode('测试')).toBe('%E6%B5%8B%E8%AF%95');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
    expect(percentEncode('')).toBe('');
  });

  test('output only ever holds unreserved characters and %XX, and decodes back to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const e = percentEncode(s);
        expect(e).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(e)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  test('a lone surrogate is refused with a message that says why, without the value', () => {
    expect(() => percentEncode('secret\uD800x')).toThrow(/lone UTF-16 surrogate at index 6/);
    expect(() => percentEncode('secret\uD800x')).not.toThrow(/secret/);
  });
});
