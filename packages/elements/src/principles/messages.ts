import type { CommitmentParty } from '@samverkan/sdk';
import type { Catalogue, PluralForms } from '../translations/catalogue.js';

/** The principles element's UI strings. */
export interface PrinciplesMessages {
  /** When and by whom the agreement was adopted: `{date}`, `{municipality}`. */
  adopted: string;
  /** How often the agreement is revised; `{n}` years. */
  revision: PluralForms;
  /** How often a development plan is made; `{n}` years. */
  developmentPlan: PluralForms;
  /** The link to the agreement's full text. */
  document: string;
  /** The principles' heading. */
  principlesHeading: string;
  /** The headings of the commitments, by party. */
  parties: Record<CommitmentParty, string>;
  /** The visible deep link of a principle. */
  link: string;
  /** No principles in the data. */
  noPrinciples: string;
  /** The development areas' heading. */
  areasHeading: string;
  /** The label before an area's goal. */
  goal: string;
  /** The heading of an area's actions. */
  actions: string;
}

/** The principles element's strings in sv, en, fi and ar. */
export const principlesMessages: Catalogue<PrinciplesMessages> = {
  sv: {
    adopted: 'Antagen {date} av {municipality}.',
    revision: { one: 'Överenskommelsen revideras varje år.', other: 'Överenskommelsen revideras med {n} års mellanrum.' },
    developmentPlan: { one: 'En utvecklingsplan tas fram varje år.', other: 'En utvecklingsplan tas fram med {n} års mellanrum.' },
    document: 'Läs hela överenskommelsen',
    principlesHeading: 'Principer',
    parties: { municipality: 'Kommunen åtar sig', 'civil-society': 'Den idéburna sektorn åtar sig', both: 'Tillsammans åtar vi oss' },
    link: 'Direktlänk till principen',
    noPrinciples: 'Uppgifterna innehåller inga principer.',
    areasHeading: 'Utvecklingsområden',
    goal: 'Mål',
    actions: 'Aktiviteter',
  },
  en: {
    adopted: 'Adopted on {date} by {municipality}.',
    revision: { one: 'The agreement is revised every year.', other: 'The agreement is revised every {n} years.' },
    developmentPlan: { one: 'A development plan is drawn up every year.', other: 'A development plan is drawn up every {n} years.' },
    document: 'Read the whole agreement',
    principlesHeading: 'Principles',
    parties: { municipality: 'The municipality commits', 'civil-society': 'Civil society commits', both: 'Together we commit' },
    link: 'Direct link to this principle',
    noPrinciples: 'The information contains no principles.',
    areasHeading: 'Development areas',
    goal: 'Goal',
    actions: 'Actions',
  },
  fi: {
    adopted: 'Hyväksytty {date}, {municipality}.',
    revision: { one: 'Sopimus tarkistetaan joka vuosi.', other: 'Sopimus tarkistetaan {n} vuoden välein.' },
    developmentPlan: { one: 'Kehittämissuunnitelma laaditaan joka vuosi.', other: 'Kehittämissuunnitelma laaditaan {n} vuoden välein.' },
    document: 'Lue koko sopimus',
    principlesHeading: 'Periaatteet',
    parties: { municipality: 'Kunta sitoutuu', 'civil-society': 'Järjestösektori sitoutuu', both: 'Yhdessä sitoudumme' },
    link: 'Suora linkki periaatteeseen',
    noPrinciples: 'Tiedoissa ei ole periaatteita.',
    areasHeading: 'Kehittämisalueet',
    goal: 'Tavoite',
    actions: 'Toimenpiteet',
  },
  ar: {
    adopted: 'اعتمدتها {municipality} في {date}.',
    revision: {
      one: 'تُراجَع الاتفاقية كل سنة.',
      two: 'تُراجَع الاتفاقية كل سنتين.',
      few: 'تُراجَع الاتفاقية كل {n} سنوات.',
      other: 'تُراجَع الاتفاقية كل {n} سنة.',
    },
    developmentPlan: {
      one: 'تُعدّ خطة تطوير كل سنة.',
      two: 'تُعدّ خطة تطوير كل سنتين.',
      few: 'تُعدّ خطة تطوير كل {n} سنوات.',
      other: 'تُعدّ خطة تطوير كل {n} سنة.',
    },
    document: 'اقرأ الاتفاقية كاملة',
    principlesHeading: 'المبادئ',
    parties: { municipality: 'تلتزم البلدية', 'civil-society': 'يلتزم المجتمع المدني', both: 'نلتزم معًا' },
    link: 'رابط مباشر إلى هذا المبدأ',
    noPrinciples: 'لا تحتوي المعلومات على مبادئ.',
    areasHeading: 'مجالات التطوير',
    goal: 'الهدف',
    actions: 'الإجراءات',
  },
};
