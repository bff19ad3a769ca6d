/**
 * Writes organisations as the CSV that {@link importOrganisationsCsv} reads
 * (its English headers), so a list exported from one installation, edited
 * in a spreadsheet and imported again comes back the same. Texts in other
 * languages than the default are left out (a spreadsheet column holds one
 * language), as is anything the import has no column for.
 */
import type { Organisation } from './schemas/dataset.js';
import { pickText } from './localized.js';

/** The columns, in order: the import's own names for them. */
export const ORGANISATION_CSV_COLUMNS = [
  'id',
  'name',
  'organisationNumber',
  'form',
  'description',
  'website',
  'email',
  'phone',
  'districts',
  'activities',
  'languages',
  'signedOn',
  'via',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;

/**
 * A cell as CSV: quoted when it holds a comma, semicolon, quote or line
 * break. A cell a spreadsheet would run as a formula (`=…`, `@…`, or `+`/`-`
 * followed by something other than a digit, as in `=HYPERLINK(…)`) gets a
 * leading apostrophe, so opening an export never runs data as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=@\t\r]/.test(value) || /^[+-][^0-9\s]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The organisations as CSV text (comma-separated, CRLF line ends, a header row). */
export function organisationsToCsv(organisations: readonly Organisation[], options: { defaultLanguage?: string } = {}): string {
  const lang = options.defaultLanguage ?? 'sv';
  const rows = organisations.map((o) => {
    const cells: Record<(typeof ORGANISATION_CSV_COLUMNS)[number], string> = {
      id: o.id,
      name: o.name,
      organisationNumber: o.organisationNumber ?? '',
      form: o.form,
      description: o.description === undefined ? '' : pickText(o.description, lang, lang).text,
      website: o.website ?? '',
      email: o.email ?? '',
      phone: o.phone ?? '',
      districts: o.districts.join('; '),
      activities: o.activities.join('; '),
      languages: o.languages.join('; '),
      signedOn: o.signature?.signedOn ?? '',
      via: o.signature?.via ?? '',
      contactName: o.collaborationContact?.name ?? '',
      contactEmail: o.collaborationContact?.email ?? '',
      contactPhone: o.collaborationContact?.phone ?? '',
    };
    return ORGANISATION_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return [ORGANISATION_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
