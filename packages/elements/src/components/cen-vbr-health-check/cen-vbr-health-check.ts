import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { pollUntil } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderBlank, renderError, renderLoading } from '../../base/views.js';
import { formatNumber } from '../../i18n/index.js';
import {
  checkHealthCheckForm,
  defaultHealthCheckForm,
  enableParams,
  type HealthCheckField,
  type HealthCheckForm,
} from '../../lib/health-check-form.js';
import { healthCheckMessages, type HealthCheckMessages } from './messages.js';

/** A health check as DescribeCenVbrHealthCheck returns it. */
export interface VbrHealthCheck {
  CenId: string;
  VbrInstanceId: string;
  VbrInstanceRegionId: string;
  HealthCheckSourceIp?: string | undefined;
  HealthCheckTargetIp?: string | undefined;
  HealthCheckInterval?: number | undefined;
  HealthyThreshold?: number | undefined;
  HealthCheckOnly?: boolean | undefined;
  Description?: string | undefined;
}

/** `detail` of cen-health-check-enabled. */
export interface HealthCheckEnabledDetail {
  CenId: string;
  VbrInstanceId: string;
  VbrInstanceRegionId: string;
  HealthCheckTargetIp: string;
  HealthCheckSourceIp?: string | undefined;
  HealthCheckInterval: number;
  HealthyThreshold: number;
  HealthCheckOnly: boolean;
  /** True when an existing check was changed. */
  modified: boolean;
}

declare module '../../base/events.js' {
  interface CenEventMap {
    /** EnableCenVbrHealthCheck succeeded and the check is listed. */
    'cen-health-check-enabled': HealthCheckEnabledDetail;
    /** DisableCenVbrHealthCheck succeeded and the check is gone. */
    'cen-health-check-disabled': { CenId: string; VbrInstanceId: string; VbrInstanceRegionId: string };
  }
}

type Dialog = { kind: 'enable' } | { kind: 'modify'; check: VbrHealthCheck } | { kind: 'disable'; check: VbrHealthCheck };

/**
 * The VBR health checks of one region, with enable (or change) and disable.
 * The VBR is picked from the CEN's attached VBRs in the region; every field is
 * checked with the catalogue's rules before anything is sent.
 *
 * @tagname cen-vbr-health-check
 * @summary VBR health checks (DescribeCenVbrHealthCheck, EnableCenVbrHealthCheck, DisableCenVbrHealthCheck).
 *
 * @example
 * ```html
 * <cen-vbr-health-check region="cn-hangzhou" cen-id="cen-…"></cen-vbr-health-check>
 * ```
 *
 * @attr region - The VBRs' region (required).
 * @attr cen-id - The CEN instance (required to enable or disable; without it every CEN's checks are listed).
 *
 * @fires cen-health-check-enabled - `detail: { CenId, VbrInstanceId, VbrInstanceRegionId, HealthCheckTargetIp, HealthCheckSourceIp, HealthCheckInterval, HealthyThreshold, HealthCheckOnly, modified }`.
 * @fires cen-health-check-disabled - `detail: { CenId, VbrInstanceId, VbrInstanceRegionId }`.
 * @fires cen-error - A call failed; `detail: { action, Code, message, RequestId }`.
 *
 * @csspart table - The table of health checks.
 * @csspart row - Each health check.
 * @csspart enable-button - The button that opens the enable form.
 * @csspart dialog - The enable/change form and the disable confirmation.
 * @csspart skeleton - As on every cen-kit element.
 * @csspart empty - As on every cen-kit element.
 * @csspart error - As on every cen-kit element.
 * @csspart retry - As on every cen-kit element.
 * @csspart live - As on every cen-kit element.
 */
export class CenVbrHealthCheck extends CenElement {
  static override styles = [
    tokens,
    controls,
    css`
      .toolbar {
        margin-block-end: var(--_space);
      }
      .scroll {
        overflow-x: auto;
      }
      .check {
        display: flex;
        gap: var(--_space);
        align-items: center;
      }
    `,
  ];

  static override properties = {
    region: { type: String },
    cenId: { type: String, attribute: 'cen-id' },
    checks: { state: true },
    vbrs: { state: true },
    error: { state: true },
    dialog: { state: true },
    form: { state: true },
    touched: { state: true },
    submitted: { state: true },
    submitting: { state: true },
    dialogError: { state: true },
  };

  declare region: string | undefined;
  declare cenId: string | undefined;
  declare private checks: VbrHealthCheck[];
  declare private vbrs: string[];
  declare private error: ErrorInfo | undefined;
  declare private dialog: Dialog | undefined;
  declare private form: HealthCheckForm;
  declare private touched: ReadonlySet<HealthCheckField>;
  declare private submitted: boolean;
  declare private submitting: boolean;
  declare private dialogError: ErrorInfo | undefined;

  #loadCtl: AbortController | undefined;
  /** The Idempotency-Key of the enable request being sent (again, on a retry of the same form). */
  #submitKey: string | undefined;

  constructor() {
    super();
    this.checks = [];
    this.vbrs = [];
    this.form = defaultHealthCheckForm();
    this.touched = new Set();
    this.submitted = false;
    this.submitting = false;
  }

  get #t(): HealthCheckMessages {
    return healthCheckMessages(this.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('region') || changed.has('cenId'))) void this.load();
  }

  /** Loads the health checks again (also what Retry does). */
  reload(): void {
    void this.load();
  }

  protected override async load(quiet = false): Promise<void> {
    this.#loadCtl?.abort();
    const VbrInstanceRegionId = this.region;
    const CenId = this.cenId;
    if (!VbrInstanceRegionId) {
      this.state = 'empty';
      return;
    }
    const ctl = (this.#loadCtl = new AbortController());
    if (!quiet) {
      this.error = undefined;
      if (!this.checks.length || this.state !== 'ready') this.state = 'loading';
    }
    const { client } = this.connection;
    const opts = { ...this.callOptions(ctl.signal), pageSize: PAGE_SIZE_MAX };
    let action = 'DescribeCenVbrHealthCheck';
    try {
      const [checks, vbrs] = await Promise.all([
        client.allPages('DescribeCenVbrHealthCheck', { VbrInstanceRegionId, ...(CenId ? { CenId } : {}) }, opts),
        CenId
          ? client.allPages('DescribeCenAttachedChildInstances', { CenId, ChildInstanceType: 'VBR', ChildInstanceRegionId: VbrInstanceRegionId }, opts).catch((e: unknown) => {
              action = 'DescribeCenAttachedChildInstances';
              throw e;
            })
          : undefined,
      ]);
      if (ctl !== this.#loadCtl) return;
      this.checks = checks.items as VbrHealthCheck[];
      this.vbrs = (vbrs?.items ?? []).filter((a) => a.Status === 'Attached').map((a) => a.ChildInstanceId);
      this.error = undefined;
      this.state = this.checks.length ? 'ready' : 'empty';
      this.emit('cen-load', { TotalCount: checks.TotalCount, PageNumber: 1, count: this.checks.length });
    } catch (e) {
      if (isAbort(e) || ctl !== this.#loadCtl) return;
      this.error = this.failed(action, e);
      this.state = 'error';
      await this.updateComplete;
      if (!quiet) this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    }
  }

  /** Whether the caller may enable or disable health checks here. */
  #can(verb: 'Enable' | 'Disable'): boolean {
    return !!this.cenId && this.canCall(`${verb}CenVbrHealthCheck`);
  }

  /** Whether the VBR has no health check yet. */
  #unchecked(vbr: string): boolean {
    return !this.checks.some((c) => c.VbrInstanceId === vbr);
  }

  // ---------- dialogs ----------

  async #open(d: Dialog): Promise<void> {
    this.dialog = d;
    this.dialogError = this.#submitKey = undefined;
    this.submitted = false;
    this.touched = new Set();
    const f = defaultHealthCheckForm();
    if (d.kind === 'modify') {
      // The check as it is, with Alibaba's defaults where it says nothing.
      for (const k in f) (f as unknown as Record<string, unknown>)[k] = d.check[k as HealthCheckField] ?? f[k as HealthCheckField];
    } else {
      // A VBR without a check first: that is what one enables.
      const free = this.vbrs.filter((v) => this.#unchecked(v));
      f.VbrInstanceId = free.length === 1 ? free[0]! : '';
    }
    this.form = f;
    await this.updateComplete;
    const dlg = this.renderRoot.querySelector('dialog');
    if (dlg && !dlg.open) dlg.showModal();
  }

  #close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #onClosed(): void {
    this.dialog = undefined;
    this.submitting = false;
  }

  #setField(field: HealthCheckField, value: string | number | boolean): void {
    this.form = { ...this.form, [field]: value };
    // A different request gets a different Idempotency-Key.
    this.#submitKey = undefined;
  }

  #touch(field: HealthCheckField): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  #label(field: HealthCheckField): string {
    const t = this.#t;
    return {
      VbrInstanceId: t.fieldVbr,
      HealthCheckSourceIp: t.fieldSource,
      HealthCheckTargetIp: t.fieldTarget,
      HealthCheckInterval: t.fieldInterval,
      HealthyThreshold: t.fieldThreshold,
      HealthCheckOnly: t.fieldProbeOnly,
      Description: t.fieldDescription,
    }[field];
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = this.dialog;
    const CenId = this.cenId;
    const VbrInstanceRegionId = this.region;
    if (!d || this.submitting || !CenId || !VbrInstanceRegionId) return;
    const f = this.form;
    const disable = d.kind === 'disable';
    if (!disable) {
      this.submitted = true;
      if (Object.keys(checkHealthCheckForm(f)).length) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
        return;
      }
    }
    const action = disable ? 'DisableCenVbrHealthCheck' : 'EnableCenVbrHealthCheck';
    const VbrInstanceId = disable ? d.check.VbrInstanceId : f.VbrInstanceId;
    const where = { CenId, VbrInstanceId, VbrInstanceRegionId };
    const params = enableParams(CenId, VbrInstanceRegionId, f);
    // The event tells what the check does; the description is not part of it.
    const { Description, ...enabled } = params;
    this.submitting = true;
    this.dialogError = undefined;
    try {
      await this.call(action, disable ? where : params, {
        idempotencyKey: disable ? newKey() : (this.#submitKey ??= newKey()),
      });
      // Polls DescribeCenVbrHealthCheck for the VBR until the change shows.
      const { c: listed } = await pollUntil(
        async () => {
          const res = await this.call('DescribeCenVbrHealthCheck', { VbrInstanceRegionId, VbrInstanceId, ...(this.cenId ? { CenId: this.cenId } : {}) });
          const c = res.VbrHealthChecks?.VbrHealthCheck?.[0] as VbrHealthCheck | undefined;
          return (disable ? !c : c?.HealthCheckTargetIp === enabled.HealthCheckTargetIp) ? { c } : undefined;
        },
        { signal: this.lifetime.signal, initial: 250, max: 3000, timeout: 120_000 },
      );
      if (disable) this.emit('cen-health-check-disabled', where);
      else this.emit('cen-health-check-enabled', { ...enabled, HealthCheckSourceIp: listed?.HealthCheckSourceIp, modified: d.kind === 'modify' });
      void this.announce(this.#t[disable ? 'disabled' : 'enabled'](VbrInstanceId));
      this.#close();
      void this.load(true);
    } catch (err) {
      if (!isAbort(err)) this.dialogError = this.failed(action, err);
    } finally {
      this.submitting = false;
    }
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.#t;
    const m = this.m;
    const s = this.state;
    return html`<div part="base" lang=${this.locale} aria-busy=${s === 'loading' ? 'true' : 'false'}>
      ${!this.region
        ? html`<p class="note">${t.chooseRegion}</p>`
        : html`<div class="row toolbar">
              <span class="spacer"></span>
              ${this.#can('Enable')
                ? html`<button part="enable-button" class="primary" type="button" ?disabled=${!this.vbrs.length} @click=${() => this.#open({ kind: 'enable' })}>${t.enable}</button>`
                : nothing}
            </div>
            ${this.cenId ? nothing : html`<p class="help">${t.chooseCen}</p>`}
            ${s === 'loading'
              ? renderLoading(m, 2, 6)
              : s === 'error' && this.error
                ? renderError(m, this.error, () => this.reload())
                : s === 'empty'
                  ? renderBlank('empty', t.emptyTitle, t.emptyHint, this.cenId && !this.vbrs.length ? html`<p class="help">${t.noVbrs}</p>` : nothing)
                  : this.#renderTable()}`}
      ${this.#renderDialog()} ${this.renderLive()}
    </div>`;
  }

  #renderTable(): TemplateResult {
    const t = this.#t;
    const n = (x: number | undefined) => (x === undefined ? '' : formatNumber(this.locale, x));
    const can = { modify: this.#can('Enable'), disable: this.#can('Disable') };
    const actions = can.modify || can.disable;
    const label = t.label(this.region ?? '');
    return html`<div class="scroll" role="region" aria-label=${label} tabindex=${actions ? nothing : '0'}>
      <table part="table" aria-label=${label}>
        <thead>
          <tr>
            ${[t.colVbr, t.colSource, t.colTarget, t.colInterval, t.colThreshold, t.colMode, t.colDescription, ...(actions ? [t.colActions] : [])].map(
              (h) => html`<th scope="col">${h}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${this.checks.map(
            (c) => html`<tr part="row" data-vbr=${c.VbrInstanceId}>
              <td class="mono">${c.VbrInstanceId}</td>
              <td class="mono">${c.HealthCheckSourceIp}</td>
              <td class="mono">${c.HealthCheckTargetIp}</td>
              <td>${t.seconds(n(c.HealthCheckInterval))}</td>
              <td>${t.packets(n(c.HealthyThreshold))}</td>
              <td>${c.HealthCheckOnly ? t.probeOnly : t.switchOver}</td>
              <td>${c.Description}</td>
              ${actions
                ? html`<td>
                    <span class="row">
                      ${(['modify', 'disable'] as const).map((kind) =>
                        can[kind] && c.CenId === this.cenId
                          ? html`<button class="link" type="button" data-action=${kind} aria-label=${t[`${kind}Label`](c.VbrInstanceId)} @click=${() => this.#open({ kind, check: c })}>${t[kind]}</button>`
                          : nothing,
                      )}
                    </span>
                  </td>`
                : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderDialog(): TemplateResult {
    const t = this.#t;
    const m = this.m;
    const d = this.dialog;
    const f = this.form;
    const modifying = d?.kind === 'modify';
    let body: TemplateResult | undefined;
    if (d && d.kind !== 'disable') {
      const problems = checkHealthCheckForm(f);
      // Server-side Issues (the Worker's validation) go to their field too.
      for (const i of this.dialogError?.Issues ?? []) if (Object.hasOwn(f, i.path)) problems[i.path as HealthCheckField] = { code: 'rule', message: i.message };
      const on = (k: HealthCheckField, num?: boolean) => (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        this.#setField(k, num ? Number(v) : v);
      };
      /** Label, control, help and error of field `k`; the control gets aria-invalid and aria-describedby. */
      const field = (k: HealthCheckField, help: string | undefined, control: (invalid: string, described: string | typeof nothing) => TemplateResult) => {
        const p = this.submitted || this.touched.has(k) ? problems[k] : undefined;
        const error = p && (p.code === 'required' ? m.required : m.invalid(this.#label(k), p.message));
        return html`<div class="field">
          <label for="hc-${k}">${this.#label(k)}</label>
          ${control(error ? 'true' : 'false', [help && `hc-${k}-help`, error && `hc-${k}-error`].filter(Boolean).join(' ') || nothing)}
          ${help ? html`<span id="hc-${k}-help" class="help">${help}</span>` : nothing}
          ${error ? html`<span id="hc-${k}-error" class="field-error">${error}</span>` : nothing}
        </div>`;
      };
      const text = (k: 'HealthCheckTargetIp' | 'HealthCheckSourceIp' | 'Description', help?: string, placeholder = '') =>
        field(
          k,
          help,
          (invalid, described) => html`<input
            id="hc-${k}"
            class=${k === 'Description' ? '' : 'mono'}
            autocomplete="off"
            spellcheck="false"
            placeholder=${placeholder}
            .value=${f[k]}
            aria-invalid=${invalid}
            aria-describedby=${described}
            aria-required=${k === 'HealthCheckTargetIp' ? 'true' : nothing}
            @input=${on(k)}
            @blur=${() => this.#touch(k)}
          />`,
        );
      body = html`${field(
          'VbrInstanceId',
          undefined,
          (invalid, described) => html`<select
            id="hc-VbrInstanceId"
            class="mono"
            ?disabled=${modifying}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @change=${on('VbrInstanceId')}
            @blur=${() => this.#touch('VbrInstanceId')}
          >
            ${[['', t.chooseVbr], ...(modifying ? [f.VbrInstanceId] : this.vbrs.filter((v) => this.#unchecked(v) || v === f.VbrInstanceId)).map((v) => [v, v])].map(
              ([v, label]) => html`<option value=${v!} ?selected=${v === f.VbrInstanceId}>${label}</option>`,
            )}
          </select>`,
        )}
        ${text('HealthCheckTargetIp', t.targetHelp, '10.200.0.1')} ${text('HealthCheckSourceIp', t.sourceHelp, '100.96.0.1')}
        ${field(
          'HealthCheckInterval',
          t.intervalHelp,
          () => html`<select id="hc-HealthCheckInterval" aria-describedby="hc-HealthCheckInterval-help" @change=${on('HealthCheckInterval', true)}>
            ${[2, 3].map((v) => html`<option value=${v} ?selected=${v === f.HealthCheckInterval}>${t.seconds(String(v))}</option>`)}
          </select>`,
        )}
        ${field(
          'HealthyThreshold',
          t.thresholdHelp,
          (invalid, described) => html`<input
            id="hc-HealthyThreshold"
            type="number"
            min="3"
            max="8"
            step="1"
            inputmode="numeric"
            .value=${String(f.HealthyThreshold)}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @input=${on('HealthyThreshold', true)}
            @blur=${() => this.#touch('HealthyThreshold')}
          />`,
        )}
        <label class="check field"
          ><input type="checkbox" .checked=${f.HealthCheckOnly} @change=${(e: Event) => this.#setField('HealthCheckOnly', (e.target as HTMLInputElement).checked)} />
          ${t.fieldProbeOnly}</label
        >
        ${text('Description')}`;
    }
    return html`<dialog part="dialog" aria-labelledby="hc-dialog-title" @close=${this.#onClosed}>
      ${d
        ? html`<form @submit=${this.#onSubmit} ?novalidate=${!!body}>
            <h2 id="hc-dialog-title">${d.kind === 'disable' ? t.disableTitle(d.check.VbrInstanceId) : modifying ? t.modifyTitle(d.check.VbrInstanceId) : t.enableTitle}</h2>
            ${body ?? html`<p>${t.disableBody}</p>`} ${this.dialogError ? renderError(m, this.dialogError) : nothing}
            <div class="actions">
              <button type="button" @click=${this.#close}>${m.cancel}</button>
              <button class=${body ? 'primary' : 'danger'} type="submit" ?disabled=${this.submitting}>
                ${this.submitting ? m.working : !body ? t.disable : modifying ? t.submitModify : t.submitEnable}
              </button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}
