import type { OrganisationForm } from '@samverkan/sdk';
import { Catalogue, type PluralForms } from './catalogue.js';

/** UI strings every element uses: the states, search and paging. */
export interface CommonMessages {
  /** Shown while the dataset loads. */
  loading: string;
  /** The names of the organisation forms (the signatory list's facts and filter, the signup form's review). */
  forms: Record<OrganisationForm, string>;
  /** Said to screen readers when a load that was announced as "loading" has finished. */
  loaded: string;
  /** The heading of the error state. */
  errorTitle: string;
  /** The network failed or the server could not be reached. */
  errorNetwork: string;
  /** The server answered with an HTTP error; `{status}` is its code. */
  errorHttp: string;
  /** The server took too long. */
  errorTimeout: string;
  /** The data was there but could not be read. */
  errorInvalid: string;
  /** The part of the page that checks the data could not be fetched (the connection broke while the page loaded); the retry button fetches it again. */
  errorPartNotLoaded: string;
  /** Any other failure. */
  errorUnknown: string;
  /** The retry button. */
  retry: string;
  /** The stale-data note; `{age}` is "3 hours ago" in the same language. */
  stale: string;
  /** The note when entries were left out because they were invalid. */
  partlyInvalid: PluralForms;
  /** The "show more" button; `{n}` is how many more it shows. */
  showMore: PluralForms;
  /** A filter's option for "no filter". */
  all: string;
  /** The search field's label. */
  search: string;
  /**
   * Names of spoken languages by tag, for the tags `Intl.DisplayNames` has no
   * name for in some browser (Chromium has none for Syriac, `syc`). They come
   * before Intl's, so a language is called the same in every browser.
   */
  languageNames: Readonly<Record<NamedLanguage, string>>;
}

/** The language tags we name ourselves: a union, so the compiler wants each one's name in every UI language. */
export type NamedLanguage = 'syc';

/** The common strings: Swedish here, the other languages loaded when first needed. */
export const commonMessages = new Catalogue<CommonMessages>({
  sv: {
    loading: 'Hämtar uppgifter …',
    forms: {
      'non-profit-association': 'Ideell förening',
      foundation: 'Stiftelse',
      'faith-community': 'Trossamfund',
      'study-association': 'Studieförbund',
      cooperative: 'Kooperativ',
      'popular-movement': 'Folkrörelse',
      other: 'Annan',
    },
    loaded: 'Uppgifterna är hämtade.',
    errorTitle: 'Uppgifterna kunde inte visas',
    errorNetwork: 'Det gick inte att nå servern. Kontrollera internetanslutningen och försök igen.',
    errorHttp: 'Servern svarade med ett fel (HTTP {status}). Försök igen om en stund.',
    errorTimeout: 'Servern svarade inte i tid. Försök igen om en stund.',
    errorInvalid: 'Uppgifterna gick inte att läsa. Kommunen behöver rätta filen.',
    errorPartNotLoaded: 'Den del av sidan som läser uppgifterna kunde inte hämtas. Kontrollera internetanslutningen och välj Försök igen.',
    errorUnknown: 'Något gick fel. Försök igen om en stund.',
    retry: 'Försök igen',
    stale: 'Visar sparade uppgifter, hämtade {age}. De senaste gick inte att hämta.',
    partlyInvalid: {
      one: '{n} post i uppgifterna var felaktig och visas inte.',
      other: '{n} poster i uppgifterna var felaktiga och visas inte.',
    },
    showMore: { one: 'Visa {n} till', other: 'Visa {n} till' },
    all: 'Alla',
    search: 'Sök',
    languageNames: { syc: 'syriska' },
  },
  en: () => import('./common.en.js'),
  fi: () => import('./common.fi.js'),
  ar: () => import('./common.ar.js'),
});
