import { css } from 'lit';

/** Styles of <cen-list> beyond the shared tokens and controls. */
export const styles = css`
  .toolbar {
    margin-block-end: var(--_space);
  }
  .toolbar input {
    flex: 1 1 12rem;
    max-inline-size: 18rem;
  }
  .scroll {
    overflow-x: auto;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: var(--_surface);
  }
  tbody tr[aria-selected='true'] {
    background: var(--_surface);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  tbody tr:focus-visible {
    outline-offset: -2px;
  }
  .id {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    white-space: nowrap;
  }
  .num {
    text-align: end;
  }
  .desc {
    color: var(--_muted);
    max-inline-size: 20rem;
    overflow-wrap: anywhere;
  }
  .danger-link {
    color: var(--_danger-text);
  }
  .pagination {
    margin-block-start: var(--_space);
  }
  .progress-wrap {
    margin-block-end: var(--_space);
  }
`;
