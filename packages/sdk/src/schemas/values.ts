// The allowed values of the data model's enumerations (no zod here: see entities.ts).

/** The forms an organisation can have (`Organisation.form`). */
export const ORGANISATION_FORMS = [
  'non-profit-association',
  'foundation',
  'faith-community',
  'study-association',
  'cooperative',
  'popular-movement',
  'other',
] as const;
/** The three ways an organisation joins the agreement (`Signature.via`): signing at adoption, at the annual dialogue forum, or by written application. */
export const SIGNATURE_VIAS = ['adoption', 'dialogue-forum', 'written-application'] as const;
/** Who a commitment binds (`Commitment.party`): the municipality, civil society, or both. */
export const COMMITMENT_PARTIES = ['municipality', 'civil-society', 'both'] as const;
/** The kinds of meeting (`Meeting.kind`). */
export const MEETING_KINDS = [
  'dialogue-meeting',
  'dialogue-forum',
  'collaboration-group',
  'workshop',
  'information-meeting',
  'other',
] as const;
/** A meeting's status (`Meeting.status`); `scheduled` when not given. */
export const MEETING_STATUSES = ['scheduled', 'cancelled', 'postponed'] as const;
/**
 * A commitment's status in a yearly follow-up (`FollowUpCommitment.status`):
 * not started yet, under way, done, or decided not to be done.
 */
export const FOLLOW_UP_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const;

/** The longest free-text message a signup application may carry. */
export const SIGNUP_MESSAGE_MAX_LENGTH = 2000;
