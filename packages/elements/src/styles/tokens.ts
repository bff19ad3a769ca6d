import { css } from 'lit';

/**
 * The host rules every element shares, and the documented theming tokens.
 * Each `--samverkan-*` property falls back to a neutral default, and text
 * font and colour inherit from the page, so an element looks like the site
 * it sits in until a site chooses otherwise:
 *
 * | custom property | default |
 * |---|---|
 * | `--samverkan-font-family` | the page's font |
 * | `--samverkan-color-text` | the page's text colour |
 * | `--samverkan-color-background` | transparent |
 * | `--samverkan-color-surface` | a light tint of the text colour, for cards |
 * | `--samverkan-color-border` | `#767676` (3:1 on white) |
 * | `--samverkan-color-accent` | `#0b5cad` (links, buttons, focus) |
 * | `--samverkan-color-on-accent` | `#ffffff` |
 * | `--samverkan-color-error` | `#b00020` |
 * | `--samverkan-color-mark` | `#fff3a3` (matched words) |
 * | `--samverkan-radius` | `0.375rem` |
 * | `--samverkan-spacing` | `1rem` (gaps scale from it) |
 *
 * Only logical properties (`inline`/`block`), so `dir="rtl"` mirrors layouts.
 */
export const tokenStyles = css`
  :host {
    display: block;
    font-family: var(--samverkan-font-family, inherit);
    color: var(--samverkan-color-text, inherit);
    background: var(--samverkan-color-background, transparent);
    --_accent: var(--samverkan-color-accent, #0b5cad);
    --_on-accent: var(--samverkan-color-on-accent, #ffffff);
    --_border: var(--samverkan-color-border, #767676);
    --_surface: var(--samverkan-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_error: var(--samverkan-color-error, #b00020);
    --_mark: var(--samverkan-color-mark, #fff3a3);
    --_radius: var(--samverkan-radius, 0.375rem);
    --_space: var(--samverkan-spacing, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding-block: calc(var(--_space) * 0.4);
    padding-inline: calc(var(--_space) * 0.9);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--samverkan-color-background, Canvas);
    padding-block: calc(var(--_space) * 0.35);
    padding-inline: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: 100%;
  }
  label {
    font-weight: 600;
  }
  mark {
    background: var(--_mark);
    color: #000000;
    border-radius: 0.15em;
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    /* clip, not hidden: hidden makes each such box a scroll container, which Chromium gives a
       scrollable area of its own to look at in pre-paint and paint (a month grid has 42 of them);
       clip-path hides the text where clip is not supported. */
    overflow: clip;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    a:focus-visible,
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    [tabindex]:focus-visible {
      outline-color: Highlight;
    }
    mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
