import { css } from 'lit';

/**
 * The follow-up element's own styles (after the shared tokens and state
 * styles). The status colours are documented custom properties; every
 * status also has a symbol and words, so the colours only add to them.
 */
export const followUpStyles = css`
  :host {
    --_done: var(--samverkan-color-status-done, #1e6b30);
    --_in-progress: var(--samverkan-color-status-in-progress, #8a4f00);
    --_not-started: var(--samverkan-color-status-not-started, #595959);
    --_not-done: var(--samverkan-color-status-not-done, #a1001c);
  }
  .follow-up,
  .overview,
  .change,
  .commitments,
  .principle {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.6);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_space);
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.15em;
  }
  h4,
  h5 {
    margin: 0;
  }
  h5 {
    font-size: 1em;
  }
  figure {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
  }
  figcaption {
    font-weight: 600;
  }
  .chart {
    display: block;
    max-inline-size: 44rem;
    block-size: auto;
    font-size: 13px;
  }
  .chart .party-label {
    fill: currentColor;
  }
  .segment rect {
    stroke: Canvas;
    stroke-width: 1;
  }
  .segment text {
    fill: #ffffff;
    font-weight: 600;
  }
  [data-status='done'] > rect,
  .swatch[data-status='done'] {
    fill: var(--_done);
    background: var(--_done);
  }
  [data-status='in-progress'] > rect,
  .swatch[data-status='in-progress'] {
    fill: var(--_in-progress);
    background: var(--_in-progress);
  }
  [data-status='not-started'] > rect,
  .swatch[data-status='not-started'] {
    fill: var(--_not-started);
    background: var(--_not-started);
  }
  [data-status='not-done'] > rect,
  .swatch[data-status='not-done'] {
    fill: var(--_not-done);
    background: var(--_not-done);
  }
  [data-status='unreported'] > rect {
    fill: Canvas;
    stroke: currentColor;
  }
  .segment[data-status='unreported'] text {
    fill: currentColor;
  }
  .legend {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1.25rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.35em;
  }
  .swatch {
    inline-size: 1em;
    block-size: 1em;
    border: 1px solid currentColor;
    border-radius: 0.15em;
  }
  .status-symbol {
    font-weight: 700;
  }
  .status-badge {
    display: inline-flex;
    gap: 0.3em;
    align-items: baseline;
    font-weight: 600;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.3rem;
    padding-inline: 0.6rem;
    border-block-end: 1px solid var(--_border);
  }
  td {
    font-variant-numeric: tabular-nums;
  }
  .delta {
    unicode-bidi: isolate;
  }
  .principle {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
  }
  .commitment-list {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.6);
  }
  .commitment {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .evidence ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .evidence-label {
    font-weight: 600;
  }
  .hint {
    font-size: 0.9em;
  }
  .empty {
    font-style: italic;
  }
  @media (forced-colors: active) {
    .segment rect,
    .swatch {
      forced-color-adjust: none;
      fill: Canvas;
      background: Canvas;
      stroke: CanvasText;
      border-color: CanvasText;
    }
    .segment text {
      fill: CanvasText;
    }
    .principle {
      border-color: CanvasText;
    }
  }
`;
