import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../define/cen-attach-form.js';
import '../../define/cen-list.js';
import type { AttachmentDetail } from '../../base/events.js';
import type { CenList } from '../cen-list/cen-list.js';
import type { CenAttachForm } from './cen-attach-form.js';
import { $, $$, clientAs, expectAccessible, nextEvent, resetWorld, SEED, setFaults, shadow, text, until } from '../../test/helpers.js';

const ready = (el: Element, state = 'ready') => until(() => el.getAttribute('state') === state && el, `state="${state}" (now ${el.getAttribute('state')})`, 10000);
const attachedIds = (el: CenAttachForm) => $$(el, '[part="attached-table"] tbody tr').map((r) => r.dataset.child);
const attachedReady = (el: CenAttachForm) => until(() => shadow(el).querySelector('[part="attached-table"], [data-empty]'), 'the attached list');
const choose = async (el: CenAttachForm, selector: string, value: string) => {
  const s = $(el, selector) as HTMLSelectElement;
  s.value = value;
  if (s.value !== value) throw new Error(`${selector} has no option ${value}`);
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
};
const typeInto = async (el: CenAttachForm, selector: string, value: string) => {
  const i = $(el, selector) as HTMLInputElement;
  i.value = value;
  i.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
};
const submit = (el: CenAttachForm) => ($(el, 'form[part="form"]') as HTMLFormElement).requestSubmit();
const status = (el: CenAttachForm, id: string) => text($(el, `tr[data-child="${id}"] [part="status-badge"]`));

describe('<cen-attach-form>', () => {
  beforeEach(() => resetWorld());

  it('loads (skeleton), then offers the CENs, regions grouped by area, and lists the attached networks (axe)', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form cen-id=${SEED.cenId}></cen-attach-form>`);
    expect(el.getAttribute('state')).to.equal('loading');
    expect(shadow(el).querySelector('[part="skeleton"]')).to.exist;
    await expectAccessible(el, 'loading');
    await ready(el);
    expect(($(el, '#f-cen') as HTMLSelectElement).value).to.equal(SEED.cenId);
    const groups = $$(el, '#f-region optgroup').map((g) => g.getAttribute('label'));
    expect(groups).to.include('Chinese mainland').and.include('Asia Pacific');
    const china = $$(el, '#f-region optgroup')[groups.indexOf('Chinese mainland')]!;
    expect([...china.querySelectorAll('option')].map((o) => o.value)).to.include('cn-hangzhou').and.include('cn-beijing');
    await attachedReady(el);
    expect(attachedIds(el)).to.include.members([SEED.vpcHangzhou, SEED.vbrHangzhou]);
    expect(status(el, SEED.vpcHangzhou)).to.equal('Attached');
    await expectAccessible(el, 'ready');
  });

  it('attaches one of this account\'s VPCs and follows Attaching → Attached with progress', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form cen-id=${SEED.cenId}></cen-attach-form>`);
    await ready(el);
    await choose(el, '#f-region', 'cn-beijing');
    await until(() => shadow(el).querySelector('#f-network'), 'the network picker');
    const options = $$(el, '#f-network option').map((o) => (o as HTMLOptionElement).value);
    expect(options).to.include.members([SEED.vpcBeijing, SEED.vpcBeijing2]);
    await choose(el, '#f-network', SEED.vpcBeijing2);
    const progress: { status: string; done: boolean }[] = [];
    el.addEventListener('cen-progress', (e) => progress.push({ status: e.detail.status, done: e.detail.done }));
    const attached = nextEvent<AttachmentDetail>(el, 'cen-attached', 15000);
    // The API takes no ClientToken: the send carries an Idempotency-Key, so a resent request attaches once.
    const keys: (string | null)[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/AttachCenChildInstance')) keys.push(new Headers(init?.headers).get('idempotency-key'));
      return realFetch(input, init);
    };
    try {
      submit(el);
      await ready(el, 'progress');
    } finally {
      window.fetch = realFetch;
    }
    expect(keys).to.have.length(1);
    expect(keys[0]).to.match(/^[\w-]{16,}$/);
    expect(text($(el, '[part="progress"]'))).to.contain(`${SEED.vpcBeijing2}: Attaching`);
    expect(($(el, '[part="submit"]') as HTMLButtonElement).disabled).to.equal(true);
    await expectAccessible(el, 'progress');
    const e = await attached;
    expect(e.detail).to.deep.equal({ CenId: SEED.cenId, ChildInstanceId: SEED.vpcBeijing2, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' });
    expect(e.bubbles && e.composed).to.equal(true);
    expect(progress[0]).to.deep.equal({ status: 'Attaching', done: false });
    expect(progress.at(-1)).to.deep.equal({ status: 'Attached', done: true });
    await ready(el);
    await until(() => attachedIds(el).includes(SEED.vpcBeijing2) && status(el, SEED.vpcBeijing2) === 'Attached', 'the new row, Attached');
    await until(() => text($(el, '[part="live"]')) === `Attached ${SEED.vpcBeijing2} to ${SEED.cenId}.`, 'the announcement');
  });

  it('offers the VBRs of a region when the type is VBR', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form region="cn-hangzhou"></cen-attach-form>`);
    await ready(el);
    ($(el, 'input[name="type"][value="VBR"]') as HTMLInputElement).click();
    await until(() => shadow(el).querySelector(`#f-network option[value="${SEED.vbrHangzhou}"]`), 'the seeded VBR');
    expect(el.childInstanceType).to.equal('VBR');
    expect(shadow(el).querySelector(`#f-network option[value="${SEED.vpcHangzhou}"]`)).to.equal(null);
  });

  it('checks fields with the catalogue rules before sending, and focuses the first problem', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form></cen-attach-form>`);
    await ready(el);
    const errors: Event[] = [];
    el.addEventListener('cen-error', (e) => errors.push(e));
    submit(el);
    await el.updateComplete;
    expect($(el, '#f-cen').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-region').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-network-id').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-cen').getAttribute('aria-describedby')).to.contain('err-cen');
    await until(() => shadow(el).activeElement === $(el, '#f-cen'), 'focus on the first invalid field');
    await until(() => text($(el, '[part="live"]')) === '3 fields need attention.', 'the announcement');
    await expectAccessible(el, 'client-side errors');
    // Another account's network: the owner's account ID goes through checkAccountId.
    ($(el, 'input[name="owner"][value="other"]') as HTMLInputElement).click();
    await el.updateComplete;
    await typeInto(el, '#f-owner', '12ab');
    submit(el);
    await el.updateComplete;
    expect(text($(el, '#err-owner'))).to.equal("Owner's account ID must be an Alibaba Cloud account ID (digits only).");
    expect(errors).to.have.length(0); // nothing was sent
  });

  it('shows server errors (Issues by parameter, and Codes) at the field they concern, with Code and RequestId', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form cen-id=${SEED.cenId} region="cn-beijing"></cen-attach-form>`);
    await ready(el);
    await until(() => shadow(el).querySelector('#f-network'), 'the network picker');
    await choose(el, '#f-network', '__other__');
    // Malformed: the Worker's validation names the parameter (Issues).
    await typeInto(el, '#f-network-id', 'not-a-network');
    let failed = nextEvent<{ Code: string }>(el, 'cen-error');
    submit(el);
    expect((await failed).detail.Code).to.equal('InvalidParameter');
    await el.updateComplete;
    expect($(el, '#f-network-id').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#err-network'))).to.contain('must be a network ID').and.contain('(InvalidParameter)');
    expect(text($(el, '[part="error-code"]'))).to.equal('InvalidParameter');
    expect(text($(el, '[part="error-request-id"]'))).to.have.length.greaterThan(8);
    await until(() => shadow(el).activeElement === $(el, '#f-network-id'), 'focus on the network ID');
    await expectAccessible(el, 'server error at a field');
    // Well-formed but unknown: the emulator's code, at the same field.
    await typeInto(el, '#f-network-id', 'vpc-doesnotexist0000');
    failed = nextEvent<{ Code: string }>(el, 'cen-error');
    submit(el);
    expect((await failed).detail.Code).to.equal('ParameterInstanceId');
    await el.updateComplete;
    expect(text($(el, '#err-network'))).to.contain('vpc-doesnotexist0000').and.contain('(ParameterInstanceId)');
  });

  it("attaches another account's VPC once its owner granted it (cross-account)", async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form cen-id=${SEED.cenId} region="cn-hangzhou"></cen-attach-form>`);
    await ready(el);
    ($(el, 'input[name="owner"][value="other"]') as HTMLInputElement).click();
    await el.updateComplete;
    await typeInto(el, '#f-owner', SEED.accountB);
    await typeInto(el, '#f-network-id', SEED.vpcB);
    expect(text($(el, '[part="grant-note"]'))).to.contain('The owner must first grant').and.contain('GrantInstanceToCen');
    // The caller also holds profile B (the owner): the form checks the grant with it.
    await until(() => $(el, '[data-grant]').dataset.grant === 'missing', 'the grant check');
    expect(text($(el, '[data-grant]'))).to.contain('profile B owns this network and has not granted');
    await expectAccessible(el, 'cross-account, not granted');
    let failed = nextEvent<{ Code: string }>(el, 'cen-error');
    submit(el);
    expect((await failed).detail.Code).to.equal('InvalidOperation.NoGrantRule');
    await el.updateComplete;
    expect(text($(el, '#err-owner'))).to.contain('InvalidOperation.NoGrantRule').and.contain('The owner must first grant');

    // The owner (profile B) grants it, through the Worker's API.
    await clientAs('B').GrantInstanceToCen({ RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC', CenId: SEED.cenId, CenOwnerId: SEED.accountA });
    await typeInto(el, '#f-network-id', `${SEED.vpcB} `); // the user touches the field again: a new check
    await until(() => $(el, '[data-grant]').dataset.grant === 'ok', 'the grant to be seen');
    expect(text($(el, '[data-grant]'))).to.contain(`The owner has granted ${SEED.cenId}`);
    const attached = nextEvent<AttachmentDetail>(el, 'cen-attached', 15000);
    submit(el);
    expect((await attached).detail).to.deep.equal({
      CenId: SEED.cenId,
      ChildInstanceId: SEED.vpcB,
      ChildInstanceType: 'VPC',
      ChildInstanceRegionId: 'cn-hangzhou',
      ChildInstanceOwnerId: SEED.accountB,
    });
    await until(() => attachedIds(el).includes(SEED.vpcB), 'the partner VPC in the list');
    expect(text($(el, `tr[data-child="${SEED.vpcB}"]`))).to.contain(SEED.accountB);
    void failed;
  });

  it('detaches a network after confirmation and follows it until it is gone', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form cen-id=${SEED.cenId}></cen-attach-form>`);
    await ready(el);
    await attachedReady(el);
    const row = $(el, `tr[data-child="${SEED.vbrHangzhou}"]`);
    (row.querySelector('[part="detach-button"]') as HTMLButtonElement).click();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await until(() => dialog.open, 'the confirmation');
    expect(text(dialog)).to.contain(`Detach ${SEED.vbrHangzhou}?`);
    await expectAccessible(el, 'detach dialog');
    const detached = nextEvent<AttachmentDetail>(el, 'cen-detached', 15000);
    const progress: string[] = [];
    el.addEventListener('cen-progress', (e) => progress.push(`${e.detail.action}:${e.detail.status}:${e.detail.done}`));
    ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
    const e = await detached;
    expect(e.detail).to.include({ CenId: SEED.cenId, ChildInstanceId: SEED.vbrHangzhou, ChildInstanceType: 'VBR', ChildInstanceRegionId: 'cn-hangzhou' });
    expect(progress).to.deep.equal(['DetachCenChildInstance:Detaching:false', 'DetachCenChildInstance:Detached:true']);
    await until(() => !attachedIds(el).includes(SEED.vbrHangzhou), 'the row to go');
    await ready(el);
  });

  it('can be filled in and submitted with the keyboard alone', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form></cen-attach-form>`);
    await ready(el);
    const focused = () => shadow(el).activeElement as HTMLElement | null;
    // Into the form: the CEN select comes first.
    for (let i = 0; i < 5 && focused()?.id !== 'f-cen'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('f-cen');
    await sendKeys({ press: 'ArrowDown' }); // the first CEN after the placeholder
    await until(() => el.cenId === SEED.cenId, 'the CEN chosen by keyboard');
    await sendKeys({ press: 'Tab' }); // network type: VPC radio
    expect((focused() as HTMLInputElement).value).to.equal('VPC');
    await sendKeys({ press: 'Tab' }); // region
    expect(focused()?.id).to.equal('f-region');
    for (let i = 0; i < 40 && el.region !== 'cn-beijing'; i++) await sendKeys({ press: 'ArrowDown' });
    expect(el.region).to.equal('cn-beijing');
    await until(() => shadow(el).querySelector('#f-network'), 'the network picker');
    await sendKeys({ press: 'Tab' }); // owner: this account
    expect((focused() as HTMLInputElement).value).to.equal('self');
    await sendKeys({ press: 'Tab' }); // network
    expect(focused()?.id).to.equal('f-network');
    await sendKeys({ press: 'Tab' }); // attach
    expect(focused()?.getAttribute('part')).to.equal('submit');
    const attached = nextEvent<AttachmentDetail>(el, 'cen-attached', 15000);
    await sendKeys({ press: 'Enter' });
    expect((await attached).detail).to.include({ CenId: SEED.cenId, ChildInstanceRegionId: 'cn-beijing', ChildInstanceType: 'VPC' });
  });

  it('follows a <cen-list> selection without script (follow="#id")', async () => {
    const { CenId: other } = await clientAs('A').CreateCen({ Name: 'followed' });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <cen-list id="cens" selected=${SEED.cenId}></cen-list>
      <cen-attach-form follow="#cens"></cen-attach-form>
    </div>`);
    const list = wrap.querySelector<CenList>('cen-list')!;
    const form = wrap.querySelector<CenAttachForm>('cen-attach-form')!;
    // The list's current selection is taken at once.
    expect(form.cenId).to.equal(SEED.cenId);
    await ready(form);
    await until(() => list.state === 'ready' && $$(list, 'tbody tr').length === 2, 'the list', 10000);
    ($(list, `tr[data-cen-id="${other}"] td.name`) as HTMLElement).click();
    await until(() => form.cenId === other, 'the form to follow the list');
    await until(() => ($(form, '#f-cen') as HTMLSelectElement).value === other, 'the select to show it');
    await until(() => shadow(form).querySelector('[data-empty]'), 'the (empty) attached list of the new CEN');
    expect(text($(form, '[part="attached"] h3'))).to.contain(other);
  });

  it('speaks Simplified Chinese, with Chinese region and area names', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form lang="zh-CN" cen-id=${SEED.cenId}></cen-attach-form>`);
    await ready(el);
    expect(text($(el, 'label[for="f-region"]'))).to.equal('地域');
    expect($$(el, '#f-region optgroup').map((g) => g.getAttribute('label'))).to.include('中国内地');
    expect(text($(el, '#f-region option[value="cn-hangzhou"]'))).to.equal('华东1（杭州） (cn-hangzhou)');
    await attachedReady(el);
    expect(status(el, SEED.vpcHangzhou)).to.equal('已加载');
    await expectAccessible(el, 'zh-CN');
  });

  it('is accessible in the dark theme too', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<CenAttachForm>(html`<cen-attach-form theme="dark" cen-id=${SEED.cenId}></cen-attach-form>`);
    await ready(el);
    await attachedReady(el);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(13, 17, 23)');
    await expectAccessible(el, 'dark');
  });

  it('shows a load error with Code and RequestId, and Retry recovers', async () => {
    await setFaults({ failNext: [{ Action: 'DescribeChildInstanceRegions', Code: 'Forbidden.RAM', count: 1 }] });
    const el = await fixture<CenAttachForm>(html`<cen-attach-form></cen-attach-form>`);
    await ready(el, 'error');
    expect(text($(el, '[part="error-code"]'))).to.equal('Forbidden.RAM');
    expect(text($(el, '[part="error-request-id"]'))).to.have.length.greaterThan(8);
    await expectAccessible(el, 'error');
    $(el, '[part="retry"]').click();
    await ready(el);
  });

  it('shows an error, not a skeleton forever, when the API is not there', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form api="/no-api-here"></cen-attach-form>`);
    await ready(el, 'error');
    expect(text($(el, '[part="error-code"]'))).to.equal('NetworkError');
  });

  it('shows no attach or detach controls where the caller may not write', async () => {
    const el = await fixture<CenAttachForm>(html`<cen-attach-form api="/ro-api" cen-id=${SEED.cenId}></cen-attach-form>`);
    await ready(el);
    await attachedReady(el);
    await until(() => (el as unknown as { apiIndex?: unknown }).apiIndex, 'GET /api');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="submit"]')).to.equal(null);
    expect(shadow(el).querySelector('[part="detach-button"]')).to.equal(null);
  });
});
