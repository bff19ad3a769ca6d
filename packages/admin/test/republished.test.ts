// What the server says about a decision's publication, read rather than worked out: "no longer
// signs" comes from the offers' `noLongerSigns` (not from the organisations list), "published
// again" from `republished`, in English too and by keyboard; refusals (409) in the reader's words.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryApi, offer } from './fixtures/memory-api.js';
import { signatory } from './fixtures/agreement-content.js';
import { announced, button, expectAccessible, mountAdmin, q, qa, root, text, unmountAll, waitFor } from './helpers/admin-page.js';
import { RefusedError, type Offer } from '../src/api.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';

const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };

afterEach(() => unmountAll());

/** The fixture, with the server's answer about the offers changed by `answer` (what the flag says, whatever the content lists). */
class FlaggedOffers extends MemoryApi {
  constructor(
    options: ConstructorParameters<typeof MemoryApi>[0],
    private readonly answer: (offer: Offer) => Offer,
  ) {
    super(options);
  }
  override async offers() {
    return (await super.offers()).map(this.answer);
  }
}

describe('"no longer signs" is the server\'s noLongerSigns', () => {
  it('shown, and approval not offered, when the server says so although the organisations list shows a signature', async () => {
    const api = new FlaggedOffers({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1), offer(2)] }, (o) => (o.id === 'offer-1' ? { ...o, noLongerSigns: true } : o));
    const el = await mountAdmin(api, '#/offers');
    await waitFor(() => root(el).querySelector('.rows'));
    const tagged = qa(el, '.rows li').map((li) => [li.dataset['id'], text(li.querySelector('.status-tag.withdrawn')), li.querySelectorAll('input[type=checkbox]').length]);
    expect(tagged).to.deep.equal([
      ['offer-2', '', 1],
      ['offer-1', sv.offers.notSigningTag, 0],
    ]);
    location.hash = '#/offers/offer-1';
    await waitFor(() => root(el).querySelector('#not-signing'));
    expect(qa(el, 'button.approve')).to.have.length(0);
    await expectAccessible(el);
  });

  it('not shown, and approval offered, when the server does not say so although the list shows no signature', async () => {
    const { signature: _signature, ...unsigned } = signatory;
    const api = new FlaggedOffers({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [unsigned as typeof signatory] }, offers: [offer(1)] }, ({ noLongerSigns: _n, ...o }) => o);
    const el = await mountAdmin(api, '#/offers/offer-1');
    await waitFor(() => root(el).querySelector('button.approve'));
    expect(qa(el, '#not-signing, .status-tag.withdrawn')).to.have.length(0);
  });
});

describe('a rejection whose entry a restore brought back', () => {
  it('says "Published again" in English, in the inbox and on the page, and "Reject again" works by keyboard', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1)] });
    await api.approveOffer('offer-1');
    const approvedVersion = api.versions_[0]!.version;
    await api.rejectOffer('offer-1', 'Dubblett.');
    await api.restore(approvedVersion);

    const el = await mountAdmin(api, '#/offers', 'en');
    const row = await waitFor(() => root(el).querySelector('.rows li[data-id="offer-1"]'));
    expect([...row.querySelectorAll('.status-tag')].map(text)).to.deep.equal([en.offers.status.rejected, en.offers.republishedTag]);
    row.querySelector<HTMLAnchorElement>('.grow a')!.focus();
    await sendKeys({ press: 'Enter' });
    const note = await waitFor(() => root(el).querySelector('#republished-note'));
    expect(text(note)).to.equal(en.offers.republished);
    expect(text(q(el, 'dl.facts dt:nth-last-of-type(1)'))).to.equal(en.offers.republishedAs);
    expect(text(q(el, 'dl.facts a[href="#/content/opportunities/opportunity-offer-1"]'))).to.equal('opportunity-offer-1');
    await expectAccessible(el);

    button(el, en.offers.rejectAgain).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root(el).activeElement?.id === 'reject-reason', 'focus in the reason');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => announced(el) === en.offers.rejected, 'the rejection');
    await waitFor(() => qa(el, '#republished-note, .status-tag.republished').length === 0);
    expect(api.store.opportunities.has('opportunity-offer-1')).to.equal(false);
    expect(text(q(el, 'dl.facts .status-tag'))).to.equal(en.offers.status.rejected);
  });

  it('a pending or plainly rejected decision shows neither the tag nor "Reject again"', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1), offer(2)] });
    await api.approveOffer('offer-2');
    await api.rejectOffer('offer-2');
    const el = await mountAdmin(api, '#/offers');
    await waitFor(() => root(el).querySelector('.rows'));
    expect(qa(el, '.status-tag.republished')).to.have.length(0);
    location.hash = '#/offers/offer-2';
    await waitFor(() => root(el).querySelector('dl.facts'));
    expect(qa(el, 'button.reject, #republished-note')).to.have.length(0);
  });
});

describe("the server's refusals in the reader's words", () => {
  it('deleting an organisation that offers opportunities, in English: the error summary names them and what to do', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1)] });
    await api.approveOffer('offer-1');
    const el = await mountAdmin(api, `#/content/organisations/${signatory.id}`, 'en');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.delete'))).click();
    await waitFor(() => q<HTMLDialogElement>(el, '#delete-dialog').open);
    q<HTMLButtonElement>(el, 'button.confirm-delete').click();
    const summary = await waitFor(() => root(el).querySelector('#error-summary'));
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([en.refusals.organisationHasOpportunities(signatory.name, 'opportunity-offer-1')]);
    await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
    expect(api.store.organisations.has(signatory.id)).to.equal(true);
    await expectAccessible(el);
  });

  it('a refusal the page has no words for keeps the server\'s, after "The server refused the change:", not the HTTP prefix', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1)] });
    api.approveOffer = async () => {
      throw new RefusedError([{ code: 'something-new', params: {}, message: 'The dataset is kept in a file.' }]);
    };
    const el = await mountAdmin(api, '#/offers/offer-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.approve'))).click();
    const alert = await waitFor(() => root(el).querySelector('p[role=alert]'));
    expect(text(alert)).to.equal(sv.refusals.other('The dataset is kept in a file.'));
  });
});
