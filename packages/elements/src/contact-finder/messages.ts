import type { Catalogue, PluralForms } from '../translations/catalogue.js';

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

/** The contact finder's strings in sv, en, fi and ar. */
export const contactFinderMessages: Catalogue<ContactFinderMessages> = {
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
  en: {
    label: 'Find the right contact person at the municipality',
    searchLabel: 'What do you need help with?',
    searchHint: 'Search by topic (for example grants, premises or volunteers), name, department or language.',
    countAll: { one: '{n} contact person', other: '{n} contact people' },
    countFound: { one: '{n} contact person found', other: '{n} contact people found' },
    empty: 'No contact person matches “{query}”.',
    emptyGeneral: 'Please contact {name}, who will help you further:',
    emptyNoGeneral: 'Try other words, for example a topic or a department.',
    unit: 'Unit',
    topics: 'Topics',
    email: 'Email',
    phone: 'Phone',
    website: 'Website',
    languages: 'Speaks',
  },
  fi: {
    label: 'Löydä oikea yhteyshenkilö kunnasta',
    searchLabel: 'Missä tarvitset apua?',
    searchHint: 'Hae aiheella (esimerkiksi avustukset, tilat tai vapaaehtoiset), nimellä, hallinnolla tai kielellä.',
    countAll: { one: '{n} yhteyshenkilö', other: '{n} yhteyshenkilöä' },
    countFound: { one: '{n} yhteyshenkilö löytyi', other: '{n} yhteyshenkilöä löytyi' },
    empty: 'Mikään yhteyshenkilö ei vastaa hakua ”{query}”.',
    emptyGeneral: 'Ota yhteyttä: {name}. Sieltä autetaan eteenpäin:',
    emptyNoGeneral: 'Kokeile muita sanoja, esimerkiksi aihetta tai hallintoa.',
    unit: 'Yksikkö',
    topics: 'Aiheet',
    email: 'Sähköposti',
    phone: 'Puhelin',
    website: 'Verkkosivusto',
    languages: 'Puhuu',
  },
  ar: {
    label: 'اعثر على الشخص المناسب للتواصل في البلدية',
    searchLabel: 'بماذا تحتاج المساعدة؟',
    searchHint: 'ابحث حسب الموضوع (مثل المنح أو المقرات أو المتطوعين) أو الاسم أو الإدارة أو اللغة.',
    countAll: { zero: 'لا أشخاص للتواصل', one: 'شخص واحد للتواصل', two: 'شخصان للتواصل', few: '{n} أشخاص للتواصل', other: '{n} شخصًا للتواصل' },
    countFound: {
      zero: 'لم يُعثر على أي شخص للتواصل',
      one: 'عُثر على شخص واحد للتواصل',
      two: 'عُثر على شخصين للتواصل',
      few: 'عُثر على {n} أشخاص للتواصل',
      other: 'عُثر على {n} شخصًا للتواصل',
    },
    empty: 'لا يوجد شخص للتواصل يطابق «{query}».',
    emptyGeneral: 'يُرجى التواصل مع {name} للمساعدة:',
    emptyNoGeneral: 'جرّب كلمات أخرى، مثل موضوع أو إدارة.',
    unit: 'الوحدة',
    topics: 'المواضيع',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    website: 'الموقع الإلكتروني',
    languages: 'يتحدث',
  },
};
