import { expect, fixture, html } from '@open-wc/testing';
import '../define/cen-attach-form.js';
import type { CenAttachForm } from '../components/cen-attach-form/cen-attach-form.js';
import { CenElement } from './cen-element.js';
import { localeReady } from '../i18n/index.js';
import { expectAccessible, resetWorld } from '../test/helpers.js';

class TestEmitter extends CenElement {}
TestEmitter.define('cen-test-emitter');

/** Records the text of every render. */
class TestWords extends CenElement {
  rendered: string[] = [];
  override render() {
    this.rendered.push(this.m.retry);
    return html`<p>${this.m.retry}</p>`;
  }
}
TestWords.define('cen-test-words');

describe('CenElement', () => {
  before(() => resetWorld());

  // First in the file: the page has not loaded the Chinese texts yet.
  it('under lang="zh-CN" waits for the Chinese texts: the first render is already Chinese, updateComplete waits for it', async () => {
    expect(localeReady('zh-CN'), 'the Chinese texts are not loaded before this test').to.not.equal(undefined);
    const el = await fixture<TestWords>(html`<cen-test-words lang="zh-CN"></cen-test-words>`);
    expect(el.rendered.length).to.be.greaterThan(0);
    expect(el.rendered.filter((t) => t !== '重试'), 'renders in English').to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('重试');
    expect(el.getAttribute('state')).to.equal('loading');
    el.lang = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Retry');
  });

  it('emits cen-* events that bubble out of shadow roots with their detail', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('cen-test-emitter') as TestEmitter;
    root.append(el);
    let seen: CustomEvent<{ CenId: string }> | undefined;
    document.addEventListener('cen-select', (e) => (seen = e), { once: true });
    const e = el.emit('cen-select', { CenId: 'cen-x' });
    expect(seen).to.equal(e);
    expect(e.detail).to.deep.equal({ CenId: 'cen-x' });
    expect(e.bubbles && e.composed).to.equal(true);
  });

  it('follow takes cen-select from any element matching the selector, including one added later', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><cen-attach-form follow=".picker"></cen-attach-form></div>`);
    const form = wrap.querySelector<CenAttachForm>('cen-attach-form')!;
    const picker = Object.assign(document.createElement('cen-test-emitter'), { className: 'picker' }) as TestEmitter;
    wrap.append(picker);
    picker.emit('cen-select', { CenId: 'cen-from-later' });
    expect(form.cenId).to.equal('cen-from-later');
    const other = document.createElement('cen-test-emitter') as TestEmitter;
    wrap.append(other);
    other.emit('cen-select', { CenId: 'cen-not-followed' });
    expect(form.cenId).to.equal('cen-from-later');
    form.follow = undefined;
    await form.updateComplete;
    picker.emit('cen-select', { CenId: 'cen-after-unfollow' });
    expect(form.cenId).to.equal('cen-from-later');
  });

  it('an invalid follow selector warns and follows nothing', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a[0]);
    try {
      const form = await fixture<CenAttachForm>(html`<cen-attach-form follow="#("></cen-attach-form>`);
      expect(String(warnings[0])).to.contain('not a valid CSS selector');
      expect(form.cenId).to.equal(undefined);
    } finally {
      console.warn = warn;
    }
  });

  it('loading the built bundle twice does not throw and keeps the first definitions', async function () {
    const probe = await fetch('/dist/site/elements.js', { method: 'HEAD' });
    if (!probe.ok) this.skip(); // not built yet (npm test builds before this suite)
    const first = customElements.get('cen-attach-form');
    await import(/* @vite-ignore */ `/dist/site/elements.js?copy=1` as string);
    await import(/* @vite-ignore */ `/dist/site/elements.js?copy=2` as string);
    expect(customElements.get('cen-attach-form')).to.equal(first);
    expect(customElements.get('cen-list')).to.exist;
    expect(window.CenKit?.configure).to.be.a('function');
  });

  it('the axe helper does fail on a violation (so the other checks mean something)', async () => {
    const el = await fixture<HTMLDivElement>(html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></div>`);
    const error = await expectAccessible(el).then(() => undefined, (e: Error) => e);
    expect(error?.message).to.contain('image-alt');
  });
});
