import type { FastifyInstance } from 'fastify';
import { validateSignupApplication, type SignupApplication } from '@samverkan/sdk';
import type { SamverkanStore } from './store/types.js';
import { registerSubmissionRoute, SUBMISSION_BODY_LIMIT, type SubmissionGate } from './submission-route.js';

export { HONEYPOT_FIELD } from './submission-route.js';

/** The largest application body accepted (bytes). */
export const SIGNUP_BODY_LIMIT = SUBMISSION_BODY_LIMIT;

/** What the signup route needs. */
export interface SignupRouteOptions extends SubmissionGate {
  store: SamverkanStore;
  bodyLimit?: number;
  /** Called after an application is stored (the accounts' e-mail notification). */
  onApplication?: (receipt: { id: string; reference: string }, application: SignupApplication) => void | Promise<void>;
}

/**
 * `POST /api/v1/signups`: a written application to join the agreement,
 * checked with the SDK's `SignupApplicationSchema` (the form's own schema)
 * and answered `201 { id, status: "pending", reference }`. The steps and
 * their answers are the submission route's.
 */
export function registerSignupRoute(app: FastifyInstance, options: SignupRouteOptions): void {
  const { store } = options;
  registerSubmissionRoute<SignupApplication>(app, {
    ...options,
    url: '/signups',
    bodyName: { en: 'The application', sv: 'Ansökan' },
    otherBody: { en: 'a different application', sv: 'en annan ansökan' },
    keyPrefix: '',
    validate: validateSignupApplication,
    findIdempotency: (key) => store.findIdempotency(key),
    insert: ({ id, receivedAt, data }, idempotency) => store.queueInsert({ id, receivedAt, application: data }, idempotency),
    ...(options.onApplication && { afterStore: options.onApplication }),
  });
}
