/**
 * <cen-bandwidth-planner> against the real Worker on the emulator. The seeded
 * CEN has networks in cn-hangzhou, cn-shanghai and ap-southeast-1; a 20 Mbit/s
 * china ↔ asia-pacific package with a 10 Mbit/s limit between cn-hangzhou and
 * ap-southeast-1; no package for china ↔ china; and an idle north-america ↔
 * china package in the account.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/cen-bandwidth-planner.js';
import type { CenBandwidthPlanner, PlanAppliedDetail } from './cen-bandwidth-planner.js';
import { $, $$, clientAs, expectAccessible, nextEvent, resetWorld, SEED, setFaults, text, until } from '../../test/helpers.js';

const SEEDED_PACKAGE = 'cenbwp-4c2zaavbvh5fxdemo';
const IDLE_PACKAGE = 'cenbwp-8v2uywrvwqp3fdemo';
const HZ_SH = 'cn-hangzhou|cn-shanghai';
const HZ_SG = 'ap-southeast-1|cn-hangzhou';
const SH_SG = 'ap-southeast-1|cn-shanghai';

async function loaded(el: CenBandwidthPlanner): Promise<void> {
  await until(() => el.state === 'ready' || el.state === 'error' || el.state === 'empty', 'the planner to load', 10000);
  await el.updateComplete;
}

const pairRow = (el: CenBandwidthPlanner, key: string) => $(el, `[part="pair"][data-pair="${key}"]`);
const pairInput = (el: CenBandwidthPlanner, key: string) => pairRow(el, key).querySelector('input') as HTMLInputElement;

async function setLimit(el: CenBandwidthPlanner, key: string, value: string): Promise<void> {
  const input = pairInput(el, key);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const dialog = (el: CenBandwidthPlanner) => until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'the dialog to open');
const reviewButton = (el: CenBandwidthPlanner) => $(el, '[data-action="review"]') as HTMLButtonElement;

/** Records the /api calls the page makes, by observing window.fetch (the calls still go to the Worker). */
function watchApi(): { calls: string[]; stop: () => void } {
  const calls: string[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    if (url.pathname.startsWith('/api/')) calls.push(url.pathname.slice(5));
    return original.call(window, input, init);
  };
  return { calls, stop: () => void (window.fetch = original) };
}

async function chinaPackages(): Promise<{ CenBandwidthPackageId: string; CenIds: { CenId: string[] } }[]> {
  const r = await clientAs('A').allPages('DescribeCenBandwidthPackages', {}, { pageSize: 50 });
  return r.items.filter((p) => p.GeographicRegionAId === 'china' && p.GeographicRegionBId === 'china') as never;
}

/** Sets a purchase for the china ↔ china span in the planner's offer form. */
async function planPurchase(el: CenBandwidthPlanner, bandwidth: string): Promise<void> {
  const offer = $(el, '[data-offer="china_china"]');
  const bw = offer.querySelector('input[name="Bandwidth"]') as HTMLInputElement;
  bw.value = bandwidth;
  bw.dispatchEvent(new Event('input'));
  await el.updateComplete;
  (offer.querySelector('[data-action="buy"]') as HTMLElement).click();
  await el.updateComplete;
}

describe('cen-bandwidth-planner', () => {
  beforeEach(async () => {
    await resetWorld();
  });

  it('shows the packages with their allocation, and the limits by area pair', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    expect(el.state).to.equal('ready');
    const meter = $(el, `[data-package="${SEEDED_PACKAGE}"] [role="meter"]`);
    expect(meter.getAttribute('aria-valuenow')).to.equal('10');
    expect(meter.getAttribute('aria-valuemax')).to.equal('20');
    expect(meter.getAttribute('aria-valuetext')).to.equal('10 of 20 Mbit/s allocated');
    expect($$(el, '[part="span"]').map((s) => s.getAttribute('data-span'))).to.deep.equal(['asia-pacific_china', 'china_china']);
    expect($$(el, '[part="pair"]').map((r) => r.getAttribute('data-pair'))).to.deep.equal([HZ_SG, SH_SG, HZ_SH]);
    expect(pairInput(el, HZ_SG).value).to.equal('10');
    expect(text(pairRow(el, HZ_SG))).to.contain('Active');
    // The server's word on what is left.
    expect($(el, '[data-span="asia-pacific_china"] [data-server-remaining]').getAttribute('data-server-remaining')).to.equal('10');
    // The idle package of the account is listed apart.
    expect($(el, `[part="idle-packages"] [data-package="${IDLE_PACKAGE}"]`)).to.exist;
    await expectAccessible(el);
  });

  it('does the cross-region scenario: buy, associate, set a limit, see it Active', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    await setLimit(el, HZ_SH, '5');
    expect(text(pairRow(el, HZ_SH))).to.contain('No bandwidth package for this area pair');
    expect(reviewButton(el).disabled).to.equal(true);
    await planPurchase(el, '10');
    expect(text($(el, '[data-offer="china_china"]'))).to.contain('buys a 10 Mbit/s subscription package');
    expect(pairInput(el, HZ_SH).getAttribute('aria-invalid')).to.equal('false');
    expect(reviewButton(el).disabled).to.equal(false);
    await expectAccessible(el, 'planner with a pending purchase');

    reviewButton(el).click();
    const d = await dialog(el);
    expect($$(el, 'dialog [data-diff] li').map((li) => li.getAttribute('data-kind'))).to.deep.equal(['buy', 'associate', 'raise']);
    expect(text(d)).to.contain('costs money');
    const apply = d.querySelector('[data-action="apply"]') as HTMLButtonElement;
    expect(apply.disabled).to.equal(true);
    await expectAccessible(el, 'review dialog');
    (d.querySelector('[data-cost-ack]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(apply.disabled).to.equal(false);

    const applied = nextEvent<PlanAppliedDetail>(el, 'cen-plan-applied', 30000);
    apply.click();
    const detail = (await applied).detail;
    expect(detail.failed).to.equal(undefined);
    expect(detail.applied.map((s) => s.kind)).to.deep.equal(['buy', 'associate', 'raise']);
    const bought = detail.applied[0]!.CenBandwidthPackageId!;
    expect(bought).to.match(/^cenbwp-/);
    expect(detail.applied[1]!.CenBandwidthPackageId).to.equal(bought);
    expect(detail.applied.every((s) => typeof s.RequestId === 'string')).to.equal(true);

    await until(() => el.shadowRoot!.querySelector('dialog [data-result]'), 'the result');
    expect($$(el, 'dialog [data-progress] li').map((li) => li.getAttribute('data-phase'))).to.deep.equal(['done', 'done', 'done']);
    await expectAccessible(el, 'result dialog');
    $(el, 'dialog [data-focus]').click();

    // The true state, reloaded: the limit is Active at 5 on the new, associated package.
    await until(() => el.shadowRoot!.querySelector(`[part="pair"][data-pair="${HZ_SH}"] [data-status="Active"]`), 'the limit to show Active');
    expect(pairInput(el, HZ_SH).value).to.equal('5');
    expect(text($(el, `[part="packages"] [data-package="${bought}"]`))).to.contain('In use');
    expect(text($(el, '[part="plan"]'))).to.contain('No changes yet');
    const limits = await clientAs('A').DescribeCenInterRegionBandwidthLimits({ CenId: SEED.cenId });
    const limit = limits.CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit.find((l) => l.OppositeRegionId === 'cn-shanghai' || l.LocalRegionId === 'cn-shanghai');
    expect(limit).to.include({ BandwidthLimit: 5, Status: 'Active', BandwidthPackageId: bought });
  });

  it('catches over-allocation and a missing package before any call', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    const api = watchApi();
    try {
      // 10 of 20 are used by cn-hangzhou ↔ ap-southeast-1: 15 more is 5 too many.
      await setLimit(el, SH_SG, '15');
      expect(pairInput(el, SH_SG).getAttribute('aria-invalid')).to.equal('true');
      expect(text(pairRow(el, SH_SG))).to.contain('Exceeds the package by 5 Mbit/s');
      expect(text($(el, '[data-span="asia-pacific_china"] .over'))).to.contain('5');
      expect(reviewButton(el).disabled).to.equal(true);
      expect(text($(el, '[part="plan"]'))).to.contain('One change needs attention');
      await expectAccessible(el, 'over-allocated plan');

      await setLimit(el, HZ_SH, '3');
      expect(text(pairRow(el, HZ_SH))).to.contain('No bandwidth package');
      reviewButton(el).click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('dialog[open]')).to.equal(null);
      await setLimit(el, HZ_SG, '1.5');
      expect(text(pairRow(el, HZ_SG))).to.contain('whole number');
      expect(api.calls).to.deep.equal([]);

      // The offer fixes it: resize the package to what the plan needs.
      await setLimit(el, HZ_SH, '0');
      await setLimit(el, HZ_SG, '10');
      ($(el, '[data-span="asia-pacific_china"] [data-action="resize"]') as HTMLElement).click();
      await el.updateComplete;
      expect((el.shadowRoot!.querySelector(`#resize-${SEEDED_PACKAGE}`) as HTMLInputElement).value).to.equal('25');
      expect(reviewButton(el).disabled).to.equal(false);
      expect($$(el, '[part="plan"] [data-diff] li').map((li) => li.getAttribute('data-kind'))).to.deep.equal(['grow', 'raise']);
      expect(api.calls).to.deep.equal([]);
    } finally {
      api.stop();
    }
  });

  it('reports a partial failure exactly, reloads, and a retried apply never buys twice', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    await setLimit(el, HZ_SH, '4');
    await planPurchase(el, '8');
    await setFaults({ failNext: [{ Action: 'AssociateCenBandwidthPackage', Code: 'InvalidOperation.BwpBusinessStatus', count: 1 }] });
    reviewButton(el).click();
    const d = await dialog(el);
    (d.querySelector('[data-cost-ack]') as HTMLInputElement).click();
    await el.updateComplete;
    const first = nextEvent<PlanAppliedDetail>(el, 'cen-plan-applied', 30000);
    (d.querySelector('[data-action="apply"]') as HTMLElement).click();
    const r1 = (await first).detail;
    expect(r1.applied.map((s) => s.kind)).to.deep.equal(['buy']);
    expect(r1.failed).to.include({ kind: 'associate', Code: 'InvalidOperation.BwpBusinessStatus' });
    expect(r1.failed!.RequestId).to.match(/\S{8,}/);
    expect(r1.notRun.map((s) => s.kind)).to.deep.equal(['raise']);
    const result = await until(() => el.shadowRoot!.querySelector('dialog [data-result]'), 'the result');
    expect(result.getAttribute('role')).to.equal('alert');
    expect(text(result)).to.contain('InvalidOperation.BwpBusinessStatus');
    expect(text(result)).to.contain(r1.failed!.RequestId!);
    expect(text(result)).to.contain('Not run: Set China (Hangzhou) ↔ China (Shanghai) to 4 Mbit/s');
    expect($$(el, 'dialog [data-progress] li').map((li) => li.getAttribute('data-phase'))).to.deep.equal(['done', 'failed', 'notRun']);
    await expectAccessible(el, 'partial failure');
    $(el, 'dialog [data-focus]').click();
    await until(() => !el.shadowRoot!.querySelector('dialog[open]'), 'the dialog to close');

    // The true state again: the bought package is in the account, not on the CEN; the changes are kept.
    await until(() => el.shadowRoot!.querySelector(`[part="idle-packages"] [data-package="${r1.applied[0]!.CenBandwidthPackageId}"]`), 'the bought package to show as idle');
    expect(pairInput(el, HZ_SH).value).to.equal('4');
    expect((await chinaPackages()).length).to.equal(1);

    // Apply again: the purchase replays (same Idempotency-Key), so nothing is bought twice.
    reviewButton(el).click();
    const d2 = await dialog(el);
    (d2.querySelector('[data-cost-ack]') as HTMLInputElement).click();
    await el.updateComplete;
    const second = nextEvent<PlanAppliedDetail>(el, 'cen-plan-applied', 30000);
    (d2.querySelector('[data-action="apply"]') as HTMLElement).click();
    const r2 = (await second).detail;
    expect(r2.failed).to.equal(undefined);
    expect(r2.applied.map((s) => s.kind)).to.deep.equal(['buy', 'associate', 'raise']);
    expect(r2.applied[0]!.CenBandwidthPackageId).to.equal(r1.applied[0]!.CenBandwidthPackageId);
    const after = await chinaPackages();
    expect(after.length).to.equal(1);
    expect(after[0]!.CenIds.CenId).to.deep.equal([SEED.cenId]);
  });

  it('refuses to unassociate or delete a package while limits use it, and does both once they are 0', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    const row = () => $(el, `[part="packages"] [data-package="${SEEDED_PACKAGE}"]`);
    const unassociate = () => row().querySelector('[data-action="unassociate"]') as HTMLButtonElement;
    expect(unassociate().disabled).to.equal(true);
    expect((row().querySelector('[data-action="delete"]') as HTMLButtonElement).disabled).to.equal(true);
    expect(text(row().querySelector('.refusal')!)).to.contain('Set its limits to 0 first');
    expect(text(row().querySelector('.refusal')!)).to.contain('10 Mbit/s');
    expect(unassociate().getAttribute('aria-describedby')).to.equal(`refusal-${SEEDED_PACKAGE}`);

    // Remove the limit through the planner.
    await setLimit(el, HZ_SG, '0');
    expect($$(el, '[part="plan"] [data-diff] li').map((li) => li.getAttribute('data-kind'))).to.deep.equal(['lower']);
    reviewButton(el).click();
    const d = await dialog(el);
    const applied = nextEvent<PlanAppliedDetail>(el, 'cen-plan-applied', 30000);
    (d.querySelector('[data-action="apply"]') as HTMLElement).click();
    expect((await applied).detail.failed).to.equal(undefined);
    $(el, 'dialog [data-focus]').click();
    await until(() => !unassociate().disabled, 'unassociate to be allowed');

    unassociate().click();
    const confirm = await dialog(el);
    expect(text(confirm)).to.contain('still billed');
    (confirm.querySelector('[data-action="confirm"]') as HTMLElement).click();
    await until(() => el.shadowRoot!.querySelector(`[part="idle-packages"] [data-package="${SEEDED_PACKAGE}"]`), 'the package to become idle');

    ($(el, `[part="idle-packages"] [data-package="${SEEDED_PACKAGE}"] [data-action="delete"]`) as HTMLElement).click();
    const confirmDelete = await dialog(el);
    expect(text(confirmDelete)).to.contain('cannot be undone');
    (confirmDelete.querySelector('[data-action="confirm"]') as HTMLElement).click();
    await until(() => !el.shadowRoot!.querySelector(`[data-package="${SEEDED_PACKAGE}"]`), 'the package to be gone');
    const left = await clientAs('A').DescribeCenBandwidthPackages({ Filter: [{ Key: 'CenBandwidthPackageId', Value: [SEEDED_PACKAGE] }] });
    expect(left.CenBandwidthPackages.CenBandwidthPackage).to.deep.equal([]);
  });

  it('offers an idle package of the account instead of buying', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    ($(el, `[part="idle-packages"] [data-package="${IDLE_PACKAGE}"] [data-action="associate"]`) as HTMLElement).click();
    await el.updateComplete;
    expect($$(el, '[part="plan"] [data-diff] li').map((li) => li.getAttribute('data-kind'))).to.deep.equal(['associate']);
    reviewButton(el).click();
    const d = await dialog(el);
    // No purchase: no money warning.
    expect(d.querySelector('[data-cost-ack]')).to.equal(null);
    const applied = nextEvent<PlanAppliedDetail>(el, 'cen-plan-applied', 30000);
    (d.querySelector('[data-action="apply"]') as HTMLElement).click();
    expect((await applied).detail.applied[0]).to.include({ kind: 'associate', CenBandwidthPackageId: IDLE_PACKAGE });
    $(el, 'dialog [data-focus]').click();
    await until(() => el.shadowRoot!.querySelector(`[part="packages"] [data-package="${IDLE_PACKAGE}"]`), 'the package to be associated');
  });

  it('applies a change with the keyboard alone', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    const input = pairInput(el, HZ_SG);
    input.focus();
    input.select();
    await sendKeys({ type: '8' });
    await el.updateComplete;
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    for (let i = 0; i < 30 && focused()?.getAttribute('data-action') !== 'review'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('data-action')).to.equal('review');
    await sendKeys({ press: 'Enter' });
    await dialog(el);
    for (let i = 0; i < 5 && focused()?.getAttribute('data-action') !== 'apply'; i++) await sendKeys({ press: 'Tab' });
    const applied = nextEvent<PlanAppliedDetail>(el, 'cen-plan-applied', 30000);
    await sendKeys({ press: 'Enter' });
    const r = (await applied).detail;
    expect(r.applied).to.have.length(1);
    expect(r.applied[0]).to.include({ kind: 'lower', from: 10, to: 8 });
    await until(() => focused()?.hasAttribute('data-focus'), 'focus on the close button');
    await sendKeys({ press: 'Enter' });
    await until(() => !el.shadowRoot!.querySelector('dialog[open]'), 'the dialog to close');
    await until(() => pairInput(el, HZ_SG).value === '8' && text(pairRow(el, HZ_SG)).includes('8 Mbit/s'), 'the new limit');
  });

  it('shows a package that expires within 7 days prominently', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[data-soon]')).to.equal(null);
    // Three weeks later the idle month-long package is days from its end.
    const realNow = Date.now;
    const later = realNow() + 21 * 86_400_000;
    Date.now = () => later;
    try {
      el.requestUpdate();
      await el.updateComplete;
      const soon = $$(el, '[data-soon]');
      expect(soon.length).to.equal(1);
      expect(soon[0]!.closest('[data-package]')!.getAttribute('data-package')).to.equal(IDLE_PACKAGE);
      expect(text(soon[0]!)).to.match(/Expires in \d days|Expires within a day|Expired/);
      await expectAccessible(el, 'expiry warning');
    } finally {
      Date.now = realNow;
    }
  });

  it('shows an accessible skeleton while loading', async () => {
    await setFaults({ latencyMs: 800, actions: ['DescribeCenInterRegionBandwidthLimits'] });
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await until(() => el.state === 'loading' && el.shadowRoot!.querySelector('[part="skeleton"]'), 'the skeleton');
    await expectAccessible(el, 'planner loading');
    await loaded(el);
    expect(el.state).to.equal('ready');
  });

  it('shows a load failure with Code and RequestId, and Retry recovers', async () => {
    await setFaults({ failNext: [{ Action: 'DescribeCenInterRegionBandwidthLimits', Code: 'Forbidden.RAM', count: 1 }] });
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    expect(el.state).to.equal('error');
    expect(text($(el, '[part="error-code"]'))).to.equal('Forbidden.RAM');
    expect(text($(el, '[part="error-request-id"]'))).to.match(/\S{8,}/);
    await expectAccessible(el, 'load error');
    $(el, '[part="retry"]').click();
    await until(() => el.state === 'ready', 'the retry');
  });

  it('speaks Simplified Chinese (and passes axe in dark theme)', async () => {
    const el = await fixture<CenBandwidthPlanner>(html`<cen-bandwidth-planner lang="zh-CN" theme="dark" cen-id=${SEED.cenId}></cen-bandwidth-planner>`);
    await loaded(el);
    expect(text($(el, '#packages-title'))).to.equal('带宽包');
    expect($(el, `[data-package="${SEEDED_PACKAGE}"] [role="meter"]`).getAttribute('aria-valuetext')).to.equal('已分配 10 / 20 Mbps');
    await setLimit(el, SH_SG, '15');
    expect(text(pairRow(el, SH_SG))).to.contain('超出带宽包 5 Mbps');
    await expectAccessible(el, 'zh-CN dark');
  });
});
