import { css } from 'lit';

/** The principles element's own styles (after the shared tokens and state styles). */
export const principlesStyles = css`
  .agreement,
  .header,
  .section {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.15em;
  }
  h4,
  h5 {
    margin: 0;
  }
  h5 {
    font-size: 1em;
  }
  .principles,
  .areas {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .principle {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    scroll-margin-block-start: var(--_space);
  }
  .toggle {
    inline-size: 100%;
    display: flex;
    align-items: center;
    gap: 0.6em;
    text-align: start;
    font-weight: 600;
    background: transparent;
    color: inherit;
    border: 0;
    border-radius: var(--_radius);
    padding-block: calc(var(--_space) * 0.6);
    padding-inline: var(--_space);
  }
  /*
   * The marker is the corner of two borders, at the inline end and the block
   * end: it points down and towards the inline end (right in LTR, left in
   * RTL, since the logical border already follows the direction). Closed, it
   * turns to point along the line (">" in LTR, "<" in RTL); open, it points
   * down ("v"). The turn is the mirror image in RTL, and only the turn:
   * the border has already flipped, so flipping the angle as well as the
   * border would turn it twice.
   */
  /* A title from the data may be one very long word: it breaks (buttons otherwise keep whole words). */
  .toggle-text {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .marker {
    flex: none;
    inline-size: 0.55em;
    block-size: 0.55em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  .toggle[aria-expanded='true'] .marker {
    transform: rotate(45deg);
  }
  [dir='rtl'] .marker {
    transform: rotate(45deg);
  }
  [dir='rtl'] .toggle[aria-expanded='true'] .marker {
    transform: rotate(-45deg);
  }
  @media (prefers-reduced-motion: no-preference) {
    .marker {
      transition: transform 0.15s ease;
    }
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.6);
    padding-block: 0 var(--_space);
    padding-inline: calc(var(--_space) * 2.2) var(--_space);
  }
  .panel[hidden] {
    display: none;
  }
  .commitments ul,
  .area ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .latest-status {
    display: inline-flex;
    gap: 0.3em;
    margin-inline-start: 0.4em;
    font-size: 0.9em;
  }
  .status-badge {
    font-weight: 600;
  }
  .deep-link {
    font-size: 0.9em;
  }
  .area {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    padding-block: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_border);
  }
  .empty {
    font-style: italic;
  }
  @media (forced-colors: active) {
    .principle {
      border-color: CanvasText;
    }
    .toggle {
      color: ButtonText;
      background: ButtonFace;
    }
  }
`;
