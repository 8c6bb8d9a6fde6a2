import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { pollUntil } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderError, renderSkeleton } from '../../base/views.js';
import { formatNumber } from '../../i18n/index.js';
import {
  checkHealthCheckForm,
  defaultHealthCheckForm,
  enableParams,
  type FieldProblem,
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

const FIELDS: readonly HealthCheckField[] = ['VbrInstanceId', 'HealthCheckTargetIp', 'HealthCheckSourceIp', 'HealthCheckInterval', 'HealthyThreshold', 'Description'];

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
        font-weight: 600;
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

  private loadCtl: AbortController | undefined;
  private submitKey: string | undefined;

  constructor() {
    super();
    this.checks = [];
    this.vbrs = [];
    this.form = defaultHealthCheckForm();
    this.touched = new Set();
    this.submitted = false;
    this.submitting = false;
  }

  private get t(): HealthCheckMessages {
    return healthCheckMessages(this.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('region') || changed.has('cenId'))) this.load();
  }

  /** Loads the health checks again (also what Retry does). */
  reload(): void {
    this.load();
  }

  protected override load(quiet = false): void {
    this.loadCtl?.abort();
    const region = this.region;
    if (!region) {
      this.state = 'empty';
      return;
    }
    const ctl = new AbortController();
    this.loadCtl = ctl;
    if (!quiet) {
      this.error = undefined;
      if (!this.checks.length || this.state !== 'ready') this.state = 'loading';
    }
    void this.fetch(ctl, region, quiet);
  }

  private async fetch(ctl: AbortController, VbrInstanceRegionId: string, quiet: boolean): Promise<void> {
    const { client } = this.connection;
    const CenId = this.cenId;
    let action = 'DescribeCenVbrHealthCheck';
    try {
      const [checks, vbrs] = await Promise.all([
        client.allPages('DescribeCenVbrHealthCheck', { VbrInstanceRegionId, ...(CenId ? { CenId } : {}) }, { ...this.callOptions(ctl.signal), pageSize: PAGE_SIZE_MAX }),
        CenId
          ? client
              .allPages('DescribeCenAttachedChildInstances', { CenId, ChildInstanceType: 'VBR', ChildInstanceRegionId: VbrInstanceRegionId }, { ...this.callOptions(ctl.signal), pageSize: PAGE_SIZE_MAX })
              .catch((e: unknown) => {
                action = 'DescribeCenAttachedChildInstances';
                throw e;
              })
          : Promise.resolve(undefined),
      ]);
      if (ctl !== this.loadCtl) return;
      this.checks = checks.items as VbrHealthCheck[];
      this.vbrs = (vbrs?.items ?? []).filter((a) => a.Status === 'Attached').map((a) => a.ChildInstanceId);
      this.error = undefined;
      this.state = this.checks.length ? 'ready' : 'empty';
      this.emit('cen-load', { TotalCount: checks.TotalCount, PageNumber: 1, count: this.checks.length });
    } catch (e) {
      if (isAbort(e) || ctl !== this.loadCtl) return;
      this.error = this.failed(action, e);
      this.state = 'error';
      await this.updateComplete;
      if (!quiet) this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    }
  }

  // ---------- dialogs ----------

  private async open(d: Dialog): Promise<void> {
    this.dialog = d;
    this.dialogError = undefined;
    this.submitted = false;
    this.touched = new Set();
    this.submitKey = undefined;
    if (d.kind === 'modify') {
      const c = d.check;
      this.form = {
        VbrInstanceId: c.VbrInstanceId,
        HealthCheckSourceIp: c.HealthCheckSourceIp ?? '',
        HealthCheckTargetIp: c.HealthCheckTargetIp ?? '',
        HealthCheckInterval: c.HealthCheckInterval ?? 2,
        HealthyThreshold: c.HealthyThreshold ?? 8,
        HealthCheckOnly: !!c.HealthCheckOnly,
        Description: c.Description ?? '',
      };
    } else if (d.kind === 'enable') {
      // A VBR without a check first: that is what one enables.
      const free = this.vbrs.filter((v) => !this.checks.some((c) => c.VbrInstanceId === v));
      this.form = { ...defaultHealthCheckForm(), VbrInstanceId: free.length === 1 ? free[0]! : '' };
    }
    await this.updateComplete;
    const dlg = this.renderRoot.querySelector('dialog');
    if (dlg && !dlg.open) dlg.showModal();
  }

  private close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onClosed(): void {
    this.dialog = undefined;
    this.submitting = false;
  }

  private setField(field: HealthCheckField, value: string | number | boolean): void {
    this.form = { ...this.form, [field]: value };
    // A different request gets a different Idempotency-Key.
    this.submitKey = undefined;
  }

  private touch(field: HealthCheckField): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  private problemText(field: HealthCheckField, p: FieldProblem | undefined): string | undefined {
    if (!p) return undefined;
    return p.code === 'required' ? this.m.required : this.m.invalid(this.fieldLabel(field), p.message);
  }

  private fieldLabel(field: HealthCheckField): string {
    const t = this.t;
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

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = this.dialog;
    const CenId = this.cenId;
    const region = this.region;
    if (!d || this.submitting || !CenId || !region) return;
    const { client } = this.connection;
    const opts = this.callOptions(this.lifetime.signal);
    if (d.kind === 'disable') {
      this.submitting = true;
      this.dialogError = undefined;
      const p = { CenId, VbrInstanceId: d.check.VbrInstanceId, VbrInstanceRegionId: region };
      try {
        await client.DisableCenVbrHealthCheck(p, { ...opts, idempotencyKey: newKey() });
        await this.waitFor(p.VbrInstanceId, (c) => !c);
        this.emit('cen-health-check-disabled', p);
        void this.announce(this.t.disabled(p.VbrInstanceId));
        this.close();
        this.load(true);
      } catch (err) {
        if (!isAbort(err)) this.dialogError = this.failed('DisableCenVbrHealthCheck', err);
      } finally {
        this.submitting = false;
      }
      return;
    }
    this.submitted = true;
    const problems = checkHealthCheckForm(this.form);
    if (Object.keys(problems).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
      return;
    }
    this.submitting = true;
    this.dialogError = undefined;
    const params = enableParams(CenId, region, this.form);
    this.submitKey ??= newKey();
    try {
      await client.EnableCenVbrHealthCheck(params as Parameters<typeof client.EnableCenVbrHealthCheck>[0], { ...opts, idempotencyKey: this.submitKey });
      const f = this.form;
      const listed = await this.waitFor(f.VbrInstanceId, (c) => !!c && c.HealthCheckTargetIp === f.HealthCheckTargetIp.trim());
      this.emit('cen-health-check-enabled', {
        CenId,
        VbrInstanceId: f.VbrInstanceId,
        VbrInstanceRegionId: region,
        HealthCheckTargetIp: f.HealthCheckTargetIp.trim(),
        HealthCheckSourceIp: listed?.HealthCheckSourceIp,
        HealthCheckInterval: f.HealthCheckInterval,
        HealthyThreshold: f.HealthyThreshold,
        HealthCheckOnly: f.HealthCheckOnly,
        modified: d.kind === 'modify',
      });
      void this.announce(this.t.enabled(f.VbrInstanceId));
      this.close();
      this.load(true);
    } catch (err) {
      if (isAbort(err)) return;
      this.dialogError = this.failed('EnableCenVbrHealthCheck', err);
    } finally {
      this.submitting = false;
    }
  }

  /** Polls DescribeCenVbrHealthCheck for one VBR until `done` holds. */
  private async waitFor(VbrInstanceId: string, done: (c: VbrHealthCheck | undefined) => boolean): Promise<VbrHealthCheck | undefined> {
    const { client } = this.connection;
    const r = await pollUntil(
      async () => {
        const res = await client.DescribeCenVbrHealthCheck(
          { VbrInstanceRegionId: this.region!, VbrInstanceId, ...(this.cenId ? { CenId: this.cenId } : {}) },
          this.callOptions(this.lifetime.signal),
        );
        const c = (res.VbrHealthChecks?.VbrHealthCheck ?? [])[0] as VbrHealthCheck | undefined;
        return done(c) ? { c } : undefined;
      },
      { signal: this.lifetime.signal, initial: 250, max: 3000, timeout: 120_000 },
    );
    return r.c;
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.t;
    const canEnable = !!this.cenId && this.canCall('EnableCenVbrHealthCheck');
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      ${!this.region
        ? html`<p class="note">${t.chooseRegion}</p>`
        : html`<div class="row toolbar">
              <span class="spacer"></span>
              ${canEnable
                ? html`<button part="enable-button" class="primary" type="button" ?disabled=${!this.vbrs.length} @click=${() => this.open({ kind: 'enable' })}>${t.enable}</button>`
                : nothing}
            </div>
            ${this.cenId ? nothing : html`<p class="help">${t.chooseCen}</p>`}
            ${this.state === 'loading'
              ? html`${renderSkeleton(2, 6)}<span class="sr-only">${this.m.loading}</span>`
              : this.state === 'error' && this.error
                ? renderError(this.m, this.error, () => this.reload())
                : this.state === 'empty'
                  ? html`<div part="empty" class="blank">
                      <p><strong>${t.emptyTitle}</strong></p>
                      <p class="help">${t.emptyHint}</p>
                      ${this.cenId && !this.vbrs.length ? html`<p class="help">${t.noVbrs}</p>` : nothing}
                    </div>`
                  : this.renderTable()}`}
      ${this.renderDialog()} ${this.renderLive()}
    </div>`;
  }

  private renderTable(): TemplateResult {
    const t = this.t;
    const n = (x: number | undefined) => (x === undefined ? '' : formatNumber(this.locale, x));
    const canEnable = !!this.cenId && this.canCall('EnableCenVbrHealthCheck');
    const canDisable = !!this.cenId && this.canCall('DisableCenVbrHealthCheck');
    return html`<div class="scroll" role="region" aria-label=${t.label(this.region ?? '')} tabindex=${canEnable || canDisable ? nothing : '0'}>
      <table part="table" aria-label=${t.label(this.region ?? '')}>
        <thead>
          <tr>
            <th scope="col">${t.colVbr}</th>
            <th scope="col">${t.colSource}</th>
            <th scope="col">${t.colTarget}</th>
            <th scope="col">${t.colInterval}</th>
            <th scope="col">${t.colThreshold}</th>
            <th scope="col">${t.colMode}</th>
            <th scope="col">${t.colDescription}</th>
            ${canEnable || canDisable ? html`<th scope="col">${t.colActions}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${this.checks.map(
            (c) => html`<tr part="row" data-vbr=${c.VbrInstanceId}>
              <td class="mono">${c.VbrInstanceId}</td>
              <td class="mono">${c.HealthCheckSourceIp ?? ''}</td>
              <td class="mono">${c.HealthCheckTargetIp ?? ''}</td>
              <td>${t.seconds(n(c.HealthCheckInterval))}</td>
              <td>${t.packets(n(c.HealthyThreshold))}</td>
              <td>${c.HealthCheckOnly ? t.probeOnly : t.switchOver}</td>
              <td>${c.Description ?? ''}</td>
              ${canEnable || canDisable
                ? html`<td>
                    <span class="row">
                      ${canEnable && c.CenId === this.cenId
                        ? html`<button class="link" type="button" data-action="modify" aria-label=${t.modifyLabel(c.VbrInstanceId)} @click=${() => this.open({ kind: 'modify', check: c })}>${t.modify}</button>`
                        : nothing}
                      ${canDisable && c.CenId === this.cenId
                        ? html`<button class="link" type="button" data-action="disable" aria-label=${t.disableLabel(c.VbrInstanceId)} @click=${() => this.open({ kind: 'disable', check: c })}>${t.disable}</button>`
                        : nothing}
                    </span>
                  </td>`
                : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderDialog(): TemplateResult {
    const t = this.t;
    const d = this.dialog;
    let body: TemplateResult | typeof nothing = nothing;
    if (d?.kind === 'disable') {
      body = html`<form @submit=${this.onSubmit}>
        <h2 id="hc-dialog-title">${t.disableTitle(d.check.VbrInstanceId)}</h2>
        <p>${t.disableBody}</p>
        ${this.dialogError ? renderError(this.m, this.dialogError) : nothing}
        <div class="actions">
          <button type="button" @click=${this.close}>${this.m.cancel}</button>
          <button class="danger" type="submit" ?disabled=${this.submitting}>${this.submitting ? this.m.working : t.disable}</button>
        </div>
      </form>`;
    } else if (d) {
      const problems = checkHealthCheckForm(this.form);
      // Server-side Issues (the Worker's validation) go to their field too.
      for (const i of this.dialogError?.Issues ?? []) {
        if ((FIELDS as readonly string[]).includes(i.path)) problems[i.path as HealthCheckField] = { code: 'rule', message: i.message };
      }
      const shown = (f: HealthCheckField) => (this.submitted || this.touched.has(f) ? this.problemText(f, problems[f]) : undefined);
      const modifying = d.kind === 'modify';
      const free = this.vbrs.filter((v) => modifying || !this.checks.some((c) => c.VbrInstanceId === v) || v === this.form.VbrInstanceId);
      body = html`<form @submit=${this.onSubmit} novalidate>
        <h2 id="hc-dialog-title">${modifying ? t.modifyTitle(d.check.VbrInstanceId) : t.enableTitle}</h2>
        ${this.field(
          'VbrInstanceId',
          undefined,
          shown('VbrInstanceId'),
          html`<select
            id="hc-VbrInstanceId"
            class="mono"
            ?disabled=${modifying}
            aria-invalid=${shown('VbrInstanceId') ? 'true' : 'false'}
            aria-describedby=${shown('VbrInstanceId') ? 'hc-VbrInstanceId-error' : nothing}
            @change=${(e: Event) => this.setField('VbrInstanceId', (e.target as HTMLSelectElement).value)}
            @blur=${() => this.touch('VbrInstanceId')}
          >
            <option value="" ?selected=${!this.form.VbrInstanceId}>${t.chooseVbr}</option>
            ${(modifying ? [this.form.VbrInstanceId] : free).map((v) => html`<option value=${v} ?selected=${v === this.form.VbrInstanceId}>${v}</option>`)}
          </select>`,
        )}
        ${this.textField('HealthCheckTargetIp', t.targetHelp, shown('HealthCheckTargetIp'), '10.200.0.1')}
        ${this.textField('HealthCheckSourceIp', t.sourceHelp, shown('HealthCheckSourceIp'), '100.96.0.1')}
        ${this.field(
          'HealthCheckInterval',
          t.intervalHelp,
          shown('HealthCheckInterval'),
          html`<select
            id="hc-HealthCheckInterval"
            aria-describedby="hc-HealthCheckInterval-help"
            @change=${(e: Event) => this.setField('HealthCheckInterval', Number((e.target as HTMLSelectElement).value))}
          >
            ${[2, 3].map((v) => html`<option value=${v} ?selected=${v === this.form.HealthCheckInterval}>${t.seconds(String(v))}</option>`)}
          </select>`,
        )}
        ${this.field(
          'HealthyThreshold',
          t.thresholdHelp,
          shown('HealthyThreshold'),
          html`<input
            id="hc-HealthyThreshold"
            type="number"
            min="3"
            max="8"
            step="1"
            inputmode="numeric"
            .value=${String(this.form.HealthyThreshold)}
            aria-invalid=${shown('HealthyThreshold') ? 'true' : 'false'}
            aria-describedby=${shown('HealthyThreshold') ? 'hc-HealthyThreshold-help hc-HealthyThreshold-error' : 'hc-HealthyThreshold-help'}
            @input=${(e: Event) => this.setField('HealthyThreshold', Number((e.target as HTMLInputElement).value))}
            @blur=${() => this.touch('HealthyThreshold')}
          />`,
        )}
        <label class="check field"
          ><input type="checkbox" .checked=${this.form.HealthCheckOnly} @change=${(e: Event) => this.setField('HealthCheckOnly', (e.target as HTMLInputElement).checked)} />
          ${t.fieldProbeOnly}</label
        >
        ${this.textField('Description', undefined, shown('Description'))}
        ${this.dialogError ? renderError(this.m, this.dialogError) : nothing}
        <div class="actions">
          <button type="button" @click=${this.close}>${this.m.cancel}</button>
          <button class="primary" type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? this.m.working : modifying ? t.submitModify : t.submitEnable}
          </button>
        </div>
      </form>`;
    }
    return html`<dialog part="dialog" aria-labelledby="hc-dialog-title" @close=${this.onClosed}>${body}</dialog>`;
  }

  private field(name: HealthCheckField, help: string | undefined, error: string | undefined, control: TemplateResult): TemplateResult {
    return html`<div class="field">
      <label for="hc-${name}">${this.fieldLabel(name)}</label>
      ${control} ${help ? html`<span id="hc-${name}-help" class="help">${help}</span>` : nothing}
      ${error ? html`<span id="hc-${name}-error" class="field-error">${error}</span>` : nothing}
    </div>`;
  }

  private textField(name: 'HealthCheckTargetIp' | 'HealthCheckSourceIp' | 'Description', help: string | undefined, error: string | undefined, placeholder = ''): TemplateResult {
    const described = [help ? `hc-${name}-help` : '', error ? `hc-${name}-error` : ''].filter(Boolean).join(' ');
    return this.field(
      name,
      help,
      error,
      html`<input
        id="hc-${name}"
        class=${name === 'Description' ? '' : 'mono'}
        autocomplete="off"
        spellcheck="false"
        placeholder=${placeholder}
        .value=${this.form[name]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        aria-required=${name === 'HealthCheckTargetIp' ? 'true' : nothing}
        @input=${(e: Event) => this.setField(name, (e.target as HTMLInputElement).value)}
        @blur=${() => this.touch(name)}
      />`,
    );
  }
}
