import { readFile, writeFile } from 'node:fs/promises';
import { isValidationError, type Issue } from './errors.js';
import { importOrganisationsCsv, type ImportIssue } from './import-organisations.js';
import { pathWithEntry } from './entry-label.js';
import { localizeIssue, localizeIssueMessage, type IssueLanguage } from './issue-language.js';
import { isJsonSyntaxError, parseJsonText } from './json-text.js';
import { parseDataset } from './parse-dataset-sync.js';

type Lang = IssueLanguage;

const USAGE: Record<Lang, string> = {
  en: `Usage: samverkan <command> [options]

Commands:
  validate <file.json> [--json]   Check a dataset file. Prints each problem
                                  with its path and the entry it is in; a file
                                  that is not JSON is reported by line and
                                  column. Exits 0 when the dataset is valid,
                                  1 when it has problems, 2 when it cannot be
                                  read or the command is wrong.
  import <organisations.csv> [--out file.json] [--json]
                                  Read an organisation list kept in a
                                  spreadsheet (CSV, comma or semicolon
                                  separated; columns by header, in Swedish or
                                  English) and write a dataset fragment
                                  { "organisations": [...] } of the valid rows.
                                  Prints each problem with its line and
                                  column; exits 1 when any row has one.
  help                            Show this text (also --help, -h).

Options:
  --lang sv|en    The language of the messages. Default: from LC_ALL,
                  LC_MESSAGES or LANG (sv_SE.UTF-8 and other sv… give
                  Swedish), else English.
  --json          Print one JSON document instead of text.
`,
  sv: `Användning: samverkan <kommando> [flaggor]

Kommandon:
  validate <fil.json> [--json]    Kontrollera en datamängd. Skriver varje fel
                                  med dess sökväg och posten det gäller; en fil
                                  som inte är JSON anges med rad och kolumn.
                                  Avslutas med 0 när datamängden är giltig, 1
                                  när den har fel, 2 när filen inte kan läsas
                                  eller kommandot är fel.
  import <organisationer.csv> [--out fil.json] [--json]
                                  Läs en organisationslista från ett
                                  kalkylark (CSV, komma- eller
                                  semikolonseparerad; kolumner efter rubrik,
                                  på svenska eller engelska) och skriv ett
                                  utdrag { "organisations": [...] } med de
                                  giltiga raderna. Skriver varje fel med rad
                                  och kolumn; avslutas med 1 när någon rad
                                  har fel.
  help                            Visa den här texten (även --help, -h).

Flaggor:
  --lang sv|en    Meddelandenas språk. Standard: från LC_ALL, LC_MESSAGES
                  eller LANG (sv_SE.UTF-8 och andra sv… ger svenska),
                  annars engelska.
  --json          Skriv ett JSON-dokument i stället för text.
`,
};

const LIST_NAMES: Record<Lang, Record<string, string>> = {
  en: { principles: 'principles', developmentAreas: 'developmentAreas', organisations: 'organisations', contacts: 'contacts', meetings: 'meetings', followUps: 'followUps', opportunities: 'opportunities' },
  sv: { principles: 'principer', developmentAreas: 'utvecklingsområden', organisations: 'organisationer', contacts: 'kontaktpersoner', meetings: 'möten', followUps: 'uppföljningar', opportunities: 'frivilliguppdrag' },
};

const T = {
  en: {
    unknownCommand: (c: string) => `samverkan: unknown command "${c}".`,
    unknownOption: (command: string, o: string) => `samverkan ${command}: unknown option "${o}".`,
    badLang: (v: string) => `samverkan: --lang must be "sv" or "en", not "${v}".`,
    exactlyOne: (command: string, what: string) => `samverkan ${command}: give exactly one ${what}.`,
    datasetFile: 'dataset file',
    csvFile: 'CSV file',
    cannotRead: (command: string, file: string, why: string) => `samverkan ${command}: cannot read ${file}: ${why}`,
    notJson: (file: string, detail: string) => `${file}: not valid JSON: ${detail}`,
    valid: (file: string, counts: string) => `${file}: valid (${counts}).`,
    problems: (file: string, n: number, fatal: boolean) => `${file}: ${n} problem${n === 1 ? '' : 's'}${fatal ? ' (the dataset cannot be read)' : ''}:`,
    outNeedsFile: 'samverkan import: --out needs a file name.',
    notCsv: (file: string, why: string) => `samverkan import: ${file} is not a CSV file we can read: ${why}`,
    ignored: (file: string, column: string) => `${file}: the column "${column}" matches no field and was ignored`,
    note: 'note: ',
    at: (file: string, line: number, column: string) => `${file}: line ${line}${column ? `, column "${column}"` : ''}: `,
    summary: (file: string, read: number, problems: number, out?: string) =>
      `${file}: ${read} organisation${read === 1 ? '' : 's'} read` +
      (problems ? `; ${problems} problem${problems === 1 ? '' : 's'}, those rows were left out` : '') +
      (out ? `; written to ${out}` : ''),
  },
  sv: {
    unknownCommand: (c: string) => `samverkan: okänt kommando "${c}".`,
    unknownOption: (command: string, o: string) => `samverkan ${command}: okänd flagga "${o}".`,
    badLang: (v: string) => `samverkan: --lang måste vara "sv" eller "en", inte "${v}".`,
    exactlyOne: (command: string, what: string) => `samverkan ${command}: ange exakt en ${what}.`,
    datasetFile: 'datamängdsfil',
    csvFile: 'CSV-fil',
    cannotRead: (command: string, file: string, why: string) => `samverkan ${command}: kan inte läsa ${file}: ${why}`,
    notJson: (file: string, detail: string) => `${file}: inte giltig JSON: ${detail}`,
    valid: (file: string, counts: string) => `${file}: giltig (${counts}).`,
    problems: (file: string, n: number, fatal: boolean) => `${file}: ${n} fel${fatal ? ' (datamängden kan inte läsas)' : ''}:`,
    outNeedsFile: 'samverkan import: --out behöver ett filnamn.',
    notCsv: (file: string, why: string) => `samverkan import: ${file} är inte en CSV-fil som går att läsa: ${why}`,
    ignored: (file: string, column: string) => `${file}: kolumnen "${column}" motsvarar inget fält och hoppades över`,
    note: 'obs: ',
    at: (file: string, line: number, column: string) => `${file}: rad ${line}${column ? `, kolumn "${column}"` : ''}: `,
    summary: (file: string, read: number, problems: number, out?: string) =>
      `${file}: ${read} ${read === 1 ? 'organisation läst' : 'organisationer lästa'}` +
      (problems ? `; ${problems} fel, de raderna utelämnades` : '') +
      (out ? `; skrivna till ${out}` : ''),
  },
} satisfies Record<Lang, unknown>;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The environment the language is read from (LC_ALL, LC_MESSAGES, LANG). */
  env?: Record<string, string | undefined>;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
};

/**
 * The language of the messages from the environment, as POSIX programs choose
 * it: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set; a Swedish
 * locale (`sv`, `sv_SE.UTF-8`, `sv_FI`) gives Swedish, anything else English.
 */
export function languageFromEnvironment(env: Record<string, string | undefined>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale !== undefined && /^sv(?:[_.@-]|$)/i.test(locale) ? 'sv' : 'en';
}

// Text from a file goes to a terminal: control characters (an escape
// sequence) and bidi controls are shown as \u{…}, never passed through.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const printable = (text: string) => text.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);

interface Options {
  lang: Lang;
  json: boolean;
  help: boolean;
  out?: string;
  files: string[];
}

/** The options shared by every command; an unknown option or a wrong --lang is a usage error (a message). */
function readOptions(command: string, args: string[], env: Record<string, string | undefined>, takesOut: boolean): Options | { error: (lang: Lang) => string; lang: Lang } {
  const options: Options = { lang: languageFromEnvironment(env), json: false, help: false, files: [] };
  let error: ((lang: Lang) => string) | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (value === 'sv' || value === 'en') options.lang = value;
      else error ??= (lang) => T[lang].badLang(value ?? '');
    } else if (takesOut && (arg === '--out' || arg.startsWith('--out='))) {
      const value = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (!value || value.startsWith('--')) error ??= (lang) => T[lang].outNeedsFile;
      else options.out = value;
    } else if (arg.startsWith('-') && arg !== '-') error ??= (lang) => T[lang].unknownOption(command, arg);
    else options.files.push(arg);
  }
  return error && !options.help ? { error, lang: options.lang } : options;
}

/** Runs the CLI with `args` (without `node` and the script); resolves to the exit code. */
export async function main(args: string[], io: Io = defaultIo): Promise<number> {
  const env = io.env ?? process.env;
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
    case 'import': {
      const options = readOptions(command, rest, env, command === 'import');
      if ('error' in options) {
        io.err(`${options.error(options.lang)}\n\n${USAGE[options.lang]}`);
        return 2;
      }
      if (options.help) {
        io.out(USAGE[options.lang]);
        return 0;
      }
      return command === 'validate' ? validate(options, io) : importCommand(options, io);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h': {
      const options = readOptions('help', rest, env, false);
      io.out(USAGE[options.lang]);
      return command === undefined ? 2 : 0;
    }
    default: {
      const options = readOptions('', rest, env, true);
      io.err(`${T[options.lang].unknownCommand(command)}\n\n${USAGE[options.lang]}`);
      return 2;
    }
  }
}

/** The one file a command works on, or the exit code 2 after saying what is wrong. */
async function readOneFile(command: 'validate' | 'import', options: Options, io: Io): Promise<{ file: string; text: string } | number> {
  const t = T[options.lang];
  if (options.files.length !== 1) {
    io.err(`${t.exactlyOne(command, command === 'validate' ? t.datasetFile : t.csvFile)}\n\n${USAGE[options.lang]}`);
    return 2;
  }
  const file = options.files[0]!;
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = options.lang === 'sv' && code === 'ENOENT' ? 'filen finns inte' : options.lang === 'sv' && code === 'EISDIR' ? 'det är en mapp' : (error as Error).message;
    io.err(t.cannotRead(command, file, why));
    return 2;
  }
}

async function validate(options: Options, io: Io): Promise<number> {
  const input = await readOneFile('validate', options, io);
  if (typeof input === 'number') return input;
  const { file, text } = input;
  const { lang, json } = options;
  const t = T[lang];

  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (error) {
    if (!isJsonSyntaxError(error)) throw error;
    const message = error.messages[lang];
    if (json) {
      io.out(JSON.stringify({ file, valid: false, fatal: true, issues: [{ path: '', code: 'invalid-json', message, line: error.line, column: error.column }] }, null, 2));
    } else {
      io.err(t.notJson(file, message));
      io.err(printable(error.excerpt).replace(/^/gm, '  '));
    }
    return 1;
  }

  let issues: Issue[];
  let fatal = false;
  let counts: Record<string, number> | undefined;
  try {
    const result = parseDataset(data);
    issues = result.issues;
    const d = result.dataset;
    counts = {
      principles: d.principles.length,
      developmentAreas: d.developmentAreas.length,
      organisations: d.organisations.length,
      contacts: d.contacts.length,
      meetings: d.meetings.length,
      followUps: d.followUps.length,
      opportunities: d.opportunities.length,
    };
  } catch (error) {
    if (!isValidationError(error)) throw error;
    issues = error.issues;
    fatal = true;
  }

  const shown = issues.map((issue) => {
    const localized = localizeIssue(issue, lang);
    const where = pathWithEntry(issue.segments, data);
    return { ...localized, where };
  });
  const valid = issues.length === 0;
  if (json) {
    io.out(
      JSON.stringify(
        { file, valid, fatal, issues: shown.map(({ path, where, code, message }) => ({ path, entryPath: where, code, message })), counts },
        null,
        2,
      ),
    );
  } else if (valid) {
    io.out(t.valid(file, Object.entries(counts!).map(([k, v]) => `${v} ${LIST_NAMES[lang][k] ?? k}`).join(', ')));
  } else {
    io.err(t.problems(file, issues.length, fatal));
    for (const issue of shown) io.err(printable(`  ${issue.where ? `${issue.where}: ` : ''}${issue.message}`));
  }
  return valid ? 0 : 1;
}

async function importCommand(options: Options, io: Io): Promise<number> {
  const input = await readOneFile('import', options, io);
  if (typeof input === 'number') return input;
  const { file, text } = input;
  const { lang, json, out } = options;
  const t = T[lang];
  let result;
  try {
    result = importOrganisationsCsv(text);
  } catch (error) {
    io.err(t.notCsv(file, (error as Error).message));
    return 1;
  }
  const localize = (issue: ImportIssue): ImportIssue => ({ ...issue, message: localizeIssueMessage(issue.message, lang) });
  const issues = result.issues.map(localize);
  const notes = result.notes.map(localize);
  const fragment = JSON.stringify({ organisations: result.organisations }, null, 2) + '\n';
  if (out) await writeFile(out, fragment);
  if (json) {
    io.out(JSON.stringify({ file, organisations: result.organisations, issues, notes, ignoredColumns: result.ignoredColumns }, null, 2));
  } else if (!out) {
    io.out(fragment.trimEnd());
  }
  if (!json) {
    for (const column of result.ignoredColumns) io.err(printable(t.ignored(file, column)));
    for (const note of notes) io.err(printable(t.at(file, note.line, note.column) + t.note + note.message));
    for (const issue of issues) io.err(printable(t.at(file, issue.line, issue.column) + issue.message));
    io.err(t.summary(file, result.organisations.length, issues.length, out));
  }
  return issues.length > 0 ? 1 : 0;
}
