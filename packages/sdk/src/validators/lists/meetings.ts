// The meetings' own module (issue 18): the offset rule travels with them, so a page without meetings leaves it out.
import { meetingValidator } from '../generated/meeting.js';
import { meetingOffsetIssues, meetingOffsetsHold } from '../../rules/meeting-offset.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the meetings without zod: the entity's generated validator and the rule that a meeting's offsets are its dataset zone's. */
export const meetingsListValidator: ListValidator<'meetings'> = { validate: meetingValidator, offsetsHold: meetingOffsetsHold, offsetIssues: meetingOffsetIssues };
