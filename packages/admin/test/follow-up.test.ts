import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { FollowUp } from '@samverkan/sdk';
import { MemoryApi } from './fixtures/memory-api.js';
import { principles, report2024, report2025 } from './fixtures/agreement-content.js';
import { expectListFailure } from './helpers/decision-checks.js';
import { announced, button, control, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import type { SamverkanAdmin } from '../src/admin-app.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';
import { controlForPath, controlId, valuesFromEntity, entityFromValues } from '../src/content/form-values.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const INFO = { defaultLanguage: 'sv', languages: ['sv', 'en'], timeZone: 'Europe/Stockholm' };
const f = sv.followUp;

afterEach(() => unmountAll());

/** The form row (0-based, in the agreement's order) of a commitment. */
const ROW = { 'dialog-m1': 0, 'dialog-c1': 1, 'long-term-m1': 2, 'long-term-b1': 3 } as const;
const status = (el: SamverkanAdmin, id: keyof typeof ROW) => control<HTMLSelectElement>(el, `commitments[${ROW[id]}].status`);

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('follow-up form values', () => {
  it('keep evidence links per commitment, and a problem deep in one points at its field', () => {
    const values = valuesFromEntity('followUps', report2025, INFO);
    expect(values['commitments[0].evidence#count']).to.equal('1');
    expect(values['commitments[0].evidence[0].title@en']).to.equal('Minutes');
    const { entity } = entityFromValues('followUps', values, INFO, report2025, sv);
    expect(entity).to.deep.equal(report2025);
    expect(controlForPath('followUps', ['commitments', 0, 'evidence', 0, 'url'], INFO).control).to.equal('commitments[0].evidence[0].url');
    expect(controlForPath('followUps', ['commitments', 1, 'note', 'en'], INFO).control).to.equal('commitments[1].note@en');
    expect(controlForPath('followUps', ['year'], INFO).control).to.equal('year');
  });
});

describe("a year's follow-up", () => {
  it('is laid out per principle and per party, each status in words, and is accessible', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2025] } });
    const el = await mountAdmin(api, '#/content/followUps/follow-up-2025');
    await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
    await settle(el);
    expect(text(q(el, 'main h1'))).to.equal(f.editTitle('2025'));
    expect(qa(el, '.follow-up-principle h3').map(text)).to.deep.equal(['Dialog', 'Långsiktighet']);
    expect(qa(el, '.follow-up-principle').map((s) => [...s.querySelectorAll('h4')].map(text))).to.deep.equal([
      [f.partyCommitments('Kommunen'), f.partyCommitments('Civilsamhället')],
      [f.partyCommitments('Kommunen'), f.partyCommitments('Båda')],
    ]);
    expect(text(q(el, '.follow-up-commitment legend'))).to.equal('Kommunen bjuder in till dialogmöten två gånger om året.');
    expect([...status(el, 'dialog-m1').options].map((o) => o.textContent)).to.deep.equal([sv.fields.unreported, 'Inte påbörjat', 'Pågår', 'Klart', 'Genomförs inte']);
    expect(status(el, 'dialog-m1').value).to.equal('done');
    expect(status(el, 'long-term-m1').value).to.equal('in-progress');
    expect(status(el, 'dialog-c1').value).to.equal('');
    expect(control(el, 'commitments[0].note@en').value).to.equal('Two meetings were held.');
    expect(control(el, 'commitments[0].evidence[0].url').value).to.equal('https://kommun.example.org/protokoll.pdf');
    expect(control(el, 'summary@sv').value).to.equal('Det mesta är på gång.');
    await expectAccessible(el);
  });

  it('a new year starts from the latest report, and saves only the commitments with a status', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2024, report2025] } });
    const el = await mountAdmin(api, '#/content/followUps');
    (await waitFor(() => root(el).querySelector<HTMLAnchorElement>('a.create'))).click();
    await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
    await settle(el);
    expect(location.hash).to.equal('#/content/followUps/new');
    expect(control(el, 'year').value).to.equal('2026');
    expect(text(q(el, '#prefilled'))).to.equal(f.prefilled(2025));
    expect(text(q(el, 'main h1'))).to.equal(f.newTitle('2026'));
    expect(status(el, 'dialog-m1').value).to.equal('done');
    // This year's date, summary and document are the new report's own.
    expect(control(el, 'summary@sv').value).to.equal('');
    expect(control(el, 'documentUrl').value).to.equal('');

    choose(status(el, 'long-term-m1'), 'done');
    choose(status(el, 'dialog-c1'), 'not-started');
    type(control(el, 'commitments[1].note@sv'), 'Inbjudan skickas i januari.');
    type(control(el, 'summary@sv'), 'Ett år med mycket dialog.');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    const saved = api.store.followUps.get('follow-up-2026')!.value;
    expect(saved.year).to.equal(2026);
    expect(saved.summary).to.equal('Ett år med mycket dialog.');
    expect(saved.commitments.map((c) => [c.commitmentId, c.status])).to.deep.equal([
      ['dialog-m1', 'done'],
      ['dialog-c1', 'not-started'],
      ['long-term-m1', 'done'],
    ]);
    expect(saved.commitments[1]!.note).to.equal('Inbjudan skickas i januari.');
    // Last year's notes and evidence are last year's: not carried over.
    expect(saved.commitments[0]!.note).to.equal(undefined);
    expect(saved.commitments[0]!.evidence).to.deep.equal([]);
    // The report of the year before is left as it was.
    expect(api.store.followUps.get('follow-up-2025')!.value).to.deep.equal(report2025);
  });

  it('adds an evidence link by keyboard, refuses one that is not http(s) as you type and on save, then saves it', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2025] } });
    const el = await mountAdmin(api, '#/content/followUps/follow-up-2025');
    await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
    const add = q<HTMLButtonElement>(el, `fieldset.group[data-group="commitments[2].evidence"] > button.add-item`);
    add.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expectFocusOn(el, `#${controlId('commitments[2].evidence[0].title@sv')}`);
    await sendKeys({ type: 'Beslut i nämnden' });
    type(control(el, 'commitments[2].evidence[0].url'), 'javascript:alert(1)');
    await settle(el);
    const urlError = `${sv.fields.evidenceUrl}: ${sv.invalid.url}`;
    expect(text(q(el, `#${controlId('commitments[2].evidence[0].url')}-error`))).to.equal(urlError);
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    await settle(el);
    expectFocusOn(el, '#error-summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([urlError]);
    await expectAccessible(el);
    expect(api.calls.some((c) => c.startsWith('replace'))).to.equal(false);
    q<HTMLAnchorElement>(el, '#error-summary a').click();
    expectFocusOn(el, `#${controlId('commitments[2].evidence[0].url')}`);

    type(control(el, 'commitments[2].evidence[0].url'), 'https://kommun.example.org/beslut.pdf');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    const saved = api.store.followUps.get('follow-up-2025')!.value;
    expect(saved.commitments.find((c) => c.commitmentId === 'long-term-m1')!.evidence).to.deep.equal([{ title: 'Beslut i nämnden', url: 'https://kommun.example.org/beslut.pdf' }]);
  });

  it('removes an evidence link by keyboard (focus stays in the group)', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2025] } });
    const el = await mountAdmin(api, '#/content/followUps/follow-up-2025');
    await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
    button(el, sv.group.remove(sv.fields.evidenceItem, 1)).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expectFocusOn(el, `fieldset.group[data-group="commitments[0].evidence"] > button.add-item`);
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    expect(api.store.followUps.get('follow-up-2025')!.value.commitments[0]!.evidence).to.deep.equal([]);
  });

  it('asks for a status when a note is written without one, and refuses a year that has a report', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2024, report2025] } });
    const el = await mountAdmin(api, '#/content/followUps/new');
    await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
    type(control(el, 'year'), '2024');
    type(control(el, 'commitments[3].note@sv'), 'Revisionen börjar 2027.');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    const problems = qa(el, '#error-summary li').map(text);
    expect(problems).to.deep.equal([f.yearTaken('2024'), sv.problems.required(sv.fields.followUpStatus)]);
    qa<HTMLAnchorElement>(el, '#error-summary a')[1]!.click();
    expectFocusOn(el, `#${controlId('commitments[3].status')}`);
    expect(api.calls.some((c) => c.startsWith('create'))).to.equal(false);
  });

  it("never overwrites someone else's newer save: the 412 shows both versions", async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2025] } });
    const el = await mountAdmin(api, '#/content/followUps/follow-up-2025');
    await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
    api.saveBehindTheBack('followUps', { ...report2025, documentUrl: 'https://kommun.example.org/ny-rapport.pdf' } as FollowUp);
    choose(status(el, 'dialog-c1'), 'in-progress');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#conflict'));
    await settle(el);
    expectFocusOn(el, '#conflict');
    expect(qa(el, '#conflict tbody tr').map(text).some((r) => r.startsWith('documentUrl') && r.includes('ny-rapport.pdf'))).to.equal(true);
    expect(api.store.followUps.get('follow-up-2025')!.value.commitments).to.have.length(2);
    button(el, sv.content.conflictKeepMine).click();
    await waitFor(() => announced(el) === sv.saved);
    const now = api.store.followUps.get('follow-up-2025')!.value;
    expect(now.documentUrl).to.equal('https://kommun.example.org/ny-rapport.pdf');
    expect(now.commitments.map((c) => c.commitmentId)).to.deep.equal(['dialog-m1', 'dialog-c1', 'long-term-m1']);
  });

  it('says it is loading, when the agreement has no commitments, and when it cannot load', async () => {
    const slow = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, delay: 120 });
    const el = await mountAdmin(slow, '#/content/followUps/new');
    expect(text(q(el, 'main [role=status]'))).to.equal(sv.loading);
    await waitFor(() => text(root(el).querySelector('main')).includes(f.noCommitments), 'the empty state');
    await expectAccessible(el);
    unmountAll();

    await expectListFailure((api) => mountAdmin(api, '#/content/followUps/new'), new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles } }));
  });

  it('is listed by year, in English too, and works at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles, followUps: [report2025, report2024] } });
      const list = await mountAdmin(api, '#/content/followUps', 'en');
      await waitFor(() => root(list).querySelector('.rows'));
      expect(text(q(list, 'main h1'))).to.equal(en.nav.followUps);
      expect(qa(list, '.rows .grow a').map(text)).to.deep.equal(['2024', '2025']);
      unmountAll();
      const el = await mountAdmin(api, '#/content/followUps/follow-up-2025', 'en');
      await waitFor(() => root(el).querySelector('form .follow-up-commitment'));
      await settle(el);
      expect(text(q(el, '.follow-up-principle h3'))).to.equal('Dialogue');
      expect(text(q(el, '.follow-up-commitment legend'))).to.equal('The municipality holds dialogue meetings twice a year.');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
