/**
 * Shared styles: the `--cen-*` design tokens (light and dark values through
 * `light-dark()`, following the page's `prefers-color-scheme` unless the
 * element has `theme="light|dark"`) and the small set of controls every
 * element draws. Everything lives in shadow DOM, so nothing leaks into the
 * page and the page's CSS reaches in only through tokens and `::part`.
 *
 * A page may set any token, with one value or with light-dark():
 * `cen-list { --cen-color-accent: light-dark(#7b2ff7, #b388ff); }`
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    color-scheme: light dark;
    --_font: var(--cen-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_size: var(--cen-font-size, 14px);
    --_fg: var(--cen-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--cen-color-muted, light-dark(#57606a, #9198a1));
    --_bg: var(--cen-color-bg, light-dark(#ffffff, #0d1117));
    --_surface: var(--cen-color-surface, light-dark(#f6f8fa, #161b22));
    --_border: var(--cen-color-border, light-dark(#d0d7de, #3d444d));
    --_accent: var(--cen-color-accent, light-dark(#0969da, #4493f8));
    --_on-accent: var(--cen-color-on-accent, light-dark(#ffffff, #0d1117));
    --_danger: var(--cen-color-danger, light-dark(#cf222e, #f85149));
    --_on-danger: var(--cen-color-on-danger, light-dark(#ffffff, #0d1117));
    --_danger-text: var(--cen-color-danger-text, light-dark(#a40e26, #ff7b72));
    --_danger-bg: var(--cen-color-danger-bg, light-dark(#ffebe9, #25171c));
    --_ok-text: var(--cen-color-success-text, light-dark(#116329, #3fb950));
    --_ok-bg: var(--cen-color-success-bg, light-dark(#dafbe1, #12261e));
    --_warn-text: var(--cen-color-warning-text, light-dark(#7d4e00, #d29922));
    --_warn-bg: var(--cen-color-warning-bg, light-dark(#fff8c5, #272115));
    --_focus: var(--cen-color-focus, light-dark(#0969da, #4493f8));
    --_radius: var(--cen-radius, 6px);
    --_space: var(--cen-space, 8px);
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    min-block-size: 32px;
  }
  button:hover:not(:disabled) {
    border-color: var(--_muted);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
    padding-inline: calc(var(--_space) * 0.5);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
    min-block-size: 32px;
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  label {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .help {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .field-error {
    color: var(--_danger-text);
    font-size: 0.92em;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .spacer {
    flex: 1;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
    background: var(--_surface);
  }
  code,
  .mono {
    font-family: var(--cen-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.92em;
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0 calc(var(--_space) * 1);
    font-size: 0.88em;
    font-weight: 600;
    background: var(--_surface);
    color: var(--_fg);
    white-space: nowrap;
  }
  .badge.ok {
    background: var(--_ok-bg);
    color: var(--_ok-text);
  }
  .badge.busy {
    background: var(--_warn-bg);
    color: var(--_warn-text);
  }
  .badge.gone {
    background: var(--_danger-bg);
    color: var(--_danger-text);
  }
  .alert {
    border: 1px solid var(--_danger);
    background: var(--_danger-bg);
    color: var(--_fg);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-block: var(--_space);
  }
  .alert strong {
    color: var(--_danger-text);
  }
  .alert dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--_space);
    margin: calc(var(--_space) * 0.5) 0;
  }
  .alert dt {
    color: var(--_muted);
  }
  .alert dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .note {
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
  }
  .blank {
    text-align: center;
    padding: calc(var(--_space) * 3) var(--_space);
  }
  .blank p {
    margin: calc(var(--_space) * 0.5) 0;
  }
  .blank .help {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .skeleton-bar {
    display: block;
    block-size: 0.9em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface), var(--_border), var(--_surface));
    background-size: 200% 100%;
    animation: cen-shimmer 1.2s ease-in-out infinite;
  }
  @keyframes cen-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .progress {
    display: block;
    block-size: 4px;
    border-radius: 2px;
    background: var(--_surface);
    overflow: hidden;
    position: relative;
  }
  .progress::after {
    content: '';
    position: absolute;
    inset-block: 0;
    inline-size: 40%;
    background: var(--_accent);
    animation: cen-indeterminate 1.1s ease-in-out infinite;
  }
  @keyframes cen-indeterminate {
    from {
      inset-inline-start: -40%;
    }
    to {
      inset-inline-start: 100%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-bar,
    .progress::after {
      animation: none;
    }
  }
  dialog {
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    inline-size: min(32rem, 90vw);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin-block: 0 var(--_space);
    font-size: 1.15em;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 1.5);
  }
`;
