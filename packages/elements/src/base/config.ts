/**
 * Page-wide defaults for every cen-kit element, so a static page needs no
 * script: `<meta name="cen-kit:api" content="https://portal.example/api">` and
 * `<meta name="cen-kit:profile" content="B">`. Apps that do run script call
 * `configure()` (also on `window.CenKit.configure`).
 *
 * Precedence, most specific first: the element's own `client` property, its
 * `api`/`profile`/`lang` attributes, `configure()`, the `<meta>` tags, then
 * the defaults (same-origin `/api`, the Worker's default profile).
 */
import type { CenClient } from '@cen-kit/client';

export interface CenKitConfig {
  /** Base URL of the Worker's API. */
  api?: string | undefined;
  /** A ready client (auth headers, cookies, a custom fetch). Used when an element has no `api` or `client` of its own. */
  client?: CenClient | undefined;
  /** Alibaba credential profile (sent as `X-Cen-Profile`). */
  profile?: string | undefined;
  /** Language when neither the element nor any ancestor has a `lang`. */
  lang?: string | undefined;
}

const current: CenKitConfig = {};

/** Fired (on `configEvents`) after `configure()` so connected elements reload with the new settings. */
export const configEvents = new EventTarget();

/**
 * Sets page-wide defaults. Keys given as `undefined` are cleared.
 *
 * @example
 * ```ts
 * import { configure } from '@cen-kit/elements';
 * configure({ api: 'https://cen.example.com/api', profile: 'B', lang: 'zh-CN' });
 * ```
 */
export function configure(config: CenKitConfig): void {
  if (!config || typeof config !== 'object') throw new TypeError('configure() takes an object such as { api: "/api", profile: "A" }');
  for (const key of ['api', 'client', 'profile', 'lang'] as const) {
    if (key in config) (current as Record<string, unknown>)[key] = config[key];
  }
  configEvents.dispatchEvent(new Event('change'));
}

/** The settings `configure()` holds now (a copy). */
export function configuration(): CenKitConfig {
  return { ...current };
}

/** The content of `<meta name="cen-kit:NAME">`, read each time so a page may change it. */
export function metaConfig(name: 'api' | 'profile' | 'lang'): string | undefined {
  const el = document.querySelector<HTMLMetaElement>(`meta[name="cen-kit:${name}"]`);
  const v = el?.content.trim();
  return v ? v : undefined;
}
