import { localizeIssue, type Issue } from '@samverkan/sdk';
import type { ErrorItem } from './errors.js';

/**
 * An SDK issue (a schema's problem, `parseDataset`'s, unsafe text) as an
 * error answer's item: its path and code, and its message in both languages
 * by the SDK's one catalogue of issue messages (`localizeIssue`, which
 * `samverkan validate --lang sv` uses too), sent in the request's language. A
 * message the catalogue does not know yet is sent in English in both rather
 * than lost (the SDK's test keeps every message of the schemas the server uses
 * in the catalogue). The issue's `params` stay out of the answer, as before.
 */
export function issueItem(issue: Issue): ErrorItem {
  return { path: issue.path, code: issue.code, message: { en: issue.message, sv: localizeIssue(issue, 'sv').message } };
}

