import { readFile, writeFile } from 'node:fs/promises';
import { formatIssue, isValidationError, type Issue } from './errors.js';
import { importOrganisationsCsv } from './import-organisations.js';
import { parseDataset } from './parse-dataset.js';

const USAGE = `Usage: samverkan <command> [options]

Commands:
  validate <file.json> [--json]   Check a dataset file. Prints each problem
                                  with its path; exits 1 when the dataset has
                                  problems, 0 when it is valid.
  import <organisations.csv> [--out file.json] [--json]
                                  Read an organisation list kept in a
                                  spreadsheet (CSV, comma or semicolon
                                  separated; columns by header, in Swedish or
                                  English) and write a dataset fragment
                                  { "organisations": [...] } of the valid rows.
                                  Prints each problem with its line and
                                  column; exits 1 when any row has one.
  help                            Show this text.
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

/** Runs the CLI with `args` (without `node` and the script); resolves to the exit code. */
export async function main(args: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
      return validate(rest, io);
    case 'import':
      return importCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`samverkan: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/** The one file a command works on, or the exit code 2 after saying what is wrong. */
async function readOneFile(command: string, what: string, files: string[], io: Io): Promise<{ file: string; text: string } | number> {
  if (files.length !== 1) {
    io.err(`samverkan ${command}: give exactly one ${what}.\n\n${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (error) {
    io.err(`samverkan ${command}: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
}

async function validate(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const input = await readOneFile('validate', 'dataset file', args.filter((a) => !a.startsWith('--')), io);
  if (typeof input === 'number') return input;
  const { file, text } = input;

  let issues: Issue[];
  let fatal = false;
  let counts: Record<string, number> | undefined;
  try {
    const result = parseDataset(text);
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

  const valid = issues.length === 0;
  if (json) {
    io.out(JSON.stringify({ file, valid, fatal, issues: issues.map(({ path, code, message }) => ({ path, code, message })), counts }, null, 2));
  } else if (valid) {
    io.out(`${file}: valid (${Object.entries(counts!).map(([k, v]) => `${v} ${k}`).join(', ')}).`);
  } else {
    io.err(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}${fatal ? ' (the dataset cannot be read)' : ''}:`);
    for (const issue of issues) io.err(`  ${formatIssue(issue)}`);
  }
  return valid ? 0 : 1;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (outAt >= 0 && (!out || out.startsWith('--'))) {
    io.err('samverkan import: --out needs a file name.');
    return 2;
  }
  const files = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const input = await readOneFile('import', 'CSV file', files, io);
  if (typeof input === 'number') return input;
  const { file, text } = input;
  let result;
  try {
    result = importOrganisationsCsv(text);
  } catch (error) {
    io.err(`samverkan import: ${file} is not a CSV file we can read: ${(error as Error).message}`);
    return 1;
  }
  const fragment = JSON.stringify({ organisations: result.organisations }, null, 2) + '\n';
  if (out) await writeFile(out, fragment);
  if (json) {
    io.out(JSON.stringify({ file, organisations: result.organisations, issues: result.issues, ignoredColumns: result.ignoredColumns }, null, 2));
  } else if (!out) {
    io.out(fragment.trimEnd());
  }
  if (!json) {
    for (const column of result.ignoredColumns) io.err(`${file}: the column "${column}" matches no field and was ignored`);
    for (const issue of result.issues) {
      io.err(`${file}: line ${issue.line}${issue.column ? `, column "${issue.column}"` : ''}: ${issue.message}`);
    }
    io.err(
      `${file}: ${result.organisations.length} organisation${result.organisations.length === 1 ? '' : 's'} read` +
        (result.issues.length ? `; ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}, those rows were left out` : '') +
        (out ? `; written to ${out}` : ''),
    );
  }
  return result.issues.length > 0 ? 1 : 0;
}
