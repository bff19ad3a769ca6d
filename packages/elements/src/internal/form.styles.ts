import { css } from 'lit';

/**
 * The forms' styles (the signup form and the opportunity form look and behave
 * alike; a few rules serve only the signup form's principles, character count
 * and honeypot, cheaper kept here than split). One column that reflows from 320 px wide to
 * 200 % zoom (no fixed widths, only `max-inline-size` in `ch`/`%`), logical
 * properties for right-to-left, and errors marked with a border, an icon and
 * words — never colour alone.
 */
export const formStyles = css`
  [part~='base'] {
    max-inline-size: 46rem;
  }
  form,
  .review {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.25);
    min-inline-size: 0;
  }
  fieldset {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.1em;
    padding-inline: calc(var(--_space) * 0.25);
  }
  fieldset.choices {
    border: none;
    padding: 0;
    gap: calc(var(--_space) * 0.4);
  }
  fieldset.choices legend {
    font-size: 1em;
    font-weight: 600;
    padding-inline: 0;
    margin-block-end: calc(var(--_space) * 0.4);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.3);
    min-inline-size: 0;
  }
  .field.invalid {
    border-inline-start: 0.3rem solid var(--_error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  .optional,
  .hint,
  .new-tab {
    font-weight: 400;
    opacity: 0.85;
  }
  .hint {
    font-size: 0.95em;
  }
  /* Example addresses (https://forening.example.org) are long words: at 320 px they must wrap, not stick out. */
  .hint,
  .error-message,
  .error-summary li,
  .failure p {
    overflow-wrap: anywhere;
  }
  /* An example number stays whole and left to right (see examples.ts). */
  .number {
    white-space: nowrap;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='url'],
  textarea {
    inline-size: 100%;
    max-inline-size: 36rem;
  }
  input.narrow {
    max-inline-size: 16rem;
  }
  /*
   * An address or number typed left to right (dir="ltr") in a right-to-left
   * form still starts on the side where the form's text starts, the right:
   * under its label and hint, where the reader looks for it. The input's own
   * end is that side. (match-parent would say this directly, but Chromium
   * knows it only as -webkit-match-parent.)
   */
  .field:dir(rtl) > input[dir='ltr'] {
    text-align: end;
  }
  /* The box itself is the shared one of input and select (styles/tokens.ts). */
  textarea {
    resize: vertical;
  }
  textarea:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .error-message {
    color: var(--_error);
    font-weight: 700;
    display: flex;
    gap: 0.4em;
    align-items: baseline;
  }
  .error-icon {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    inline-size: 1.25em;
    block-size: 1.25em;
    border-radius: 50%;
    background: var(--_error);
    color: #ffffff;
    font-weight: 700;
    font-size: 0.9em;
    line-height: 1;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .choice input {
    flex: none;
    inline-size: 1.4em;
    block-size: 1.4em;
    margin: 0.1em 0 0;
    accent-color: var(--_accent);
  }
  .choice label {
    font-weight: 400;
  }
  .checkbox .choice label {
    font-weight: 600;
  }
  .error-summary {
    border: 0.3rem solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .error-summary:focus-visible,
  .failure:focus-visible,
  h2[tabindex]:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .error-summary h2 {
    font-size: 1.2em;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .principles details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: var(--_space);
  }
  .principles summary {
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }
  /* The principles come from the data: a word longer than the line breaks instead of widening the page. */
  .principles {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .principles ol {
    padding-inline-start: 1.4em;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .principles,
  .privacy {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .count.over {
    color: var(--_error);
    font-weight: 700;
  }
  /*
   * Clipped to nothing where it stands. Not moved off screen: a box 10,000 px
   * to the inline start lands on the page's scrollable side whenever the form's
   * direction differs from the page's (an Arabic form on a Swedish page), and
   * the page then scrolls 10,000 px sideways.
   */
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  @media (forced-colors: active) {
    .field.invalid,
    .error-summary,
    [aria-invalid='true'] {
      border-color: CanvasText;
    }
    .error-icon {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
`;
