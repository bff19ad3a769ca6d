// A month cell's first meetings ("18:00 Dialogmöte", "2 till"), built as DOM
// once per month (in the calendar's willUpdate) rather than as Lit templates:
// a month of 2,000 meetings a year shows some 150 such lines in 42 cells, and
// a template per line and per title cost a fifth of the first render (each
// instance is cloned and walked for its parts), while these nodes are made
// once and left alone by every later render of the same month. Text from the
// data is only ever set as text (`textContent`), never as HTML.

/** One line: a meeting's status badge (cancelled, postponed), its time and its title. */
export interface DayLine {
  /** `scheduled`, `cancelled` or `postponed` (the line's class). */
  status: string;
  /** The badge's words for a cancelled or postponed meeting. */
  badge?: string;
  time: string;
  title: string;
  /** The title's language when it is not the page's (a `<bdi lang>`: read in its voice, isolated for direction). */
  titleLang?: string;
}

function element<K extends keyof HTMLElementTagNameMap>(name: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * `<ul class="day-meetings" aria-hidden="true">` with a line per meeting and,
 * when there are more than shown, `more` as its last line. Hidden from
 * screen readers, which hear the cell's label ("…, 5 möten") instead.
 */
export function dayLines(lines: readonly DayLine[], more: string | undefined): HTMLUListElement {
  const list = element('ul', 'day-meetings');
  list.setAttribute('aria-hidden', 'true');
  for (const line of lines) {
    const item = element('li', line.status);
    if (line.badge !== undefined) item.append(element('span', 'badge', line.badge), ' ');
    const title = element('bdi', '', line.title);
    if (line.titleLang) title.lang = line.titleLang;
    item.append(element('span', 'time', line.time), ' ', title);
    list.append(item);
  }
  if (more !== undefined) list.append(element('li', 'more', more));
  return list;
}
