/**
 * The SDK's error family. Each class has a literal `name`, and the `is…Error`
 * guards check that name, so they also work across realms (iframes, two copies
 * of the SDK on one page) where `instanceof` does not.
 */

/** One problem found in data, with where it is. */
export interface Issue {
  /** Where the problem is, as people read it: `organisations[3].website`. */
  path: string;
  /** The same path as keys and indexes. */
  segments: (string | number)[];
  /** A machine-readable code: zod's (`invalid_type`, `too_small`, …) or ours (`duplicate-id`, `unknown-reference`). */
  code: string;
  /** What is wrong, in plain words, without the path. */
  message: string;
}

/** The base class of every error the SDK throws. */
export class SamverkanError extends Error {
  override name: string = 'SamverkanError';
}

/**
 * Data did not match the data model: a dataset whose top level is broken, a
 * dataset read with `strict: true` that has any problem, or an application
 * that the signup schema rejects. `issues` lists every problem with its path.
 */
export class ValidationError extends SamverkanError {
  override name = 'ValidationError' as const;
  readonly issues: Issue[];

  constructor(summary: string, issues: Issue[]) {
    super(`${summary}\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
    this.issues = issues;
  }
}

/** `path: message`, or just the message for the whole document. */
export function formatIssue(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

function hasName(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}

/** `true` for any error the SDK throws. */
export function isSamverkanError(value: unknown): value is SamverkanError {
  return value instanceof SamverkanError || (value instanceof Error && ['ValidationError', 'NetworkError', 'HttpError', 'TimeoutError'].includes(value.name));
}

/** `true` for a {@link ValidationError}. */
export function isValidationError(value: unknown): value is ValidationError {
  return hasName(value, 'ValidationError') && Array.isArray((value as ValidationError).issues);
}
