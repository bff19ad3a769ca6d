import type { MeetingKind, MeetingStatus } from '@samverkan/sdk';
import { Catalogue, type PluralForms } from '../translations/catalogue.js';

/** The meeting calendar's UI strings. */
export interface MeetingCalendarMessages {
  /** The region's accessible name. */
  label: string;
  /** The label of the list/month switch. */
  viewLabel: string;
  viewList: string;
  viewMonth: string;
  /** The kind filter's label. */
  kindLabel: string;
  kinds: Record<MeetingKind, string>;
  /** The words that mark a meeting that will not happen as planned (never colour alone). */
  statuses: Record<Exclude<MeetingStatus, 'scheduled'>, string>;
  /** No upcoming meetings. */
  empty: string;
  /** No meetings at all (with `show-past`). */
  emptyPast: string;
  /** No meetings of the chosen kind. */
  emptyKind: string;
  /** Labels of a meeting's details. */
  time: string;
  kind: string;
  place: string;
  languages: string;
  /** The place of a meeting held only online. */
  online: string;
  /** The link to join online. */
  joinOnline: string;
  /** The registration link. */
  register: string;
  /** After a time when the reader's clock differs from the dataset's zone; `{zone}` is the zone's name. */
  zoneNote: string;
  /** The per-meeting `.ics` download. */
  addToCalendar: string;
  /** The subscription box. */
  subscribeHeading: string;
  /** One sentence on what subscribing does. */
  subscribeText: string;
  /** The `webcal://` link (opens the calendar app). */
  subscribeWebcal: string;
  /** The `https://` address (to paste into a calendar). */
  subscribeHttps: string;
  /** Month navigation. */
  previousMonth: string;
  nextMonth: string;
  today: string;
  /** The week-number column's header. */
  week: string;
  /** A week number's full name; `{n}` is the number. */
  weekNumber: string;
  /** How to use the grid. */
  gridHint: string;
  /** Meetings on a day, in a grid cell. */
  meetingCount: PluralForms;
  /** More meetings than a cell shows. */
  more: PluralForms;
  /** The heading of a chosen day's meetings; `{date}` is the date. */
  dayHeading: string;
  /** A chosen day without meetings. */
  dayEmpty: string;
}

/** The meeting calendar's strings: Swedish here, the other languages loaded when first needed. */
export const meetingCalendarMessages = new Catalogue<MeetingCalendarMessages>({
  sv: {
    label: 'Möteskalender',
    viewLabel: 'Visa som',
    viewList: 'Lista',
    viewMonth: 'Månad',
    kindLabel: 'Typ av möte',
    kinds: {
      'dialogue-meeting': 'Dialogmöte',
      'dialogue-forum': 'Dialogforum',
      'collaboration-group': 'Samverkansgrupp',
      workshop: 'Workshop',
      'information-meeting': 'Informationsmöte',
      other: 'Annat',
    },
    statuses: { cancelled: 'Inställt', postponed: 'Uppskjutet' },
    empty: 'Det finns inga kommande möten.',
    emptyPast: 'Det finns inga möten.',
    emptyKind: 'Det finns inga möten av den här typen.',
    time: 'Tid',
    kind: 'Typ',
    place: 'Plats',
    languages: 'Språk',
    online: 'Digitalt',
    joinOnline: 'Delta digitalt',
    register: 'Anmälan',
    zoneNote: 'Tiden anges i {zone}.',
    addToCalendar: 'Lägg till i kalendern',
    subscribeHeading: 'Prenumerera på kalendern',
    subscribeText: 'Prenumererar du visas nya och ändrade möten automatiskt i din kalender, och inställda möten tas bort.',
    subscribeWebcal: 'Prenumerera i kalenderappen',
    subscribeHttps: 'Kalenderns adress (för att klistra in i en kalender)',
    previousMonth: 'Föregående månad',
    nextMonth: 'Nästa månad',
    today: 'I dag',
    week: 'Vecka',
    weekNumber: 'Vecka {n}',
    gridHint: 'Piltangenterna flyttar mellan dagar, Page Up och Page Down mellan månader. Enter visar dagens möten.',
    meetingCount: { one: '{n} möte', other: '{n} möten' },
    more: { one: '{n} till', other: '{n} till' },
    dayHeading: 'Möten {date}',
    dayEmpty: 'Inga möten den här dagen.',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
