import { Catalogue } from '../translations/catalogue.js';
import type { FieldName } from './fields.js';
import type { FormMessages } from '../internal/form-element.js';
import type { OpportunityLaterMessages } from './messages.later.js';

/**
 * The opportunity form's UI strings, each language but Swedish in one module
 * (`messages.en.ts`, …): those of its first render ({@link OpportunityFormFirstMessages})
 * and those of the steps after answering ({@link OpportunityLaterMessages}).
 */
export interface OpportunityFormMessages extends OpportunityFormFirstMessages, OpportunityLaterMessages {}

/** The opportunity form's strings for its first render: the strings every form has, and its own. */
export interface OpportunityFormFirstMessages extends FormMessages<FieldName> {
  title: string;
  intro: string;
  organisationLegend: string;
  whatLegend: string;
  whenLegend: string;
  contactLegend: string;
  /** Under the contact legend: at least one way, and that it is published. */
  contactHint: string;
  /** The signatory found for the number typed (with `src`); `{name}`. */
  signatoryFound: string;
}

/**
 * The opportunity form's first strings: Swedish here, the other languages
 * loaded when first needed; those of the later steps are in messages.later.ts.
 */
export const opportunityFormMessages = new Catalogue<OpportunityFormFirstMessages>({
  sv: {
    title: 'Lägg upp ett volontäruppdrag',
    intro: 'Organisationer som undertecknat överenskommelsen kan lägga upp uppdrag på kommunens volontärtavla. Kommunen granskar uppdraget innan det visas. Innan du skickar får du kontrollera dina svar.',
    optional: '(frivilligt)',
    organisationLegend: 'Organisationen',
    whatLegend: 'Uppdraget',
    whenLegend: 'När',
    contactLegend: 'Hur når man er?',
    contactHint: 'Fyll i minst ett sätt. Det visas tillsammans med uppdraget.',
    fields: {
      orgNumber: { label: 'Organisationsnummer', hint: '10 siffror, till exempel 802000-1239. Bara organisationer som undertecknat överenskommelsen kan lägga upp uppdrag.' },
      title: { label: 'Rubrik', hint: 'Vad volontären ska göra, till exempel Läxhjälpare i matematik' },
      description: { label: 'Beskrivning', hint: 'Vad uppdraget innebär och vem ni söker.' },
      districts: { label: 'Var', hint: 'Stadsdelar eller orter, skilda med kommatecken, till exempel Centrum, Hovsjö' },
      activities: { label: 'Verksamhet', hint: 'Skilj med kommatecken, till exempel läxhjälp, idrott' },
      languages: { label: 'Språk volontären kan använda' },
      timeCommitment: { label: 'Hur mycket tid', hint: 'Till exempel 2 timmar i veckan' },
      start: { label: 'Startdatum' },
      end: { label: 'Slutdatum' },
      validThrough: { label: 'Sista dag uppdraget visas' },
      contactEmail: { label: 'E-postadress' },
      contactPhone: { label: 'Telefonnummer' },
      contactUrl: { label: 'Webbsida om uppdraget', hint: 'Till exempel https://forening.example.org/volontar' },
      consent: { label: 'Kontaktuppgifterna får visas tillsammans med uppdraget på kommunens webbplats' },
    },
    signatoryFound: 'Undertecknare: {name}',
    continue: 'Fortsätt',
    loadFailedTitle: 'Formuläret kunde inte laddas klart',
    loadFailedText: 'Det gick inte att hämta resten av formuläret. Dina svar finns kvar. Kontrollera internetanslutningen och välj Fortsätt igen.',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
