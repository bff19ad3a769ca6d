import type { SignatureVia } from '@samverkan/sdk';
import { Catalogue, type PluralForms } from '../translations/catalogue.js';

/** The signatory list's UI strings. */
export interface SignatoryListMessages {
  /** The region's accessible name. */
  label: string;
  /** The search field's label. */
  searchLabel: string;
  /** The hint under the search field. */
  searchHint: string;
  formLabel: string;
  districtLabel: string;
  activityLabel: string;
  /** The result count; `{n}` results of `{total}`. */
  count: PluralForms;
  /** The result count when nothing narrows the list. */
  countAll: PluralForms;
  /** Nothing matched. */
  empty: string;
  /** The button that clears the search and filters. */
  clear: string;
  /** Item labels. */
  form: string;
  districts: string;
  website: string;
  /** When and how it signed: `{date}` and `{via}`. */
  signed: string;
  /** For a non-signatory, shown with `include-non-signatories`. */
  notSigned: string;
  via: Record<SignatureVia, string>;
}

/** The signatory list's strings: Swedish here, the other languages loaded when first needed. */
export const signatoryListMessages = new Catalogue<SignatoryListMessages>({
  sv: {
    label: 'Organisationer som undertecknat överenskommelsen',
    searchLabel: 'Sök organisation',
    searchHint: 'Namn, verksamhet eller stadsdel. Stora och små bokstäver och accenter spelar ingen roll.',
    formLabel: 'Organisationsform',
    districtLabel: 'Stadsdel',
    activityLabel: 'Verksamhet',
    count: { one: '{n} organisation av {total}', other: '{n} organisationer av {total}' },
    countAll: { one: '{n} organisation', other: '{n} organisationer' },
    empty: 'Ingen organisation matchar sökningen.',
    clear: 'Rensa sökning och filter',
    form: 'Form',
    districts: 'Stadsdelar',
    website: 'Webbplats',
    signed: 'Undertecknade {date} {via}',
    notSigned: 'Har inte undertecknat överenskommelsen',
    via: {
      adoption: 'när överenskommelsen antogs',
      'dialogue-forum': 'vid ett dialogforum',
      'written-application': 'genom skriftlig ansökan',
    },
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
