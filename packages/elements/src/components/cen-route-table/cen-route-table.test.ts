/**
 * <cen-route-table> against the real Worker on the emulator's seeded world:
 * cn-hangzhou has the Hangzhou VPC and VBR attached, and 192.168.1.0/24 is
 * offered by both the Hangzhou and the Shanghai VPC (the seeded conflict).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/cen-route-table.js';
import type { CenRouteTable } from './cen-route-table.js';
import type { RouteRow } from '../../lib/route-view.js';
import { $, $$, expectAccessible, nextEvent, resetWorld, SEED, setFaults, text, until } from '../../test/helpers.js';

const VPC_SHANGHAI = 'vpc-uf6d4ivr9o8vrkdemo2';
const CONFLICT = '192.168.1.0/24';
const CUSTOM = '10.100.0.0/16';

async function ready(el: CenRouteTable): Promise<void> {
  await until(() => el.state === 'ready' || el.state === 'error' || el.state === 'empty', 'the route table to load');
  await el.updateComplete;
}

const cidrsShown = (el: CenRouteTable) => $$(el, '.body [role="row"]').map((r) => text(r.querySelector('[data-col="0"]')!));

/** Numeric CIDR order, written independently of the element's own sorter. */
const numeric = (a: string, b: string) => {
  const key = (c: string) => {
    const [ip, len] = c.split('/');
    return ip!.split('.').reduce((n, o) => n * 256 + Number(o), 0) * 64 + Number(len);
  };
  return key(a) - key(b);
};

describe('cen-route-table', () => {
  beforeEach(async () => {
    await resetWorld();
  });

  it('lists the routes of a region sorted by CIDR and highlights the seeded conflict with its reason', async () => {
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await ready(el);
    expect(el.state).to.equal('ready');
    const shown = cidrsShown(el);
    expect(shown.length).to.be.greaterThan(3);
    expect(shown).to.deep.equal(shown.slice().sort(numeric));
    expect(shown).to.include(CONFLICT);
    // Conflicts arrive from DescribePublishedRouteEntries / DescribeRouteConflict.
    const row = await until(() => $$(el, '.body [role="row"]').find((r) => r.textContent!.includes(CONFLICT) && r.classList.contains('conflict')), 'the conflict row');
    expect(text(row.querySelector('[part="conflict-badge"]')!)).to.contain(VPC_SHANGHAI);
    expect(text(row.querySelector('[part="conflict-badge"]')!)).to.contain('cn-shanghai');
    const others = $$(el, '.body [role="row"].conflict').filter((r) => !r.textContent!.includes(CONFLICT));
    expect(others).to.deep.equal([]);
    const grid = $(el, '[role="grid"]');
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(shown.length + 1));
    expect($$(el, '.body [role="row"]').map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(shown.map((_, i) => String(i + 2)));
    await expectAccessible(el);
  });

  it('sorts by any column from its header, with aria-sort', async () => {
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await ready(el);
    const header = (c: string) => $(el, `[role="columnheader"][data-column="${c}"]`);
    expect(header('DestinationCidrBlock').getAttribute('aria-sort')).to.equal('ascending');
    header('NextHopType').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('NextHopType').getAttribute('aria-sort')).to.equal('ascending');
    expect(header('DestinationCidrBlock').getAttribute('aria-sort')).to.equal('none');
    const types = () => $$(el, '.body [role="row"]').map((r) => text(r.querySelector('[data-col="3"]')!));
    expect(types()).to.deep.equal(types().slice().sort());
    header('NextHopType').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('NextHopType').getAttribute('aria-sort')).to.equal('descending');
    expect(types()).to.deep.equal(types().slice().sort().reverse());
    header('DestinationCidrBlock').querySelector('button')!.click();
    header('DestinationCidrBlock').querySelector('button')!.click();
    await el.updateComplete;
    expect(cidrsShown(el)).to.deep.equal(cidrsShown(el).slice().sort(numeric).reverse());
  });

  it('filters by CIDR containment and says why bad input is refused', async () => {
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await ready(el);
    const all = cidrsShown(el);
    const input = $(el, '[part="filter-cidr"]') as HTMLInputElement;
    input.value = '192.168.0.0/16';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await until(() => cidrsShown(el).length < all.length, 'the filter to apply');
    expect(cidrsShown(el)).to.deep.equal(all.filter((c) => c.startsWith('192.168.')));
    expect(cidrsShown(el)).to.include(CONFLICT);

    input.value = '192.168.0.0/40';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the input to be marked invalid');
    expect(text($(el, '#f-cidr-error'))).to.contain('0–32');
    expect(input.getAttribute('aria-describedby')).to.equal('f-cidr-error');
    await expectAccessible(el, 'route table with an invalid filter');

    input.value = '10.200.0.5';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await until(() => input.getAttribute('aria-invalid') === 'false' && cidrsShown(el).length === 1, 'the address filter');
    expect(cidrsShown(el)).to.deep.equal(['10.200.0.0/16']);

    input.value = '172.31.0.0/16';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await until(() => el.state === 'no-match', 'the no-match state');
    await expectAccessible(el, 'route table, no match');
    $(el, '[part="no-match"] button').click();
    await until(() => el.state === 'ready', 'the filter to clear');
    expect(cidrsShown(el)).to.deep.equal(all);
  });

  it('exports the current view as CSV (toCSV and a Blob download)', async () => {
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou" filter-cidr="192.168.0.0/16" sort-direction="descending"></cen-route-table>`);
    await ready(el);
    const lines = el.toCSV().trimEnd().split('\r\n');
    expect(lines[0]).to.equal('DestinationCidrBlock,Type,NextHopInstanceId,NextHopType,NextHopRegionId,Status,Conflicts');
    expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(cidrsShown(el));
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return original.call(URL, b);
    };
    try {
      $(el, '[part="export-button"]').click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs.length).to.equal(1);
    const body = await blobs[0]!.text();
    expect(body.replace(/^\ufeff/, '')).to.equal(el.toCSV());
  });

  it('is usable with the keyboard alone: filter, sort and move through the grid', async () => {
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await ready(el);
    ($(el, '[part="filter-cidr"]') as HTMLInputElement).focus();
    await sendKeys({ type: '192.168.0.0/16' });
    await sendKeys({ press: 'Enter' });
    await until(() => cidrsShown(el).every((c) => c.startsWith('192.168.')), 'the typed filter');
    const n = cidrsShown(el).length;
    // Tab past the two selects and the export button to the first sort button.
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    for (let i = 0; i < 10 && !focused()?.closest('[data-column="DestinationCidrBlock"]'); i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.closest('[role="columnheader"]')?.getAttribute('data-column')).to.equal('DestinationCidrBlock');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[data-column="DestinationCidrBlock"]').getAttribute('aria-sort')).to.equal('descending');
    // Tab on into the grid: one cell is in the tab order.
    for (let i = 0; i < 10 && focused()?.getAttribute('role') !== 'gridcell'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('role')).to.equal('gridcell');
    expect(focused()?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal('2');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused()?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal('3');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()?.getAttribute('data-col')).to.equal('1');
    await sendKeys({ press: 'Control+End' });
    await el.updateComplete;
    expect(focused()?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal(String(n + 1));
    expect(focused()?.getAttribute('data-col')).to.equal('6');
  });

  it('shows an accessible skeleton while loading', async () => {
    await setFaults({ latencyMs: 800, actions: ['DescribeCenRegionDomainRouteEntries'] });
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await until(() => el.state === 'loading' && el.shadowRoot!.querySelector('[part="skeleton"]'), 'the skeleton');
    expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(el, 'route table loading');
    await ready(el);
    expect(el.state).to.equal('ready');
  });

  it('shows an error with Code and RequestId, and Retry loads again', async () => {
    await setFaults({ failNext: [{ Action: 'DescribeCenRegionDomainRouteEntries', Code: 'Forbidden.RAM', count: 1 }] });
    const el = await fixture<CenRouteTable>(html`<cen-route-table cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await ready(el);
    expect(el.state).to.equal('error');
    expect(text($(el, '[part="error-code"]'))).to.equal('Forbidden.RAM');
    expect(text($(el, '[part="error-request-id"]'))).to.match(/\S{8,}/);
    await expectAccessible(el, 'route table error');
    $(el, '[part="retry"]').click();
    await until(() => el.state === 'ready', 'the retry to load');
  });

  it('speaks Simplified Chinese and passes axe in dark theme', async () => {
    const el = await fixture<CenRouteTable>(html`<cen-route-table lang="zh-CN" theme="dark" cen-id=${SEED.cenId} region="cn-hangzhou"></cen-route-table>`);
    await ready(el);
    expect(text($(el, '[data-column="DestinationCidrBlock"]'))).to.contain('目标网段');
    expect(text($(el, 'label[for="f-cidr"]'))).to.equal('按网段筛选');
    await until(() => $$(el, '.conflict-text').length > 0, 'the conflict text');
    expect(text($$(el, '.conflict-text')[0]!)).to.contain('冲突');
    await expectAccessible(el, 'route table zh-CN dark');
  });

  it('publishes and withdraws a route entry of an attached network', async () => {
    const el = await fixture<CenRouteTable>(
      html`<cen-route-table
        cen-id=${SEED.cenId}
        region="cn-hangzhou"
        child-instance-id=${SEED.vpcHangzhou}
        child-instance-type="VPC"
        child-instance-region="cn-hangzhou"
      ></cen-route-table>`,
    );
    await ready(el);
    expect(cidrsShown(el)).not.to.include(CUSTOM);
    const entryRow = () => $(el, `[part="published"] tr[data-cidr="${CUSTOM}"]`);
    await until(() => shadowHas(el, `[part="published"] tr[data-cidr="${CUSTOM}"]`), 'the published entries');
    // System routes cannot be changed: no button, an explanation instead.
    const system = $$(el, '[part="published"] tbody tr').find((r) => r.getAttribute('data-cidr') === CONFLICT)!;
    expect(system.querySelector('button')).to.equal(null);
    await expectAccessible(el, 'route table with published entries');

    const published = nextEvent<{ DestinationCidrBlock: string; ChildInstanceId: string }>(el, 'cen-route-published');
    (entryRow().querySelector('[data-action="publish"]') as HTMLElement).click();
    const e1 = await published;
    expect(e1.detail).to.include({ DestinationCidrBlock: CUSTOM, ChildInstanceId: SEED.vpcHangzhou, CenId: SEED.cenId });
    await until(() => entryRow().querySelector('[data-action="withdraw"]'), 'the entry to show Published');
    await until(() => cidrsShown(el).includes(CUSTOM), 'the CEN route table to learn the route');

    (entryRow().querySelector('[data-action="withdraw"]') as HTMLElement).click();
    const dialog = await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'the confirmation');
    expect(text(dialog)).to.contain(CUSTOM);
    await expectAccessible(el, 'withdraw confirmation');
    const withdrawn = nextEvent<{ DestinationCidrBlock: string }>(el, 'cen-route-withdrawn');
    (dialog.querySelector('button[type="submit"]') as HTMLElement).click();
    expect((await withdrawn).detail.DestinationCidrBlock).to.equal(CUSTOM);
    await until(() => entryRow().querySelector('[data-action="publish"]'), 'the entry to show NonPublished');
    await until(() => !cidrsShown(el).includes(CUSTOM), 'the route to leave the CEN route table');
  });

  it('keeps keyboard focus on its cell while the focused row scrolls away and back, with rows in reading order', async () => {
    const routes: RouteRow[] = Array.from({ length: 2_000 }, (_, i) => ({
      DestinationCidrBlock: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
      Type: 'CEN',
      NextHopType: 'VPC',
      Status: 'Active',
    }));
    const el = await fixture<CenRouteTable>(html`<cen-route-table region="cn-hangzhou"></cen-route-table>`);
    el.routes = routes;
    await el.updateComplete;
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    const rowIndexes = () => $$(el, '.body [role="row"]').map((r) => Number(r.getAttribute('aria-rowindex')));
    ($(el, '.body [role="gridcell"][tabindex="0"]') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const cell = focused()!;
    expect(cell.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('3');
    const scroller = $(el, '.scroller');
    for (const top of [scroller.scrollHeight / 2, scroller.scrollHeight, 0]) {
      scroller.scrollTop = top;
      await until(() => top === 0 || !rowIndexes().includes(10), `rows around ${top}px`);
      await el.updateComplete;
      // The same element keeps focus, and the DOM lists rows top to bottom (what browse mode reads).
      expect(focused(), `focus after scrolling to ${top}px`).to.equal(cell);
      expect(rowIndexes()).to.deep.equal([...rowIndexes()].sort((a, b) => a - b));
    }
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused()!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('4');
  });

  it('renders 10,000 routes with a bounded number of row elements, and scrolling to the end shows the last route', async () => {
    const routes: RouteRow[] = Array.from({ length: 10_000 }, (_, i) => ({
      DestinationCidrBlock: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
      Type: 'CEN',
      NextHopInstanceId: `vpc-${String(i).padStart(6, '0')}`,
      NextHopType: i % 5 ? 'VPC' : 'VBR',
      NextHopRegionId: 'cn-shanghai',
      Status: 'Active',
    })).reverse();
    const el = await fixture<CenRouteTable>(html`<cen-route-table region="cn-hangzhou"></cen-route-table>`);
    const t0 = performance.now();
    el.routes = routes;
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    const renderMs = performance.now() - t0;
    expect(el.state).to.equal('ready');
    const rows = () => $$(el, '.body [role="row"]');
    expect(rows().length).to.be.greaterThan(5);
    expect(rows().length).to.be.below(100);
    expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('10001');
    expect(text(rows()[0]!.querySelector('[data-col="0"]')!)).to.equal('10.0.0.0/24');

    const scroller = $(el, '.scroller');
    // The middle, where the overscan applies on both sides.
    scroller.scrollTop = scroller.scrollHeight / 2;
    await until(() => rows().some((r) => r.getAttribute('aria-rowindex') === '5001'), 'the middle rows to render');
    expect(rows().length).to.be.below(100);
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => rows().some((r) => r.getAttribute('aria-rowindex') === '10001'), 'the last row to render');
    const last = rows().find((r) => r.getAttribute('aria-rowindex') === '10001')!;
    expect(text(last.querySelector('[data-col="0"]')!)).to.equal('10.39.15.0/24');
    expect(rows().length).to.be.below(100);
    // The last row is inside the visible box of the scroller.
    const box = scroller.getBoundingClientRect();
    const r = last.getBoundingClientRect();
    expect(r.bottom).to.be.at.most(box.bottom + 1);
    expect(r.top).to.be.at.least(box.top);

    // Filter to one block and back: still bounded, counts right.
    el.filterCidr = '10.20.0.0/16';
    await el.updateComplete;
    expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('257');
    expect(rows().length).to.be.below(100);
    console.log(`cen-route-table: 10,000 routes rendered in ${renderMs.toFixed(1)} ms`);
    expect(renderMs).to.be.below(2000);
  });
});

function shadowHas(el: Element, selector: string): boolean {
  return !!el.shadowRoot?.querySelector(selector);
}
