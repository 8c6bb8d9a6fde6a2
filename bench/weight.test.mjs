// node --test bench/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGET, run } from './weight.mjs';

function site() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-weight-'));
  mkdirSync(join(dir, 'elements'));
  writeFileSync(join(dir, 'elements.js'), 'class A extends HTMLElement{};A.define("cen-a");export{A};');
  writeFileSync(join(dir, 'elements', 'cen-a.js'), 'import "./chunk-X.js";export const a=1;');
  writeFileSync(join(dir, 'elements', 'chunk-X.js'), 'export const shared=2;');
  writeFileSync(join(dir, 'elements', 'cen-b.js'), 'export const b=1;');
  return dir;
}

test('a small bundle passes and names the elements it lacks', async () => {
  const r = await run({ site: site(), build: false });
  assert.deepEqual(r.failures, []);
  assert.deepEqual(r.figures.bundle.missingElements, ['cen-b']);
  assert.equal(r.figures.entries.length, 2); // the chunk is not an entry
  assert.equal(r.figures.entries[0].imports, 1);
});

test('a bundle over 35 KB gzip fails the bench', async () => {
  const dir = site();
  appendFileSync(join(dir, 'elements.js'), `var x="${randomBytes(BUDGET).toString('base64')}";`);
  const r = await run({ site: dir, build: false });
  assert.equal(r.failures.length, 1);
  assert.match(r.failures[0], /over the budget of 35,840/);
});

test('zod in the bundle or in an element entry fails the bench', async () => {
  const dir = site();
  appendFileSync(join(dir, 'elements.js'), 'var s={};s._zod={def:{}};');
  appendFileSync(join(dir, 'elements', 'cen-b.js'), 'class $ZodType{}');
  const r = await run({ site: dir, build: false });
  assert.equal(r.failures.length, 2);
  assert.match(r.failures.join('\n'), /zod is in dist\/site\/elements\.js/);
  assert.match(r.failures.join('\n'), /zod is in dist\/site\/elements\/cen-b\.js/);
});
