import { css } from 'lit';

/**
 * Layout the list-like elements share: a labelled field (label, control,
 * hint stacked) and a list of cards. Elements add their own differences
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
`;
