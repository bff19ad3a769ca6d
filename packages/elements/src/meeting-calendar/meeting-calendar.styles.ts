import { css } from 'lit';

/** The meeting calendar's own styles (after the shared tokens and state styles). */
export const meetingCalendarStyles = css`
  .calendar,
  .month,
  .month-group,
  .day-details {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: flex-end;
  }
  .view-switch {
    display: flex;
    gap: 0.25rem;
  }
  .view-switch [aria-pressed='true'] {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  /* Few fonts in the month. Each face, and each size of a face, that the month shows first is a
     font the browser looks up synchronously in its first render, asking its browser process for
     the face and for how to draw it at that size (traced on a loaded machine: 1 to 5 ms of wall
     time each; issue 18). So the month uses regular at 1em, 0.875em and 0.8em, and 600 at 1em,
     0.875em and 1.15em: bold is 600 whatever the element (headers, the filter's label, the
     month's title, today; the list view's cards keep their 700 headings and badges), no italic,
     and no size of its own for a badge or a note. */
  h3 {
    font-size: 1.15em;
    font-weight: 600;
  }
  h4 {
    font-size: 1.05em;
  }
  .meeting.cancelled,
  .meeting.postponed {
    border-inline-start: 0.35rem solid var(--_error);
  }
  .meeting.cancelled .title {
    text-decoration: line-through;
  }
  .badge {
    display: inline-block;
    font-size: 0.85em;
    font-weight: 700;
    padding-inline: 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .card dl > div {
    flex-wrap: wrap;
  }
  .zone {
    margin-inline-start: 0.4em;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
  }
  .empty {
    font-style: italic;
  }
  .count {
    font-weight: 600;
  }
  .more {
    align-self: flex-start;
  }
  .month-nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .month-nav h3 {
    flex: 1 1 10rem;
    text-align: center;
  }
  .hint {
    font-size: 0.875em;
  }
  /* The grid adapts to the room it has, not to the window: an element in a
     narrow column of a wide page needs the narrow grid too. */
  .month {
    container-type: inline-size;
  }
  .wd-narrow {
    display: none;
  }
  @container (inline-size < 36rem) {
    /* Arabic's short weekday names are whole words: one letter fits a phone. */
    .wd-short,
    .day-meetings {
      display: none;
    }
    .wd-narrow {
      display: inline;
    }
    /* Titles do not fit in a cell this narrow: a dot says the day has
       meetings (the cell's text says how many), Enter or a tap lists them. */
    .has-meetings .day-number::after {
      content: '';
      display: block;
      inline-size: 0.5rem;
      block-size: 0.5rem;
      margin-block-start: 0.25rem;
      border: 0.25rem solid currentColor;
      border-radius: 50%;
    }
    td {
      block-size: 3.25rem;
    }
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-weight: 600;
    font-size: 0.875em;
    padding-block: 0.25rem;
  }
  th.week-col {
    inline-size: 3.5rem;
    font-weight: 400;
  }
  tbody th.week-col {
    vertical-align: top;
    padding-block-start: 0.35rem;
  }
  td {
    vertical-align: top;
    block-size: 5.5rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    cursor: pointer;
    /* clip, not hidden: a cell and a line are never scrolled, and a box with overflow: hidden is a
       scroll container, which Chromium gives a paint layer and a scrollable area of its own (two
       hundred in a month grid, each looked at in pre-paint and paint). */
    overflow: clip;
  }
  /* A colour, not opacity (an effect node for pre-paint and paint per day), nor italic (a face of
     its own to find and load in the first render); forced colours, which set the colour, italic. */
  td.day-outside .day-number {
    color: color-mix(in srgb, currentColor 75%, transparent);
  }
  td.day-today {
    background: var(--_surface);
  }
  td.day-today .day-number {
    font-weight: 600;
    text-decoration: underline;
  }
  td.day-selected {
    box-shadow: inset 0 0 0 3px var(--_accent);
  }
  td:focus-visible {
    outline-offset: -3px;
  }
  .day-number {
    display: block;
  }
  /* One inline formatting context per cell: its lines are inline boxes, each but the first
     started by a line feed that white-space: pre keeps (day-lines.ts), and the list clips its
     line boxes and ends each cut one with "…". Lines as blocks that each clip themselves look the
     same, but give pre-paint and paint a clip and a paint chunk per line, and layout a block per
     line: 150 of each in a month (issue 18). A title's own white space collapses as before
     (nowrap: no wrapping either). */
  .day-meetings {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.8em;
    line-height: 1.3;
    white-space: pre;
    overflow: clip;
    text-overflow: ellipsis;
  }
  .day-meetings li {
    display: inline;
  }
  .day-meetings bdi {
    white-space: nowrap;
  }
  .day-meetings li.cancelled {
    text-decoration: line-through;
  }
  /* A cell with a title written the other way from its lines (day-lines.ts): each line a row, the title in a box
     of its own that is cut at its own end, not at the line's far edge (which is the title's start). */
  .day-meetings.boxed {
    white-space: nowrap;
  }
  .day-meetings.boxed li {
    display: flex;
    gap: 0.3em;
  }
  .day-meetings.boxed bdi {
    min-inline-size: 0;
    overflow: clip;
    text-overflow: ellipsis;
  }
  /* The line's own font (size and weight, no capitals: as wide as the smaller bold capitals were,
     and the time beside it still shows); its border sets it apart, and a line-height that keeps
     it, border and all, inside the line's height. */
  .day-meetings .badge {
    font-size: 1em;
    font-weight: inherit;
    text-transform: none;
    letter-spacing: normal;
    line-height: 1.1;
    padding-inline: 0.2em;
  }
  .day-meetings li {
    font-variant-numeric: tabular-nums;
  }
  .subscribe {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .subscribe ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .subscribe a[dir='ltr'] {
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .meeting.cancelled,
    .meeting.postponed {
      border-inline-start-color: CanvasText;
    }
    td.day-outside .day-number {
      font-style: italic;
    }
    td.day-selected {
      forced-color-adjust: none;
      outline: 3px solid Highlight;
      outline-offset: -3px;
    }
    /* Forced colours paint every button alike: the chosen view in the system's highlight. */
    .view-switch [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
  }
`;
