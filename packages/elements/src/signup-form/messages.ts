import { Catalogue, type PluralForms } from '../translations/catalogue.js';
import type { FieldName } from './fields.js';
import type { FormMessages } from '../internal/form-element.js';
import type { SignupLaterMessages } from './messages.later.js';

/**
 * The signup form's UI strings, each language but Swedish in one module
 * (`messages.en.ts`, …): those of its first render ({@link SignupFormFirstMessages})
 * and those of the steps after answering ({@link SignupLaterMessages}).
 */
export interface SignupFormMessages extends SignupFormFirstMessages, SignupLaterMessages {}

/** The signup form's strings for its first render: the strings every form has, and its own. */
export interface SignupFormFirstMessages extends FormMessages<FieldName> {
  title: string;
  intro: string;
  organisationLegend: string;
  contactLegend: string;
  contactHint: string;
  /** The choice of the organisation form `other` (the other forms are named by the common catalogue's `forms`). */
  otherForm: string;
  principlesTitle: string;
  /** The collapsed list's summary; `{n}` is how many principles. */
  principlesShow: PluralForms;
  principlesLink: string;
  /** The link to the agreement's full text (its `documentUrl`), when the page gives no `principles-url`. */
  agreementLink: string;
  /** Beside a field that is published when the application is approved (the description). */
  publishedNote: string;
  /** Beside the organisation's e-mail and phone, which are published when the application is approved. */
  publishedContactNote: string;
  principlesLoading: string;
  principlesUnavailable: string;
  /** After a link that opens a new tab (so the form stays as it is). */
  newTab: string;
  privacyTitle: string;
  privacyLink: string;
  privacyNoLink: string;
  /** The visible count; `{n}` characters left. */
  charactersLeft: PluralForms;
  /** The visible count over the limit; `{n}` too many. */
  charactersOver: PluralForms;
  /** Read with the message field: the limit. */
  characterLimit: string;
  honeypotLabel: string;
}

/**
 * The signup form's first strings: Swedish here, the other languages loaded
 * when first needed; those of the later steps are in messages.later.ts.
 */
export const signupFormMessages = new Catalogue<SignupFormFirstMessages>({
  sv: {
    title: 'Ansök om att underteckna överenskommelsen',
    intro: 'Fyll i uppgifterna om er organisation och er kontaktperson. Innan du skickar får du se och kontrollera dina svar.',
    optional: '(frivilligt)',
    organisationLegend: 'Organisationen',
    contactLegend: 'Kontaktperson för samverkan',
    contactHint: 'Den person kommunen kontaktar om samverkan.',
    fields: {
      orgName: { label: 'Organisationens namn' },
      orgNumber: { label: 'Organisationsnummer', hint: '10 siffror, till exempel 802000-1239. Finns på registreringsbeviset.' },
      orgForm: { label: 'Organisationsform' },
      orgWebsite: { label: 'Webbplats', hint: 'Till exempel https://forening.example.org' },
      orgEmail: { label: 'Organisationens e-postadress', hint: 'En adress som läses även när styrelsen byts, till exempel info@forening.example.org' },
      orgPhone: { label: 'Organisationens telefonnummer' },
      orgDistricts: { label: 'Stadsdelar eller orter där ni är verksamma', hint: 'Skilj med kommatecken, till exempel Centrum, Hovsjö' },
      orgActivities: { label: 'Verksamhet', hint: 'Vad ni gör, skilt med kommatecken, till exempel läxhjälp, fotboll' },
      orgDescription: { label: 'Kort beskrivning av organisationen' },
      contactName: { label: 'Namn' },
      contactEmail: { label: 'E-postadress' },
      contactPhone: { label: 'Telefonnummer' },
      acceptsPrinciples: { label: 'Vi har läst och ställer oss bakom överenskommelsens principer' },
      consent: { label: 'Jag samtycker till att kommunen sparar uppgifterna i ansökan för att hantera den' },
      message: { label: 'Meddelande till kommunen', hint: 'Något ni vill berätta eller fråga om.' },
    },
    otherForm: 'Annan form',
    principlesTitle: 'Överenskommelsens principer',
    principlesShow: { one: 'Läs principen', other: 'Läs de {n} principerna' },
    principlesLink: 'Läs överenskommelsens principer',
    agreementLink: 'Läs hela överenskommelsen',
    publishedNote: 'Visas offentligt när ansökan är godkänd.',
    publishedContactNote: 'Visas offentligt när ansökan är godkänd. Använd gärna en gemensam adress eller ett gemensamt nummer i stället för någons privata.',
    principlesLoading: 'Hämtar principerna …',
    principlesUnavailable: 'Principerna kunde inte visas just nu.',
    newTab: '(öppnas i en ny flik)',
    privacyTitle: 'Personuppgifter',
    privacyLink: 'Läs hur kommunen hanterar personuppgifter',
    privacyNoLink: 'Kommunen använder uppgifterna bara för att hantera ansökan och samverkan.',
    charactersLeft: { one: 'Du har {n} tecken kvar', other: 'Du har {n} tecken kvar' },
    charactersOver: { one: 'Du har {n} tecken för mycket', other: 'Du har {n} tecken för mycket' },
    characterLimit: 'Du kan skriva upp till {n} tecken.',
    continue: 'Fortsätt',
    loadFailedTitle: 'Formuläret kunde inte laddas klart',
    loadFailedText: 'Det gick inte att hämta resten av formuläret. Dina svar finns kvar. Kontrollera internetanslutningen och välj Fortsätt igen.',
    honeypotLabel: 'Lämna det här fältet tomt',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
