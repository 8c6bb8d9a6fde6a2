// node --test bench/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGET, partOf, run } from './weight.mjs';

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

test('what the bundle imports on demand is reported beside the budget, and must exist', async () => {
  const dir = site();
  appendFileSync(join(dir, 'elements.js'), 'const t=()=>import("./elements/locale-x.js");');
  let r = await run({ site: dir, build: false });
  assert.match(r.failures.join('\n'), /imports dist\/site\/elements\/locale-x\.js on demand, but it was not built/);
  // A big on-demand file does not count toward the budget (English pages never fetch it).
  writeFileSync(join(dir, 'elements', 'locale-x.js'), `export const locale="${randomBytes(BUDGET).toString('base64')}";`);
  r = await run({ site: dir, build: false });
  assert.deepEqual(r.failures, []);
  assert.equal(r.figures.onDemand.length, 1);
  assert.ok(r.figures.onDemand[0].gzip > BUDGET);
  assert.match(r.markdown, /imported on demand/);
  // A static import does count.
  appendFileSync(join(dir, 'elements.js'), 'import "./elements/locale-x.js";');
  r = await run({ site: dir, build: false });
  assert.match(r.failures.join('\n'), /over the budget/);
});

test('sources are grouped into the parts of the product', () => {
  assert.equal(partOf('../../node_modules/lit-html/lit-html.js'), 'Lit');
  assert.equal(partOf('../../node_modules/@lit/reactive-element/css-tag.js'), 'Lit');
  assert.equal(partOf('../../packages/client/src/pages.ts'), '@cen-kit/client');
  assert.equal(partOf('../../packages/elements/src/components/cen-list/messages.ts'), '`<cen-list>` (class, styles, English messages)');
  assert.equal(partOf('../../packages/elements/src/lib/plan-runner.ts'), '`<cen-bandwidth-planner>` logic (src/lib)');
  assert.equal(partOf('../../packages/elements/src/base/cen-element.ts'), 'base class, shared views and styles, i18n');
});
