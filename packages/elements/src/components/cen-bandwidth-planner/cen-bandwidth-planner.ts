import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ActionName } from '@cen-kit/client';
import { PACKAGE_PERIODS, PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { AREAS, areaRequestValue, regionById, type AreaId } from '@cen-kit/catalog/regions';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { pollUntil, sleep } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderError, renderSkeleton } from '../../base/views.js';
import { formatDate, formatNumber } from '../../i18n/index.js';
import {
  daysUntil,
  emptyEdits,
  evaluatePlan,
  expiresSoon,
  limitsOnPackage,
  spanAreas,
  spanOfPackage,
  type LimitInfo,
  type PackageInfo,
  type PairEval,
  type PairIssue,
  type PlanEdits,
  type PlanEvaluation,
  type PlanState,
  type PurchaseEdit,
  type SpanEval,
} from '../../lib/bandwidth-plan.js';
import { runPlan, type PlanRunResult, type StepOutcome } from '../../lib/plan-runner.js';
import { newPlanKey, planSteps, type PlanStep, type PlanStepKind } from '../../lib/plan-steps.js';
import { plannerMessages, type PlannerMessages } from './messages.js';
import { styles } from './cen-bandwidth-planner.styles.js';

/** One step of an applied plan, as cen-plan-applied reports it. */
export interface PlanStepDetail {
  kind: PlanStepKind;
  span?: string | undefined;
  CenBandwidthPackageId?: string | undefined;
  LocalRegionId?: string | undefined;
  OppositeRegionId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  RequestId?: string | undefined;
}

/** `detail` of cen-plan-applied. */
export interface PlanAppliedDetail {
  CenId: string;
  applied: PlanStepDetail[];
  failed?: (PlanStepDetail & { Code: string; Message: string }) | undefined;
  notRun: PlanStepDetail[];
}

declare module '../../base/events.js' {
  interface CenEventMap {
    /** A plan ran (completely, or up to a failed step); the element reloaded the true state. */
    'cen-plan-applied': PlanAppliedDetail;
  }
}

type Json = Record<string, unknown>;
type Dialog =
  | { kind: 'review' }
  | { kind: 'running' }
  | { kind: 'done' }
  | { kind: 'unassociate'; pkg: PackageInfo }
  | { kind: 'delete'; pkg: PackageInfo; associated: boolean };

const DEFAULT_PURCHASE: PurchaseEdit = { Bandwidth: 2, PricingCycle: 'Month', Period: 1, AutoRenew: false };

/**
 * Plans and applies the cross-region bandwidth of one CEN instance: its
 * bandwidth packages (with expiry and allocation), the limits between the
 * regions where it has networks grouped by area pair, and edits checked live
 * with the API's own rules. Applying shows the calls first, then runs them in
 * a safe order (buy → associate → grow → lower → raise → shrink), each with an
 * Idempotency-Key, waiting for each to take effect; a partial failure says
 * what was applied, what failed (Code, RequestId) and what was not run.
 *
 * @tagname cen-bandwidth-planner
 * @summary Cross-region bandwidth of a CEN: packages, limits, plan and apply.
 *
 * @example
 * ```html
 * <cen-bandwidth-planner cen-id="cen-…"></cen-bandwidth-planner>
 * ```
 *
 * @attr cen-id - The CEN instance.
 * @attr settle-timeout - Seconds one step may take to take effect (default 180).
 *
 * @fires cen-plan-applied - `detail: { CenId, applied: PlanStepDetail[], failed?: PlanStepDetail & { Code, Message }, notRun: PlanStepDetail[] }`.
 * @fires cen-progress - Unassociate/delete moved on; `detail: { action, id, status, done }`.
 * @fires cen-error - A call failed; `detail: { action, Code, message, RequestId }`.
 *
 * @csspart packages - The table of associated packages.
 * @csspart meter - The allocation bar of a package (role=meter).
 * @csspart expiry - A package's expiry (class `expiry-soon` within 7 days).
 * @csspart matrix - The limits, grouped by area pair.
 * @csspart span - One area pair.
 * @csspart pair - One region pair row.
 * @csspart pair-input - The new-limit input of a pair.
 * @csspart offer - The buy / associate / resize offer of an area pair.
 * @csspart plan - The pending changes and the apply button.
 * @csspart dialog - Review, progress and result; unassociate and delete confirmations.
 * @csspart skeleton - As on every cen-kit element.
 * @csspart empty - As on every cen-kit element.
 * @csspart error - As on every cen-kit element.
 * @csspart retry - As on every cen-kit element.
 * @csspart live - As on every cen-kit element.
 */
export class CenBandwidthPlanner extends CenElement {
  static override styles = [tokens, controls, styles];

  static override properties = {
    cenId: { type: String, attribute: 'cen-id' },
    settleTimeout: { type: Number, attribute: 'settle-timeout' },
    plan: { state: true },
    edits: { state: true },
    drafts: { state: true },
    error: { state: true },
    dialog: { state: true },
    dialogError: { state: true },
    costAck: { state: true },
    progress: { state: true },
    result: { state: true },
    busy: { state: true },
  };

  declare cenId: string | undefined;
  declare settleTimeout: number;
  declare private plan: PlanState | undefined;
  declare private edits: PlanEdits;
  declare private drafts: Record<string, PurchaseEdit>;
  declare private error: ErrorInfo | undefined;
  declare private dialog: Dialog | undefined;
  declare private dialogError: ErrorInfo | undefined;
  declare private costAck: boolean;
  declare private progress: StepOutcome[];
  declare private result: PlanRunResult | undefined;
  declare private busy: boolean;

  private ev: PlanEvaluation | undefined;
  private loadCtl: AbortController | undefined;
  private planKey = newPlanKey();
  private attempt = 0;

  constructor() {
    super();
    this.settleTimeout = 180;
    this.edits = emptyEdits();
    this.drafts = {};
    this.costAck = false;
    this.progress = [];
    this.busy = false;
  }

  private get t(): PlannerMessages {
    return plannerMessages(this.locale);
  }

  /** The pending edits (limits, purchases, resizes, associations); a copy. */
  get pendingEdits(): PlanEdits {
    return structuredClone(this.edits);
  }

  /** The calls applying the plan would make now, in order (empty when the plan is not valid). */
  get pendingSteps(): PlanStep[] {
    return this.ev?.valid && this.cenId ? planSteps(this.ev, { CenId: this.cenId, planKey: this.planKey, attempt: this.attempt + 1 }) : [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('cenId')) {
      this.discard();
      this.plan = undefined;
      this.load();
    }
    if (changed.has('plan') || changed.has('edits')) this.ev = this.plan ? evaluatePlan(this.plan, this.edits) : undefined;
  }

  // ---------- loading ----------

  /** Loads the true state again (also what Retry and Reload do). */
  reload(): void {
    this.load();
  }

  protected override load(quiet = false): void {
    this.loadCtl?.abort();
    if (!this.cenId) {
      this.state = 'empty';
      return;
    }
    const ctl = new AbortController();
    this.loadCtl = ctl;
    if (!quiet) {
      this.error = undefined;
      if (!this.plan) this.state = 'loading';
    }
    void this.fetchState(ctl, this.cenId, quiet);
  }

  /** Resolves once a reload that was started has finished (for tests and apply). */
  private loaded: Promise<void> = Promise.resolve();

  private fetchState(ctl: AbortController, CenId: string, quiet: boolean): Promise<void> {
    this.loaded = this.doFetchState(ctl, CenId, quiet);
    return this.loaded;
  }

  private async doFetchState(ctl: AbortController, CenId: string, quiet: boolean): Promise<void> {
    const { client } = this.connection;
    const opts = { ...this.callOptions(ctl.signal), pageSize: PAGE_SIZE_MAX };
    let action = 'DescribeCenBandwidthPackages';
    const tag = <T>(name: string, p: Promise<T>) =>
      p.catch((e: unknown) => {
        action = name;
        throw e;
      });
    try {
      const [pk, idle, att, lim] = await Promise.all([
        tag('DescribeCenBandwidthPackages', client.allPages('DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenId', Value: [CenId] }] }, opts)),
        tag('DescribeCenBandwidthPackages', client.allPages('DescribeCenBandwidthPackages', { Filter: [{ Key: 'Status', Value: ['Idle'] }] }, opts)),
        tag('DescribeCenAttachedChildInstances', client.allPages('DescribeCenAttachedChildInstances', { CenId }, opts)),
        tag('DescribeCenInterRegionBandwidthLimits', client.allPages('DescribeCenInterRegionBandwidthLimits', { CenId }, opts)),
      ]);
      const packages = pk.items.map(toPackage);
      const remaining: Record<string, number> = {};
      action = 'DescribeCenGeographicSpanRemainingBandwidth';
      await Promise.all(
        packages.map(async (p) => {
          const span = spanOfPackage(p);
          if (!span) return;
          const [a, b] = spanAreas(span);
          const r = await client.DescribeCenGeographicSpanRemainingBandwidth(
            { CenId, GeographicRegionAId: areaRequestValue(a), GeographicRegionBId: areaRequestValue(b) },
            this.callOptions(ctl.signal),
          );
          remaining[span] = Number(r.RemainingBandwidth);
        }),
      );
      if (ctl !== this.loadCtl) return;
      this.plan = {
        CenId,
        packages,
        idlePackages: idle.items.map(toPackage).filter((p) => !p.CenIds?.length),
        regions: [...new Set(att.items.filter((a) => a.Status === 'Attached').map((a) => a.ChildInstanceRegionId))].sort(),
        limits: lim.items.map(
          (l): LimitInfo => ({
            LocalRegionId: l.LocalRegionId,
            OppositeRegionId: l.OppositeRegionId,
            BandwidthLimit: Number(l.BandwidthLimit),
            Status: l.Status,
            BandwidthPackageId: l.BandwidthPackageId,
            GeographicSpanId: l.GeographicSpanId,
          }),
        ),
        remaining,
      };
      this.error = undefined;
      if (this.state !== 'progress') this.state = this.plan.regions.length || packages.length ? 'ready' : 'empty';
    } catch (e) {
      if (isAbort(e) || ctl !== this.loadCtl) return;
      this.error = this.failed(action, e);
      if (this.state !== 'progress') this.state = 'error';
      await this.updateComplete;
      if (!quiet) this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    }
  }

  // ---------- editing ----------

  private setEdits(mutate: (e: PlanEdits) => void): void {
    const next = structuredClone(this.edits);
    mutate(next);
    this.edits = next;
  }

  private onLimitInput(p: PairEval, raw: string): void {
    const value = raw.trim() === '' ? undefined : Number(raw);
    this.setEdits((e) => {
      if (value === undefined || value === p.current) delete e.limits[p.key];
      else e.limits[p.key] = value;
    });
  }

  private onResizeInput(pkg: PackageInfo, raw: string): void {
    const value = raw.trim() === '' ? undefined : Number(raw);
    this.setEdits((e) => {
      if (value === undefined || value === pkg.Bandwidth) delete e.resizes[pkg.CenBandwidthPackageId];
      else e.resizes[pkg.CenBandwidthPackageId] = value;
    });
  }

  private draftOf(s: SpanEval): PurchaseEdit {
    return this.edits.purchases[s.span] ?? this.drafts[s.span] ?? { ...DEFAULT_PURCHASE, Bandwidth: s.needed };
  }

  private setDraft(span: string, patch: Partial<PurchaseEdit>, s: SpanEval): void {
    const next = { ...this.draftOf(s), ...patch };
    if (patch.PricingCycle && !(PACKAGE_PERIODS[next.PricingCycle] as readonly number[]).includes(next.Period)) next.Period = 1;
    this.drafts = { ...this.drafts, [span]: next };
    if (this.edits.purchases[span]) this.setEdits((e) => void (e.purchases[span] = next));
  }

  private togglePurchase(s: SpanEval): void {
    const draft = this.draftOf(s);
    this.setEdits((e) => {
      if (e.purchases[s.span]) delete e.purchases[s.span];
      else {
        e.purchases[s.span] = draft;
        if (e.associations) delete e.associations[s.span];
      }
    });
  }

  private setAssociation(span: string, id: string | undefined): void {
    this.setEdits((e) => {
      e.associations ??= {};
      if (id) {
        e.associations[span] = id;
        delete e.purchases[span];
      } else delete e.associations[span];
    });
  }

  /** Drops every pending change. */
  discard(): void {
    this.edits = emptyEdits();
    this.drafts = {};
    this.planKey = newPlanKey();
    this.attempt = 0;
  }

  // ---------- apply ----------

  private async openDialog(d: Dialog): Promise<void> {
    this.dialog = d;
    this.dialogError = undefined;
    this.costAck = false;
    await this.updateComplete;
    const el = this.renderRoot.querySelector('dialog');
    if (el && !el.open) el.showModal();
  }

  private closeDialog(): void {
    if (this.dialog?.kind === 'running') return;
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onDialogClosed(): void {
    // Escape while running must not hide the progress: reopen it.
    if (this.dialog?.kind === 'running') {
      void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
      return;
    }
    this.dialog = undefined;
    this.result = undefined;
  }

  /**
   * Applies the pending plan (what the Apply button does after review).
   * Resolves with the outcome; never rejects for an API failure.
   */
  async apply(): Promise<PlanRunResult | undefined> {
    const CenId = this.cenId;
    if (!CenId || !this.ev?.valid || this.dialog?.kind === 'running') return undefined;
    this.attempt += 1;
    const steps = planSteps(this.ev, { CenId, planKey: this.planKey, attempt: this.attempt });
    const { client } = this.connection;
    this.progress = steps.map((step) => ({ step, phase: 'pending' }));
    this.result = undefined;
    if (this.dialog?.kind === 'review') this.dialog = { kind: 'running' };
    this.state = 'progress';
    const result = await runPlan(steps, {
      call: (action, params, idempotencyKey) =>
        client.call(action as ActionName, params as never, { ...this.callOptions(), ...(idempotencyKey ? { idempotencyKey } : {}) }) as Promise<Json>,
      sleep: (ms) => sleep(ms, this.lifetime.signal),
      settleTimeoutMs: Math.max(1, Number(this.settleTimeout) || 180) * 1000,
      onProgress: (i, o) => {
        const next = this.progress.slice();
        next[i] = o;
        this.progress = next;
        if (o.phase === 'done') void this.announce(this.t.stepDone(this.stepText(o.step, o)));
      },
    });
    this.result = result;
    if (this.dialog?.kind === 'running') this.dialog = { kind: 'done' };
    const detail: PlanAppliedDetail = {
      CenId,
      applied: result.applied.map((o) => stepDetail(o.step, o)),
      failed: result.failed
        ? {
            ...stepDetail(result.failed.step, result.failed),
            // The RequestId of the failure (or, for a change that did not settle, of the accepted call).
            RequestId: result.failed.error?.RequestId ?? result.failed.RequestId,
            Code: result.failed.error?.Code ?? 'Error',
            Message: result.failed.error?.Message ?? '',
          }
        : undefined,
      notRun: result.notRun.map((s) => stepDetail(s)),
    };
    if (result.failed) {
      this.emit('cen-error', {
        action: result.failed.step.kind,
        Code: detail.failed!.Code,
        message: detail.failed!.Message,
        RequestId: result.failed.error?.RequestId,
      });
    }
    this.emit('cen-plan-applied', detail);
    void this.announce(result.failed ? this.t.resultFailed : this.t.resultOk(steps.length));
    // Show the true state again, whatever happened.
    this.state = 'ready';
    this.load(true);
    await this.loaded;
    if (!result.failed) this.discard();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('dialog [data-focus]')?.focus();
    return result;
  }

  // ---------- unassociate and delete ----------

  private async packageAction(): Promise<void> {
    const d = this.dialog;
    const CenId = this.cenId;
    if (!CenId || !d || (d.kind !== 'unassociate' && d.kind !== 'delete') || this.busy) return;
    const { client } = this.connection;
    const id = d.pkg.CenBandwidthPackageId;
    this.busy = true;
    this.dialogError = undefined;
    let action = 'UnassociateCenBandwidthPackage';
    const describe = async () =>
      (await client.DescribeCenBandwidthPackages({ Filter: [{ Key: 'CenBandwidthPackageId', Value: [id] }] }, this.callOptions())).CenBandwidthPackages?.CenBandwidthPackage?.[0];
    const poll = (check: () => Promise<boolean>) =>
      pollUntil(async () => ((await check()) ? true : undefined), { signal: this.lifetime.signal, initial: 250, max: 3000, timeout: Math.max(1, this.settleTimeout) * 1000 });
    try {
      if (d.kind === 'unassociate' || d.associated) {
        await client.UnassociateCenBandwidthPackage({ CenId, CenBandwidthPackageId: id }, { ...this.callOptions(), idempotencyKey: newKey() });
        this.emit('cen-progress', { action, id, status: 'Unassociating', done: false });
        await poll(async () => !((await describe())?.CenIds?.CenId ?? []).includes(CenId));
        this.emit('cen-progress', { action, id, status: 'Idle', done: d.kind === 'unassociate' });
      }
      if (d.kind === 'delete') {
        action = 'DeleteCenBandwidthPackage';
        await client.DeleteCenBandwidthPackage({ CenBandwidthPackageId: id }, { ...this.callOptions(), idempotencyKey: newKey() });
        await poll(async () => !(await describe()));
        this.emit('cen-progress', { action, id, status: 'Deleted', done: true });
      }
      void this.announce(d.kind === 'delete' ? this.t.deleted(id) : this.t.unassociated(id));
      this.renderRoot.querySelector('dialog')?.close();
      this.load(true);
    } catch (e) {
      if (!isAbort(e)) this.dialogError = this.failed(action, e);
      this.load(true);
    } finally {
      this.busy = false;
    }
  }

  // ---------- words ----------

  private n(x: number): string {
    return formatNumber(this.locale, x);
  }

  private areaName(a: AreaId): string {
    const area = AREAS.find((x) => x.id === a);
    return area ? (this.locale === 'zh-CN' ? area.name.zh : area.name.en) : a;
  }

  private regionName(id: string): string {
    const r = regionById(id);
    return r ? (this.locale === 'zh-CN' ? r.name.zh : r.name.en) : id;
  }

  private pairName(a: string, b: string): string {
    return this.t.pairLabel(this.regionName(a), this.regionName(b));
  }

  private lengthText(p: PurchaseEdit): string {
    return p.PricingCycle === 'Year' ? this.t.periodYears(p.Period) : this.t.periodMonths(p.Period);
  }

  private stepText(s: PlanStep, o?: StepOutcome): string {
    const t = this.t.step;
    switch (s.kind) {
      case 'buy': {
        const [a, b] = spanAreas(s.span);
        return t.buy(this.n(s.params.Bandwidth), this.areaName(a), this.areaName(b), this.lengthText(s.params));
      }
      case 'associate': {
        const [a, b] = spanAreas(s.span);
        return t.associate(s.CenBandwidthPackageId ?? o?.CenBandwidthPackageId ?? t.newPackage(this.areaName(a), this.areaName(b)));
      }
      case 'grow':
        return t.grow(s.CenBandwidthPackageId, this.n(s.from), this.n(s.to));
      case 'shrink':
        return t.shrink(s.CenBandwidthPackageId, this.n(s.from), this.n(s.to));
      case 'lower':
        return s.to === 0 ? t.remove(this.pairName(s.LocalRegionId, s.OppositeRegionId), this.n(s.from)) : t.lower(this.pairName(s.LocalRegionId, s.OppositeRegionId), this.n(s.from), this.n(s.to));
      case 'raise':
        return s.from === 0 ? t.set(this.pairName(s.LocalRegionId, s.OppositeRegionId), this.n(s.to)) : t.raise(this.pairName(s.LocalRegionId, s.OppositeRegionId), this.n(s.from), this.n(s.to));
    }
  }

  private issueText(i: PairIssue): string {
    const t = this.t.issue;
    switch (i.code) {
      case 'value':
        return this.m.invalid(this.t.colNew, i.message);
      case 'unknownArea':
        return t.unknownArea;
      case 'notAttached':
        return t.notAttached(i.regions.map((r) => this.regionName(r)).join(', '));
      case 'noPackage':
        return t.noPackage;
      case 'overAllocated':
        return t.overAllocated(this.n(i.over));
    }
  }

  /** Mbit/s allocated from a package now: the API's word when asked, else the sum of its limits. */
  private allocated(p: PackageInfo): number {
    const span = spanOfPackage(p);
    const server = span ? this.plan?.remaining?.[span] : undefined;
    if (server !== undefined) return Math.max(0, p.Bandwidth - server);
    return this.plan ? limitsOnPackage(this.plan, p).reduce((n, l) => n + l.BandwidthLimit, 0) : 0;
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.t;
    let body: TemplateResult;
    if (!this.cenId) body = html`<p class="note">${t.chooseCen}</p>`;
    else if (this.state === 'loading' || (!this.plan && !this.error)) body = html`${renderSkeleton(4, 5)}<span class="sr-only">${this.m.loading}</span>`;
    else if (!this.plan && this.error) body = renderError(this.m, this.error, () => this.reload());
    else
      body = html`${this.error ? renderError(this.m, this.error, () => this.reload()) : nothing} ${this.renderPackages()} ${this.renderMatrix()}
      ${this.renderPlan()}`;
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      ${this.cenId
        ? html`<div class="row">
            <h2 id="planner-title">${t.title(this.cenId)}</h2>
            <span class="spacer"></span>
            <button type="button" ?disabled=${this.state === 'progress'} @click=${() => this.reload()}>${t.reload}</button>
          </div>`
        : nothing}
      ${body} ${this.renderDialog()} ${this.renderLive()}
    </div>`;
  }

  private renderPackages(): TemplateResult {
    const t = this.t;
    const plan = this.plan!;
    const now = Date.now();
    const canUnassociate = this.canCall('UnassociateCenBandwidthPackage');
    const canDelete = this.canCall('DeleteCenBandwidthPackage');
    const row = (p: PackageInfo, associated: boolean) => {
      const span = spanOfPackage(p);
      const [a, b] = span ? spanAreas(span) : (['?', '?'] as unknown as [AreaId, AreaId]);
      const used = associated ? this.allocated(p) : 0;
      const pct = p.Bandwidth > 0 ? Math.min(100, (used / p.Bandwidth) * 100) : 0;
      const days = daysUntil(p.ExpiredTime, now);
      const soon = expiresSoon(p.ExpiredTime, now);
      const limits = associated ? limitsOnPackage(plan, p) : [];
      const refusal = limits.length
        ? t.refusedLimits(limits.map((l) => `${this.pairName(l.LocalRegionId, l.OppositeRegionId)} ${t.mbps(this.n(l.BandwidthLimit))}`).join(', '))
        : undefined;
      const refusalId = `refusal-${p.CenBandwidthPackageId}`;
      const name = p.Name ? `${p.Name} (${p.CenBandwidthPackageId})` : p.CenBandwidthPackageId;
      return html`<tr data-package=${p.CenBandwidthPackageId}>
        <td><span class="mono">${p.CenBandwidthPackageId}</span>${p.Name ? html`<div class="help">${p.Name}</div>` : nothing}</td>
        <td>${t.spanTitle(this.areaName(a), this.areaName(b))}</td>
        <td class="num">${t.mbps(this.n(p.Bandwidth))}</td>
        <td><span class="badge ${p.Status === 'InUse' ? 'ok' : ''}">${t.status[p.Status] ?? p.Status}</span></td>
        <td>${t.billing[p.BandwidthPackageChargeType ?? ''] ?? p.BandwidthPackageChargeType ?? ''}</td>
        <td part="expiry">
          ${soon && days !== undefined
            ? html`<strong class="expiry-soon" data-soon>${days <= 0 ? t.expired : days < 1 ? t.expiresToday : t.expiresIn(this.n(Math.floor(days)))}</strong><br />`
            : nothing}
          <span class="help">${formatDate(this.locale, p.ExpiredTime)}</span>
        </td>
        ${associated
          ? html`<td>
              <div class="meter">
                <div
                  part="meter"
                  role="meter"
                  class=${used >= p.Bandwidth ? 'full' : ''}
                  aria-label=${t.allocatedLabel(name)}
                  aria-valuemin="0"
                  aria-valuemax=${p.Bandwidth}
                  aria-valuenow=${Math.min(used, p.Bandwidth)}
                  aria-valuetext=${t.allocatedText(this.n(used), this.n(p.Bandwidth))}
                >
                  <span class="fill" style="inline-size:${pct}%"></span>
                </div>
                <span class="num">${this.n(used)} / ${this.n(p.Bandwidth)}</span>
              </div>
            </td>`
          : nothing}
        <td>
          <div class="row">
            ${associated && canUnassociate
              ? html`<button
                  type="button"
                  data-action="unassociate"
                  aria-label=${t.unassociateLabel(p.CenBandwidthPackageId)}
                  aria-describedby=${refusal ? refusalId : nothing}
                  ?disabled=${!!refusal || this.state === 'progress'}
                  @click=${() => this.openDialog({ kind: 'unassociate', pkg: p })}
                >
                  ${t.unassociate}
                </button>`
              : nothing}
            ${!associated && this.canCall('AssociateCenBandwidthPackage') && span && !plan.packages.some((x) => spanOfPackage(x) === span)
              ? html`<button
                  type="button"
                  data-action="associate"
                  aria-label=${t.associateLabel(p.CenBandwidthPackageId)}
                  aria-pressed=${this.edits.associations?.[span] === p.CenBandwidthPackageId ? 'true' : 'false'}
                  @click=${() => this.setAssociation(span, this.edits.associations?.[span] === p.CenBandwidthPackageId ? undefined : p.CenBandwidthPackageId)}
                >
                  ${t.associate}
                </button>`
              : nothing}
            ${canDelete
              ? html`<button
                  type="button"
                  class="danger-link link"
                  data-action="delete"
                  aria-label=${t.deleteLabel(p.CenBandwidthPackageId)}
                  aria-describedby=${refusal ? refusalId : nothing}
                  ?disabled=${!!refusal || this.state === 'progress'}
                  @click=${() => this.openDialog({ kind: 'delete', pkg: p, associated })}
                >
                  ${t.deletePackage}
                </button>`
              : nothing}
          </div>
          ${refusal ? html`<div id=${refusalId} class="refusal">${refusal}</div>` : nothing}
        </td>
      </tr>`;
    };
    const head = (associated: boolean) => html`<thead>
      <tr>
        <th scope="col">${t.colPackage}</th>
        <th scope="col">${t.colAreas}</th>
        <th scope="col" class="num">${t.colBandwidth}</th>
        <th scope="col">${t.colStatus}</th>
        <th scope="col">${t.colBilling}</th>
        <th scope="col">${t.colExpiry}</th>
        ${associated ? html`<th scope="col">${t.colAllocated}</th>` : nothing}
        <th scope="col">${t.colActions}</th>
      </tr>
    </thead>`;
    return html`<section>
      <h3 id="packages-title">${t.packagesTitle}</h3>
      ${plan.packages.length
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="packages-title">
            <table part="packages">
              ${head(true)}
              <tbody>
                ${plan.packages.map((p) => row(p, true))}
              </tbody>
            </table>
          </div>`
        : html`<p class="help">${t.noPackages}</p>`}
      ${plan.idlePackages?.length
        ? html`<h4 id="idle-title">${t.idleTitle}</h4>
            <div class="scroll" tabindex="0" role="region" aria-labelledby="idle-title">
              <table part="idle-packages" aria-labelledby="idle-title">
                ${head(false)}
                <tbody>
                  ${plan.idlePackages.map((p) => row(p, false))}
                </tbody>
              </table>
            </div>`
        : nothing}
    </section>`;
  }

  private renderMatrix(): TemplateResult {
    const t = this.t;
    const ev = this.ev!;
    const spans = ev.spans.filter((s) => s.pairs.length || s.package || s.purchase || s.association);
    return html`<section part="matrix" aria-labelledby="limits-title">
      <h3 id="limits-title">${t.limitsTitle}</h3>
      ${this.plan!.regions.length < 2 ? html`<p class="help">${t.noRegions}</p>` : nothing} ${spans.map((s) => this.renderSpan(s))}
    </section>`;
  }

  private renderSpan(s: SpanEval): TemplateResult {
    const t = this.t;
    const [a, b] = s.areas;
    const canSet = this.canCall('SetCenInterRegionBandwidthLimit');
    const titleId = `span-${s.span}`;
    const over = s.issues.find((i) => i.code === 'overAllocated');
    const planned = s.package ?? s.association ?? s.purchase;
    return html`<div part="span" class="span ${s.issues.length ? 'invalid' : ''}" data-span=${s.span} role="group" aria-labelledby=${titleId}>
      <div class="span-head">
        <h4 id=${titleId}>${t.spanTitle(this.areaName(a), this.areaName(b))}</h4>
        ${s.package ? html`<span>${t.spanPackage(s.package.CenBandwidthPackageId, this.n(s.package.Bandwidth))}</span>` : nothing}
        ${planned
          ? html`<span data-remaining=${s.remaining}>${t.spanRemaining(this.n(s.allocatedPlanned), this.n(s.capacity), this.n(Math.max(0, s.remaining)))}</span>`
          : html`<span class="help">${t.spanNoPackage}</span>`}
        ${s.serverRemaining !== undefined ? html`<span class="help" data-server-remaining=${s.serverRemaining}>${t.serverRemaining(this.n(s.serverRemaining))}</span>` : nothing}
        ${over && over.code === 'overAllocated' ? html`<span class="over" role="alert">${t.spanOver(this.n(over.over))}</span>` : nothing}
      </div>
      ${this.renderOffer(s)}
      ${s.pairs.length
        ? html`<div class="scroll" role="region" aria-labelledby=${titleId} tabindex=${canSet ? nothing : '0'}>
            <table aria-labelledby=${titleId}>
              <thead>
                <tr>
                  <th scope="col">${t.colPair}</th>
                  <th scope="col" class="num">${t.colCurrent}</th>
                  <th scope="col">${t.colStatus}</th>
                  <th scope="col">${t.colNew}</th>
                </tr>
              </thead>
              <tbody>
                ${s.pairs.map((p) => this.renderPair(p, canSet))}
              </tbody>
            </table>
          </div>`
        : nothing}
    </div>`;
  }

  private renderPair(p: PairEval, canSet: boolean): TemplateResult {
    const t = this.t;
    const inputId = `limit-${p.key.replace(/[^a-z0-9-]/gi, '_')}`;
    const issues = p.issues.map((i) => this.issueText(i));
    const describedBy = issues.length ? `${inputId}-issue` : `${inputId}-help`;
    return html`<tr part="pair" data-pair=${p.key} class=${p.changed ? 'changed' : ''}>
      <th scope="row">
        ${this.pairName(p.LocalRegionId, p.OppositeRegionId)}
        <div class="help mono">${p.LocalRegionId} ↔ ${p.OppositeRegionId}</div>
      </th>
      <td class="num">${p.current ? t.mbps(this.n(p.current)) : t.none}</td>
      <td>${p.status ? html`<span class="badge ${p.status === 'Active' ? 'ok' : 'busy'}" data-status=${p.status}>${t.status[p.status] ?? p.status}</span>` : nothing}</td>
      <td class="limit">
        ${canSet
          ? html`<input
                id=${inputId}
                part="pair-input"
                type="number"
                min="0"
                step="1"
                inputmode="numeric"
                aria-label=${t.newLimitLabel(this.regionName(p.LocalRegionId), this.regionName(p.OppositeRegionId))}
                aria-invalid=${issues.length ? 'true' : 'false'}
                aria-describedby=${describedBy}
                .value=${String(p.target)}
                ?disabled=${this.state === 'progress'}
                @input=${(e: Event) => this.onLimitInput(p, (e.target as HTMLInputElement).value)}
              />
              ${issues.length
                ? html`<span id="${inputId}-issue" class="pair-issue">${issues.join(' ')}</span>`
                : html`<span id="${inputId}-help" class="help">${p.changed && p.target === 0 ? t.removes : ''}</span>`}`
          : html`<span>${t.mbps(this.n(p.current))}</span>`}
      </td>
    </tr>`;
  }

  private renderOffer(s: SpanEval): TemplateResult | typeof nothing {
    const t = this.t;
    const canBuy = this.canCall('CreateCenBandwidthPackage') && this.canCall('AssociateCenBandwidthPackage');
    if (s.package) {
      if (!this.canCall('ModifyCenBandwidthPackageSpec')) return nothing;
      const over = s.issues.some((i) => i.code === 'overAllocated');
      const id = s.package.CenBandwidthPackageId;
      const inputId = `resize-${id}`;
      const bandwidthIssue = s.issues.find((i) => i.code === 'bandwidth');
      if (!over && s.resize === undefined) {
        return html`<div class="row resize">
          <label for=${inputId} class="help">${t.resizeLabel(id)}</label>
          <input id=${inputId} type="number" min="2" max="10000" step="1" .value=${String(s.package.Bandwidth)} @change=${(e: Event) => this.onResizeInput(s.package!, (e.target as HTMLInputElement).value)} />
        </div>`;
      }
      return html`<div part="offer" class="offer resize">
        ${s.resize !== undefined && s.resize !== s.package.Bandwidth
          ? html`<p class="planned">${t.resizePlanned(this.n(s.package.Bandwidth), this.n(s.resize))}</p>`
          : nothing}
        <div class="row">
          <label for=${inputId}>${t.resizeLabel(id)}</label>
          <input
            id=${inputId}
            type="number"
            min="2"
            max="10000"
            step="1"
            aria-invalid=${bandwidthIssue ? 'true' : 'false'}
            aria-describedby=${bandwidthIssue ? `${inputId}-issue` : nothing}
            .value=${String(s.resize ?? s.package.Bandwidth)}
            @input=${(e: Event) => this.onResizeInput(s.package!, (e.target as HTMLInputElement).value)}
          />
          ${over && s.resize !== s.needed
            ? html`<button type="button" data-action="resize" @click=${() => this.onResizeInput(s.package!, String(s.needed))}>${t.resizeOffer(this.n(s.needed))}</button>`
            : nothing}
          ${s.resize !== undefined ? html`<button type="button" class="link" @click=${() => this.onResizeInput(s.package!, '')}>${t.cancelResize}</button>` : nothing}
        </div>
        ${bandwidthIssue && bandwidthIssue.code === 'bandwidth'
          ? html`<span id="${inputId}-issue" class="pair-issue">${this.m.invalid(t.buyBandwidth, bandwidthIssue.message)}</span>`
          : nothing}
      </div>`;
    }
    if (!canBuy && !s.idle.length) return nothing;
    const wants = s.pairs.some((p) => p.changed && p.target > 0) || s.purchase || s.association;
    if (!wants) return nothing;
    const draft = this.draftOf(s);
    const p = `buy-${s.span}`;
    const issues = s.issues.filter((i) => i.code === 'bandwidth' || i.code === 'period').map((i) => ('message' in i ? this.m.invalid(i.code === 'bandwidth' ? t.buyBandwidth : t.buyPeriod, i.message) : ''));
    return html`<div part="offer" class="offer" data-offer=${s.span}>
      ${s.association
        ? html`<p class="planned">${t.associationPlanned(s.association.CenBandwidthPackageId)}</p>
            <button type="button" class="link" @click=${() => this.setAssociation(s.span, undefined)}>${t.cancelAssociation}</button>`
        : html`${s.idle.length && this.canCall('AssociateCenBandwidthPackage')
              ? html`<p>${t.orAssociate}</p>
                  <div class="row">
                    ${s.idle.map(
                      (x) => html`<button type="button" data-action="associate-idle" data-package=${x.CenBandwidthPackageId} @click=${() => this.setAssociation(s.span, x.CenBandwidthPackageId)}>
                        ${t.associateLabel(x.CenBandwidthPackageId)} (${t.mbps(this.n(x.Bandwidth))})
                      </button>`,
                    )}
                  </div>`
              : nothing}
            ${canBuy
              ? html`<fieldset class="buy">
                  <legend>${t.buyTitle}</legend>
                  ${s.purchase ? html`<p class="planned" data-purchase-planned>${t.purchasePlanned(this.n(s.purchase.Bandwidth), this.lengthText(s.purchase))}</p>` : nothing}
                  <div class="row">
                    <div class="field">
                      <label for="${p}-bw">${t.buyBandwidth}</label>
                      <input
                        id="${p}-bw"
                        type="number"
                        min="2"
                        max="10000"
                        step="1"
                        name="Bandwidth"
                        aria-invalid=${issues.length ? 'true' : 'false'}
                        aria-describedby=${issues.length ? `${p}-issue` : nothing}
                        .value=${String(draft.Bandwidth)}
                        @input=${(e: Event) => this.setDraft(s.span, { Bandwidth: Number((e.target as HTMLInputElement).value) }, s)}
                      />
                    </div>
                    <div class="field">
                      <label for="${p}-cycle">${t.buyCycle}</label>
                      <select id="${p}-cycle" name="PricingCycle" @change=${(e: Event) => this.setDraft(s.span, { PricingCycle: (e.target as HTMLSelectElement).value as 'Month' | 'Year' }, s)}>
                        <option value="Month" ?selected=${draft.PricingCycle === 'Month'}>${t.month}</option>
                        <option value="Year" ?selected=${draft.PricingCycle === 'Year'}>${t.year}</option>
                      </select>
                    </div>
                    <div class="field">
                      <label for="${p}-period">${t.buyPeriod}</label>
                      <select id="${p}-period" name="Period" @change=${(e: Event) => this.setDraft(s.span, { Period: Number((e.target as HTMLSelectElement).value) }, s)}>
                        ${PACKAGE_PERIODS[draft.PricingCycle].map(
                          (n) => html`<option value=${n} ?selected=${n === draft.Period}>${draft.PricingCycle === 'Year' ? t.periodYears(n) : t.periodMonths(n)}</option>`,
                        )}
                      </select>
                    </div>
                    <label class="check"
                      ><input type="checkbox" name="AutoRenew" .checked=${!!draft.AutoRenew} @change=${(e: Event) => this.setDraft(s.span, { AutoRenew: (e.target as HTMLInputElement).checked }, s)} />
                      ${t.autoRenew}</label
                    >
                    <button type="button" data-action="buy" aria-pressed=${s.purchase ? 'true' : 'false'} @click=${() => this.togglePurchase(s)}>
                      ${s.purchase ? t.removePurchase : t.addPurchase}
                    </button>
                  </div>
                  ${issues.length ? html`<span id="${p}-issue" class="pair-issue">${issues.join(' ')}</span>` : nothing}
                </fieldset>`
              : nothing}`}
    </div>`;
  }

  private renderPlan(): TemplateResult {
    const t = this.t;
    const ev = this.ev!;
    const steps = this.pendingSteps;
    // A span's issue that already shows on one of its changed pairs is not counted twice.
    const pairProblems = [...ev.pairs.values()].filter((p) => p.issues.length);
    const problems = pairProblems.length + ev.spans.filter((s) => s.issues.length && !pairProblems.some((p) => p.span === s.span)).length;
    return html`<section part="plan" class="plan" aria-labelledby="plan-title">
      <h3 id="plan-title">${t.planTitle}</h3>
      ${!ev.dirty
        ? html`<p class="help">${t.noChanges}</p>`
        : html`${steps.length ? html`<ol data-diff>${steps.map((s) => html`<li data-kind=${s.kind}>${this.stepText(s)}</li>`)}</ol>` : nothing}
            ${problems ? html`<p class="field-error" id="plan-problems">${t.fixFirst(problems)}</p>` : nothing}
            <div class="row">
              <button
                type="button"
                class="primary"
                data-action="review"
                ?disabled=${!ev.valid || this.state === 'progress'}
                aria-describedby=${problems ? 'plan-problems' : nothing}
                @click=${() => this.openDialog({ kind: 'review' })}
              >
                ${t.review}
              </button>
              <button type="button" data-action="discard" ?disabled=${this.state === 'progress'} @click=${() => this.discard()}>${t.discard}</button>
            </div>`}
    </section>`;
  }

  private renderDialog(): TemplateResult {
    const t = this.t;
    const d = this.dialog;
    let body: TemplateResult | typeof nothing = nothing;
    if (d?.kind === 'review') {
      const steps = this.pendingSteps;
      const buys = steps.filter((s) => s.kind === 'buy').length;
      body = html`<h2 id="dialog-title">${t.diffTitle}</h2>
        <p>${t.diffIntro}</p>
        <ol data-diff>
          ${steps.map((s) => html`<li data-kind=${s.kind}>${this.stepText(s)}</li>`)}
        </ol>
        ${buys
          ? html`<div class="cost" role="note">
              <p><strong>${t.costWarning(buys)}</strong></p>
              <label class="check"><input type="checkbox" data-cost-ack .checked=${this.costAck} @change=${(e: Event) => (this.costAck = (e.target as HTMLInputElement).checked)} /> ${t.costAck}</label>
            </div>`
          : nothing}
        <div class="actions">
          <button type="button" @click=${this.closeDialog}>${this.m.cancel}</button>
          <button type="button" class="primary" data-action="apply" ?disabled=${!steps.length || (buys > 0 && !this.costAck)} @click=${() => this.apply()}>${t.apply}</button>
        </div>`;
    } else if (d?.kind === 'running' || d?.kind === 'done') {
      const r = this.result;
      body = html`<h2 id="dialog-title">${d.kind === 'running' ? t.progressTitle : r?.failed ? t.resultFailed : t.resultOk(this.progress.length)}</h2>
        <ol data-progress>
          ${this.progress.map(
            (o) => html`<li data-kind=${o.step.kind} data-phase=${o.phase}>
              ${this.stepText(o.step, o)}<span class="phase phase-${o.phase}">${t.phase[o.phase]}</span>
              ${o.phase === 'failed' && o.error
                ? renderError(this.m, { Code: o.error.Code, message: o.error.Message, RequestId: o.error.RequestId }, undefined, t.resultFailedStep)
                : nothing}
            </li>`,
          )}
        </ol>
        ${d.kind === 'done' && r
          ? html`<div data-result role=${r.failed ? 'alert' : 'status'}>
                <p><strong>${t.resultApplied}</strong> ${r.applied.length ? r.applied.map((o) => this.stepText(o.step, o)).join('; ') : t.resultNothing}</p>
                ${r.failed
                  ? html`<p><strong>${t.resultFailedStep}</strong> ${this.stepText(r.failed.step, r.failed)} — <code>${r.failed.error?.Code}</code>${r.failed.error?.RequestId ? html` (${this.m.requestId} <code>${r.failed.error.RequestId}</code>)` : nothing}</p>
                      <p><strong>${t.resultNotRun}</strong> ${r.notRun.length ? r.notRun.map((s) => this.stepText(s)).join('; ') : t.resultNothing}</p>
                      <p class="help">${t.resultReloaded}</p>`
                  : nothing}
              </div>
              <div class="actions"><button type="button" class="primary" data-focus @click=${this.closeDialog}>${t.close}</button></div>`
          : nothing}`;
    } else if (d?.kind === 'unassociate' || d?.kind === 'delete') {
      const id = d.pkg.CenBandwidthPackageId;
      const cen = this.cenId ?? '';
      body = html`<h2 id="dialog-title">${d.kind === 'delete' ? t.deleteTitle(id) : t.unassociateTitle(id)}</h2>
        <p>${d.kind === 'unassociate' ? t.unassociateBody(id, cen) : d.associated ? t.deleteAssociatedBody(id, cen) : t.deleteBody(id)}</p>
        ${this.dialogError ? renderError(this.m, this.dialogError) : nothing}
        <div class="actions">
          <button type="button" @click=${this.closeDialog}>${this.m.cancel}</button>
          <button type="button" class="danger" data-action="confirm" ?disabled=${this.busy} @click=${() => this.packageAction()}>
            ${this.busy ? this.m.working : d.kind === 'delete' ? t.deletePackage : t.unassociate}
          </button>
        </div>`;
    }
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClosed} @cancel=${(e: Event) => this.dialog?.kind === 'running' && e.preventDefault()}>
      ${body}
    </dialog>`;
  }
}

function toPackage(x: {
  CenBandwidthPackageId: string;
  Name?: string | undefined;
  Bandwidth: number | string;
  Status: string;
  BusinessStatus?: string | undefined;
  BandwidthPackageChargeType?: string | undefined;
  ExpiredTime?: string | undefined;
  GeographicRegionAId: string;
  GeographicRegionBId: string;
  GeographicSpanId?: string | undefined;
  CenIds?: { CenId?: string[] | undefined } | undefined;
}): PackageInfo {
  return {
    CenBandwidthPackageId: x.CenBandwidthPackageId,
    Name: x.Name,
    Bandwidth: Number(x.Bandwidth),
    Status: x.Status,
    BusinessStatus: x.BusinessStatus,
    BandwidthPackageChargeType: x.BandwidthPackageChargeType,
    ExpiredTime: x.ExpiredTime,
    GeographicRegionAId: x.GeographicRegionAId,
    GeographicRegionBId: x.GeographicRegionBId,
    GeographicSpanId: x.GeographicSpanId,
    CenIds: x.CenIds?.CenId ?? [],
  };
}

function stepDetail(s: PlanStep, o?: StepOutcome): PlanStepDetail {
  const base: PlanStepDetail = { kind: s.kind, span: s.span ?? undefined, RequestId: o?.RequestId };
  switch (s.kind) {
    case 'buy':
      return { ...base, CenBandwidthPackageId: o?.CenBandwidthPackageId, to: s.params.Bandwidth };
    case 'associate':
      return { ...base, CenBandwidthPackageId: s.CenBandwidthPackageId ?? o?.CenBandwidthPackageId };
    case 'grow':
    case 'shrink':
      return { ...base, CenBandwidthPackageId: s.CenBandwidthPackageId, from: s.from, to: s.to };
    case 'lower':
    case 'raise':
      return { ...base, LocalRegionId: s.LocalRegionId, OppositeRegionId: s.OppositeRegionId, from: s.from, to: s.to };
  }
}
