import { Catalogue, type PluralForms } from '../translations/catalogue.js';

/** The volunteer board's UI strings. */
export interface VolunteerBoardMessages {
  /** The region's accessible name. */
  label: string;
  searchLabel: string;
  searchHint: string;
  districtLabel: string;
  activityLabel: string;
  languageLabel: string;
  /** The result count; `{n}` of `{total}`. */
  count: PluralForms;
  /** The result count when nothing narrows the list. */
  countAll: PluralForms;
  /** Nothing matches the search. */
  empty: string;
  /** No opportunities at all. */
  none: string;
  clear: string;
  /** Fact labels. */
  organisation: string;
  where: string;
  when: string;
  time: string;
  languages: string;
  /** The last day it is shown; `{date}`. */
  validThrough: string;
  /** When there is no start and end: it goes on. */
  ongoing: string;
  /** Only a start; `{date}`. */
  from: string;
  /** Only an end; `{date}`. */
  until: string;
  /** A start and an end; `{start}`, `{end}`. */
  range: string;
  /** The contact's heading. */
  contact: string;
  email: string;
  phone: string;
  website: string;
}

/** The volunteer board's strings: Swedish here, the other languages loaded when first needed. */
export const volunteerBoardMessages = new Catalogue<VolunteerBoardMessages>({
  sv: {
    label: 'Volontäruppdrag hos organisationer som undertecknat överenskommelsen',
    searchLabel: 'Sök uppdrag',
    searchHint: 'Vad du vill göra, organisation eller stadsdel. Stora och små bokstäver och accenter spelar ingen roll.',
    districtLabel: 'Stadsdel',
    activityLabel: 'Verksamhet',
    languageLabel: 'Språk',
    count: { one: '{n} uppdrag av {total}', other: '{n} uppdrag av {total}' },
    countAll: { one: '{n} uppdrag', other: '{n} uppdrag' },
    empty: 'Inget uppdrag matchar sökningen.',
    none: 'Det finns inga volontäruppdrag just nu.',
    clear: 'Rensa sökning och filter',
    organisation: 'Organisation',
    where: 'Var',
    when: 'När',
    time: 'Tid',
    languages: 'Språk',
    validThrough: 'Visas till och med {date}',
    ongoing: 'Löpande',
    from: 'Från {date}',
    until: 'Till och med {date}',
    range: '{start} – {end}',
    contact: 'Kontakt',
    email: 'E-post',
    phone: 'Telefon',
    website: 'Webbplats',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
