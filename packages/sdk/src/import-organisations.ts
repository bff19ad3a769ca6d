import { parseCsv } from './csv.js';
import type { Issue } from './errors.js';
import { FAIL } from './validators/runtime.js';
import { validatorsFor } from './validators/index.js';
import { errorMap, toIssues } from './issues.js';
import type { Organisation, OrganisationForm, SignatureVia } from './schemas/dataset.js';
import { entitySchemas } from './schemas/entities.js';
import { withHttpsScheme } from './web-address.js';

/** A problem in one cell (or row) of an imported file. */
export interface ImportIssue {
  /** The 1-based line in the file. */
  line: number;
  /** The column's header as written in the file; empty when the problem is the whole row. */
  column: string;
  message: string;
}

/** What {@link importOrganisationsCsv} returns. */
export interface ImportOrganisationsResult {
  /** The valid rows, as organisations of a dataset (a fragment: `{ organisations }`). */
  organisations: Organisation[];
  /** Every problem, by line and column. A row with a problem is left out. */
  issues: ImportIssue[];
  /** Header cells that match no field (ignored). */
  ignoredColumns: string[];
  /**
   * What was read differently from how it was written, in rows that were
   * kept: a web address without `https://` (`www.roddsallskap.example.org`)
   * is read as `https://www.roddsallskap.example.org/`, as the signup form does.
   */
  notes: ImportIssue[];
  /**
   * The organisation fields the file has a column for (`signature` for
   * "signedOn"/"via", `collaborationContact` for the contact columns): an
   * update from the file should change only these and keep the rest.
   */
  fields: string[];
}

type Field =
  | 'id' | 'name' | 'organisationNumber' | 'form' | 'description' | 'website' | 'email' | 'phone'
  | 'districts' | 'activities' | 'languages' | 'signedOn' | 'via' | 'contactName' | 'contactEmail' | 'contactPhone';

// Header names people use, in Swedish and English, compared after fold().
const ALIASES: Record<Field, string[]> = {
  id: ['id'],
  name: ['name', 'namn', 'organisation', 'organisationsnamn', 'foreningsnamn', 'forening'],
  organisationNumber: ['organisationnumber', 'organisationsnummer', 'orgnr', 'orgnummer', 'organisationsnr'],
  form: ['form', 'organisationsform', 'typ', 'type'],
  description: ['description', 'beskrivning', 'om'],
  website: ['website', 'webbplats', 'webb', 'hemsida', 'url'],
  email: ['email', 'epost', 'mejl', 'mail'],
  phone: ['phone', 'telefon', 'tel', 'telefonnummer'],
  districts: ['districts', 'district', 'stadsdelar', 'stadsdel', 'omrade', 'omraden'],
  activities: ['activities', 'activity', 'verksamhet', 'verksamheter', 'aktiviteter'],
  languages: ['languages', 'sprak'],
  signedOn: ['signedon', 'undertecknad', 'undertecknat', 'datum', 'signed'],
  via: ['via', 'satt', 'undertecknadvia', 'signedvia'],
  contactName: ['contactname', 'kontaktperson', 'kontakt', 'samverkanskontakt'],
  contactEmail: ['contactemail', 'kontaktepost', 'kontaktpersonensepost', 'kontaktmejl'],
  contactPhone: ['contactphone', 'kontakttelefon', 'kontaktpersonenstelefon'],
};

const FORMS: Record<string, OrganisationForm> = {
  ideellforening: 'non-profit-association',
  forening: 'non-profit-association',
  stiftelse: 'foundation',
  trossamfund: 'faith-community',
  forsamling: 'faith-community',
  studieforbund: 'study-association',
  kooperativ: 'cooperative',
  ekonomiskforening: 'cooperative',
  folkrorelse: 'popular-movement',
  annan: 'other',
  ovrig: 'other',
  ovrigt: 'other',
  annat: 'other',
};

const VIAS: Record<string, SignatureVia> = {
  antagande: 'adoption',
  vidantagandet: 'adoption',
  dialogforum: 'dialogue-forum',
  skriftligansokan: 'written-application',
  ansokan: 'written-application',
};

/** Lower case, no accents, no spaces or punctuation: "E-post" → "epost", "Stadsdel(ar)" → "stadsdelar". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function slug(text: string): string {
  return (
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'organisation'
  );
}

const list = (cell: string) => cell.split(/[;,|\n]/).map((part) => part.trim()).filter(Boolean);

/**
 * Reads an organisation list kept in a spreadsheet (CSV, comma or semicolon
 * separated) into organisations of a dataset. Columns are matched by their
 * header, in Swedish or English (`Namn`/`name`, `Organisationsnummer`,
 * `Organisationsform`, `Webbplats`, `E-post`, `Telefon`, `Stadsdelar`,
 * `Verksamhet`, `Språk`, `Undertecknad` (date) and `Via`, `Kontaktperson` …);
 * forms and ways of signing may be written in Swedish ("ideell förening",
 * "skriftlig ansökan"). Lists in a cell are separated by `,`, `;`, `|` or line breaks.
 * Every row is checked with the dataset's schema; a row with problems is left
 * out and each problem is reported with its line and column.
 */
export function importOrganisationsCsv(text: string, options: { defaultLanguage?: string } = {}): ImportOrganisationsResult {
  const table = parseCsv(text);
  const columns = new Map<Field, number>();
  const headerOf = new Map<Field, string>();
  const ignoredColumns: string[] = [];
  table.header.forEach((header, index) => {
    const key = fold(header);
    const field = (Object.keys(ALIASES) as Field[]).find((f) => ALIASES[f].includes(key));
    if (field && !columns.has(field)) {
      columns.set(field, index);
      headerOf.set(field, header);
    } else if (header) ignoredColumns.push(header);
  });

  const issues: ImportIssue[] = [];
  if (!columns.has('name')) {
    issues.push({ line: 1, column: '', message: 'the header has no column for the name ("Namn" or "name")' });
    return { organisations: [], issues, ignoredColumns, notes: [], fields: fieldsOf(columns) };
  }

  const schema = entitySchemas(options.defaultLanguage ?? 'sv').Organisation;
  const fast = validatorsFor(options.defaultLanguage ?? 'sv').Organisation as (value: unknown) => unknown;
  const organisations: Organisation[] = [];
  const notes: ImportIssue[] = [];
  const usedIds = new Set<string>();

  for (const row of table.rows) {
    const cell = (field: Field) => {
      const index = columns.get(field);
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const rowIssues: ImportIssue[] = [];
    const problem = (field: Field | '', message: string) =>
      rowIssues.push({ line: row.line, column: field ? (headerOf.get(field) ?? field) : '', message });

    const candidate: Record<string, unknown> = { name: cell('name') };
    let id = cell('id') || slug(cell('name'));
    for (let n = 2; !cell('id') && usedIds.has(id); n++) id = `${slug(cell('name'))}-${n}`;
    candidate.id = id;

    const formText = cell('form');
    const form = formText ? (FORMS[fold(formText)] ?? formText) : 'other';
    candidate.form = form;
    for (const field of ['organisationNumber', 'description', 'email', 'phone'] as const) {
      if (cell(field)) candidate[field] = cell(field);
    }
    const website = withHttpsScheme(cell('website'));
    if (website) candidate.website = website;
    for (const field of ['districts', 'activities', 'languages'] as const) candidate[field] = list(cell(field));
    if (cell('signedOn') || cell('via')) {
      const viaText = cell('via');
      candidate.signature = { signedOn: cell('signedOn'), via: viaText ? (VIAS[fold(viaText)] ?? viaText) : 'written-application' };
    }
    if (cell('contactName') || cell('contactEmail') || cell('contactPhone')) {
      const contact: Record<string, string> = { name: cell('contactName') };
      if (cell('contactEmail')) contact.email = cell('contactEmail');
      if (cell('contactPhone')) contact.phone = cell('contactPhone');
      candidate.collaborationContact = contact;
    }

    let parsed = fast(candidate);
    if (parsed === FAIL) {
      const result = schema.safeParse(candidate, { error: errorMap });
      if (!result.success) {
        for (const issue of toIssues(result.error.issues)) problem(fieldOf(issue), issue.message);
      } else parsed = result.data;
    }
    if (!cell('id') || !usedIds.has(id)) usedIds.add(id);
    else problem('id', `"${id}" is already used on an earlier line`);

    if (rowIssues.length > 0) issues.push(...rowIssues);
    else {
      const organisation = parsed as Organisation;
      organisations.push(organisation);
      if (website !== cell('website')) {
        notes.push({ line: row.line, column: headerOf.get('website') ?? 'website', message: `"${cell('website')}" has no http:// or https://; read as ${organisation.website}` });
      }
    }
  }
  return { organisations, issues, ignoredColumns, notes, fields: fieldsOf(columns) };
}

// The Organisation fields the columns fill.
function fieldsOf(columns: Map<Field, number>): string[] {
  const out = new Set<string>();
  for (const field of columns.keys()) {
    if (field === 'signedOn' || field === 'via') out.add('signature');
    else if (field === 'contactName' || field === 'contactEmail' || field === 'contactPhone') out.add('collaborationContact');
    else out.add(field);
  }
  return [...out];
}

// The column a schema issue belongs to, from its path in the organisation.
function fieldOf(issue: Issue): Field | '' {
  const [first, second] = issue.segments;
  if (first === 'signature') return second === 'via' ? 'via' : 'signedOn';
  if (first === 'collaborationContact') return second === 'email' ? 'contactEmail' : second === 'phone' ? 'contactPhone' : 'contactName';
  return typeof first === 'string' && first in ALIASES ? (first as Field) : '';
}
