// Every view as a coordinator meets it: at 320 px wide (nothing makes the
// page scroll sideways, even with a long unbroken name or address in the
// data), with axe finding nothing serious; and when its data cannot be
// fetched: it says so, stops saying it is loading, and offers to try again,
// which works from the keyboard.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Contact, DevelopmentArea, Meeting, Organisation, Principle } from '@samverkan/sdk';
import { application, MemoryApi, offer } from './fixtures/memory-api.js';
import { principles, signatory } from './fixtures/agreement-content.js';
import { button, expectAccessible, expectFocusOn, mountAdmin, root, settle, text, unmountAll, waitFor } from './helpers/admin-page.js';
import type { SamverkanAdmin } from '../src/admin-app.js';
import type { AdminApi } from '../src/api.js';
import sv from '../src/i18n/messages.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
/** A name with no place to break, as data may have (a long compound word, or a pasted string). */
const LONG_WORD = 'Föreningsbidragsansökningshandläggningsgruppensärskildaarbetsutskott'.repeat(2);

const organisations = [
  signatory,
  {
    id: 'long-name',
    name: LONG_WORD,
    form: 'non-profit-association',
    districts: [LONG_WORD],
    activities: ['Samtal'],
    languages: ['sv'],
    email: `${LONG_WORD.toLowerCase().slice(0, 60)}@forening.example.org`,
    website: `https://forening.example.org/${LONG_WORD}`,
    confirmedOn: '2024-01-10',
  },
] as unknown as Organisation[];
const contacts = [{ id: 'c1', name: 'Kim Kontakt', title: { sv: 'Föreningskonsulent' }, email: 'kim@kommun.example.org', topics: [{ sv: 'Bidrag' }], languages: ['sv', 'ar'] }] as unknown as Contact[];
const meetings = [
  { id: 'm1', title: { sv: 'Dialogmöte', en: 'Dialogue meeting' }, kind: 'dialogue-meeting', start: '2027-01-15T18:00:00+01:00', end: '2027-01-15T20:00:00+01:00', languages: ['sv'], status: 'scheduled', sequence: 0 },
] as unknown as Meeting[];
const developmentAreas = [{ id: 'd1', title: { sv: 'Lokaler' }, description: { sv: 'Fler lokaler för föreningslivet' } }] as unknown as DevelopmentArea[];

function api(): MemoryApi {
  return new MemoryApi({
    users: [ADMIN, { id: 'u2', email: `${LONG_WORD.toLowerCase().slice(0, 50)}@kommun.example.org`, name: LONG_WORD, role: 'editor', password: 'y' }],
    signedIn: ADMIN.email,
    applications: [application(1, {}, { name: LONG_WORD }), application(2, { status: 'approved' })],
    offers: [offer(1)],
    content: { organisations, contacts, meetings, principles: principles as Principle[], developmentAreas },
  } as ConstructorParameters<typeof MemoryApi>[0]);
}

/** Each route, and what shows once it has loaded. */
const ROUTES: [hash: string, loaded: string][] = [
  ['#/applications', '.rows'],
  ['#/applications/app-1', 'button.approve'],
  ['#/offers', '.rows'],
  ['#/content/organisations', '.rows'],
  ['#/content/organisations/long-name', 'form'],
  ['#/content/organisations/new', 'form'],
  ['#/content/contacts/c1', 'form'],
  ['#/content/meetings/m1', 'form'],
  ['#/content/principles/dialog', 'form'],
  ['#/content/developmentAreas/d1', 'form'],
  ['#/agreement', 'form'],
  ['#/freshness', '.rows'],
  ['#/history', '.versions'],
  ['#/users', 'table, .rows, ul'],
  ['#/import', 'input[type=file]'],
];

afterEach(() => unmountAll());

describe('every view at 320 px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [hash, loaded] of ROUTES) {
    it(`${hash} fits without sideways scrolling and passes axe`, async () => {
      const el = await mountAdmin(api(), hash);
      await waitFor(() => root(el).querySelector(`main ${loaded}`), `${loaded} on ${hash}`);
      await settle(el);
      const wide = [...root(el).querySelectorAll<HTMLElement>('main *')].filter((node) => node.getBoundingClientRect().right > 320.5);
      expect(
        wide.map((node) => `<${node.localName}${node.id ? `#${node.id}` : ''} class="${node.className}">`),
        'elements reaching past the right edge',
      ).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expectAccessible(el);
    });
  }
});

/** Each view's loading call, made to fail once, and what shows when it works. */
const FAILING: [hash: string, call: keyof AdminApi, loaded: string][] = [
  ['#/applications', 'applications', '.rows'],
  ['#/content/organisations', 'list', '.rows'],
  ['#/content/organisations/long-name', 'get', 'form'],
  ['#/agreement', 'agreement', 'form'],
  ['#/freshness', 'list', '.rows'],
  ['#/history', 'versions', '.versions'],
  ['#/users', 'users', 'main table, main .rows'],
];

/** The app on `hash` with `call` failing (every time, also for the menu's count) until `recover` is called. */
async function failing(hash: string, call: keyof AdminApi): Promise<{ el: SamverkanAdmin; recover: () => void }> {
  const memory = api();
  const real = (memory[call] as (...args: unknown[]) => Promise<unknown>).bind(memory);
  let down = true;
  (memory as unknown as Record<string, unknown>)[call] = async (...args: unknown[]) => {
    if (down) throw new Error('Servern svarar inte.');
    return real(...args);
  };
  return { el: await mountAdmin(memory, hash), recover: () => (down = false) };
}

describe('a view whose data cannot be fetched', () => {
  for (const [hash, call, loaded] of FAILING) {
    it(`${hash} says so, stops loading, and tries again from the keyboard`, async () => {
      const { el, recover } = await failing(hash, call);
      const alert = await waitFor(() => root(el).querySelector('main [role=alert]'), `the alert on ${hash}`);
      await settle(el);
      expect(text(alert)).to.contain(sv.loadFailed).and.contain('Servern svarar inte.');
      expect(text(root(el).querySelector('main')), 'no "loading" beside the failure').not.to.contain(sv.loading);
      await expectAccessible(el);
      recover();
      const again = button(el, sv.tryAgain);
      again.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => root(el).querySelector(`main ${loaded}`), `${loaded} after trying again on ${hash}`);
      await settle(el);
      expect(root(el).querySelector('main [role=alert]')).to.equal(null);
      // Focus does not fall to the page with the button: it goes to the view's heading.
      expectFocusOn(el, 'main h1');
    });
  }
});
