import { css } from 'lit';

/** The volunteer board's own styles (after the shared tokens, state and layout styles). */
export const volunteerBoardStyles = css`
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
  .organisation {
    font-weight: 600;
  }
  .contact-heading {
    font-size: 1em;
    margin: 0;
  }
  .contact ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .contact-label {
    font-weight: 600;
  }
  .contact a {
    overflow-wrap: anywhere;
  }
  .valid-through {
    font-size: 0.9em;
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
