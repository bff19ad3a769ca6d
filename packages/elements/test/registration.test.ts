// Distribution: the class modules only export; `define/*` registers. This
// file runs in a page of its own, so no other test has defined a tag yet.
import { expect } from '@open-wc/testing';

const TAGS = [
  'samverkan-signatory-list',
  'samverkan-contact-finder',
  'samverkan-meeting-calendar',
  'samverkan-principles',
  'samverkan-signup-form',
  'samverkan-follow-up',
  'samverkan-volunteer-board',
  'samverkan-opportunity-form',
];

describe('registration', () => {
  it('defines no tag when the package\'s classes are imported, and every tag through define/index', async () => {
    const elements = await import('../src/index.js');
    expect(typeof elements.SamverkanContactFinder).to.equal('function');
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    await import('../src/define/index.js');
    expect(customElements.get('samverkan-signatory-list')).to.equal(elements.SamverkanSignatoryList);
    expect(customElements.get('samverkan-contact-finder')).to.equal(elements.SamverkanContactFinder);
    expect(customElements.get('samverkan-meeting-calendar')).to.equal(elements.SamverkanMeetingCalendar);
    expect(customElements.get('samverkan-principles')).to.equal(elements.SamverkanPrinciples);
    expect(customElements.get('samverkan-signup-form')).to.equal(elements.SamverkanSignupForm);
    expect(customElements.get('samverkan-follow-up')).to.equal(elements.SamverkanFollowUp);
    expect(customElements.get('samverkan-volunteer-board')).to.equal(elements.SamverkanVolunteerBoard);
    expect(customElements.get('samverkan-opportunity-form')).to.equal(elements.SamverkanOpportunityForm);
  });
});
