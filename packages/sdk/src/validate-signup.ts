import type { Issue } from './errors.js';
import { errorMap, toIssues } from './issues.js';
import { SignupApplicationSchema, type SignupApplication } from './schemas/signup.js';

/** The outcome of {@link validateSignupApplication}: the clean application, or every problem with its path. */
export type SignupValidationResult = { success: true; data: SignupApplication } | { success: false; issues: Issue[] };

/**
 * Checks a signup application (as the form sends it) against
 * `SignupApplicationSchema` with the SDK's plain-language messages, so the
 * server and the form report the same problems with the same paths.
 * Unknown keys are dropped from `data`; nothing is thrown.
 */
export function validateSignupApplication(input: unknown): SignupValidationResult {
  const result = SignupApplicationSchema.safeParse(input, { error: errorMap });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toIssues(result.error.issues) };
}
