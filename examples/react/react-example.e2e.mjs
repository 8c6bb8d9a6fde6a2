// The React 19 example in headless Chromium against the real Worker: built
// with esbuild from the npm build of the elements, served at /examples/react/
// on the Worker's origin (so the elements' same-origin /api works), it must
// render the seeded CEN, and choosing it must call the React handler and
// reach the attach form through a property.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEED_CEN = 'cen-7qthudw0ll6jmcdemo1';

/** @param {(name: string, fn: () => Promise<void>, opts?: { timeout?: number }) => void} test @param {{ root: string, url: (p?: string) => string, page: Function }} ctx */
export function register(test, ctx) {
  test(
    'React 19 example: renders the seeded CEN, `oncen-select` calls the handler, `cenId` reaches the form',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'cen-e2e-react-'));
      try {
        if (!existsSync(join(ctx.root, 'packages/elements/dist/index.js'))) {
          const npm = spawnSync(process.execPath, ['packages/elements/build-npm.mjs'], { cwd: ctx.root, encoding: 'utf8' });
          assert.equal(npm.status, 0, npm.stderr);
        }
        const b = spawnSync(process.execPath, ['examples/react/build.mjs', out], { cwd: ctx.root, encoding: 'utf8' });
        assert.equal(b.status, 0, `the React example did not build:\n${b.stdout}${b.stderr}`);
        const app = readFileSync(join(out, 'app.js'), 'utf8');
        assert.doesNotMatch(app, /cen-kit-source|\/src\/define\//, 'the example must use the npm build, not the sources');

        const { page, check, close } = await ctx.page();
        const base = ctx.url('/examples/react/');
        // The example's two files come from the fresh build; everything else (/api) from the Worker.
        await page.route(`${base}**`, (route) => {
          const file = new URL(route.request().url()).pathname.replace('/examples/react/', '') || 'index.html';
          if (!['index.html', 'app.js'].includes(file)) return route.fulfill({ status: 404, body: 'not found' });
          return route.fulfill({ body: readFileSync(join(out, file)), contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html' });
        });
        await page.goto(base);
        await page.getByRole('heading', { name: 'cen-kit in React 19' }).waitFor();
        const row = page.locator('cen-list tr[data-cen-id]', { hasText: 'demo-cen' });
        await row.waitFor({ timeout: 15_000 });
        assert.equal(await page.getByTestId('selected').innerText(), 'none');

        await row.locator('td').first().click();
        await page.getByTestId('selected').getByText(SEED_CEN).waitFor();
        await page.getByRole('list', { name: 'Handler calls' }).getByText(`onSelect ${SEED_CEN}`).waitFor();
        // React passed cenId as a property: the form shows that CEN's networks.
        await page.waitForFunction((id) => document.querySelector('cen-attach-form')?.shadowRoot?.querySelector(/** @type {'select'} */ ('select#f-cen'))?.value === id, SEED_CEN);
        await page.locator('cen-attach-form tr[data-child]').first().waitFor();
        check();
        await close();
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    { timeout: 60_000 },
  );
}
