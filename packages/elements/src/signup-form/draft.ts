// The unsent application, kept in this tab's sessionStorage (see
// internal/form-draft.ts), with when the privacy notice was first shown.
import { FormDraft } from '../internal/form-draft.js';
import { emptyValues } from './fields.js';
import type { SignupValues } from './validation.js';

/** The sessionStorage key of the draft. */
export const DRAFT_STORAGE_KEY = 'samverkan-signup-draft';

/**
 * The signup form's draft. Beside the answers it keeps `privacyShownAt`, when
 * the privacy notice was first shown for this draft, so that a retry after a
 * reload sends the same body as before: the server compares the body with the
 * key's first request.
 */
export const signupDraft = new FormDraft<SignupValues>(DRAFT_STORAGE_KEY, emptyValues, ['privacyShownAt']);
