// The follow-ups' own module (issue 18): their reference rules travel with them.
import { followUpValidator } from '../generated/follow-up.js';
import { checkFollowUps } from '../../follow-up-references.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the followUps without zod: the entity's generated validator and the rules on what a report refers to (one report per year, known commitments). */
export const followUpsListValidator: ListValidator<'followUps'> = { validate: followUpValidator, checkFollowUps };
