import type { CommitmentParty } from '@samverkan/sdk';
import { Catalogue, type PluralForms } from '../translations/catalogue.js';

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

/** The principles element's strings: Swedish here, the other languages loaded when first needed. */
export const principlesMessages = new Catalogue<PrinciplesMessages>({
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
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
