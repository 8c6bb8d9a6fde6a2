/**
 * The elements' messages and Intl formatting. English is in the bundle; the
 * Simplified Chinese texts (locale-zh-cn.ts) are loaded on demand, the first
 * time an element shows Chinese, so English pages never download them. No
 * @lit/localize: plain objects cost less than its runtime.
 *
 * @example
 * ```ts
 * await localeReady('zh-CN');
 * const m = messages('zh-CN');
 * m.showing(formatNumber('zh-CN', 1), formatNumber('zh-CN', 20), formatNumber('zh-CN', 132));
 * ```
 */
import { en, type Messages } from './en.js';
import type { LocaleTexts } from './locale-zh-cn.js';

export type { Messages };
export type Locale = 'en' | 'zh-CN';

/** Any Chinese tag (zh, zh-CN, zh-Hans-CN, …) gets the Simplified Chinese messages; everything else English. */
export function normalizeLocale(tag: string | null | undefined): Locale {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

let zh: LocaleTexts | undefined;
let loading: Promise<void> | undefined;
let failed = false;

/**
 * Starts loading the texts of `locale` if they are not here yet and returns
 * the promise to wait for; `undefined` when there is nothing to wait for
 * (English, Chinese already loaded, or a load that failed). A failed load
 * (the file missing beside a self-hosted elements.js, a network error) says
 * so once in the console and leaves the page in English until it is
 * reloaded: trying again on every render would loop.
 *
 * @example
 * ```ts
 * const wait = localeReady(this.locale);
 * if (wait) wait.then(() => this.requestUpdate());
 * ```
 */
export function localeReady(locale: Locale): Promise<void> | undefined {
  if (locale !== 'zh-CN' || zh || failed) return undefined;
  return (loading ??= import('./locale-zh-cn.js').then(
    (m) => {
      zh = m.locale;
    },
    (e: unknown) => {
      failed = true;
      console.warn('cen-kit: the Simplified Chinese texts could not be loaded (elements/locale-zh-cn.js beside elements.js); showing English.', e);
    },
  ));
}

/**
 * The texts of `locale` picked from the loaded Chinese locale, or `en` while
 * it is not loaded (see `localeReady`).
 *
 * @example localized('zh-CN', (l) => l.planner, en)
 */
export function localized<T>(locale: Locale, pick: (l: LocaleTexts) => T, en: T): T {
  return locale === 'zh-CN' && zh ? pick(zh) : en;
}

/** The shared messages of `locale` (English until the Chinese texts are loaded). */
export function messages(locale: Locale): Messages {
  return localized(locale, (l) => l.base, en);
}

/** @example formatNumber('en', 1234) // '1,234' */
export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * Alibaba times (`2019-10-22T07:44Z`, or with seconds) in the reader's locale;
 * text that is not a time comes back unchanged.
 *
 * @example formatDate('en', '2019-10-22T07:44Z') // 'Oct 22, 2019, 7:44 AM' (in the reader's time zone)
 */
export function formatDate(locale: Locale, value: string | undefined): string {
  if (!value) return '';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}
