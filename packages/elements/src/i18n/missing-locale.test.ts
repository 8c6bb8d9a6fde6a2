// The built elements.js where its zh-CN module cannot be loaded (a self-hosted
// copy without elements/ beside it): English, one warning, no retry loop.
// A copy imported from a blob: URL cannot resolve ./elements/locale-zh-cn.js.
// This file imports no element source, so the copy is the page's only one.
import { expect, fixture, html } from '@open-wc/testing';

describe('elements.js without its zh-CN module beside it', () => {
  it('shows English, warns once, and does not keep trying', async function () {
    const res = await fetch('/dist/site/elements.js');
    if (!res.ok) this.skip(); // not built yet (npm test builds before this suite)
    const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/javascript' }));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(String(a[0]));
    try {
      await import(/* @vite-ignore */ url);
      const el = await fixture<HTMLElement & { updateComplete: Promise<boolean>; requestUpdate(): void }>(
        html`<cen-list lang="zh-CN" api="/no-api-here"></cen-list>`,
      );
      await el.updateComplete;
      for (let i = 0; i < 5; i++) {
        el.requestUpdate();
        await el.updateComplete;
      }
      for (let t = 0; t < 100 && el.getAttribute('state') !== 'error'; t++) await new Promise((r) => setTimeout(r, 100));
      // The API is not there: the error block, in English.
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.shadowRoot!.textContent).to.contain('Retry');
      expect(warnings.filter((w) => w.includes('Simplified Chinese'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
