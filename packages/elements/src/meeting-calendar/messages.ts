import type { MeetingKind, MeetingStatus } from '@samverkan/sdk';
import type { Catalogue, PluralForms } from '../translations/catalogue.js';

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

/** The meeting calendar's strings in sv, en, fi and ar. */
export const meetingCalendarMessages: Catalogue<MeetingCalendarMessages> = {
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
  en: {
    label: 'Meeting calendar',
    viewLabel: 'Show as',
    viewList: 'List',
    viewMonth: 'Month',
    kindLabel: 'Type of meeting',
    kinds: {
      'dialogue-meeting': 'Dialogue meeting',
      'dialogue-forum': 'Dialogue forum',
      'collaboration-group': 'Collaboration group',
      workshop: 'Workshop',
      'information-meeting': 'Information meeting',
      other: 'Other',
    },
    statuses: { cancelled: 'Cancelled', postponed: 'Postponed' },
    empty: 'There are no upcoming meetings.',
    emptyPast: 'There are no meetings.',
    emptyKind: 'There are no meetings of this type.',
    time: 'Time',
    kind: 'Type',
    place: 'Place',
    languages: 'Languages',
    online: 'Online',
    joinOnline: 'Join online',
    register: 'Registration',
    zoneNote: 'Times are in {zone}.',
    addToCalendar: 'Add to calendar',
    subscribeHeading: 'Subscribe to the calendar',
    subscribeText: 'If you subscribe, new and changed meetings appear in your calendar by themselves, and cancelled ones are removed.',
    subscribeWebcal: 'Subscribe in your calendar app',
    subscribeHttps: 'The calendar’s address (to paste into a calendar)',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'Today',
    week: 'Week',
    weekNumber: 'Week {n}',
    gridHint: 'Arrow keys move between days, Page Up and Page Down between months. Enter shows the day’s meetings.',
    meetingCount: { one: '{n} meeting', other: '{n} meetings' },
    more: { one: '{n} more', other: '{n} more' },
    dayHeading: 'Meetings on {date}',
    dayEmpty: 'No meetings on this day.',
  },
  fi: {
    label: 'Kokouskalenteri',
    viewLabel: 'Näytä',
    viewList: 'Luettelona',
    viewMonth: 'Kuukausina',
    kindLabel: 'Kokouksen tyyppi',
    kinds: {
      'dialogue-meeting': 'Dialogikokous',
      'dialogue-forum': 'Dialogifoorumi',
      'collaboration-group': 'Yhteistyöryhmä',
      workshop: 'Työpaja',
      'information-meeting': 'Infotilaisuus',
      other: 'Muu',
    },
    statuses: { cancelled: 'Peruttu', postponed: 'Siirretty' },
    empty: 'Tulevia kokouksia ei ole.',
    emptyPast: 'Kokouksia ei ole.',
    emptyKind: 'Tämän tyyppisiä kokouksia ei ole.',
    time: 'Aika',
    kind: 'Tyyppi',
    place: 'Paikka',
    languages: 'Kielet',
    online: 'Verkossa',
    joinOnline: 'Osallistu verkossa',
    register: 'Ilmoittautuminen',
    zoneNote: 'Aikavyöhyke: {zone}.',
    addToCalendar: 'Lisää kalenteriin',
    subscribeHeading: 'Tilaa kalenteri',
    subscribeText: 'Kun tilaat kalenterin, uudet ja muuttuneet kokoukset päivittyvät kalenteriisi itsestään ja perutut poistuvat.',
    subscribeWebcal: 'Tilaa kalenterisovelluksessa',
    subscribeHttps: 'Kalenterin osoite (liitettäväksi kalenteriin)',
    previousMonth: 'Edellinen kuukausi',
    nextMonth: 'Seuraava kuukausi',
    today: 'Tänään',
    week: 'Viikko',
    weekNumber: 'Viikko {n}',
    gridHint: 'Nuolinäppäimet siirtävät päivästä toiseen, Page Up ja Page Down kuukaudesta toiseen. Enter näyttää päivän kokoukset.',
    meetingCount: { one: '{n} kokous', other: '{n} kokousta' },
    more: { one: '{n} lisää', other: '{n} lisää' },
    dayHeading: 'Kokoukset {date}',
    dayEmpty: 'Tälle päivälle ei ole kokouksia.',
  },
  ar: {
    label: 'تقويم الاجتماعات',
    viewLabel: 'طريقة العرض',
    viewList: 'قائمة',
    viewMonth: 'شهر',
    kindLabel: 'نوع الاجتماع',
    kinds: {
      'dialogue-meeting': 'اجتماع حوار',
      'dialogue-forum': 'منتدى حوار',
      'collaboration-group': 'مجموعة التعاون',
      workshop: 'ورشة عمل',
      'information-meeting': 'اجتماع إعلامي',
      other: 'أخرى',
    },
    statuses: { cancelled: 'أُلغي', postponed: 'أُجّل' },
    empty: 'لا توجد اجتماعات قادمة.',
    emptyPast: 'لا توجد اجتماعات.',
    emptyKind: 'لا توجد اجتماعات من هذا النوع.',
    time: 'الوقت',
    kind: 'النوع',
    place: 'المكان',
    languages: 'اللغات',
    online: 'عبر الإنترنت',
    joinOnline: 'المشاركة عبر الإنترنت',
    register: 'التسجيل',
    zoneNote: 'الأوقات حسب {zone}.',
    addToCalendar: 'إضافة إلى التقويم',
    subscribeHeading: 'الاشتراك في التقويم',
    subscribeText: 'عند الاشتراك تظهر الاجتماعات الجديدة والمعدّلة في تقويمك تلقائيًا، وتُحذف الاجتماعات الملغاة.',
    subscribeWebcal: 'الاشتراك في تطبيق التقويم',
    subscribeHttps: 'عنوان التقويم (للصقه في تقويم)',
    previousMonth: 'الشهر السابق',
    nextMonth: 'الشهر التالي',
    today: 'اليوم',
    week: 'الأسبوع',
    weekNumber: 'الأسبوع {n}',
    gridHint: 'تنقّل بين الأيام بمفاتيح الأسهم، وبين الأشهر بمفتاحي Page Up وPage Down. يعرض مفتاح Enter اجتماعات اليوم.',
    meetingCount: { zero: 'لا اجتماعات', one: 'اجتماع واحد', two: 'اجتماعان', few: '{n} اجتماعات', many: '{n} اجتماعًا', other: '{n} اجتماع' },
    more: { other: '{n} إضافية' },
    dayHeading: 'اجتماعات {date}',
    dayEmpty: 'لا توجد اجتماعات في هذا اليوم.',
  },
};
