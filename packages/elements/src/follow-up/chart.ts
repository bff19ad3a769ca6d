// The overview chart: one horizontal bar per party, a segment per status,
// drawn as SVG from the same figures as the table beside it. Geometry is
// computed here (not by CSS) so that right-to-left pages get mirrored bars.
import { html, svg, nothing, type TemplateResult } from 'lit';
import { FOLLOW_UP_STATUS_ORDER, type PartyFigures } from '@samverkan/sdk';
import { formatNumber } from '../translations/catalogue.js';
import type { FollowUpMessages, ShownStatus } from './messages.js';
import { STATUS_SYMBOLS } from './status.js';

const WIDTH = 640;
const LABEL = 150;
const GAP = 10;
const ROW = 34;
const BAR = 24;
/** Segments at least this wide show their symbol and count; narrower ones the symbol alone (the table has the count). */
const MIN_LABELLED = 38;
/** Narrower than this, not even the symbol fits; the legend and the table still say it. */
const MIN_SYMBOL = 14;

/** The statuses in chart order; `unreported` only when some commitment has no status. */
export function shownStatuses(figures: readonly PartyFigures[]): ShownStatus[] {
  const any = figures.some((f) => f.counts.unreported > 0);
  return any ? [...FOLLOW_UP_STATUS_ORDER, 'unreported'] : [...FOLLOW_UP_STATUS_ORDER];
}

/** One segment of a bar, in chart units. */
export interface Segment {
  status: ShownStatus;
  count: number;
  x: number;
  width: number;
}

/** The segments of one party's bar, scaled to the party with the most commitments; mirrored when `rtl`. */
export function barSegments(figures: PartyFigures, largest: number, statuses: readonly ShownStatus[], rtl: boolean): Segment[] {
  const span = WIDTH - LABEL - GAP;
  const unit = largest > 0 ? span / largest : 0;
  let at = 0;
  const segments: Segment[] = [];
  for (const status of statuses) {
    const count = figures.counts[status];
    if (count === 0) continue;
    const width = count * unit;
    const start = LABEL + GAP + at;
    segments.push({ status, count, x: rtl ? WIDTH - start - width : start, width });
    at += width;
  }
  return segments;
}

/** The chart (hidden from screen readers, who read the table) and its legend. */
export function overviewChart(figures: readonly PartyFigures[], m: FollowUpMessages, lang: string, rtl: boolean): TemplateResult {
  const statuses = shownStatuses(figures);
  const largest = Math.max(0, ...figures.map((f) => f.total));
  const height = figures.length * ROW;
  return html`<div class="chart-visual" aria-hidden="true">
    <svg part="chart" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">
      ${figures.map((f, row) => {
        const y = row * ROW + (ROW - BAR) / 2;
        return svg`<g class="row" data-party=${f.party}>
          <text class="party-label" x=${rtl ? WIDTH : 0} y=${y + BAR / 2} dominant-baseline="central" direction=${rtl ? 'rtl' : 'ltr'} text-anchor="start">${m.parties[f.party]}</text>
          ${barSegments(f, largest, statuses, rtl).map(
            (s) => svg`<g class="segment" data-status=${s.status} data-count=${s.count}>
              <rect x=${s.x} y=${y} width=${s.width} height=${BAR}></rect>
              ${s.width >= MIN_SYMBOL
                ? svg`<text x=${s.x + s.width / 2} y=${y + BAR / 2} dominant-baseline="central" direction=${rtl ? 'rtl' : 'ltr'} text-anchor="middle"
                    >${s.width >= MIN_LABELLED ? `${STATUS_SYMBOLS[s.status]} ${formatNumber(s.count, lang)}` : STATUS_SYMBOLS[s.status]}</text
                  >`
                : nothing}
            </g>`,
          )}
        </g>`;
      })}
    </svg>
    <ul class="legend">
      ${statuses.map(
        (status) => html`<li data-status=${status}>
          <span class="swatch" data-status=${status}></span><span class="status-symbol">${STATUS_SYMBOLS[status]}</span> ${m.statuses[status]}
        </li>`,
      )}
    </ul>
  </div>`;
}
