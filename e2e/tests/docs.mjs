// The docs page works with nothing but one script tag: the elements upgrade
// and show the seeded world, configured by attributes alone.
import assert from 'node:assert/strict';

const SEED_CEN = 'cen-7qthudw0ll6jmcdemo1';

/** @param {typeof import('../lib/runner.mjs').test} test @param {ReturnType<typeof import('../lib/context.mjs').createContext>} ctx */
export function register(test, ctx) {
  test('docs page: one script tag, every element upgraded and showing data', async () => {
    const { page, check } = await ctx.page();
    await page.goto(ctx.url('/docs.html'));
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.getAttribute('src'), type: s.type, inline: s.textContent.trim().length })));
    assert.deepEqual(scripts, [{ src: '/elements.js', type: 'module', inline: 0 }], 'the docs page must have exactly one script element, /elements.js');
    // No inline handlers either: the page is HTML and attributes.
    assert.equal(await page.locator('[onclick],[onload],[onerror]').count(), 0);

    const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('cen-')))]);
    assert.ok(tags.length >= 5, `expected the five elements on the page, found ${tags.join(', ')}`);
    await page.waitForFunction((ts) => ts.every((t) => customElements.get(t)), tags, { timeout: 10_000 }).catch(() => {});
    const undefinedTags = await page.evaluate((ts) => ts.filter((t) => !customElements.get(t)), tags);
    assert.deepEqual(undefinedTags, [], `not defined by /elements.js: ${undefinedTags.join(', ')}`);

    // Data, as a reader sees it.
    await page.locator('#docs-list').getByRole('row').filter({ hasText: 'demo-cen' }).waitFor();
    await page.locator('cen-bandwidth-planner').getByText('cenbwp-4c2zaavbvh5fxdemo').first().waitFor();
    await page.locator('cen-route-table').getByText('192.168.1.0/24').first().waitFor();
    await page.locator('cen-vbr-health-check').getByText('10.200.0.1').first().waitFor();

    // Choosing an instance in the list is followed without script (follow="#docs-list").
    await page.locator('#docs-list').locator('tr[data-cen-id]', { hasText: 'demo-cen' }).locator('td').first().click();
    await page.locator('cen-attach-form').locator(`tr[data-child]`).first().waitFor();
    assert.equal(await page.locator('cen-attach-form select#f-cen').inputValue(), SEED_CEN);
    check();
  });
}
