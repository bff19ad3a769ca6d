// Opportunities the dataset file holds and the server does not publish (file mode: their organisation is listed
// without a signature; GET /api/v1/admin/withheld). The coordinator sees, in the opportunities' list and beside
// "Volontäruppdrag" in the menu, which ones, why and what to do, in Swedish and English; where nothing is withheld
// (always, outside file mode) the page shows nothing about it.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryApi } from './fixtures/memory-api.js';
import { notSignatory, opportunity, signatory } from './fixtures/agreement-content.js';
import { expectAccessible, focused, mountAdmin, q, qa, root, settle, text, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';
import type { WithheldOpportunity } from '../src/api.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };

/** Two opportunities of an organisation the file lists without a signature; the second's Swedish title is in Arabic script (right to left). */
const withheld: WithheldOpportunity[] = [
  { id: 'opportunity-7', reason: 'organisation-not-signatory', organisationId: notSignatory.id, organisation: notSignatory.name, value: opportunity(7, { organisationId: notSignatory.id }) },
  {
    id: 'opportunity-8',
    reason: 'organisation-not-signatory',
    organisationId: notSignatory.id,
    organisation: notSignatory.name,
    value: opportunity(8, { organisationId: notSignatory.id, title: { sv: 'مساعدة في الواجبات', en: 'Homework help' } }),
  },
];

function api(list: WithheldOpportunity[] = withheld): MemoryApi {
  return new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [signatory, notSignatory], opportunities: [opportunity(1)] }, withheld: list });
}

/** The elements `selector` finds inside `node`. */
const all = <T extends Element = HTMLElement>(node: Element, selector: string): T[] => [...node.querySelectorAll<T>(selector)];
const section = (el: Awaited<ReturnType<typeof mountAdmin>>) => root(el).querySelector<HTMLElement>('section.withheld');

afterEach(() => unmountAll());

describe('withheld opportunities', () => {
  it('the opportunities list says which are not shown on the board, why and how to publish them; the menu counts them; axe passes', async () => {
    const el = await mountAdmin(api(), '#/content/opportunities');
    const shown = await waitFor(() => section(el), 'the withheld section');
    await waitFor(() => qa(el, '.rows li').length === 1, 'the published list');
    await settle(el);

    const heading = q(el, '#withheld-heading');
    expect(heading.localName).to.equal('h2');
    expect(text(heading)).to.equal(sv.withheld.heading(2));
    expect(shown.getAttribute('aria-labelledby')).to.equal('withheld-heading');
    const items = all(shown, '.withheld-list > li');
    expect(items.map((li) => li.dataset['id'])).to.deep.equal(['opportunity-7', 'opportunity-8']);
    expect(text(items[0])).to.equal(`Fotbollstränare 7, ${sv.withheld.offeredBy} Ronna Schackklubb. ${sv.withheld.reasons['organisation-not-signatory']}`);
    // The file's texts are isolated for direction: an Arabic title does not reorder the Swedish sentence around it.
    expect(all(items[1]!, 'bdi').map((b) => text(b))).to.deep.equal(['مساعدة في الواجبات', 'Ronna Schackklubb']);
    expect(all(shown, 'ul[aria-labelledby="withheld-fix"] > li').map((li) => text(li))).to.deep.equal(sv.withheld.fix);
    // Withheld ones are not in the published list (they cannot be edited here: the file is the truth).
    expect(qa(el, '.rows li').map((li) => text(li.querySelector('.grow')))).to.deep.equal(['Fotbollstränare 1']);

    const badge = q(el, '#withheld-count');
    expect(text(badge)).to.equal(`, ${sv.withheld.count(2)}`);
    expect(text(badge.closest('a'))).to.equal(`${sv.nav.opportunities}, ${sv.withheld.count(2)}`);
    await expectAccessible(el);
  });

  it('in English, every word of it (the data as the file has it)', async () => {
    const el = await mountAdmin(api(), '#/content/opportunities', 'en');
    const shown = await waitFor(() => section(el), 'the withheld section');
    await settle(el);
    expect(text(q(el, '#withheld-heading'))).to.equal(en.withheld.heading(2));
    expect(text(shown)).to.include(en.withheld.intro);
    expect(text(all(shown, '.withheld-list > li')[1])).to.equal(`Homework help, ${en.withheld.offeredBy} Ronna Schackklubb. ${en.withheld.reasons['organisation-not-signatory']}`);
    expect(text(q(el, '#withheld-count'))).to.equal(`, ${en.withheld.count(2)}`);
    await expectAccessible(el);
  });

  it('nothing withheld (always, outside file mode): no section and no count, only the list', async () => {
    const el = await mountAdmin(api([]), '#/content/opportunities');
    await waitFor(() => qa(el, '.rows li').length === 1, 'the list');
    await settle(el);
    expect(section(el)).to.equal(null);
    expect(root(el).querySelector('#withheld-count')).to.equal(null);
    expect(text(q(el, 'main')).includes(sv.withheld.heading(1))).to.equal(false);
  });

  it('a reason this page does not know is said in general words, without steps that may not fit', async () => {
    const el = await mountAdmin(api([{ ...withheld[0]!, reason: 'some-future-reason' }]), '#/content/opportunities');
    const shown = await waitFor(() => section(el), 'the withheld section');
    await settle(el);
    expect(text(q(el, '#withheld-heading'))).to.equal(sv.withheld.heading(1));
    expect(text(all(shown, '.withheld-list > li')[0])).to.equal(`Fotbollstränare 7, ${sv.withheld.offeredBy} Ronna Schackklubb. ${sv.withheld.otherReason}`);
    expect(shown.querySelector('#withheld-fix')).to.equal(null);
    await expectAccessible(el);
  });

  it('by keyboard: the menu link with the count takes focus and Enter opens the list with the section, focus on its heading', async () => {
    const el = await mountAdmin(api(), '#/applications');
    const badge = await waitFor(() => root(el).querySelector('#withheld-count'), 'the count in the menu');
    const link = badge.closest('a')!;
    link.focus();
    expect(focused(el)).to.equal(link);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => section(el), 'the withheld section');
    await waitFor(() => focused(el) === root(el).querySelector('main h1'), 'focus on the heading');
    await settle(el);
    expect(text(q(el, 'main h1'))).to.equal(sv.nav.opportunities);
    // Nothing in the section takes focus on its own: Tab from the heading reaches the link to add one.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(q(el, 'a.create'));
  });

  it('at 320 px wide nothing of it makes the page scroll sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await mountAdmin(api(), '#/content/opportunities');
      await waitFor(() => section(el), 'the withheld section');
      await settle(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('the count follows the server: fixed in the file, it goes when the list is opened again', async () => {
    const memory = api();
    const el = await mountAdmin(memory, '#/content/opportunities');
    await waitFor(() => root(el).querySelector('#withheld-count'), 'the count');
    memory.withheld_ = [];
    location.hash = '#/applications';
    await waitFor(() => text(q(el, 'main h1')) === sv.nav.applications, 'the applications');
    location.hash = '#/content/opportunities';
    await waitFor(() => !root(el).querySelector('#withheld-count'), 'the count gone');
    await waitFor(() => qa(el, '.rows li').length === 1, 'the list');
    await settle(el);
    expect(section(el)).to.equal(null);
  });
});
