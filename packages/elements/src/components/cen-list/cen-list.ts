import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ItemOf } from '@cen-kit/client';
import { checkDescription, checkName, PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { CenElement } from '../../base/cen-element.js';
import { isAbort, type ErrorInfo } from '../../base/errors.js';
import { newKey } from '../../base/keys.js';
import { sleep } from '../../base/poll.js';
import { tokens, controls } from '../../base/styles.js';
import { renderBlank, renderError, renderLoading, renderProgress } from '../../base/views.js';
import { formatNumber } from '../../i18n/index.js';
import { styles } from './cen-list.styles.js';

type Cen = ItemOf<'DescribeCens'>;
type DialogMode = { kind: 'create' } | { kind: 'edit'; cen: Cen } | { kind: 'delete'; cen: Cen };

const BUSY = new Set(['Creating', 'Deleting']);
const DEFAULT_PAGE_SIZE = 20;

/**
 * The caller's CEN instances, with server-side paging, filters by name and
 * ID, and (when the caller may write) create, rename and delete. Rows are
 * focusable: arrow keys move, Enter or Space selects.
 *
 * @summary Lists CEN instances (DescribeCens) and manages them.
 * @tagname cen-list
 *
 * @example
 * ```html
 * <cen-list id="cens" page-size="20"></cen-list>
 * <cen-attach-form follow="#cens"></cen-attach-form>
 * ```
 *
 * @attr api - Base URL of the Worker's API (default `<meta name="cen-kit:api">`, then same-origin `/api`).
 * @attr profile - Alibaba credential profile (`X-Cen-Profile`).
 * @attr theme - `light` or `dark`; unset follows prefers-color-scheme.
 * @attr lang - `en` or `zh-CN`; unset follows the closest ancestor's `lang`.
 * @attr follow - Not used by the list itself (it is what others follow).
 * @attr state - Reflected: `loading`, `ready`, `empty`, `no-match`, `error` or `progress`.
 * @attr page-size - Rows per page, 1–50 (default 20).
 * @attr page - Page number, from 1.
 * @attr filter-name - Show only instances with this name.
 * @attr filter-id - Show only the instance with this ID.
 * @attr selected - The selected CenId (reflected).
 * @attr auto-select - When nothing is selected, choose the first instance once it loads (so elements that follow the list have something to show).
 *
 * @fires cen-select - A row was chosen; `detail: { CenId }`.
 * @fires cen-load - A page arrived; `detail: { TotalCount, PageNumber, count }`.
 * @fires cen-error - A call failed; `detail: { action, Code, message, RequestId }`.
 * @fires cen-copy - An ID was copied; `detail: { text, ok }`.
 * @fires cen-created - CreateCen succeeded; `detail: { CenId }`.
 * @fires cen-modified - ModifyCenAttribute succeeded; `detail: { CenId, Name, Description }`.
 * @fires cen-deleted - DeleteCen succeeded; `detail: { CenId }`.
 * @fires cen-progress - An instance moved on (Creating → Active, Deleting → gone); `detail: { action, id, status, done }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Filters and the create button.
 * @csspart filter - Each filter input.
 * @csspart create-button - The create button.
 * @csspart table - The table of instances.
 * @csspart row - Each instance row (`aria-selected` marks the selected one).
 * @csspart status-badge - The status badge of a row.
 * @csspart copy-button - The button that copies a row's ID.
 * @csspart row-actions - The rename and delete buttons of a row.
 * @csspart pagination - Page buttons and the range text.
 * @csspart skeleton - Placeholder rows while loading.
 * @csspart empty - The block shown when no instance exists.
 * @csspart no-match - The block shown when the filter hides everything.
 * @csspart error - The error block (message, Code, RequestId, retry).
 * @csspart retry - The retry button.
 * @csspart progress - The progress bar while instances are Creating or Deleting.
 * @csspart dialog - The create, rename and delete dialog.
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
 * @cssprop --cen-color-on-accent - Text on the accent colour.
 * @cssprop --cen-color-danger - Delete buttons and error borders.
 * @cssprop --cen-color-focus - Focus ring.
 * @cssprop --cen-radius - Corner radius.
 * @cssprop --cen-space - Spacing unit (8px).
 */
export class CenList extends CenElement {
  static override styles = [tokens, controls, styles];

  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    page: { type: Number },
    filterName: { type: String, attribute: 'filter-name' },
    filterId: { type: String, attribute: 'filter-id' },
    selected: { type: String, reflect: true },
    autoSelect: { type: Boolean, attribute: 'auto-select' },
    items: { state: true },
    total: { state: true },
    error: { state: true },
    dialog: { state: true },
    dialogError: { state: true },
    fieldErrors: { state: true },
    submitting: { state: true },
    copied: { state: true },
    focusIndex: { state: true },
  };

  /** Rows per page (1–50). */
  declare pageSize: number;
  /** The page shown, from 1. */
  declare page: number;
  declare filterName: string | undefined;
  declare filterId: string | undefined;
  /** The selected CenId. */
  declare selected: string | undefined;
  /** Choose the first instance after a load when nothing is selected. */
  declare autoSelect: boolean;
  declare private items: Cen[];
  declare private total: number;
  declare private error: ErrorInfo | undefined;
  declare private dialog: DialogMode | undefined;
  declare private dialogError: ErrorInfo | undefined;
  declare private fieldErrors: Record<string, string>;
  declare private submitting: boolean;
  declare private copied: string | undefined;
  declare private focusIndex: number;

  // Plain (#) members are not reactive; esbuild also shortens their names.
  #loadCtl: AbortController | undefined;
  #pollWait = 400;
  #pollTimer: AbortController | undefined;
  #statuses = new Map<string, string>();
  #createKey: string | undefined;
  #filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.page = 1;
    this.autoSelect = false;
    this.items = [];
    this.total = 0;
    this.fieldErrors = {};
    this.submitting = false;
    this.focusIndex = 0;
  }

  /** The page size actually asked for: whole, 1–50. */
  get effectivePageSize(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, PAGE_SIZE_MAX) : DEFAULT_PAGE_SIZE;
  }

  /** Some instance of the page is Creating or Deleting. */
  get #busy(): boolean {
    return this.items.some((c) => BUSY.has(c.Status));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    const refilter = changed.has('filterName') || changed.has('filterId') || changed.has('pageSize');
    if (refilter) this.page = 1;
    if (refilter || changed.has('page')) this.load();
  }

  /** Loads the current page again (also what Retry does). */
  reload(): void {
    this.load();
  }

  protected override load(quiet = false): void {
    this.#loadCtl?.abort();
    this.#pollTimer?.abort();
    const ctl = (this.#loadCtl = new AbortController());
    if (!quiet) {
      this.#pollWait = 400;
      this.error = undefined;
      if (!this.items.length || (this.state !== 'ready' && this.state !== 'progress')) this.state = 'loading';
    }
    void this.#fetchPage(ctl, quiet);
  }

  async #fetchPage(ctl: AbortController, quiet: boolean): Promise<void> {
    const Filter: { Key: 'Name' | 'CenId'; Value: string[] }[] = [];
    const name = this.filterName?.trim();
    const id = this.filterId?.trim();
    if (name) Filter.push({ Key: 'Name', Value: [name] });
    if (id) Filter.push({ Key: 'CenId', Value: [id] });
    const PageNumber = Math.max(1, Math.trunc(Number(this.page)) || 1);
    const PageSize = this.effectivePageSize;
    try {
      const r = await this.call('DescribeCens', { PageNumber, PageSize, ...(Filter.length ? { Filter } : {}) }, this.callOptions(ctl.signal));
      if (ctl !== this.#loadCtl) return;
      const items = (r.Cens?.Cen ?? []) as Cen[];
      const TotalCount = Number(r.TotalCount ?? items.length);
      // A page past the end (after deletes): go to the last one that exists.
      if (!items.length && PageNumber > 1 && TotalCount > 0) {
        this.page = Math.ceil(TotalCount / PageSize);
        return;
      }
      this.items = items;
      this.total = TotalCount;
      this.focusIndex = Math.min(this.focusIndex, Math.max(0, items.length - 1));
      this.#trackProgress(items);
      const busy = this.#busy;
      this.state = items.length ? (busy ? 'progress' : 'ready') : Filter.length ? 'no-match' : 'empty';
      this.emit('cen-load', { TotalCount, PageNumber, count: items.length });
      if (this.autoSelect && !this.selected && items[0]) this.#select(items[0].CenId);
      else if (!quiet) void this.announce(this.#rangeText());
      if (busy) void this.#schedulePoll();
    } catch (e) {
      if (isAbort(e) || ctl !== this.#loadCtl) return;
      this.error = this.failed('DescribeCens', e);
      this.state = 'error';
      await this.updateComplete;
      // After a failure, focus goes to the error block's retry button so a keyboard user can act on it.
      if (!quiet) this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    }
  }

  /** Emits cen-progress for rows whose status changed since the last load (and for rows that disappeared while Deleting). */
  #trackProgress(items: Cen[]): void {
    const now = new Map(items.map((c) => [c.CenId, c.Status]));
    const actionOf = (s: string) => (s === 'Deleting' || s === 'Deleted' ? 'DeleteCen' : 'CreateCen');
    for (const [id, before] of this.#statuses) {
      // Gone while Deleting means deleted; gone otherwise is another page or filter.
      const after = now.get(id) ?? (before === 'Deleting' ? 'Deleted' : undefined);
      if (after === undefined || after === before || (!BUSY.has(before) && !BUSY.has(after))) continue;
      const done = !BUSY.has(after);
      this.emit('cen-progress', { action: actionOf(after), id, status: after, done });
      if (done) void this.announce(`${id}: ${this.m.status[after] ?? after}`);
    }
    for (const [id, s] of now) {
      if (!this.#statuses.has(id) && BUSY.has(s)) this.emit('cen-progress', { action: actionOf(s), id, status: s, done: false });
    }
    this.#statuses = now;
  }

  async #schedulePoll(): Promise<void> {
    const t = (this.#pollTimer = new AbortController());
    try {
      await sleep(this.#pollWait, AbortSignal.any([t.signal, this.lifetime.signal]));
    } catch {
      return; // a newer load, or the element left the page
    }
    this.#pollWait = Math.min(5000, this.#pollWait * 1.6);
    this.load(true);
  }

  #rangeText(): string {
    const n = (x: number) => formatNumber(this.locale, x);
    if (!this.items.length) return '';
    const from = (Math.max(1, this.page) - 1) * this.effectivePageSize + 1;
    return this.m.showing(n(from), n(from + this.items.length - 1), n(this.total));
  }

  // ---------- selection and keyboard ----------

  #select(CenId: string): void {
    this.selected = CenId;
    this.emit('cen-select', { CenId });
    void this.announce(this.m.selected(CenId));
  }

  #onRowClick(e: MouseEvent, cen: Cen, i: number): void {
    if ((e.target as Element).closest('button')) return;
    this.focusIndex = i;
    this.#select(cen.CenId);
  }

  #onRowKey(e: KeyboardEvent, cen: Cen, i: number): void {
    if (e.target !== e.currentTarget) return; // keys inside the row's buttons are theirs
    const last = this.items.length - 1;
    const to = (<Record<string, number>>{ ArrowDown: Math.min(last, i + 1), ArrowUp: Math.max(0, i - 1), Home: 0, End: last })[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#select(cen.CenId);
    } else if (to !== undefined) {
      e.preventDefault();
      this.focusIndex = to;
      void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')[to]?.focus());
    }
  }

  // ---------- copy ----------

  async #copy(id: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(id);
    } catch {
      ok = fallbackCopy(id);
    }
    this.copied = ok ? id : undefined;
    this.emit('cen-copy', { text: id, ok });
    void this.announce((ok ? this.m.copied : this.m.copyFailed)(id));
    if (ok) setTimeout(() => this.copied === id && (this.copied = undefined), 2000);
  }

  // ---------- create, rename, delete ----------

  async #openDialog(mode: DialogMode): Promise<void> {
    this.dialog = mode;
    this.dialogError = undefined;
    this.fieldErrors = {};
    this.#createKey = undefined;
    await this.updateComplete;
    const d = this.renderRoot.querySelector('dialog');
    if (d && !d.open) d.showModal();
  }

  #closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #onDialogClosed(): void {
    this.dialog = undefined;
    this.submitting = false;
  }

  #validate(form: HTMLFormElement): { Name: string; Description: string } | undefined {
    const data = new FormData(form);
    const Name = String(data.get('Name') ?? '');
    const Description = String(data.get('Description') ?? '');
    const errors: Record<string, string> = {};
    const nameError = checkName(Name);
    const descError = checkDescription(Description);
    if (nameError) errors.Name = this.m.invalid(this.m.fieldName, nameError);
    if (descError) errors.Description = this.m.invalid(this.m.fieldDescription, descError);
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus());
      return undefined;
    }
    return { Name, Description };
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const mode = this.dialog;
    // One operation at a time: a double click submits once.
    if (!mode || this.submitting) return;
    let values: { Name: string; Description: string } | undefined;
    if (mode.kind !== 'delete') {
      values = this.#validate(e.target as HTMLFormElement);
      if (!values) return;
    }
    this.submitting = true;
    this.dialogError = undefined;
    const m = this.m;
    const action = mode.kind === 'create' ? 'CreateCen' : mode.kind === 'edit' ? 'ModifyCenAttribute' : 'DeleteCen';
    try {
      if (mode.kind === 'create') {
        // The same key for the same form content: a resubmit (or a second click) is done once by the Worker.
        this.#createKey ??= newKey();
        const { Name, Description } = values!;
        const r = await this.call('CreateCen', { ...(Name ? { Name } : {}), ...(Description ? { Description } : {}) }, { idempotencyKey: this.#createKey });
        this.emit('cen-created', { CenId: r.CenId });
        void this.announce(m.created(r.CenId));
      } else {
        const { CenId } = mode.cen;
        // Also the event's detail: { CenId } or { CenId, Name, Description }.
        const params = { CenId, ...values! };
        await this.call(action as 'ModifyCenAttribute', params);
        this.emit(mode.kind === 'edit' ? 'cen-modified' : 'cen-deleted', params);
        void this.announce((mode.kind === 'edit' ? m.saved : m.deleted)(CenId));
      }
      this.#closeDialog();
      this.load(true);
    } catch (err) {
      if (isAbort(err)) return;
      this.dialogError = this.failed(action, err);
      const fields: Record<string, string> = {};
      for (const i of this.dialogError.Issues ?? []) if (i.path === 'Name' || i.path === 'Description') fields[i.path] = i.message;
      this.fieldErrors = fields;
    } finally {
      this.submitting = false;
    }
  }

  // ---------- filters ----------

  /** Typing applies a filter after a pause; Enter applies it at once. */
  #onFilter(e: KeyboardEvent, key: 'filterName' | 'filterId'): void {
    const value = (e.target as HTMLInputElement).value;
    if (e.type === 'keydown' && e.key !== 'Enter') return;
    clearTimeout(this.#filterTimer);
    if (e.type === 'input') this.#filterTimer = setTimeout(() => (this[key] = value), 300);
    else this[key] = value;
  }

  #clearFilters(): void {
    clearTimeout(this.#filterTimer);
    this.filterName = this.filterId = '';
    for (const i of this.renderRoot.querySelectorAll<HTMLInputElement>('[part="filter"]')) i.value = '';
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const m = this.m;
    const canCreate = this.canCall('CreateCen');
    const create = (part: unknown = nothing) =>
      canCreate
        ? html`<button part=${part} class="primary" type="button" @click=${() => this.#openDialog({ kind: 'create' })}>${m.create}</button>`
        : nothing;
    return html`<div part="base" lang=${this.locale} aria-busy=${this.state === 'loading'}>
      <div part="toolbar" class="row toolbar">
        ${(['filterName', 'filterId'] as const).map(
          (key, i) =>
            html`<input
              part="filter"
              type="search"
              name=${i ? 'filter-id' : 'filter-name'}
              class=${i ? 'mono' : nothing}
              aria-label=${m[key]}
              placeholder=${m[key]}
              .value=${this[key] ?? ''}
              @input=${(e: KeyboardEvent) => this.#onFilter(e, key)}
              @keydown=${(e: KeyboardEvent) => this.#onFilter(e, key)}
            />`,
        )}
        <span class="spacer"></span>
        ${create('create-button')}
      </div>
      ${this.state === 'loading'
        ? renderLoading(m, Math.min(this.effectivePageSize, 4), 5)
        : this.state === 'error' && this.error
          ? renderError(m, this.error, this.reload)
          : this.state === 'empty'
            ? renderBlank('empty', m.emptyTitle, canCreate ? m.emptyHint : m.emptyHintReadOnly, create())
            : this.state === 'no-match'
              ? renderBlank('no-match', m.noMatchTitle, m.noMatchHint, html`<button type="button" @click=${this.#clearFilters}>${m.clearFilters}</button>`)
              : this.#renderTable()}
      ${this.#renderDialog()} ${this.renderLive()}
    </div>`;
  }

  #renderTable(): TemplateResult {
    const m = this.m;
    const canEdit = this.canCall('ModifyCenAttribute');
    const canDelete = this.canCall('DeleteCen');
    const pages = Math.max(1, Math.ceil(this.total / this.effectivePageSize));
    const page = Math.max(1, this.page);
    const n = (x: number) => formatNumber(this.locale, x);
    return html`${this.#busy ? renderProgress(m.refreshing) : nothing}
      <div class="scroll">
        <table part="table" role="grid" aria-label=${m.listLabel} aria-rowcount=${this.total + 1}>
          <thead>
            <tr>
              <th scope="col">${m.colName}</th>
              <th scope="col">${m.colId}</th>
              <th scope="col">${m.colStatus}</th>
              <th scope="col" class="num">${m.colPackages}</th>
              <th scope="col">${m.colDescription}</th>
              ${canEdit || canDelete ? html`<th scope="col"><span class="sr-only">${m.colActions}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${this.items.map(
              (cen, i) => html`<tr
                part="row"
                tabindex=${i === this.focusIndex ? 0 : -1}
                aria-selected=${cen.CenId === this.selected}
                aria-rowindex=${(page - 1) * this.effectivePageSize + i + 2}
                data-cen-id=${cen.CenId}
                @click=${(e: MouseEvent) => this.#onRowClick(e, cen, i)}
                @keydown=${(e: KeyboardEvent) => this.#onRowKey(e, cen, i)}
                @focus=${() => (this.focusIndex = i)}
              >
                <td class="name">${cen.Name || html`<span class="help">${m.unnamed}</span>`}</td>
                <td>
                  <span class="id"
                    ><code>${cen.CenId}</code
                    ><button
                      part="copy-button"
                      class="link"
                      type="button"
                      aria-label=${m.copyId(cen.CenId)}
                      @click=${() => this.#copy(cen.CenId)}
                    >
                      ${this.copied === cen.CenId ? '✓' : m.copy}
                    </button></span
                  >
                </td>
                <td><span part="status-badge" class="badge ${statusClass(cen.Status)}" data-status=${cen.Status}>${m.status[cen.Status] ?? cen.Status}</span></td>
                <td class="num">${n(cen.CenBandwidthPackageIds?.CenBandwidthPackageId?.length ?? 0)}</td>
                <td class="desc">${cen.Description ?? ''}</td>
                ${canEdit || canDelete
                  ? html`<td>
                      <span part="row-actions" class="row">
                        ${canEdit
                          ? html`<button class="link" type="button" data-action="edit" aria-label=${m.editLabel(cen.CenId)} ?disabled=${BUSY.has(cen.Status)} @click=${() => this.#openDialog({ kind: 'edit', cen })}>${m.edit}</button>`
                          : nothing}
                        ${canDelete
                          ? html`<button class="link danger-link" type="button" data-action="delete" aria-label=${m.deleteLabel(cen.CenId)} ?disabled=${cen.Status === 'Deleting'} @click=${() => this.#openDialog({ kind: 'delete', cen })}>${m.delete}</button>`
                          : nothing}
                      </span>
                    </td>`
                  : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav part="pagination" class="row pagination" aria-label=${m.pagination}>
        <span class="help">${this.#rangeText()}</span>
        <span class="spacer"></span>
        <button type="button" data-page="prev" ?disabled=${page <= 1} @click=${() => (this.page = page - 1)}>${m.previous}</button>
        <span>${m.pageOf(n(page), n(pages))}</span>
        <button type="button" data-page="next" ?disabled=${page >= pages} @click=${() => (this.page = page + 1)}>${m.next}</button>
      </nav>`;
  }

  #renderDialog(): TemplateResult {
    const m = this.m;
    const d = this.dialog;
    const del = d?.kind === 'delete';
    const cen = d?.kind === 'create' ? undefined : d?.cen;
    const err = this.dialogError;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#onDialogClosed}>
      ${d
        ? html`<form @submit=${this.#onSubmit} @input=${this.#onFieldInput} novalidate>
            <h2 id="dialog-title">${del ? m.deleteTitle(cen!.CenId) : cen ? m.editTitle(cen.CenId) : m.createTitle}</h2>
            ${del
              ? html`<p>${m.deleteBody(cen!.Name ? `${cen!.Name} (${cen!.CenId})` : cen!.CenId)}</p>`
              : html`${this.#renderField('Name', m.fieldName, m.nameHelp, cen?.Name ?? '')}
                ${this.#renderField('Description', m.fieldDescription, m.descriptionHelp, cen?.Description ?? '', true)}`}
            ${err
              ? renderError(m, err, undefined, del && err.Code === 'InvalidOperation.AttachedChildInstanceExist' ? m.deleteAttached : m.errorTitle)
              : nothing}
            <div class="actions">
              <button type="button" @click=${this.#closeDialog}>${m.cancel}</button>
              <button class=${del ? 'danger' : 'primary'} type="submit" ?disabled=${this.submitting}>
                ${this.submitting ? m.working : del ? m.delete : cen ? m.save : m.create}
              </button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  /** New content is a new request: it gets a new Idempotency-Key. */
  #onFieldInput(): void {
    this.#createKey = undefined;
  }

  #renderField(name: string, label: string, help: string, value: string, multiline = false): TemplateResult {
    const error = this.fieldErrors[name];
    const id = `f-${name}`;
    const described = `${id}-help${error ? ` ${id}-error` : ''}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${multiline
        ? html`<textarea id=${id} name=${name} rows="2" .value=${value} aria-invalid=${!!error} aria-describedby=${described}></textarea>`
        : html`<input id=${id} name=${name} .value=${value} autocomplete="off" aria-invalid=${!!error} aria-describedby=${described} />`}
      <span id="${id}-help" class="help">${help}</span>
      ${error ? html`<span id="${id}-error" class="field-error">${error}</span>` : nothing}
    </div>`;
  }
}

function statusClass(status: string): string {
  return status === 'Active' ? 'ok' : status === 'Deleting' ? 'gone' : BUSY.has(status) ? 'busy' : '';
}

/** For pages where the async clipboard is refused (no focus, no permission, plain http). */
function fallbackCopy(text: string): boolean {
  const ta = document.body.appendChild(Object.assign(document.createElement('textarea'), { value: text, readOnly: true }));
  ta.style.cssText = 'position:fixed;opacity:0;inset-block-start:0';
  ta.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    ta.remove();
  }
}
