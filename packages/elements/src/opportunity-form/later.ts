// What the opportunity form loads when the reader starts to answer, or when
// its dataset is there (see `SamverkanFormElement.loadLater`), not before it
// shows: its check with the SDK's schema (zod) and rules, the lookup of a
// signatory by number, the steps after answering and their strings.
export { signatoryByOrganisationNumber } from '@samverkan/sdk';
export { checkAnswers, problemsFromIssues } from './validation.js';
export { opportunityLaterMessages as laterMessages } from './messages.later.js';
export * as steps from '../internal/form-steps.js';
