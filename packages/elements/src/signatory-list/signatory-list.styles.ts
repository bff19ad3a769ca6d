import { css } from 'lit';

/** The signatory list's own styles (after the shared tokens and state styles). */
export const signatoryListStyles = css`
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
  .field {
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
