import { pickText, toICalendar, type Dataset } from '@samverkan/sdk';

/**
 * The dataset's meetings as an iCalendar document, written by the SDK's
 * `toICalendar`: times in the dataset's zone, texts in `lang` (a language
 * the dataset offers; otherwise its default), named after the agreement.
 * `DTSTAMP` comes from the dataset's `updatedAt`, so the bytes (and the
 * ETag) change only when the data does. UIDs use the municipality's web host
 * so two municipalities' feeds never share one.
 */
export function meetingsCalendar(dataset: Dataset, lang?: string): string {
  const language = lang && dataset.languages.includes(lang) ? lang : dataset.defaultLanguage;
  const title = pickText(dataset.agreement.title, language, dataset.defaultLanguage).text;
  let uidDomain = 'samverkan';
  try {
    if (dataset.agreement.municipality.website) uidDomain = new URL(dataset.agreement.municipality.website).hostname;
  } catch {
    // An unparsable website keeps the default domain.
  }
  return toICalendar(dataset.meetings, {
    timeZone: dataset.timeZone,
    calendarName: title,
    lang: language,
    defaultLanguage: dataset.defaultLanguage,
    now: new Date(dataset.updatedAt),
    uidDomain,
  });
}
