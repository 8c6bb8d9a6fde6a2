/**
 * Templates every element shares: the error block (message, Code, RequestId,
 * retry), the skeleton, the progress bar and the empty-state block.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/index.js';
import type { ErrorInfo } from './errors.js';

/**
 * @example renderError(this.m, this.error, () => this.load())
 */
export function renderError(m: Messages, info: ErrorInfo, retry?: () => void, title = m.errorTitle): TemplateResult {
  return html`<div part="error" class="alert" role="alert">
    <strong>${title}</strong>
    <div part="error-message">${info.message}</div>
    <dl>
      <dt>${m.errorCode}</dt>
      <dd><code part="error-code">${info.Code}</code></dd>
      ${info.RequestId
        ? html`<dt>${m.requestId}</dt>
            <dd><code part="error-request-id">${info.RequestId}</code></dd>`
        : nothing}
    </dl>
    ${retry ? html`<button part="retry" type="button" @click=${retry}>${m.retry}</button>` : nothing}
  </div>`;
}

/** Placeholder rows while the first page loads (hidden from assistive tech; the live region says "Loading…"). */
export function renderSkeleton(rows: number, cols: number): TemplateResult {
  return html`<div part="skeleton" aria-hidden="true">
    ${Array.from(
      { length: rows },
      () => html`<div class="row" style="padding-block: 10px">
        ${Array.from({ length: cols }, () => html`<span class="skeleton-bar" style="flex:1"></span>`)}
      </div>`,
    )}
  </div>`;
}

/**
 * The first load: the skeleton, and "Loading…" for screen readers.
 *
 * @example renderLoading(this.m, 4, 5)
 */
export function renderLoading(m: Messages, rows: number, cols: number): TemplateResult {
  return html`${renderSkeleton(rows, cols)}<span class="sr-only">${m.loading}</span>`;
}

/**
 * The empty and no-match block: a title, a hint, and maybe an action.
 *
 * @example renderBlank('no-match', m.noMatchTitle, m.noMatchHint, clearButton)
 */
export function renderBlank(part: 'empty' | 'no-match', title: string, hint: string, extra: unknown = nothing): TemplateResult {
  return html`<div part=${part} class="blank">
    <p><strong>${title}</strong></p>
    <p class="help">${hint}</p>
    ${extra}
  </div>`;
}

/** An indeterminate progress bar with a visible label. */
export function renderProgress(label: string): TemplateResult {
  return html`<div part="progress" class="progress-wrap">
    <div class="progress" role="progressbar" aria-label=${label}></div>
    <div class="help">${label}</div>
  </div>`;
}
