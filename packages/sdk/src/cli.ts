import { readFile } from 'node:fs/promises';
import { formatIssue, isValidationError, type Issue } from './errors.js';
import { parseDataset } from './parse-dataset.js';

const USAGE = `Usage: samverkan <command> [options]

Commands:
  validate <file.json> [--json]   Check a dataset file. Prints each problem
                                  with its path; exits 1 when the dataset has
                                  problems, 0 when it is valid.
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

async function validate(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    io.err(`samverkan validate: give exactly one dataset file.\n\n${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`samverkan validate: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }

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
