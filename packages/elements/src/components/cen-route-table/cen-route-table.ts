import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ROUTE_PAGE_SIZE_MAX, PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { pollUntil } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderError, renderSkeleton } from '../../base/views.js';
import { formatNumber } from '../../i18n/index.js';
import { parseCidrFilter, type CidrFilter, type CidrFilterProblem } from '../../lib/cidr-sort.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import {
  conflictsByCidr,
  distinctValues,
  filterRoutes,
  ROUTE_COLUMNS,
  sortRoutes,
  type RouteColumn,
  type RouteConflictInfo,
  type RouteRow,
  type SortDirection,
} from '../../lib/route-view.js';
import { rowWindow, scrollTopFor, type RowWindow } from '../../lib/virtual-rows.js';
import { routeTableMessages, type RouteTableMessages } from './messages.js';
import { styles } from './cen-route-table.styles.js';

/** One route entry of an attached network, as published (or not) to the CEN. */
export interface PublishedEntry {
  ChildInstanceRouteTableId?: string | undefined;
  DestinationCidrBlock: string;
  NextHopId?: string | undefined;
  NextHopType?: string | undefined;
  RouteType?: string | undefined;
  OperationalMode?: boolean | undefined;
  PublishStatus: string;
  Conflicts?: { Conflict?: RouteConflictInfo[] | undefined } | undefined;
}

/** `detail` of cen-route-published and cen-route-withdrawn. */
export interface RouteEntryDetail {
  CenId: string;
  ChildInstanceId: string;
  ChildInstanceType: 'VPC' | 'VBR';
  ChildInstanceRegionId: string;
  ChildInstanceRouteTableId: string;
  DestinationCidrBlock: string;
}

declare module '../../base/events.js' {
  interface CenEventMap {
    /** A route entry of an attached network is now published to the CEN. */
    'cen-route-published': RouteEntryDetail;
    /** A route entry was withdrawn from the CEN. */
    'cen-route-withdrawn': RouteEntryDetail;
  }
}

const OVERSCAN = 8;
const DEFAULT_ROW_HEIGHT = 36;
const COLS = 7;

/**
 * The routes of a CEN in one region, for tables of any size: sorted by CIDR
 * (numerically) or any column, filtered by CIDR containment, next hop type and
 * status, conflicts highlighted with their reason, exported as CSV. Rows are
 * virtualised (a fixed row height; only the visible window is in the DOM), so
 * 10,000 routes scroll smoothly. With `child-instance-*` set it also lists
 * that network's route entries, with publish and withdraw.
 *
 * @tagname cen-route-table
 * @summary CEN routes in a region (DescribeCenRegionDomainRouteEntries), conflicts, publish/withdraw.
 *
 * @example
 * ```html
 * <cen-route-table cen-id="cen-…" region="cn-hangzhou"
 *   child-instance-id="vpc-…" child-instance-type="VPC" child-instance-region="cn-hangzhou"></cen-route-table>
 * ```
 *
 * @attr cen-id - The CEN instance.
 * @attr region - The region whose CEN route table is shown.
 * @attr route-status - Which routes to ask for: `All` (default), `Active`, `Candidate`, `Rejected`, `Prohibited`.
 * @attr child-instance-id - An attached network whose route entries to list (publish/withdraw).
 * @attr child-instance-type - Its type: `VPC`, `VBR` or `CCN`.
 * @attr child-instance-region - Its region.
 * @attr row-height - Row height in px (default 36); rows never wrap.
 * @attr sort-column - `DestinationCidrBlock` (default), `Type`, `NextHopInstanceId`, `NextHopType`, `NextHopRegionId` or `Status`.
 * @attr sort-direction - `ascending` (default) or `descending`.
 * @attr filter-cidr - A block (`10.0.0.0/8`: routes inside it) or an address (`10.1.2.3`: routes containing it).
 * @attr filter-next-hop-type - Only routes with this next hop type.
 * @attr filter-status - Only routes with this status.
 *
 * @prop routes - The routes shown (`RouteRow[]`). Set it to show routes without the network; loading replaces it.
 * @prop conflicts - Conflicts to highlight (`RouteConflictInfo[]`); loading replaces it.
 *
 * @fires cen-load - Routes arrived; `detail: { TotalCount, PageNumber: 1, count }`.
 * @fires cen-error - A call failed; `detail: { action, Code, message, RequestId }`.
 * @fires cen-route-published - `detail: { CenId, ChildInstanceId, ChildInstanceType, ChildInstanceRegionId, ChildInstanceRouteTableId, DestinationCidrBlock }`.
 * @fires cen-route-withdrawn - Same detail.
 *
 * @csspart toolbar - Filters and the export button.
 * @csspart filter-cidr - The CIDR filter input.
 * @csspart export-button - The CSV export button.
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The route grid (role=grid).
 * @csspart header-cell - Each column header.
 * @csspart row - Each rendered route row.
 * @csspart conflict-badge - The conflict text of a row.
 * @csspart published - The route entries of the attached network.
 * @csspart skeleton - As on every cen-kit element.
 * @csspart empty - As on every cen-kit element.
 * @csspart no-match - As on every cen-kit element.
 * @csspart error - As on every cen-kit element.
 * @csspart retry - As on every cen-kit element.
 * @csspart live - As on every cen-kit element.
 * @csspart dialog - As on every cen-kit element.
 *
 * @cssprop --cen-route-table-height - Height of the scrolling grid (420px).
 */
export class CenRouteTable extends CenElement {
  static override styles = [tokens, controls, styles];

  static override properties = {
    cenId: { type: String, attribute: 'cen-id' },
    region: { type: String },
    routeStatus: { type: String, attribute: 'route-status' },
    childInstanceId: { type: String, attribute: 'child-instance-id' },
    childInstanceType: { type: String, attribute: 'child-instance-type' },
    childInstanceRegion: { type: String, attribute: 'child-instance-region' },
    rowHeight: { type: Number, attribute: 'row-height' },
    sortColumn: { type: String, attribute: 'sort-column' },
    sortDirection: { type: String, attribute: 'sort-direction' },
    filterCidr: { type: String, attribute: 'filter-cidr' },
    filterNextHopType: { type: String, attribute: 'filter-next-hop-type' },
    filterStatus: { type: String, attribute: 'filter-status' },
    routes: { attribute: false },
    conflicts: { attribute: false },
    error: { state: true },
    conflictError: { state: true },
    entries: { state: true },
    entriesLoading: { state: true },
    entriesError: { state: true },
    actionError: { state: true },
    busyCidr: { state: true },
    confirmWithdraw: { state: true },
    active: { state: true },
  };

  declare cenId: string | undefined;
  declare region: string | undefined;
  declare routeStatus: string;
  declare childInstanceId: string | undefined;
  declare childInstanceType: string | undefined;
  declare childInstanceRegion: string | undefined;
  declare rowHeight: number;
  declare sortColumn: RouteColumn;
  declare sortDirection: SortDirection;
  declare filterCidr: string;
  declare filterNextHopType: string;
  declare filterStatus: string;
  /** The routes of the region (fed by the element's own load, or by you). */
  declare routes: RouteRow[];
  /** Conflicts reported for the region's attached networks. */
  declare conflicts: RouteConflictInfo[];
  declare private error: ErrorInfo | undefined;
  declare private conflictError: ErrorInfo | undefined;
  declare private entries: PublishedEntry[] | undefined;
  declare private entriesLoading: boolean;
  declare private entriesError: ErrorInfo | undefined;
  declare private actionError: ErrorInfo | undefined;
  declare private busyCidr: string | undefined;
  declare private confirmWithdraw: PublishedEntry | undefined;
  /** The focused cell: row index in the view, column index. */
  declare private active: { row: number; col: number };

  private sorted: RouteRow[] = [];
  private view: RouteRow[] = [];
  private conflictMap = new Map<string, RouteConflictInfo[]>();
  private cidrProblem: CidrFilterProblem | undefined;
  private fetching = false;
  private loadCtl: AbortController | undefined;
  private entriesCtl: AbortController | undefined;
  private scrollTopPx = 0;
  private viewport = 380;
  private win: RowWindow = { first: 0, end: 0, before: 0, after: 0 };
  private resize: ResizeObserver | undefined;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.routeStatus = 'All';
    this.rowHeight = DEFAULT_ROW_HEIGHT;
    this.sortColumn = 'DestinationCidrBlock';
    this.sortDirection = 'ascending';
    this.filterCidr = '';
    this.filterNextHopType = '';
    this.filterStatus = '';
    this.routes = [];
    this.conflicts = [];
    this.entriesLoading = false;
    this.active = { row: 0, col: 0 };
  }

  private get t(): RouteTableMessages {
    return routeTableMessages(this.locale);
  }

  private get rh(): number {
    const n = Number(this.rowHeight);
    return Number.isFinite(n) && n >= 16 ? n : DEFAULT_ROW_HEIGHT;
  }

  private get sort(): { column: RouteColumn; direction: SortDirection } {
    const column = (ROUTE_COLUMNS as readonly string[]).includes(this.sortColumn) ? this.sortColumn : 'DestinationCidrBlock';
    return { column, direction: this.sortDirection === 'descending' ? 'descending' : 'ascending' };
  }

  /** The routes as shown now: sorted and filtered (what `toCSV()` exports). */
  get visibleRoutes(): readonly RouteRow[] {
    return this.view;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
    clearTimeout(this.filterTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('cenId') || changed.has('region') || changed.has('routeStatus'))) this.load();
    if (!this.hasUpdated || changed.has('cenId') || changed.has('childInstanceId') || changed.has('childInstanceType') || changed.has('childInstanceRegion')) {
      this.loadEntries();
    }
    if (changed.has('conflicts')) this.conflictMap = conflictsByCidr(this.conflicts ?? []);
    const resort = changed.has('routes') || changed.has('sortColumn') || changed.has('sortDirection');
    if (resort) this.sorted = sortRoutes(this.routes ?? [], this.sort);
    if (resort || changed.has('filterCidr') || changed.has('filterNextHopType') || changed.has('filterStatus')) {
      const parsed = parseCidrFilter(this.filterCidr ?? '');
      this.cidrProblem = parsed.ok ? undefined : parsed.problem;
      const cidr: CidrFilter | undefined = parsed.ok ? parsed.filter : undefined;
      this.view = filterRoutes(this.sorted, { cidr, nextHopType: this.filterNextHopType || undefined, status: this.filterStatus || undefined });
      const row = Math.min(this.active.row, Math.max(0, this.view.length - 1));
      if (row !== this.active.row) this.active = { ...this.active, row };
    }
    this.state = this.error
      ? 'error'
      : this.fetching && !this.routes.length
        ? 'loading'
        : !this.routes.length
          ? 'empty'
          : !this.view.length
            ? 'no-match'
            : 'ready';
    this.win = this.computeWindow();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const scroller = this.scroller;
    if (scroller && !this.resize) {
      this.resize = new ResizeObserver(() => this.measure());
      this.resize.observe(scroller);
      this.measure();
    } else if (!scroller && this.resize) {
      this.resize.disconnect();
      this.resize = undefined;
    }
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  private measure(): void {
    const s = this.scroller;
    if (!s) return;
    const head = s.querySelector<HTMLElement>('.head');
    const viewport = Math.max(this.rh, s.clientHeight - (head?.offsetHeight ?? 0));
    this.scrollTopPx = s.scrollTop;
    if (viewport !== this.viewport) {
      this.viewport = viewport;
      this.maybeRewindow();
    }
  }

  private computeWindow(): RowWindow {
    return rowWindow({ count: this.view.length, rowHeight: this.rh, scrollTop: this.scrollTopPx, viewportHeight: this.viewport, overscan: OVERSCAN });
  }

  private maybeRewindow(): void {
    const w = this.computeWindow();
    if (w.first !== this.win.first || w.end !== this.win.end) this.requestUpdate();
  }

  private onScroll(e: Event): void {
    this.scrollTopPx = (e.currentTarget as HTMLElement).scrollTop;
    this.maybeRewindow();
  }

  // ---------- loading ----------

  /** Loads the routes (and conflicts) again; also what Retry does. */
  reload(): void {
    this.load();
    this.loadEntries();
  }

  protected override load(quiet = false): void {
    this.loadCtl?.abort();
    if (!this.cenId || !this.region) {
      this.fetching = false;
      this.requestUpdate();
      return;
    }
    const ctl = new AbortController();
    this.loadCtl = ctl;
    this.fetching = true;
    if (!quiet) this.error = undefined;
    this.requestUpdate();
    void this.fetchRoutes(ctl, this.cenId, this.region);
    void this.fetchConflicts(ctl, this.cenId, this.region);
  }

  private async fetchRoutes(ctl: AbortController, CenId: string, CenRegionId: string): Promise<void> {
    const { client } = this.connection;
    const Status = (['Active', 'Candidate', 'Rejected', 'Prohibited', 'All'] as const).find((s) => s === this.routeStatus) ?? 'All';
    try {
      const r = await client.allPages('DescribeCenRegionDomainRouteEntries', { CenId, CenRegionId, Status }, { ...this.callOptions(ctl.signal), pageSize: ROUTE_PAGE_SIZE_MAX });
      if (ctl !== this.loadCtl) return;
      this.routes = r.items.map((x) => ({
        DestinationCidrBlock: x.DestinationCidrBlock,
        Type: x.Type,
        NextHopInstanceId: x.NextHopInstanceId,
        NextHopType: x.NextHopType,
        NextHopRegionId: x.NextHopRegionId,
        Status: x.Status,
        Preference: x.Preference,
      }));
      this.error = undefined;
      this.fetching = false;
      this.emit('cen-load', { TotalCount: r.TotalCount, PageNumber: 1, count: r.items.length });
      await this.updateComplete;
      void this.announce(this.countText());
    } catch (e) {
      if (isAbort(e) || ctl !== this.loadCtl) return;
      this.fetching = false;
      this.error = this.failed('DescribeCenRegionDomainRouteEntries', e);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    }
  }

  /**
   * Conflicts of every VPC and VBR attached in the region: the Conflicts of
   * its published entries, and DescribeRouteConflict for each of its route
   * tables. A failure here does not hide the routes; it is shown beside them.
   */
  private async fetchConflicts(ctl: AbortController, CenId: string, region: string): Promise<void> {
    const { client } = this.connection;
    const opts = this.callOptions(ctl.signal);
    let action = 'DescribeCenAttachedChildInstances';
    try {
      const att = await client.allPages('DescribeCenAttachedChildInstances', { CenId, ChildInstanceRegionId: region }, { ...opts, pageSize: PAGE_SIZE_MAX });
      const nets = att.items.filter((a) => (a.ChildInstanceType === 'VPC' || a.ChildInstanceType === 'VBR') && a.Status === 'Attached');
      const found: RouteConflictInfo[] = [];
      for (const n of nets) {
        const child = { ChildInstanceId: n.ChildInstanceId, ChildInstanceRegionId: n.ChildInstanceRegionId, ChildInstanceType: n.ChildInstanceType as 'VPC' | 'VBR' };
        action = 'DescribePublishedRouteEntries';
        const pub = await client.allPages('DescribePublishedRouteEntries', { CenId, ...child }, { ...opts, pageSize: ROUTE_PAGE_SIZE_MAX });
        const tables = new Set<string>();
        for (const e of pub.items) {
          found.push(...((e.Conflicts?.Conflict ?? []) as RouteConflictInfo[]));
          if (e.ChildInstanceRouteTableId) tables.add(e.ChildInstanceRouteTableId);
        }
        action = 'DescribeRouteConflict';
        for (const ChildInstanceRouteTableId of tables) {
          const rc = await client.allPages('DescribeRouteConflict', { ...child, ChildInstanceRouteTableId }, { ...opts, pageSize: PAGE_SIZE_MAX });
          found.push(...(rc.items as RouteConflictInfo[]));
        }
      }
      if (ctl !== this.loadCtl) return;
      this.conflicts = found;
      this.conflictError = undefined;
    } catch (e) {
      if (isAbort(e) || ctl !== this.loadCtl) return;
      this.conflictError = this.failed(action, e);
    }
  }

  private get child(): { ChildInstanceId: string; ChildInstanceType: 'VPC' | 'VBR' | 'CCN'; ChildInstanceRegionId: string } | undefined {
    const type = this.childInstanceType;
    if (!this.cenId || !this.childInstanceId || !this.childInstanceRegion || (type !== 'VPC' && type !== 'VBR' && type !== 'CCN')) return undefined;
    return { ChildInstanceId: this.childInstanceId, ChildInstanceType: type, ChildInstanceRegionId: this.childInstanceRegion };
  }

  private loadEntries(quiet = false): void {
    this.entriesCtl?.abort();
    const child = this.child;
    if (!child || !this.cenId) {
      this.entries = undefined;
      return;
    }
    const ctl = new AbortController();
    this.entriesCtl = ctl;
    if (!quiet) {
      this.entriesLoading = true;
      this.entriesError = undefined;
    }
    void (async () => {
      try {
        const r = await this.connection.client.allPages(
          'DescribePublishedRouteEntries',
          { CenId: this.cenId!, ...child },
          { ...this.callOptions(ctl.signal), pageSize: ROUTE_PAGE_SIZE_MAX },
        );
        if (ctl !== this.entriesCtl) return;
        this.entries = r.items as PublishedEntry[];
        this.entriesError = undefined;
      } catch (e) {
        if (isAbort(e) || ctl !== this.entriesCtl) return;
        this.entriesError = this.failed('DescribePublishedRouteEntries', e);
      } finally {
        if (ctl === this.entriesCtl) this.entriesLoading = false;
      }
    })();
  }

  // ---------- publish and withdraw ----------

  private async setPublished(entry: PublishedEntry, publish: boolean): Promise<void> {
    const child = this.child;
    if (!child || child.ChildInstanceType === 'CCN' || !this.cenId || this.busyCidr) return;
    const t = this.t;
    const cidr = entry.DestinationCidrBlock;
    const action = publish ? 'PublishRouteEntries' : 'WithdrawPublishedRouteEntries';
    const detail: RouteEntryDetail = {
      CenId: this.cenId,
      ChildInstanceId: child.ChildInstanceId,
      ChildInstanceType: child.ChildInstanceType,
      ChildInstanceRegionId: child.ChildInstanceRegionId,
      ChildInstanceRouteTableId: entry.ChildInstanceRouteTableId ?? '',
      DestinationCidrBlock: cidr,
    };
    this.busyCidr = cidr;
    this.actionError = undefined;
    void this.announce(publish ? t.publishing(cidr) : t.withdrawing(cidr));
    const opts = this.callOptions(this.lifetime.signal);
    try {
      await this.connection.client.call(action as 'PublishRouteEntries', detail, { ...opts, idempotencyKey: newKey() });
      const want = publish ? 'Published' : 'NonPublished';
      await pollUntil(
        async () => {
          const r = await this.connection.client.DescribePublishedRouteEntries(
            { CenId: detail.CenId, ChildInstanceId: detail.ChildInstanceId, ChildInstanceType: detail.ChildInstanceType, ChildInstanceRegionId: detail.ChildInstanceRegionId, DestinationCidrBlock: cidr },
            opts,
          );
          return r.PublishedRouteEntries?.PublishedRouteEntry?.some((x) => x.DestinationCidrBlock === cidr && x.PublishStatus === want) ? true : undefined;
        },
        { signal: this.lifetime.signal, initial: 250, max: 3000, timeout: 180_000 },
      );
      this.emit(publish ? 'cen-route-published' : 'cen-route-withdrawn', detail);
      void this.announce(publish ? t.didPublish(cidr) : t.didWithdraw(cidr));
      this.loadEntries(true);
      this.load(true);
    } catch (e) {
      if (isAbort(e)) return;
      this.actionError = this.failed(action, e);
    } finally {
      this.busyCidr = undefined;
    }
  }

  private async askWithdraw(entry: PublishedEntry): Promise<void> {
    this.confirmWithdraw = entry;
    await this.updateComplete;
    const d = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (d && !d.open) d.showModal();
  }

  private onConfirm(e: SubmitEvent): void {
    e.preventDefault();
    const entry = this.confirmWithdraw;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
    if (entry) void this.setPublished(entry, false);
  }

  // ---------- sort, filter, export ----------

  private setSort(column: RouteColumn): void {
    const same = this.sort.column === column;
    this.sortColumn = column;
    this.sortDirection = same && this.sort.direction === 'ascending' ? 'descending' : 'ascending';
    void this.announce(this.t.sorted(this.columnLabel(column), this.sortDirection));
  }

  private onCidrInput(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => this.applyCidr(value), 200);
  }

  private onCidrKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    clearTimeout(this.filterTimer);
    this.applyCidr((e.target as HTMLInputElement).value);
  }

  private async applyCidr(value: string): Promise<void> {
    this.filterCidr = value;
    await this.updateComplete;
    this.scrollToTop();
    void this.announce(this.cidrProblem ? this.t.cidrProblem[this.cidrProblem] : this.countText());
  }

  private async onSelectFilter(e: Event, key: 'filterNextHopType' | 'filterStatus'): Promise<void> {
    this[key] = (e.target as HTMLSelectElement).value;
    await this.updateComplete;
    this.scrollToTop();
    void this.announce(this.countText());
  }

  private clearFilters(): void {
    clearTimeout(this.filterTimer);
    this.filterCidr = '';
    this.filterNextHopType = '';
    this.filterStatus = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part="filter-cidr"]');
    if (input) input.value = '';
  }

  private scrollToTop(): void {
    const s = this.scroller;
    if (s) s.scrollTop = 0;
    this.scrollTopPx = 0;
    this.maybeRewindow();
  }

  /**
   * The current view (sorted and filtered) as CSV text: one header line with
   * the API's field names, then one line per route.
   *
   * @example el.toCSV().split('\r\n')[0] // 'DestinationCidrBlock,Type,NextHopInstanceId,NextHopType,NextHopRegionId,Status,Conflicts'
   */
  toCSV(): string {
    return toCsv(
      [...ROUTE_COLUMNS, 'Conflicts'],
      this.view.map((r) => [...ROUTE_COLUMNS.map((c) => r[c]), this.conflictText(r.DestinationCidrBlock, true)]),
    );
  }

  /** Downloads the current view as a CSV file. */
  exportCSV(): void {
    const name = ['cen-routes', this.cenId, this.region].filter(Boolean).join('-');
    downloadCsv(`${name}.csv`, this.toCSV());
    void this.announce(this.t.exported(formatNumber(this.locale, this.view.length)));
  }

  private conflictText(cidr: string, plain = false): string {
    const list = this.conflictMap.get(cidr);
    if (!list?.length) return '';
    const t = plain ? routeTableMessages('en') : this.t;
    return list
      .map((c) => t.conflictWith(c.InstanceId ?? '?', c.RegionId ?? '?', t.conflictStatus[c.Status ?? 'conflict'] ?? c.Status ?? ''))
      .join('; ');
  }

  private countText(): string {
    const n = (x: number) => formatNumber(this.locale, x);
    return this.t.showing(n(this.view.length), n(this.routes.length));
  }

  private columnLabel(c: RouteColumn): string {
    const t = this.t;
    return {
      DestinationCidrBlock: t.colCidr,
      Type: t.colType,
      NextHopInstanceId: t.colNextHop,
      NextHopType: t.colNextHopType,
      NextHopRegionId: t.colNextHopRegion,
      Status: t.colStatus,
    }[c];
  }

  // ---------- keyboard (grid pattern: one focusable cell, arrows move) ----------

  private onGridKey(e: KeyboardEvent): void {
    const count = this.view.length;
    if (!count) return;
    let { row, col } = this.active;
    const page = Math.max(1, Math.floor(this.viewport / this.rh) - 1);
    switch (e.key) {
      case 'ArrowDown':
        row = Math.min(count - 1, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(0, row - 1);
        break;
      case 'ArrowRight':
        col = Math.min(COLS - 1, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'PageDown':
        row = Math.min(count - 1, row + page);
        break;
      case 'PageUp':
        row = Math.max(0, row - page);
        break;
      case 'Home':
        if (e.ctrlKey) row = 0;
        col = 0;
        break;
      case 'End':
        if (e.ctrlKey) row = count - 1;
        col = COLS - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    void this.focusCell(row, col);
  }

  private async focusCell(row: number, col: number): Promise<void> {
    this.active = { row, col };
    const s = this.scroller;
    if (s) {
      const top = scrollTopFor(row, this.rh, s.scrollTop, this.viewport);
      if (top !== undefined) {
        s.scrollTop = top;
        this.scrollTopPx = s.scrollTop;
      }
    }
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.body [aria-rowindex="${row + 2}"] [data-col="${col}"]`)?.focus();
  }

  private onCellFocus(row: number, col: number): void {
    if (this.active.row !== row || this.active.col !== col) this.active = { row, col };
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
      ${!this.cenId && !this.routes.length && !this.fetching
        ? html`<p class="note">${t.chooseCen}</p>`
        : html`${this.renderToolbar()}
          ${this.state === 'loading'
            ? html`${renderSkeleton(5, 6)}<span class="sr-only">${this.m.loading}</span>`
            : this.state === 'error' && this.error
              ? renderError(this.m, this.error, () => this.reload())
              : this.state === 'empty'
                ? html`<div part="empty" class="blank">
                    <p><strong>${t.emptyTitle}</strong></p>
                    <p class="help">${t.emptyHint}</p>
                  </div>`
                : this.state === 'no-match'
                  ? html`<div part="no-match" class="blank">
                      <p><strong>${t.noMatchTitle}</strong></p>
                      <p class="help">${t.noMatchHint}</p>
                      <button type="button" @click=${this.clearFilters}>${t.clearFilters}</button>
                    </div>`
                  : this.renderGrid()}
          ${this.conflictError ? renderError(this.m, this.conflictError, () => this.load(true), t.conflictsUnknown) : nothing}`}
      ${this.renderPublished()} ${this.renderDialog()} ${this.renderLive()}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.t;
    const problem = this.cidrProblem;
    const hopTypes = distinctValues(this.routes, 'NextHopType');
    const statuses = distinctValues(this.routes, 'Status');
    const option = (v: string, current: string, label = v) => html`<option value=${v} ?selected=${v === current}>${label}</option>`;
    return html`<div part="toolbar" class="row toolbar">
      <div class="field cidr">
        <label for="f-cidr">${t.filterCidr}</label>
        <input
          id="f-cidr"
          part="filter-cidr"
          class="mono"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder="10.0.0.0/8"
          .value=${this.filterCidr ?? ''}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'f-cidr-error' : 'f-cidr-help'}
          @input=${this.onCidrInput}
          @keydown=${this.onCidrKey}
        />
        ${problem
          ? html`<span id="f-cidr-error" class="field-error">${t.cidrProblem[problem]}</span>`
          : html`<span id="f-cidr-help" class="help">${t.filterCidrHelp}</span>`}
      </div>
      <div class="field">
        <label for="f-hop">${t.filterNextHopType}</label>
        <select id="f-hop" part="filter-next-hop-type" @change=${(e: Event) => this.onSelectFilter(e, 'filterNextHopType')}>
          ${option('', this.filterNextHopType, t.any)} ${hopTypes.map((v) => option(v, this.filterNextHopType))}
        </select>
      </div>
      <div class="field">
        <label for="f-status">${t.filterStatus}</label>
        <select id="f-status" part="filter-status" @change=${(e: Event) => this.onSelectFilter(e, 'filterStatus')}>
          ${option('', this.filterStatus, t.any)} ${statuses.map((v) => option(v, this.filterStatus, t.routeStatus[v] ?? v))}
        </select>
      </div>
      <span class="spacer"></span>
      <button part="export-button" type="button" ?disabled=${!this.view.length} @click=${() => this.exportCSV()}>${t.exportCsv}</button>
    </div>`;
  }

  private renderGrid(): TemplateResult {
    const t = this.t;
    const { column, direction } = this.sort;
    const rh = this.rh;
    const w = this.win;
    const indexes: number[] = [];
    for (let i = w.first; i < w.end; i++) indexes.push(i);
    // The focused row stays rendered when scrolled away, so keyboard focus is never lost.
    const a = this.active.row;
    if (a < this.view.length && (a < w.first || a >= w.end)) indexes.push(a);
    const header = (c: RouteColumn) => html`<div
      role="columnheader"
      part="header-cell"
      aria-sort=${column === c ? direction : 'none'}
      data-column=${c}
    >
      <button type="button" aria-label=${`${this.columnLabel(c)}. ${t.sortBy(this.columnLabel(c))}`} @click=${() => this.setSort(c)}>
        ${this.columnLabel(c)}<span class="arrow" aria-hidden="true">${column === c ? (direction === 'ascending' ? '▲' : '▼') : ''}</span>
      </button>
    </div>`;
    return html`<div class="scroller" part="scroller" @scroll=${this.onScroll}>
        <div
          role="grid"
          part="grid"
          aria-label=${this.region ? t.label(this.region) : t.labelNoRegion}
          aria-rowcount=${this.view.length + 1}
          aria-colcount=${COLS}
          style="--_rh:${rh}px"
          @keydown=${this.onGridKey}
        >
          <div role="rowgroup" class="head">
            <div role="row" class="tr" aria-rowindex="1">
              ${ROUTE_COLUMNS.map(header)}
              <div role="columnheader" part="header-cell">${t.colConflict}</div>
            </div>
          </div>
          <div role="rowgroup" class="body" style="block-size:${this.view.length * rh}px">
            ${repeat(
              indexes,
              (i) => i,
              (i) => this.renderRow(i),
            )}
          </div>
        </div>
      </div>
      <div class="row footer"><span class="help">${this.countText()}</span></div>`;
  }

  private renderRow(i: number): TemplateResult {
    const r = this.view[i]!;
    const conflict = this.conflictText(r.DestinationCidrBlock);
    const cell = (col: number, content: unknown, cls = '') => html`<div
      role="gridcell"
      class=${cls}
      data-col=${col}
      tabindex=${this.active.row === i && this.active.col === col ? '0' : '-1'}
      @focus=${() => this.onCellFocus(i, col)}
    >
      ${content}
    </div>`;
    return html`<div
      role="row"
      part="row"
      class="tr ${conflict ? 'conflict' : ''}"
      aria-rowindex=${i + 2}
      style="transform:translateY(${i * this.rh}px)"
    >
      ${cell(0, r.DestinationCidrBlock, 'mono')} ${cell(1, r.Type ?? '')} ${cell(2, r.NextHopInstanceId ?? '', 'mono')} ${cell(3, r.NextHopType ?? '')}
      ${cell(4, r.NextHopRegionId ?? '')} ${cell(5, this.t.routeStatus[r.Status ?? ''] ?? r.Status ?? '', `status-${r.Status ?? ''}`)}
      ${cell(6, conflict ? html`<span part="conflict-badge" class="conflict-text" title=${conflict}>${conflict}</span>` : '')}
    </div>`;
  }

  private renderPublished(): TemplateResult | typeof nothing {
    const child = this.child;
    if (!child) return nothing;
    const t = this.t;
    const canPublish = child.ChildInstanceType !== 'CCN' && this.canCall('PublishRouteEntries');
    const canWithdraw = child.ChildInstanceType !== 'CCN' && this.canCall('WithdrawPublishedRouteEntries');
    let body: TemplateResult;
    if (this.entriesLoading && !this.entries) body = renderSkeleton(3, 4);
    else if (this.entriesError) body = renderError(this.m, this.entriesError, () => this.loadEntries());
    else if (!this.entries?.length) body = html`<p class="help">${t.noEntries}</p>`;
    else {
      const entries = this.entries;
      // Without a button inside, the scrolling box itself takes focus (keyboard users can scroll it).
      const focusable = entries.some((e) => e.OperationalMode) && (canPublish || canWithdraw);
      body = html`<div class="scroll" role="region" aria-labelledby="published-title" tabindex=${focusable ? nothing : '0'}>
        <table>
          <thead>
            <tr>
              <th scope="col">${t.colCidr}</th>
              <th scope="col">${t.colNextHopType}</th>
              <th scope="col">${t.colRouteType}</th>
              <th scope="col">${t.colPublishStatus}</th>
              <th scope="col">${t.colConflict}</th>
              <th scope="col">${t.colActions}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map((e) => {
              const published = e.PublishStatus === 'Published';
              const conflicts = (e.Conflicts?.Conflict ?? [])
                .map((c) => t.conflictWith(c.InstanceId ?? '?', c.RegionId ?? '?', t.conflictStatus[c.Status ?? 'conflict'] ?? c.Status ?? ''))
                .join('; ');
              const busy = this.busyCidr === e.DestinationCidrBlock;
              let action: TemplateResult;
              if (!e.OperationalMode) action = html`<span class="help">${t.notOperational}</span>`;
              else if (published && canWithdraw)
                action = html`<button type="button" data-action="withdraw" aria-label=${t.withdrawLabel(e.DestinationCidrBlock)} ?disabled=${!!this.busyCidr} @click=${() => this.askWithdraw(e)}>
                  ${busy ? this.m.working : t.withdraw}
                </button>`;
              else if (!published && canPublish)
                action = html`<button type="button" class="primary" data-action="publish" aria-label=${t.publishLabel(e.DestinationCidrBlock)} ?disabled=${!!this.busyCidr} @click=${() => this.setPublished(e, true)}>
                  ${busy ? this.m.working : t.publish}
                </button>`;
              else action = html`<span class="help">—</span>`;
              return html`<tr data-cidr=${e.DestinationCidrBlock}>
                <td class="mono">${e.DestinationCidrBlock}</td>
                <td>${e.NextHopType ?? ''}</td>
                <td>${e.RouteType ?? ''}</td>
                <td><span class="badge ${published ? 'ok' : ''}">${published ? t.published : t.nonPublished}</span></td>
                <td>${conflicts ? html`<span class="conflict-text">${conflicts}</span>` : ''}</td>
                <td>${action}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section part="published" class="published">
      <h3 id="published-title">${t.publishedTitle(child.ChildInstanceId)}</h3>
      ${child.ChildInstanceType === 'CCN' ? html`<p class="help">${t.cannotPublishCcn}</p>` : nothing}
      ${this.actionError ? renderError(this.m, this.actionError) : nothing} ${body}
    </section>`;
  }

  private renderDialog(): TemplateResult {
    const t = this.t;
    const e = this.confirmWithdraw;
    return html`<dialog part="dialog" aria-labelledby="withdraw-title" @close=${() => (this.confirmWithdraw = undefined)}>
      ${e
        ? html`<form @submit=${this.onConfirm}>
            <h2 id="withdraw-title">${t.withdrawTitle(e.DestinationCidrBlock)}</h2>
            <p>${t.withdrawBody(e.DestinationCidrBlock, this.childInstanceId ?? '')}</p>
            <div class="actions">
              <button type="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${this.m.cancel}</button>
              <button type="submit" class="danger">${t.withdraw}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}
