import { describe, expect, test } from 'vitest';
import * as fc from 'fast-check';
import { flattenParams, unflattenParams } from './flatten.js';
import { canonicalQuery } from './sign.js';
import { name, text } from './test-arbitraries.js';

/** JSON parameters as callers send them: text leaves, non-empty lists and objects, no null. */
const cleanParams = (() => {
  const tree = fc.letrec<{ value: unknown; list: unknown[]; obj: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, { weight: 4, arbitrary: text }, tie('list'), tie('obj')),
    list: fc.array(tie('value'), { minLength: 1, maxLength: 12 }),
    obj: fc.dictionary(name, tie('value'), { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
  }));
  return fc.dictionary(name, tree.value, { maxKeys: 6, noNullPrototype: true });
})();

describe('flattenParams', () => {
  test('repeat lists are 1-based, nested lists too', () => {
    expect(flattenParams({ Filter: [{ Key: 'Name', Value: ['prod', 'test'] }, { Key: 'CenId', Value: ['cen-1'] }], PageSize: 50 })).toEqual({
      'Filter.1.Key': 'Name',
      'Filter.1.Value.1': 'prod',
      'Filter.1.Value.2': 'test',
      'Filter.2.Key': 'CenId',
      'Filter.2.Value.1': 'cen-1',
      PageSize: '50',
    });
  });

  test('undefined and null are dropped (what is signed is what is sent); booleans, numbers and empty text are text', () => {
    expect(flattenParams({ A: undefined, B: null, C: true, D: false, E: 0, F: '', G: [null, 'x'], H: {} , I: [] })).toEqual({
      C: 'true',
      D: 'false',
      E: '0',
      F: '',
      'G.2': 'x',
    });
  });
});

describe('unflattenParams', () => {
  test('round trip: unflatten(flatten(x)) is x, and flatten(unflatten(w)) is w', () => {
    fc.assert(
      fc.property(cleanParams, (params) => {
        const wire = flattenParams(params);
        expect(unflattenParams(wire)).toEqual(params);
        expect(flattenParams(unflattenParams(wire))).toEqual(wire);
      }),
      { numRuns: 500 },
    );
  });

  test('Filter.10 comes after Filter.2 as an item, whatever order the names arrive in', () => {
    const filters = Array.from({ length: 12 }, (_, i) => ({ Key: 'CenId', Value: [`cen-${i + 1}`] }));
    const wire = flattenParams({ Filter: filters });
    // The canonical (signing) order is by text: 1, 10, 11, 12, 2 …
    expect(canonicalQuery(wire).split('&').map((p) => p.split('.')[1])).toEqual(['1', '1', '10', '10', '11', '11', '12', '12', '2', '2', '3', '3', '4', '4', '5', '5', '6', '6', '7', '7', '8', '8', '9', '9']);
    fc.assert(
      fc.property(fc.shuffledSubarray(Object.entries(wire), { minLength: 24, maxLength: 24 }), (entries) => {
        expect(unflattenParams(Object.fromEntries(entries))).toEqual({ Filter: filters });
      }),
      { numRuns: 50 },
    );
  });

  test('values stay text; a name that collides with a list keeps the deeper form in either order', () => {
    expect(unflattenParams({ PageSize: '50', Enabled: 'true' })).toEqual({ PageSize: '50', Enabled: 'true' });
    expect(unflattenParams({ Filter: 'x', 'Filter.1.Key': 'a' })).toEqual({ Filter: [{ Key: 'a' }] });
    expect(unflattenParams({ 'Filter.1.Key': 'a', Filter: 'x' })).toEqual({ Filter: [{ Key: 'a' }] });
  });

  test('a name from the network cannot reach Object.prototype', () => {
    const out = unflattenParams({ '__proto__.polluted': 'yes', 'constructor.prototype.polluted': 'yes', 'A.__proto__.polluted': 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(out))).toEqual({ ['__proto__']: { polluted: 'yes' }, constructor: { prototype: { polluted: 'yes' } }, A: { ['__proto__']: { polluted: 'yes' } } });
  });
});
