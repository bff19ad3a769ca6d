import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Organisation } from '@samverkan/sdk';
import { MemoryApi } from './fixtures/memory-api.js';
import { announced, button, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import { controlId } from '../src/content/form-values.js';
import { isStale, monthsBefore } from '../src/content/freshness.js';
import { planCsv } from '../src/content/import-plan.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };
const org = (id: string, name: string, extra: Partial<Organisation> = {}) =>
  ({ id, name, form: 'non-profit-association', districts: [], activities: [], languages: [], ...extra }) as Organisation;

afterEach(() => unmountAll());

describe('users (admins)', () => {
  it('invites someone and shows the one-time link, changes a role, removes after a confirmation', async () => {
    const api = new MemoryApi({ users: [ADMIN, EDITOR], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/users');
    await waitFor(() => root(el).querySelector('.rows'));
    await expectAccessible(el);
    type(q<HTMLInputElement>(el, '#invite-name'), 'Kim Kultur');
    type(q<HTMLInputElement>(el, '#invite-email'), 'kim@kommun.example.org');
    button(el, sv.users.invite).click();
    const link = await waitFor(() => root(el).querySelector<HTMLInputElement>('#invite-link'));
    await settle(el);
    expect(link.value).to.match(/#\/set-password\?token=/);
    expectFocusOn(el, '#invite-link');
    expect(api.users_.map((u) => u.email)).to.include('kim@kommun.example.org');

    const roleOfRobin = q<HTMLSelectElement>(el, '#role-u2');
    roleOfRobin.value = 'admin';
    roleOfRobin.dispatchEvent(new Event('change'));
    await waitFor(() => announced(el) === sv.users.roleChanged(EDITOR.name, sv.roles.admin!));
    expect(api.users_.find((u) => u.id === 'u2')!.role).to.equal('admin');
    // One's own role and account cannot be changed here.
    expect(q<HTMLSelectElement>(el, '#role-u1').disabled).to.equal(true);

    button(el, sv.users.remove(EDITOR.name)).click();
    await waitFor(() => q<HTMLDialogElement>(el, '#remove-dialog').open);
    q<HTMLButtonElement>(el, 'button.confirm-remove').click();
    await waitFor(() => announced(el) === sv.users.removed(EDITOR.name));
    expect(api.users_.some((u) => u.id === 'u2')).to.equal(false);
  });

  it('is not there for an editor', async () => {
    const el = await mountAdmin(new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email }), '#/users');
    await settle(el);
    expect(text(q(el, 'main'))).to.contain(sv.notFound);
    expect(api_calls(el)).to.equal(0);
    function api_calls(_: unknown) {
      return qa(el, '#invite-name').length;
    }
  });
});

describe('history', () => {
  it('lists versions newest first, shows what changed per field and restores one after one confirmation', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [org('hovsjo-if', 'Hovsjö IF', { phone: '08-111 111 11' })] } });
    // Two changes: version 2 changes the phone, version 3 deletes the organisation.
    const first = (await api.list('organisations'))[0]!;
    const changed = await api.replace('organisations', 'hovsjo-if', { ...first.value, phone: '08-222 222 22' }, first.etag);
    await api.remove('organisations', 'hovsjo-if', changed.etag);
    api.audit_ = [
      { at: '2026-12-05T10:00:00Z', by: 'Sam Samordnare', action: 'content-replaced', target: 'organisations/hovsjo-if' },
      { at: '2026-12-05T09:00:00Z', by: 'Robin Redaktör', action: 'sign-in', target: 'user:u2' },
    ];
    const el = await mountAdmin(api, '#/history');
    await waitFor(() => root(el).querySelector('.versions'));
    expect(qa(el, '.versions > li').map((li) => li.getAttribute('data-version'))).to.deep.equal(['3', '2', '1']);
    await expectAccessible(el);

    button(el, sv.history.showChanges(2)).click();
    await waitFor(() => root(el).querySelector('#changes-2 table'));
    const row = text(q(el, '#changes-2 tbody tr'));
    expect(row).to.contain('phone').and.contain('08-111 111 11').and.contain('08-222 222 22');
    expect(q(el, '.versions > li[data-version="2"] .show-changes').getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(el);

    // The audit log, filtered by person.
    expect(qa(el, 'table.audit tbody tr')).to.have.length(2);
    const person = q<HTMLSelectElement>(el, '#audit-person');
    person.value = 'Robin Redaktör';
    person.dispatchEvent(new Event('change'));
    await settle(el);
    expect(qa(el, 'table.audit tbody tr').map(text)).to.have.length(1);
    expect(text(q(el, 'table.audit tbody tr'))).to.contain(sv.history.actions['sign-in']);

    // Restore version 2: the deleted organisation is back.
    button(el, sv.history.restore(2)).click();
    await waitFor(() => q<HTMLDialogElement>(el, '#restore-dialog').open);
    expect(text(q(el, '#restore-dialog'))).to.contain(sv.history.restoreWhat);
    q<HTMLButtonElement>(el, 'button.confirm-restore').click();
    await waitFor(() => announced(el) === sv.history.restored(2, 4));
    expect(api.store.organisations.get('hovsjo-if')!.value.phone).to.equal('08-222 222 22');
    await waitFor(() => qa(el, '.versions > li').length === 4);
  });
});

describe('freshness', () => {
  it('knows twelve months', () => {
    expect(monthsBefore('2026-12-06')).to.equal('2025-12-06');
    expect(isStale(undefined, '2026-12-06')).to.equal(true);
    expect(isStale('2025-12-06', '2026-12-06')).to.equal(true);
    expect(isStale('2025-12-07', '2026-12-06')).to.equal(false);
  });

  it('lists what has not been confirmed in twelve months and confirms with one click', async () => {
    const fresh = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const api = new MemoryApi({
      users: [ADMIN],
      signedIn: ADMIN.email,
      content: {
        organisations: [org('old', 'Gamla föreningen', { confirmedOn: '2024-01-01' } as Partial<Organisation>), org('new', 'Nya föreningen', { confirmedOn: fresh } as Partial<Organisation>), org('never', 'Aldrig bekräftad')],
      },
    });
    const el = await mountAdmin(api, '#/freshness');
    await waitFor(() => root(el).querySelector('.rows'));
    expect(qa(el, '.rows .grow a').map(text)).to.deep.equal(['Aldrig bekräftad', 'Gamla föreningen']);
    await expectAccessible(el);
    const confirm = q<HTMLButtonElement>(el, 'button.confirm');
    expect(confirm.getAttribute('aria-label')).to.equal(sv.freshness.confirm('Aldrig bekräftad'));
    confirm.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => announced(el) === sv.freshness.confirmed('Aldrig bekräftad'));
    expect((api.store.organisations.get('never')!.value as Organisation & { confirmedOn?: string }).confirmedOn).to.match(/^\d{4}-\d{2}-\d{2}$/);
    await waitFor(() => qa(el, '.rows > li').length === 1);
    expectFocusOn(el, 'button.confirm');
  });
});

describe('the agreement', () => {
  it('edits the agreement\'s own fields with the same validation', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/agreement');
    await waitFor(() => root(el).querySelector('form'));
    expect(q<HTMLInputElement>(el, `#${controlId('municipality.name')}`).value).to.equal('Exempelby kommun');
    type(q<HTMLInputElement>(el, `#${controlId('revisionIntervalYears')}`), 'fyra');
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    expect(text(q(el, '#error-summary'))).to.contain(sv.invalid.positiveInteger);
    await expectAccessible(el);
    type(q<HTMLInputElement>(el, `#${controlId('revisionIntervalYears')}`), '4');
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    expect(api.agreement_.value.revisionIntervalYears).to.equal(4);
  });
});

describe('import and export', () => {
  it('plans a CSV: matched by organisation number or name, new rows added, problems per line', () => {
    const current = { organisations: [{ value: org('hovsjo-if', 'Hovsjö IF', { organisationNumber: '802000-0009' } as Partial<Organisation>) as unknown as Record<string, unknown>, etag: '"1"' }] };
    const csv = 'Namn;Organisationsnummer;E-post\nHovsjö IF;802000-0009;kansli@hovsjo.example.org\nRonna Schack;;info@ronna.example.org\nTrasig;;inte-en-adress\n';
    const plan = planCsv(csv, current, 'sv');
    expect(plan.writes.map((w) => [w.kind, w.value['name']])).to.deep.equal([
      ['change', 'Hovsjö IF'],
      ['add', 'Ronna Schack'],
    ]);
    expect(plan.writes[0]!.value['id']).to.equal('hovsjo-if');
    expect(plan.writes[0]!.fields).to.deep.equal(['email']);
    expect(plan.problems).to.have.length(1);
    expect(plan.problems[0]!.where).to.equal('4|E-post');
  });

  it('previews an uploaded CSV and publishes only when asked', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [org('hovsjo-if', 'Hovsjö IF')] } });
    const el = await mountAdmin(api, '#/import');
    await settle(el);
    await expectAccessible(el);
    const file = new File(['name,email\nHovsjö IF,kansli@hovsjo.example.org\nRonna Schack,info@ronna.example.org\nTrasig,inte-en-adress\n'], 'foreningar.csv', { type: 'text/csv' });
    const input = q<HTMLInputElement>(el, '#import-file');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => root(el).querySelector('.preview'));
    await settle(el);
    expectFocusOn(el, '#preview-title');
    expect(text(q(el, '.plan-summary'))).to.contain(sv.importExport.adds(1)).and.contain(sv.importExport.changes(1));
    expect(text(q(el, '.problems'))).to.contain(sv.importExport.lineColumn(4, 'email'));
    expect(api.calls.some((c) => c.startsWith('create') || c.startsWith('replace'))).to.equal(false);
    await expectAccessible(el);
    button(el, sv.importExport.publish(2)).click();
    await waitFor(() => announced(el) === sv.importExport.published(2));
    expect(api.store.organisations.get('hovsjo-if')!.value.email).to.equal('kansli@hovsjo.example.org');
    expect([...api.store.organisations.values()].map((e) => e.value.name)).to.include('Ronna Schack');
  });

  it('downloads the organisations as CSV in the format the import reads', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [org('hovsjo-if', 'Hovsjö IF', { districts: ['Hovsjö', 'Centrum'] })] } });
    const el = await mountAdmin(api, '#/import');
    await settle(el);
    const clicked: { name: string; href: string }[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    };
    try {
      q<HTMLButtonElement>(el, 'button.download-csv').click();
      await waitFor(() => clicked.length === 1);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked[0]!.name).to.equal('samverkan-organisationer.csv');
    const csv = await (await fetch(clicked[0]!.href)).text();
    expect(csv.split('\r\n')[0]).to.match(/^id,name,organisationNumber,form/);
    expect(csv).to.contain('hovsjo-if,Hovsjö IF,,non-profit-association');
    expect(csv).to.contain('Hovsjö; Centrum');
  });
});
