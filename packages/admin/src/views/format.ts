const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time for people (`6 dec. 2026 14:05`), in the reader's language and the browser's zone. */
export function formatDateTime(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(lang, f);
  }
  return f.format(date);
}
