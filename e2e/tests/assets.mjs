// The Worker serves the elements itself: /elements.js (short cache), the same
// bytes under /elements/v<version>/ (immutable), per-element files and the
// manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {typeof import('../lib/runner.mjs').test} test @param {ReturnType<typeof import('../lib/context.mjs').createContext>} ctx */
export function register(test, ctx) {
  test('assets: /elements.js, its versioned URL, per-element files and /custom-elements.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ctx.root, 'packages/elements/package.json'), 'utf8'));
    const bundle = await fetch(ctx.url('/elements.js'));
    assert.equal(bundle.status, 200, '/elements.js');
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    const short = bundle.headers.get('cache-control') ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(short)?.[1]);
    assert.ok(maxAge <= 3600 && !/immutable/.test(short), `/elements.js should have a short cache, has "${short}"`);
    const body = await bundle.text();
    assert.equal(body, readFileSync(join(ctx.root, 'dist/site/elements.js'), 'utf8'), '/elements.js is not dist/site/elements.js');

    const pinned = await fetch(ctx.url(`/elements/v${version}/elements.js`));
    assert.equal(pinned.status, 200, `/elements/v${version}/elements.js`);
    assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await pinned.text(), body, 'the versioned URL serves other bytes');
    assert.equal((await fetch(ctx.url('/elements/v0.0.0-nope/elements.js'))).status, 404, 'an unknown version must be a 404');

    const one = await fetch(ctx.url('/elements/cen-list.js'));
    assert.equal(one.status, 200, '/elements/cen-list.js');
    // Its shared chunks resolve next to it, under the versioned URL too.
    const chunk = /from\s*"\.\/([\w-]+\.js)"/.exec(await one.text())?.[1];
    if (chunk) assert.equal((await fetch(ctx.url(`/elements/v${version}/${chunk}`))).status, 200, `chunk ${chunk}`);

    const manifest = await fetch(ctx.url('/custom-elements.json'));
    assert.equal(manifest.status, 200);
    assert.match(manifest.headers.get('content-type') ?? '', /json/);
    const m = await manifest.json();
    const tags = m.modules.flatMap((x) => (x.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    for (const t of ['cen-list', 'cen-attach-form']) assert.ok(tags.includes(t), `manifest lacks ${t}`);
  });
}
