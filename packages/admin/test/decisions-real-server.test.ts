// The admin page on the SDK's client against the real server (helpers/admin-server.mjs, same-origin
// proxy, real sign-in, cookie and CSRF). All such tests live in this one file: test files run at
// once share the browser's cookie jar, so a second file signing in would end this file's session.
//
// Withdrawn approvals: an approval whose published entry is deleted afterwards says so from the
// server's `withdrawn` flag, without a request per item, and says it no more after a restore.
// Republished rejections: a rejection whose entry a restore from History brought back says
// "published again" from the server's `republished` and lets the officer approve it or reject it
// again. Refusals (409) are shown in the reader's language, built from their params, not behind
// the client's English "… failed (HTTP 409 Conflict):".
import { expect } from '@open-wc/testing';
import type { SamverkanAdmin } from '../src/admin-app.js';
import { announced, button, expectAccessible, mountAdmin, q, qa, root, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import { API, forwarded, newOrganisationNumber, post, restoreVersion, signedInApi, slowly, unique } from './helpers/real-server.js';
import { testTime } from '../../elements/test/helpers/test-time.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';

afterEach(() => unmountAll());

describe('withdrawn approvals, against the real server', function () {
  // The first test starts the server (a child process compiling TypeScript), and the machine may be busy: more than the 10 s default.
  this.timeout(testTime(90_000));

  it('an application: approved on the page, its organisation deleted, then shown as withdrawn with the way back; a restore brings the link back', async () => {
    const name = `Föreningen Provbacken ${unique()}`;
    const { id } = await post('/signups', {
      organisation: { name, form: 'non-profit-association', email: 'styrelsen@provbacken.example.org', districts: ['Hovsjö'], activities: ['läxhjälp'] },
      contact: { name: 'Kim Testperson', email: 'kim.testperson@example.org' },
      acceptsPrinciples: true,
      consent: true,
      language: 'sv',
    });
    const api = await signedInApi();
    const el = await mountAdmin(api, `#/applications/${encodeURIComponent(id)}`);
    (await slowly(() => root(el).querySelector<HTMLButtonElement>('button.approve'), 'the approve button')).click();
    await slowly(() => announced(el) === sv.applications.approved, 'the approval');
    const link = await slowly(() => root(el).querySelector<HTMLAnchorElement>('dl.facts a[href^="#/content/organisations/"]'), 'the link to the signatory');
    const organisationId = text(link);

    // Someone deletes the organisation in the content list.
    const entry = (await api.get('organisations', organisationId))!;
    await api.remove('organisations', organisationId, entry.etag);

    location.hash = '#/applications';
    const row = await slowly(() => root(el).querySelector(`.rows li[data-id="${id}"]`), 'the row');
    expect(text(row.querySelector('.status-tag.withdrawn'))).to.equal(sv.applications.withdrawnTag);
    row.querySelector<HTMLAnchorElement>('.grow a')!.click();
    const gone = await slowly(() => root(el).querySelector('#published-gone'), 'the withdrawn note');
    const a = sv.applications;
    expect(text(gone)).to.equal(`${a.publishedGone} ${a.wayBack} ${sv.nav.history} ${a.wayBackOr} ${sv.nav.organisations}.`);
    await expectAccessible(el);

    await restoreVersion(el, api, `Approved an application: ${name}`);
    location.hash = `#/applications/${encodeURIComponent(id)}`;
    const back = await slowly(() => root(el).querySelector<HTMLAnchorElement>(`dl.facts a[href="#/content/organisations/${encodeURIComponent(organisationId)}"]`), 'the link back');
    expect(text(back)).to.equal(organisationId);
    expect(qa(el, '#published-gone, .status-tag.withdrawn')).to.have.length(0);
  });

  it("an offer: its opportunity withdrawn, the page reads the server's flag and asks for no opportunity", async () => {
    const dataset = (await (await fetch(`${API}/dataset`)).json()) as { organisations: { signature?: unknown; organisationNumber?: string }[] };
    const signatory = dataset.organisations.find((o) => o.signature && o.organisationNumber)!;
    const title = `Läxhjälp på torsdagar ${unique()}`;
    const { id } = await post('/opportunities', {
      organisationNumber: signatory.organisationNumber,
      title,
      description: 'Hjälp elever med läxorna en eftermiddag i veckan.',
      districts: ['Hovsjö'],
      validThrough: '2027-06-30',
      contact: { email: 'volontar@forening.example.org' },
      consent: true,
      language: 'sv',
    });
    const api = await signedInApi();
    const approved = await api.approveOffer(id);
    await api.remove('opportunities', approved.opportunityId!, (await api.get('opportunities', approved.opportunityId!))!.etag);
    await forwarded();

    const el = await mountAdmin(api, `#/offers/${encodeURIComponent(id)}`);
    const gone = await slowly(() => root(el).querySelector('#published-gone'), 'the withdrawn note');
    expect(text(gone)).to.equal(`${sv.offers.publishedGone} ${sv.offers.wayBack} ${sv.nav.history}.`);
    expect(text(q(el, 'dl.facts .status-tag.withdrawn'))).to.equal(sv.offers.withdrawnTag);
    expect(qa(el, 'dl.facts a[href^="#/content/opportunities/"]')).to.have.length(0);
    const asked = await forwarded();
    expect(asked.some((r) => r.startsWith('GET /api/v1/opportunities')), asked.join('\n')).to.equal(true);
    expect(asked.filter((r) => r.includes('/admin/opportunities/')), 'no request for the opportunity itself').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('rejecting an application whose signatory publishes opportunities: the page shows why, keeps the reason typed, and nothing changes', async () => {
    const organisationNumber = newOrganisationNumber();
    const { id } = await post('/signups', {
      organisation: { name: `Föreningen Sjöudden ${unique()}`, organisationNumber, form: 'non-profit-association', email: 'styrelsen@sjoudden.example.org' },
      contact: { name: 'Kim Testperson', email: 'kim.testperson@example.org' },
      acceptsPrinciples: true,
      consent: true,
      language: 'sv',
    });
    const api = await signedInApi();
    await api.approve(id);
    const { id: offerId } = await post('/opportunities', {
      organisationNumber,
      title: `Kanotpaddling ${unique()}`,
      description: 'Paddla med unga på sommarlovet.',
      validThrough: '2027-06-30',
      contact: { email: 'volontar@sjoudden.example.org' },
      consent: true,
      language: 'sv',
    });
    const { opportunityId } = await api.approveOffer(offerId);

    const el = await mountAdmin(api, `#/applications/${encodeURIComponent(id)}`);
    (await slowly(() => root(el).querySelector<HTMLButtonElement>('button.reject'), 'the reject button')).click();
    const reason = await slowly(() => root(el).querySelector<HTMLTextAreaElement>('#reject-reason'), 'the reason');
    reason.value = 'Föreningen har upphört.';
    button(el, sv.applications.rejectConfirm).click();
    const alert = await slowly(() => root(el).querySelector('[role=alert]'), 'the refusal');
    expect(text(alert)).to.contain(opportunityId!).and.contain('Dra tillbaka dem först');
    expect(q<HTMLTextAreaElement>(el, '#reject-reason').value, 'the reason is kept').to.equal('Föreningen har upphört.');
    expect(text(q(el, 'dl.facts .status-tag'))).to.equal(sv.applications.status.approved);
    await expectAccessible(el);
  });

  it('a pending offer whose organisation stopped signing: not offered for approval, the page says why; the server refuses it too', async () => {
    const api = await signedInApi();
    const organisations = await api.list('organisations');
    // One that publishes no opportunities: the server does not remove the signature of one that does (tested below).
    const offering = new Set(((await (await fetch(`${API}/dataset`, { cache: 'no-store' })).json()) as { opportunities?: { organisationId: string }[] }).opportunities?.map((o) => o.organisationId));
    const signed = organisations.find((o) => o.value.signature && o.value.organisationNumber && !offering.has(o.value.id))!;
    const { id } = await post('/opportunities', {
      organisationNumber: signed.value.organisationNumber,
      title: `Språkcafé på fredagar ${unique()}`,
      description: 'Samtala på svenska med nyanlända en kväll i veckan.',
      validThrough: '2027-06-30',
      contact: { email: 'volontar@forening.example.org' },
      consent: true,
      language: 'sv',
    });
    const { signature, ...unsigned } = signed.value;
    const saved = await api.replace('organisations', signed.value.id, unsigned as typeof signed.value, signed.etag);
    try {
      const el = await mountAdmin(api, `#/offers/${encodeURIComponent(id)}`);
      const note = await slowly(() => root(el).querySelector('#not-signing'), 'the note');
      expect(text(note)).to.equal(`${sv.offers.notSigning} ${sv.nav.history} ${sv.offers.notSigningOr} ${sv.nav.organisations}.`);
      expect(qa(el, 'button.approve')).to.have.length(0);
      await expectAccessible(el);
      // What the page does not offer, the server refuses: 409, in words.
      const refused = await api.approveOffer(id).then(
        () => undefined,
        (error: Error) => error,
      );
      // In the page's language (the client sends it as Accept-Language; Swedish here), naming the way back.
      expect(refused?.message).to.contain('har inte längre undertecknat').and.contain('Historik');
    } finally {
      // The server is shared by the file's tests: the organisation signs again.
      await api.replace('organisations', signed.value.id, { ...saved.value, signature: signature! }, saved.etag);
    }
  });
});

type Published = { organisations: { id: string; name: string; organisationNumber?: string; signature?: unknown }[]; opportunities?: { id: string; organisationId: string }[] };
const published = async (): Promise<Published> => (await fetch(`${API}/dataset`, { cache: 'no-store' })).json();

function signup(name: string, organisationNumber?: string) {
  return {
    organisation: { name, ...(organisationNumber && { organisationNumber }), form: 'non-profit-association', email: 'styrelsen@forening.example.org', districts: ['Hovsjö'], activities: ['läxhjälp'] },
    contact: { name: 'Kim Testperson', email: 'kim.testperson@example.org' },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  };
}

function opportunityOffer(organisationNumber: string, title: string) {
  return { organisationNumber, title, description: 'Träffa unga en eftermiddag i veckan.', districts: ['Hovsjö'], validThrough: '2027-06-30', contact: { email: 'volontar@forening.example.org' }, consent: true, language: 'sv' };
}

describe('decisions brought back by a restore, and refusals, against the real server', function () {
  // The first test may start the server (a child process compiling TypeScript) on a busy machine.
  this.timeout(testTime(90_000));

  it('a rejected application whose signatory a restore brings back: "published again" in the inbox and on its page, with the link and both ways; approving publishes no copy', async () => {
    const organisationNumber = newOrganisationNumber();
    const name = `Föreningen Hagtornet ${unique()}`;
    const { id } = await post('/signups', signup(name, organisationNumber));
    const api = await signedInApi();
    const { organisationId } = await api.approve(id);
    await api.reject(id, 'Fel organisation.');

    const el = await mountAdmin(api, '#/history');
    await restoreVersion(el, api, `Approved an application: ${name}`);

    location.hash = '#/applications';
    const row = await slowly(() => root(el).querySelector(`.rows li[data-id="${id}"] .status-tag.republished`), 'the row tagged');
    expect(text(row)).to.equal(sv.applications.republishedTag);

    location.hash = `#/applications/${encodeURIComponent(id)}`;
    const note = await slowly(() => root(el).querySelector('#republished-note'), 'the note');
    expect(text(note)).to.equal(sv.applications.republished);
    expect(qa(el, 'dl.facts .status-tag').map(text)).to.deep.equal([sv.applications.status.rejected, sv.applications.republishedTag]);
    expect(text(q(el, `dl.facts a[href="#/content/organisations/${encodeURIComponent(organisationId!)}"]`))).to.equal(organisationId);
    expect(text(q(el, 'button.reject'))).to.equal(sv.applications.rejectAgain);
    await expectAccessible(el);

    q<HTMLButtonElement>(el, 'button.approve').click();
    await slowly(() => announced(el) === sv.applications.approved, 'the approval');
    await waitFor(() => qa(el, '#republished-note, .status-tag.republished').length === 0, 'the tag gone');
    expect(qa(el, 'dl.facts .status-tag').map(text)).to.deep.equal([sv.applications.status.approved]);
    expect(text(q(el, `dl.facts a[href="#/content/organisations/${encodeURIComponent(organisationId!)}"]`))).to.equal(organisationId);
    expect((await published()).organisations.filter((o) => o.organisationNumber === organisationNumber).map((o) => o.id)).to.deep.equal([organisationId]);
  });

  it('a rejected offer whose opportunity a restore brings back: "Avslå igen" takes it off again, with the reason kept', async () => {
    const dataset = await published();
    const signatory = dataset.organisations.find((o) => o.signature && o.organisationNumber)!;
    const title = `Läxhjälp på måndagar ${unique()}`;
    const { id } = await post('/opportunities', opportunityOffer(signatory.organisationNumber!, title));
    const api = await signedInApi();
    const { opportunityId } = await api.approveOffer(id);
    await api.rejectOffer(id, 'Dubblett.');

    const el = await mountAdmin(api, '#/history');
    await restoreVersion(el, api, `Approved an offered opportunity: ${opportunityId}`);
    location.hash = `#/offers/${encodeURIComponent(id)}`;
    const note = await slowly(() => root(el).querySelector('#republished-note'), 'the note');
    expect(text(note)).to.equal(sv.offers.republished);
    expect(text(q(el, `dl.facts a[href="#/content/opportunities/${encodeURIComponent(opportunityId!)}"]`))).to.equal(opportunityId);
    await expectAccessible(el);

    button(el, sv.offers.rejectAgain).click();
    await waitFor(() => root(el).activeElement?.id === 'reject-reason', 'focus in the reason');
    button(el, sv.offers.rejectConfirm).click();
    await slowly(() => announced(el) === sv.offers.rejected, 'the rejection');
    await waitFor(() => qa(el, '#republished-note, .status-tag.republished').length === 0, 'the tag gone');
    expect(text(q(el, 'dl.facts .status-tag'))).to.equal(sv.offers.status.rejected);
    expect(qa(el, 'dl.facts a[href^="#/content/opportunities/"]')).to.have.length(0);
    expect((await published()).opportunities?.some((o) => o.id === opportunityId)).to.equal(false);
    expect((await api.offers()).find((o) => o.id === id)?.reason).to.equal('Dubblett.');
  });

  it('rejecting an application whose organisation offers opportunities: the refusal in English (and Swedish), naming them, without the HTTP prefix', async () => {
    const organisationNumber = newOrganisationNumber();
    const name = `Föreningen Sjöudden ${unique()}`;
    const { id } = await post('/signups', signup(name, organisationNumber));
    const api = await signedInApi();
    await api.approve(id);
    const { id: offerId } = await post('/opportunities', opportunityOffer(organisationNumber, `Kanotpaddling ${unique()}`));
    const { opportunityId } = await api.approveOffer(offerId);

    for (const [lang, m] of [['en', en], ['sv', sv]] as const) {
      const el = await mountAdmin(api, `#/applications/${encodeURIComponent(id)}`, lang);
      (await slowly(() => root(el).querySelector<HTMLButtonElement>('button.reject'), 'the reject button')).click();
      await waitFor(() => root(el).querySelector('#reject-reason'));
      button(el, m.applications.rejectConfirm).click();
      const alert = await slowly(() => root(el).querySelector('p[role=alert]'), 'the refusal');
      expect(text(alert)).to.equal(m.refusals.signatoryHasOpportunities(name, opportunityId!, false));
      expect(text(alert)).to.not.contain('HTTP');
      expect(text(q(el, 'dl.facts .status-tag'))).to.equal(m.applications.status.approved);
      await expectAccessible(el);
      unmountAll();
    }
  });

  it("saving an entry someone deleted meanwhile: the server's own words in the page's language (en, sv), what is wrong and what to do, without the HTTP prefix; nothing saved", async () => {
    let lang = 'en';
    const api = await signedInApi(() => lang);
    for (const [pageLang, said] of [
      ['en', (id: string) => `There is no entry in organisations with the id "${id}": someone may have deleted it, and nothing was saved. Reload the list; if the entry is still needed, add it again.`],
      ['sv', (id: string) => `Det finns ingen post i organisations med id "${id}": någon kan ha tagit bort den, och ingenting sparades. Ladda om listan; behövs posten fortfarande, lägg till den igen.`],
    ] as const) {
      lang = pageLang;
      const made = await api.create('organisations', { name: `Föreningen Borttagen ${unique()}`, form: 'other', districts: [], activities: [], languages: [] } as never);
      const id = String((made.value as { id: string }).id);
      const el = await mountAdmin(api, `#/content/organisations/${encodeURIComponent(id)}`, pageLang);
      const phone = await slowly(() => root(el).querySelector<HTMLInputElement>('#f-phone'), 'the form');
      // Another editor deletes it while this one types.
      await api.remove('organisations', id, made.etag);
      type(phone, '08-555 000 01');
      q<HTMLButtonElement>(el, 'form button[type=submit]').click();
      const summary = await slowly(() => root(el).querySelector('#error-summary'), 'the error summary');
      expect(qa(el, '#error-summary li').map(text)).to.deep.equal([said(id)]);
      expect(text(summary)).to.not.contain('HTTP');
      await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
      expect(q<HTMLInputElement>(el, '#f-phone').value, 'what was typed is kept').to.equal('08-555 000 01');
      await expectAccessible(el);
      expect((await published()).organisations.some((o) => o.id === id)).to.equal(false);
      unmountAll();
    }
  });

  it('deleting an organisation that offers opportunities: the form says why in Swedish, and the organisation stays', async () => {
    const dataset = await published();
    const organisationId = dataset.opportunities![0]!.organisationId;
    const organisation = dataset.organisations.find((o) => o.id === organisationId)!;
    const offered = dataset.opportunities!.filter((o) => o.organisationId === organisationId).map((o) => o.id);
    const api = await signedInApi();

    const el = await mountAdmin(api, `#/content/organisations/${encodeURIComponent(organisationId)}`);
    (await slowly(() => root(el).querySelector<HTMLButtonElement>('button.delete'), 'the delete button')).click();
    await waitFor(() => q<HTMLDialogElement>(el, '#delete-dialog').open);
    q<HTMLButtonElement>(el, 'button.confirm-delete').click();
    const summary = await slowly(() => root(el).querySelector('#error-summary'), 'the error summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([sv.refusals.organisationHasOpportunities(organisation.name, offered.join(', '))]);
    await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
    await expectAccessible(el);
    expect((await published()).organisations.some((o) => o.id === organisationId)).to.equal(true);
  });

  it('removing the signature of an organisation that offers opportunities in its editor: refused, the page says why in Swedish and keeps what was typed; nothing published', async () => {
    const organisationNumber = newOrganisationNumber();
    const name = `Föreningen Granudden ${unique()}`;
    const { id } = await post('/signups', signup(name, organisationNumber));
    const api = await signedInApi();
    const { organisationId } = await api.approve(id);
    const { id: offerId } = await post('/opportunities', opportunityOffer(organisationNumber, `Skridskoskola ${unique()}`));
    const { opportunityId } = await api.approveOffer(offerId);
    const before = await api.get('organisations', organisationId!);

    const el = await mountAdmin(api, `#/content/organisations/${encodeURIComponent(organisationId!)}`);
    const signedOn = await slowly(() => root(el).querySelector<HTMLInputElement>('#f-signature-signedOn'), 'the signature date');
    type(signedOn, '');
    type(q<HTMLSelectElement>(el, '#f-signature-via'), '');
    type(q<HTMLInputElement>(el, '#f-phone'), '08-555 000 00');
    q<HTMLButtonElement>(el, 'form button[type=submit]').click();
    const summary = await slowly(() => root(el).querySelector('#error-summary'), 'the error summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([sv.refusals.signatureWithOpportunities(name, opportunityId!)]);
    await waitFor(() => root(el).activeElement === summary, 'focus on the summary');
    expect(q<HTMLInputElement>(el, '#f-signature-signedOn').value).to.equal('');
    expect(q<HTMLInputElement>(el, '#f-phone').value).to.equal('08-555 000 00');
    await expectAccessible(el);
    // Nothing stored or published: the same entity (ETag), still a signatory, the opportunity still up.
    expect((await api.get('organisations', organisationId!))!.etag).to.equal(before!.etag);
    const after = await published();
    expect(after.organisations.find((o) => o.id === organisationId)?.signature).to.not.equal(undefined);
    expect(after.opportunities?.some((o) => o.id === opportunityId)).to.equal(true);
  });
});

describe('importing a dataset file, against the real server: one version or nothing', function () {
  this.timeout(testTime(90_000));

  /** A dataset file made of what the content API holds now, changed by `edit`. */
  async function datasetFile(api: Awaited<ReturnType<typeof signedInApi>>, edit: (file: Record<string, Record<string, unknown>[]>) => void): Promise<File> {
    const header = (await (await fetch(`${API}/dataset`, { cache: 'no-store' })).json()) as Record<string, unknown>;
    const collections = ['organisations', 'contacts', 'meetings', 'principles', 'developmentAreas', 'followUps', 'opportunities'] as const;
    const file: Record<string, unknown> = { ...header };
    for (const c of collections) file[c] = (await api.list(c)).map((e) => e.value);
    edit(file as Record<string, Record<string, unknown>[]>);
    return new File([JSON.stringify(file)], 'datamangd.json', { type: 'application/json' });
  }

  /** Chooses the file and waits for its preview's button to publish `writes` changes. */
  async function choose(el: SamverkanAdmin, file: File, writes: number): Promise<void> {
    const input = await slowly(() => root(el).querySelector<HTMLInputElement>('#import-file'), 'the file input');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await slowly(() => [...root(el).querySelectorAll('.preview button')].some((b) => text(b) === sv.importExport.publish(writes)), 'the preview');
  }

  it('a file that removes the signature of an organisation offering opportunities publishes nothing and says why; with the opportunities moved to a signatory in the same file it publishes one version', async () => {
    const organisationNumber = newOrganisationNumber();
    const name = `Föreningen Importudden ${unique()}`;
    const api = await signedInApi();
    const { organisationId } = await api.approve((await post('/signups', signup(name, organisationNumber))).id);
    const { opportunityId } = await api.approveOffer((await post('/opportunities', opportunityOffer(organisationNumber, `Simskola ${unique()}`))).id);
    const before = await published();
    const other = before.organisations.find((o) => o.signature && o.id !== organisationId)!;
    const etag = async () => (await fetch(`${API}/dataset`, { cache: 'no-store' })).headers.get('etag');
    const etagBefore = await etag();
    const versions = (await api.versions()).length;
    const contact = (await api.list('contacts'))[0]!.value;
    const phone = contact['phone'] === '08-555 000 22' ? '08-555 000 23' : '08-555 000 22';
    const unsign = (file: Record<string, Record<string, unknown>[]>) => {
      const organisation = file['organisations']!.find((o) => o['id'] === organisationId)!;
      delete organisation['signature'];
      // And a change that would be saved alone: entry by entry, it was.
      // A number the contact does not have yet, so that this is a change however often the test ran against this server.
      file['contacts']!.find((c) => c['id'] === contact.id)!['phone'] = phone;
    };

    const el = await mountAdmin(api, '#/import');
    await choose(el, await datasetFile(api, unsign), 2);
    button(el, sv.importExport.publish(2)).click();
    const alert = await slowly(() => root(el).querySelector('[role=alert]'), 'why nothing was published');
    expect(text(alert)).to.equal(sv.importExport.refused(1));
    expect(qa(el, '.refused li').map(text)).to.deep.equal([`${name} (${sv.singular.organisations}): ${sv.refusals.importUnsigned(name, opportunityId!)}`]);
    await slowly(() => root(el).activeElement === alert, 'focus on why');
    await expectAccessible(el);
    // Nothing half-stored: the same dataset, no new version, the contact as it was.
    expect(await etag()).to.equal(etagBefore);
    expect((await api.versions()).length).to.equal(versions);
    expect((await api.get('contacts', contact.id))!.value).to.deep.equal(contact);

    // The same file, with the opportunity moved to a signatory: judged on what the whole file makes.
    await choose(
      el,
      await datasetFile(api, (file) => {
        unsign(file);
        file['opportunities']!.find((o) => o['id'] === opportunityId)!['organisationId'] = other.id;
      }),
      3,
    );
    button(el, sv.importExport.publish(3)).click();
    await slowly(() => announced(el) === sv.importExport.published(3), 'published');
    const after = await published();
    expect(after.organisations.find((o) => o.id === organisationId)!.signature).to.equal(undefined);
    expect(after.opportunities!.find((o) => o.id === opportunityId)!.organisationId).to.equal(other.id);
    const made = await api.versions();
    expect(made.length).to.equal(versions + 1);
    expect(made[0]!.summary).to.equal('Imported: 3 changed');
  });
});
