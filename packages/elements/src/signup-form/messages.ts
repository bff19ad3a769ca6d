import type { OrganisationForm } from '@samverkan/sdk';
import type { Catalogue, PluralForms } from '../translations/catalogue.js';
import type { FieldName } from './fields.js';
import type { ProblemKind } from './validation.js';

/** A field's label and, where a person might hesitate, a hint. */
export interface FieldText {
  label: string;
  hint?: string;
}

/** A field's error messages by kind of problem; `invalid` is the fallback for any kind it lacks. */
export type ProblemTexts = Partial<Record<ProblemKind, string>> & { invalid: string };

/** The signup form's UI strings. */
export interface SignupFormMessages {
  title: string;
  intro: string;
  /** After the label of an answer that may be left empty. */
  optional: string;
  organisationLegend: string;
  contactLegend: string;
  contactHint: string;
  fields: Record<FieldName, FieldText>;
  /** The label of each form of organisation (radio buttons and the review). */
  forms: Record<OrganisationForm, string>;
  /** Error messages per field. They say what to do, GOV.UK style. */
  problems: Record<FieldName, ProblemTexts>;
  /** Read out before each inline error, which also shows a "!" icon: never colour alone. */
  errorPrefix: string;
  summaryTitle: string;
  /** A problem the form has no field for (e.g. reported by the server). */
  otherProblem: string;
  principlesTitle: string;
  /** The collapsed list's summary; `{n}` is how many principles. */
  principlesShow: PluralForms;
  principlesLink: string;
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
  continue: string;
  reviewTitle: string;
  reviewIntro: string;
  /** The review's heading over the principles, consent and message. */
  reviewOther: string;
  change: string;
  notGiven: string;
  yes: string;
  send: string;
  sending: string;
  networkTitle: string;
  networkText: string;
  tryAgain: string;
  rateTitle: string;
  /** `{when}` is "in 45 minutes" in the reader's language, `{time}` the clock time. */
  rateText: string;
  rateTextUnknown: string;
  serverTitle: string;
  /** `{status}` is the HTTP status. */
  serverText: string;
  reusedText: string;
  notConfigured: string;
  successTitle: string;
  successReference: string;
  successNextTitle: string;
  successNext: string;
  honeypotLabel: string;
}

/** The signup form's strings in sv, en, fi and ar. */
export const signupFormMessages: Catalogue<SignupFormMessages> = {
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
    forms: {
      'non-profit-association': 'Ideell förening',
      foundation: 'Stiftelse',
      'faith-community': 'Trossamfund',
      'study-association': 'Studieförbund',
      cooperative: 'Kooperativ',
      'popular-movement': 'Folkrörelse',
      other: 'Annan form',
    },
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
    successReference: 'Ansökans referensnummer:',
    successNextTitle: 'Vad händer nu',
    successNext: 'Kommunen går igenom ansökan och hör av sig till kontaktpersonen. När ansökan är godkänd visas organisationen bland dem som undertecknat överenskommelsen.',
    honeypotLabel: 'Lämna det här fältet tomt',
  },
  en: {
    title: 'Apply to sign the agreement',
    intro: 'Fill in the details of your organisation and its contact person. Before sending, you can check your answers.',
    optional: '(optional)',
    organisationLegend: 'The organisation',
    contactLegend: 'Contact person for the collaboration',
    contactHint: 'The person the municipality contacts about the collaboration.',
    fields: {
      orgName: { label: "Organisation's name" },
      orgNumber: { label: 'Organisation number', hint: '10 digits, for example 802000-1239. It is on the registration certificate.' },
      orgForm: { label: 'Form of organisation' },
      orgWebsite: { label: 'Website', hint: 'For example https://association.example.org' },
      orgEmail: { label: "Organisation's email address", hint: 'An address that is read even when the board changes, for example info@association.example.org' },
      orgPhone: { label: "Organisation's phone number" },
      orgDistricts: { label: 'Districts or places where you are active', hint: 'Separate them with commas, for example Centrum, Hovsjö' },
      orgActivities: { label: 'Activities', hint: 'What you do, separated with commas, for example homework help, football' },
      orgDescription: { label: 'Short description of the organisation' },
      contactName: { label: 'Name' },
      contactEmail: { label: 'Email address' },
      contactPhone: { label: 'Phone number' },
      acceptsPrinciples: { label: 'We have read and support the principles of the agreement' },
      consent: { label: 'I agree that the municipality stores the details in this application to handle it' },
      message: { label: 'Message to the municipality', hint: 'Anything you would like to tell or ask.' },
    },
    forms: {
      'non-profit-association': 'Non-profit association',
      foundation: 'Foundation',
      'faith-community': 'Faith community',
      'study-association': 'Study association',
      cooperative: 'Cooperative',
      'popular-movement': 'Popular movement',
      other: 'Other form',
    },
    problems: {
      orgName: { required: "Enter the organisation's name", tooLong: 'The name must be 200 characters or fewer', invalid: "Enter the organisation's name" },
      orgNumber: {
        format: 'The organisation number must have 10 digits, for example 802000-1239',
        legalPerson: "This is a personal identity number. Enter the organisation's number: its third digit is 2 or higher",
        checkDigit: 'The last digit does not match. Check the organisation number against the registration certificate',
        invalid: 'Check the organisation number',
      },
      orgForm: { required: 'Select the form of organisation', invalid: 'Select the form of organisation' },
      orgWebsite: { invalid: 'Enter a web address, for example https://association.example.org' },
      orgEmail: { required: "Enter the organisation's email address", invalid: 'Enter the email address in the correct format, like info@association.example.org' },
      orgPhone: { invalid: 'Enter a phone number of 6 to 15 digits, like 08-123 456 78' },
      orgDistricts: { tooLong: 'Each district must be 100 characters or fewer', tooMany: 'Enter 30 districts or fewer', invalid: 'Check the districts' },
      orgActivities: { tooLong: 'Each activity must be 100 characters or fewer', tooMany: 'Enter 30 activities or fewer', invalid: 'Check the activities' },
      orgDescription: { tooLong: 'The description must be 2,000 characters or fewer', invalid: 'Check the description' },
      contactName: { required: "Enter the contact person's name", tooLong: 'The name must be 200 characters or fewer', invalid: "Enter the contact person's name" },
      contactEmail: { required: "Enter the contact person's email address", invalid: 'Enter the email address in the correct format, like name@example.org' },
      contactPhone: { invalid: 'Enter a phone number of 6 to 15 digits, like 070-123 45 67' },
      acceptsPrinciples: { required: 'Tick the box if you support the principles', invalid: 'Tick the box if you support the principles' },
      consent: { required: 'Tick the box to agree that the details are stored', invalid: 'Tick the box to agree that the details are stored' },
      message: { tooLong: 'The message must be 2,000 characters or fewer', invalid: 'Check the message' },
    },
    errorPrefix: 'Error:',
    summaryTitle: 'There is a problem',
    otherProblem: 'The application could not be accepted as it is. Check your answers and try again.',
    principlesTitle: 'The principles of the agreement',
    principlesShow: { one: 'Read the principle', other: 'Read the {n} principles' },
    principlesLink: 'Read the principles of the agreement',
    principlesLoading: 'Loading the principles …',
    principlesUnavailable: 'The principles cannot be shown right now.',
    newTab: '(opens in a new tab)',
    privacyTitle: 'Personal data',
    privacyLink: 'Read how the municipality handles personal data',
    privacyNoLink: 'The municipality uses the details only to handle the application and the collaboration.',
    charactersLeft: { one: 'You have {n} character remaining', other: 'You have {n} characters remaining' },
    charactersOver: { one: 'You have {n} character too many', other: 'You have {n} characters too many' },
    characterLimit: 'You can enter up to {n} characters.',
    continue: 'Continue',
    reviewTitle: 'Check your answers before sending',
    reviewIntro: 'Change anything that is not right. Nothing is sent until you choose Send application.',
    reviewOther: 'Principles, consent and message',
    change: 'Change',
    notGiven: 'Not given',
    yes: 'Yes',
    send: 'Send application',
    sending: 'Sending the application …',
    networkTitle: 'The application could not be sent',
    networkText: "The municipality's server could not be reached. Your answers are kept. Check your internet connection and try again.",
    tryAgain: 'Try again',
    rateTitle: 'Too many applications right now',
    rateText: 'Too many applications have been sent from this connection. Your answers are kept. Try again {when} (at {time}).',
    rateTextUnknown: 'Too many applications have been sent from this connection. Your answers are kept. Try again later.',
    serverTitle: 'The application could not be received',
    serverText: "The municipality's server answered with an error (HTTP {status}). Your answers are kept. Try again later.",
    reusedText: 'An earlier version of the application arrived before the connection broke, so the changes after that were not sent. Contact the municipality if something needs correcting.',
    notConfigured: 'The form is not connected to a server. Contact whoever runs this website.',
    successTitle: 'Application sent',
    successReference: 'Reference number of the application:',
    successNextTitle: 'What happens next',
    successNext: 'The municipality reviews the application and contacts the contact person. Once it is approved, the organisation is listed among those who have signed the agreement.',
    honeypotLabel: 'Leave this field empty',
  },
  fi: {
    title: 'Hae sopimuksen allekirjoittajaksi',
    intro: 'Täytä organisaation ja sen yhteyshenkilön tiedot. Ennen lähettämistä voit tarkistaa vastauksesi.',
    optional: '(vapaaehtoinen)',
    organisationLegend: 'Organisaatio',
    contactLegend: 'Yhteistyön yhteyshenkilö',
    contactHint: 'Henkilö, johon kunta ottaa yhteyttä yhteistyöstä.',
    fields: {
      orgName: { label: 'Organisaation nimi' },
      orgNumber: { label: 'Organisaationumero', hint: '10 numeroa, esimerkiksi 802000-1239. Löytyy rekisteröintitodistuksesta.' },
      orgForm: { label: 'Organisaatiomuoto' },
      orgWebsite: { label: 'Verkkosivusto', hint: 'Esimerkiksi https://yhdistys.example.org' },
      orgEmail: { label: 'Organisaation sähköpostiosoite', hint: 'Osoite, jota luetaan myös hallituksen vaihtuessa, esimerkiksi info@yhdistys.example.org' },
      orgPhone: { label: 'Organisaation puhelinnumero' },
      orgDistricts: { label: 'Kaupunginosat tai paikkakunnat, joilla toimitte', hint: 'Erota pilkuilla, esimerkiksi Centrum, Hovsjö' },
      orgActivities: { label: 'Toiminta', hint: 'Mitä teette, pilkuilla erotettuna, esimerkiksi läksyapu, jalkapallo' },
      orgDescription: { label: 'Lyhyt kuvaus organisaatiosta' },
      contactName: { label: 'Nimi' },
      contactEmail: { label: 'Sähköpostiosoite' },
      contactPhone: { label: 'Puhelinnumero' },
      acceptsPrinciples: { label: 'Olemme lukeneet sopimuksen periaatteet ja sitoudumme niihin' },
      consent: { label: 'Hyväksyn, että kunta tallentaa hakemuksen tiedot sen käsittelyä varten' },
      message: { label: 'Viesti kunnalle', hint: 'Jotain, mitä haluatte kertoa tai kysyä.' },
    },
    forms: {
      'non-profit-association': 'Aatteellinen yhdistys',
      foundation: 'Säätiö',
      'faith-community': 'Uskonnollinen yhdyskunta',
      'study-association': 'Opintokeskus',
      cooperative: 'Osuuskunta',
      'popular-movement': 'Kansanliike',
      other: 'Muu muoto',
    },
    problems: {
      orgName: { required: 'Kirjoita organisaation nimi', tooLong: 'Nimessä saa olla enintään 200 merkkiä', invalid: 'Kirjoita organisaation nimi' },
      orgNumber: {
        format: 'Organisaationumerossa on oltava 10 numeroa, esimerkiksi 802000-1239',
        legalPerson: 'Tämä on henkilötunnus. Kirjoita organisaation numero: sen kolmas numero on 2 tai suurempi',
        checkDigit: 'Viimeinen numero ei täsmää. Tarkista organisaationumero rekisteröintitodistuksesta',
        invalid: 'Tarkista organisaationumero',
      },
      orgForm: { required: 'Valitse organisaatiomuoto', invalid: 'Valitse organisaatiomuoto' },
      orgWebsite: { invalid: 'Kirjoita verkko-osoite, esimerkiksi https://yhdistys.example.org' },
      orgEmail: { required: 'Kirjoita organisaation sähköpostiosoite', invalid: 'Kirjoita sähköpostiosoite oikeassa muodossa, esimerkiksi info@yhdistys.example.org' },
      orgPhone: { invalid: 'Kirjoita puhelinnumero, jossa on 6–15 numeroa, esimerkiksi 08-123 456 78' },
      orgDistricts: { tooLong: 'Kussakin kaupunginosassa saa olla enintään 100 merkkiä', tooMany: 'Kirjoita enintään 30 kaupunginosaa', invalid: 'Tarkista kaupunginosat' },
      orgActivities: { tooLong: 'Kussakin toiminnassa saa olla enintään 100 merkkiä', tooMany: 'Kirjoita enintään 30 toimintaa', invalid: 'Tarkista toiminta' },
      orgDescription: { tooLong: 'Kuvauksessa saa olla enintään 2 000 merkkiä', invalid: 'Tarkista kuvaus' },
      contactName: { required: 'Kirjoita yhteyshenkilön nimi', tooLong: 'Nimessä saa olla enintään 200 merkkiä', invalid: 'Kirjoita yhteyshenkilön nimi' },
      contactEmail: { required: 'Kirjoita yhteyshenkilön sähköpostiosoite', invalid: 'Kirjoita sähköpostiosoite oikeassa muodossa, esimerkiksi nimi@example.org' },
      contactPhone: { invalid: 'Kirjoita puhelinnumero, jossa on 6–15 numeroa, esimerkiksi 070-123 45 67' },
      acceptsPrinciples: { required: 'Rastita ruutu, jos sitoudutte periaatteisiin', invalid: 'Rastita ruutu, jos sitoudutte periaatteisiin' },
      consent: { required: 'Rastita ruutu hyväksyäksesi tietojen tallentamisen', invalid: 'Rastita ruutu hyväksyäksesi tietojen tallentamisen' },
      message: { tooLong: 'Viestissä saa olla enintään 2 000 merkkiä', invalid: 'Tarkista viesti' },
    },
    errorPrefix: 'Virhe:',
    summaryTitle: 'Korjattavaa löytyi',
    otherProblem: 'Hakemusta ei voitu vastaanottaa sellaisenaan. Tarkista vastauksesi ja yritä uudelleen.',
    principlesTitle: 'Sopimuksen periaatteet',
    principlesShow: { one: 'Lue periaate', other: 'Lue {n} periaatetta' },
    principlesLink: 'Lue sopimuksen periaatteet',
    principlesLoading: 'Haetaan periaatteita …',
    principlesUnavailable: 'Periaatteita ei voida näyttää juuri nyt.',
    newTab: '(avautuu uuteen välilehteen)',
    privacyTitle: 'Henkilötiedot',
    privacyLink: 'Lue, miten kunta käsittelee henkilötietoja',
    privacyNoLink: 'Kunta käyttää tietoja vain hakemuksen ja yhteistyön hoitamiseen.',
    charactersLeft: { one: 'Sinulla on {n} merkki jäljellä', other: 'Sinulla on {n} merkkiä jäljellä' },
    charactersOver: { one: 'Sinulla on {n} merkki liikaa', other: 'Sinulla on {n} merkkiä liikaa' },
    characterLimit: 'Voit kirjoittaa enintään {n} merkkiä.',
    continue: 'Jatka',
    reviewTitle: 'Tarkista vastauksesi ennen lähettämistä',
    reviewIntro: 'Muuta se, mikä ei pidä paikkaansa. Mitään ei lähetetä ennen kuin valitset Lähetä hakemus.',
    reviewOther: 'Periaatteet, suostumus ja viesti',
    change: 'Muuta',
    notGiven: 'Ei annettu',
    yes: 'Kyllä',
    send: 'Lähetä hakemus',
    sending: 'Lähetetään hakemusta …',
    networkTitle: 'Hakemusta ei voitu lähettää',
    networkText: 'Kunnan palvelimeen ei saatu yhteyttä. Vastauksesi on tallessa. Tarkista internetyhteys ja yritä uudelleen.',
    tryAgain: 'Yritä uudelleen',
    rateTitle: 'Liian monta hakemusta juuri nyt',
    rateText: 'Tästä yhteydestä on lähetetty liian monta hakemusta. Vastauksesi on tallessa. Yritä uudelleen {when} (kello {time}).',
    rateTextUnknown: 'Tästä yhteydestä on lähetetty liian monta hakemusta. Vastauksesi on tallessa. Yritä myöhemmin uudelleen.',
    serverTitle: 'Hakemusta ei voitu vastaanottaa',
    serverText: 'Kunnan palvelin vastasi virheellä (HTTP {status}). Vastauksesi on tallessa. Yritä myöhemmin uudelleen.',
    reusedText: 'Hakemuksen aiempi versio saapui ennen yhteyden katkeamista, joten sen jälkeisiä muutoksia ei lähetetty. Ota yhteyttä kuntaan, jos jotain pitää korjata.',
    notConfigured: 'Lomaketta ei ole yhdistetty palvelimeen. Ota yhteyttä sivuston ylläpitäjään.',
    successTitle: 'Hakemus on lähetetty',
    successReference: 'Hakemuksen viitenumero:',
    successNextTitle: 'Mitä seuraavaksi tapahtuu',
    successNext: 'Kunta käsittelee hakemuksen ja ottaa yhteyttä yhteyshenkilöön. Kun hakemus on hyväksytty, organisaatio näkyy sopimuksen allekirjoittajien joukossa.',
    honeypotLabel: 'Jätä tämä kenttä tyhjäksi',
  },
  ar: {
    title: 'التقدّم بطلب للتوقيع على الاتفاقية',
    intro: 'املأ بيانات منظمتكم والشخص المسؤول عن التواصل. قبل الإرسال يمكنك مراجعة إجاباتك.',
    optional: '(اختياري)',
    organisationLegend: 'المنظمة',
    contactLegend: 'الشخص المسؤول عن التواصل في التعاون',
    contactHint: 'الشخص الذي تتواصل معه البلدية بشأن التعاون.',
    fields: {
      orgName: { label: 'اسم المنظمة' },
      orgNumber: { label: 'رقم المنظمة', hint: '10 أرقام، مثل 802000-1239. تجده في شهادة التسجيل.' },
      orgForm: { label: 'شكل المنظمة' },
      orgWebsite: { label: 'الموقع الإلكتروني', hint: 'مثل https://association.example.org' },
      orgEmail: { label: 'البريد الإلكتروني للمنظمة', hint: 'عنوان يُقرأ حتى عند تغيّر مجلس الإدارة، مثل info@association.example.org' },
      orgPhone: { label: 'رقم هاتف المنظمة' },
      orgDistricts: { label: 'الأحياء أو الأماكن التي تنشطون فيها', hint: 'افصل بينها بفواصل، مثل Centrum, Hovsjö' },
      orgActivities: { label: 'الأنشطة', hint: 'ما تقومون به، مفصولًا بفواصل، مثل المساعدة في الواجبات، كرة القدم' },
      orgDescription: { label: 'وصف قصير للمنظمة' },
      contactName: { label: 'الاسم' },
      contactEmail: { label: 'البريد الإلكتروني' },
      contactPhone: { label: 'رقم الهاتف' },
      acceptsPrinciples: { label: 'قرأنا مبادئ الاتفاقية ونؤيدها' },
      consent: { label: 'أوافق على أن تحفظ البلدية بيانات هذا الطلب لمعالجته' },
      message: { label: 'رسالة إلى البلدية', hint: 'أي شيء تودّون إخبارنا به أو السؤال عنه.' },
    },
    forms: {
      'non-profit-association': 'جمعية غير ربحية',
      foundation: 'مؤسسة',
      'faith-community': 'جماعة دينية',
      'study-association': 'رابطة تعليمية',
      cooperative: 'تعاونية',
      'popular-movement': 'حركة شعبية',
      other: 'شكل آخر',
    },
    problems: {
      orgName: { required: 'اكتب اسم المنظمة', tooLong: 'يجب ألا يزيد الاسم على 200 حرف', invalid: 'اكتب اسم المنظمة' },
      orgNumber: {
        format: 'يجب أن يتكوّن رقم المنظمة من 10 أرقام، مثل 802000-1239',
        legalPerson: 'هذا رقم هوية شخصي. اكتب رقم المنظمة: رقمه الثالث 2 أو أكثر',
        checkDigit: 'الرقم الأخير غير صحيح. تحقّق من رقم المنظمة في شهادة التسجيل',
        invalid: 'تحقّق من رقم المنظمة',
      },
      orgForm: { required: 'اختر شكل المنظمة', invalid: 'اختر شكل المنظمة' },
      orgWebsite: { invalid: 'اكتب عنوان موقع، مثل https://association.example.org' },
      orgEmail: { required: 'اكتب البريد الإلكتروني للمنظمة', invalid: 'اكتب البريد الإلكتروني بالصيغة الصحيحة، مثل info@association.example.org' },
      orgPhone: { invalid: 'اكتب رقم هاتف من 6 إلى 15 رقمًا، مثل 08-123 456 78' },
      orgDistricts: { tooLong: 'يجب ألا يزيد كل حي على 100 حرف', tooMany: 'اكتب 30 حيًّا على الأكثر', invalid: 'تحقّق من الأحياء' },
      orgActivities: { tooLong: 'يجب ألا يزيد كل نشاط على 100 حرف', tooMany: 'اكتب 30 نشاطًا على الأكثر', invalid: 'تحقّق من الأنشطة' },
      orgDescription: { tooLong: 'يجب ألا يزيد الوصف على 2000 حرف', invalid: 'تحقّق من الوصف' },
      contactName: { required: 'اكتب اسم الشخص المسؤول عن التواصل', tooLong: 'يجب ألا يزيد الاسم على 200 حرف', invalid: 'اكتب اسم الشخص المسؤول عن التواصل' },
      contactEmail: { required: 'اكتب البريد الإلكتروني للشخص المسؤول عن التواصل', invalid: 'اكتب البريد الإلكتروني بالصيغة الصحيحة، مثل name@example.org' },
      contactPhone: { invalid: 'اكتب رقم هاتف من 6 إلى 15 رقمًا، مثل 070-123 45 67' },
      acceptsPrinciples: { required: 'ضع علامة في المربع إذا كنتم تؤيدون المبادئ', invalid: 'ضع علامة في المربع إذا كنتم تؤيدون المبادئ' },
      consent: { required: 'ضع علامة في المربع للموافقة على حفظ البيانات', invalid: 'ضع علامة في المربع للموافقة على حفظ البيانات' },
      message: { tooLong: 'يجب ألا تزيد الرسالة على 2000 حرف', invalid: 'تحقّق من الرسالة' },
    },
    errorPrefix: 'خطأ:',
    summaryTitle: 'هناك مشكلة',
    otherProblem: 'تعذّر قبول الطلب كما هو. تحقّق من إجاباتك وحاول مرة أخرى.',
    principlesTitle: 'مبادئ الاتفاقية',
    principlesShow: { zero: 'اقرأ المبادئ', one: 'اقرأ المبدأ', two: 'اقرأ المبدأين', few: 'اقرأ المبادئ الـ{n}', many: 'اقرأ المبادئ الـ{n}', other: 'اقرأ المبادئ الـ{n}' },
    principlesLink: 'اقرأ مبادئ الاتفاقية',
    principlesLoading: 'جارٍ تحميل المبادئ …',
    principlesUnavailable: 'لا يمكن عرض المبادئ الآن.',
    newTab: '(يُفتح في علامة تبويب جديدة)',
    privacyTitle: 'البيانات الشخصية',
    privacyLink: 'اقرأ كيف تتعامل البلدية مع البيانات الشخصية',
    privacyNoLink: 'تستخدم البلدية البيانات فقط لمعالجة الطلب والتعاون.',
    charactersLeft: {
      zero: 'لم يتبقَّ لديك أي حرف',
      one: 'تبقّى لديك حرف واحد',
      two: 'تبقّى لديك حرفان',
      few: 'تبقّى لديك {n} أحرف',
      many: 'تبقّى لديك {n} حرفًا',
      other: 'تبقّى لديك {n} حرف',
    },
    charactersOver: {
      one: 'لديك حرف واحد زائد',
      two: 'لديك حرفان زائدان',
      few: 'لديك {n} أحرف زائدة',
      many: 'لديك {n} حرفًا زائدًا',
      other: 'لديك {n} حرف زائد',
    },
    characterLimit: 'يمكنك كتابة {n} حرف على الأكثر.',
    continue: 'متابعة',
    reviewTitle: 'راجع إجاباتك قبل الإرسال',
    reviewIntro: 'غيّر ما ليس صحيحًا. لا يُرسل شيء حتى تختار إرسال الطلب.',
    reviewOther: 'المبادئ والموافقة والرسالة',
    change: 'تغيير',
    notGiven: 'غير محدد',
    yes: 'نعم',
    send: 'إرسال الطلب',
    sending: 'جارٍ إرسال الطلب …',
    networkTitle: 'تعذّر إرسال الطلب',
    networkText: 'تعذّر الوصول إلى خادم البلدية. إجاباتك محفوظة. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.',
    tryAgain: 'حاول مرة أخرى',
    rateTitle: 'طلبات كثيرة جدًا الآن',
    rateText: 'أُرسلت طلبات كثيرة جدًا من هذا الاتصال. إجاباتك محفوظة. حاول مرة أخرى {when} (الساعة {time}).',
    rateTextUnknown: 'أُرسلت طلبات كثيرة جدًا من هذا الاتصال. إجاباتك محفوظة. حاول مرة أخرى لاحقًا.',
    serverTitle: 'تعذّر استلام الطلب',
    serverText: 'ردّ خادم البلدية بخطأ (HTTP {status}). إجاباتك محفوظة. حاول مرة أخرى لاحقًا.',
    reusedText: 'وصلت نسخة سابقة من الطلب قبل انقطاع الاتصال، لذلك لم تُرسل التغييرات اللاحقة. تواصل مع البلدية إذا كان هناك ما يحتاج إلى تصحيح.',
    notConfigured: 'النموذج غير متصل بأي خادم. تواصل مع المسؤول عن هذا الموقع.',
    successTitle: 'أُرسل الطلب',
    successReference: 'الرقم المرجعي للطلب:',
    successNextTitle: 'ماذا يحدث بعد ذلك',
    successNext: 'تراجع البلدية الطلب وتتواصل مع الشخص المسؤول عن التواصل. بعد الموافقة على الطلب تظهر المنظمة ضمن الموقّعين على الاتفاقية.',
    honeypotLabel: 'اترك هذا الحقل فارغًا',
  },
};
