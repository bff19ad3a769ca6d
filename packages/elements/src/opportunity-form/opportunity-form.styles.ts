import { css } from 'lit';

/** The opportunity form's own styles, after the signup form's (the two forms look and behave alike). */
export const opportunityFormStyles = css`
  input[type='date'] {
    font: inherit;
    max-inline-size: 14rem;
  }
  .language-choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1.5rem;
  }
  .found:empty {
    display: none;
  }
`;
