// One meeting as an iCalendar file. A module of its own because the
// calendar imports it only when a reader first reaches for an "add to
// calendar" link: the iCalendar writer (time zones worked out from Intl) is
// a tenth of the calendar's code, and most visits never use it.
import { pickText, toICalendar, type DatasetHeader, type Meeting } from '@samverkan/sdk';
import { safeHttpUrl } from '../../utils/safe-url.js';

/**
 * The domain after `@` in each iCalendar UID: the municipality's web host,
 * as the server's `meetings.ics` feed uses, so a meeting added from a file
 * and the same meeting from a subscription are one event, not two.
 */
export function uidDomainOf(dataset: DatasetHeader): string {
  const website = safeHttpUrl(dataset.agreement.municipality.website);
  return website ? new URL(website).hostname : 'samverkan';
}

/** One meeting as an iCalendar document in `lang`, in the dataset's zone. */
export function meetingICalendar(meeting: Meeting, dataset: DatasetHeader, lang: string): string {
  return toICalendar([meeting], {
    timeZone: dataset.timeZone,
    calendarName: pickText(dataset.agreement.title, lang, dataset.defaultLanguage).text,
    lang,
    defaultLanguage: dataset.defaultLanguage,
    // The data's own date, so the file only changes when the meeting does.
    now: new Date(dataset.updatedAt),
    uidDomain: uidDomainOf(dataset),
  });
}
