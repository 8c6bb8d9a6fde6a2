import { css } from 'lit';

/** Styles of <cen-route-table> beyond the shared tokens and controls. */
export const styles = css`
  .toolbar {
    margin-block-end: var(--_space);
    align-items: flex-end;
  }
  .toolbar .field {
    margin: 0;
  }
  .toolbar .cidr {
    flex: 1 1 14rem;
    max-inline-size: 22rem;
  }
  .scroller {
    position: relative;
    block-size: var(--cen-route-table-height, 420px);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }
  [role='grid'] {
    min-inline-size: 62rem;
  }
  .tr {
    display: grid;
    grid-template-columns: minmax(9rem, 1.1fr) minmax(5rem, 0.6fr) minmax(12rem, 1.5fr) minmax(6rem, 0.7fr) minmax(8rem, 0.9fr) minmax(6rem, 0.7fr) minmax(10rem, 1.6fr);
    align-items: center;
    block-size: var(--_rh, 36px);
    border-block-end: 1px solid var(--_border);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .head .tr {
    block-size: auto;
    min-block-size: var(--_rh, 36px);
  }
  [role='columnheader'] {
    color: var(--_muted);
    font-weight: 600;
    padding-inline: var(--_space);
  }
  [role='columnheader'] button {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
    align-items: center;
    border-radius: 4px;
  }
  [role='columnheader'] button:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .arrow {
    inline-size: 1em;
    display: inline-block;
  }
  .body {
    position: relative;
  }
  .body .tr {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    contain: strict;
  }
  [role='gridcell'] {
    padding-inline: var(--_space);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [role='gridcell']:focus-visible {
    outline-offset: -2px;
  }
  .body .tr:hover {
    background: var(--_surface);
  }
  .tr.conflict {
    background: var(--_warn-bg);
    box-shadow: inset 3px 0 0 var(--_warn-text);
  }
  .conflict-text {
    color: var(--_warn-text);
    font-weight: 600;
  }
  .status-Rejected,
  .status-Prohibited {
    color: var(--_danger-text);
  }
  .footer {
    margin-block-start: var(--_space);
  }
  .published {
    margin-block-start: calc(var(--_space) * 2);
  }
  .published h3 {
    font-size: 1em;
    margin: 0 0 var(--_space);
  }
  .published .scroll {
    overflow-x: auto;
  }
`;
