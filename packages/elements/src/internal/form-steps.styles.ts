import { css } from 'lit';

/**
 * The styles only the steps after answering use ("check your answers" and
 * the confirmation): loaded with them (form-steps.ts) and added to the form's
 * own when they arrive, not before the form shows.
 */
export const laterFormStyles = css`
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  .review dl {
    margin: 0;
    border-block-start: 1px solid var(--_border);
  }
  .answer {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.25) var(--_space);
    padding-block: calc(var(--_space) * 0.6);
    border-block-end: 1px solid var(--_border);
  }
  .answer dt {
    font-weight: 700;
    flex: 1 1 12rem;
  }
  .answer dd {
    margin: 0;
  }
  .answer .value {
    flex: 2 1 16rem;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .answer .change {
    flex: 0 0 auto;
  }
  .success {
    border: 0.3rem solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  /* Large and in a typewriter font, so it is easy to read out letter by letter. */
  .reference {
    overflow-wrap: anywhere;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.25em;
    letter-spacing: 0.08em;
  }
  .success:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .success {
      border-color: CanvasText;
    }
  }
`;
