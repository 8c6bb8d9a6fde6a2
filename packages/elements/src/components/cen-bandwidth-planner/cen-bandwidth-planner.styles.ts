import { css } from 'lit';

/** Styles of <cen-bandwidth-planner> beyond the shared tokens and controls. */
export const styles = css`
  h2,
  h3,
  h4 {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }
  section {
    margin-block-end: calc(var(--_space) * 2);
  }
  .scroll {
    overflow-x: auto;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .meter,
  .check {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .meter {
    min-inline-size: 10rem;
  }
  [role='meter'] {
    position: relative;
    flex: 1;
    block-size: 10px;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    background: var(--_accent);
  }
  .full .fill {
    background: var(--_warn-text);
  }
  .expiry-soon,
  .over,
  .pair-issue,
  .phase-failed {
    color: var(--_danger-text);
  }
  .expiry-soon,
  .over {
    font-weight: 700;
  }
  .expiry-soon {
    display: inline-block;
    background: var(--_danger-bg);
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) * 0.75);
  }
  .refusal,
  .pair-issue {
    font-size: 0.92em;
  }
  .refusal {
    color: var(--_muted);
    max-inline-size: 18rem;
  }
  .span,
  .offer,
  .cost {
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .span {
    border: 1px solid var(--_border);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .span.invalid {
    border-color: var(--_danger);
  }
  .span-head {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    align-items: baseline;
    margin-block-end: var(--_space);
  }
  .offer {
    background: var(--_surface);
    margin-block: var(--_space);
  }
  .offer .field {
    margin: 0;
  }
  [type='number'] {
    inline-size: 7rem;
  }
  .planned {
    color: var(--_accent);
    font-weight: 600;
  }
  .changed > * {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .pair-issue {
    display: block;
  }
  .plan {
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
  }
  ol {
    padding-inline-start: 1.5em;
  }
  /* The plan's diff needs more room than the shared dialog size. */
  dialog {
    inline-size: min(40rem, 94vw);
  }
  .cost {
    border: 1px solid var(--_warn-text);
    background: var(--_warn-bg);
  }
  .phase {
    font-weight: 600;
    margin-inline-start: var(--_space);
  }
  .phase-done {
    color: var(--_ok-text);
  }
  .phase-notRun {
    color: var(--_muted);
  }
`;
