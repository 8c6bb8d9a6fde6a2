// The portal's theme and language switches, checked by what they change, with
// screenshots in light and dark and in both languages (e2e/screenshots/), and
// the README's screenshot (docs/screenshot-portal.png).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(rgb) {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** @param {typeof import('../lib/runner.mjs').test} test @param {ReturnType<typeof import('../lib/context.mjs').createContext>} ctx */
export function register(test, ctx) {
  test(
    'portal look: theme and language switches, screenshots light/dark × en/zh-CN',
    async () => {
      const shots = join(ctx.root, 'e2e/screenshots');
      mkdirSync(shots, { recursive: true });
      mkdirSync(join(ctx.root, 'docs'), { recursive: true });
      const { page, check, close } = await ctx.page({ width: 1400, height: 1100 });
      await page.goto(ctx.url('/'));
      const list = page.locator('#list');
      const row = list.locator('tr[data-cen-id]', { hasText: 'demo-cen' });
      await row.locator('td').first().click();
      await page.locator('#attach').locator('tr[data-child]').first().waitFor();
      await page.waitForTimeout(800); // let the other panels settle before the picture

      const state = () =>
        page.evaluate(() => ({
          scheme: getComputedStyle(document.documentElement).colorScheme,
          lang: document.documentElement.lang,
          themes: [...document.querySelectorAll('cen-list, cen-attach-form, cen-bandwidth-planner, cen-route-table, cen-vbr-health-check')].map((e) => e.getAttribute('theme')),
          langs: [...document.querySelectorAll('cen-list, cen-attach-form, cen-bandwidth-planner, cen-route-table, cen-vbr-health-check')].map((e) => e.getAttribute('lang')),
          listBg: getComputedStyle(/** @type {Element} */ (document.querySelector('cen-list'))).backgroundColor,
          pageBg: getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor,
        }));

      await page.screenshot({ path: join(ctx.root, 'docs/screenshot-portal.png'), fullPage: false });
      await page.screenshot({ path: join(shots, 'portal-light-en.png'), fullPage: true });
      let s = await state();
      assert.ok(luminance(s.listBg) > 0.8, `light list background expected, got ${s.listBg}`);

      await page.getByRole('button', { name: 'Dark' }).click();
      s = await state();
      assert.equal(s.scheme, 'dark');
      assert.ok(s.themes.every((t) => t === 'dark'), `every element should have theme=dark: ${s.themes}`);
      assert.ok(luminance(s.listBg) < 0.2, `dark list background expected, got ${s.listBg}`);
      await page.screenshot({ path: join(shots, 'portal-dark-en.png'), fullPage: true });

      await page.getByRole('button', { name: '简体中文' }).click();
      s = await state();
      assert.equal(s.lang, 'zh-CN');
      assert.ok(s.langs.every((l) => l === 'zh-CN'), `every element should have lang=zh-CN: ${s.langs}`);
      await list.getByRole('columnheader', { name: '名称' }).waitFor();
      await page.getByRole('heading', { name: '云企业网实例' }).first().waitFor();
      await page.screenshot({ path: join(shots, 'portal-dark-zh-CN.png'), fullPage: true });

      await page.getByRole('button', { name: '浅色' }).click();
      s = await state();
      assert.equal(s.scheme, 'light');
      await page.screenshot({ path: join(shots, 'portal-light-zh-CN.png'), fullPage: true });

      // The choice is remembered on the next visit.
      await page.reload();
      await list.getByRole('columnheader', { name: '名称' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await page.getByRole('button', { name: 'English' }).click();

      await page.goto(ctx.url('/docs.html'));
      await page.locator('#docs-list').locator('tr[data-cen-id]').first().waitFor();
      await page.screenshot({ path: join(shots, 'docs-light-en.png'), fullPage: true });
      check();
      await close();
    },
    { timeout: 60_000 },
  );
}
