import type { OrganisationForm, SignatureVia } from '@samverkan/sdk';
import type { Catalogue, PluralForms } from '../translations/catalogue.js';

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
  forms: Record<OrganisationForm, string>;
  via: Record<SignatureVia, string>;
}

/** The signatory list's strings in sv, en, fi and ar. */
export const signatoryListMessages: Catalogue<SignatoryListMessages> = {
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
    forms: {
      'non-profit-association': 'Ideell förening',
      foundation: 'Stiftelse',
      'faith-community': 'Trossamfund',
      'study-association': 'Studieförbund',
      cooperative: 'Kooperativ',
      'popular-movement': 'Folkrörelse',
      other: 'Annan',
    },
    via: {
      adoption: 'när överenskommelsen antogs',
      'dialogue-forum': 'vid ett dialogforum',
      'written-application': 'genom skriftlig ansökan',
    },
  },
  en: {
    label: 'Organisations that have signed the agreement',
    searchLabel: 'Search organisations',
    searchHint: 'Name, activity or district. Case and accents do not matter.',
    formLabel: 'Type of organisation',
    districtLabel: 'District',
    activityLabel: 'Activity',
    count: { one: '{n} organisation of {total}', other: '{n} organisations of {total}' },
    countAll: { one: '{n} organisation', other: '{n} organisations' },
    empty: 'No organisation matches the search.',
    clear: 'Clear search and filters',
    form: 'Type',
    districts: 'Districts',
    website: 'Website',
    signed: 'Signed {date} {via}',
    notSigned: 'Has not signed the agreement',
    forms: {
      'non-profit-association': 'Non-profit association',
      foundation: 'Foundation',
      'faith-community': 'Faith community',
      'study-association': 'Study association',
      cooperative: 'Cooperative',
      'popular-movement': 'Popular movement',
      other: 'Other',
    },
    via: {
      adoption: 'when the agreement was adopted',
      'dialogue-forum': 'at a dialogue forum',
      'written-application': 'by written application',
    },
  },
  fi: {
    label: 'Sopimuksen allekirjoittaneet järjestöt',
    searchLabel: 'Hae järjestöä',
    searchHint: 'Nimi, toiminta tai kaupunginosa. Isoilla ja pienillä kirjaimilla tai tarkkeilla ei ole väliä.',
    formLabel: 'Järjestömuoto',
    districtLabel: 'Kaupunginosa',
    activityLabel: 'Toiminta',
    count: { one: '{n} järjestö / {total}', other: '{n} järjestöä / {total}' },
    countAll: { one: '{n} järjestö', other: '{n} järjestöä' },
    empty: 'Yksikään järjestö ei vastaa hakua.',
    clear: 'Tyhjennä haku ja suodattimet',
    form: 'Muoto',
    districts: 'Kaupunginosat',
    website: 'Verkkosivusto',
    signed: 'Allekirjoitettu {date} {via}',
    notSigned: 'Ei ole allekirjoittanut sopimusta',
    forms: {
      'non-profit-association': 'Aatteellinen yhdistys',
      foundation: 'Säätiö',
      'faith-community': 'Uskonnollinen yhdyskunta',
      'study-association': 'Opintokeskus',
      cooperative: 'Osuuskunta',
      'popular-movement': 'Kansanliike',
      other: 'Muu',
    },
    via: {
      adoption: 'sopimuksen hyväksymisen yhteydessä',
      'dialogue-forum': 'dialogifoorumissa',
      'written-application': 'kirjallisella hakemuksella',
    },
  },
  ar: {
    label: 'المنظمات الموقّعة على الاتفاقية',
    searchLabel: 'البحث عن منظمة',
    searchHint: 'الاسم أو النشاط أو الحي. لا أهمية لحالة الأحرف أو علامات التشكيل.',
    formLabel: 'نوع المنظمة',
    districtLabel: 'الحي',
    activityLabel: 'النشاط',
    count: {
      zero: 'لا منظمات من أصل {total}',
      one: 'منظمة واحدة من أصل {total}',
      two: 'منظمتان من أصل {total}',
      few: '{n} منظمات من أصل {total}',
      other: '{n} منظمة من أصل {total}',
    },
    countAll: { zero: 'لا منظمات', one: 'منظمة واحدة', two: 'منظمتان', few: '{n} منظمات', other: '{n} منظمة' },
    empty: 'لا توجد منظمة تطابق البحث.',
    clear: 'مسح البحث وعوامل التصفية',
    form: 'النوع',
    districts: 'الأحياء',
    website: 'الموقع الإلكتروني',
    signed: 'وقّعت في {date} {via}',
    notSigned: 'لم توقّع على الاتفاقية',
    forms: {
      'non-profit-association': 'جمعية غير ربحية',
      foundation: 'مؤسسة',
      'faith-community': 'جماعة دينية',
      'study-association': 'رابطة تعليمية',
      cooperative: 'تعاونية',
      'popular-movement': 'حركة شعبية',
      other: 'أخرى',
    },
    via: {
      adoption: 'عند اعتماد الاتفاقية',
      'dialogue-forum': 'في منتدى حوار',
      'written-application': 'بطلب كتابي',
    },
  },
};
