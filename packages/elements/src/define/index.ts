// Registers every element: the entry of dist/samverkan.min.js. One import per
// element's define module; each developer adds their own line.
import './samverkan-contact-finder.js';
import './samverkan-follow-up.js';
import './samverkan-meeting-calendar.js';
import './samverkan-opportunity-form.js';
import './samverkan-principles.js';
import './samverkan-signatory-list.js';
import './samverkan-signup-form.js';
import './samverkan-volunteer-board.js';
export {};
