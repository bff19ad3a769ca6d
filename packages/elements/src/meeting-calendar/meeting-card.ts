// A meeting's card (the list view and the open day of the month) and the
// links to subscribe to the feed: rendered only once the calendar has data,
// so they come with its parts (meeting-calendar-parts.ts), not in its first
// download (issue 18).
import { html, nothing, type TemplateResult } from 'lit';
import { formatMeetingTime, type DatasetHeader, type Meeting } from '@samverkan/sdk';
import { isolated, localized } from '../internal/localized.js';
import { labelOf, type UiLanguage } from '../translations/catalogue.js';
import { dateLocale } from '../utils/format.js';
import { safeHttpUrl } from '../utils/safe-url.js';
import type { MeetingCalendarMessages } from './messages.js';
import { languageList, readerClockDiffers, zoneName } from './utils/calendar-names.js';
import { feedLinks, icsFileName, loadIcsWriter, type IcsUrls } from './utils/ics-links.js';

/** What a card needs of the calendar's render. */
export interface CardContext {
  header: DatasetHeader;
  m: MeetingCalendarMessages;
  lang: string;
  /** The UI language (the languages' names are in it). */
  ui: UiLanguage;
}

/** Where a card is: its title's id (unique in the shadow root), the calendar's .ics links, its index on the list's page. */
export interface CardPlace {
  titleId: string;
  ics: IcsUrls;
  pageIndex?: number | undefined;
}

/** One meeting's card. */
export function meetingCard(meeting: Meeting, ctx: CardContext, { titleId, ics, pageIndex }: CardPlace): TemplateResult {
  const { header, m, lang } = ctx;
  const status = meeting.status === 'cancelled' || meeting.status === 'postponed' ? meeting.status : undefined;
  const online = safeHttpUrl(meeting.location?.onlineUrl);
  const registration = safeHttpUrl(meeting.registrationUrl);
  const name = meeting.location?.name;
  const address = meeting.location?.address;
  // Only a meeting that will take place goes into a reader's calendar: not a
  // cancelled one, nor a postponed one (its start and end are the time it
  // will not happen; a new time is published with the status `scheduled`).
  const addable = status === undefined;
  // The .ics file is written when the reader reaches for the link (hover,
  // focus or click: before any menu or activation reads the href), not for
  // every meeting in the list: toICalendar takes milliseconds per file. The
  // writer itself is loaded the first time; a click that comes before it is
  // held and made again once the file is there.
  const prepare = (event: Event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    const url = ics.urlFor(meeting, header, lang);
    if (url) {
      link.href = url;
      return;
    }
    const clicked = event.type === 'click';
    if (clicked) event.preventDefault();
    loadIcsWriter().then(
      () => {
        const ready = ics.urlFor(meeting, header, lang);
        if (!ready || !link.isConnected) return;
        link.href = ready;
        if (clicked) link.click();
      },
      (error: unknown) => console.warn('Samverkan: the calendar could not load its iCalendar writer, so no .ics file can be made.', error),
    );
  };
  return html`<article part="meeting" class=${`meeting card ${status ?? 'scheduled'}`} aria-labelledby=${titleId}>
    <h4 part="meeting-title" id=${titleId} data-page-item=${pageIndex ?? nothing} tabindex=${pageIndex === undefined ? nothing : '-1'}>
      ${status ? html`<span part="meeting-status" class="badge">${m.statuses[status]}</span> ` : nothing}<span class="title"
        >${localized(meeting.title, lang, header.defaultLanguage)}</span
      >
    </h4>
    <dl>
      <div>
        <dt>${m.time}</dt>
        <dd>
          <time datetime=${meeting.start}>${formatMeetingTime(meeting, { lang: dateLocale(lang), timeZone: header.timeZone })}</time>
          ${readerClockDiffers(meeting.start, header.timeZone)
            ? html`<span class="zone">${m.zoneNote.replace('{zone}', zoneName(meeting.start, lang, header.timeZone))}</span>`
            : nothing}
        </dd>
      </div>
      <div>
        <dt>${m.kind}</dt>
        <dd>${labelOf(m.kinds, meeting.kind)}</dd>
      </div>
      <div>
        <dt>${m.place}</dt>
        <dd>
          ${name || address
            ? // Each isolated on its own: a Swedish place in an Arabic line keeps its own order (the comma stays
              // between its parts), and an override in the name cannot reverse the address.
              html`<span dir="auto">${name ? localized(name, lang, header.defaultLanguage) : nothing}${name && address ? ', ' : nothing}${address ? isolated(address) : nothing}</span>`
            : nothing}
          ${!name && !address ? (meeting.location?.onlineUrl ? m.online : '–') : nothing}
        </dd>
      </div>
      ${meeting.languages.length
        ? html`<div>
            <dt>${m.languages}</dt>
            <dd>${languageList(meeting.languages, ctx.ui)}</dd>
          </div>`
        : nothing}
    </dl>
    ${meeting.description ? html`<p class="description">${localized(meeting.description, lang, header.defaultLanguage)}</p>` : nothing}
    <p class="links">
      ${online ? html`<a part="online-link" href=${online} rel="noopener noreferrer">${m.joinOnline}</a>` : nothing}
      ${registration ? html`<a part="registration-link" href=${registration} rel="noopener noreferrer">${m.register}</a>` : nothing}
      ${addable
        ? html`<a
            part="ics-link"
            href=${ics.peek(meeting, header, lang) ?? '#'}
            download=${icsFileName(meeting)}
            aria-describedby=${titleId}
            @pointerenter=${prepare}
            @focus=${prepare}
            @click=${prepare}
            >${m.addToCalendar}</a
          >`
        : nothing}
    </p>
  </article>`;
}

/** The links to subscribe to the API's meeting feed, if it has one. */
export function subscribeLinks(api: string, { header, m, lang }: Omit<CardContext, 'ui'>): TemplateResult | typeof nothing {
  const feedLang = header.languages.includes(lang) && lang !== header.defaultLanguage ? lang : undefined;
  const links = feedLinks(api, document.baseURI, feedLang);
  if (!links) return nothing;
  return html`<div part="subscribe" class="subscribe">
    <h3>${m.subscribeHeading}</h3>
    <p>${m.subscribeText}</p>
    <ul>
      <li><a part="subscribe-webcal" href=${links.webcal}>${m.subscribeWebcal}</a></li>
      <li>
        ${m.subscribeHttps}:
        <a part="subscribe-https" href=${links.https} dir="ltr">${links.https}</a>
      </li>
    </ul>
  </div>`;
}
