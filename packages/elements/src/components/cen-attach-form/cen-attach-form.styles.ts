import { css } from 'lit';

/** Styles of <cen-attach-form> beyond the shared tokens and controls. */
export const styles = css`
  .title {
    font-size: 1.1em;
    margin-block: 0 calc(var(--_space) * 1.5);
  }
  h3 {
    font-size: 1em;
    margin-block: calc(var(--_space) * 2) var(--_space);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin-inline: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .choice {
    font-weight: 400;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin-inline-end: calc(var(--_space) * 2);
  }
  select,
  input:not([type='radio']) {
    inline-size: min(100%, 28rem);
  }
  .note {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .note p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .start {
    justify-content: flex-start;
  }
  .scroll {
    overflow-x: auto;
  }
  /* As specific as the base button.link, which it must override. */
  button.danger-link {
    color: var(--_danger-text);
  }
  .progress-wrap {
    margin-block: var(--_space);
  }
`;
