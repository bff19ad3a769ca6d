// The calendar's schema.org data as the text of a `<script
// type="application/ld+json">`. A module of its own, imported only by a
// calendar with the `json-ld` attribute.
import { jsonLdScriptContent, toJsonLd, type Dataset, type Meeting } from '@samverkan/sdk';

/** `meetings` of `dataset` as JSON-LD Events in `lang`, escaped so no text in them can end the script. */
export function meetingsJsonLd(dataset: Dataset, meetings: Meeting[], lang: string): string {
  return jsonLdScriptContent(toJsonLd({ ...dataset, meetings }, { lang, include: ['meetings'] }));
}
