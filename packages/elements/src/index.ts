/**
 * `@samverkan/elements`: Lit web components for a Samverkan dataset. This
 * module only exports; import `@samverkan/elements/define/<tag>.js` (or load
 * `samverkan.min.js`) to register the tags.
 *
 * @packageDocumentation
 */
export { mailtoUrl, safeHttpUrl, telUrl } from './utils/safe-url.js';
export { SamverkanElement } from './internal/samverkan-element.js';
export { SamverkanLoadEvent, type SamverkanLoadDetail } from './events/samverkan-load.js';
export { SamverkanErrorEvent, type SamverkanErrorDetail } from './events/samverkan-error.js';
export type { LoadedDataset } from './data/dataset-source.js';
export { UI_LANGUAGES, type UiLanguage, type Catalogue } from './translations/catalogue.js';
// The shared look (tokens, fields, cards), for pages built on the elements such as @samverkan/admin.
export { tokenStyles } from './styles/tokens.js';
export { layoutStyles } from './styles/layout.js';
// Elements (one line each):
export { SamverkanContactFinder } from './contact-finder/contact-finder.js';
export { SamverkanFollowUp } from './follow-up/follow-up.js';
export { SamverkanMeetingCalendar, type MeetingCalendarView } from './meeting-calendar/meeting-calendar.js';
export { SamverkanOpportunityForm } from './opportunity-form/opportunity-form.js';
export { SamverkanPrinciples } from './principles/principles.js';
export { SamverkanSignatoryList } from './signatory-list/signatory-list.js';
export { SamverkanSignupForm } from './signup-form/signup-form.js';
export { SamverkanVolunteerBoard } from './volunteer-board/volunteer-board.js';
export { SamverkanSignupSubmittedEvent, type SamverkanSignupSubmittedDetail } from './events/samverkan-signup-submitted.js';
export { SamverkanSignupFailedEvent, type SamverkanSignupFailedDetail } from './events/samverkan-signup-failed.js';
export { SamverkanOpportunitySubmittedEvent, type SamverkanOpportunitySubmittedDetail } from './events/samverkan-opportunity-submitted.js';
export { SamverkanOpportunityFailedEvent, type SamverkanOpportunityFailedDetail } from './events/samverkan-opportunity-failed.js';
