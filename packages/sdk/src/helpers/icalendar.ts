/**
 * Meetings as an iCalendar feed (RFC 5545), correct by construction: CRLF
 * line ends, lines folded at 75 octets without splitting a UTF-8 character,
 * TEXT values escaped, times in the dataset's zone with a VTIMEZONE computed
 * from the platform's own zone data (via Intl), so calendar apps place every
 * meeting at the right instant, daylight-saving weekends included.
 */
import { pickText } from '../localized.js';
import type { Meeting } from '../schemas/dataset.js';
import { zonedParts, zonedTimeCandidates, zoneOffsetMinutes } from './time.js';

/** Options of {@link toICalendar}. */
export interface ICalendarOptions {
  /** The zone the times are written in (the dataset's `timeZone`), with a VTIMEZONE. Without it, times are in UTC. */
  timeZone?: string;
  /** The calendar's name in calendar apps (`NAME`, `X-WR-CALNAME`). */
  calendarName?: string;
  /** The language to pick titles and descriptions in. Default: `defaultLanguage`. */
  lang?: string;
  /** The dataset's default language, used when a text is missing in `lang`. Default `sv`. */
  defaultLanguage?: string;
  /** `DTSTAMP` of meetings without `updatedAt`. Default: now. Pass the dataset's `updatedAt` for output that only changes with the data. */
  now?: Date;
  /** `PRODID`. */
  productId?: string;
  /** The part after `@` in each `UID` (`<meeting id>@<uidDomain>`): the publisher's host name keeps UIDs unique across municipalities. Default `samverkan`. */
  uidDomain?: string;
}

const LABELS: Record<string, { registration: string; online: string }> = {
  sv: { registration: 'Anmälan', online: 'Delta digitalt' },
  en: { registration: 'Registration', online: 'Join online' },
  fi: { registration: 'Ilmoittautuminen', online: 'Osallistu verkossa' },
  ar: { registration: 'التسجيل', online: 'المشاركة عبر الإنترنت' },
};

const STATUS: Record<Meeting['status'], string> = { scheduled: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'TENTATIVE' };

/** Escapes a TEXT value: backslash, `;`, `,` and line breaks; drops other control characters, which TEXT may not hold. */
export function escapeICalText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line: at most 75 octets per line, continuation lines
 * start with a space, and a UTF-8 character is never split.
 */
export function foldICalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  // The first line holds 75 octets; later ones 74 after their leading space.
  let limit = 75;
  for (const char of line) {
    const n = octets(char.codePointAt(0)!);
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

function localStamp(p: { year: number; month: number; day: number; hour: number; minute: number; second: number }): string {
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

function isUtc(zone: string | undefined): boolean {
  return !zone || /^(?:UTC|Etc\/UTC|Etc\/GMT|GMT|Z)$/i.test(zone);
}

/**
 * `DTSTART;TZID=Europe/Stockholm:20260329T130000`, or in UTC when the wall
 * clock is ambiguous there (the hour repeated when summer time ends), where a
 * TZID time could be read as either instant.
 */
function timeProperty(name: string, iso: string, zone: string | undefined): string {
  const date = new Date(iso);
  if (isUtc(zone)) return `${name}:${utcStamp(date)}`;
  const parts = zonedParts(date, zone!);
  const candidates = zonedTimeCandidates(parts, zone!);
  if (candidates.length !== 1 || candidates[0]!.getTime() !== Math.floor(date.getTime() / 1000) * 1000) return `${name}:${utcStamp(date)}`;
  return `${name};TZID=${zone}:${localStamp(parts)}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Every change of the zone's UTC offset between `from` and `to` (ms), found by day and narrowed to the minute. */
function transitions(zone: string, from: number, to: number): Transition[] {
  const DAY = 86_400_000;
  const found: Transition[] = [];
  let previous = zoneOffsetMinutes(from, zone);
  for (let t = from + DAY; t <= to + DAY; t += DAY) {
    const offset = zoneOffsetMinutes(t, zone);
    if (offset === previous) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (zoneOffsetMinutes(mid, zone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/** A VTIMEZONE for `zone` that covers every instant from `from` to `to`. */
function vtimezone(zone: string, from: number, to: number): string[] {
  // From a year before, so the observance in force at the first meeting is included.
  const start = Date.UTC(new Date(from).getUTCFullYear() - 1, 0, 1);
  const end = Date.UTC(new Date(to).getUTCFullYear() + 1, 0, 1);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const changes = transitions(zone, start, end);
  if (changes.length === 0) {
    const offset = formatOffset(zoneOffsetMinutes(from, zone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const change of changes) {
    const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time of the change, in the offset before it.
    const local = new Date(change.at + change.from * 60_000);
    const stamp = utcStamp(local).slice(0, -1);
    lines.push(`BEGIN:${kind}`, `DTSTART:${stamp}`, `TZOFFSETFROM:${formatOffset(change.from)}`, `TZOFFSETTO:${formatOffset(change.to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function isHttp(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

function languageParam(lang: string): string {
  return /^[A-Za-z0-9-]+$/.test(lang) ? `;LANGUAGE=${lang}` : '';
}

function vevent(meeting: Meeting, options: ICalendarOptions, zone: string | undefined, now: Date): string[] {
  const lang = options.lang ?? options.defaultLanguage ?? 'sv';
  const defaultLanguage = options.defaultLanguage ?? lang;
  const title = pickText(meeting.title, lang, defaultLanguage);
  const labels = LABELS[lang.toLowerCase().split('-')[0]!] ?? LABELS.en!;
  const stamp = meeting.updatedAt ? new Date(meeting.updatedAt) : now;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeICalText(meeting.id)}@${escapeICalText(options.uidDomain ?? 'samverkan')}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    timeProperty('DTSTART', meeting.start, zone),
    timeProperty('DTEND', meeting.end, zone),
    `SUMMARY${languageParam(title.lang)}:${escapeICalText(title.text)}`,
  ];
  // Calendar apps show DESCRIPTION but mostly ignore URL, so links go in both.
  const description: string[] = [];
  let descriptionLang = title.lang;
  if (meeting.description) {
    const picked = pickText(meeting.description, lang, defaultLanguage);
    description.push(picked.text);
    descriptionLang = picked.lang;
  }
  const online = meeting.location?.onlineUrl;
  const links: string[] = [];
  if (isHttp(meeting.registrationUrl)) links.push(`${labels.registration}: ${meeting.registrationUrl}`);
  if (isHttp(online)) links.push(`${labels.online}: ${online}`);
  if (links.length) description.push(links.join('\n'));
  if (description.length) lines.push(`DESCRIPTION${languageParam(descriptionLang)}:${escapeICalText(description.join('\n\n'))}`);
  const place = meeting.location
    ? [meeting.location.name ? pickText(meeting.location.name, lang, defaultLanguage).text : undefined, meeting.location.address].filter(Boolean).join(', ')
    : '';
  if (place) lines.push(`LOCATION:${escapeICalText(place)}`);
  else if (isHttp(online)) lines.push(`LOCATION:${escapeICalText(online)}`);
  const url = isHttp(meeting.registrationUrl) ? meeting.registrationUrl : isHttp(online) ? online : undefined;
  if (url) lines.push(`URL:${url}`);
  if (isHttp(online)) lines.push(`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${online}`);
  lines.push(`STATUS:${STATUS[meeting.status] ?? 'CONFIRMED'}`);
  if (meeting.sequence !== undefined) lines.push(`SEQUENCE:${meeting.sequence}`);
  if (meeting.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(new Date(meeting.updatedAt))}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * The meetings as one iCalendar document (`text/calendar`), for a subscription
 * feed or a download. Cancelled meetings are kept with `STATUS:CANCELLED`, so
 * calendars that have them already remove them; postponed ones are
 * `TENTATIVE`. Each `UID` is stable (the meeting's id), `SEQUENCE` and
 * `LAST-MODIFIED` are written when the meeting has them.
 */
export function toICalendar(meetings: readonly Meeting[], options: ICalendarOptions = {}): string {
  const zone = isUtc(options.timeZone) ? undefined : options.timeZone;
  const now = options.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeICalText(options.productId ?? '-//Samverkan//Samverkan SDK//EN')}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`NAME:${escapeICalText(options.calendarName)}`, `X-WR-CALNAME:${escapeICalText(options.calendarName)}`);
  if (zone) {
    lines.push(`X-WR-TIMEZONE:${zone}`);
    let from = Infinity;
    let to = -Infinity;
    for (const m of meetings) {
      for (const t of [Date.parse(m.start), Date.parse(m.end)]) {
        if (Number.isNaN(t)) continue;
        from = Math.min(from, t);
        to = Math.max(to, t);
      }
    }
    if (from > to) from = to = now.getTime();
    lines.push(...vtimezone(zone, from, to));
  }
  for (const meeting of meetings) lines.push(...vevent(meeting, options, zone, now));
  lines.push('END:VCALENDAR');
  return lines.map(foldICalLine).join('\r\n') + '\r\n';
}
