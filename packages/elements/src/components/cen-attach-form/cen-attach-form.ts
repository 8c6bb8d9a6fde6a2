import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ItemOf } from '@cen-kit/client';
import { checkAccountId } from '@cen-kit/catalog/rules';
import { AREAS, regionById, type AreaId } from '@cen-kit/catalog/regions';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import type { AttachmentDetail } from '../../base/events.js';
import { pollUntil } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderError, renderProgress, renderSkeleton } from '../../base/views.js';
import { styles } from './cen-attach-form.styles.js';

type Cen = ItemOf<'DescribeCens'>;
type Child = ItemOf<'DescribeCenAttachedChildInstances'>;
type NetworkType = 'VPC' | 'VBR';
type Field = 'cen' | 'type' | 'region' | 'owner' | 'network';
interface Network {
  id: string;
  name: string;
  detail: string;
}
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
const FIELD_ORDER: Field[] = ['cen', 'type', 'region', 'owner', 'network'];

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
  declare private networks: Network[] | undefined;
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

  private loadCtl: AbortController | undefined;
  private networksCtl: AbortController | undefined;
  private attachedCtl: AbortController | undefined;
  private grantCtl: AbortController | undefined;
  private grantTimer: ReturnType<typeof setTimeout> | undefined;

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

  private get type(): NetworkType {
    return String(this.childInstanceType).toUpperCase() === 'VBR' ? 'VBR' : 'VPC';
  }

  /** The network ID the form would attach now. */
  private get chosenId(): string {
    return (this.crossAccount || this.networkChoice === OTHER || !this.networks?.length ? this.networkId : this.networkChoice).trim();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('ownerId') && this.ownerId && !changed.get('ownerId')) this.crossAccount = true;
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    if (changed.has('childInstanceType')) {
      this.loadRegions();
      this.loadNetworks();
    } else if (changed.has('region')) this.loadNetworks();
    if (changed.has('cenId')) {
      this.fieldErrors = { ...this.fieldErrors, cen: undefined };
      this.loadAttached();
    }
    if (['cenId', 'region', 'childInstanceType', 'ownerId', 'crossAccount', 'networkChoice', 'networkId'].some((k) => changed.has(k))) this.scheduleGrantCheck();
  }

  // ---------- loading ----------

  protected override load(): void {
    this.loadCtl?.abort();
    const ctl = new AbortController();
    this.loadCtl = ctl;
    this.state = 'loading';
    this.loadError = undefined;
    const signal = AbortSignal.any([ctl.signal, this.lifetime.signal]);
    const { client, profile } = this.connection;
    const opts = { signal, ...(profile ? { profile } : {}) };
    Promise.all([
      client.allPages('DescribeCens', {}, { ...opts, pageSize: 50 }),
      client.call('DescribeChildInstanceRegions', { ProductType: this.type }, opts),
    ]).then(
      ([cens, regions]) => {
        if (ctl !== this.loadCtl) return;
        this.cens = cens.items as Cen[];
        this.regions = regions.Regions?.Region ?? [];
        this.state = 'ready';
        this.loadNetworks();
        this.loadAttached();
      },
      (e) => {
        if (isAbort(e) || ctl !== this.loadCtl) return;
        this.loadError = this.failed('DescribeCens', e);
        this.state = 'error';
      },
    );
  }

  private async loadRegions(): Promise<void> {
    try {
      const r = await this.call('DescribeChildInstanceRegions', { ProductType: this.type });
      this.regions = r.Regions?.Region ?? [];
    } catch (e) {
      if (!isAbort(e)) this.loadError = this.failed('DescribeChildInstanceRegions', e);
    }
  }

  private async loadNetworks(): Promise<void> {
    this.networksCtl?.abort();
    this.networks = undefined;
    this.networksError = undefined;
    if (!this.region || this.crossAccount || this.state === 'loading') return;
    const ctl = new AbortController();
    this.networksCtl = ctl;
    const signal = AbortSignal.any([ctl.signal, this.lifetime.signal]);
    const RegionId = this.region;
    try {
      let list: Network[];
      if (this.type === 'VPC') {
        const r = await this.connectionAllPages('DescribeVpcs', { RegionId }, signal);
        list = (r as ItemOf<'DescribeVpcs'>[]).map((v) => ({ id: v.VpcId, name: v.VpcName ?? '', detail: v.CidrBlock ?? '' }));
      } else {
        const r = await this.connectionAllPages('DescribeVirtualBorderRouters', { RegionId }, signal);
        list = (r as ItemOf<'DescribeVirtualBorderRouters'>[]).map((v) => ({ id: v.VbrId, name: v.Name ?? '', detail: v.Status }));
      }
      if (ctl !== this.networksCtl) return;
      this.networks = list;
      if (!list.some((n) => n.id === this.networkChoice)) this.networkChoice = list[0]?.id ?? OTHER;
    } catch (e) {
      if (isAbort(e) || ctl !== this.networksCtl) return;
      this.networksError = this.failed(this.type === 'VPC' ? 'DescribeVpcs' : 'DescribeVirtualBorderRouters', e);
      this.networkChoice = OTHER;
    }
  }

  private async connectionAllPages(action: 'DescribeVpcs' | 'DescribeVirtualBorderRouters', params: { RegionId: string }, signal: AbortSignal): Promise<unknown[]> {
    const { client, profile } = this.connection;
    const r = await client.allPages(action, params, { signal, pageSize: 50, ...(profile ? { profile } : {}) });
    return r.items;
  }

  private async loadAttached(): Promise<void> {
    this.attachedCtl?.abort();
    this.attachedError = undefined;
    if (!this.cenId || this.state === 'loading') {
      this.attached = undefined;
      return;
    }
    const ctl = new AbortController();
    this.attachedCtl = ctl;
    const CenId = this.cenId;
    try {
      const items = await this.attachedOf(CenId, AbortSignal.any([ctl.signal, this.lifetime.signal]));
      if (ctl === this.attachedCtl) this.attached = items;
    } catch (e) {
      if (isAbort(e) || ctl !== this.attachedCtl) return;
      this.attached = undefined;
      this.attachedError = this.failed('DescribeCenAttachedChildInstances', e);
    }
  }

  private async attachedOf(CenId: string, signal: AbortSignal, filter: { ChildInstanceType?: NetworkType; ChildInstanceRegionId?: string } = {}): Promise<Child[]> {
    const { client, profile } = this.connection;
    const r = await client.allPages('DescribeCenAttachedChildInstances', { CenId, ...filter }, { signal, pageSize: 50, ...(profile ? { profile } : {}) });
    return r.items as Child[];
  }

  // ---------- the grant check (another account's network) ----------

  private scheduleGrantCheck(): void {
    clearTimeout(this.grantTimer);
    this.grantCtl?.abort();
    if (!this.crossAccount || !this.cenId || !this.region || !this.chosenId || checkAccountId(this.ownerId ?? '')) {
      this.grant = { kind: 'idle' };
      return;
    }
    this.grant = { kind: 'checking' };
    this.grantTimer = setTimeout(() => void this.checkGrant(), 300);
  }

  /**
   * DescribeGrantRulesToCen is the owner's view, so it is asked with each of
   * the caller's other profiles: the one that can read the network's grant
   * rules is the owner's.
   */
  private async checkGrant(): Promise<void> {
    const ctl = new AbortController();
    this.grantCtl = ctl;
    const signal = AbortSignal.any([ctl.signal, this.lifetime.signal]);
    const CenId = this.cenId!;
    const params = { RegionId: this.region!, InstanceId: this.chosenId, InstanceType: this.type };
    const own = this.profile || this.connection.profile || this.apiIndex?.caller.defaultProfile;
    const others = (this.apiIndex?.caller.profiles ?? []).filter((p) => p !== own);
    for (const profile of others) {
      try {
        const r = await this.call('DescribeGrantRulesToCen', params, { signal, profile });
        if (ctl !== this.grantCtl) return;
        const rules = r.CenGrantRules?.CbnGrantRule ?? [];
        this.grant = rules.some((g) => g.CenInstanceId === CenId) ? { kind: 'ok', profile } : { kind: 'missing', profile };
        return;
      } catch (e) {
        if (isAbort(e) || ctl !== this.grantCtl) return;
        // Not this profile's network (or it may not ask): try the next.
      }
    }
    if (ctl === this.grantCtl) this.grant = { kind: 'unknown' };
  }

  // ---------- submit ----------

  private validate(): Partial<Record<Field, string>> {
    const m = this.m;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.cenId) errors.cen = `${m.fieldCen}: ${m.required}`;
    if (!this.region) errors.region = `${m.fieldRegion}: ${m.required}`;
    if (!this.chosenId) errors.network = `${m.fieldNetworkId}: ${m.required}`;
    if (this.crossAccount) {
      const why = this.ownerId ? checkAccountId(this.ownerId) : m.required;
      if (why) errors.owner = this.ownerId ? m.invalid(m.fieldOwnerId, why) : `${m.fieldOwnerId}: ${m.required}`;
    }
    return errors;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = FIELD_ORDER.find((f) => this.fieldErrors[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.submitting || this.state === 'loading') return;
    this.formError = undefined;
    this.fieldErrors = this.validate();
    if (Object.keys(this.fieldErrors).length) {
      void this.announce(this.m.fixErrors(Object.keys(this.fieldErrors).length));
      return this.focusFirstError();
    }
    const detail: AttachmentDetail = {
      CenId: this.cenId!,
      ChildInstanceId: this.chosenId,
      ChildInstanceType: this.type,
      ChildInstanceRegionId: this.region!,
      ...(this.crossAccount ? { ChildInstanceOwnerId: this.ownerId!.trim() } : {}),
    };
    this.submitting = true;
    try {
      await this.call('AttachCenChildInstance', { ...detail });
    } catch (err) {
      this.submitting = false;
      if (isAbort(err)) return;
      this.showServerError(this.failed('AttachCenChildInstance', err));
      return;
    }
    this.state = 'progress';
    this.progress = { label: this.m.attachProgress(detail.ChildInstanceId, this.m.status.Attaching!) };
    this.emit('cen-progress', { action: 'AttachCenChildInstance', id: detail.ChildInstanceId, status: 'Attaching', done: false });
    void this.loadAttached();
    try {
      const { CenId, ChildInstanceId, ChildInstanceType, ChildInstanceRegionId } = detail;
      await pollUntil(
        async () => {
          const a = await this.call('DescribeCenAttachedChildInstanceAttribute', { CenId, ChildInstanceId, ChildInstanceType, ChildInstanceRegionId });
          return a.Status === 'Attached' ? a.Status : undefined;
        },
        { signal: this.lifetime.signal, initial: 300 },
      );
      this.emit('cen-progress', { action: 'AttachCenChildInstance', id: ChildInstanceId, status: 'Attached', done: true });
      this.emit('cen-attached', detail);
      void this.announce(this.m.attached(ChildInstanceId, CenId));
      this.networkId = '';
      this.state = 'ready';
    } catch (err) {
      if (isAbort(err)) return;
      this.formError = this.failed('DescribeCenAttachedChildInstanceAttribute', err);
      this.state = 'ready';
    } finally {
      this.submitting = false;
      this.progress = undefined;
    }
    void this.loadAttached();
  }

  /** Puts each Issue (by parameter path) and a known Code at its field; the rest goes in the form's error block. */
  private showServerError(info: ErrorInfo): void {
    const errors: Partial<Record<Field, string>> = {};
    for (const issue of info.Issues ?? []) {
      const f = FIELD_OF_PATH[issue.path.split('.')[0]!];
      if (f) errors[f] = `${issue.message} (${info.Code})`;
    }
    let f = FIELD_OF_CODE[info.Code];
    if (f === 'owner' && !this.crossAccount) f = 'network';
    if (f && !errors[f]) errors[f] = `${info.message} (${info.Code})`;
    if (info.Code === 'InvalidOperation.NoGrantRule' && this.cenId) errors[f ?? 'owner'] += ` ${this.m.grantGuide(this.cenId)}`;
    this.fieldErrors = errors;
    this.formError = info;
    if (Object.keys(errors).length) void this.focusFirstError();
  }

  // ---------- detach ----------

  private async askDetach(child: Child): Promise<void> {
    this.detachTarget = child;
    this.detachError = undefined;
    await this.updateComplete;
    const d = this.renderRoot.querySelector('dialog');
    if (d && !d.open) d.showModal();
  }

  private async onDetach(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const child = this.detachTarget;
    if (!child || this.submitting) return;
    const detail: AttachmentDetail = {
      CenId: child.CenId,
      ChildInstanceId: child.ChildInstanceId,
      ChildInstanceType: child.ChildInstanceType as AttachmentDetail['ChildInstanceType'],
      ChildInstanceRegionId: child.ChildInstanceRegionId,
      ...(child.ChildInstanceOwnerId !== undefined ? { ChildInstanceOwnerId: String(child.ChildInstanceOwnerId) } : {}),
    };
    this.submitting = true;
    this.detachError = undefined;
    try {
      await this.call('DetachCenChildInstance', { ...detail });
    } catch (err) {
      this.submitting = false;
      if (!isAbort(err)) this.detachError = this.failed('DetachCenChildInstance', err);
      return;
    }
    this.renderRoot.querySelector('dialog')?.close();
    this.state = 'progress';
    this.progress = { label: this.m.attachProgress(detail.ChildInstanceId, this.m.status.Detaching!) };
    this.emit('cen-progress', { action: 'DetachCenChildInstance', id: detail.ChildInstanceId, status: 'Detaching', done: false });
    void this.loadAttached();
    try {
      await pollUntil(
        async () => {
          const list = await this.attachedOf(detail.CenId, this.lifetime.signal, {
            ChildInstanceType: detail.ChildInstanceType as NetworkType,
            ChildInstanceRegionId: detail.ChildInstanceRegionId,
          });
          return list.some((c) => c.ChildInstanceId === detail.ChildInstanceId) ? undefined : true;
        },
        { signal: this.lifetime.signal, initial: 300 },
      );
      this.emit('cen-progress', { action: 'DetachCenChildInstance', id: detail.ChildInstanceId, status: 'Detached', done: true });
      this.emit('cen-detached', detail);
      void this.announce(this.m.detached(detail.ChildInstanceId));
    } catch (err) {
      if (isAbort(err)) return;
      this.formError = this.failed('DescribeCenAttachedChildInstances', err);
    } finally {
      this.submitting = false;
      this.progress = undefined;
      if (this.state === 'progress') this.state = 'ready';
    }
    void this.loadAttached();
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const m = this.m;
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      <h2 class="title">${m.attachLabel}</h2>
      ${this.state === 'loading'
        ? html`${renderSkeleton(4, 1)}<span class="sr-only">${m.loading}</span>`
        : this.state === 'error' && this.loadError
          ? renderError(m, this.loadError, () => this.load())
          : html`${this.renderForm()} ${this.renderAttached()}`}
      ${this.renderDialog()} ${this.renderLive()}
    </div>`;
  }

  private renderFieldError(f: Field): TemplateResult | typeof nothing {
    const e = this.fieldErrors[f];
    return e ? html`<span part="error-text" id="err-${f}" class="field-error">${e}</span>` : nothing;
  }

  private describedBy(f: Field, help?: string): string {
    return [help, this.fieldErrors[f] ? `err-${f}` : undefined].filter(Boolean).join(' ');
  }

  private renderForm(): TemplateResult {
    const m = this.m;
    const canAttach = this.canCall('AttachCenChildInstance');
    const busy = this.submitting || this.state === 'progress';
    return html`<form part="form" @submit=${this.onSubmit} novalidate aria-label=${m.attachLabel}>
      ${this.formError && !Object.keys(this.fieldErrors).some((k) => this.fieldErrors[k as Field]) ? renderError(m, this.formError) : nothing}
      ${this.formError && Object.keys(this.fieldErrors).some((k) => this.fieldErrors[k as Field])
        ? html`<p class="field-error" role="alert">
            ${m.fixErrors(Object.values(this.fieldErrors).filter(Boolean).length)}
            <span class="help">${m.errorCode}: <code part="error-code">${this.formError.Code}</code>${this.formError.RequestId
                ? html` · ${m.requestId}: <code part="error-request-id">${this.formError.RequestId}</code>`
                : nothing}</span>
          </p>`
        : nothing}
      ${this.renderCenField()}
      <fieldset part="field" class="field">
        <legend part="label">${m.fieldType}</legend>
        <div class="row">
          ${(['VPC', 'VBR'] as const).map(
            (t, i) => html`<label class="choice"
              ><input
                part="control"
                type="radio"
                name="type"
                value=${t}
                data-field=${i === 0 ? 'type' : nothing}
                .checked=${this.type === t}
                @change=${() => (this.childInstanceType = t)}
              />${t === 'VPC' ? m.typeVpc : m.typeVbr}</label
            >`,
          )}
        </div>
        ${this.renderFieldError('type')}
      </fieldset>
      ${this.renderRegionField()}
      <fieldset part="field" class="field">
        <legend part="label">${m.fieldOwner}</legend>
        <div class="row">
          <label class="choice"
            ><input part="control" type="radio" name="owner" value="self" data-field="owner-self" .checked=${!this.crossAccount} @change=${() => this.setCross(false)} />${m.ownerSelf}</label
          >
          <label class="choice"
            ><input part="control" type="radio" name="owner" value="other" .checked=${this.crossAccount} @change=${() => this.setCross(true)} />${m.ownerOther}</label
          >
        </div>
      </fieldset>
      ${this.crossAccount ? this.renderOwnerField() : nothing} ${this.renderNetworkField()}
      ${this.progress ? renderProgress(this.progress.label) : nothing}
      <div class="actions start">
        ${canAttach
          ? html`<button part="submit" class="primary" type="submit" ?disabled=${busy}>${busy ? m.attaching : m.submit}</button>`
          : nothing}
      </div>
    </form>`;
  }

  private setCross(on: boolean): void {
    this.crossAccount = on;
    this.fieldErrors = { ...this.fieldErrors, owner: undefined, network: undefined };
    this.loadNetworks();
  }

  private renderCenField(): TemplateResult {
    const m = this.m;
    const cens = this.cens ?? [];
    const known = !this.cenId || cens.some((c) => c.CenId === this.cenId);
    return html`<div part="field" class="field">
      <label part="label" for="f-cen">${m.fieldCen}</label>
      <select
        part="control"
        id="f-cen"
        data-field="cen"
        aria-invalid=${this.fieldErrors.cen ? 'true' : 'false'}
        aria-describedby=${this.describedBy('cen', cens.length ? undefined : 'help-cen')}
        @change=${(e: Event) => (this.cenId = (e.target as HTMLSelectElement).value || undefined)}
      >
        <option value="" ?selected=${!this.cenId}>${m.chooseCen}</option>
        ${known ? nothing : html`<option value=${this.cenId!} selected>${this.cenId}</option>`}
        ${cens.map((c) => html`<option value=${c.CenId} ?selected=${c.CenId === this.cenId}>${c.Name ? `${c.Name} (${c.CenId})` : c.CenId}</option>`)}
      </select>
      ${cens.length ? nothing : html`<span part="help-text" id="help-cen" class="help">${m.noCens}</span>`} ${this.renderFieldError('cen')}
    </div>`;
  }

  private renderRegionField(): TemplateResult {
    const m = this.m;
    const zh = this.locale === 'zh-CN';
    const groups = new Map<AreaId | 'other', { RegionId: string; label: string }[]>();
    for (const r of this.regions ?? []) {
      const known = regionById(r.RegionId);
      const label = `${known ? (zh ? known.name.zh : known.name.en) : r.LocalName || r.RegionId} (${r.RegionId})`;
      const key = known?.area ?? 'other';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push({ RegionId: r.RegionId, label });
    }
    const order = [...AREAS.map((a) => a.id), 'other' as const].filter((k) => groups.has(k));
    const areaName = (k: AreaId | 'other') => {
      const a = AREAS.find((x) => x.id === k);
      return a ? (zh ? a.name.zh : a.name.en) : zh ? '其他' : 'Other';
    };
    const listed = !this.region || (this.regions ?? []).some((r) => r.RegionId === this.region);
    return html`<div part="field" class="field">
      <label part="label" for="f-region">${m.fieldRegion}</label>
      <select
        part="control"
        id="f-region"
        data-field="region"
        aria-invalid=${this.fieldErrors.region ? 'true' : 'false'}
        aria-describedby=${this.describedBy('region')}
        @change=${(e: Event) => {
          this.region = (e.target as HTMLSelectElement).value || undefined;
          this.fieldErrors = { ...this.fieldErrors, region: undefined };
        }}
      >
        <option value="" ?selected=${!this.region}>${m.chooseRegion}</option>
        ${listed ? nothing : html`<option value=${this.region!} selected>${this.region}</option>`}
        ${order.map(
          (k) => html`<optgroup label=${areaName(k)}>
            ${groups.get(k)!.map((r) => html`<option value=${r.RegionId} ?selected=${r.RegionId === this.region}>${r.label}</option>`)}
          </optgroup>`,
        )}
      </select>
      ${this.renderFieldError('region')}
    </div>`;
  }

  private renderOwnerField(): TemplateResult {
    const m = this.m;
    const g = this.grant;
    const cen = this.cenId ?? 'cen-…';
    return html`<div part="field" class="field">
        <label part="label" for="f-owner">${m.fieldOwnerId}</label>
        <input
          part="control"
          id="f-owner"
          class="mono"
          data-field="owner"
          inputmode="numeric"
          autocomplete="off"
          .value=${this.ownerId ?? ''}
          aria-invalid=${this.fieldErrors.owner ? 'true' : 'false'}
          aria-describedby=${this.describedBy('owner', 'help-owner grant-note')}
          @input=${(e: Event) => {
            this.ownerId = (e.target as HTMLInputElement).value.trim();
            this.fieldErrors = { ...this.fieldErrors, owner: undefined };
          }}
        />
        <span part="help-text" id="help-owner" class="help">${m.ownerIdHelp}</span>
        ${this.renderFieldError('owner')}
      </div>
      <div part="grant-note" id="grant-note" class="note">
        <p>${m.grantGuide(cen)}</p>
        <p role="status" class="grant" data-grant=${g.kind}>
          ${g.kind === 'checking'
            ? m.grantChecking
            : g.kind === 'ok'
              ? html`<span class="badge ok">✓</span> ${m.grantOk(cen)}`
              : g.kind === 'missing'
                ? html`<span class="badge gone">!</span> ${m.grantMissing(cen, g.profile)}`
                : g.kind === 'unknown'
                  ? m.grantUnknown
                  : nothing}
        </p>
      </div>`;
  }

  private renderNetworkField(): TemplateResult {
    const m = this.m;
    const pick = !this.crossAccount && !!this.region && (this.networks?.length ?? 0) > 0;
    const typed = !pick || this.networkChoice === OTHER;
    return html`${pick
        ? html`<div part="field" class="field">
            <label part="label" for="f-network">${m.fieldNetwork}</label>
            <select
              part="control"
              id="f-network"
              data-field=${typed ? nothing : 'network'}
              aria-invalid=${!typed && this.fieldErrors.network ? 'true' : 'false'}
              aria-describedby=${typed ? nothing : this.describedBy('network')}
              @change=${(e: Event) => {
                this.networkChoice = (e.target as HTMLSelectElement).value;
                this.fieldErrors = { ...this.fieldErrors, network: undefined };
              }}
            >
              ${this.networks!.map(
                (n) => html`<option value=${n.id} ?selected=${n.id === this.networkChoice}>${n.name ? `${n.name} (${n.id})` : n.id}${n.detail ? ` · ${n.detail}` : ''}</option>`,
              )}
              <option value=${OTHER} ?selected=${this.networkChoice === OTHER}>${m.typeId}</option>
            </select>
            ${typed ? nothing : this.renderFieldError('network')}
          </div>`
        : nothing}
      ${this.networksError ? renderError(m, this.networksError, () => this.loadNetworks()) : nothing}
      ${!this.crossAccount && this.region && this.networks && !this.networks.length
        ? html`<p class="help">${m.noNetworks}</p>`
        : nothing}
      ${typed
        ? html`<div part="field" class="field">
            <label part="label" for="f-network-id">${m.fieldNetworkId}</label>
            <input
              part="control"
              id="f-network-id"
              class="mono"
              data-field="network"
              autocomplete="off"
              spellcheck="false"
              .value=${this.networkId}
              aria-invalid=${this.fieldErrors.network ? 'true' : 'false'}
              aria-describedby=${this.describedBy('network', 'help-network')}
              @input=${(e: Event) => {
                this.networkId = (e.target as HTMLInputElement).value;
                this.fieldErrors = { ...this.fieldErrors, network: undefined };
              }}
            />
            <span part="help-text" id="help-network" class="help">${m.networkIdHelp}</span>
            ${this.renderFieldError('network')}
          </div>`
        : nothing}`;
  }

  private renderAttached(): TemplateResult {
    const m = this.m;
    const canDetach = this.canCall('DetachCenChildInstance');
    const zh = this.locale === 'zh-CN';
    return html`<section part="attached" aria-labelledby="attached-title">
      <h3 id="attached-title">${m.attachedList}${this.cenId ? html` · <code>${this.cenId}</code>` : nothing}</h3>
      ${!this.cenId
        ? html`<p class="help">${m.chooseCenFirst}</p>`
        : this.attachedError
          ? renderError(m, this.attachedError, () => this.loadAttached())
          : !this.attached
            ? renderSkeleton(2, 4)
            : !this.attached.length
              ? html`<p class="help" data-empty>${m.noAttached}</p>`
              : html`<div class="scroll">
                  <table part="attached-table" aria-labelledby="attached-title">
                    <thead>
                      <tr>
                        <th scope="col">${m.colNetwork}</th>
                        <th scope="col">${m.colType}</th>
                        <th scope="col">${m.colRegion}</th>
                        <th scope="col">${m.colOwner}</th>
                        <th scope="col">${m.colStatus}</th>
                        ${canDetach ? html`<th scope="col"><span class="sr-only">${m.colActions}</span></th>` : nothing}
                      </tr>
                    </thead>
                    <tbody>
                      ${this.attached.map((c) => {
                        const r = regionById(c.ChildInstanceRegionId);
                        return html`<tr data-child=${c.ChildInstanceId}>
                          <td><code>${c.ChildInstanceId}</code></td>
                          <td>${c.ChildInstanceType}</td>
                          <td>${r ? (zh ? r.name.zh : r.name.en) : c.ChildInstanceRegionId}</td>
                          <td class="mono">${c.ChildInstanceOwnerId !== undefined ? String(c.ChildInstanceOwnerId) : ''}</td>
                          <td>
                            <span part="status-badge" class="badge ${c.Status === 'Attached' ? 'ok' : c.Status === 'Detaching' ? 'gone' : 'busy'}" data-status=${c.Status}
                              >${m.status[c.Status] ?? c.Status}</span
                            >
                          </td>
                          ${canDetach
                            ? html`<td>
                                <button
                                  part="detach-button"
                                  class="link danger-link"
                                  type="button"
                                  aria-label=${m.detachLabel(c.ChildInstanceId)}
                                  ?disabled=${c.Status !== 'Attached' || this.submitting}
                                  @click=${() => this.askDetach(c)}
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

  private renderDialog(): TemplateResult {
    const m = this.m;
    const c = this.detachTarget;
    return html`<dialog part="dialog" aria-labelledby="detach-title" @close=${() => (this.detachTarget = undefined)}>
      ${c
        ? html`<form @submit=${this.onDetach} novalidate>
            <h2 id="detach-title">${m.detachTitle(c.ChildInstanceId)}</h2>
            <p>${m.detachBody(c.ChildInstanceId, c.CenId)}</p>
            ${this.detachError ? renderError(m, this.detachError) : nothing}
            <div class="actions">
              <button type="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.cancel}</button>
              <button class="danger" type="submit" ?disabled=${this.submitting}>${this.submitting ? m.detaching : m.detach}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}

