/**
 * The SDK's issue messages in Swedish. The schemas and `parseDataset` write
 * them in English (one set, shared by every tool); `samverkan validate
 * --lang sv` and the admin page show them in Swedish through
 * {@link localizeIssue}. A message this table does not know (one added later)
 * stays in English rather than being lost.
 */
import type { Issue } from './errors.js';
import { passwordProblemMessage, type PasswordProblem } from './password-rule.js';
import { describeOffsetMismatch, MEETING_OFFSET_CODE, type OffsetMismatch } from './rules/meeting-offset.js';
import { localizeTextProblemMessage } from './text-safety.js';

/** The languages issues can be shown in. */
export type IssueLanguage = 'en' | 'sv';

const EXACT: Record<string, string> = {
  'is required': 'måste finnas',
  'must not be empty': 'får inte vara tomt',
  'must be a language tag such as "sv", "en" or "ar"': 'måste vara en språkkod som "sv", "en" eller "ar"',
  'must be a phone number of 6 to 15 digits, such as 08-123 456 78 or +46 8 123 456 78':
    'måste vara ett telefonnummer med 6 till 15 siffror, som 08-123 456 78 eller +46 8 123 456 78',
  'must be a positive whole number': 'måste vara ett positivt heltal',
  'must be a time zone such as "Europe/Stockholm"': 'måste vara en tidszon som "Europe/Stockholm"',
  'must be zero or more': 'måste vara noll eller mer',
  'must have a text in at least one language': 'måste ha en text på minst ett språk',
  'must use only letters, digits, "-", "_", "." and ":", and start with a letter or digit':
    'får bara innehålla bokstäver, siffror, "-", "_", "." och ":" och måste börja med en bokstav eller siffra',
  'must be a date and time with an offset, such as 2026-03-12T18:00:00+01:00': 'måste vara datum och tid med tidsförskjutning, som 2026-03-12T18:00:00+01:00',
  'must be a date and time with an offset': 'måste vara datum och tid med tidsförskjutning',
  'must be a date such as 2026-03-12': 'måste vara ett datum som 2026-03-12',
  'must be a text, or an object from language tag to text such as {"sv": "…", "en": "…"}':
    'måste vara en text, eller ett objekt från språkkod till text som {"sv": "…", "en": "…"}',
  'must be a web address starting with http:// or https://': 'måste vara en webbadress som börjar med http:// eller https://',
  'must be an e-mail address such as name@example.org': 'måste vara en e-postadress som namn@example.org',
  'must be an e-mail address': 'måste vara en e-postadress',
  'must be accepted': 'måste godkännas',
  'must be given': 'måste lämnas',
  'must be one of the listed forms of organisation': 'måste vara en av de listade organisationsformerna',
  'must be a JSON object (the dataset document)': 'måste vara ett JSON-objekt (datamängdens dokument)',
  'must be a Swedish organisation number NNNNNN-NNNN with a valid check digit': 'måste vara ett svenskt organisationsnummer NNNNNN-NNNN med rätt kontrollsiffra',
  'must be after the start': 'måste vara efter starttiden',
  'has a key that is not allowed': 'har ett fält som inte är tillåtet',
  'has the wrong type or format': 'har fel typ eller format',
  'must be a text': 'måste vara en text',
  'must be a number': 'måste vara ett tal',
  'must be a whole number': 'måste vara ett heltal',
  'must be true or false': 'måste vara true eller false',
  'must be a list': 'måste vara en lista',
  'must be an object': 'måste vara ett objekt',
  'must be a date': 'måste vara ett datum',
  'the header has no column for the name ("Namn" or "name")': 'rubrikraden saknar en kolumn för namnet ("Namn" eller "name")',
  'must be a year before 2200': 'måste vara ett år före 2200',
  'must be a year from 2000 on': 'måste vara år 2000 eller senare',
  'must be a year such as 2025': 'måste vara ett årtal som 2025',
  'must give at least one way to get in touch: an e-mail address, a phone number or a web address':
    'måste ange minst ett sätt att nå er: en e-postadress, ett telefonnummer eller en webbadress',
  'must not be before publishedOn': 'får inte vara före publishedOn',
  'must not be before the start': 'får inte vara före starten',
  // The wire schemas (what the server's routes take: accounts, the lists' queries, the content API's batches).
  'must have at least one entry': 'måste ha minst en post',
  'must be a password': 'måste vara ett lösenord',
  'is too long': 'är för långt',
  'must be the token from the link': 'måste vara koden (token) från länken',
  'is not a token from a link': 'är ingen kod (token) från en länk',
  'must change at least one of role, name and notifyApplications': 'måste ändra minst ett av role, name och notifyApplications',
  'must change at least one of name and notifyApplications': 'måste ändra minst ett av name och notifyApplications',
  'must be one of pending, approved, rejected': 'måste vara en av pending, approved, rejected',
  'must be a reference such as K7QM-2X9C': 'måste vara en referens som K7QM-2X9C',
  'is not a cursor this server gave': 'är ingen markör som den här servern har gett',
};

// A new password's rule says its own words in both languages (password-rule.ts); a schema's check writes the English.
for (const problem of ['too-short', 'only-spaces', 'too-long'] satisfies PasswordProblem[]) {
  EXACT[passwordProblemMessage(problem, 'en')] = passwordProblemMessage(problem, 'sv');
}

const PATTERNS: [RegExp, (...groups: string[]) => string][] = [
  [/^must be at least (\d+) characters$/, (n) => `måste ha minst ${n} tecken`],
  [/^must be at most (\d+) characters$/, (n) => `får ha högst ${n} tecken`],
  [/^must have at least (\d+) entries$/, (n) => `måste ha minst ${n} poster`],
  [/^must have at most (\d+) entries$/, (n) => `får ha högst ${n} poster`],
  [/^must list at most (\d+)$/, (n) => `får ha högst ${n}`],
  [/^must be a whole number from 1 to (\d+)$/, (n) => `måste vara ett heltal från 1 till ${n}`],
  [/^must be at least (-?[\d.]+)$/, (n) => `måste vara minst ${n}`],
  [/^must be at most (-?[\d.]+)$/, (n) => `får vara högst ${n}`],
  [/^must have a text in the default language "(.+)"$/, (tag) => `måste ha en text på standardspråket "${tag}"`],
  [/^must be one of (".*")$/, (values) => `måste vara en av ${values}`],
  [/^must be (".*")$/, (values) => `måste vara ${values.replace(/" or "/g, '" eller "')}`],
  [/^"(.*)" has no http:\/\/ or https:\/\/; read as (.*)$/, (written, read) => `"${written}" saknar http:// eller https://; lästes som ${read}`],
  [/^"(.*)" is already used on an earlier line$/, (id) => `"${id}" används redan på en tidigare rad`],
  [/^"(.*)" is already used by another entry in (\w+); this entry was left out$/, (id, list) => `"${id}" används redan av en annan post i ${list}; posten utelämnades`],
  [/^commitment "(.*)" already has a status in this follow-up; this entry was left out$/, (id) => `åtagandet "${id}" har redan en status i den här uppföljningen; posten utelämnades`],
  [/^refers to commitment "(.*)", which no principle in the dataset has; the entry was left out$/, (id) => `hänvisar till åtagandet "${id}", som ingen princip i datamängden har; posten utelämnades`],
  [/^refers to organisation "(.*)", which the dataset does not have; the opportunity was left out$/, (id) => `hänvisar till organisationen "${id}", som inte finns i datamängden; uppdraget utelämnades`],
  [/^the dataset already has a follow-up for (\d+); this one was left out$/, (year) => `datamängden har redan en uppföljning för ${year}; den här utelämnades`],
  [/^refers to principle "(.*)", which the dataset does not have; the reference was left out$/, (id) => `hänvisar till principen "${id}", som inte finns i datamängden; hänvisningen togs bort`],
];

/** `message` (one of the SDK's English issue messages) in `lang`; unknown messages are returned as they are. */
export function localizeIssueMessage(message: string, lang: IssueLanguage): string {
  if (lang === 'en') return message;
  const exact = EXACT[message];
  if (exact !== undefined) return exact;
  // Unsafe text (a control character, an unclosed direction mark): its own module says it in Swedish.
  const unsafeText = localizeTextProblemMessage(message, lang);
  if (unsafeText !== undefined) return unsafeText;
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return make(...match.slice(1));
  }
  return message;
}

/** The issue with its message in `lang` (`en` returns it unchanged). Path, segments and code stay. */
export function localizeIssue(issue: Issue, lang: IssueLanguage): Issue {
  if (lang === 'en') return issue;
  let message: string;
  if (issue.code === MEETING_OFFSET_CODE && issue.params?.timeZone && issue.params.localDate && issue.params.localTime) {
    message = describeOffsetMismatch(issue.params as unknown as OffsetMismatch, issue.params.timeZone, lang);
  } else {
    message = localizeIssueMessage(issue.message, lang);
  }
  return { ...issue, message };
}
