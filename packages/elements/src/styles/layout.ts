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
  .card dl > div {
    display: flex;
    gap: 0.4em;
  }
  .card dt {
    font-weight: 600;
  }
  .card dt::after {
    content: ':';
  }
  .card dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
