// The npm build of @cen-kit/elements: every export resolves to a built file
// for a consumer without our source condition, and its types type-check a
// small consumer (strictly: a wrong call must be an error).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {typeof import('../lib/runner.mjs').test} test @param {ReturnType<typeof import('../lib/context.mjs').createContext>} ctx */
export function register(test, ctx) {
  test(
    'npm package: build-npm.mjs builds ESM, .d.ts and the manifest that package.json exports',
    async () => {
      const r = spawnSync(process.execPath, ['packages/elements/build-npm.mjs'], { cwd: ctx.root, encoding: 'utf8', timeout: 90_000 });
      assert.equal(r.status, 0, `build-npm.mjs failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
      const pkgDir = join(ctx.root, 'packages/elements');
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
      assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.some((s) => s.includes('define')), 'sideEffects must list the define files');
      assert.ok(pkg.customElements && existsSync(join(pkgDir, pkg.customElements)), 'customElements must point at the built manifest');
      assert.ok(pkg.types && existsSync(join(pkgDir, pkg.types)), 'types must point at built declarations');

      // Resolve like Node does for a consumer (conditions: node, import, default).
      const defines = readFileSync(join(ctx.root, 'packages/elements/dist/custom-elements.json'), 'utf8');
      const manifest = JSON.parse(defines);
      const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName));
      const subpaths = Object.keys(pkg.exports).filter((k) => k.startsWith('./cen-'));
      for (const sub of ['.', ...subpaths, './custom-elements.json']) {
        const spec = sub === '.' ? '@cen-kit/elements' : `@cen-kit/elements${sub.slice(1)}`;
        if (sub !== '.' && !existsSync(join(pkgDir, 'src/define', `${sub.slice(2)}.ts`)) && sub !== './custom-elements.json') continue; // announced, not written yet
        const url = import.meta.resolve(spec);
        assert.match(url, /\/packages\/elements\/dist\//, `${spec} resolves to ${url}, not to dist`);
        assert.ok(existsSync(new URL(url)), `${spec} → ${url} does not exist`);
        if (sub.startsWith('./cen-')) assert.ok(tags.includes(sub.slice(2)), `the manifest does not describe <${sub.slice(2)}>`);
      }

      // Published code keeps Lit as an import (one copy per page) and carries no workspace specifiers.
      const index = readFileSync(join(pkgDir, 'dist/index.js'), 'utf8');
      assert.doesNotMatch(index, /@cen-kit\//, 'dist/index.js imports an unpublished workspace package');
    },
    { timeout: 100_000 },
  );

  test(
    'npm package: a TypeScript consumer type-checks against dist types (and a wrong call fails)',
    async () => {
      const dir = join(ctx.root, '.e2e/npm-consumer');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'consumer.ts'),
        `import { configure, CenList, type CenEventMap } from '@cen-kit/elements';
import '@cen-kit/elements/cen-attach-form';

configure({ api: '/api', profile: 'A' });
const list: CenList = document.createElement('cen-list');
list.pageSize = 20;
list.addEventListener('cen-select', (e) => {
  const id: string = e.detail.CenId;
  const d: CenEventMap['cen-select'] = e.detail;
  console.log(id, d);
});
const form = document.querySelector('cen-attach-form');
if (form) form.cenId = 'cen-abc';
// @ts-expect-error api must be a string
configure({ api: 42 });
`,
      );
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2023', 'dom', 'dom.iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
          files: ['consumer.ts'],
        }),
      );
      const r = spawnSync(process.execPath, [join(ctx.root, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, `the consumer did not type-check:\n${(r.stdout + r.stderr).slice(-3000)}`);
      rmSync(dir, { recursive: true, force: true });
    },
    { timeout: 70_000 },
  );
}
