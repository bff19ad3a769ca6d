import { css } from 'lit';
// The styles only (not the elements' index, which would bundle every element into the page).
import { tokenStyles } from '@samverkan/elements/styles/tokens.js';
import { layoutStyles } from '@samverkan/elements/styles/layout.js';

/**
 * The admin page's look: the elements' tokens, fields and cards (so the
 * municipality's theme reaches both), plus the page's own layout. Every view
 * renders into the app's shadow root, so these sheets (adopted, never inline
 * `<style>`, which the page's Content-Security-Policy forbids) style them all.
 * Logical properties only; one column below 40rem so 320 px works.
 */
const adminStyles = css`
  :host {
    --_max: 72rem;
    min-block-size: 100vh;
    font-family: var(--samverkan-font-family, system-ui, sans-serif);
  }
  a.skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-start: -4rem;
    padding: 0.5rem 1rem;
    background: var(--_accent);
    color: var(--_on-accent);
    z-index: 10;
  }
  a.skip:focus {
    inset-block-start: 0.5rem;
  }
  header.top {
    border-block-end: 1px solid var(--_border);
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: var(--_space);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  header.top .brand {
    font-weight: 700;
    font-size: 1.1rem;
  }
  header.top .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    max-inline-size: var(--_max);
    margin-inline: auto;
  }
  nav.menu ul {
    list-style: none;
    margin: 0;
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  nav.menu a {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.35rem 0.5rem;
    border-radius: var(--_radius);
    text-decoration: none;
  }
  nav.menu a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    min-inline-size: 1.5rem;
    padding-inline: 0.4rem;
    border-radius: 1rem;
    border: 1px solid currentColor;
    text-align: center;
    font-size: 0.9em;
  }
  main {
    padding: var(--_space);
    min-inline-size: 0;
    display: block;
    /* Data may hold a word longer than a phone is wide (a compound, a pasted address): it breaks rather than widening the page. */
    overflow-wrap: anywhere;
  }
  main.alone {
    max-inline-size: 32rem;
    margin-inline: auto;
  }
  h1 {
    font-size: 1.6rem;
    margin-block: 0 var(--_space);
  }
  h1:focus,
  h2[tabindex='-1']:focus {
    outline: none;
  }
  h1:focus-visible,
  h2[tabindex='-1']:focus-visible {
    outline: 3px solid var(--_accent);
  }
  h2 {
    font-size: 1.25rem;
    margin-block: var(--_space) 0.5rem;
  }
  h3 {
    font-size: 1.05rem;
    margin-block: 0.75rem 0.25rem;
  }
  p {
    margin-block: 0 0.75rem;
  }
  form.stack,
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .field input:not([type='checkbox']):not([type='radio']),
  .field select,
  .field textarea {
    inline-size: 100%;
    max-inline-size: 36rem;
  }
  .hint {
    font-size: 0.9em;
    opacity: 0.85;
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
  }
  .field.invalid input,
  .field.invalid select,
  .field.invalid textarea {
    border: 2px solid var(--_error);
  }
  .error-summary {
    border: 4px solid var(--_error);
    padding: var(--_space);
  }
  .error-summary:focus {
    outline: 3px solid var(--_accent);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  button.danger {
    background: var(--_error);
    border-color: var(--_error);
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-block-end: var(--_space);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.4rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .row > * {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .row .grow {
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .status-tag {
    font-size: 0.85em;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    padding-inline: 0.35rem;
  }
  /* Told apart by its dashed border as well as its words, not by colour alone. */
  .status-tag.withdrawn {
    border-style: dashed;
  }
  /* Rejected yet published again: a double border, so it reads differently from "withdrawn" without colour. */
  .status-tag.republished {
    border-style: double;
    border-width: 3px;
  }
  /* "Not shown" beside a menu item: a dashed border tells it from a count of things waiting, without colour. */
  .badge.warning {
    border-style: dashed;
  }
  /* What the dataset file holds and the server does not publish: a thick start edge marks the panel as a notice. */
  .panel.withheld {
    border-inline-start-width: 0.35rem;
    margin-block-end: var(--_space);
  }
  .panel.withheld h2 {
    margin-block-start: 0;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  dl.facts {
    display: grid;
    /* The labels' column takes at most 45 %: a long label ("Kontaktperson för samverkan: E-post") must not squeeze the values to one letter a line. */
    grid-template-columns: fit-content(45%) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--_space);
  }
  .translations {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 0.5rem var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  dialog {
    max-inline-size: min(40rem, calc(100vw - 2rem));
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    color: inherit;
    background: var(--samverkan-color-background, Canvas);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block-start: var(--_space);
  }
  @media (max-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    nav.menu ul {
      flex-direction: row;
      flex-wrap: wrap;
      padding-block-end: 0;
    }
    dl.facts {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    nav.menu a[aria-current='page'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .error-summary,
    .field.invalid input,
    .field.invalid select,
    .field.invalid textarea {
      border-color: CanvasText;
    }
    .field-error,
    .error-summary a {
      color: CanvasText;
    }
    button.danger {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;

/** Every sheet of the admin page, in order. */
export const appStyles = [tokenStyles, layoutStyles, adminStyles];
