// node --test bench/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternate, median, percentile } from './stats.mjs';

test('percentile is nearest-rank and does not reorder its input', () => {
  const xs = [5, 1, 4, 2, 3];
  assert.equal(median(xs), 3);
  assert.equal(percentile(xs, 99), 5);
  assert.equal(percentile(xs, 20), 1);
  assert.deepEqual(xs, [5, 1, 4, 2, 3]);
  assert.ok(Number.isNaN(median([])));
});

test('alternate runs the variants round-robin', async () => {
  const order = [];
  const out = await alternate({ a: async (r) => order.push(`a${r}`), b: async (r) => order.push(`b${r}`) }, 2);
  assert.deepEqual(order, ['a0', 'b0', 'a1', 'b1']);
  assert.equal(out.a.length, 2);
});
