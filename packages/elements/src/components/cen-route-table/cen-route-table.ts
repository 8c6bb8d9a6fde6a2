import { repeat } from 'lit/directives/repeat.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ROUTE_PAGE_SIZE_MAX, PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { pollUntil } from '../../base/poll.js';
import { controls, tokens } from '../../base/styles.js';
import { renderBlank, renderError, renderLoading, renderSkeleton } from '../../base/views.js';
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

  // Plain (#) members are not reactive; esbuild also shortens their names.
  #sorted: RouteRow[] = [];
  #view: RouteRow[] = [];
  #conflictMap = new Map<string, RouteConflictInfo[]>();
  #cidrProblem: CidrFilterProblem | undefined;
  #fetching = false;
  #loadCtl: AbortController | undefined;
  #entriesCtl: AbortController | undefined;
  /** Height of the rows' part of the scroller, measured. */
  #viewport = 380;
  #win!: RowWindow;
  #resize: ResizeObserver | undefined;
  #filterTimer: ReturnType<typeof setTimeout> | undefined;

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

  get #t(): RouteTableMessages {
    return routeTableMessages(this.locale);
  }

  get #rh(): number {
    const n = Number(this.rowHeight);
    return Number.isFinite(n) && n >= 16 ? n : DEFAULT_ROW_HEIGHT;
  }

  get #sort(): { column: RouteColumn; direction: SortDirection } {
    return {
      column: ROUTE_COLUMNS.includes(this.sortColumn) ? this.sortColumn : 'DestinationCidrBlock',
      direction: this.sortDirection === 'descending' ? 'descending' : 'ascending',
    };
  }

  /** The routes as shown now: sorted and filtered (what `toCSV()` exports). */
  get visibleRoutes(): readonly RouteRow[] {
    return this.#view;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
    clearTimeout(this.#filterTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const has = (...names: string[]) => names.some((n) => changed.has(n));
    if (this.hasUpdated && has('cenId', 'region', 'routeStatus')) this.load();
    if (!this.hasUpdated || has('cenId', 'childInstanceId', 'childInstanceType', 'childInstanceRegion')) void this.#loadEntries();
    if (has('conflicts')) this.#conflictMap = conflictsByCidr(this.conflicts ?? []);
    const resort = has('routes', 'sortColumn', 'sortDirection');
    if (resort) this.#sorted = sortRoutes(this.routes, this.#sort);
    if (resort || has('filterCidr', 'filterNextHopType', 'filterStatus')) {
      const { filter, problem } = parseCidrFilter(this.filterCidr ?? '') as { filter?: CidrFilter; problem?: CidrFilterProblem };
      this.#cidrProblem = problem;
      this.#view = filterRoutes(this.#sorted, { cidr: filter, nextHopType: this.filterNextHopType, status: this.filterStatus });
      const row = Math.min(this.active.row, Math.max(0, this.#view.length - 1));
      if (row !== this.active.row) this.active = { ...this.active, row };
    }
    this.state = this.error
      ? 'error'
      : this.#fetching && !this.routes.length
        ? 'loading'
        : !this.routes.length
          ? 'empty'
          : !this.#view.length
            ? 'no-match'
            : 'ready';
    this.#win = this.#window();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const scroller = this.#scroller;
    if (scroller && !this.#resize) {
      this.#resize = new ResizeObserver(() => this.#measure());
      this.#resize.observe(scroller);
      this.#measure();
    } else if (!scroller && this.#resize) {
      this.#resize.disconnect();
      this.#resize = undefined;
    }
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #measure(): void {
    const s = this.#scroller;
    if (!s) return;
    this.#viewport = Math.max(this.#rh, s.clientHeight - (s.querySelector<HTMLElement>('.head')?.offsetHeight ?? 0));
    this.#rewindow();
  }

  /** The rows to render now; the scroll position is read from the scroller itself (0 while there is none). */
  #window(): RowWindow {
    return rowWindow({ count: this.#view.length, rowHeight: this.#rh, scrollTop: this.#scroller?.scrollTop ?? 0, viewportHeight: this.#viewport, overscan: OVERSCAN });
  }

  /** Renders again when scrolling or resizing changed which rows are in the window. */
  #rewindow(): void {
    const w = this.#window();
    if (w.first !== this.#win.first || w.end !== this.#win.end) this.requestUpdate();
  }

  // ---------- loading ----------

  /** Loads the routes (and conflicts) again; also what Retry does. */
  reload(): void {
    this.load();
    void this.#loadEntries();
  }

  protected override load(quiet = false): void {
    this.#loadCtl?.abort();
    const ctl = (this.#loadCtl = new AbortController());
    const { cenId, region } = this;
    this.#fetching = !!(cenId && region);
    if (this.#fetching && !quiet) this.error = undefined;
    this.requestUpdate();
    if (!this.#fetching) return;
    void this.#fetchRoutes(ctl, cenId!, region!);
    void this.#fetchConflicts(ctl, cenId!, region!);
  }

  async #fetchRoutes(ctl: AbortController, CenId: string, CenRegionId: string): Promise<void> {
    const action = 'DescribeCenRegionDomainRouteEntries';
    const Status = (['Active', 'Candidate', 'Rejected', 'Prohibited'] as const).find((s) => s === this.routeStatus) ?? 'All';
    try {
      const r = await this.connection.client.allPages(action, { CenId, CenRegionId, Status }, { ...this.callOptions(ctl.signal), pageSize: ROUTE_PAGE_SIZE_MAX });
      if (ctl !== this.#loadCtl) return;
      // Only the fields of RouteRow, in its order.
      this.routes = r.items.map((x) => Object.fromEntries([...ROUTE_COLUMNS, 'Preference' as const].map((k) => [k, x[k]])) as unknown as RouteRow);
      this.error = undefined;
      this.#fetching = false;
      this.emit('cen-load', { TotalCount: r.TotalCount, PageNumber: 1, count: r.items.length });
      await this.updateComplete;
      void this.announce(this.#countText());
    } catch (e) {
      if (isAbort(e) || ctl !== this.#loadCtl) return;
      this.#fetching = false;
      this.error = this.failed(action, e);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    }
  }

  /**
   * Conflicts of every VPC and VBR attached in the region: the Conflicts of
   * its published entries, and DescribeRouteConflict for each of its route
   * tables. A failure here does not hide the routes; it is shown beside them.
   */
  async #fetchConflicts(ctl: AbortController, CenId: string, region: string): Promise<void> {
    const { client } = this.connection;
    const opts = this.callOptions(ctl.signal);
    let action = 'DescribeCenAttachedChildInstances';
    try {
      const att = await client.allPages('DescribeCenAttachedChildInstances', { CenId, ChildInstanceRegionId: region }, { ...opts, pageSize: PAGE_SIZE_MAX });
      const found: RouteConflictInfo[] = [];
      for (const n of att.items) {
        if ((n.ChildInstanceType !== 'VPC' && n.ChildInstanceType !== 'VBR') || n.Status !== 'Attached') continue;
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
      if (ctl !== this.#loadCtl) return;
      this.conflicts = found;
      this.conflictError = undefined;
    } catch (e) {
      if (isAbort(e) || ctl !== this.#loadCtl) return;
      this.conflictError = this.failed(action, e);
    }
  }

  get #child(): { ChildInstanceId: string; ChildInstanceType: 'VPC' | 'VBR' | 'CCN'; ChildInstanceRegionId: string } | undefined {
    const { cenId, childInstanceId: ChildInstanceId, childInstanceType: ChildInstanceType, childInstanceRegion: ChildInstanceRegionId } = this;
    if (cenId && ChildInstanceId && ChildInstanceRegionId && (ChildInstanceType === 'VPC' || ChildInstanceType === 'VBR' || ChildInstanceType === 'CCN')) {
      return { ChildInstanceId, ChildInstanceType, ChildInstanceRegionId };
    }
    return undefined;
  }

  async #loadEntries(quiet = false): Promise<void> {
    this.#entriesCtl?.abort();
    const child = this.#child;
    if (!child) {
      this.entries = undefined;
      return;
    }
    const ctl = (this.#entriesCtl = new AbortController());
    if (!quiet) {
      this.entriesLoading = true;
      this.entriesError = undefined;
    }
    const action = 'DescribePublishedRouteEntries';
    try {
      const r = await this.connection.client.allPages(action, { CenId: this.cenId!, ...child }, { ...this.callOptions(ctl.signal), pageSize: ROUTE_PAGE_SIZE_MAX });
      if (ctl !== this.#entriesCtl) return;
      this.entries = r.items as PublishedEntry[];
      this.entriesError = undefined;
    } catch (e) {
      if (isAbort(e) || ctl !== this.#entriesCtl) return;
      this.entriesError = this.failed(action, e);
    } finally {
      if (ctl === this.#entriesCtl) this.entriesLoading = false;
    }
  }

  // ---------- publish and withdraw ----------

  async #setPublished(entry: PublishedEntry, publish: boolean): Promise<void> {
    const child = this.#child;
    if (!child || child.ChildInstanceType === 'CCN' || this.busyCidr) return;
    const t = this.#t;
    const cidr = entry.DestinationCidrBlock;
    const action = publish ? 'PublishRouteEntries' : 'WithdrawPublishedRouteEntries';
    const detail = {
      CenId: this.cenId!,
      ...child,
      ChildInstanceRouteTableId: entry.ChildInstanceRouteTableId ?? '',
      DestinationCidrBlock: cidr,
    } as RouteEntryDetail;
    const { ChildInstanceRouteTableId, ...query } = detail;
    this.busyCidr = cidr;
    this.actionError = undefined;
    void this.announce((publish ? t.publishing : t.withdrawing)(cidr));
    const opts = this.callOptions();
    const { client } = this.connection;
    try {
      await client.call(action as 'PublishRouteEntries', detail, { ...opts, idempotencyKey: newKey() });
      const want = publish ? 'Published' : 'NonPublished';
      await pollUntil(
        async () =>
          (await client.DescribePublishedRouteEntries(query, opts)).PublishedRouteEntries?.PublishedRouteEntry?.some(
            (x) => x.DestinationCidrBlock === cidr && x.PublishStatus === want,
          ) || undefined,
        { signal: this.lifetime.signal, initial: 250, max: 3000, timeout: 180_000 },
      );
      this.emit(publish ? 'cen-route-published' : 'cen-route-withdrawn', detail);
      void this.announce((publish ? t.didPublish : t.didWithdraw)(cidr));
      void this.#loadEntries(true);
      this.load(true);
    } catch (e) {
      if (isAbort(e)) return;
      this.actionError = this.failed(action, e);
    } finally {
      this.busyCidr = undefined;
    }
  }

  async #askWithdraw(entry: PublishedEntry): Promise<void> {
    this.confirmWithdraw = entry;
    await this.updateComplete;
    const d = this.#dialog;
    if (d && !d.open) d.showModal();
  }

  #onConfirm(e: SubmitEvent): void {
    e.preventDefault();
    const entry = this.confirmWithdraw;
    this.#dialog?.close();
    if (entry) void this.#setPublished(entry, false);
  }

  // ---------- sort, filter, export ----------

  #setSort(column: RouteColumn): void {
    const was = this.#sort;
    this.sortColumn = column;
    this.sortDirection = was.column === column && was.direction === 'ascending' ? 'descending' : 'ascending';
    void this.announce(this.#t.sorted(this.#labels()[ROUTE_COLUMNS.indexOf(column)]!, this.sortDirection));
  }

  /** Typing applies the CIDR filter after a pause; Enter applies it at once. */
  #onCidr(e: KeyboardEvent): void {
    const value = (e.target as HTMLInputElement).value;
    if (e.type === 'keydown' && e.key !== 'Enter') return;
    clearTimeout(this.#filterTimer);
    if (e.type === 'input') this.#filterTimer = setTimeout(() => this.#setFilter('filterCidr', value), 200);
    else void this.#setFilter('filterCidr', value);
  }

  async #setFilter(key: 'filterCidr' | 'filterNextHopType' | 'filterStatus', value: string): Promise<void> {
    this[key] = value;
    await this.updateComplete;
    const s = this.#scroller;
    if (s) s.scrollTop = 0;
    this.#rewindow();
    const problem = key === 'filterCidr' && this.#cidrProblem;
    void this.announce(problem ? this.#t.cidrProblem[problem] : this.#countText());
  }

  #clearFilters(): void {
    clearTimeout(this.#filterTimer);
    this.filterCidr = this.filterNextHopType = this.filterStatus = '';
    // The box may hold typed text that never became the filter.
    this.renderRoot.querySelector<HTMLInputElement>('[part="filter-cidr"]')!.value = '';
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
      this.#view.map((r) => [...ROUTE_COLUMNS.map((c) => r[c]), this.#describe(this.#conflictMap.get(r.DestinationCidrBlock), routeTableMessages('en'))]),
    );
  }

  /** Downloads the current view as a CSV file. */
  exportCSV(): void {
    const name = ['cen-routes', this.cenId, this.region].filter(Boolean).join('-');
    downloadCsv(`${name}.csv`, this.toCSV());
    void this.announce(this.#t.exported(formatNumber(this.locale, this.#view.length)));
  }

  /** Conflicts in words, `; `-separated ('' for none). */
  #describe(list: RouteConflictInfo[] = [], t = this.#t): string {
    return list.map((c) => t.conflictWith(c.InstanceId ?? '?', c.RegionId ?? '?', t.conflictStatus[c.Status ?? 'conflict'] ?? c.Status ?? '')).join('; ');
  }

  #countText(): string {
    const n = (x: number) => formatNumber(this.locale, x);
    return this.#t.showing(n(this.#view.length), n(this.routes.length));
  }

  /** Labels of ROUTE_COLUMNS, in its order. */
  #labels(t = this.#t): string[] {
    return [t.colCidr, t.colType, t.colNextHop, t.colNextHopType, t.colNextHopRegion, t.colStatus];
  }

  // ---------- keyboard (grid pattern: one focusable cell, arrows move) ----------

  #onGridKey(e: KeyboardEvent): void {
    const count = this.#view.length;
    const page = Math.max(1, Math.floor(this.#viewport / this.#rh) - 1);
    // [rows, columns] to move; Home and End go to the first and last column (with Ctrl, also row).
    const move = (<Record<string, number[]>>{
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      PageDown: [page, 0],
      PageUp: [-page, 0],
      Home: [e.ctrlKey ? -count : 0, -COLS],
      End: [e.ctrlKey ? count : 0, COLS],
    })[e.key];
    if (!count || !move) return;
    e.preventDefault();
    const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));
    void this.#focusCell(clamp(this.active.row + move[0]!, count - 1), clamp(this.active.col + move[1]!, COLS - 1));
  }

  async #focusCell(row: number, col: number): Promise<void> {
    this.active = { row, col };
    const s = this.#scroller!;
    s.scrollTop = scrollTopFor(row, this.#rh, s.scrollTop, this.#viewport) ?? s.scrollTop;
    await this.updateComplete;
    this.#activeCell?.focus();
  }

  get #activeCell(): HTMLElement | null {
    const { row, col } = this.active;
    return this.renderRoot.querySelector(`.body [aria-rowindex="${row + 2}"] [data-col="${col}"]`);
  }

  /** A cell focused by click or Tab becomes the active one. */
  #onFocusIn(e: FocusEvent): void {
    const { dataset, parentElement } = e.target as HTMLElement;
    if (!dataset.col) return;
    const row = Number(parentElement!.getAttribute('aria-rowindex')) - 2;
    const col = Number(dataset.col);
    if (this.active.row !== row || this.active.col !== col) this.active = { row, col };
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const t = this.#t;
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading'}>
      ${!this.cenId && !this.routes.length && !this.#fetching
        ? html`<p class="note">${t.chooseCen}</p>`
        : html`${this.#renderToolbar(t)}
          ${this.state === 'loading'
            ? renderLoading(this.m, 5, 6)
            : this.state === 'error' && this.error
              ? renderError(this.m, this.error, this.reload)
              : this.state === 'empty'
                ? renderBlank('empty', t.emptyTitle, t.emptyHint)
                : this.state === 'no-match'
                  ? renderBlank('no-match', t.noMatchTitle, t.noMatchHint, html`<button type="button" @click=${this.#clearFilters}>${t.clearFilters}</button>`)
                  : this.#renderGrid(t)}
          ${this.conflictError ? renderError(this.m, this.conflictError, () => this.load(true), t.conflictsUnknown) : nothing}`}
      ${this.#renderPublished(t)} ${this.#renderDialog(t)} ${this.renderLive()}
    </div>`;
  }

  #renderToolbar(t: RouteTableMessages): TemplateResult {
    const problem = this.#cidrProblem;
    const select = (id: string, key: 'filterNextHopType' | 'filterStatus', part: string, label: string, words: Record<string, string> = {}) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} part=${part} @change=${(e: Event) => this.#setFilter(key, (e.target as HTMLSelectElement).value)}>
          ${['', ...distinctValues(this.routes, key === 'filterStatus' ? 'Status' : 'NextHopType')].map(
            (v) => html`<option value=${v} ?selected=${v === this[key]}>${v ? (words[v] ?? v) : t.any}</option>`,
          )}
        </select>
      </div>`;
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
          aria-invalid=${!!problem}
          aria-describedby=${problem ? 'f-cidr-error' : 'f-cidr-help'}
          @input=${this.#onCidr}
          @keydown=${this.#onCidr}
        />
        ${problem
          ? html`<span id="f-cidr-error" class="field-error">${t.cidrProblem[problem]}</span>`
          : html`<span id="f-cidr-help" class="help">${t.filterCidrHelp}</span>`}
      </div>
      ${select('f-hop', 'filterNextHopType', 'filter-next-hop-type', t.filterNextHopType)}
      ${select('f-status', 'filterStatus', 'filter-status', t.filterStatus, t.routeStatus)}
      <span class="spacer"></span>
      <button part="export-button" type="button" ?disabled=${!this.#view.length} @click=${this.exportCSV}>${t.exportCsv}</button>
    </div>`;
  }

  #renderGrid(t: RouteTableMessages): TemplateResult {
    const { column, direction } = this.#sort;
    const rh = this.#rh;
    const count = this.#view.length;
    const w = this.#win;
    const labels = this.#labels(t);
    const rows: number[] = [];
    for (let i = w.first; i < w.end; i++) rows.push(i);
    // The focused row stays rendered when scrolled away, so keyboard focus is
    // never lost. Rows stay in row order (what a screen reader reads in browse
    // mode), and keyed by index the focused row's element is never moved, which
    // would blur it.
    const a = this.active.row;
    if (a < count && a < w.first) rows.unshift(a);
    else if (a < count && a >= w.end) rows.push(a);
    return html`<div class="scroller" part="scroller" @scroll=${this.#rewindow}>
        <div
          role="grid"
          part="grid"
          aria-label=${this.region ? t.label(this.region) : t.labelNoRegion}
          aria-rowcount=${count + 1}
          aria-colcount=${COLS}
          style="--_rh:${rh}px"
          @keydown=${this.#onGridKey}
          @focusin=${this.#onFocusIn}
        >
          <div role="rowgroup" class="head">
            <div role="row" class="tr" aria-rowindex="1">
              ${ROUTE_COLUMNS.map(
                (c, i) => html`<div role="columnheader" part="header-cell" aria-sort=${column === c ? direction : 'none'} data-column=${c}>
                  <button type="button" aria-label=${`${labels[i]}. ${t.sortBy(labels[i]!)}`} @click=${() => this.#setSort(c)}>
                    ${labels[i]}<span class="arrow" aria-hidden="true">${column === c ? (direction === 'ascending' ? '▲' : '▼') : ''}</span>
                  </button>
                </div>`,
              )}
              <div role="columnheader" part="header-cell">${t.colConflict}</div>
            </div>
          </div>
          <div role="rowgroup" class="body" style="block-size:${count * rh}px">
            ${repeat(
              rows,
              (i) => i,
              (i) => this.#renderRow(i, t),
            )}
          </div>
        </div>
      </div>
      <div class="row footer"><span class="help">${this.#countText()}</span></div>`;
  }

  #renderRow(i: number, t: RouteTableMessages): TemplateResult {
    const r = this.#view[i]!;
    const status = r.Status ?? '';
    const conflict = this.#describe(this.#conflictMap.get(r.DestinationCidrBlock));
    const { row, col: active } = this.active;
    return html`<div
      role="row"
      part="row"
      class="tr ${conflict ? 'conflict' : ''}"
      aria-rowindex=${i + 2}
      style="transform:translateY(${i * this.#rh}px)"
    >
      ${[
        ...ROUTE_COLUMNS.slice(0, 5).map((c) => r[c] ?? ''),
        t.routeStatus[status] ?? status,
        conflict ? html`<span part="conflict-badge" class="conflict-text" title=${conflict}>${conflict}</span>` : '',
      ].map(
        (content, col) => html`<div
          role="gridcell"
          class=${['mono', '', 'mono', '', '', `status-${status}`, ''][col]!}
          data-col=${col}
          tabindex=${row === i && active === col ? 0 : -1}
        >
          ${content}
        </div>`,
      )}
    </div>`;
  }

  #renderPublished(t: RouteTableMessages): TemplateResult | typeof nothing {
    const child = this.#child;
    if (!child) return nothing;
    const ccn = child.ChildInstanceType === 'CCN';
    const canPublish = !ccn && this.canCall('PublishRouteEntries');
    const canWithdraw = !ccn && this.canCall('WithdrawPublishedRouteEntries');
    const entries = this.entries;
    return html`<section part="published" class="published">
      <h3 id="published-title">${t.publishedTitle(child.ChildInstanceId)}</h3>
      ${ccn ? html`<p class="help">${t.cannotPublishCcn}</p>` : nothing} ${this.actionError ? renderError(this.m, this.actionError) : nothing}
      ${this.entriesLoading && !entries
        ? renderSkeleton(3, 4)
        : this.entriesError
          ? renderError(this.m, this.entriesError, () => this.#loadEntries())
          : !entries?.length
            ? html`<p class="help">${t.noEntries}</p>`
            : // Without a button inside, the scrolling box itself takes focus (keyboard users can scroll it).
              html`<div
                class="scroll"
                role="region"
                aria-labelledby="published-title"
                tabindex=${entries.some((e) => e.OperationalMode) && (canPublish || canWithdraw) ? nothing : '0'}
              >
                <table>
                  <thead>
                    <tr>
                      ${[t.colCidr, t.colNextHopType, t.colRouteType, t.colPublishStatus, t.colConflict, t.colActions].map((h) => html`<th scope="col">${h}</th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${entries.map((e) => {
                      const cidr = e.DestinationCidrBlock;
                      const published = e.PublishStatus === 'Published';
                      const conflicts = this.#describe(e.Conflicts?.Conflict);
                      return html`<tr data-cidr=${cidr}>
                        <td class="mono">${cidr}</td>
                        <td>${e.NextHopType ?? ''}</td>
                        <td>${e.RouteType ?? ''}</td>
                        <td><span class="badge ${published ? 'ok' : ''}">${published ? t.published : t.nonPublished}</span></td>
                        <td>${conflicts ? html`<span class="conflict-text">${conflicts}</span>` : ''}</td>
                        <td>
                          ${e.OperationalMode && (published ? canWithdraw : canPublish)
                            ? html`<button
                                type="button"
                                class=${published ? nothing : 'primary'}
                                data-action=${published ? 'withdraw' : 'publish'}
                                aria-label=${(published ? t.withdrawLabel : t.publishLabel)(cidr)}
                                ?disabled=${!!this.busyCidr}
                                @click=${() => (published ? this.#askWithdraw(e) : this.#setPublished(e, true))}
                              >
                                ${this.busyCidr === cidr ? this.m.working : published ? t.withdraw : t.publish}
                              </button>`
                            : html`<span class="help">${e.OperationalMode ? '—' : t.notOperational}</span>`}
                        </td>
                      </tr>`;
                    })}
                  </tbody>
                </table>
              </div>`}
    </section>`;
  }

  #renderDialog(t: RouteTableMessages): TemplateResult {
    const e = this.confirmWithdraw;
    return html`<dialog part="dialog" aria-labelledby="withdraw-title" @close=${() => (this.confirmWithdraw = undefined)}>
      ${e
        ? html`<form @submit=${this.#onConfirm}>
            <h2 id="withdraw-title">${t.withdrawTitle(e.DestinationCidrBlock)}</h2>
            <p>${t.withdrawBody(e.DestinationCidrBlock, this.childInstanceId ?? '')}</p>
            <div class="actions">
              <button type="button" @click=${() => this.#dialog?.close()}>${this.m.cancel}</button>
              <button type="submit" class="danger">${t.withdraw}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}
