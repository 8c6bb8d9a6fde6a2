/**
 * fast-check generators shared by the wire-protocol tests (not part of the
 * package's exports): parameter values full of the characters that break
 * hand-written signers.
 */
import * as fc from 'fast-check';

const TRICKY = [
  ...`*~+/!'()&=% #?[]@:;,$"<>\\^\`{|}`.split(''),
  '\n',
  '\t',
  '中',
  '文',
  '测试',
  '😀',
  '👍🏽',
  '\u{20000}',
  'é',
  'e\u0301',
  '%20',
  '%2A',
];

/** Text with Chinese, spaces, reserved punctuation, emoji (surrogate pairs) and empty strings. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom(...'abcXYZ019-_.~')), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constant(''),
);

/** A parameter name as Alibaba spells them (ASCII, PascalCase, no dots). */
export const name: fc.Arbitrary<string> = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,9}$/);

export const scalar: fc.Arbitrary<string | number | boolean> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
);

const dict = <T>(value: fc.Arbitrary<T>, maxKeys: number) => fc.dictionary(name, value, { maxKeys, noNullPrototype: true });

/** Any JSON parameter object: nested objects, repeat lists (lists of lists too), null/undefined leaves. */
export const nestedParams: fc.Arbitrary<Record<string, unknown>> = (() => {
  const tree = fc.letrec<{ value: unknown; list: unknown[]; obj: Record<string, unknown> }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      { weight: 6, arbitrary: scalar },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
      { weight: 2, arbitrary: tie('list') },
      { weight: 2, arbitrary: tie('obj') },
    ),
    list: fc.array(tie('value'), { maxLength: 4 }),
    obj: dict(tie('value'), 4),
  }));
  return dict(tree.value, 8);
})();

const COMMON = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Signature', 'SecurityToken']);

/**
 * The shapes pop-core 1.8.0 can flatten (top-level scalars and repeat lists
 * whose items are scalars or objects of scalars/lists), without the common
 * parameters (pop-core lets callers override them; we do not).
 */
export const popCoreParams: fc.Arbitrary<Record<string, unknown>> = (() => {
  const list = fc.array(scalar, { maxLength: 3 });
  const value = fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: list },
    { weight: 2, arbitrary: fc.array(dict(fc.oneof(scalar, list), 3), { maxLength: 3 }) },
  );
  return dict(value, 6).map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !COMMON.has(k))));
})();

/** Already flattened wire parameters (no Signature). */
export const wireParams: fc.Arbitrary<Record<string, string>> = fc
  .dictionary(fc.oneof(name, fc.tuple(name, fc.integer({ min: 1, max: 12 }), name).map(([a, i, b]) => `${a}.${i}.${b}`)), text, {
    maxKeys: 8,
    noNullPrototype: true,
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !COMMON.has(k))));
