/**
 * A small RFC 4180 CSV reader for spreadsheets people export: a comma or a
 * semicolon between fields (Swedish Excel writes semicolons; the delimiter is
 * detected from the header line), quoted fields with `""` for a quote and
 * line breaks inside quotes, CRLF or LF line ends, and a UTF-8 byte order mark.
 */

/** One data row: its 1-based line number in the file and its cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A parsed CSV file: the header's cells and the data rows (blank lines skipped). */
export interface CsvTable {
  delimiter: ',' | ';';
  header: string[];
  rows: CsvRow[];
}

/** The delimiter of a file: the one of `;` and `,` that occurs more often outside quotes in its first line. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Reads CSV text; throws an Error naming the line of an unclosed quote. */
export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      i++;
      continue;
    }
    if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
    i++;
  }
  if (quoted) throw new Error(`line ${recordLine}: a quoted field is not closed`);
  if (cell !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  return { delimiter, header: (header?.cells ?? []).map((h) => h.trim()), rows };
}
