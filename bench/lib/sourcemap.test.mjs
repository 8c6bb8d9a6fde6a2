// node --test bench/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marginalGzip, owners } from './sourcemap.mjs';

// "AAAA": column 0, source 0, line 0, column 0; "ECAA": column +2, source +1.
const map = { version: 3, sources: ['a.js', 'b.js'], mappings: 'AAAA,ECAA' };

test('owners says which source wrote each character', () => {
  assert.deepEqual([...owners('xxyyy', map)], [0, 0, 1, 1, 1]);
  // A second line starts again at column 0; a 1-field segment is code of no source.
  assert.deepEqual([...owners('xy\nzz', { version: 3, sources: ['a.js', 'b.js'], mappings: 'AAAA,CCAA;C' })], [0, 1, 1, 1, -1]);
});

test('marginalGzip costs each group by leaving its bytes out', () => {
  const code = 'a'.repeat(50) + 'qwertyuiopasdfghjklzxcvbnm'.repeat(3);
  const m = marginalGzip(code, { version: 3, sources: ['a.js', 'b.js'], mappings: 'AAAA,kDCAA' }, (s) => s);
  assert.equal(m.groups.length, 2);
  assert.ok(m.groups.every((g) => g.gzip > 0));
  assert.deepEqual(m.groups.map((g) => g.raw).sort((x, y) => x - y), [50, 78]);
});
