/**
 * <cen-vbr-health-check> against the real Worker on the emulator: the seeded
 * CEN has the Hangzhou VBR attached, with a health check (target 10.200.0.1).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/cen-vbr-health-check.js';
import type { CenVbrHealthCheck } from './cen-vbr-health-check.js';
import { $, $$, clientAs, expectAccessible, nextEvent, resetWorld, SEED, setFaults, text, until } from '../../test/helpers.js';

const settled = (el: CenVbrHealthCheck) => until(() => el.state !== 'loading' && el.state, 'the health checks to load');
const dialog = (el: CenVbrHealthCheck) => until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'the dialog to open');
const rows = (el: CenVbrHealthCheck) => $$(el, '[part="row"]');

/** Counts the calls the page makes to /api (observing window.fetch, not replacing what it does). */
function countApiCalls(): { calls: string[]; stop: () => void } {
  const calls: string[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname.startsWith('/api/')) calls.push(new URL(url, location.href).pathname.slice(5));
    return original.call(window, input, init);
  };
  return { calls, stop: () => void (window.fetch = original) };
}

describe('cen-vbr-health-check', () => {
  beforeEach(async () => {
    await resetWorld();
  });

  it('lists the health checks of a region', async () => {
    const el = await fixture<CenVbrHealthCheck>(html`<cen-vbr-health-check region="cn-hangzhou" cen-id=${SEED.cenId}></cen-vbr-health-check>`);
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(rows(el).map((r) => r.getAttribute('data-vbr'))).to.deep.equal([SEED.vbrHangzhou]);
    expect(text(rows(el)[0]!)).to.contain('10.200.0.1');
    await expectAccessible(el);
  });

  it('disables a health check after confirmation, then enables one with the form', async () => {
    const el = await fixture<CenVbrHealthCheck>(html`<cen-vbr-health-check region="cn-hangzhou" cen-id=${SEED.cenId}></cen-vbr-health-check>`);
    await settled(el);
    (rows(el)[0]!.querySelector('[data-action="disable"]') as HTMLElement).click();
    const confirm = await dialog(el);
    await expectAccessible(el, 'disable confirmation');
    const disabled = nextEvent<{ VbrInstanceId: string }>(el, 'cen-health-check-disabled');
    (confirm.querySelector('button[type="submit"]') as HTMLElement).click();
    expect((await disabled).detail).to.deep.equal({ CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou' });
    await until(() => el.state === 'empty', 'the empty state');
    const listed = await clientAs('A').DescribeCenVbrHealthCheck({ VbrInstanceRegionId: 'cn-hangzhou', CenId: SEED.cenId });
    expect(listed.VbrHealthChecks.VbrHealthCheck).to.deep.equal([]);
    await expectAccessible(el, 'empty state');

    // Enable: the only attached VBR without a check is picked already.
    $(el, '[part="enable-button"]').click();
    const form = await dialog(el);
    expect((form.querySelector('#hc-VbrInstanceId') as HTMLSelectElement).value).to.equal(SEED.vbrHangzhou);
    await expectAccessible(el, 'enable form');

    // Bad input is caught before any call, and says why.
    const api = countApiCalls();
    try {
      const target = form.querySelector('#hc-HealthCheckTargetIp') as HTMLInputElement;
      const source = form.querySelector('#hc-HealthCheckSourceIp') as HTMLInputElement;
      const threshold = form.querySelector('#hc-HealthyThreshold') as HTMLInputElement;
      target.value = '10.200.0.300';
      target.dispatchEvent(new Event('input'));
      source.value = '8.8.8.8';
      source.dispatchEvent(new Event('input'));
      threshold.value = '9';
      threshold.dispatchEvent(new Event('input'));
      (form.querySelector('button[type="submit"]') as HTMLElement).click();
      await el.updateComplete;
      expect(target.getAttribute('aria-invalid')).to.equal('true');
      expect(text(form.querySelector('#hc-HealthCheckTargetIp-error')!)).to.contain('IPv4');
      expect(text(form.querySelector('#hc-HealthCheckSourceIp-error')!)).to.contain('private');
      expect(text(form.querySelector('#hc-HealthyThreshold-error')!)).to.contain('3 to 8');
      expect(el.shadowRoot!.activeElement).to.equal(target);
      await expectAccessible(el, 'enable form with errors');
      expect(api.calls).to.deep.equal([]);

      target.value = '10.200.0.9';
      target.dispatchEvent(new Event('input'));
      source.value = '';
      source.dispatchEvent(new Event('input'));
      threshold.value = '5';
      threshold.dispatchEvent(new Event('input'));
      const interval = form.querySelector('#hc-HealthCheckInterval') as HTMLSelectElement;
      interval.value = '3';
      interval.dispatchEvent(new Event('change'));
      const enabled = nextEvent<Record<string, unknown>>(el, 'cen-health-check-enabled');
      (form.querySelector('button[type="submit"]') as HTMLElement).click();
      const e = await enabled;
      expect(e.detail).to.include({
        CenId: SEED.cenId,
        VbrInstanceId: SEED.vbrHangzhou,
        HealthCheckTargetIp: '10.200.0.9',
        HealthCheckInterval: 3,
        HealthyThreshold: 5,
        HealthCheckOnly: false,
        modified: false,
      });
      // The source IP was left out, so Alibaba (the emulator) picked one from 100.96.0.0/16.
      expect(String(e.detail.HealthCheckSourceIp)).to.match(/^100\.96\./);
      expect(api.calls.filter((c) => c === 'EnableCenVbrHealthCheck')).to.have.length(1);
    } finally {
      api.stop();
    }
    await until(() => rows(el).length === 1 && text(rows(el)[0]!).includes('10.200.0.9'), 'the new check to be listed');
  });

  it('changes a health check, with the keyboard alone', async () => {
    const el = await fixture<CenVbrHealthCheck>(html`<cen-vbr-health-check region="cn-hangzhou" cen-id=${SEED.cenId}></cen-vbr-health-check>`);
    await settled(el);
    const modify = rows(el)[0]!.querySelector('[data-action="modify"]') as HTMLElement;
    modify.focus();
    await sendKeys({ press: 'Enter' });
    const form = await dialog(el);
    const target = form.querySelector('#hc-HealthCheckTargetIp') as HTMLInputElement;
    expect(target.value).to.equal('10.200.0.1');
    target.focus();
    target.select();
    await sendKeys({ type: '10.200.0.2' });
    // Tab to the probe-only checkbox and tick it with Space.
    for (let i = 0; i < 8 && (el.shadowRoot!.activeElement as HTMLInputElement | null)?.type !== 'checkbox'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 8 && (el.shadowRoot!.activeElement as HTMLButtonElement | null)?.type !== 'submit'; i++) await sendKeys({ press: 'Tab' });
    const enabled = nextEvent<Record<string, unknown>>(el, 'cen-health-check-enabled');
    await sendKeys({ press: 'Enter' });
    const e = await enabled;
    expect(e.detail).to.include({ HealthCheckTargetIp: '10.200.0.2', HealthCheckOnly: true, modified: true, HealthCheckSourceIp: '100.96.0.1' });
    await until(() => text(rows(el)[0]!).includes('10.200.0.2'), 'the change to be listed');
  });

  it('shows a refusal of the server with Code and RequestId in the form', async () => {
    await setFaults({ failNext: [{ Action: 'EnableCenVbrHealthCheck', Code: 'InvalidOperation.VbrCenAttachmentStatus', count: 1 }] });
    const el = await fixture<CenVbrHealthCheck>(html`<cen-vbr-health-check region="cn-hangzhou" cen-id=${SEED.cenId}></cen-vbr-health-check>`);
    await settled(el);
    (rows(el)[0]!.querySelector('[data-action="modify"]') as HTMLElement).click();
    const form = await dialog(el);
    (form.querySelector('button[type="submit"]') as HTMLElement).click();
    const err = await until(() => form.querySelector('[part="error"]'), 'the error');
    expect(text(err.querySelector('[part="error-code"]')!)).to.equal('InvalidOperation.VbrCenAttachmentStatus');
    expect(text(err.querySelector('[part="error-request-id"]')!)).to.match(/\S{8,}/);
    await expectAccessible(el, 'form with a server error');
  });

  it('shows an accessible skeleton while loading, and an error with Retry', async () => {
    await setFaults({ latencyMs: 800, actions: ['DescribeCenVbrHealthCheck'], failNext: [{ Action: 'DescribeCenVbrHealthCheck', Code: 'Forbidden.RAM', count: 1 }] });
    const el = await fixture<CenVbrHealthCheck>(html`<cen-vbr-health-check region="cn-hangzhou" cen-id=${SEED.cenId}></cen-vbr-health-check>`);
    await until(() => el.state === 'loading' && el.shadowRoot!.querySelector('[part="skeleton"]'), 'the skeleton');
    await expectAccessible(el, 'loading');
    await settled(el);
    expect(el.state).to.equal('error');
    expect(text($(el, '[part="error-code"]'))).to.equal('Forbidden.RAM');
    await expectAccessible(el, 'error');
    $(el, '[part="retry"]').click();
    await until(() => el.state === 'ready', 'the retry');
  });

  it('speaks Simplified Chinese', async () => {
    const el = await fixture<CenVbrHealthCheck>(html`<cen-vbr-health-check lang="zh-CN" theme="dark" region="cn-hangzhou" cen-id=${SEED.cenId}></cen-vbr-health-check>`);
    await settled(el);
    expect(text($(el, '[part="enable-button"]'))).to.equal('启用健康检查');
    expect(text($(el, 'thead'))).to.contain('目标 IP');
    await expectAccessible(el, 'zh-CN dark');
  });
});
