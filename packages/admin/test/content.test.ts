import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Meeting, Organisation, Principle } from '@samverkan/sdk';
import { MemoryApi } from './fixtures/memory-api.js';
import { announced, button, control, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import { controlId, entityFromValues, valuesFromEntity } from '../src/content/form-values.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const INFO = { defaultLanguage: 'sv', languages: ['sv', 'en'], timeZone: 'Europe/Stockholm' };

const hovsjo: Organisation = {
  id: 'hovsjo-if',
  name: 'Hovsjö IF',
  form: 'non-profit-association',
  description: { sv: 'Fotboll för alla', en: 'Football for all', fi: 'Jalkapalloa kaikille' },
  districts: ['Hovsjö'],
  activities: ['Fotboll'],
  languages: ['sv'],
  email: 'info@hovsjo-if.example.org',
  confirmedOn: '2025-01-10',
} as Organisation;

const winterMeeting = {
  id: 'dialog-1',
  title: { sv: 'Dialogmöte', en: 'Dialogue meeting' },
  kind: 'dialogue-meeting',
  start: '2026-01-15T18:00:00+01:00',
  end: '2026-01-15T20:00:00+01:00',
  languages: ['sv'],
  status: 'scheduled',
  sequence: 3,
} as Meeting;

afterEach(() => unmountAll());

describe('form values', () => {
  it('turn an entity into controls and back without losing what the form does not show', () => {
    const values = valuesFromEntity('organisations', hovsjo, INFO);
    expect(values['description@sv']).to.equal('Fotboll för alla');
    expect(values['description@en']).to.equal('Football for all');
    expect(values['districts']).to.equal('Hovsjö');
    const { entity, problems } = entityFromValues('organisations', { ...values, 'description@en': 'Football for everyone' }, INFO, hovsjo, sv);
    expect(problems).to.deep.equal([]);
    // The Finnish text is not among the dataset's languages: kept as it was.
    expect(entity['description']).to.deep.equal({ sv: 'Fotboll för alla', en: 'Football for everyone', fi: 'Jalkapalloa kaikille' });
    expect(entity['confirmedOn']).to.equal('2025-01-10');
  });

  it('make meeting times with the offset of the zone at that date (winter +01:00, summer +02:00) and keep sequence', () => {
    const values = valuesFromEntity('meetings', winterMeeting, INFO);
    expect(values['start#date']).to.equal('2026-01-15');
    expect(values['start#time']).to.equal('18:00');
    const june = { ...values, 'start#date': '2026-06-10', 'end#date': '2026-06-10' };
    const { entity } = entityFromValues('meetings', june, INFO, winterMeeting, sv);
    expect(entity['start']).to.equal('2026-06-10T18:00:00+02:00');
    expect(entity['end']).to.equal('2026-06-10T20:00:00+02:00');
    expect(entity['sequence']).to.equal(3);
  });

  it('name a time that does not exist (the hour skipped when summer time starts)', () => {
    const values = { ...valuesFromEntity('meetings', winterMeeting, INFO), 'start#date': '2026-03-29', 'start#time': '02:30' };
    const { problems } = entityFromValues('meetings', values, INFO, winterMeeting, sv);
    expect(problems).to.have.length(1);
    expect(problems[0]!.control).to.equal('start#time');
    expect(problems[0]!.text).to.contain('finns inte i Europe/Stockholm');
  });
});

describe('the organisations list', () => {
  it('lists, searches accents ignored and links each row to its form', async () => {
    const other = { ...hovsjo, id: 'ronna', name: 'Ronna Schackklubb', description: 'Schack', districts: ['Ronna'], email: 'info@ronna.example.org' } as Organisation;
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [other, hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations');
    await waitFor(() => root(el).querySelector('.rows'));
    expect(qa(el, '.rows .grow a').map(text)).to.deep.equal(['Hovsjö IF', 'Ronna Schackklubb']);
    type(q<HTMLInputElement>(el, '#content-search'), 'HOVSJO');
    await settle(el);
    expect(qa(el, '.rows .grow a').map(text)).to.deep.equal(['Hovsjö IF']);
    expect(q(el, '.rows .grow a').getAttribute('href')).to.equal('#/content/organisations/hovsjo-if');
    await expectAccessible(el);
  });
});

describe('the organisation form', () => {
  it('shows the translations side by side, validates as the person types and on save with an error summary', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations/new');
    await waitFor(() => root(el).querySelector('form'));
    await settle(el);
    // One input per dataset language, labelled by the language's name.
    const legends = qa(el, 'fieldset.localized label').map(text);
    expect(legends).to.include.members(['svenska', 'engelska']);
    await expectAccessible(el);

    // As the person types: the e-mail field says what is wrong once changed.
    type(control(el, 'email'), 'inte en adress');
    await settle(el);
    expect(text(q(el, `#${controlId('email')}-error`))).to.equal(`${sv.fields.email}: ${sv.invalid.email}`);
    expect(qa(el, '#error-summary')).to.have.length(0);

    // On save: the summary lists every problem in form order and takes focus.
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    await settle(el);
    expectFocusOn(el, '#error-summary');
    const items = qa(el, '#error-summary li').map(text);
    expect(items[0]).to.equal(sv.problems.required(sv.fields.name));
    expect(items).to.include(`${sv.fields.email}: ${sv.invalid.email}`);
    expect(api.calls.some((c) => c.startsWith('create'))).to.equal(false);
    await expectAccessible(el);
    // The link moves focus to the field.
    q<HTMLAnchorElement>(el, '#error-summary a').click();
    expectFocusOn(el, `#${controlId('name')}`);
  });

  it('creates an organisation, publishes it and goes back to the list saying so', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/content/organisations/new');
    await waitFor(() => root(el).querySelector('form'));
    type(control(el, 'name'), 'Geneta Kulturförening');
    control<HTMLSelectElement>(el, 'form').value = 'non-profit-association';
    control<HTMLSelectElement>(el, 'form').dispatchEvent(new Event('change'));
    type(control(el, 'description@sv'), 'Kultur för alla åldrar');
    type(control(el, 'description@en'), 'Culture for all ages');
    type(control(el, 'districts'), 'Geneta, Centrum');
    type(control(el, 'website'), 'https://geneta.example.org');
    type(control(el, 'id'), 'geneta');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => text(root(el).querySelector('main h1')) === sv.nav.organisations, 'the list');
    await waitFor(() => announced(el) === sv.saved);
    const saved = api.store.organisations.get('geneta')!.value;
    expect(saved).to.deep.include({ name: 'Geneta Kulturförening', form: 'non-profit-association', districts: ['Geneta', 'Centrum'] });
    expect(saved.description).to.deep.equal({ sv: 'Kultur för alla åldrar', en: 'Culture for all ages' });
    expect(saved.website).to.equal('https://geneta.example.org/');
  });

  it('never overwrites a newer save silently: a 412 shows both versions and lets the person choose', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations/hovsjo-if');
    await waitFor(() => root(el).querySelector('form'));
    // Someone else saves a new phone number meanwhile.
    api.saveBehindTheBack('organisations', { ...hovsjo, phone: '08-123 456 78' } as Organisation);
    type(control(el, 'email'), 'kansli@hovsjo-if.example.org');
    await settle(el);
    button(el, sv.save).click();
    const conflict = await waitFor(() => root(el).querySelector('#conflict'));
    await settle(el);
    expectFocusOn(el, '#conflict');
    const rows = qa(el, '#conflict tbody tr').map(text);
    expect(rows.some((r) => r.startsWith('phone') && r.includes('08-123 456 78'))).to.equal(true);
    expect(rows.some((r) => r.startsWith('email') && r.includes('info@hovsjo-if.example.org') && r.includes('kansli@hovsjo-if.example.org'))).to.equal(true);
    expect(api.store.organisations.get('hovsjo-if')!.value.phone).to.equal('08-123 456 78');
    await expectAccessible(el);
    expect(text(conflict)).to.contain(sv.content.conflictTitle);

    // "Save mine over it" writes the person's version with the new ETag.
    button(el, sv.content.conflictKeepMine).click();
    await waitFor(() => announced(el) === sv.saved);
    // The person's change goes on top of the other one's: both stay.
    expect(api.store.organisations.get('hovsjo-if')!.value.email).to.equal('kansli@hovsjo-if.example.org');
    expect(api.store.organisations.get('hovsjo-if')!.value.phone).to.equal('08-123 456 78');
  });

  it('"keep the saved version" loads the other person\'s save into the form', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations/hovsjo-if');
    await waitFor(() => root(el).querySelector('form'));
    api.saveBehindTheBack('organisations', { ...hovsjo, phone: '08-123 456 78' } as Organisation);
    type(control(el, 'email'), 'kansli@hovsjo-if.example.org');
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#conflict'));
    button(el, sv.content.conflictKeepTheirs).click();
    await settle(el);
    expect(control(el, 'phone').value).to.equal('08-123 456 78');
    expect(control(el, 'email').value).to.equal('info@hovsjo-if.example.org');
    expect(qa(el, '#conflict')).to.have.length(0);
  });

  it('deletes after a confirmation', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations/hovsjo-if');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.delete'))).click();
    expect(q<HTMLDialogElement>(el, '#delete-dialog').open).to.equal(true);
    await expectAccessible(el);
    q<HTMLButtonElement>(el, 'button.confirm-delete').click();
    await waitFor(() => announced(el) === sv.deleted);
    expect(api.store.organisations.has('hovsjo-if')).to.equal(false);
  });
});

describe('the meeting form', () => {
  it('takes a local date and time, shows the zone and the offset it makes in summer and winter, and saves the right offset', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { meetings: [winterMeeting] } });
    const el = await mountAdmin(api, '#/content/meetings/dialog-1');
    await waitFor(() => root(el).querySelector('form'));
    await settle(el);
    expect(text(q(el, '#zone-note'))).to.equal(sv.meeting.zone('Europe/Stockholm'));
    expect(control<HTMLInputElement>(el, 'start#date').type).to.equal('date');
    expect(control<HTMLInputElement>(el, 'start#time').type).to.equal('time');
    expect(text(q(el, '#start-offset'))).to.equal(sv.meeting.offset(sv.fields.start, '+01:00', 'Europe/Stockholm'));
    // No control anywhere asks for an offset.
    expect(qa<HTMLInputElement>(el, 'input').some((i) => /offset|\+01/.test(i.value))).to.equal(false);
    await expectAccessible(el);

    type(control(el, 'start#date'), '2026-06-10');
    type(control(el, 'end#date'), '2026-06-10');
    await settle(el);
    expect(text(q(el, '#start-offset'))).to.equal(sv.meeting.offset(sv.fields.start, '+02:00', 'Europe/Stockholm'));
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    const saved = api.store.meetings.get('dialog-1')!.value;
    expect(saved.start).to.equal('2026-06-10T18:00:00+02:00');
    expect(saved.end).to.equal('2026-06-10T20:00:00+02:00');
    expect(saved.sequence).to.equal(3);
  });

  it('says when the end is not after the start, at the end fields', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { meetings: [winterMeeting] } });
    const el = await mountAdmin(api, '#/content/meetings/dialog-1');
    await waitFor(() => root(el).querySelector('form'));
    type(control(el, 'end#time'), '17:00');
    await settle(el);
    button(el, sv.save).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([sv.invalid.endAfterStart]);
    q<HTMLAnchorElement>(el, '#error-summary a').click();
    expectFocusOn(el, `#${controlId('end#date')}`);
  });
});

describe('principles with commitments', () => {
  it('adds a commitment (focus moves into it) and saves it with an id', async () => {
    const principle = { id: 'p1', title: { sv: 'Självständighet', en: 'Independence' }, commitments: [] } as unknown as Principle;
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { principles: [principle] } });
    const el = await mountAdmin(api, '#/content/principles/p1');
    await waitFor(() => root(el).querySelector('form'));
    q<HTMLButtonElement>(el, 'button.add-item').click();
    await settle(el);
    expectFocusOn(el, `#${controlId('commitments[0].party')}`);
    await sendKeys({ press: 'ArrowDown' });
    type(control(el, 'commitments[0].text@sv'), 'Kommunen respekterar föreningarnas självständighet.');
    await settle(el);
    await expectAccessible(el);
    button(el, sv.save).click();
    await waitFor(() => announced(el) === sv.saved);
    const saved = api.store.principles.get('p1')!.value;
    expect(saved.commitments).to.have.length(1);
    expect(saved.commitments[0]!.text).to.equal('Kommunen respekterar föreningarnas självständighet.');
    expect(saved.commitments[0]!.id).to.match(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);
  });
});
