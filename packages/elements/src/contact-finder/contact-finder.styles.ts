import { css } from 'lit';

/** The contact finder's own styles (after the shared tokens and state styles). */
export const contactFinderStyles = css`
  section {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .hint {
    font-size: 0.875em;
  }
  [part~='count'] {
    font-weight: 600;
  }
  .list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
  }
  .card {
    overflow-wrap: anywhere;
  }
  .card h3 {
    font-size: 1.1em;
  }
  .label {
    font-weight: 600;
  }
  .topics ul {
    display: inline;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .topics li {
    display: inline;
  }
  .topics li + li::before {
    content: ' · ';
  }
  .reach {
    display: flex;
    flex-direction: column;
  }
  .empty {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border-inline-start: 0.3rem solid var(--_accent);
  }
  .links {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  [part~='more-button'] {
    align-self: flex-start;
  }
  @media (forced-colors: active) {
    .card,
    .empty {
      border-color: CanvasText;
    }
  }
`;
