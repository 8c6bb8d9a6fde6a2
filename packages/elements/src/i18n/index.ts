/**
 * The elements' message catalogue (English and Simplified Chinese) and Intl
 * formatting. No @lit/localize: two small objects cost less than its runtime.
 *
 * @example
 * ```ts
 * const m = messages('zh-CN');
 * m.showing(formatNumber('zh-CN', 1), formatNumber('zh-CN', 20), formatNumber('zh-CN', 132));
 * ```
 */
import { en, type Messages } from './en.js';
import { zhCN } from './zh-cn.js';

export type { Messages };
export type Locale = 'en' | 'zh-CN';

/** Any Chinese tag (zh, zh-CN, zh-Hans-CN, …) gets the Simplified Chinese messages; everything else English. */
export function normalizeLocale(tag: string | null | undefined): Locale {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

export function messages(locale: Locale): Messages {
  return locale === 'zh-CN' ? zhCN : en;
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
