// The portal, driven as a user would (clicks, typing, picking options),
// through the three scenarios of the CEN API reference:
//   1. same region: create a CEN, attach two VPCs in one region;
//   2. cross-region: attach networks in two areas, buy and associate a
//      bandwidth package and set a limit with the planner;
//   3. cross-account: account B grants its VPC, account A attaches it.
// Each starts from the portal's front page; the world is the seeded one
// plus whatever earlier scenarios made (they use different networks).
import assert from 'node:assert/strict';

const ACCOUNT_A = '1688000000000001';
const ACCOUNT_B = '9188000000000002';
const ATTACH_WAIT = 20_000;

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** The value of the option whose text contains `text` (what the user reads to pick it). */
async function optionValue(select, text) {
  await select.locator('option', { hasText: text }).first().waitFor({ state: 'attached' });
  return select.evaluate((el, t) => [...el.options].find((o) => o.textContent.includes(t))?.value ?? '', text);
}

/** Clicks the row of the named CEN in the list and waits until it is selected; returns its CenId. */
async function chooseCen(page, name) {
  const row = page.locator('#list').locator('tr[data-cen-id]', { hasText: name }).first();
  await row.locator('[data-status="Active"]').waitFor({ timeout: 15_000 });
  await row.locator('td').first().click();
  await page.locator('#list').locator('tr[data-cen-id][aria-selected="true"]', { hasText: name }).waitFor();
  return /** @type {string} */ (await row.getAttribute('data-cen-id'));
}

/** Creates a CEN with the list's dialog; returns its CenId once it is Active. */
async function createCen(page, name, description) {
  const list = page.locator('#list');
  await list.getByRole('button', { name: 'Create CEN' }).first().click();
  const dialog = list.locator('dialog[open]');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Description').fill(description);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }));
  return chooseCen(page, name);
}

/** Attaches one of this account's VPCs, picked by name, with the attach form; waits for Attached. */
async function attachOwnVpc(page, cenId, region, vpcName) {
  const form = page.locator('#attach');
  // The form follows the list.
  await page.waitForFunction(
    (id) => document.querySelector('#attach')?.shadowRoot?.querySelector(/** @type {'select'} */ ('select#f-cen'))?.value === id,
    cenId,
  );
  await form.getByLabel('VPC', { exact: true }).check();
  await form.getByLabel('This account').check();
  const regionSelect = form.getByLabel('Region', { exact: true });
  await regionSelect.selectOption(await optionValue(regionSelect, `(${region})`));
  const networkSelect = form.getByLabel('Network', { exact: true });
  const vpcId = await optionValue(networkSelect, vpcName);
  assert.match(vpcId, /^vpc-/, `no ${vpcName} among the networks offered in ${region}`);
  await networkSelect.selectOption(vpcId);
  await form.getByRole('button', { name: 'Attach', exact: true }).click();
  await form.locator(`tr[data-child="${vpcId}"] [data-status="Attached"]`).waitFor({ timeout: ATTACH_WAIT });
  return vpcId;
}

/** @param {typeof import('../lib/runner.mjs').test} test @param {ReturnType<typeof import('../lib/context.mjs').createContext>} ctx */
export function register(test, ctx) {
  test(
    'portal scenario 1, same region: create a CEN and attach two VPCs in cn-beijing',
    async () => {
      const { page, check, close } = await ctx.page();
      await page.goto(ctx.url('/'));
      const cenId = await createCen(page, 'e2e-same-region', 'Two VPCs in Beijing');
      assert.match(cenId, /^cen-/);
      const a = await attachOwnVpc(page, cenId, 'cn-beijing', 'analytics-beijing');
      const b = await attachOwnVpc(page, cenId, 'cn-beijing', 'ml-beijing');
      assert.notEqual(a, b);
      // Exactly these two, both Attached, owned by account A.
      const rows = page.locator('#attach').locator('tr[data-child]');
      assert.equal(await rows.count(), 2);
      for (const id of [a, b]) assert.match(await page.locator('#attach').locator(`tr[data-child="${id}"]`).innerText(), new RegExp(ACCOUNT_A));
      // The page followed the new CEN's region, and the route table shows both VPCs' networks.
      await page.waitForFunction(() => /** @type {HTMLSelectElement} */ (document.querySelector('#route-region'))?.value === 'cn-beijing');
      if (await page.evaluate(() => !!customElements.get('cen-route-table'))) {
        await page.locator('#routes').getByText('172.16.1.0/24').first().waitFor({ timeout: 15_000 });
        await page.locator('#routes').getByText('172.17.1.0/24').first().waitFor({ timeout: 15_000 });
      }
      check();
      await close();
    },
    { timeout: 60_000 },
  );

  test(
    'portal scenario 2, cross-region: attach in two areas, buy a package and set a limit with the planner',
    async () => {
      const { page, check, close } = await ctx.page();
      await page.goto(ctx.url('/'));
      assert.ok(await page.evaluate(() => !!customElements.get('cen-bandwidth-planner')), '<cen-bandwidth-planner> is not in /elements.js');
      const cenId = await createCen(page, 'e2e-cross-region', 'Hong Kong and Frankfurt');
      await attachOwnVpc(page, cenId, 'cn-hongkong', 'edge-hongkong');
      await attachOwnVpc(page, cenId, 'eu-central-1', 'eu-frankfurt');

      const planner = page.locator('#planner');
      const pair = planner.locator('tr[data-pair]', { hasText: 'cn-hongkong' }).filter({ hasText: 'eu-central-1' });
      await pair.waitFor({ timeout: 15_000 });
      await pair.locator('input').fill('5');
      // Asia Pacific ↔ Europe has no package yet: buy 10 Mbit/s for a month.
      const offer = planner.locator('[data-offer]').filter({ has: page.locator('fieldset') });
      await offer.getByLabel('Bandwidth (Mbit/s)').fill('10');
      await offer.getByRole('button', { name: 'Add to plan' }).click();
      await planner.getByRole('button', { name: 'Review and apply' }).click();
      const dialog = planner.locator('dialog[open]');
      const apply = dialog.getByRole('button', { name: 'Apply', exact: true });
      assert.ok(await apply.isDisabled(), 'Apply must wait for the cost acknowledgement');
      await dialog.getByLabel('I understand that this costs money.').check();
      await apply.click();
      await dialog.locator('[data-result][role="status"]').waitFor({ timeout: 30_000 });
      const steps = await dialog.locator('[data-progress] li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-kind')}:${li.getAttribute('data-phase')}`));
      assert.ok(steps.length >= 3 && steps.every((s) => s.endsWith(':done')), `every step should be done: ${steps.join(', ')}`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      // The true state, reloaded: a 5 Mbit/s limit on a package of this CEN.
      await pair.getByText('5 Mbit/s').first().waitFor({ timeout: 15_000 });
      await planner.getByText(/cenbwp-/).first().waitFor();
      check();
      await close();
    },
    { timeout: 90_000 },
  );

  test(
    'portal scenario 3, cross-account: account B grants its VPC, account A attaches it',
    async () => {
      const { page, check, close } = await ctx.page();
      await page.goto(ctx.url('/'));
      const cenId = await chooseCen(page, 'demo-cen');

      // Account B's panel follows the chosen CEN and knows account A.
      const panel = page.locator('#panel-grant');
      await panel.waitFor();
      assert.equal(await panel.getByLabel('CEN instance ID').inputValue(), cenId);
      const region = panel.getByLabel('Region');
      await region.selectOption('cn-hangzhou');
      const network = panel.getByLabel("Account B's VPC");
      const vpcId = await optionValue(network, 'partner-hangzhou');
      await network.selectOption(vpcId);
      const owner = panel.getByLabel('Account ID of the CEN owner (account A)');
      await owner.fill('');
      await owner.type(ACCOUNT_A);
      await panel.locator('#grant-rules li', { hasText: 'Not granted' }).waitFor();

      // Account A first tries without the grant: the form says it is missing.
      const form = page.locator('#attach');
      await form.getByLabel('Another account').check();
      const regionSelect = form.getByLabel('Region', { exact: true });
      await regionSelect.selectOption(await optionValue(regionSelect, '(cn-hangzhou)'));
      await form.getByLabel("Owner's account ID").fill(ACCOUNT_B);
      await form.getByLabel('Network ID').fill(vpcId);
      await form.locator('[data-grant="missing"]').waitFor({ timeout: 10_000 });

      // Account B grants.
      await panel.getByRole('button', { name: 'Grant' }).click();
      await panel.locator('#grant-status[data-kind="ok"]').waitFor();
      await panel.locator(`#grant-rules li[data-cen-id="${cenId}"]`).waitFor();

      // Account A attaches (typing the ID again makes the form check the grant again).
      await form.getByLabel('Network ID').fill('');
      await form.getByLabel('Network ID').type(vpcId);
      await form.locator('[data-grant="ok"]').waitFor({ timeout: 10_000 });
      await form.getByRole('button', { name: 'Attach', exact: true }).click();
      const row = form.locator(`tr[data-child="${vpcId}"]`);
      await row.locator('[data-status="Attached"]').waitFor({ timeout: ATTACH_WAIT });
      // The owner is account B, exactly (its ID is above 2^53).
      assert.match(await row.innerText(), new RegExp(ACCOUNT_B));
      check();
      await close();
    },
    { timeout: 60_000 },
  );
}
