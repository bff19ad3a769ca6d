import { Catalogue } from '../translations/catalogue.js';
import type { FormLaterMessages } from '../internal/form-steps.js';
import type { FieldName } from './fields.js';
import type { ProblemKind } from './validation.js';

/** The opportunity form's strings of the steps after answering: the problems, the review, sending and the confirmation. */
export interface OpportunityLaterMessages extends FormLaterMessages<FieldName, ProblemKind> {
  /** Any field whose text holds an invisible control character (the SDK's text-safety rule). */
  unsafeText: string;
}

/**
 * The opportunity form's later strings: Swedish here, loaded with the later
 * steps (later.ts) when the reader starts answering; the other languages
 * are the same modules as the form's first strings (one file per language).
 */
export const opportunityLaterMessages = new Catalogue<OpportunityLaterMessages>({
  sv: {
    problems: {
      orgNumber: {
        required: 'Skriv organisationsnumret',
        format: 'Organisationsnumret ska ha 10 siffror, till exempel 802000-1239',
        legalPerson: 'Det här är ett personnummer. Skriv organisationens nummer: den tredje siffran är 2 eller högre',
        checkDigit: 'Den sista siffran stämmer inte. Kontrollera organisationsnumret mot registreringsbeviset',
        notSignatory: 'Organisationen har inte undertecknat överenskommelsen, så den kan inte lägga upp uppdrag. Kontrollera numret, eller ansök om att underteckna först',
        invalid: 'Kontrollera organisationsnumret',
      },
      title: { required: 'Skriv en rubrik', tooLong: 'Rubriken får vara högst 200 tecken', invalid: 'Skriv en rubrik' },
      description: { required: 'Beskriv uppdraget', tooLong: 'Beskrivningen får vara högst 2 000 tecken', invalid: 'Beskriv uppdraget' },
      districts: { tooLong: 'Varje stadsdel får vara högst 100 tecken', tooMany: 'Skriv högst 30 stadsdelar', invalid: 'Kontrollera stadsdelarna' },
      activities: { tooLong: 'Varje verksamhet får vara högst 100 tecken', tooMany: 'Skriv högst 30 verksamheter', invalid: 'Kontrollera verksamheterna' },
      languages: { invalid: 'Kontrollera språken' },
      timeCommitment: { tooLong: 'Tiden får beskrivas med högst 200 tecken', invalid: 'Kontrollera hur mycket tid' },
      start: { invalid: 'Skriv startdatumet som ett datum, till exempel 2027-01-15' },
      end: { beforeStart: 'Slutdatumet kan inte vara före startdatumet', invalid: 'Skriv slutdatumet som ett datum, till exempel 2027-06-15' },
      validThrough: { required: 'Skriv sista dagen uppdraget ska visas', past: 'Sista dagen har redan passerat. Välj ett senare datum', invalid: 'Skriv sista dagen som ett datum, till exempel 2027-05-31' },
      contactEmail: { noContact: 'Fyll i minst ett sätt att nå er: e-post, telefon eller webbsida', invalid: 'Skriv e-postadressen i rätt form, till exempel volontar@forening.example.org' },
      contactPhone: { invalid: 'Skriv ett telefonnummer med 6 till 15 siffror, till exempel 08-123 456 78' },
      contactUrl: { invalid: 'Skriv en webbadress, till exempel https://forening.example.org/volontar' },
      consent: { required: 'Kryssa i rutan om kontaktuppgifterna får visas', invalid: 'Kryssa i rutan om kontaktuppgifterna får visas' },
    },
    unsafeText: 'Texten innehåller ett osynligt styrtecken som kan vända eller dölja text (till exempel från en kopierad text). Skriv texten på nytt',
    errorPrefix: 'Fel:',
    summaryTitle: 'Något behöver rättas',
    otherProblem: 'Uppdraget kunde inte tas emot som det är. Kontrollera svaren och försök igen.',
    reviewTitle: 'Kontrollera dina svar innan du skickar',
    reviewIntro: 'Ändra det som inte stämmer. Inget skickas förrän du väljer Skicka uppdraget.',
    change: 'Ändra',
    notGiven: 'Inte angivet',
    yes: 'Ja',
    send: 'Skicka uppdraget',
    sending: 'Skickar uppdraget …',
    networkTitle: 'Uppdraget kunde inte skickas',
    networkText: 'Det gick inte att nå kommunens server. Dina svar finns kvar. Kontrollera internetanslutningen och försök igen.',
    tryAgain: 'Försök igen',
    rateTitle: 'För många uppdrag just nu',
    rateText: 'Det har skickats för många uppdrag från den här anslutningen. Dina svar finns kvar. Försök igen om en stund.',
    serverTitle: 'Uppdraget kunde inte tas emot',
    serverText: 'Kommunens server svarade med ett fel (HTTP {status}). Dina svar finns kvar. Försök igen om en stund.',
    reusedText: 'En tidigare version av uppdraget kom fram innan anslutningen bröts, så ändringarna efter det skickades inte. Kontakta kommunen om något behöver rättas.',
    notConfigured: 'Formuläret är inte kopplat till någon server. Kontakta den som ansvarar för webbplatsen.',
    successTitle: 'Uppdraget är skickat',
    successReference: 'Referensnummer:',
    successNextTitle: 'Vad händer nu',
    successNext: 'Kommunen granskar uppdraget. När det är godkänt visas det på volontärtavlan fram till den sista dagen ni angav.',
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
