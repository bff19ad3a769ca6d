import { Catalogue, type PluralForms } from '../translations/catalogue.js';
import type { FieldName } from './fields.js';
import type { ProblemKind } from './validation.js';
import type { FormMessages } from '../internal/form-element.js';

/** The signup form's UI strings: the strings every form has, and its own. */
export interface SignupFormMessages extends FormMessages<FieldName, ProblemKind> {
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
  /** The review's heading over the principles, consent and message. */
  reviewOther: string;
  /** `{when}` is "in 45 minutes" in the reader's language, `{time}` the clock time. */
  rateText: string;
  rateTextUnknown: string;
  /** Under the reference: when to give it (it is short enough to read out on the phone). */
  successReferenceHint: string;
  honeypotLabel: string;
}

/** The signup form's strings: Swedish here, the other languages loaded when first needed. */
export const signupFormMessages = new Catalogue<SignupFormMessages>({
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
    honeypotLabel: 'Lämna det här fältet tomt',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
