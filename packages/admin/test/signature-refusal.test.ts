// Removing the signature of an organisation that publishes volunteer opportunities, in the
// organisation editor: the server refuses (409 organisation-has-opportunities, change
// "signature"); the page says in Swedish or English what is wrong and what to do, moves focus to
// the error summary and keeps everything the person typed; nothing is saved. An opportunity moved
// to an organisation that stopped signing meanwhile is refused the same way (not-a-signatory).
// Against the real server: decisions-real-server.test.ts.
import { expect } from '@open-wc/testing';
import type { SamverkanAdmin } from '../src/admin-app.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryApi, offer } from './fixtures/memory-api.js';
import { opportunity, signatory } from './fixtures/agreement-content.js';
import { announced, button, expectAccessible, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';
import type { Organisation } from '@samverkan/sdk';

const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };
// The shared fixture's number is made up (a wrong check digit); a form saves only a valid one.
const hovsjo = { ...signatory, organisationNumber: '802456-8977' } as Organisation;
const { organisationNumber: _number, ...unnumbered } = signatory;
const other = { ...unnumbered, id: 'geneta-bk', name: 'Geneta BK' } as Organisation;

afterEach(() => unmountAll());

/** An editor signed in, `signatory` publishing the opportunity its approved offer made. */
async function offering(): Promise<MemoryApi> {
  const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [hovsjo, other] }, offers: [offer(1)] });
  await api.approveOffer('offer-1');
  return api;
}

/** Opens the organisation's editor and empties its signature (date and way), as a person does. */
async function unsignInEditor(api: MemoryApi, lang: string) {
  const el = await mountAdmin(api, `#/content/organisations/${signatory.id}`, lang);
  const signedOn = await waitFor(() => root(el).querySelector<HTMLInputElement>('#f-signature-signedOn'), 'the signature date');
  type(signedOn, '');
  type(q<HTMLSelectElement>(el, '#f-signature-via'), '');
  type(q<HTMLInputElement>(el, '#f-phone'), '08-555 000 00');
  return el;
}

describe('removing the signature of an organisation that publishes opportunities', () => {
  it('is refused: the summary says in Swedish which opportunities are in the way and what to do, takes focus, and what was typed stays; nothing saved; accessible', async () => {
    const api = await offering();
    const el = await unsignInEditor(api, 'sv');
    const before = structuredClone(api.store.organisations.get(signatory.id));
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();

    const summary = await waitFor(() => root(el).querySelector('#error-summary'), 'the error summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([sv.refusals.signatureWithOpportunities(signatory.name, 'opportunity-offer-1')]);
    expect(text(summary)).to.contain('opportunity-offer-1').and.contain('Dra tillbaka uppdragen').and.not.contain('HTTP');
    await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
    // What the person typed is still in the form.
    expect(q<HTMLInputElement>(el, '#f-signature-signedOn').value).to.equal('');
    expect(q<HTMLSelectElement>(el, '#f-signature-via').value).to.equal('');
    expect(q<HTMLInputElement>(el, '#f-phone').value).to.equal('08-555 000 00');
    expect(location.hash).to.equal(`#/content/organisations/${signatory.id}`);
    // Nothing saved.
    expect(api.store.organisations.get(signatory.id)).to.deep.equal(before);
    await expectAccessible(el);
  });

  it('in English, saved with the keyboard; once the opportunity is withdrawn, the same form saves without the signature', async () => {
    const api = await offering();
    const el = await unsignInEditor(api, 'en');
    q<HTMLInputElement>(el, '#f-phone').focus();
    await sendKeys({ press: 'Enter' });
    const summary = await waitFor(() => root(el).querySelector('#error-summary'), 'the error summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([en.refusals.signatureWithOpportunities(signatory.name, 'opportunity-offer-1')]);
    await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
    expect(api.store.organisations.get(signatory.id)!.value.signature).to.deep.equal(signatory.signature);
    await expectAccessible(el);

    // Withdrawn meanwhile (in another tab): saving again goes through, with what was typed.
    const published = api.store.opportunities.get('opportunity-offer-1')!;
    await api.remove('opportunities', 'opportunity-offer-1', published.etag);
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitFor(() => announced(el) === en.saved, 'saved');
    const saved = api.store.organisations.get(signatory.id)!.value;
    expect(saved.signature).to.equal(undefined);
    expect(saved.phone).to.equal('08-555 000 00');
  });
});

describe('an opportunity moved to an organisation that stopped signing meanwhile', () => {
  it('is refused with words naming the organisation and what to do; the choice stays; accessible', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [hovsjo, other], opportunities: [opportunity(1)] } });
    const el = await mountAdmin(api, '#/content/opportunities/opportunity-1');
    const offeredBy = await waitFor(() => root(el).querySelector<HTMLSelectElement>('#f-organisationId'), 'the organisation choice');
    type(offeredBy, other.id);
    // Someone removes the other organisation's signature after the form was loaded.
    const { signature: _signature, ...unsigned } = other;
    api.saveBehindTheBack('organisations', unsigned as Organisation);
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();

    const summary = await waitFor(() => root(el).querySelector('#error-summary'), 'the error summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([sv.refusals.notSigning(other.name)]);
    await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
    expect(q<HTMLSelectElement>(el, '#f-organisationId').value).to.equal(other.id);
    expect(api.store.opportunities.get('opportunity-1')!.value.organisationId).to.equal(signatory.id);
    await expectAccessible(el);
  });
});

describe('importing a dataset file that would take the signature of an organisation with opportunities', () => {
  /** Chooses a dataset file with these organisations and opportunities on the import page and waits for its preview. */
  async function choose(api: MemoryApi, el: SamverkanAdmin, organisations: unknown[], opportunities: unknown[]): Promise<void> {
    const file = {
      schemaVersion: '1',
      updatedAt: '2026-12-01T10:00:00+01:00',
      defaultLanguage: 'sv',
      languages: ['sv', 'en'],
      timeZone: 'Europe/Stockholm',
      agreement: api.agreement_.value,
      principles: [],
      developmentAreas: [],
      organisations,
      contacts: [],
      meetings: [],
      opportunities,
    };
    const input = q<HTMLInputElement>(el, '#import-file');
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(file)], 'dataset.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => root(el).querySelector('.preview'), 'the preview');
    await settle(el);
  }
  const withoutSignature = () => {
    const unsigned = { ...hovsjo } as Record<string, unknown>;
    delete unsigned['signature'];
    return unsigned;
  };

  it('publishes nothing, names the organisation and the opportunities in the way and what to do in the file; the focus moves to why', async () => {
    const api = await offering();
    const el = await mountAdmin(api, '#/import');
    await settle(el);
    const versions = api.versions_.length;
    // The other organisation gets a phone, and Hovsjö IF loses its signature while its opportunity stays on it.
    await choose(api, el, [{ ...other, phone: '08-555 000 11' }, withoutSignature()], [...api.store.opportunities.values()].map((e) => e.value));
    button(el, sv.importExport.publish(2)).click();
    const alert = await waitFor(() => root(el).querySelector('[role=alert]'), 'why nothing was published');
    expect(text(alert)).to.equal(sv.importExport.refused(1));
    await waitFor(() => root(el).activeElement === alert, 'focus on why');
    expect(qa(el, '.refused li').map(text)).to.deep.equal([`${hovsjo.name} (${sv.singular.organisations}): ${sv.refusals.importUnsigned(hovsjo.name, 'opportunity-offer-1')}`]);
    // Nothing half-stored: the other organisation's phone was not saved either, and no version was made.
    expect(api.store.organisations.get(hovsjo.id)!.value.signature).to.deep.equal(hovsjo.signature);
    expect(api.store.organisations.get(other.id)!.value.phone).to.not.equal('08-555 000 11');
    expect(api.versions_.length).to.equal(versions);
    await expectAccessible(el);
  });

  it('accepts the same file when it also moves the opportunities to a signatory: judged on what the whole file makes, one version', async () => {
    const api = await offering();
    const el = await mountAdmin(api, '#/import');
    await settle(el);
    const versions = api.versions_.length;
    const moved = [...api.store.opportunities.values()].map((e) => ({ ...e.value, organisationId: other.id }));
    await choose(api, el, [{ ...other, phone: '08-555 000 11' }, withoutSignature()], moved);
    const writes = 2 + moved.length;
    button(el, sv.importExport.publish(writes)).click();
    await waitFor(() => announced(el) === sv.importExport.published(writes), 'published');
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    expect(api.store.organisations.get(hovsjo.id)!.value.signature).to.equal(undefined);
    expect(api.store.organisations.get(other.id)!.value.phone).to.equal('08-555 000 11');
    expect([...api.store.opportunities.values()].every((e) => e.value.organisationId === other.id)).to.equal(true);
    expect(api.versions_.length).to.equal(versions + 1);
    await expectAccessible(el);
  });
});

describe('restoring a version in which an organisation without a signature offers opportunities', () => {
  for (const [lang, m] of [
    ['sv', sv],
    ['en', en],
  ] as const) {
    it(`History says what the version holds and what to do, not the editor's words; nothing is restored (${lang})`, async () => {
      const api = await offering();
      // A version from before the rule (or imported): Hovsjö IF listed without its signature, its opportunity still on it.
      const signed = api.store.organisations.get(hovsjo.id)!;
      const unsigned = { ...signed.value } as Organisation;
      delete (unsigned as { signature?: unknown }).signature;
      api.store.organisations.set(hovsjo.id, { value: unsigned, etag: '"legacy"' });
      const opportunity = [...api.store.opportunities.values()][0]!.value;
      api.publish('Legacy');
      const legacy = api.versions_[0]!.version;
      api.store.organisations.set(hovsjo.id, signed);
      api.publish('Signed again');
      const versions = api.versions_.length;

      const el = await mountAdmin(api, '#/history', lang);
      await waitFor(() => root(el).querySelector('button.restore'), 'the versions');
      button(el, m.history.restore(legacy)).click();
      await waitFor(() => q<HTMLDialogElement>(el, '#restore-dialog').open, 'the question');
      q<HTMLButtonElement>(el, 'button.confirm-restore').click();
      const alert = await waitFor(() => root(el).querySelector('[role=alert]'), 'why it was not restored');
      expect(text(alert)).to.equal(m.refusals.restoreUnsigned(hovsjo.name, opportunity.id));
      expect(text(alert)).to.not.contain(m.refusals.signatureWithOpportunities(hovsjo.name, opportunity.id));
      expect(api.versions_.length).to.equal(versions);
      expect(api.store.organisations.get(hovsjo.id)!.value.signature).to.deep.equal(hovsjo.signature);
      await expectAccessible(el);
    });
  }
});
