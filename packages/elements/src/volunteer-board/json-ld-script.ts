// The board's schema.org data as the text of a `<script
// type="application/ld+json">`. A module of its own, imported only by a
// board with the `json-ld` attribute.
import { jsonLdScriptContent, opportunityToJsonLd, type ListedOpportunity } from '@samverkan/sdk';

/** The opportunities as JSON-LD JobPostings (`employmentType: "VOLUNTEER"`) in `lang`, escaped so no text in them can end the script. */
export function opportunitiesJsonLd(listed: readonly ListedOpportunity[], lang: string, defaultLanguage: string): string {
  const graph = listed.map(({ opportunity, organisation }) => {
    const { '@context': _context, ...node } = opportunityToJsonLd(opportunity, organisation, { lang, defaultLanguage });
    return node;
  });
  return jsonLdScriptContent({ '@context': 'https://schema.org', '@graph': graph });
}
