// The confirmations by keyboard alone, as a coordinator who does not use a
// mouse (or a screen reader user) meets them: the dialog takes focus, Escape
// cancels and gives focus back to the button that opened it, and after the
// action focus is somewhere that makes sense, never on the page's body and
// never on another entry's button that happens to stand where this one was.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Organisation } from '@samverkan/sdk';
import { MemoryApi } from './fixtures/memory-api.js';
import { announced, button, describe_, expectAccessible, focused, mountAdmin, q, qa, root, settle, text, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import type { SamverkanAdmin } from '../src/admin-app.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const EDITOR = { id: 'u2', email: 'robin@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };
const hovsjo = { id: 'hovsjo-if', name: 'Hovsjö IF', form: 'non-profit-association', districts: ['Hovsjö'], activities: [], languages: ['sv'], phone: '08-111 111 11' } as unknown as Organisation;

afterEach(() => unmountAll());

/** Focuses `target` and presses `key`, as a person who tabbed there would. */
async function press(target: HTMLElement, key: string): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
}

function expectFocusIn(el: SamverkanAdmin, selector: string, what: string): void {
  const now = focused(el);
  expect(now && now.matches(selector), `focus on ${what} (${selector}), it is on ${describe_(now)}`).to.equal(true);
}

describe('confirmations by keyboard', () => {
  it('restoring a version: Escape gives focus back; after restoring, focus is on the list of versions, which says what happened', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const first = (await api.list('organisations'))[0]!;
    await api.replace('organisations', 'hovsjo-if', { ...first.value, phone: '08-222 222 22' }, first.etag);
    const el = await mountAdmin(api, '#/history');
    await waitFor(() => root(el).querySelector('.versions'));
    await settle(el);

    const restore = button(el, sv.history.restore(1));
    await press(restore, 'Enter');
    const dialog = q<HTMLDialogElement>(el, '#restore-dialog');
    await waitFor(() => dialog.open, 'the dialog');
    expect(dialog.contains(focused(el)), `focus in the dialog, it is on ${describe_(focused(el))}`).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'the dialog closed');
    expect(focused(el)).to.equal(restore);

    await press(restore, 'Enter');
    await waitFor(() => dialog.open, 'the dialog again');
    await press(q(el, 'button.confirm-restore'), 'Enter');
    await waitFor(() => announced(el) === sv.history.restored(1, 3), 'the announcement');
    await waitFor(() => qa(el, '.versions > li').length === 3, 'the new version listed');
    await settle(el);
    // The rows moved down by one: the button where "restore version 1" was is now another version's.
    expectFocusIn(el, '#versions-title', 'the versions heading');
    await expectAccessible(el);
  });

  it('removing a user: Escape gives focus back; after removing, focus is on the list of users', async () => {
    const api = new MemoryApi({ users: [ADMIN, EDITOR], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/users');
    await waitFor(() => root(el).querySelector('button.remove'));
    await settle(el);

    const remove = button(el, sv.users.remove(EDITOR.name));
    await press(remove, 'Enter');
    const dialog = q<HTMLDialogElement>(el, '#remove-dialog');
    await waitFor(() => dialog.open, 'the dialog');
    expect(dialog.contains(focused(el)), `focus in the dialog, it is on ${describe_(focused(el))}`).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'the dialog closed');
    expect(focused(el)).to.equal(remove);

    await press(remove, 'Enter');
    await waitFor(() => dialog.open, 'the dialog again');
    await press(q(el, 'button.confirm-remove'), 'Enter');
    await waitFor(() => announced(el) === sv.users.removed(EDITOR.name), 'the announcement');
    await waitFor(() => !text(root(el).querySelector('main')).includes(EDITOR.email), 'the user gone from the list');
    await settle(el);
    expectFocusIn(el, '#users-list-title', 'the users heading');
  });

  it('deleting an entry: Escape gives focus back to "delete"', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, content: { organisations: [hovsjo] } });
    const el = await mountAdmin(api, '#/content/organisations/hovsjo-if');
    await waitFor(() => root(el).querySelector('button.delete'));
    await settle(el);
    const remove = q(el, 'button.delete');
    await press(remove, 'Enter');
    const dialog = q<HTMLDialogElement>(el, '#delete-dialog');
    await waitFor(() => dialog.open, 'the dialog');
    expect(dialog.contains(focused(el)), `focus in the dialog, it is on ${describe_(focused(el))}`).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'the dialog closed');
    expect(focused(el)).to.equal(remove);
    expect(api.store.organisations.has('hovsjo-if')).to.equal(true);
  });

  it('the error summary\'s links take focus to their fields, by Enter', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/content/organisations/new');
    await waitFor(() => root(el).querySelector('form'));
    await settle(el);
    await press(button(el, sv.save), 'Enter');
    await waitFor(() => root(el).querySelector('#error-summary'), 'the error summary');
    await settle(el);
    expectFocusIn(el, '#error-summary', 'the error summary');
    const link = q<HTMLAnchorElement>(el, '#error-summary a');
    const target = link.getAttribute('href')!.slice(1);
    await press(link, 'Enter');
    expectFocusIn(el, `#${CSS.escape(target)}`, 'the field the first problem names');
    expect(location.hash).to.equal('#/content/organisations/new');
  });
});
