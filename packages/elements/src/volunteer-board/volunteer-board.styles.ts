import { css } from 'lit';

/** The volunteer board's own styles (after the shared tokens, state, layout and searchable-list styles). */
export const volunteerBoardStyles = css`
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
`;
