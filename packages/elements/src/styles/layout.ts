import { css } from 'lit';

/**
 * Layout the list-like elements share: a labelled field (label, control,
 * hint stacked) and a list of cards with their facts. Elements add their own differences
 * (columns, widths) in their own styles.
 */
export const layoutStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  /*
   * A card outside the window is neither laid out nor painted until it comes
   * near (it stays in the accessibility tree and is found by the browser's
   * search): a page of 50 cards costs what the few in view cost, on the
   * first render and on every keystroke. The size it is given until then is
   * its last laid-out size, else about one card's.
   */
  .cards > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 9rem;
  }
  .card {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  /* The facts of a card (form, districts, time, place …) as label: value pairs. */
  .card dl {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    column-gap: calc(var(--_space) * 1.5);
    row-gap: 0.25rem;
  }
  /*
   * Data wraps, labels never do: the label keeps its whole width (no break
   * inside "Stadsdelar:" however long the districts beside it) and the value
   * takes what is left, breaking a word that does not fit anywhere.
   */
  .card dl > div {
    display: flex;
    gap: 0.4em;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .card dt {
    font-weight: 600;
    flex: none;
    overflow-wrap: normal;
  }
  .card dt::after {
    content: ':';
  }
  .card dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
`;

/**
 * A searchable list (the signatory list, the volunteer board): the search box
 * and filters in a wrapping row, the count, the cards' headings, the empty
 * message with its "clear" button, and "show more". After
 * `SamverkanElement.styles`; each element adds its own differences.
 */
export const searchableListStyles = css`
  section {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: flex-start;
  }
  [part~='controls'] .field {
    min-inline-size: 10rem;
  }
  .field.search {
    flex: 1 1 18rem;
  }
  .hint {
    font-size: 0.875em;
  }
  [part~='count'] {
    font-weight: 600;
  }
  .item h3 {
    font-size: 1.1em;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
  }
  [part~='more-button'] {
    align-self: flex-start;
  }
  @media (forced-colors: active) {
    .item {
      border-color: CanvasText;
    }
  }
`;
