import { css } from 'lit';

/**
 * Text rules of the elements on the common base. A dataset's words can be
 * longer than a phone's screen is wide ("Samverkansöverenskommelse" at 320 px
 * with a large font): `anywhere` lets such a word break, and, unlike
 * `break-word`, also lets the boxes around it (grid and flex items) shrink to
 * the screen instead of sticking out sideways. Buttons keep whole words.
 */
export const textStyles = css`
  [part~='base'] {
    overflow-wrap: anywhere;
  }
  button {
    overflow-wrap: break-word;
  }
`;
