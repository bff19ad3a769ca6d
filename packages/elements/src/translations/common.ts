import type { Catalogue, PluralForms } from './catalogue.js';

/** UI strings every element uses: the states, search and paging. */
export interface CommonMessages {
  /** Shown while the dataset loads. */
  loading: string;
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
}

/** The common strings in sv, en, fi and ar. */
export const commonMessages: Catalogue<CommonMessages> = {
  sv: {
    loading: 'Hämtar uppgifter …',
    errorTitle: 'Uppgifterna kunde inte visas',
    errorNetwork: 'Det gick inte att nå servern. Kontrollera internetanslutningen och försök igen.',
    errorHttp: 'Servern svarade med ett fel (HTTP {status}). Försök igen om en stund.',
    errorTimeout: 'Servern svarade inte i tid. Försök igen om en stund.',
    errorInvalid: 'Uppgifterna gick inte att läsa. Kommunen behöver rätta filen.',
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
  },
  en: {
    loading: 'Loading …',
    errorTitle: 'The information could not be shown',
    errorNetwork: 'The server could not be reached. Check your internet connection and try again.',
    errorHttp: 'The server answered with an error (HTTP {status}). Please try again later.',
    errorTimeout: 'The server did not answer in time. Please try again later.',
    errorInvalid: 'The information could not be read. The municipality needs to correct the file.',
    errorUnknown: 'Something went wrong. Please try again later.',
    retry: 'Try again',
    stale: 'Showing saved information, fetched {age}. The latest could not be loaded.',
    partlyInvalid: {
      one: '{n} entry in the information was invalid and is not shown.',
      other: '{n} entries in the information were invalid and are not shown.',
    },
    showMore: { one: 'Show {n} more', other: 'Show {n} more' },
    all: 'All',
    search: 'Search',
  },
  fi: {
    loading: 'Haetaan tietoja …',
    errorTitle: 'Tietoja ei voitu näyttää',
    errorNetwork: 'Palvelimeen ei saatu yhteyttä. Tarkista internetyhteys ja yritä uudelleen.',
    errorHttp: 'Palvelin vastasi virheellä (HTTP {status}). Yritä myöhemmin uudelleen.',
    errorTimeout: 'Palvelin ei vastannut ajoissa. Yritä myöhemmin uudelleen.',
    errorInvalid: 'Tietoja ei voitu lukea. Kunnan on korjattava tiedosto.',
    errorUnknown: 'Jokin meni vikaan. Yritä myöhemmin uudelleen.',
    retry: 'Yritä uudelleen',
    stale: 'Näytetään tallennetut tiedot, haettu {age}. Uusimpia ei voitu hakea.',
    partlyInvalid: {
      one: '{n} tietue oli virheellinen, eikä sitä näytetä.',
      other: '{n} tietuetta oli virheellisiä, eikä niitä näytetä.',
    },
    showMore: { one: 'Näytä {n} lisää', other: 'Näytä {n} lisää' },
    all: 'Kaikki',
    search: 'Hae',
  },
  ar: {
    loading: 'جارٍ تحميل المعلومات …',
    errorTitle: 'تعذّر عرض المعلومات',
    errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.',
    errorHttp: 'ردّ الخادم بخطأ (HTTP {status}). يُرجى المحاولة لاحقًا.',
    errorTimeout: 'لم يردّ الخادم في الوقت المحدد. يُرجى المحاولة لاحقًا.',
    errorInvalid: 'تعذّرت قراءة المعلومات. يجب على البلدية تصحيح الملف.',
    errorUnknown: 'حدث خطأ ما. يُرجى المحاولة لاحقًا.',
    retry: 'حاول مرة أخرى',
    stale: 'تُعرض معلومات محفوظة جُلبت {age}. تعذّر تحميل أحدث المعلومات.',
    partlyInvalid: {
      zero: 'لا توجد إدخالات غير صالحة.',
      one: 'إدخال واحد في المعلومات غير صالح ولا يُعرض.',
      two: 'إدخالان في المعلومات غير صالحين ولا يُعرضان.',
      few: '{n} إدخالات في المعلومات غير صالحة ولا تُعرض.',
      other: '{n} إدخالًا في المعلومات غير صالح ولا يُعرض.',
    },
    showMore: { other: 'عرض {n} إضافية' },
    all: 'الكل',
    search: 'بحث',
  },
};
