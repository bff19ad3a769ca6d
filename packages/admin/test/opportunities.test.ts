import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Opportunity } from '@samverkan/sdk';
import { MemoryApi, offer } from './fixtures/memory-api.js';
import { notSignatory, opportunity, signatory } from './fixtures/agreement-content.js';
import { eraseAfterConfirmation, expectListFailure } from './helpers/decision-checks.js';
import { announced, button, control, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, rowNames, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import { controlId } from '../src/content/form-values.js';
import { parseRoute, routeHash } from '../src/router.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };
const o = sv.offers;
const content = { organisations: [signatory, notSignatory] };

afterEach(() => unmountAll());

/** Runs `check` with the window 320 px wide, and asserts nothing makes the page scroll sideways. */
async function at320(check: () => Promise<void>): Promise<void> {
  await setViewport({ width: 320, height: 640 });
  try {
    await check();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  } finally {
    await setViewport({ width: 800, height: 600 });
  }
}

describe('the routes of the offers and the new collections', () => {
  it('parse and write back', () => {
    expect(parseRoute('#/offers')).to.deep.equal({ name: 'offers' });
    expect(parseRoute('#/offers/a%2Fb')).to.deep.equal({ name: 'offer', id: 'a/b' });
    expect(parseRoute('#/offers/a/b')).to.deep.equal({ name: 'not-found' });
    expect(routeHash({ name: 'offer', id: 'a/b' })).to.equal('#/offers/a%2Fb');
    expect(parseRoute('#/content/opportunities/new')).to.deep.equal({ name: 'entity', collection: 'opportunities', id: undefined });
    expect(parseRoute('#/content/followUps/follow-up-2025')).to.deep.equal({ name: 'entity', collection: 'followUps', id: 'follow-up-2025' });
  });
});

describe('the offered opportunities inbox', () => {
  it('lists pending offers first with their organisation, counts them in the menu, and is accessible', async () => {
    const api = new MemoryApi({
      users: [ADMIN],
      signedIn: ADMIN.email,
      content,
      offers: [offer(1, { status: 'approved' }), offer(2), offer(3), offer(4, { status: 'rejected' })],
    });
    const el = await mountAdmin(api, '#/offers');
    await waitFor(() => root(el).querySelector('.rows'));
    expect(rowNames(el)).to.deep.equal(['Läxhjälp 3', 'Läxhjälp 2', 'Läxhjälp 4', 'Läxhjälp 1']);
    expect(text(q(el, '.rows li'))).to.contain('Hovsjö IF').and.contain(o.status.pending);
    expect(text(q(el, '#offers-count'))).to.equal(o.count(4, 4));
    await waitFor(() => text(root(el).querySelector('#pending-offers-count')).includes(sv.pendingCount(2)), 'the count in the menu');
    expect(q(el, 'nav a[aria-current=page]').getAttribute('href')).to.equal('#/offers');
    await expectAccessible(el);
  });

  it('brings the count in the menu up to date when the inbox is opened', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content });
    const el = await mountAdmin(api, '#/content/organisations');
    await settle(el);
    expect(root(el).querySelector('#pending-offers-count')).to.equal(null);
    // An organisation offers one while the page is open.
    api.offers_.push(offer(1));
    q<HTMLAnchorElement>(el, 'nav.menu a[href="#/offers"]').click();
    await waitFor(() => text(root(el).querySelector('#pending-offers-count')).includes(sv.pendingCount(1)), 'the new count');
  });

  it('searches by title, organisation name or reference, accents and case ignored', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1, {}, { title: 'Språkcafé' }), offer(2, { reference: 'ABCD-2345' })] });
    const el = await mountAdmin(api, '#/offers');
    const search = await waitFor(() => root(el).querySelector<HTMLInputElement>('#offers-search'));
    type(search, 'SPRAKCAFE');
    await settle(el);
    expect(rowNames(el)).to.deep.equal(['Språkcafé']);
    type(search, 'hovsjo abcd2345');
    await settle(el);
    expect(rowNames(el)).to.deep.equal(['Läxhjälp 2']);
    type(search, 'finns inte');
    await settle(el);
    expect(text(q(el, 'main'))).to.contain(o.noMatch);
  });

  it('says it is loading, then that there are none', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, delay: 150 });
    const el = await mountAdmin(api, '#/offers');
    expect(text(q(el, 'main [role=status]'))).to.equal(sv.loading);
    await waitFor(() => text(root(el).querySelector('main')).includes(o.empty), 'the empty state');
    await expectAccessible(el);
  });

  it('says when the offers cannot be fetched, and tries again', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1)] });
    const real = api.offers.bind(api);
    let failing = true;
    api.offers = async () => {
      if (failing) throw new Error('Servern svarar inte.');
      return real();
    };
    const el = await mountAdmin(api, '#/offers');
    const alert = await waitFor(() => root(el).querySelector('main [role=alert]'));
    expect(text(alert)).to.contain(sv.loadFailed).and.contain('Servern svarar inte.');
    await expectAccessible(el);
    failing = false;
    button(el, sv.tryAgain).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root(el).querySelector('.rows'), 'the rows after trying again');
    expect(rowNames(el)).to.deep.equal(['Läxhjälp 1']);
  });

  it('approves several at once by keyboard and the menu count follows', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1), offer(2), offer(3)] });
    const el = await mountAdmin(api, '#/offers');
    await waitFor(() => text(root(el).querySelector('#pending-offers-count')).includes(sv.pendingCount(3)));
    const boxes = qa<HTMLInputElement>(el, '.rows input[type=checkbox]');
    boxes[0]!.focus();
    await sendKeys({ press: 'Space' });
    boxes[1]!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    button(el, o.approveSelected(2)).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => announced(el) === o.approvedMany(2), 'the announcement');
    expect(api.calls.filter((c) => c.startsWith('approveOffer'))).to.deep.equal(['approveOffer offer-3', 'approveOffer offer-2']);
    expect([...api.store.opportunities.keys()].sort()).to.deep.equal(['opportunity-offer-2', 'opportunity-offer-3']);
    await waitFor(() => text(root(el).querySelector('#pending-offers-count')).includes(sv.pendingCount(1)), 'the new count');
  });

  it('works at 320 px', async () => {
    await at320(async () => {
      const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1, {}, { title: 'Ett mycket långt uppdragsnamn'.repeat(8) })] }), '#/offers');
      await waitFor(() => root(el).querySelector('.rows'));
      await expectAccessible(el);
    });
  });
});

describe('one offered opportunity', () => {
  it('shows what the organisation wrote, split into what is published and what is not, as text and only http(s) links', async () => {
    const hostile = offer(1, {}, { title: '<img src=x onerror="window.hacked=1">', description: '<b>inte html</b>', contact: { url: 'javascript:alert(1)' } });
    const safe = offer(2, {}, { contact: { email: 'a@forening.example.org', url: 'https://forening.example.org/volontar' } });
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [hostile, safe] });
    const el = await mountAdmin(api, '#/offers');
    (await waitFor(() => qa<HTMLAnchorElement>(el, '.rows a').find((a) => text(a).startsWith('<img'))))!.click();
    await waitFor(() => root(el).querySelector('.columns'));
    await settle(el);
    expect(location.hash).to.equal('#/offers/offer-1');
    expectFocusOn(el, 'main h1');
    expect(text(q(el, 'main h1'))).to.equal('<img src=x onerror="window.hacked=1">');
    expect(root(el).querySelector('main img')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    const [published, hidden] = qa(el, '.columns .panel');
    expect(text(published)).to.contain(o.willPublish).and.contain('<b>inte html</b>').and.contain('Hovsjö IF').and.contain('2 timmar i veckan').and.contain('2027-06-30');
    expect(published!.querySelector('b')).to.equal(null);
    // A javascript: address is shown as text, never put into a link.
    expect(published!.querySelectorAll('a')).to.have.length(0);
    expect(text(published)).to.contain('javascript:alert(1)');
    expect(text(hidden)).to.contain(o.staysPrivate).and.contain('802000-0001');
    expect(text(q(el, 'dl.facts'))).to.contain('Hovsjö IF').and.contain(o.status.pending);
    await expectAccessible(el);

    location.hash = '#/offers/offer-2';
    await waitFor(() => text(root(el).querySelector('main h1')) === 'Läxhjälp 2');
    await waitFor(() => root(el).querySelector('.columns a'));
    expect(q(el, '.columns a').getAttribute('href')).to.equal('https://forening.example.org/volontar');
  });

  it('leaves the values room to be read beside long labels, two panels side by side', async () => {
    await setViewport({ width: 1100, height: 900 });
    try {
      const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1)] }), '#/offers/offer-1');
      await waitFor(() => root(el).querySelector('.columns'));
      await settle(el);
      const [published] = qa(el, '.columns .panel');
      // "Organisation som erbjuder uppdraget" must not squeeze "Läxhjälp 1" to one letter a line.
      for (const dd of published!.querySelectorAll('dd')) expect(dd.getBoundingClientRect().width, text(dd)).to.be.above(100);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('approves by keyboard: published, announced, and linked to the opportunity', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content, offers: [offer(1)] });
    const el = await mountAdmin(api, '#/offers/offer-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.approve'))).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => announced(el) === o.approved);
    await settle(el);
    expect(api.offers_[0]!.status).to.equal('approved');
    expect(api.store.opportunities.has('opportunity-offer-1')).to.equal(true);
    expect(qa(el, 'button.approve')).to.have.length(0);
    expectFocusOn(el, 'main h1');
    expect(q(el, 'dl.facts a').getAttribute('href')).to.equal('#/content/opportunities/opportunity-offer-1');
    // Editors do not erase.
    expect(qa(el, 'button.erase')).to.have.length(0);
  });

  it('says so, instead of a link to nothing, when the published opportunity has since been withdrawn', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content, offers: [offer(1)] });
    await api.approveOffer('offer-1');
    const published = await api.get('opportunities', 'opportunity-offer-1');
    await api.remove('opportunities', 'opportunity-offer-1', published!.etag);
    const el = await mountAdmin(api, '#/offers/offer-1');
    await waitFor(() => root(el).querySelector('#published-gone'));
    expect(text(q(el, '#published-gone'))).to.equal(`${o.publishedGone} ${o.wayBack} ${sv.nav.history}.`);
    expect(qa(el, 'dl.facts a[href^="#/content/opportunities/"]')).to.have.length(0);
    await expectAccessible(el);
  });

  it('rejects with a reason typed into a field that takes focus; a published one is withdrawn', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content, offers: [offer(1)] });
    await api.approveOffer('offer-1');
    const el = await mountAdmin(api, '#/offers/offer-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.reject'))).click();
    await settle(el);
    expectFocusOn(el, '#reject-reason');
    await sendKeys({ type: 'Uppdraget är redan tillsatt' });
    await expectAccessible(el);
    button(el, o.rejectConfirm).click();
    await waitFor(() => announced(el) === o.rejected);
    expect(api.offers_[0]).to.include({ status: 'rejected', reason: 'Uppdraget är redan tillsatt' });
    expect(api.store.opportunities.has('opportunity-offer-1')).to.equal(false);
    expect(text(q(el, '.facts'))).to.contain('Uppdraget är redan tillsatt');
  });

  it('erases (admins) after a confirmation that says what stays; Escape cancels', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1)] });
    const el = await mountAdmin(api, '#/offers/offer-1');
    await eraseAfterConfirmation(el, api, o, 'eraseOffer');
    // What stays where: the server takes the opportunity out of the versions in History too, and the dialog says so.
    expect(text(q(el, '#erase-dialog'))).to.contain('tas bort ur alla versioner i Historik');
    expect(api.offers_[0]!.offer).to.equal(undefined);
    expect(text(q(el, 'main'))).not.to.contain('volontar1@forening.example.org');
  });

  it('says when there is no such offer', async () => {
    const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content }), '#/offers/finns-inte');
    await waitFor(() => text(root(el).querySelector('main [role=alert]')) === sv.notFound);
    await expectAccessible(el);
  });

  it('works at 320 px', async () => {
    await at320(async () => {
      const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, offers: [offer(1, {}, { description: 'Ordmed'.repeat(60) })] }), '#/offers/offer-1');
      await waitFor(() => root(el).querySelector('.columns'));
      await expectAccessible(el);
    });
  });
});

describe('the published opportunities', () => {
  const expired = opportunity(2, { validThrough: '2020-01-31', publishedOn: '2019-12-01', districts: ['Rönnä'] } as Partial<Opportunity>);

  it('are listed and searched, an expired one marked as such', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { ...content, opportunities: [opportunity(1), expired] } });
    const el = await mountAdmin(api, '#/content/opportunities');
    await waitFor(() => root(el).querySelector('.rows'));
    expect(qa(el, '.rows .grow a').map(text)).to.deep.equal(['Fotbollstränare 1', 'Fotbollstränare 2']);
    const rows = qa(el, '.rows li').map(text);
    expect(rows[0]).not.to.contain(sv.withdraw.expired);
    expect(rows[1]).to.contain(sv.withdraw.expired).and.contain('2020-01-31');
    type(q<HTMLInputElement>(el, '#content-search'), 'RONNA');
    await settle(el);
    expect(qa(el, '.rows .grow a').map(text)).to.deep.equal(['Fotbollstränare 2']);
    await expectAccessible(el);
  });

  it('say they are loading, that there are none, or that they cannot be fetched', async () => {
    const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content, delay: 120 }), '#/content/opportunities');
    expect(text(q(el, 'main [role=status]'))).to.equal(sv.loading);
    await waitFor(() => text(root(el).querySelector('main')).includes(sv.content.empty), 'the empty state');
    await expectAccessible(el);
    unmountAll();
    await expectListFailure((api) => mountAdmin(api, '#/content/opportunities'), new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content }));
  });

  it('are edited with the content form: signatories to choose from, translations side by side, checks as you type and on save', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { ...content, opportunities: [opportunity(1)] } });
    const el = await mountAdmin(api, '#/content/opportunities/opportunity-1');
    await waitFor(() => root(el).querySelector('form'));
    await settle(el);
    const organisation = control<HTMLSelectElement>(el, 'organisationId');
    // Only signatories may offer: the non-signatory is not a choice.
    expect([...organisation.options].map((opt) => opt.textContent)).to.deep.equal(['Hovsjö IF']);
    expect(organisation.value).to.equal('hovsjo-if');
    expect(control(el, 'title@sv').value).to.equal('Fotbollstränare 1');
    expect(control(el, 'title@en').value).to.equal('Football coach 1');
    await expectAccessible(el);

    type(control(el, 'contact.url'), 'javascript:alert(1)');
    await settle(el);
    expect(text(q(el, `#${controlId('contact.url')}-error`))).to.equal(`${sv.fields.opportunityUrl}: ${sv.invalid.url}`);
    type(control(el, 'validThrough'), '2026-08-01');
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    await settle(el);
    expectFocusOn(el, '#error-summary');
    expect(qa(el, '#error-summary li').map(text)).to.include(`${sv.fields.opportunityUrl}: ${sv.invalid.url}`);
    expect(api.calls.some((c) => c.startsWith('replace'))).to.equal(false);
    await expectAccessible(el);

    type(control(el, 'contact.url'), 'https://hovsjo-if.example.org/volontar');
    type(control(el, 'validThrough'), '2027-08-01');
    type(control(el, 'timeCommitment@sv'), 'Varannan lördag');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    const saved = api.store.opportunities.get('opportunity-1')!.value;
    expect(saved.contact).to.deep.equal({ email: 'tranare@hovsjo-if.example.org', url: 'https://hovsjo-if.example.org/volontar' });
    expect(saved.validThrough).to.equal('2027-08-01');
    expect(saved.timeCommitment).to.equal('Varannan lördag');
    expect(saved.description).to.deep.equal({ sv: 'Träna barn på lördagar.', en: 'Coach children on Saturdays.' });
  });

  it("never overwrite someone else's newer save: the 412 shows both", async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { ...content, opportunities: [opportunity(1)] } });
    const el = await mountAdmin(api, '#/content/opportunities/opportunity-1');
    await waitFor(() => root(el).querySelector('form'));
    api.saveBehindTheBack('opportunities', opportunity(1, { validThrough: '2098-12-31' }));
    type(control(el, 'districts'), 'Hovsjö, Ronna');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#conflict'));
    await settle(el);
    expectFocusOn(el, '#conflict');
    expect(qa(el, '#conflict tbody tr').map(text).some((r) => r.startsWith('validThrough') && r.includes('2098-12-31'))).to.equal(true);
    expect(api.store.opportunities.get('opportunity-1')!.value.districts).to.deep.equal(['Hovsjö']);
  });

  it('are withdrawn after a confirmation in the board\'s words (Escape cancels)', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { ...content, opportunities: [opportunity(1)] } });
    const el = await mountAdmin(api, '#/content/opportunities/opportunity-1');
    const withdraw = await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.delete'));
    expect(text(withdraw)).to.equal(sv.withdraw.button);
    withdraw.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = q<HTMLDialogElement>(el, '#delete-dialog');
    expect(dialog.open).to.equal(true);
    expect(text(dialog)).to.contain(sv.withdraw.confirm('Fotbollstränare 1'));
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(api.store.opportunities.has('opportunity-1')).to.equal(true);
    withdraw.click();
    button(el, sv.withdraw.yes).click();
    await waitFor(() => announced(el) === sv.withdraw.done);
    expect(api.store.opportunities.has('opportunity-1')).to.equal(false);
    expect(api.calls).to.include('remove opportunities opportunity-1');
  });

  it('a new one starts published today and works at 320 px', async () => {
    await at320(async () => {
      const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content }), '#/content/opportunities/new');
      await waitFor(() => root(el).querySelector('form'));
      await settle(el);
      expect(control(el, 'publishedOn').value).to.match(/^\d{4}-\d{2}-\d{2}$/);
      await expectAccessible(el);
    });
  });
});
