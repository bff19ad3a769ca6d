import { Catalogue, type PluralForms } from '../translations/catalogue.js';

/** The contact finder's UI strings. */
export interface ContactFinderMessages {
  /** The region's accessible name. */
  label: string;
  /** The search field's label. */
  searchLabel: string;
  /** The hint under the search field. */
  searchHint: string;
  /** The count with no search: every contact. */
  countAll: PluralForms;
  /** The count of a search's results. */
  countFound: PluralForms;
  /** Nothing matched; `{query}` is what the reader typed. */
  empty: string;
  /** Leads to the general contact. */
  emptyGeneral: string;
  /** Without a general contact in the data. */
  emptyNoGeneral: string;
  unit: string;
  topics: string;
  email: string;
  phone: string;
  website: string;
  languages: string;
}

/** The contact finder's strings: Swedish here, the other languages loaded when first needed. */
export const contactFinderMessages = new Catalogue<ContactFinderMessages>({
  sv: {
    label: 'Hitta rätt kontaktperson på kommunen',
    searchLabel: 'Vad behöver du hjälp med?',
    searchHint: 'Sök på ämne (till exempel bidrag, lokaler eller volontärer), namn, förvaltning eller språk.',
    countAll: { one: '{n} kontaktperson', other: '{n} kontaktpersoner' },
    countFound: { one: '{n} kontaktperson hittades', other: '{n} kontaktpersoner hittades' },
    empty: 'Ingen kontaktperson matchar ”{query}”.',
    emptyGeneral: 'Kontakta gärna {name}, så hjälper de dig vidare:',
    emptyNoGeneral: 'Pröva med andra ord, till exempel ett ämne eller en förvaltning.',
    unit: 'Enhet',
    topics: 'Ämnen',
    email: 'E-post',
    phone: 'Telefon',
    website: 'Webbplats',
    languages: 'Talar',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
