import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ActionName, PagedActionName, RequestOf } from '@cen-kit/client';
import { PACKAGE_PERIODS, PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { areaRequestValue } from '@cen-kit/catalog/regions';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { pollUntil, sleep } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderError, renderLoading } from '../../base/views.js';
import { formatDate, formatNumber } from '../../i18n/index.js';
import {
  daysUntil,
  emptyEdits,
  evaluatePlan,
  EXPIRY_WARNING_DAYS,
  limitsOnPackage,
  spanAreas,
  spanOfPackage,
  type PackageInfo,
  type PairEval,
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
/** `pkg` for unassociate and delete; `associated` for delete. */
type Dialog = { kind: 'review' | 'running' | 'done' | 'unassociate' | 'delete'; pkg?: PackageInfo; associated?: boolean };
type Opt<T> = T | undefined;

const ASSOCIATE = 'AssociateCenBandwidthPackage';
const PACKAGES = 'DescribeCenBandwidthPackages';
const S = { state: true };

const tf = (b: unknown) => String(!!b);
const val = (e: Event) => (e.target as HTMLInputElement).value;

/** A button: `a` data-action, `c` class, `d` disabled, `l` aria-label, `x` aria-describedby, `p` aria-pressed, `f` data-focus. */
const btn = (text: unknown, click: () => unknown, o: { a?: string; c?: string; d?: boolean; l?: string; x?: Opt<string>; p?: string; f?: boolean } = {}) =>
  html`<button type="button" class=${o.c ?? nothing} data-action=${o.a ?? nothing} aria-label=${o.l ?? nothing} aria-describedby=${o.x ?? nothing} aria-pressed=${o.p ?? nothing} ?data-focus=${o.f} ?disabled=${o.d} @click=${click}>${text}</button>`;

/** A scrolling region around a table; `num` is the index of the numeric column. */
const table = (label: string, part: Opt<string>, tableLabel: Opt<string>, tab: Opt<string>, cols: unknown[], num: number, rows: unknown) =>
  html`<div class="scroll" tabindex=${tab ?? nothing} role="region" aria-labelledby=${label}>
    <table part=${part ?? nothing} aria-labelledby=${tableLabel ?? nothing}>
      <thead>
        <tr>
          ${cols.map((c, i) => html`<th scope="col" class=${i === num ? 'num' : nothing}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;

/** A bandwidth input (2–10000 Mbit/s). `issue`: the id describing it when invalid, false when valid, undefined for no aria-invalid (and `change` instead of `input`). */
const bwInput = (id: string, value: number, set: (v: string) => void, issue?: string | false, name?: string) => {
  const h = (e: Event) => set(val(e));
  const plain = issue === undefined;
  return html`<input
    id=${id}
    type="number"
    min="2"
    max="10000"
    step="1"
    name=${name ?? nothing}
    aria-invalid=${plain ? nothing : tf(issue)}
    aria-describedby=${issue || nothing}
    .value=${String(value)}
    @input=${plain ? nothing : h}
    @change=${plain ? h : nothing}
  />`;
};

const issueSpan = (id: string, text: unknown) => html`<span id=${id} class="pair-issue">${text}</span>`;
const title = (text: unknown) => html`<h2 id="dialog-title">${text}</h2>`;
const para = (label: string, text: unknown) => html`<p><strong>${label}</strong> ${text}</p>`;
const check = (checked: boolean, set: (c: boolean) => void, text: string, name?: string) =>
  html`<label class="check"
    ><input type="checkbox" name=${name ?? nothing} ?data-cost-ack=${!name} .checked=${checked} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />
    ${text}</label
  >`;

const toPackage = (x: {
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
}): PackageInfo => ({ ...x, Bandwidth: Number(x.Bandwidth), CenIds: x.CenIds?.CenId ?? [] });

/** What cen-plan-applied says of a step: the step without its key and CenId, with the RequestId and what a purchase bought. */
function stepDetail(s: PlanStep, o?: StepOutcome): PlanStepDetail {
  const { idempotencyKey, CenId, params, ...d } = s as PlanStep & { CenId?: string; params?: { Bandwidth: number }; CenBandwidthPackageId?: string };
  const id = o?.CenBandwidthPackageId;
  // kind, span and RequestId first, as ever.
  return Object.assign(
    { kind: s.kind, span: s.span, RequestId: o?.RequestId },
    d,
    params ? { CenBandwidthPackageId: id, to: params.Bandwidth } : s.kind === 'associate' ? { CenBandwidthPackageId: d.CenBandwidthPackageId ?? id } : {},
  );
}

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
    plan: S,
    edits: S,
    drafts: S,
    error: S,
    dialog: S,
    dialogError: S,
    costAck: S,
    progress: S,
    result: S,
    busy: S,
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

  #ev: PlanEvaluation | undefined;
  #ctl: AbortController | undefined;
  #planKey = newPlanKey();
  #attempt = 0;
  /** Resolves once a reload that was started has finished (for apply). */
  #loaded: Promise<void> = Promise.resolve();

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
    return this.#ev?.valid && this.cenId ? planSteps(this.#ev, { CenId: this.cenId, planKey: this.#planKey, attempt: this.#attempt + 1 }) : [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('cenId')) {
      this.discard();
      this.plan = undefined;
      this.load();
    }
    if (changed.has('plan') || changed.has('edits')) this.#ev = this.plan && evaluatePlan(this.plan, this.edits);
  }

  // ---------- loading ----------

  /** Loads the true state again (also what Retry and Reload do). */
  reload(): void {
    this.load();
  }

  protected override load(quiet = false): void {
    this.#ctl?.abort();
    const CenId = this.cenId;
    if (!CenId) {
      this.state = 'empty';
      return;
    }
    const ctl = (this.#ctl = new AbortController());
    if (!quiet) {
      this.error = undefined;
      if (!this.plan) this.state = 'loading';
    }
    this.#loaded = this.#fetch(ctl, CenId, quiet);
  }

  async #fetch(ctl: AbortController, CenId: string, quiet: boolean): Promise<void> {
    const { client } = this.connection;
    const o = this.callOptions(ctl.signal);
    // A failed list names itself; past them only the remaining bandwidth is asked.
    let action = 'DescribeCenGeographicSpanRemainingBandwidth';
    const all = <A extends PagedActionName>(a: A, p: RequestOf<A>) =>
      client.allPages(a, p, { ...o, pageSize: PAGE_SIZE_MAX }).catch((e: unknown) => {
        action = a;
        throw e;
      });
    try {
      const [pk, idle, att, lim] = await Promise.all([
        all(PACKAGES, { Filter: [{ Key: 'CenId', Value: [CenId] }] }),
        all(PACKAGES, { Filter: [{ Key: 'Status', Value: ['Idle'] }] }),
        all('DescribeCenAttachedChildInstances', { CenId }),
        all('DescribeCenInterRegionBandwidthLimits', { CenId }),
      ]);
      const packages = pk.items.map(toPackage);
      const remaining: Record<string, number> = {};
      await Promise.all(
        packages.map(async (p) => {
          const span = spanOfPackage(p);
          if (!span) return;
          const [a, b] = spanAreas(span);
          const r = await client.DescribeCenGeographicSpanRemainingBandwidth({ CenId, GeographicRegionAId: areaRequestValue(a), GeographicRegionBId: areaRequestValue(b) }, o);
          remaining[span] = Number(r.RemainingBandwidth);
        }),
      );
      if (ctl !== this.#ctl) return;
      this.plan = {
        CenId,
        packages,
        idlePackages: idle.items.map(toPackage).filter((p) => !p.CenIds?.length),
        regions: [...new Set(att.items.filter((a) => a.Status === 'Attached').map((a) => a.ChildInstanceRegionId))].sort(),
        limits: lim.items.map((l) => ({ ...l, BandwidthLimit: Number(l.BandwidthLimit) })),
        remaining,
      };
      this.error = undefined;
      if (this.state !== 'progress') this.state = this.plan.regions.length || packages.length ? 'ready' : 'empty';
    } catch (e) {
      if (isAbort(e) || ctl !== this.#ctl) return;
      this.error = this.failed(action, e);
      if (this.state !== 'progress') this.state = 'error';
      await this.updateComplete;
      if (!quiet) this.#q('[part="retry"]')?.focus();
    }
  }

  // ---------- editing ----------

  #edit(mutate: (e: PlanEdits) => void): void {
    const next = structuredClone(this.edits);
    mutate(next);
    this.edits = next;
  }

  /** Sets a limit (by pair key) or a resize (by package id) from an input; empty or unchanged drops the edit. */
  #setNum(map: 'limits' | 'resizes', key: string, now: number, raw: string): void {
    const v = raw.trim() ? Number(raw) : now;
    this.#edit((e) => {
      if (v === now) delete e[map][key];
      else e[map][key] = v;
    });
  }

  #draft(s: SpanEval): PurchaseEdit {
    return this.edits.purchases[s.span] ?? this.drafts[s.span] ?? { ...DEFAULT_PURCHASE, Bandwidth: s.needed };
  }

  #setDraft(s: SpanEval, patch: Partial<PurchaseEdit>): void {
    const span = s.span;
    const next = { ...this.#draft(s), ...patch };
    if (patch.PricingCycle && !(PACKAGE_PERIODS[next.PricingCycle] as readonly number[]).includes(next.Period)) next.Period = 1;
    this.drafts = { ...this.drafts, [span]: next };
    if (this.edits.purchases[span]) this.#edit((e) => void (e.purchases[span] = next));
  }

  #togglePurchase(s: SpanEval): void {
    const draft = this.#draft(s);
    this.#edit((e) => {
      if (e.purchases[s.span]) delete e.purchases[s.span];
      else {
        e.purchases[s.span] = draft;
        delete e.associations?.[s.span];
      }
    });
  }

  #associate(span: string, id?: string): void {
    this.#edit((e) => {
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
    this.#planKey = newPlanKey();
    this.#attempt = 0;
  }

  // ---------- apply ----------

  #q<E extends Element = HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  get #running(): boolean {
    return this.dialog?.kind === 'running';
  }

  async #open(d: Dialog): Promise<void> {
    this.dialog = d;
    this.dialogError = undefined;
    this.costAck = false;
    await this.updateComplete;
    const el = this.#q<HTMLDialogElement>('dialog');
    if (el && !el.open) el.showModal();
  }

  #close(): void {
    if (!this.#running) this.#q<HTMLDialogElement>('dialog')?.close();
  }

  #closed(): void {
    // Escape while running must not hide the progress: reopen it.
    if (this.#running) void this.updateComplete.then(() => this.#q<HTMLDialogElement>('dialog')?.showModal());
    else this.dialog = this.result = undefined;
  }

  /**
   * Applies the pending plan (what the Apply button does after review).
   * Resolves with the outcome; never rejects for an API failure.
   */
  async apply(): Promise<PlanRunResult | undefined> {
    const CenId = this.cenId;
    if (!CenId || !this.#ev?.valid || this.#running) return undefined;
    const steps = this.pendingSteps;
    this.#attempt++;
    const { client } = this.connection;
    this.progress = steps.map((step) => ({ step, phase: 'pending' }));
    this.result = undefined;
    if (this.dialog?.kind === 'review') this.dialog = { kind: 'running' };
    this.state = 'progress';
    const result = await runPlan(steps, {
      call: (action, params, idempotencyKey) => client.call(action as ActionName, params as never, { ...this.callOptions(), idempotencyKey }) as Promise<Json>,
      sleep: (ms) => sleep(ms, this.lifetime.signal),
      settleTimeoutMs: Math.max(1, Number(this.settleTimeout) || 180) * 1000,
      onProgress: (i, o) => {
        this.progress = this.progress.with(i, o);
        if (o.phase === 'done') void this.announce(this.t.stepDone(this.#stepText(o.step, o)));
      },
    });
    this.result = result;
    if (this.#running) this.dialog = { kind: 'done' };
    const f = result.failed;
    // The runner always says why a step failed.
    const err = f?.error!;
    const detail: PlanAppliedDetail = {
      CenId,
      applied: result.applied.map((o) => stepDetail(o.step, o)),
      // The RequestId of the failure (or, for a change that did not settle, of the accepted call).
      failed: f && { ...stepDetail(f.step, f), RequestId: err.RequestId ?? f.RequestId, Code: err.Code, Message: err.Message },
      notRun: result.notRun.map((s) => stepDetail(s)),
    };
    if (f) this.emit('cen-error', { action: f.step.kind, Code: err.Code, message: err.Message, RequestId: err.RequestId });
    this.emit('cen-plan-applied', detail);
    void this.announce(f ? this.t.resultFailed : this.t.resultOk(steps.length));
    // Show the true state again, whatever happened.
    this.state = 'ready';
    this.load(true);
    await this.#loaded;
    if (!f) this.discard();
    await this.updateComplete;
    this.#q('dialog [data-focus]')?.focus();
    return result;
  }

  // ---------- unassociate and delete ----------

  async #packageAction(): Promise<void> {
    const d = this.dialog;
    const CenId = this.cenId;
    if (!CenId || !d?.pkg || this.busy) return;
    const { client } = this.connection;
    const id = d.pkg.CenBandwidthPackageId;
    const del = d.kind === 'delete';
    this.busy = true;
    this.dialogError = undefined;
    let action = 'UnassociateCenBandwidthPackage';
    const opts = () => ({ ...this.callOptions(), idempotencyKey: newKey() });
    const poll = (check: (p: Opt<{ CenIds?: { CenId?: string[] } }>) => boolean) =>
      pollUntil(
        async () =>
          check((await client.DescribeCenBandwidthPackages({ Filter: [{ Key: 'CenBandwidthPackageId', Value: [id] }] }, this.callOptions())).CenBandwidthPackages?.CenBandwidthPackage?.[0]) ||
          undefined,
        { signal: this.lifetime.signal, initial: 250, max: 3000, timeout: Math.max(1, this.settleTimeout) * 1000 },
      );
    const progress = (status: string, done: boolean) => this.emit('cen-progress', { action, id, status, done });
    try {
      if (!del || d.associated) {
        await client.UnassociateCenBandwidthPackage({ CenId, CenBandwidthPackageId: id }, opts());
        progress('Unassociating', false);
        await poll((p) => !p?.CenIds?.CenId?.includes(CenId));
        progress('Idle', !del);
      }
      if (del) {
        action = 'DeleteCenBandwidthPackage';
        await client.DeleteCenBandwidthPackage({ CenBandwidthPackageId: id }, opts());
        await poll((p) => !p);
        progress('Deleted', true);
      }
      void this.announce(del ? this.t.deleted(id) : this.t.unassociated(id));
      this.#q<HTMLDialogElement>('dialog')?.close();
    } catch (e) {
      if (!isAbort(e)) this.dialogError = this.failed(action, e);
    }
    this.load(true);
    this.busy = false;
  }

  // ---------- words ----------

  #n(x: number): string {
    return formatNumber(this.locale, x);
  }

  #areas(span: string): [string, string] {
    return spanAreas(span).map((x) => this.areaName(x)) as [string, string];
  }

  #spanTitle(span: string): string {
    return this.t.spanTitle(...this.#areas(span));
  }

  #pair(a: string, b: string): string {
    return this.t.pairLabel(this.regionName(a), this.regionName(b));
  }

  #len(cycle: string, n: number): string {
    return this.t[cycle === 'Year' ? 'periodYears' : 'periodMonths'](n);
  }

  #stepText(s: PlanStep, o?: StepOutcome): string {
    const t = this.t.step;
    if (s.kind === 'buy') return t.buy(this.#n(s.params.Bandwidth), ...this.#areas(s.span), this.#len(s.params.PricingCycle, s.params.Period));
    if (s.kind === 'associate') return t.associate(s.CenBandwidthPackageId ?? o?.CenBandwidthPackageId ?? t.newPackage(...this.#areas(s.span)));
    const x = 'LocalRegionId' in s ? this.#pair(s.LocalRegionId, s.OppositeRegionId) : s.CenBandwidthPackageId;
    const from = this.#n(s.from);
    const to = this.#n(s.to);
    return s.kind === 'lower' && s.to === 0 ? t.remove(x, from) : s.kind === 'raise' && s.from === 0 ? t.set(x, to) : t[s.kind](x, from, to);
  }

  /** Mbit/s allocated from a package now: the API's word when asked, else the sum of its limits. */
  #allocated(p: PackageInfo): number {
    const span = spanOfPackage(p);
    const server = span ? this.plan?.remaining?.[span] : undefined;
    if (server !== undefined) return Math.max(0, p.Bandwidth - server);
    return this.plan ? limitsOnPackage(this.plan, p).reduce((n, l) => n + l.BandwidthLimit, 0) : 0;
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.t;
    const cen = this.cenId;
    const err = this.error;
    const retry = () => this.reload();
    return html`<div part="base" lang=${this.locale} aria-busy=${tf(this.state === 'loading')}>
      ${cen
        ? html`<div class="row">
            <h2 id="planner-title">${t.title(cen)}</h2>
            <span class="spacer"></span>
            ${btn(t.reload, retry, { d: this.state === 'progress' })}
          </div>`
        : nothing}
      ${!cen
        ? html`<p class="note">${t.chooseCen}</p>`
        : this.state === 'loading' || (!this.plan && !err)
          ? renderLoading(this.m, 4, 5)
          : html`${err ? renderError(this.m, err, retry) : nothing} ${this.plan ? [this.#packages(), this.#matrix(), this.#planView()] : nothing}`}
      ${this.#dialogView()} ${this.renderLive()}
    </div>`;
  }

  #packages(): TemplateResult {
    const t = this.t;
    const plan = this.plan!;
    const now = Date.now();
    const busy = this.state === 'progress';
    const canUnassociate = this.canCall('UnassociateCenBandwidthPackage');
    const canDelete = this.canCall('DeleteCenBandwidthPackage');
    const canAssociate = this.canCall(ASSOCIATE);
    const n = (x: number) => this.#n(x);
    const row = (p: PackageInfo, associated: boolean) => {
      const id = p.CenBandwidthPackageId;
      const bw = p.Bandwidth;
      const span = spanOfPackage(p);
      const used = associated ? this.#allocated(p) : 0;
      const days = daysUntil(p.ExpiredTime, now);
      const limits = associated ? limitsOnPackage(plan, p) : [];
      const refusal = limits.length
        ? t.refusedLimits(limits.map((l) => `${this.#pair(l.LocalRegionId, l.OppositeRegionId)} ${t.mbps(n(l.BandwidthLimit))}`).join(', '))
        : undefined;
      const refusalId = refusal && `refusal-${id}`;
      const chosen = !!span && this.edits.associations?.[span] === id;
      const billing = p.BandwidthPackageChargeType ?? '';
      return html`<tr data-package=${id}>
        <td><span class="mono">${id}</span>${p.Name ? html`<div class="help">${p.Name}</div>` : nothing}</td>
        <td>${this.#spanTitle(span ?? '?_?' /* areas unknown: ? ↔ ? */)}</td>
        <td class="num">${t.mbps(n(bw))}</td>
        <td><span class="badge ${p.Status === 'InUse' ? 'ok' : ''}">${t.status[p.Status] ?? p.Status}</span></td>
        <td>${t.billing[billing] ?? billing}</td>
        <td part="expiry">
          ${days! < EXPIRY_WARNING_DAYS
            ? html`<strong class="expiry-soon" data-soon>${days! <= 0 ? t.expired : days! < 1 ? t.expiresToday : t.expiresIn(n(Math.floor(days!)))}</strong><br />`
            : nothing}
          <span class="help">${formatDate(this.locale, p.ExpiredTime)}</span>
        </td>
        ${associated
          ? html`<td>
              <div class="meter">
                <div
                  part="meter"
                  role="meter"
                  class=${used >= bw ? 'full' : ''}
                  aria-label=${t.allocatedLabel(p.Name ? `${p.Name} (${id})` : id)}
                  aria-valuemin="0"
                  aria-valuemax=${bw}
                  aria-valuenow=${Math.min(used, bw)}
                  aria-valuetext=${t.allocatedText(n(used), n(bw))}
                >
                  <span class="fill" style="inline-size:${bw > 0 ? Math.min(100, (used / bw) * 100) : 0}%"></span>
                </div>
                <span class="num">${n(used)} / ${n(bw)}</span>
              </div>
            </td>`
          : nothing}
        <td>
          <div class="row">
            ${associated && canUnassociate
              ? btn(t.unassociate, () => this.#open({ kind: 'unassociate', pkg: p }), { a: 'unassociate', l: t.unassociateLabel(id), x: refusalId, d: !!refusal || busy })
              : nothing}
            ${!associated && canAssociate && span && !plan.packages.some((x) => spanOfPackage(x) === span)
              ? btn(t.associate, () => this.#associate(span, chosen ? undefined : id), { a: 'associate', l: t.associateLabel(id), p: tf(chosen) })
              : nothing}
            ${canDelete
              ? btn(t.deletePackage, () => this.#open({ kind: 'delete', pkg: p, associated }), {
                  c: 'danger-link link',
                  a: 'delete',
                  l: t.deleteLabel(id),
                  x: refusalId,
                  d: !!refusal || busy,
                })
              : nothing}
          </div>
          ${refusal ? html`<div id=${refusalId} class="refusal">${refusal}</div>` : nothing}
        </td>
      </tr>`;
    };
    const cols = (associated: boolean) => [
      t.colPackage,
      t.colAreas,
      t.colBandwidth,
      t.colStatus,
      t.colBilling,
      t.colExpiry,
      ...(associated ? [t.colAllocated] : []),
      t.colActions,
    ];
    const idle = plan.idlePackages;
    return html`<section>
      <h3 id="packages-title">${t.packagesTitle}</h3>
      ${plan.packages.length
        ? table(
            'packages-title',
            'packages',
            undefined,
            '0',
            cols(true),
            2,
            plan.packages.map((p) => row(p, true)),
          )
        : html`<p class="help">${t.noPackages}</p>`}
      ${idle?.length
        ? html`<h4 id="idle-title">${t.idleTitle}</h4>
            ${table(
              'idle-title',
              'idle-packages',
              'idle-title',
              '0',
              cols(false),
              2,
              idle.map((p) => row(p, false)),
            )}`
        : nothing}
    </section>`;
  }

  #matrix(): TemplateResult {
    const t = this.t;
    const n = (x: number) => this.#n(x);
    const canSet = this.canCall('SetCenInterRegionBandwidthLimit');
    const span = (s: SpanEval) => {
      const id = `span-${s.span}`;
      const over = s.issues.find((i) => i.code === 'overAllocated');
      const pkg = s.package;
      return html`<div part="span" class="span ${s.issues.length ? 'invalid' : ''}" data-span=${s.span} role="group" aria-labelledby=${id}>
        <div class="span-head">
          <h4 id=${id}>${this.#spanTitle(s.span)}</h4>
          ${pkg ? html`<span>${t.spanPackage(pkg.CenBandwidthPackageId, n(pkg.Bandwidth))}</span>` : nothing}
          ${pkg ?? s.association ?? s.purchase
            ? html`<span data-remaining=${s.remaining}>${t.spanRemaining(n(s.allocatedPlanned), n(s.capacity), n(Math.max(0, s.remaining)))}</span>`
            : html`<span class="help">${t.spanNoPackage}</span>`}
          ${s.serverRemaining !== undefined
            ? html`<span class="help" data-server-remaining=${s.serverRemaining}>${t.serverRemaining(n(s.serverRemaining))}</span>`
            : nothing}
          ${over ? html`<span class="over" role="alert">${t.spanOver(n(over.over))}</span>` : nothing}
        </div>
        ${this.#offer(s)}
        ${s.pairs.length
          ? table(
              id,
              undefined,
              id,
              canSet ? undefined : '0',
              [t.colPair, t.colCurrent, t.colStatus, t.colNew],
              1,
              s.pairs.map((p) => this.#pairRow(p, canSet)),
            )
          : nothing}
      </div>`;
    };
    return html`<section part="matrix" aria-labelledby="limits-title">
      <h3 id="limits-title">${t.limitsTitle}</h3>
      ${this.plan!.regions.length < 2 ? html`<p class="help">${t.noRegions}</p>` : nothing}
      ${this.#ev!.spans.filter((s) => s.pairs.length || s.package || s.purchase || s.association).map(span)}
    </section>`;
  }

  #pairRow(p: PairEval, canSet: boolean): TemplateResult {
    const t = this.t;
    const a = p.LocalRegionId;
    const b = p.OppositeRegionId;
    const id = `limit-${p.key.replace(/[^a-z0-9-]/gi, '_')}`;
    const issues = p.issues.map((i) =>
      i.code === 'value'
        ? this.m.invalid(t.colNew, i.message)
        : i.code === 'notAttached'
          ? t.issue.notAttached(i.regions.map((r) => this.regionName(r)).join(', '))
          : i.code === 'overAllocated'
            ? t.issue.overAllocated(this.#n(i.over))
            : t.issue[i.code],
    );
    const bad = issues.length;
    return html`<tr part="pair" data-pair=${p.key} class=${p.changed ? 'changed' : ''}>
      <th scope="row">
        ${this.#pair(a, b)}
        <div class="help mono">${a} ↔ ${b}</div>
      </th>
      <td class="num">${p.current ? t.mbps(this.#n(p.current)) : t.none}</td>
      <td>${p.status ? html`<span class="badge ${p.status === 'Active' ? 'ok' : 'busy'}" data-status=${p.status}>${t.status[p.status] ?? p.status}</span>` : nothing}</td>
      <td class="limit">
        ${canSet
          ? html`<input
                id=${id}
                part="pair-input"
                type="number"
                min="0"
                step="1"
                inputmode="numeric"
                aria-label=${t.newLimitLabel(this.regionName(a), this.regionName(b))}
                aria-invalid=${tf(bad)}
                aria-describedby="${id}-${bad ? 'issue' : 'help'}"
                .value=${String(p.target)}
                ?disabled=${this.state === 'progress'}
                @input=${(e: Event) => this.#setNum('limits', p.key, p.current, val(e))}
              />
              ${bad ? issueSpan(`${id}-issue`, issues.join(' ')) : html`<span id="${id}-help" class="help">${p.changed && p.target === 0 ? t.removes : ''}</span>`}`
          : html`<span>${t.mbps(this.#n(p.current))}</span>`}
      </td>
    </tr>`;
  }

  #offer(s: SpanEval): TemplateResult | typeof nothing {
    const t = this.t;
    const n = (x: number) => this.#n(x);
    const span = s.span;
    const pkg = s.package;
    const canBuy = this.canCall('CreateCenBandwidthPackage') && this.canCall(ASSOCIATE);
    if (pkg) {
      if (!this.canCall('ModifyCenBandwidthPackageSpec')) return nothing;
      const over = s.issues.some((i) => i.code === 'overAllocated');
      const id = pkg.CenBandwidthPackageId;
      const inputId = `resize-${id}`;
      const issue = s.issues.find((i) => i.code === 'bandwidth');
      const set = (v: string) => this.#setNum('resizes', id, pkg.Bandwidth, v);
      const resize = s.resize;
      if (!over && resize === undefined) {
        return html`<div class="row resize">
          <label for=${inputId} class="help">${t.resizeLabel(id)}</label>
          ${bwInput(inputId, pkg.Bandwidth, set)}
        </div>`;
      }
      return html`<div part="offer" class="offer resize">
        ${resize !== undefined && resize !== pkg.Bandwidth ? html`<p class="planned">${t.resizePlanned(n(pkg.Bandwidth), n(resize))}</p>` : nothing}
        <div class="row">
          <label for=${inputId}>${t.resizeLabel(id)}</label>
          ${bwInput(inputId, resize ?? pkg.Bandwidth, set, !!issue && `${inputId}-issue`)}
          ${over && resize !== s.needed ? btn(t.resizeOffer(n(s.needed)), () => set(String(s.needed)), { a: 'resize' }) : nothing}
          ${resize !== undefined ? btn(t.cancelResize, () => set(''), { c: 'link' }) : nothing}
        </div>
        ${issue ? issueSpan(`${inputId}-issue`, this.m.invalid(t.buyBandwidth, issue.message)) : nothing}
      </div>`;
    }
    if (!canBuy && !s.idle.length) return nothing;
    if (!s.pairs.some((p) => p.changed && p.target > 0) && !s.purchase && !s.association) return nothing;
    const draft = this.#draft(s);
    const p = `buy-${span}`;
    const issues = s.issues.flatMap((i) => ('message' in i ? this.m.invalid(i.code === 'bandwidth' ? t.buyBandwidth : t.buyPeriod, i.message) : []));
    const select = (id: string, name: string, label: string, set: (v: string) => Partial<PurchaseEdit>, options: [unknown, boolean, string][]) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} name=${name} @change=${(e: Event) => this.#setDraft(s, set(val(e)))}>
          ${options.map(([v, on, text]) => html`<option value=${v} ?selected=${on}>${text}</option>`)}
        </select>
      </div>`;
    return html`<div part="offer" class="offer" data-offer=${span}>
      ${s.association
        ? html`<p class="planned">${t.associationPlanned(s.association.CenBandwidthPackageId)}</p>
            ${btn(t.cancelAssociation, () => this.#associate(span), { c: 'link' })}`
        : html`${s.idle.length && this.canCall(ASSOCIATE)
              ? html`<p>${t.orAssociate}</p>
                  <div class="row">
                    ${s.idle.map(
                      (x) => html`<button type="button" data-action="associate-idle" data-package=${x.CenBandwidthPackageId} @click=${() => this.#associate(span, x.CenBandwidthPackageId)}>
                        ${t.associateLabel(x.CenBandwidthPackageId)} (${t.mbps(n(x.Bandwidth))})
                      </button>`,
                    )}
                  </div>`
              : nothing}
            ${canBuy
              ? html`<fieldset class="buy">
                  <legend>${t.buyTitle}</legend>
                  ${s.purchase
                    ? html`<p class="planned" data-purchase-planned>${t.purchasePlanned(n(s.purchase.Bandwidth), this.#len(s.purchase.PricingCycle, s.purchase.Period))}</p>`
                    : nothing}
                  <div class="row">
                    <div class="field">
                      <label for="${p}-bw">${t.buyBandwidth}</label>
                      ${bwInput(`${p}-bw`, draft.Bandwidth, (v) => this.#setDraft(s, { Bandwidth: Number(v) }), !!issues.length && `${p}-issue`, 'Bandwidth')}
                    </div>
                    ${select(
                      `${p}-cycle`,
                      'PricingCycle',
                      t.buyCycle,
                      (v) => ({ PricingCycle: v as 'Month' | 'Year' }),
                      (['Month', 'Year'] as const).map((c) => [c, draft.PricingCycle === c, c === 'Year' ? t.year : t.month]),
                    )}
                    ${select(
                      `${p}-period`,
                      'Period',
                      t.buyPeriod,
                      (v) => ({ Period: Number(v) }),
                      PACKAGE_PERIODS[draft.PricingCycle].map((k) => [k, k === draft.Period, this.#len(draft.PricingCycle, k)]),
                    )}
                    ${check(!!draft.AutoRenew, (c) => this.#setDraft(s, { AutoRenew: c }), t.autoRenew, 'AutoRenew')}
                    ${btn(s.purchase ? t.removePurchase : t.addPurchase, () => this.#togglePurchase(s), { a: 'buy', p: tf(s.purchase) })}
                  </div>
                  ${issues.length ? issueSpan(`${p}-issue`, issues.join(' ')) : nothing}
                </fieldset>`
              : nothing}`}
    </div>`;
  }

  #diff(steps: PlanStep[]): TemplateResult {
    return html`<ol data-diff>
      ${steps.map((s) => html`<li data-kind=${s.kind}>${this.#stepText(s)}</li>`)}
    </ol>`;
  }

  #planView(): TemplateResult {
    const t = this.t;
    const ev = this.#ev!;
    const steps = this.pendingSteps;
    const busy = this.state === 'progress';
    // A span's issue that already shows on one of its changed pairs is not counted twice.
    const pairProblems = [...ev.pairs.values()].filter((p) => p.issues.length);
    const problems = pairProblems.length + ev.spans.filter((s) => s.issues.length && !pairProblems.some((p) => p.span === s.span)).length;
    return html`<section part="plan" class="plan" aria-labelledby="plan-title">
      <h3 id="plan-title">${t.planTitle}</h3>
      ${!ev.dirty
        ? html`<p class="help">${t.noChanges}</p>`
        : html`${steps.length ? this.#diff(steps) : nothing}
            ${problems ? html`<p class="field-error" id="plan-problems">${t.fixFirst(problems)}</p>` : nothing}
            <div class="row">
              ${btn(t.review, () => this.#open({ kind: 'review' }), { c: 'primary', a: 'review', d: !ev.valid || busy, x: problems ? 'plan-problems' : undefined })}
              ${btn(t.discard, () => this.discard(), { a: 'discard', d: busy })}
            </div>`}
    </section>`;
  }

  #dialogView(): TemplateResult {
    const t = this.t;
    const m = this.m;
    const d = this.dialog;
    const kind = d?.kind;
    const pkg = d?.pkg;
    const close = () => this.#close();
    let body: unknown = nothing;
    if (kind === 'review') {
      const steps = this.pendingSteps;
      const buys = steps.filter((s) => s.kind === 'buy').length;
      body = html`${title(t.diffTitle)}
        <p>${t.diffIntro}</p>
        ${this.#diff(steps)}
        ${buys
          ? html`<div class="cost" role="note">
              <p><strong>${t.costWarning(buys)}</strong></p>
              ${check(this.costAck, (c) => (this.costAck = c), t.costAck)}
            </div>`
          : nothing}
        <div class="actions">
          ${btn(m.cancel, close)} ${btn(t.apply, () => this.apply(), { c: 'primary', a: 'apply', d: !steps.length || (buys > 0 && !this.costAck) })}
        </div>`;
    } else if (kind === 'running' || kind === 'done') {
      const r = this.result;
      const f = r?.failed;
      const list = (x: string[]) => (x.length ? x.join('; ') : t.resultNothing);
      body = html`${title(kind === 'running' ? t.progressTitle : f ? t.resultFailed : t.resultOk(this.progress.length))}
        <ol data-progress>
          ${this.progress.map(
            (o) => html`<li data-kind=${o.step.kind} data-phase=${o.phase}>
              ${this.#stepText(o.step, o)}<span class="phase phase-${o.phase}">${t.phase[o.phase]}</span>
              ${o.phase === 'failed' && o.error
                ? renderError(m, { Code: o.error.Code, message: o.error.Message, RequestId: o.error.RequestId }, undefined, t.resultFailedStep)
                : nothing}
            </li>`,
          )}
        </ol>
        ${kind === 'done' && r
          ? html`<div data-result role=${f ? 'alert' : 'status'}>
                ${para(t.resultApplied, list(r.applied.map((o) => this.#stepText(o.step, o))))}
                ${f
                  ? html`<p>
                        <strong>${t.resultFailedStep}</strong> ${this.#stepText(f.step, f)} — <code>${f.error?.Code}</code>${f.error?.RequestId
                          ? html` (${m.requestId} <code>${f.error.RequestId}</code>)`
                          : nothing}
                      </p>
                      ${para(t.resultNotRun, list(r.notRun.map((s) => this.#stepText(s))))}
                      <p class="help">${t.resultReloaded}</p>`
                  : nothing}
              </div>
              <div class="actions">${btn(t.close, close, { c: 'primary', f: true })}</div>`
          : nothing}`;
    } else if (pkg) {
      const id = pkg.CenBandwidthPackageId;
      const cen = this.cenId ?? '';
      const del = kind === 'delete';
      body = html`${title(del ? t.deleteTitle(id) : t.unassociateTitle(id))}
        <p>${!del ? t.unassociateBody(id, cen) : d?.associated ? t.deleteAssociatedBody(id, cen) : t.deleteBody(id)}</p>
        ${this.dialogError ? renderError(m, this.dialogError) : nothing}
        <div class="actions">
          ${btn(m.cancel, close)}
          ${btn(this.busy ? m.working : del ? t.deletePackage : t.unassociate, () => this.#packageAction(), { c: 'danger', a: 'confirm', d: this.busy })}
        </div>`;
    }
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#closed} @cancel=${(e: Event) => this.#running && e.preventDefault()}>
      ${body}
    </dialog>`;
  }
}
