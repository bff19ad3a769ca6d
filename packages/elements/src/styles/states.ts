import { css } from 'lit';

/** Styles of the shared state views (see `internal/state-views.ts`). */
export const stateStyles = css`
  [part~='status'] {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
  }
  [part~='loading'] {
    border-style: dashed;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='loading']::before {
      content: '';
      inline-size: 1em;
      block-size: 1em;
      border: 2px solid var(--_border);
      border-block-start-color: var(--_accent);
      border-radius: 50%;
      animation: samverkan-spin 0.9s linear infinite;
    }
  }
  @keyframes samverkan-spin {
    to {
      transform: rotate(360deg);
    }
  }
  [part~='error'] {
    border-inline-start: 0.35rem solid var(--_error);
  }
  [part~='error'] h2 {
    font-size: 1.05em;
  }
  [part~='note'] {
    font-size: 0.9em;
    padding-inline-start: calc(var(--_space) * 0.5);
    border-inline-start: 0.2rem solid var(--_border);
  }
  @media (forced-colors: active) {
    [part~='status'],
    [part~='error'] {
      border-color: CanvasText;
    }
  }
`;
