// What the tests share: the server's origin, one Chromium, and helpers to open
// a page that fails the test on any uncaught error in the page.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * @param {string} root
 */
export function createContext(root) {
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {import('playwright-core').BrowserContext[]} */
  const contexts = [];
  const ctx = {
    root,
    /** @type {string | undefined} */
    origin: undefined,
    /** @type {(() => Promise<void>) | undefined} */
    stopServer: undefined,
    /** @type {(() => string) | undefined} */
    serverOutput: undefined,

    /** The server's origin, or an error saying it never started. */
    url(path = '/') {
      if (!ctx.origin) throw new Error('the Worker did not start (see the first failure)');
      return ctx.origin + path;
    },

    /**
     * A fresh browser context and page. Page errors are collected; `check()` throws if any happened.
     *
     * @param {{ colorScheme?: 'light' | 'dark', width?: number, height?: number }} [opts]
     */
    async page(opts = {}) {
      browser ??= await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const context = await browser.newContext({
        viewport: { width: opts.width ?? 1400, height: opts.height ?? 1000 },
        colorScheme: opts.colorScheme ?? 'light',
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      /** @type {string[]} */
      const errors = [];
      page.on('pageerror', (e) => errors.push(`uncaught in page: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console.error: ${m.text()}`);
      });
      return {
        page,
        errors,
        /** Throws when the page had an uncaught error or logged one. */
        check() {
          if (errors.length) throw new Error(errors.join('\n'));
        },
        close: () => context.close(),
      };
    },

    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close().catch(() => {});
      await ctx.stopServer?.();
    },
  };
  return ctx;
}
