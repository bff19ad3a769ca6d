import { expect } from '@open-wc/testing';
import { HttpError } from '@samverkan/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryApi, application } from './fixtures/memory-api.js';
import { eraseAfterConfirmation } from './helpers/decision-checks.js';
import { announced, button, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, rowNames, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import { PAGE_SIZE } from '../src/views/pager.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };
const a = sv.applications;

afterEach(() => unmountAll());

describe('the applications inbox', () => {
  it('lists pending applications first, newest first, with a count, and is accessible', async () => {
    const api = new MemoryApi({
      users: [ADMIN],
      signedIn: ADMIN.email,
      applications: [application(1, { status: 'approved' }), application(2), application(3), application(4, { status: 'rejected' })],
    });
    const el = await mountAdmin(api);
    await waitFor(() => root(el).querySelector('.rows'));
    expect(rowNames(el)).to.deep.equal(['Förening nummer 3', 'Förening nummer 2', 'Förening nummer 4', 'Förening nummer 1']);
    expect(text(q(el, '#applications-count'))).to.equal(a.count(4, 4));
    expect(qa(el, '.rows input[type=checkbox]')).to.have.length(2);
    await expectAccessible(el);
  });

  it('searches by name, organisation number or reference, accents and case ignored', async () => {
    const api = new MemoryApi({
      users: [ADMIN],
      signedIn: ADMIN.email,
      applications: [application(1, {}, { name: 'Hovsjö IF', organisationNumber: '802000-0001' }), application(2, { reference: 'ABCD-2345' }, { name: 'Ronna Schack' })],
    });
    const el = await mountAdmin(api);
    const search = await waitFor(() => root(el).querySelector<HTMLInputElement>('#applications-search'));
    type(search, 'hovsjo');
    await settle(el);
    expect(rowNames(el)).to.deep.equal(['Hovsjö IF']);
    type(search, 'abcd2345');
    await settle(el);
    expect(rowNames(el)).to.deep.equal(['Ronna Schack']);
    type(search, 'finns inte');
    await settle(el);
    expect(text(q(el, 'main'))).to.contain(a.noMatch);
    expect(text(q(el, '#applications-count'))).to.equal(a.count(0, 2));
  });

  it('shows one page of rows at a time', async () => {
    const apps = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => application(i));
    const el = await mountAdmin(new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: apps }));
    await waitFor(() => root(el).querySelector('.rows'));
    expect(qa(el, '.rows > li')).to.have.length(PAGE_SIZE);
    expect(text(q(el, '.pager'))).to.contain(a.page(1, 3));
    button(el, a.next).click();
    await settle(el);
    button(el, a.next).click();
    await settle(el);
    expect(qa(el, '.rows > li')).to.have.length(5);
    expect(button(el, a.next).disabled).to.equal(true);
  });

  it('approves several at once by keyboard, announces it and updates the count in the menu', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1), application(2), application(3)] });
    const el = await mountAdmin(api);
    await waitFor(() => text(root(el).querySelector('#pending-count')).includes(sv.pendingCount(3)));
    const boxes = qa<HTMLInputElement>(el, '.rows input[type=checkbox]');
    boxes[0]!.focus();
    await sendKeys({ press: 'Space' });
    boxes[1]!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    const approve = button(el, a.approveSelected(2));
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => announced(el) === a.approvedMany(2), 'the announcement');
    expect(api.calls.filter((c) => c.startsWith('approve'))).to.deep.equal(['approve app-3', 'approve app-2']);
    await waitFor(() => text(root(el).querySelector('#pending-count')).includes(sv.pendingCount(1)), 'the new count');
  });

  it('a decision the server rolled back (500 not-stored) says nothing changed and to try again, in the reader\'s language, not a generic server problem', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
    // The server's answer when the decision and its version were one transaction and it failed (server/src/http/errors.ts).
    api.approve = async () => {
      throw new HttpError('The server at https://kommun.example.org/api/v1 had a problem with the request (HTTP 500). Try again later.', {
        status: 500,
        url: 'https://kommun.example.org/api/v1/admin/applications/app-1/approve',
        body: { errors: [{ path: '', code: 'not-stored', message: 'The application\'s approval could not be stored, and none of it was: nothing changed.' }] },
      });
    };
    const el = await mountAdmin(api);
    await waitFor(() => root(el).querySelector('.rows'));
    for (const box of qa<HTMLInputElement>(el, '.rows input[type=checkbox]')) box.click();
    await settle(el);
    button(el, a.approveSelected(1)).click();
    await waitFor(() => text(root(el).querySelector('main [role=alert]')).includes(sv.notStored), 'the alert saying nothing changed');
    expect(text(q(el, 'main [role=alert]'))).not.to.contain('had a problem');
    expect(api.applications_.map((x) => x.status)).to.deep.equal(['pending']);
    await expectAccessible(el);
  });

  it('approving several, a refusal part way says why and how many were approved, after the list is fetched again', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1), application(2), application(3)] });
    // The server refuses the second (as it may: someone changed the dataset meanwhile).
    const approve = api.approve.bind(api);
    api.approve = async (id: string) => {
      if (id === 'app-2') throw new Error('Approving application app-2 failed (HTTP 409 Conflict): the dataset changed; load it again and retry.');
      return approve(id);
    };
    const el = await mountAdmin(api);
    await waitFor(() => root(el).querySelector('.rows'));
    for (const box of qa<HTMLInputElement>(el, '.rows input[type=checkbox]')) box.click();
    await settle(el);
    button(el, a.approveSelected(3)).click();
    await waitFor(() => announced(el) === a.approvedMany(1), 'the announcement of the one approved');
    await settle(el);
    expect(text(q(el, 'main [role=alert]'))).to.contain('app-2 failed');
    expect(api.applications_.map((x) => x.status)).to.deep.equal(['pending', 'pending', 'approved']);
    await expectAccessible(el);
  });
});

describe('one application', () => {
  it('shows what the applicant wrote, what will be published and what stays private', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1, {}, { website: 'https://forening.example.org/', description: '<b>inte html</b>' })] });
    const el = await mountAdmin(api, '#/applications');
    (await waitFor(() => root(el).querySelector<HTMLAnchorElement>('.rows a'))).click();
    await waitFor(() => root(el).querySelector('.facts'));
    await settle(el);
    expect(location.hash).to.equal('#/applications/app-1');
    expectFocusOn(el, 'main h1');
    expect(text(q(el, 'main h1'))).to.equal('Förening nummer 1');
    const panels = qa(el, '.panel');
    expect(text(panels[0])).to.contain(a.willPublish).and.contain('info1@forening.example.org').and.contain('<b>inte html</b>');
    expect(panels[0]!.querySelector('b')).to.equal(null);
    expect(panels[0]!.querySelector('a')!.getAttribute('href')).to.equal('https://forening.example.org/');
    expect(text(panels[1])).to.contain(a.staysPrivate).and.contain('Kontakt 1').and.contain('Vi vill gärna vara med (1).');
    await expectAccessible(el);
  });

  it('approves, and the page says so', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
    const el = await mountAdmin(api, '#/applications/app-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.approve'))).click();
    await waitFor(() => announced(el) === a.approved);
    expect(api.applications_[0]!.status).to.equal('approved');
    expect(qa(el, 'button.approve')).to.have.length(0);
  });

  it('rejects with a reason typed into a field that takes focus', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, applications: [application(1)] });
    const el = await mountAdmin(api, '#/applications/app-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.reject'))).click();
    await settle(el);
    expectFocusOn(el, '#reject-reason');
    await expectAccessible(el);
    await sendKeys({ type: 'Verksamheten finns inte i kommunen' });
    button(el, a.rejectConfirm).click();
    await waitFor(() => announced(el) === a.rejected);
    expect(api.applications_[0]).to.include({ status: 'rejected', reason: 'Verksamheten finns inte i kommunen' });
    expect(text(q(el, '.facts'))).to.contain('Verksamheten finns inte i kommunen');
  });

  it('erases (admins only) after a confirmation that says what stays', async () => {
    const editorPage = await mountAdmin(new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, applications: [application(1)] }), '#/applications/app-1');
    await waitFor(() => root(editorPage).querySelector('button.approve'));
    expect(qa(editorPage, 'button.erase')).to.have.length(0);
    unmountAll();

    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
    const el = await mountAdmin(api, '#/applications/app-1');
    await eraseAfterConfirmation(el, api, a, 'erase');
    expect(api.applications_[0]!.application).to.equal(undefined);
    expect(text(q(el, 'main'))).not.to.contain('Kontakt 1');
    expect(text(q(el, '.facts'))).to.contain(a.erased);
  });
});
