/**
 * The base class of every cen-kit element: typed `emit()`, safe `define()`,
 * theme, language resolution, client resolution, what the caller may do
 * (`canCall()` from GET /api), the reflected `state`, a live region, and
 * `follow` (take the CEN another element selects, without script).
 */
import { LitElement, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ActionName, ApiIndex, CallOptions, CenClient, RequestOf, ResponseOf } from '@cen-kit/client';
import { configEvents } from './config.js';
import { apiIndexOf, isAllowed, resolveConnection, type Connection } from './connection.js';
import { toErrorInfo, type ErrorInfo } from './errors.js';
import type { CenEvent, CenEventMap, CenEventName } from './events.js';
import { configuration } from './config.js';
import { AREAS, regionById } from '@cen-kit/catalog/regions';
import { localeReady, localized, messages, normalizeLocale, type Locale, type Messages } from '../i18n/index.js';

/**
 * `loading` (first load, a skeleton), `ready`, `empty` (nothing exists),
 * `no-match` (the filter hides everything), `error` (with a retry), and
 * `progress` (a long operation is being followed).
 */
export type ElementState = 'loading' | 'ready' | 'empty' | 'no-match' | 'error' | 'progress';

const live = new Set<CenElement>();
let langObserver: MutationObserver | undefined;

/** One observer for the whole page: any `lang` change re-renders the connected elements. */
function watchLang(el: CenElement, on: boolean) {
  if (on) live.add(el);
  else live.delete(el);
  if (on && !langObserver && typeof MutationObserver !== 'undefined') {
    langObserver = new MutationObserver(() => live.forEach((e) => e.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

export class CenElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { type: String },
    profile: { type: String },
    client: { attribute: false },
    theme: { type: String, reflect: true },
    lang: { type: String, reflect: true },
    follow: { type: String },
    state: { type: String, reflect: true },
    apiIndex: { state: true },
    announcement: { state: true },
  };

  /**
   * Registers the element under `tag` unless that name is taken. Loading the
   * bundle twice (two teams on one portal) warns instead of throwing.
   *
   * @example CenList.define('cen-list');
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, this);
    else if (existing !== this) console.warn(`cen-kit: <${tag}> is already defined by another copy of the elements; keeping the first.`);
  }

  /** Base URL of the Worker's API (default: `configure()`, `<meta name="cen-kit:api">`, then same-origin `/api`). */
  declare api: string | undefined;
  /** Alibaba credential profile to use (sent as `X-Cen-Profile`). */
  declare profile: string | undefined;
  /** A client of your own (auth headers, cookies); wins over `api`. */
  declare client: CenClient | undefined;
  /** `light` or `dark`; unset follows the page's prefers-color-scheme. */
  declare theme: 'light' | 'dark' | undefined;
  /** Language of this element (`en` or `zh-CN`); unset follows the closest ancestor's, then the document's. */
  declare lang: string;
  /** CSS selector of an element whose `cen-select` this one follows. */
  declare follow: string | undefined;
  /** What the element shows now (reflected). */
  declare state: ElementState;
  /** GET /api for this element's client: undefined while loading, null if it failed. */
  declare protected apiIndex: ApiIndex | null | undefined;
  declare protected announcement: string;

  /** Aborted when the element leaves the page: stops polling and pending calls. */
  protected lifetime = new AbortController();
  private internals: ElementInternals | undefined;
  private followRoot: Document | ShadowRoot | undefined;
  private onConfig = () => this.connectionChanged();
  private onFollowed = (e: Event) => {
    const t = e.target;
    if (!this.follow || t === this || !(t instanceof Element)) return;
    let match = false;
    try {
      match = t.matches(this.follow);
    } catch {
      // An invalid selector was already reported by wireFollow.
    }
    if (match) this.followed((e as CenEvent<'cen-select'>).detail.CenId);
  };

  constructor() {
    super();
    this.state = 'loading';
    this.announcement = '';
    try {
      this.internals = this.attachInternals();
    } catch {
      this.internals = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#awaitLocale();
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
    configEvents.addEventListener('change', this.onConfig);
    watchLang(this, true);
    this.wireFollow();
    // Moved in the page: the old lifetime was aborted, so load again.
    if (this.hasUpdated) this.connectionChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lifetime.abort(new DOMException('The element left the page.', 'AbortError'));
    configEvents.removeEventListener('change', this.onConfig);
    watchLang(this, false);
    this.unwireFollow();
  }

  /** Set while the texts of the element's language are loading (see `localeReady`). */
  #localeWait: Promise<void> | undefined;
  /** The changes of a first update put off until the texts arrive. */
  #putOff: PropertyValues | undefined;

  /** Starts loading the texts of `locale` when needed; the element renders again when they arrive. */
  #awaitLocale(): void {
    const wait = localeReady(this.locale);
    if (!wait || this.#localeWait) return;
    this.#localeWait = wait.then(() => {
      this.#localeWait = undefined;
      // Lit forgets the changes of an update it skipped: hand them back, so the first real update sees them.
      const putOff = this.#putOff;
      this.#putOff = undefined;
      putOff?.forEach((old, name) => this.requestUpdate(name, old));
      this.requestUpdate();
    });
  }

  /** The first render waits for the texts of a language being loaded, so the page never flashes English. */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    this.#awaitLocale();
    if (this.hasUpdated || !this.#localeWait) return true;
    this.#putOff = new Map([...changed, ...(this.#putOff ?? [])]);
    return false;
  }

  /** `updateComplete` also waits for the texts of the element's language and the render that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#localeWait) {
      await this.#localeWait;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('api') || changed.has('profile') || changed.has('client')) this.connectionChanged();
    if (changed.has('follow')) this.wireFollow();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('state') && this.internals?.states) {
      // Custom states too, for `cen-list:state(error)` in CSS.
      try {
        this.internals.states.clear();
        this.internals.states.add(this.state);
      } catch {
        // Older engines without CustomStateSet: the attribute is enough.
      }
    }
  }

  /**
   * Emits a `cen-*` event (bubbling, composed) with a typed detail.
   *
   * @example this.emit('cen-select', { CenId });
   */
  emit<K extends CenEventName>(name: K, detail: CenEventMap[K]): CenEvent<K> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, detail });
    this.dispatchEvent(event);
    return event;
  }

  /** The language in force: own `lang`, the closest ancestor's (across shadow roots), the document's, `configure({lang})`, English. */
  get locale(): Locale {
    let node: Node | null = this;
    while (node) {
      if (node instanceof HTMLElement && node.getAttribute('lang')) return normalizeLocale(node.getAttribute('lang'));
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return normalizeLocale(configuration().lang);
  }

  /** The messages of `locale`. */
  protected get m(): Messages {
    return messages(this.locale);
  }

  /**
   * The name of a region in the element's language; the RegionId itself for
   * a region cen-kit does not know.
   *
   * @example this.regionName('cn-hangzhou') // 'China (Hangzhou)', or '华东1（杭州）' under zh-CN
   */
  regionName(RegionId: string): string {
    return localized(this.locale, (l) => l.regions[RegionId], undefined) ?? regionById(RegionId)?.name ?? RegionId;
  }

  /**
   * The name of an area (`china`, `north-america`, …) in the element's language;
   * the id itself for an unknown area.
   *
   * @example this.areaName('north-america') // 'North America', or '北美' under zh-CN
   */
  areaName(area: string): string {
    return localized(this.locale, (l) => (l.areas as Record<string, string>)[area], undefined) ?? AREAS.find((a) => a.id === area)?.name ?? area;
  }

  /** The client and per-call profile this element uses now. */
  protected get connection(): Connection {
    return resolveConnection({ api: this.api, profile: this.profile, client: this.client });
  }

  /**
   * Calls an action with this element's profile and lifetime signal.
   *
   * @example const r = await this.call('DescribeCens', { PageSize: 20 });
   */
  protected call<A extends ActionName>(action: A, params: RequestOf<A>, opts: CallOptions = {}): Promise<ResponseOf<A>> {
    return this.connection.client.call(action, params, { ...this.callOptions(), ...opts });
  }

  /**
   * Options for a client call: this element's profile, and a signal that also
   * ends when the element leaves the page.
   *
   * @example await client.allPages('DescribeCenVbrHealthCheck', params, { ...this.callOptions(ctl.signal), pageSize: PAGE_SIZE_MAX });
   */
  protected callOptions(signal?: AbortSignal): { signal: AbortSignal; profile?: string } {
    const { profile } = this.connection;
    return { signal: signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal, ...(profile ? { profile } : {}) };
  }

  /** Whether the caller may call `action` (false until GET /api answered). */
  canCall(action: string): boolean {
    return isAllowed(this.apiIndex ?? undefined, action);
  }

  /** Same as `canCall` (the name GET /api uses for it). */
  allowed(action: string): boolean {
    return this.canCall(action);
  }

  /** Re-reads what the caller may do and reloads the data (new api, profile, client or configure()). */
  protected connectionChanged(): void {
    this.apiIndex = undefined;
    const { client } = this.connection;
    apiIndexOf(client).then(
      (ix) => {
        if (this.connection.client === client) this.apiIndex = ix;
      },
      () => {
        if (this.connection.client === client) this.apiIndex = null;
      },
    );
    this.load();
  }

  /** Loads the element's data; subclasses override. */
  protected load(): void {}

  /** Sets the CEN another element selected (`follow`). */
  protected followed(CenId: string): void {
    if ('cenId' in this) (this as { cenId?: string }).cenId = CenId;
  }

  /** Says `text` in the polite live region (also when it is the same text again). */
  protected async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  /** Reports a failed call as a `cen-error` event and returns what to show. */
  protected failed(action: string, e: unknown): ErrorInfo {
    const info = toErrorInfo(e);
    this.emit('cen-error', { action, Code: info.Code, message: info.message, RequestId: info.RequestId });
    return info;
  }

  /** The polite live region every element has (part `live`). */
  protected renderLive(): TemplateResult {
    return html`<div part="live" class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private wireFollow(): void {
    this.unwireFollow();
    if (!this.follow || !this.isConnected) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    let source: Element | null = null;
    try {
      source = root.querySelector(this.follow);
    } catch {
      console.warn(`cen-kit: follow="${this.follow}" is not a valid CSS selector; nothing is followed.`);
      return;
    }
    // Listening on the root (not the source) also works when the source is parsed or replaced later.
    root.addEventListener('cen-select', this.onFollowed);
    this.followRoot = root;
    const already = source?.getAttribute('selected');
    if (already) this.followed(already);
  }

  private unwireFollow(): void {
    this.followRoot?.removeEventListener('cen-select', this.onFollowed);
    this.followRoot = undefined;
  }
}
