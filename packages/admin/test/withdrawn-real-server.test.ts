// The admin page on the SDK's client against the real server (helpers/admin-server.mjs): an
// approval whose published entry is deleted afterwards says so from the server's `withdrawn`
// flag, without a request per item, and says it no more after a restore from History.
import { expect } from '@open-wc/testing';
import { isValidOrganisationNumber } from '@samverkan/sdk';
import { createAdminApi } from '../src/api-client.js';
import type { AdminApi } from '../src/api.js';
import { announced, button, expectAccessible, mountAdmin, q, qa, root, text, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';

const API = '/__admin-server/api/v1';
const unique = () => Math.random().toString(36).slice(2, 8);

afterEach(() => unmountAll());

/** Waits longer than the page helpers do (up to 60 s, not 5): a real server on a busy machine answers later than memory. */
async function slowly<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await waitFor(probe, what);
    } catch (error) {
      if (attempt === 12) {
        // What the page shows instead, and what reached the server: a failure here says where it stopped.
        const page = document.querySelector('samverkan-admin')?.shadowRoot?.querySelector('main')?.textContent?.replace(/\s+/g, ' ').trim() ?? '(no page)';
        const requests = (await (await fetch('/__admin-server/requests')).json()).requests as string[];
        throw new Error(`${(error as Error).message}. The page shows: ${page.slice(0, 600)}. Last requests: ${requests.slice(-8).join(', ')}`);
      }
    }
  }
}

/** An organisation number no other test uses: nine random digits and the check digit the SDK's rule accepts. */
function newOrganisationNumber(): string {
  const base = `802${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const formatted = (check: number) => `${base.slice(0, 6)}-${base.slice(6)}${check}`;
  return formatted([...Array(10).keys()].find((check) => isValidOrganisationNumber(formatted(check)))!);
}

/** A new editor on the real server, signed in through the page's own client. */
async function signedInApi(): Promise<AdminApi> {
  const made = await fetch('/__admin-server/user?role=editor', { method: 'POST' });
  expect(made.status, await made.clone().text()).to.equal(200);
  const { email, password } = (await made.json()) as { email: string; password: string };
  const api = createAdminApi({ apiUrl: API });
  await api.signIn(email, password);
  return api;
}

async function post(path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).to.equal(201);
  return response.json();
}

/** What the proxy forwarded since the last call. */
async function forwarded(): Promise<string[]> {
  return (await (await fetch('/__admin-server/requests?reset=1')).json()).requests;
}

/** Restores, on the History page, the newest version whose summary starts with `summary`. */
async function restoreVersion(el: Awaited<ReturnType<typeof mountAdmin>>, api: AdminApi, summary: string): Promise<void> {
  const versions = await api.versions();
  const wanted = versions.find((v) => v.summary.startsWith(summary))!;
  expect(wanted, summary).to.not.equal(undefined);
  location.hash = '#/history';
  await slowly(() => root(el).querySelector(`.versions li[data-version="${wanted.version}"] button.restore`), 'the restore button');
  button(el, sv.history.restore(wanted.version)).click();
  await waitFor(() => q<HTMLDialogElement>(el, '#restore-dialog').open);
  q<HTMLButtonElement>(el, 'button.confirm-restore').click();
  await slowly(() => announced(el) === sv.history.restored(wanted.version, versions[0]!.version + 1), 'the restore');
}

describe('withdrawn approvals, against the real server', function () {
  // The first test starts the server (a child process compiling TypeScript), and the machine may be busy: more than the 10 s default.
  this.timeout(90_000);

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
    const signed = organisations.find((o) => o.value.signature && o.value.organisationNumber)!;
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
      expect(refused?.message).to.contain('no longer a signatory').and.contain('Historik');
    } finally {
      // The server is shared by the file's tests: the organisation signs again.
      await api.replace('organisations', signed.value.id, { ...saved.value, signature: signature! }, saved.etag);
    }
  });
});
