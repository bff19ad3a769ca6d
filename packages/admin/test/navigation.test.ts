// The navigation the end-to-end test makes (test/admin-page-e2e.test.ts),
// here against the in-memory API with answers that come late: a save that
// goes back to the list (pushState), then hash-only navigations (what
// puppeteer's page.goto to the same page with another hash does, and what a
// bookmark or a typed address does) to another form and to the history. Each
// form renders after the view's first render, when its data arrives; it must
// then be there with its fields, its heading focused and named in the
// document title.
import { expect } from '@open-wc/testing';
import type { Meeting, Organisation } from '@samverkan/sdk';
import { MemoryApi } from './fixtures/memory-api.js';
import { announced, button, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import { controlId } from '../src/content/form-values.js';
import type { SamverkanAdmin } from '../src/admin-app.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
/** Each call to the API answers this much later: the views render "loading" first. */
const DELAY_MS = 40;

const hovsjo = {
  id: 'hovsjo-if',
  name: 'Hovsjö IF',
  form: 'non-profit-association',
  districts: ['Hovsjö'],
  activities: ['Fotboll'],
  languages: ['sv'],
  email: 'info@hovsjo-if.example.org',
} as unknown as Organisation;

const meeting = {
  id: 'dialog-1',
  title: { sv: 'Dialogmöte', en: 'Dialogue meeting' },
  kind: 'dialogue-meeting',
  start: '2027-01-15T18:00:00+01:00',
  end: '2027-01-15T20:00:00+01:00',
  languages: ['sv'],
  status: 'scheduled',
  sequence: 0,
} as unknown as Meeting;

afterEach(() => unmountAll());

const control = (el: SamverkanAdmin, name: string) => root(el).querySelector<HTMLInputElement>(`#${controlId(name)}`);

/** Goes to `hash` as an address typed or a bookmark does: only the hash changes, the page stays. */
async function goToHash(el: SamverkanAdmin, hash: string): Promise<void> {
  location.hash = hash;
  await waitFor(() => el.shadowRoot?.querySelector('main > *') && location.hash === hash, `the route ${hash}`);
}

describe('hash navigations between forms whose data comes late', () => {
  it('show each form with its fields, focus its heading and name it in the title; the 412 and the history follow', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo], meetings: [meeting] }, delay: DELAY_MS });
    const el = await mountAdmin(api, '#/content/meetings/dialog-1');

    // The meeting moves to June: saved with the summer offset, and the page goes back to the list.
    await waitFor(() => control(el, 'start#date'), 'the meeting form');
    for (const [name, value] of [['start#date', '2027-06-10'], ['start#time', '18:00'], ['end#date', '2027-06-10'], ['end#time', '20:00']] as const) type(control(el, name)!, value);
    await waitFor(() => text(root(el).querySelector('#start-offset')).includes('+02:00'), 'the summer offset');
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved, 'the save');
    await waitFor(() => location.hash === '#/content/meetings' && root(el).querySelector('.rows'), 'the meetings list');
    expect(api.store.meetings.get('dialog-1')!.value.start).to.equal('2027-06-10T18:00:00+02:00');

    // A hash-only navigation to the organisation's form: at first it is loading, then the form is there.
    await goToHash(el, '#/content/organisations/hovsjo-if');
    expect(control(el, 'phone'), 'the form waits for its data').to.equal(null);
    await waitFor(() => control(el, 'phone'), 'the organisation form after a hash navigation');
    await settle(el);
    expect(text(q(el, 'main h1'))).to.equal(sv.content.editTitle('Hovsjö IF'));
    expectFocusOn(el, 'main h1');
    expect(document.title).to.equal(`${sv.content.editTitle('Hovsjö IF')} – Samverkan`);
    await expectAccessible(el);

    // Someone else saves a new phone number; this person's e-mail change meets it (412) and goes on top.
    api.saveBehindTheBack('organisations', { ...hovsjo, phone: '08-123 456 78' } as Organisation);
    type(control(el, 'email')!, 'kansli@hovsjo-if.example.org');
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#conflict'), 'the conflict');
    await settle(el);
    expectFocusOn(el, '#conflict');
    button(el, sv.content.conflictKeepMine).click();
    // The live region still says "saved" from the meeting: the way back to the list shows this save is done.
    await waitFor(() => location.hash === '#/content/organisations' && root(el).querySelector('.rows'), 'the list after the save over the newer version');
    expect(announced(el)).to.equal(sv.saved);
    expect(api.store.organisations.get('hovsjo-if')!.value).to.deep.include({ email: 'kansli@hovsjo-if.example.org', phone: '08-123 456 78' });

    // And a hash-only navigation to the history: the versions, newest first, with what changed.
    await goToHash(el, '#/history');
    await waitFor(() => qa(el, '.versions > li').length > 0, 'the versions after a hash navigation');
    const versions = qa(el, '.versions > li').map((li) => Number(li.dataset['version']));
    // The first version, the meeting's and this person's (the fixture publishes no version for the save behind the back).
    expect(versions.length).to.equal(3);
    expect([...versions].sort((a, b) => b - a)).to.deep.equal(versions);
    q(el, '.versions > li .show-changes').click();
    await waitFor(() => text(root(el).querySelector('.versions > li .changes')).includes('email'), 'what changed in the newest version');
    await settle(el);
    expectFocusOn(el, 'main h1');
    expect(document.title).to.equal(`${sv.history.title} – Samverkan`);
  });

  it('a second hash change while the first form still loads shows only the second', async () => {
    const other = { ...hovsjo, id: 'ronna', name: 'Ronna Schackklubb' } as Organisation;
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo, other] }, delay: DELAY_MS });
    const el = await mountAdmin(api, '#/content/organisations');
    await waitFor(() => root(el).querySelector('.rows'), 'the list');
    location.hash = '#/content/organisations/hovsjo-if';
    location.hash = '#/content/organisations/ronna';
    await waitFor(() => control(el, 'name'), 'the form');
    await settle(el);
    expect(qa(el, 'main form')).to.have.length(1);
    expect(control(el, 'name')!.value).to.equal('Ronna Schackklubb');
    expect(text(q(el, 'main h1'))).to.equal(sv.content.editTitle('Ronna Schackklubb'));
    expectFocusOn(el, 'main h1');
    expect(document.title).to.equal(`${sv.content.editTitle('Ronna Schackklubb')} – Samverkan`);
  });
});

describe('opening one entry', () => {
  it('fetches that entry, not its whole collection; an id that is not there says so, with nothing to try again', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations/hovsjo-if');
    await waitFor(() => control(el, 'phone'), 'the form');
    expect(api.calls).to.include('get organisations hovsjo-if');
    expect(api.calls).not.to.include('list organisations');

    await goToHash(el, '#/content/organisations/finns-inte');
    const alert = await waitFor(() => root(el).querySelector('main [role=alert]'), 'the alert');
    expect(text(alert)).to.equal(sv.notFound);
    expect(qa(el, 'main button.try-again')).to.have.length(0);
    expect(qa(el, 'main form')).to.have.length(0);
  });
});
