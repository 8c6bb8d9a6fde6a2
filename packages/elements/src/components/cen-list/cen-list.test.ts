import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { createCenClient } from '@cen-kit/client';
import '../../define/cen-list.js';
import { configure } from '../../base/config.js';
import { CenList } from './cen-list.js';
import { $, $$, clientAs, expectAccessible, nextEvent, resetWorld, SEED, setFaults, shadow, text, until } from '../../test/helpers.js';

const ready = (el: CenList, state = 'ready') => until(() => el.getAttribute('state') === state && el, `state="${state}" (now ${el.getAttribute('state')})`);
const rowIds = (el: CenList) => $$(el, 'tbody tr').map((r) => r.dataset.cenId);
const dialog = (el: CenList) => $(el, 'dialog') as HTMLDialogElement;
const typeInto = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

describe('<cen-list>', () => {
  beforeEach(() => resetWorld());
  afterEach(() => configure({ api: undefined, client: undefined, profile: undefined, lang: undefined }));

  describe('states', () => {
    it('shows a skeleton while loading, then the seeded CEN with its details (axe on both)', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      expect(el.getAttribute('state')).to.equal('loading');
      expect(shadow(el).querySelector('[part="skeleton"]')).to.exist;
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      await expectAccessible(el, 'loading');
      await ready(el);
      expect(shadow(el).querySelector('[part="skeleton"]')).to.equal(null);
      const row = $(el, `tr[data-cen-id="${SEED.cenId}"]`);
      const cells = [...row.querySelectorAll('td')].map((td) => text(td));
      expect(cells[0]).to.equal('demo-cen');
      expect(cells[1]).to.contain(SEED.cenId);
      expect(text(row.querySelector('[part="status-badge"]')!)).to.equal('Active');
      expect(cells[3]).to.equal('1'); // one associated bandwidth package
      expect(cells[4]).to.contain('Seeded CEN');
      await until(() => text($(el, '[part="live"]')).startsWith('Showing 1–1 of 1'), 'the range in the live region');
      await expectAccessible(el, 'ready');
    });

    it('is empty (not "no match") for an account without CEN instances, and offers to create one', async () => {
      const el = await fixture<CenList>(html`<cen-list profile="B"></cen-list>`);
      await ready(el, 'empty');
      expect(text($(el, '[part="empty"]'))).to.contain('No CEN instances yet');
      await until(() => shadow(el).querySelector('[part="empty"] button.primary'), 'the create button in the empty state');
      expect(shadow(el).querySelector('[part="no-match"]')).to.equal(null);
      await expectAccessible(el, 'empty');
    });

    it('says nothing matches the filter (different from empty), and clearing the filter shows everything again', async () => {
      const el = await fixture<CenList>(html`<cen-list filter-name="no-such-cen"></cen-list>`);
      await ready(el, 'no-match');
      expect(text($(el, '[part="no-match"]'))).to.contain('Nothing matches the filter');
      expect(shadow(el).querySelector('[part="empty"]')).to.equal(null);
      await expectAccessible(el, 'no-match');
      ($(el, '[part="no-match"] button') as HTMLButtonElement).click();
      await ready(el);
      expect(rowIds(el)).to.deep.equal([SEED.cenId]);
    });

    it('shows an error with the Alibaba Code and RequestId, emits cen-error, and Retry recovers', async () => {
      await setFaults({ failNext: [{ Action: 'DescribeCens', Code: 'Forbidden.RAM', count: 1 }] });
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      const errorEvent = nextEvent<{ action: string; Code: string; RequestId?: string }>(el, 'cen-error');
      await ready(el, 'error');
      const e = await errorEvent;
      expect(e.detail.action).to.equal('DescribeCens');
      expect(e.detail.Code).to.equal('Forbidden.RAM');
      expect(e.bubbles && e.composed).to.equal(true);
      expect(text($(el, '[part="error-code"]'))).to.equal('Forbidden.RAM');
      const requestId = text($(el, '[part="error-request-id"]'));
      expect(requestId).to.have.length.greaterThan(8);
      expect(requestId).to.equal(e.detail.RequestId);
      expect($(el, '[part="error"]').getAttribute('role')).to.equal('alert');
      // Focus goes to Retry, so a keyboard user can act at once.
      expect(shadow(el).activeElement).to.equal($(el, '[part="retry"]'));
      await expectAccessible(el, 'error');
      await sendKeys({ press: 'Enter' });
      await ready(el);
      expect(rowIds(el)).to.deep.equal([SEED.cenId]);
    });
  });

  describe('paging and filters', () => {
    it('pages on the server with page-size, and says which rows it shows', async () => {
      const a = clientAs('A');
      for (const Name of ['p-1', 'p-2', 'p-3', 'p-4']) await a.CreateCen({ Name });
      const el = await fixture<CenList>(html`<cen-list page-size="2"></cen-list>`);
      const first = await nextEvent<{ TotalCount: number; PageNumber: number; count: number }>(el, 'cen-load');
      expect(first.detail).to.deep.equal({ TotalCount: 5, PageNumber: 1, count: 2 });
      await until(() => el.state === 'ready' || el.state === 'progress', 'rows');
      expect(rowIds(el)).to.have.length(2);
      expect(text($(el, '[part="pagination"]'))).to.contain('Showing 1–2 of 5').and.contain('Page 1 of 3');
      expect(($(el, '[data-page="prev"]') as HTMLButtonElement).disabled).to.equal(true);
      const second = nextEvent<{ PageNumber: number }>(el, 'cen-load');
      $(el, '[data-page="next"]').click();
      expect((await second).detail.PageNumber).to.equal(2);
      await until(() => text($(el, '[part="pagination"]')).includes('Showing 3–4 of 5'), 'page 2');
      const third = nextEvent<{ PageNumber: number; count: number }>(el, 'cen-load');
      $(el, '[data-page="next"]').click();
      expect((await third).detail).to.include({ PageNumber: 3, count: 1 });
      await until(() => ($(el, '[data-page="next"]') as HTMLButtonElement).disabled, 'next disabled on the last page');
    });

    it('caps page-size at the API maximum of 50', async () => {
      const el = await fixture<CenList>(html`<cen-list page-size="500"></cen-list>`);
      expect(el.effectivePageSize).to.equal(50);
      await ready(el);
    });

    it('filters by name and by ID as the user types', async () => {
      const { CenId } = await clientAs('A').CreateCen({ Name: 'typed-filter' });
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await until(() => rowIds(el).length === 2, 'two rows');
      const [byName, byId] = $$(el, '[part="filter"]') as HTMLInputElement[];
      let loaded = nextEvent<{ TotalCount: number }>(el, 'cen-load');
      typeInto(byName!, 'typed-filter');
      expect((await loaded).detail.TotalCount).to.equal(1);
      expect(rowIds(el)).to.deep.equal([CenId]);
      typeInto(byName!, '');
      loaded = nextEvent(el, 'cen-load');
      await loaded;
      loaded = nextEvent<{ TotalCount: number }>(el, 'cen-load');
      typeInto(byId!, SEED.cenId);
      expect((await loaded).detail.TotalCount).to.equal(1);
      expect(rowIds(el)).to.deep.equal([SEED.cenId]);
    });
  });

  describe('selection, keyboard and copy', () => {
    it('emits cen-select on click and reflects selected', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(el);
      const selected = nextEvent<{ CenId: string }>(el, 'cen-select');
      (shadow(el).querySelector('tbody tr td.name') as HTMLElement).click();
      const e = await selected;
      expect(e.detail).to.deep.equal({ CenId: SEED.cenId });
      expect(e.bubbles && e.composed).to.equal(true);
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal(SEED.cenId);
      expect($(el, 'tbody tr').getAttribute('aria-selected')).to.equal('true');
    });

    it('auto-select chooses the first instance once, and never overrides a choice', async () => {
      const plain = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(plain);
      expect(plain.selected).to.equal(undefined);

      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const selected = nextEvent<{ CenId: string }>(wrapper, 'cen-select');
      const el = document.createElement('cen-list') as CenList;
      el.setAttribute('auto-select', '');
      wrapper.append(el);
      expect((await selected).detail).to.deep.equal({ CenId: SEED.cenId });
      expect(el.getAttribute('selected')).to.equal(SEED.cenId);

      const kept = document.createElement('cen-list') as CenList;
      kept.setAttribute('auto-select', '');
      kept.setAttribute('selected', 'cen-chosenbyuser');
      const events: Event[] = [];
      kept.addEventListener('cen-select', (e) => events.push(e));
      wrapper.append(kept);
      await ready(kept);
      expect(kept.selected).to.equal('cen-chosenbyuser');
      expect(events).to.have.length(0);
    });

    it('is operable with the keyboard alone: Tab to the rows, arrows move, Enter and Space select', async () => {
      const a = clientAs('A');
      const { CenId: second } = await a.CreateCen({ Name: 'kbd-2' });
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await until(() => el.state === 'ready' && rowIds(el).length === 2, 'two settled rows', 10000);
      const ids = rowIds(el);
      // Tab from the page into the element: filters first, then the create button, then the first row.
      for (let i = 0; i < 8 && !(shadow(el).activeElement?.localName === 'tr'); i++) await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.getAttribute('data-cen-id')).to.equal(ids[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(shadow(el).activeElement?.getAttribute('data-cen-id')).to.equal(ids[1]);
      let selected = nextEvent<{ CenId: string }>(el, 'cen-select');
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.CenId).to.equal(ids[1]);
      await sendKeys({ press: 'ArrowUp' });
      selected = nextEvent<{ CenId: string }>(el, 'cen-select');
      await sendKeys({ press: 'Space' });
      expect((await selected).detail.CenId).to.equal(ids[0]);
      expect(ids).to.include(second);
      // Only the current row is in the tab order (roving tabindex).
      expect($$(el, 'tbody tr').map((r) => r.getAttribute('tabindex'))).to.deep.equal(['0', '-1']);
    });

    it('copies an ID with its button and announces the result', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(el);
      const copied = nextEvent<{ text: string; ok: boolean }>(el, 'cen-copy');
      const selects: Event[] = [];
      el.addEventListener('cen-select', (e) => selects.push(e));
      const button = $(el, '[part="copy-button"]');
      expect(button.getAttribute('aria-label')).to.equal(`Copy ID ${SEED.cenId}`);
      button.click();
      expect((await copied).detail).to.deep.equal({ text: SEED.cenId, ok: true });
      expect(await navigator.clipboard.readText()).to.equal(SEED.cenId);
      await until(() => text($(el, '[part="live"]')) === `Copied ${SEED.cenId} to the clipboard.`, 'the announcement');
      expect(selects).to.have.length(0); // copying is not choosing the row
    });
  });

  describe('create, rename, delete', () => {
    it('validates with the catalogue rules, creates once on a double submit, and follows Creating → Active', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(el);
      await until(() => shadow(el).querySelector('[part="create-button"]'), 'the create button');
      $(el, '[part="create-button"]').click();
      await until(() => dialog(el).open, 'the dialog');
      const name = $(el, 'dialog input[name="Name"]') as HTMLInputElement;
      expect(shadow(el).activeElement).to.equal(name);
      typeInto(name, 'https://not-a-name');
      const form = $(el, 'dialog form') as HTMLFormElement;
      form.requestSubmit();
      await el.updateComplete;
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#f-Name-error'))).to.equal('Name must not start with http:// or https://.');
      expect(name.getAttribute('aria-describedby')).to.contain('f-Name-error');
      await expectAccessible(el, 'create dialog with an error');

      typeInto(name, 'created-once');
      const created = nextEvent<{ CenId: string }>(el, 'cen-created');
      const started = nextEvent<{ action: string; status: string; done: boolean; id: string }>(el, 'cen-progress');
      form.requestSubmit();
      form.requestSubmit(); // a double click
      const { CenId } = (await created).detail;
      expect(CenId).to.match(/^cen-/);
      await until(() => !dialog(el).open, 'the dialog to close');
      const p = await started;
      expect(p.detail).to.deep.equal({ action: 'CreateCen', id: CenId, status: 'Creating', done: false });
      await ready(el, 'progress');
      expect(shadow(el).querySelector('[part="progress"] [role="progressbar"]')).to.exist;
      expect(text($(el, `tr[data-cen-id="${CenId}"] [part="status-badge"]`))).to.equal('Creating');
      await expectAccessible(el, 'progress');
      const done = await nextEvent<{ status: string; done: boolean }>(el, 'cen-progress', 10000);
      expect(done.detail).to.include({ status: 'Active', done: true });
      await ready(el);
      const mine = await clientAs('A').DescribeCens({ Filter: [{ Key: 'Name', Value: ['created-once'] }] });
      expect(mine.TotalCount).to.equal(1);
    });

    it('renames and describes an instance (ModifyCenAttribute)', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(el);
      await until(() => shadow(el).querySelector('[data-action="edit"]'), 'the rename button');
      $(el, '[data-action="edit"]').click();
      await until(() => dialog(el).open, 'the dialog');
      const name = $(el, 'dialog input[name="Name"]') as HTMLInputElement;
      expect(name.value).to.equal('demo-cen');
      typeInto(name, 'renamed-cen');
      typeInto($(el, 'dialog textarea[name="Description"]') as HTMLTextAreaElement, 'new words');
      const modified = nextEvent<{ CenId: string; Name: string; Description: string }>(el, 'cen-modified');
      ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
      expect((await modified).detail).to.deep.equal({ CenId: SEED.cenId, Name: 'renamed-cen', Description: 'new words' });
      await until(() => text($(el, 'tbody tr td.name')) === 'renamed-cen', 'the new name in the row');
    });

    it('explains that attached networks must be detached before a delete', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(el);
      await until(() => shadow(el).querySelector('[data-action="delete"]'), 'the delete button');
      $(el, '[data-action="delete"]').click();
      await until(() => dialog(el).open, 'the confirmation');
      const failed = nextEvent<{ Code: string }>(el, 'cen-error');
      ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
      expect((await failed).detail.Code).to.equal('InvalidOperation.AttachedChildInstanceExist');
      await el.updateComplete;
      const alert = text($(el, 'dialog [part="error"]'));
      expect(alert).to.contain('Detach them first').and.contain('InvalidOperation.AttachedChildInstanceExist');
      expect(dialog(el).open).to.equal(true);
      await expectAccessible(el, 'delete refused');
    });

    it('deletes after confirmation and follows Deleting until the row is gone', async () => {
      const { CenId } = await clientAs('A').CreateCen({ Name: 'to-delete' });
      const el = await fixture<CenList>(html`<cen-list filter-id=${CenId}></cen-list>`);
      await until(() => el.state === 'ready' && rowIds(el).length === 1, 'the settled row', 10000);
      $(el, '[data-action="delete"]').click();
      await until(() => dialog(el).open, 'the confirmation');
      expect(text($(el, 'dialog'))).to.contain(`to-delete (${CenId}) will be deleted`);
      const deleted = nextEvent<{ CenId: string }>(el, 'cen-deleted');
      const gone = new Promise<CustomEvent<{ status: string; done: boolean; action: string }>>((resolve) =>
        el.addEventListener('cen-progress', (e) => e.detail.done && resolve(e)),
      );
      ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
      expect((await deleted).detail).to.deep.equal({ CenId });
      const g = await gone;
      expect(g.detail).to.include({ action: 'DeleteCen', status: 'Deleted', done: true });
      await ready(el, 'no-match');
    });

    it('stops polling once everything settled, and when it leaves the page', async () => {
      const calls: number[] = [];
      const client = createCenClient({
        fetch: (input, init) => {
          if (String(input).endsWith('/DescribeCens')) calls.push(Date.now());
          return fetch(input, init);
        },
      });
      await clientAs('A').CreateCen({ Name: 'settles' });
      const el = await fixture<CenList>(html`<cen-list .client=${client}></cen-list>`);
      await ready(el, 'progress');
      await ready(el);
      const settled = calls.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(calls.length).to.equal(settled); // no polling once nothing is Creating or Deleting

      await clientAs('A').CreateCen({ Name: 'left-behind' });
      el.reload();
      await ready(el, 'progress');
      el.remove();
      const atRemoval = calls.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(calls.length).to.equal(atRemoval);
    });

    it('shows no write controls where the caller may not write (read-only Worker)', async () => {
      const el = await fixture<CenList>(html`<cen-list api="/ro-api"></cen-list>`);
      await ready(el);
      // Give GET /api time to answer, then check nothing appeared.
      await until(() => (el as unknown as { apiIndex?: unknown }).apiIndex, 'GET /api');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="create-button"]')).to.equal(null);
      expect(shadow(el).querySelector('[data-action="edit"], [data-action="delete"]')).to.equal(null);
      expect(el.canCall('DescribeCens')).to.equal(true);
      expect(el.canCall('CreateCen')).to.equal(false);
      expect(el.allowed('DeleteCen')).to.equal(false);
    });
  });

  describe('configuration, language and theme', () => {
    it('takes the profile from <meta name="cen-kit:profile"> and from configure()', async () => {
      const meta = Object.assign(document.createElement('meta'), { name: 'cen-kit:profile', content: 'B' });
      document.head.append(meta);
      try {
        const el = await fixture<CenList>(html`<cen-list></cen-list>`);
        await ready(el, 'empty');
        meta.remove();
        configure({ profile: 'A' });
        await ready(el);
        expect(rowIds(el)).to.deep.equal([SEED.cenId]);
      } finally {
        meta.remove();
      }
    });

    it('uses a client property of the app (headers, profile) over everything else', async () => {
      const seen: string[] = [];
      const client = createCenClient({
        profile: 'B',
        fetch: (input, init) => {
          seen.push(new Headers(init?.headers).get('x-cen-profile') ?? '');
          return fetch(input, init);
        },
      });
      const el = await fixture<CenList>(html`<cen-list .client=${client}></cen-list>`);
      await ready(el, 'empty');
      expect(seen).to.include('B');
      el.client = undefined;
      await ready(el);
    });

    it('speaks Simplified Chinese under lang="zh-CN" (ancestor or own) and follows changes', async () => {
      await clientAs('A').CreateCen({ Name: 'zh' }); // a second row, to see number formatting
      const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><cen-list></cen-list></div>`);
      const el = wrap.querySelector('cen-list')!;
      await until(() => el.state === 'ready' && rowIds(el).length === 2, 'rows', 10000);
      expect(text($(el, 'thead'))).to.contain('名称').and.contain('状态').and.contain('带宽包');
      expect(text($(el, `tr[data-cen-id="${SEED.cenId}"] [part="status-badge"]`))).to.equal('可用');
      expect(text($(el, '[part="pagination"]'))).to.contain('第 1–2 条，共 2 条');
      expect($(el, '[part="base"]').getAttribute('lang')).to.equal('zh-CN');
      await expectAccessible(el, 'zh-CN');
      wrap.setAttribute('lang', 'en');
      await until(() => text($(el, 'thead')).includes('Name'), 'English after the ancestor changed');
      el.lang = 'zh-CN';
      await until(() => text($(el, 'thead')).includes('名称'), 'Chinese from the own lang');
    });

    it('follows prefers-color-scheme, and theme="light|dark" overrides it (axe in both)', async () => {
      const el = await fixture<CenList>(html`<cen-list></cen-list>`);
      await ready(el);
      const bg = () => getComputedStyle(el).backgroundColor;
      await emulateMedia({ colorScheme: 'light' });
      expect(bg()).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(bg()).to.equal('rgb(13, 17, 23)');
      await expectAccessible(el, 'dark (system)');
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('light');
      expect(bg()).to.equal('rgb(255, 255, 255)');
      await expectAccessible(el, 'light (attribute)');
      await emulateMedia({ colorScheme: 'light' });
      el.theme = 'dark';
      await el.updateComplete;
      expect(bg()).to.equal('rgb(13, 17, 23)');
      await expectAccessible(el, 'dark (attribute)');
      // A page token reaches in; the page's other CSS does not.
      el.style.setProperty('--cen-color-bg', 'rgb(1, 2, 3)');
      expect(bg()).to.equal('rgb(1, 2, 3)');
    });

    it('exposes its structure as parts and keeps its styles inside', async () => {
      const style = document.createElement('style');
      style.textContent = 'table, tr, td, button { color: rgb(255, 0, 0) !important; } cen-list::part(status-badge) { color: rgb(0, 128, 0); }';
      document.head.append(style);
      try {
        const el = await fixture<CenList>(html`<cen-list></cen-list>`);
        await ready(el);
        expect(getComputedStyle($(el, '[part="status-badge"]')).color).to.equal('rgb(0, 128, 0)');
        expect(getComputedStyle($(el, 'td')).color).not.to.equal('rgb(255, 0, 0)');
      } finally {
        style.remove();
      }
    });
  });

  describe('registration', () => {
    it('defining the element again does not throw', () => {
      expect(() => CenList.define('cen-list')).not.to.throw();
      expect(customElements.get('cen-list')).to.equal(CenList);
      class Other extends CenList {}
      expect(() => Other.define('cen-list')).not.to.throw();
      expect(customElements.get('cen-list')).to.equal(CenList);
      expect(document.createElement('cen-list')).to.be.instanceOf(CenList);
    });
  });
});
