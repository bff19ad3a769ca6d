// A long organisations list searched at once: the SDK makes the search's
// word index in idle time after the list shows; a search typed before that
// is done does not build the rest in one long task (hundreds of ms for
// 10,000 organisations, the keystroke frozen meanwhile) but shows
// "Söker …" at once, keeps the rows, and shows the rows found when the
// index is done (made a slice at a time, the page free in between).
import { expect } from '@open-wc/testing';
import type { Organisation } from '@samverkan/sdk';
import { MemoryApi } from './fixtures/memory-api.js';
import { expectAccessible, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const COUNT = 10_000;
const DISTRICTS = ['Hovsjö', 'Ronna', 'Geneta', 'Järna', 'Centrum'];

/** Fictional organisations; every 7th is a scout group (in its description, not its name). */
function organisations(): Organisation[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `org-${i}`,
    name: `Förening ${String(i).padStart(5, '0')}`,
    form: 'non-profit-association',
    description: { sv: i % 7 === 0 ? 'Scoutkår för barn och unga' : 'Fika och samtal varje vecka', en: 'Meetings every week' },
    districts: [DISTRICTS[i % DISTRICTS.length]!],
    activities: ['Samtal'],
    languages: ['sv'],
    email: `info${i}@forening.example.org`,
  })) as unknown as Organisation[];
}

afterEach(() => unmountAll());

describe('a search typed as soon as 10,000 organisations show', () => {
  it('says it is searching at once, keeps the rows, then shows the rows found', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: organisations() } });
    const el = await mountAdmin(api, '#/content/organisations');
    await waitFor(() => root(el).querySelector('.rows'), 'the rows');
    const view = q(el, 'samverkan-admin-content-list') as HTMLElement & { updateComplete: Promise<unknown> };
    // At once, in the same task as the rows were found: no idle time has made the index yet.
    type(q<HTMLInputElement>(el, '#content-search'), 'scoutkår hovsjö');
    await view.updateComplete;
    expect(text(q(el, '#content-count'))).to.equal(sv.content.searching);
    expect(q(el, '.rows').getAttribute('aria-busy')).to.equal('true');
    expect(qa(el, '.rows > li')).to.have.length(50);

    // Scout groups (every 7th) in Hovsjö (every 5th): every 35th organisation.
    const expected = Math.ceil(COUNT / 35);
    await waitFor(() => text(root(el).querySelector('#content-count')) === sv.content.count(expected, COUNT), 'the rows found');
    await settle(el);
    expect(q(el, '.rows').getAttribute('aria-busy')).to.equal('false');
    expect(qa(el, '.rows .grow a').map(text).slice(0, 3)).to.deep.equal(['Förening 00000', 'Förening 00035', 'Förening 00070']);

    // The next keystroke is answered from the index at once.
    type(q<HTMLInputElement>(el, '#content-search'), 'scoutkår ronna');
    await view.updateComplete;
    expect(text(q(el, '#content-count'))).to.equal(sv.content.count(Math.ceil((COUNT - 21) / 35), COUNT));
    await expectAccessible(el);
  });
});
