import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ItemOf, PagedActionName, RequestOf } from '@cen-kit/client';
import { checkAccountId, PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { AREAS, regionById } from '@cen-kit/catalog/regions';
import { CenElement } from '../../base/cen-element.js';
import { newKey } from '../../base/keys.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import type { AttachmentDetail } from '../../base/events.js';
import { pollUntil } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderError, renderLoading, renderProgress, renderSkeleton } from '../../base/views.js';
import { styles } from './cen-attach-form.styles.js';

type Cen = ItemOf<'DescribeCens'>;
type Child = ItemOf<'DescribeCenAttachedChildInstances'>;
type NetworkType = 'VPC' | 'VBR';
type Field = 'cen' | 'type' | 'region' | 'owner' | 'network';
/** A choice in a select: value and text. */
type Opt = [value: string, label: string];
type Grant =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'ok'; profile: string }
  | { kind: 'missing'; profile: string }
  | { kind: 'unknown' };

const OTHER = '__other__';

/** Where a server error belongs: request parameter paths and Alibaba codes → the field that shows it. */
const FIELD_OF_PATH: Record<string, Field> = {
  CenId: 'cen',
  ChildInstanceType: 'type',
  ChildInstanceRegionId: 'region',
  ChildInstanceOwnerId: 'owner',
  ChildInstanceId: 'network',
};
const FIELD_OF_CODE: Record<string, Field> = {
  ParameterCenInstanceId: 'cen',
  'InvalidOperation.CenInstanceStatus': 'cen',
  'ParameterIllegal.ChildInstanceType': 'type',
  'InstanceType.NotSupport': 'type',
  'ParameterIllegal.ChildInstanceRegionId': 'region',
  'ParameterIllegal.RegionId': 'region',
  'ParameterIllegal.ChildInstanceUid': 'owner',
  'InvalidOperation.NoGrantRule': 'owner',
  'ParameterIllegal.ChildInstanceId': 'network',
  'InvalidInstanceId.NotFound': 'network',
  ParameterInstanceId: 'network',
  'InvalidOperation.ChildInstanceAlreadyAttached': 'network',
  'InvalidOperation.ChildInstanceStatus': 'network',
};
/** The fields in the form's order, as FIELD_OF_PATH lists them (the first with an error gets the focus). */
const FIELD_ORDER = Object.values(FIELD_OF_PATH);

/** `Name (id) · detail`, or the id alone when there is no name. */
const labelOf = (id: string, name?: string, detail?: string): string => `${name ? `${name} (${id})` : id}${detail ? ` · ${detail}` : ''}`;

/**
 * Connects a network (VPC or VBR, this account's or another's) to a CEN
 * instance, follows it from Attaching to Attached, and lists the CEN's
 * networks with detach. Usable with the keyboard alone: native controls in
 * one form, Enter submits.
 *
 * @summary Attaches networks to a CEN instance (AttachCenChildInstance) and detaches them.
 * @tagname cen-attach-form
 *
 * @example
 * ```html
 * <cen-list id="cens"></cen-list>
 * <cen-attach-form follow="#cens"></cen-attach-form>
 * ```
 *
 * @attr api - Base URL of the Worker's API (default `<meta name="cen-kit:api">`, then same-origin `/api`).
 * @attr profile - Alibaba credential profile (`X-Cen-Profile`).
 * @attr theme - `light` or `dark`; unset follows prefers-color-scheme.
 * @attr lang - `en` or `zh-CN`; unset follows the closest ancestor's `lang`.
 * @attr follow - CSS selector of a `<cen-list>` (or anything emitting `cen-select`) whose selection sets `cen-id`.
 * @attr state - Reflected: `loading`, `ready`, `error` or `progress`.
 * @attr cen-id - The CEN instance to attach to (the select starts on it).
 * @attr child-instance-type - `VPC` (default) or `VBR`.
 * @attr region - The network's region.
 * @attr owner-id - Account ID of the network's owner, for another account's network.
 *
 * @fires cen-attached - A network reached Attached; `detail: { CenId, ChildInstanceId, ChildInstanceType, ChildInstanceRegionId, ChildInstanceOwnerId? }`.
 * @fires cen-detached - A network was detached and is gone; same detail.
 * @fires cen-progress - Attaching/Detaching moved on; `detail: { action, id, status, done }`.
 * @fires cen-error - A call failed; `detail: { action, Code, message, RequestId }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The form.
 * @csspart field - Each field (label, control, help, error).
 * @csspart label - Each field's label or legend.
 * @csspart control - Each input or select.
 * @csspart help-text - Help under a field.
 * @csspart error-text - A field's error.
 * @csspart grant-note - The cross-account guidance and grant check.
 * @csspart submit - The attach button.
 * @csspart progress - The progress bar while attaching or detaching.
 * @csspart attached - The section listing the CEN's networks.
 * @csspart attached-table - The table of attached networks.
 * @csspart detach-button - Each detach button.
 * @csspart status-badge - The status of an attached network.
 * @csspart skeleton - Placeholder while loading.
 * @csspart error - An error block (message, Code, RequestId, retry).
 * @csspart retry - A retry button.
 * @csspart dialog - The detach confirmation.
 * @csspart live - The polite live region.
 *
 * @cssprop --cen-font-family - Font of the element.
 * @cssprop --cen-font-size - Base font size (14px).
 * @cssprop --cen-color-text - Text colour.
 * @cssprop --cen-color-muted - Secondary text.
 * @cssprop --cen-color-bg - Background.
 * @cssprop --cen-color-surface - Header, button and skeleton background.
 * @cssprop --cen-color-border - Borders.
 * @cssprop --cen-color-accent - Primary buttons and links.
 * @cssprop --cen-color-danger - Detach and error colours.
 * @cssprop --cen-color-focus - Focus ring.
 * @cssprop --cen-radius - Corner radius.
 * @cssprop --cen-space - Spacing unit (8px).
 */
export class CenAttachForm extends CenElement {
  static override styles = [tokens, controls, styles];

  static override properties: PropertyDeclarations = {
    cenId: { type: String, attribute: 'cen-id' },
    childInstanceType: { type: String, attribute: 'child-instance-type' },
    region: { type: String },
    ownerId: { type: String, attribute: 'owner-id' },
    cens: { state: true },
    regions: { state: true },
    loadError: { state: true },
    crossAccount: { state: true },
    networks: { state: true },
    networksError: { state: true },
    networkChoice: { state: true },
    networkId: { state: true },
    grant: { state: true },
    fieldErrors: { state: true },
    formError: { state: true },
    submitting: { state: true },
    progress: { state: true },
    attached: { state: true },
    attachedError: { state: true },
    detachTarget: { state: true },
    detachError: { state: true },
  };

  /** The CEN instance networks are attached to. */
  declare cenId: string | undefined;
  /** `VPC` or `VBR`. */
  declare childInstanceType: NetworkType;
  /** The network's region. */
  declare region: string | undefined;
  /** The owner's account ID when the network belongs to another account. */
  declare ownerId: string | undefined;

  declare private cens: Cen[] | undefined;
  declare private regions: { RegionId: string; LocalName?: string | undefined }[] | undefined;
  declare private loadError: ErrorInfo | undefined;
  declare private crossAccount: boolean;
  declare private networks: Opt[] | undefined;
  declare private networksError: ErrorInfo | undefined;
  declare private networkChoice: string;
  declare private networkId: string;
  declare private grant: Grant;
  declare private fieldErrors: Partial<Record<Field, string>>;
  declare private formError: ErrorInfo | undefined;
  declare private submitting: boolean;
  declare private progress: { label: string } | undefined;
  declare private attached: Child[] | undefined;
  declare private attachedError: ErrorInfo | undefined;
  declare private detachTarget: Child | undefined;
  declare private detachError: ErrorInfo | undefined;

  /** The running job of each kind (load, regions, networks, attached, grant); a newer one aborts it. */
  #jobs: Record<string, AbortController> = {};
  #grantTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.childInstanceType = 'VPC';
    this.crossAccount = false;
    this.networkChoice = '';
    this.networkId = '';
    this.grant = { kind: 'idle' };
    this.fieldErrors = {};
    this.submitting = false;
  }

  get #type(): NetworkType {
    return String(this.childInstanceType).toUpperCase() === 'VBR' ? 'VBR' : 'VPC';
  }

  /** The network ID the form would attach now. */
  get #chosenId(): string {
    return (this.crossAccount || this.networkChoice === OTHER || !this.networks?.length ? this.networkId : this.networkChoice).trim();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('ownerId') && this.ownerId && !changed.get('ownerId')) this.crossAccount = true;
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    if (changed.has('childInstanceType')) {
      this.#loadRegions();
      this.#loadNetworks();
    } else if (changed.has('region')) this.#loadNetworks();
    if (changed.has('cenId')) {
      this.fieldErrors = { ...this.fieldErrors, cen: undefined };
      this.#loadAttached();
    }
    if (['cenId', 'region', 'childInstanceType', 'ownerId', 'crossAccount', 'networkChoice', 'networkId'].some((k) => changed.has(k))) this.#scheduleGrantCheck();
  }

  // ---------- loading ----------

  /**
   * Runs `job` as the latest of its `kind`, aborting the one before (without
   * a job, only that). `then` gets the result and `fail` the error (aborts
   * aside) only while no newer job of the kind started.
   */
  async #latest<T>(kind: string, job?: (signal: AbortSignal) => Promise<T>, then?: (r: T) => void, fail?: (e: unknown) => void): Promise<void> {
    this.#jobs[kind]?.abort();
    if (!job) return;
    const ctl = (this.#jobs[kind] = new AbortController());
    try {
      const r = await job(AbortSignal.any([ctl.signal, this.lifetime.signal]));
      if (ctl === this.#jobs[kind]) then!(r);
    } catch (e) {
      if (!isAbort(e) && ctl === this.#jobs[kind]) fail!(e);
    }
  }

  /** Every item of a paged action, 50 a page. */
  async #all<A extends PagedActionName>(action: A, params: RequestOf<A>, signal: AbortSignal): Promise<ItemOf<A>[]> {
    return (await this.connection.client.allPages(action, params, { ...this.callOptions(signal), pageSize: PAGE_SIZE_MAX })).items;
  }

  #regionsOf(signal: AbortSignal) {
    return this.call('DescribeChildInstanceRegions', { ProductType: this.#type }, { signal }).then((r) => r.Regions?.Region ?? []);
  }

  protected override load(): void {
    this.state = 'loading';
    this.loadError = undefined;
    void this.#latest(
      'load',
      (signal) => Promise.all([this.#all('DescribeCens', {}, signal), this.#regionsOf(signal)]),
      ([cens, regions]) => {
        this.cens = cens;
        this.regions = regions;
        this.state = 'ready';
        this.#loadNetworks();
        this.#loadAttached();
      },
      (e) => {
        this.loadError = this.failed('DescribeCens', e);
        this.state = 'error';
      },
    );
  }

  #loadRegions(): void {
    void this.#latest(
      'regions',
      (signal) => this.#regionsOf(signal),
      (regions) => (this.regions = regions),
      (e) => (this.loadError = this.failed('DescribeChildInstanceRegions', e)),
    );
  }

  #loadNetworks(): void {
    this.networks = this.networksError = undefined;
    const RegionId = this.region;
    const vpc = this.#type === 'VPC';
    void this.#latest(
      'networks',
      RegionId && !this.crossAccount && this.state !== 'loading'
        ? async (signal): Promise<Opt[]> =>
            vpc
              ? (await this.#all('DescribeVpcs', { RegionId }, signal)).map((v) => [v.VpcId, labelOf(v.VpcId, v.VpcName, v.CidrBlock)])
              : (await this.#all('DescribeVirtualBorderRouters', { RegionId }, signal)).map((v) => [v.VbrId, labelOf(v.VbrId, v.Name, v.Status)])
        : undefined,
      (list) => {
        this.networks = list;
        if (!list.some(([id]) => id === this.networkChoice)) this.networkChoice = list[0]?.[0] ?? OTHER;
      },
      (e) => {
        this.networksError = this.failed(vpc ? 'DescribeVpcs' : 'DescribeVirtualBorderRouters', e);
        this.networkChoice = OTHER;
      },
    );
  }

  #loadAttached(): void {
    const CenId = this.cenId;
    const go = CenId && this.state !== 'loading';
    this.attachedError = undefined;
    if (!go) this.attached = undefined;
    void this.#latest(
      'attached',
      go ? (signal) => this.#all('DescribeCenAttachedChildInstances', { CenId }, signal) : undefined,
      (items) => (this.attached = items),
      (e) => {
        this.attached = undefined;
        this.attachedError = this.failed('DescribeCenAttachedChildInstances', e);
      },
    );
  }

  // ---------- the grant check (another account's network) ----------

  #scheduleGrantCheck(): void {
    clearTimeout(this.#grantTimer);
    void this.#latest('grant');
    const go = this.crossAccount && this.cenId && this.region && this.#chosenId && !checkAccountId(this.ownerId ?? '');
    this.grant = { kind: go ? 'checking' : 'idle' };
    if (go) this.#grantTimer = setTimeout(() => this.#checkGrant(), 300);
  }

  /**
   * DescribeGrantRulesToCen is the owner's view, so it is asked with each of
   * the caller's other profiles: the one that can read the network's grant
   * rules is the owner's.
   */
  #checkGrant(): void {
    const CenId = this.cenId;
    const params = { RegionId: this.region!, InstanceId: this.#chosenId, InstanceType: this.#type };
    const own = this.profile || this.connection.profile || this.apiIndex?.caller.defaultProfile;
    void this.#latest(
      'grant',
      async (signal): Promise<Grant> => {
        for (const profile of this.apiIndex?.caller.profiles ?? []) {
          if (profile === own) continue;
          try {
            const r = await this.call('DescribeGrantRulesToCen', params, { signal, profile });
            return { kind: r.CenGrantRules?.CbnGrantRule?.some((g) => g.CenInstanceId === CenId) ? 'ok' : 'missing', profile };
          } catch (e) {
            if (isAbort(e)) throw e;
            // Not this profile's network (or it may not ask): try the next.
          }
        }
        return { kind: 'unknown' };
      },
      (g) => (this.grant = g),
    );
  }

  // ---------- submit ----------

  #validate(): Partial<Record<Field, string>> {
    const m = this.m;
    const req = (label: string) => `${label}: ${m.required}`;
    const errors: Partial<Record<Field, string>> = {};
    const owner = this.ownerId;
    const why = owner && checkAccountId(owner);
    if (!this.cenId) errors.cen = req(m.fieldCen);
    if (!this.region) errors.region = req(m.fieldRegion);
    if (!this.#chosenId) errors.network = req(m.fieldNetworkId);
    if (this.crossAccount && (!owner || why)) errors.owner = why ? m.invalid(m.fieldOwnerId, why) : req(m.fieldOwnerId);
    return errors;
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-field="${FIELD_ORDER.find((f) => this.fieldErrors[f])}"]`)?.focus();
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.submitting || this.state === 'loading') return;
    this.formError = undefined;
    const n = Object.keys((this.fieldErrors = this.#validate())).length;
    if (n) {
      void this.announce(this.m.fixErrors(n));
      return this.#focusFirstError();
    }
    const where = { CenId: this.cenId!, ChildInstanceId: this.#chosenId, ChildInstanceType: this.#type, ChildInstanceRegionId: this.region! };
    const detail: AttachmentDetail = this.crossAccount ? { ...where, ChildInstanceOwnerId: this.ownerId!.trim() } : where;
    await this.#change(
      'AttachCenChildInstance',
      detail,
      (info) => this.#showServerError(info),
      async () => (await this.call('DescribeCenAttachedChildInstanceAttribute', where)).Status === 'Attached',
      'DescribeCenAttachedChildInstanceAttribute',
      () => {
        this.emit('cen-attached', detail);
        void this.announce(this.m.attached(where.ChildInstanceId, where.CenId));
        this.networkId = '';
      },
    );
  }

  /**
   * Sends Attach/DetachCenChildInstance, then follows the network (progress
   * bar, cen-progress, the list kept fresh) until `settled` holds; `pollAction`
   * names what the following calls, for cen-error.
   */
  async #change(
    action: 'AttachCenChildInstance' | 'DetachCenChildInstance',
    detail: AttachmentDetail,
    fail: (info: ErrorInfo) => void,
    settled: () => Promise<boolean>,
    pollAction: string,
    done: () => void,
  ): Promise<void> {
    this.submitting = true;
    try {
      // No ClientToken in this API: the Worker's Idempotency-Key makes a repeated send (a retry, a resent request) one change.
      await this.call(action, { ...detail }, { idempotencyKey: newKey() });
    } catch (err) {
      this.submitting = false;
      if (!isAbort(err)) fail(this.failed(action, err));
      return;
    }
    const attach = action === 'AttachCenChildInstance';
    const id = detail.ChildInstanceId;
    const progress = (status: string, done: boolean) => this.emit('cen-progress', { action, id, status, done });
    const going = attach ? 'Attaching' : 'Detaching';
    if (!attach) this.#dialog?.close();
    this.state = 'progress';
    this.progress = { label: this.m.attachProgress(id, this.m.status[going]!) };
    progress(going, false);
    this.#loadAttached();
    try {
      await pollUntil(async () => (await settled()) || undefined, { signal: this.lifetime.signal, initial: 300 });
      progress(attach ? 'Attached' : 'Detached', true);
      done();
    } catch (err) {
      if (isAbort(err)) return;
      this.formError = this.failed(pollAction, err);
    } finally {
      this.submitting = false;
      this.progress = undefined;
      if (this.state === 'progress') this.state = 'ready';
    }
    this.#loadAttached();
  }

  /** Puts each Issue (by parameter path) and a known Code at its field; the rest goes in the form's error block. */
  #showServerError(info: ErrorInfo): void {
    const { Code } = info;
    const errors: Partial<Record<Field, string>> = {};
    for (const i of info.Issues ?? []) {
      const f = FIELD_OF_PATH[i.path.split('.')[0]!];
      if (f) errors[f] = `${i.message} (${Code})`;
    }
    let f = FIELD_OF_CODE[Code];
    if (f === 'owner' && !this.crossAccount) f = 'network';
    if (f) errors[f] ??= `${info.message} (${Code})`;
    // FIELD_OF_CODE places NoGrantRule, so f is set here.
    if (Code === 'InvalidOperation.NoGrantRule' && this.cenId) errors[f!] += ` ${this.m.grantGuide(this.cenId)}`;
    this.fieldErrors = errors;
    this.formError = info;
    void this.#focusFirstError();
  }

  // ---------- detach ----------

  async #askDetach(child: Child): Promise<void> {
    this.detachTarget = child;
    this.detachError = undefined;
    await this.updateComplete;
    const d = this.#dialog;
    if (d && !d.open) d.showModal();
  }

  async #onDetach(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const c = this.detachTarget;
    if (!c || this.submitting) return;
    const { CenId, ChildInstanceId, ChildInstanceRegionId, ChildInstanceOwnerId: owner } = c;
    const ChildInstanceType = c.ChildInstanceType as NetworkType;
    const detail: AttachmentDetail = { CenId, ChildInstanceId, ChildInstanceType, ChildInstanceRegionId, ...(owner !== undefined ? { ChildInstanceOwnerId: String(owner) } : {}) };
    this.detachError = undefined;
    await this.#change(
      'DetachCenChildInstance',
      detail,
      (info) => (this.detachError = info),
      async () => !(await this.#all('DescribeCenAttachedChildInstances', { CenId, ChildInstanceType, ChildInstanceRegionId }, this.lifetime.signal)).some((x) => x.ChildInstanceId === ChildInstanceId),
      'DescribeCenAttachedChildInstances',
      () => {
        this.emit('cen-detached', detail);
        void this.announce(this.m.detached(ChildInstanceId));
      },
    );
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const m = this.m;
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      <h2 class="title">${m.attachLabel}</h2>
      ${this.state === 'loading'
        ? renderLoading(m, 4, 1)
        : this.state === 'error' && this.loadError
          ? renderError(m, this.loadError, () => this.load())
          : html`${this.#renderForm()} ${this.#renderAttached()}`}
      ${this.#renderDialog()} ${this.renderLive()}
    </div>`;
  }

  #err(f: Field): TemplateResult | typeof nothing {
    const e = this.fieldErrors[f];
    return e ? html`<span part="error-text" id="err-${f}" class="field-error">${e}</span>` : nothing;
  }

  /** The options of a select, `cur` selected. */
  #options(cur: string, opts: Opt[]): TemplateResult[] {
    return opts.map(([v, label]) => html`<option value=${v} ?selected=${v === cur}>${label}</option>`);
  }

  /**
   * One field of the form: label, control, help and error, tied together by
   * for/id and aria-describedby. The control is a text input holding
   * `control` when it is a string, else a select of these options. A `bare`
   * field only picks how the value is given (no error, not the field focused).
   */
  #field(f: Field, label: string, set: (v: string) => void, control: string | unknown[], help?: string, id: string = f, bare?: boolean): TemplateResult {
    const e = !bare && this.fieldErrors[f];
    const field = bare ? nothing : f;
    const invalid = e ? 'true' : 'false';
    const owner = f === 'owner';
    const described = bare ? nothing : [help && `help-${f}`, owner && 'grant-note', e && `err-${f}`].filter(Boolean).join(' ');
    const on = (ev: Event) => {
      set((ev.target as HTMLInputElement).value);
      this.fieldErrors = { ...this.fieldErrors, [f]: undefined };
    };
    return html`<div part="field" class="field">
      <label part="label" for="f-${id}">${label}</label>
      ${typeof control === 'string'
        ? html`<input
            part="control"
            id="f-${id}"
            class="mono"
            data-field=${field}
            inputmode=${owner ? 'numeric' : nothing}
            autocomplete="off"
            spellcheck=${owner ? nothing : 'false'}
            .value=${control}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @input=${on}
          />`
        : html`<select part="control" id="f-${id}" data-field=${field} aria-invalid=${invalid} aria-describedby=${described} @change=${on}>${control}</select>`}
      ${help ? html`<span part="help-text" id="help-${f}" class="help">${help}</span>` : nothing} ${bare ? nothing : this.#err(f)}
    </div>`;
  }

  /** A fieldset of radio buttons: [value, label, data-field] each. */
  #choices(name: 'type' | 'owner', legend: string, opts: [string, string, string?][], cur: string, set: (v: string) => void): TemplateResult {
    return html`<fieldset part="field" class="field">
      <legend part="label">${legend}</legend>
      <div class="row">
        ${opts.map(
          ([v, label, field]) =>
            html`<label class="choice"
              ><input part="control" type="radio" name=${name} value=${v} data-field=${field ?? nothing} .checked=${v === cur} @change=${() => set(v)} />${label}</label
            >`,
        )}
      </div>
      ${name === 'type' ? this.#err(name) : nothing}
    </fieldset>`;
  }

  #renderForm(): TemplateResult {
    const m = this.m;
    const busy = this.submitting || this.state === 'progress';
    const errors = Object.values(this.fieldErrors).filter(Boolean).length;
    const err = this.formError;
    const cens = this.cens ?? [];
    const regions = (this.regions ?? []).map((r) => [r, regionById(r.RegionId)] as const);
    const cen = this.cenId ?? '';
    const region = this.region ?? '';
    const cross = this.crossAccount;
    const pick = !cross && !!region && !!this.networks?.length;
    const typed = !pick || this.networkChoice === OTHER;
    const g = this.grant;
    const grantCen = this.cenId ?? 'cen-…';
    return html`<form part="form" @submit=${this.#onSubmit} novalidate aria-label=${m.attachLabel}>
      ${!err
        ? nothing
        : errors
          ? html`<p class="field-error" role="alert">
              ${m.fixErrors(errors)}
              <span class="help">${m.errorCode}: <code part="error-code">${err.Code}</code>${err.RequestId
                  ? html` · ${m.requestId}: <code part="error-request-id">${err.RequestId}</code>`
                  : nothing}</span>
            </p>`
          : renderError(m, err)}
      ${this.#field(
        'cen',
        m.fieldCen,
        (v) => (this.cenId = v || undefined),
        this.#options(cen, [['', m.chooseCen], ...(!cen || cens.some((c) => c.CenId === cen) ? [] : [[cen, cen] as Opt]), ...cens.map((c): Opt => [c.CenId, labelOf(c.CenId, c.Name)])]),
        cens.length ? undefined : m.noCens,
      )}
      ${this.#choices('type', m.fieldType, [['VPC', m.typeVpc, 'type'], ['VBR', m.typeVbr]], this.#type, (t) => (this.childInstanceType = t as NetworkType))}
      ${this.#field('region', m.fieldRegion, (v) => (this.region = v || undefined), [
        this.#options(region, [['', m.chooseRegion], ...(!region || regions.some(([r]) => r.RegionId === region) ? [] : [[region, region] as Opt])]),
        [...AREAS, undefined].map((a) => {
          const group = regions.filter(([, known]) => known?.area === a?.id);
          return group.length
            ? html`<optgroup label=${a ? this.areaName(a.id) : m.otherArea}>
                ${this.#options(region, group.map(([r, known]) => [r.RegionId, `${known ? this.regionName(r.RegionId) : r.LocalName || r.RegionId} (${r.RegionId})`]))}
              </optgroup>`
            : nothing;
        }),
      ])}
      ${this.#choices('owner', m.fieldOwner, [['self', m.ownerSelf, 'owner-self'], ['other', m.ownerOther]], cross ? 'other' : 'self', (v) => this.#setCross(v === 'other'))}
      ${cross
        ? html`${this.#field('owner', m.fieldOwnerId, (v) => (this.ownerId = v.trim()), this.ownerId ?? '', m.ownerIdHelp)}
            <div part="grant-note" id="grant-note" class="note">
              <p>${m.grantGuide(grantCen)}</p>
              <p role="status" class="grant" data-grant=${g.kind}>
                ${g.kind === 'checking'
                  ? m.grantChecking
                  : g.kind === 'ok'
                    ? html`<span class="badge ok">✓</span> ${m.grantOk(grantCen)}`
                    : g.kind === 'missing'
                      ? html`<span class="badge gone">!</span> ${m.grantMissing(grantCen, g.profile)}`
                      : g.kind === 'unknown'
                        ? m.grantUnknown
                        : nothing}
              </p>
            </div>`
        : nothing}
      ${pick
        ? this.#field('network', m.fieldNetwork, (v) => (this.networkChoice = v), this.#options(this.networkChoice, [...this.networks!, [OTHER, m.typeId]]), undefined, 'network', typed)
        : nothing}
      ${this.networksError ? renderError(m, this.networksError, () => this.#loadNetworks()) : nothing}
      ${!cross && region && this.networks && !this.networks.length ? html`<p class="help">${m.noNetworks}</p>` : nothing}
      ${typed ? this.#field('network', m.fieldNetworkId, (v) => (this.networkId = v), this.networkId, m.networkIdHelp, 'network-id') : nothing}
      ${this.progress ? renderProgress(this.progress.label) : nothing}
      <div class="actions start">
        ${this.canCall('AttachCenChildInstance')
          ? html`<button part="submit" class="primary" type="submit" ?disabled=${busy}>${busy ? m.attaching : m.submit}</button>`
          : nothing}
      </div>
    </form>`;
  }

  #setCross(on: boolean): void {
    this.crossAccount = on;
    this.fieldErrors = { ...this.fieldErrors, owner: undefined, network: undefined };
    this.#loadNetworks();
  }

  #renderAttached(): TemplateResult {
    const m = this.m;
    const canDetach = this.canCall('DetachCenChildInstance');
    const list = this.attached;
    return html`<section part="attached" aria-labelledby="attached-title">
      <h3 id="attached-title">${m.attachedList}${this.cenId ? html` · <code>${this.cenId}</code>` : nothing}</h3>
      ${!this.cenId
        ? html`<p class="help">${m.chooseCenFirst}</p>`
        : this.attachedError
          ? renderError(m, this.attachedError, () => this.#loadAttached())
          : !list
            ? renderSkeleton(2, 4)
            : !list.length
              ? html`<p class="help" data-empty>${m.noAttached}</p>`
              : html`<div class="scroll">
                  <table part="attached-table" aria-labelledby="attached-title">
                    <thead>
                      <tr>
                        ${[m.colNetwork, m.colType, m.colRegion, m.colOwner, m.colStatus].map((h) => html`<th scope="col">${h}</th>`)}
                        ${canDetach ? html`<th scope="col"><span class="sr-only">${m.colActions}</span></th>` : nothing}
                      </tr>
                    </thead>
                    <tbody>
                      ${list.map((c) => {
                        const s = c.Status;
                        return html`<tr data-child=${c.ChildInstanceId}>
                          <td><code>${c.ChildInstanceId}</code></td>
                          <td>${c.ChildInstanceType}</td>
                          <td>${this.regionName(c.ChildInstanceRegionId)}</td>
                          <td class="mono">${c.ChildInstanceOwnerId}</td>
                          <td>
                            <span part="status-badge" class="badge ${s === 'Attached' ? 'ok' : s === 'Detaching' ? 'gone' : 'busy'}" data-status=${s}>${m.status[s] ?? s}</span>
                          </td>
                          ${canDetach
                            ? html`<td>
                                <button
                                  part="detach-button"
                                  class="link danger-link"
                                  type="button"
                                  aria-label=${m.detachLabel(c.ChildInstanceId)}
                                  ?disabled=${s !== 'Attached' || this.submitting}
                                  @click=${() => this.#askDetach(c)}
                                >
                                  ${m.detach}
                                </button>
                              </td>`
                            : nothing}
                        </tr>`;
                      })}
                    </tbody>
                  </table>
                </div>`}
    </section>`;
  }

  #renderDialog(): TemplateResult {
    const m = this.m;
    const c = this.detachTarget;
    return html`<dialog part="dialog" aria-labelledby="detach-title" @close=${() => (this.detachTarget = undefined)}>
      ${c
        ? html`<form @submit=${this.#onDetach} novalidate>
            <h2 id="detach-title">${m.detachTitle(c.ChildInstanceId)}</h2>
            <p>${m.detachBody(c.ChildInstanceId, c.CenId)}</p>
            ${this.detachError ? renderError(m, this.detachError) : nothing}
            <div class="actions">
              <button type="button" @click=${() => this.#dialog?.close()}>${m.cancel}</button>
              <button class="danger" type="submit" ?disabled=${this.submitting}>${this.submitting ? m.detaching : m.detach}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}
