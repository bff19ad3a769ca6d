// What the signup form loads when the reader starts to answer (see
// `SamverkanFormElement.loadLater`), not before it shows: its check with the
// SDK's schema (zod), the steps after answering and their strings.
export { checkAnswers, problemsFromIssues } from './validation.js';
export { signupLaterMessages as laterMessages } from './messages.later.js';
export * as steps from '../internal/form-steps.js';
