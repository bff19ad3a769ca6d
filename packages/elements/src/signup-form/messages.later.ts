import { Catalogue } from '../translations/catalogue.js';
import type { FormLaterMessages } from '../internal/form-steps.js';
import type { FieldName } from './fields.js';
import type { ProblemKind } from './validation.js';

/** The signup form's strings of the steps after answering: the problems, the review, sending and the confirmation. */
export interface SignupLaterMessages extends FormLaterMessages<FieldName, ProblemKind> {
  /** The review's heading over the principles, consent and message. */
  reviewOther: string;
  /** `{when}` is "in 45 minutes" in the reader's language, `{time}` the clock time. */
  rateText: string;
  rateTextUnknown: string;
  /** Under the reference: when to give it (it is short enough to read out on the phone). */
  successReferenceHint: string;
}

/**
 * The signup form's later strings: Swedish here, loaded with the later steps
 * (later.ts) when the reader starts answering; the other languages are the
 * same modules as the form's first strings (one file per language).
 */
export const signupLaterMessages = new Catalogue<SignupLaterMessages>({
  sv: {
    problems: {
      orgName: { required: 'Skriv organisationens namn', tooLong: 'Namnet får vara högst 200 tecken', invalid: 'Skriv organisationens namn' },
      orgNumber: {
        format: 'Organisationsnumret ska ha 10 siffror, till exempel 802000-1239',
        legalPerson: 'Det här är ett personnummer. Skriv organisationens nummer: den tredje siffran är 2 eller högre',
        checkDigit: 'Den sista siffran stämmer inte. Kontrollera organisationsnumret mot registreringsbeviset',
        invalid: 'Kontrollera organisationsnumret',
      },
      orgForm: { required: 'Välj organisationsform', invalid: 'Välj organisationsform' },
      orgWebsite: { invalid: 'Skriv en webbadress, till exempel https://forening.example.org' },
      orgEmail: { required: 'Skriv organisationens e-postadress', invalid: 'Skriv e-postadressen i rätt form, till exempel info@forening.example.org' },
      orgPhone: { invalid: 'Skriv ett telefonnummer med 6 till 15 siffror, till exempel 08-123 456 78' },
      orgDistricts: { tooLong: 'Varje stadsdel får vara högst 100 tecken', tooMany: 'Skriv högst 30 stadsdelar', invalid: 'Kontrollera stadsdelarna' },
      orgActivities: { tooLong: 'Varje verksamhet får vara högst 100 tecken', tooMany: 'Skriv högst 30 verksamheter', invalid: 'Kontrollera verksamheterna' },
      orgDescription: { tooLong: 'Beskrivningen får vara högst 2 000 tecken', invalid: 'Kontrollera beskrivningen' },
      contactName: { required: 'Skriv kontaktpersonens namn', tooLong: 'Namnet får vara högst 200 tecken', invalid: 'Skriv kontaktpersonens namn' },
      contactEmail: { required: 'Skriv kontaktpersonens e-postadress', invalid: 'Skriv e-postadressen i rätt form, till exempel namn@example.org' },
      contactPhone: { invalid: 'Skriv ett telefonnummer med 6 till 15 siffror, till exempel 070-123 45 67' },
      acceptsPrinciples: { required: 'Kryssa i rutan om ni ställer er bakom principerna', invalid: 'Kryssa i rutan om ni ställer er bakom principerna' },
      consent: { required: 'Kryssa i rutan för att samtycka till att uppgifterna sparas', invalid: 'Kryssa i rutan för att samtycka till att uppgifterna sparas' },
      message: { tooLong: 'Meddelandet får vara högst 2 000 tecken', invalid: 'Kontrollera meddelandet' },
    },
    errorPrefix: 'Fel:',
    summaryTitle: 'Något behöver rättas',
    otherProblem: 'Ansökan kunde inte tas emot som den är. Kontrollera svaren och försök igen.',
    reviewTitle: 'Kontrollera dina svar innan du skickar',
    reviewIntro: 'Ändra det som inte stämmer. Inget skickas förrän du väljer Skicka ansökan.',
    reviewOther: 'Principer, samtycke och meddelande',
    change: 'Ändra',
    notGiven: 'Inte angivet',
    yes: 'Ja',
    send: 'Skicka ansökan',
    sending: 'Skickar ansökan …',
    networkTitle: 'Ansökan kunde inte skickas',
    networkText: 'Det gick inte att nå kommunens server. Dina svar finns kvar. Kontrollera internetanslutningen och försök igen.',
    tryAgain: 'Försök igen',
    rateTitle: 'För många ansökningar just nu',
    rateText: 'Det har skickats för många ansökningar från den här anslutningen. Dina svar finns kvar. Försök igen {when} (klockan {time}).',
    rateTextUnknown: 'Det har skickats för många ansökningar från den här anslutningen. Dina svar finns kvar. Försök igen om en stund.',
    serverTitle: 'Ansökan kunde inte tas emot',
    serverText: 'Kommunens server svarade med ett fel (HTTP {status}). Dina svar finns kvar. Försök igen om en stund.',
    reusedText: 'En tidigare version av ansökan kom fram innan anslutningen bröts, så ändringarna efter det skickades inte. Kontakta kommunen om något behöver rättas.',
    notConfigured: 'Formuläret är inte kopplat till någon server. Kontakta den som ansvarar för webbplatsen.',
    successTitle: 'Ansökan är skickad',
    successReference: 'Ansökans referens:',
    successReferenceHint: 'Uppge referensen om ni ringer eller skriver till kommunen om ansökan.',
    successNextTitle: 'Vad händer nu',
    successNext: 'Kommunen går igenom ansökan och hör av sig till kontaktpersonen. När ansökan är godkänd visas organisationen bland dem som undertecknat överenskommelsen.',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
