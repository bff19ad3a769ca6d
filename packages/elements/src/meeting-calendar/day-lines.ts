// A month cell's first meetings ("18:00 Dialogmöte", then "2 till"), made
// with the DOM's own calls rather than a Lit template per line (issue 18).
// A month shows 150 or more such lines; as Lit templates each line was a
// template instance (cloned, walked for its parts) with a marker comment per
// binding and per list item: the month grid had more comments (1,049) than
// elements (532), and cloning, walking and inserting them was a third of the
// month's script time in a profile. Here a line is an `li` with its text and a
// `<bdi>`: nothing else to clone, walk or lay out. Text goes in as text nodes
// (never parsed as HTML), the title isolated for direction in its `<bdi>`,
// with its own `lang` when it needs one (as `localized` does).
// The lines are inline boxes, one per line box of the list (a line feed,
// kept by white-space: pre, starts each but the first), not blocks: the list
// is one inline formatting context
// whose line boxes the list clips and ends with "…" (text-overflow applies to
// a block's own line boxes). As blocks, each line had to clip itself: a clip
// and a paint chunk of its own for pre-paint and paint, and a block to lay
// out, for 150 lines (issue 18; see .day-meetings in meeting-calendar.styles.ts).
import type { DatasetHeader, Meeting } from '@samverkan/sdk';
import { directionOf } from '../controllers/language-controller.js';
import { plural } from '../translations/catalogue.js';
import type { MeetingCalendarMessages } from './messages.js';
import { timeOfDay } from './utils/calendar-names.js';

/** What a cell's lines need of the month's render. */
export interface DayLinesContext {
  header: DatasetHeader;
  m: MeetingCalendarMessages;
  lang: string;
  /**
   * A title in the reader's language and its `lang` when it needs one: the
   * element's `localizedText` (internal/localized.ts), handed in rather than
   * imported here, so that the shared file it is bundled in stays in the
   * calendar's first download as before, not one more file behind its parts
   * (test/compile-hints.test.ts).
   */
  titleOf: (title: Meeting['title'], lang: string, defaultLanguage: string) => { text: string; lang: string | undefined };
}

/**
 * The `<ul class="day-meetings">` of a day with meetings: its first `limit`
 * meetings (time and title, a cancelled or postponed one with its badge),
 * then "n more" when it has more. Hidden from screen readers, which hear the
 * cell's label ("tisdag 17 mars 2026, 5 möten"); a cell opens its day's
 * whole list. Made once per month shown (the month's model keeps it), so a
 * render that only moves the focus leaves it as it is.
 */
export function dayLines(meetings: readonly Meeting[], limit: number, { header, m, lang, titleOf }: DayLinesContext): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'day-meetings';
  list.setAttribute('aria-hidden', 'true');
  const shown = Math.min(meetings.length, limit);
  const titles = meetings.slice(0, shown).map((meeting) => titleOf(meeting.title, lang, header.defaultLanguage));
  // A title written the other way from the line (Swedish in an Arabic calendar) is cut at the line's far edge,
  // which is its own start: "…ningsbidrag 09:00 ص". Such a cell's lines are boxed: each a row whose title has a
  // box of its own, cut at its own end ("Föreningsbid… 09:00 ص"). Only then: a box per line is a block to lay
  // out and a clip to paint (see the comment at the top).
  const boxed = titles.some((title) => title.lang !== undefined && directionOf(title.lang) !== directionOf(lang));
  if (boxed) list.classList.add('boxed');
  for (let index = 0; index < shown; index++) {
    const meeting = meetings[index]!;
    const status = meeting.status === 'cancelled' || meeting.status === 'postponed' ? meeting.status : undefined;
    const title = titles[index]!;
    const line = document.createElement('li');
    line.className = status ?? 'scheduled';
    const time = timeOfDay(meeting.start, lang, header.timeZone);
    // Each line but the first starts a line box with a line feed, in the text it starts with: no node more.
    // (A boxed line is a row of its own, and the gap between its items the space.)
    const newLine = index > 0 && !boxed ? '\n' : '';
    const space = boxed ? '' : ' ';
    if (status) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = m.statuses[status];
      if (newLine) line.append(newLine);
      line.append(badge, `${space}${time}${space}`);
    } else line.append(newLine + time + space);
    const isolated = document.createElement('bdi');
    if (title.lang) isolated.lang = title.lang;
    isolated.textContent = title.text;
    line.append(isolated);
    list.append(line);
  }
  if (meetings.length > limit) {
    const more = document.createElement('li');
    more.className = 'more';
    more.textContent = `${boxed ? '' : '\n'}${plural(lang, meetings.length - limit, m.more)}`;
    list.append(more);
  }
  return list;
}
