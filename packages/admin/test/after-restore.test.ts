// What the page shows after a restore from History must be the restored dataset's, not what the
// page read before: here the dataset's languages, which the content forms follow.
import { expect } from '@open-wc/testing';
import { MemoryApi } from './fixtures/memory-api.js';
import { signatory } from './fixtures/agreement-content.js';
import { announced, button, mountAdmin, q, root, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import { controlId } from '../src/content/form-values.js';

const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };

afterEach(() => unmountAll());

describe('after a restore from History', () => {
  it("the content forms follow the restored version's languages, not the ones the page read at sign-in", async () => {
    const organisation = { ...signatory, description: { sv: 'Fotboll för alla', en: 'Football for all', ar: 'كرة القدم للجميع' } };
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [organisation] }, info: { languages: ['sv', 'en'] } });
    // Version 2 adds Arabic to the dataset's languages (as an import of another file does).
    api.info = { ...api.info, languages: ['sv', 'en', 'ar'] };
    api.publish('Imported a dataset');
    const arabic = `#${controlId('description@ar')}`;

    const el = await mountAdmin(api, `#/content/organisations/${signatory.id}`);
    await waitFor(() => root(el).querySelector(arabic), 'the Arabic description');

    location.hash = '#/history';
    await waitFor(() => root(el).querySelector('.versions'));
    button(el, sv.history.restore(1)).click();
    await waitFor(() => q<HTMLDialogElement>(el, '#restore-dialog').open);
    q<HTMLButtonElement>(el, 'button.confirm-restore').click();
    await waitFor(() => announced(el) === sv.history.restored(1, 3));

    location.hash = `#/content/organisations/${signatory.id}`;
    await waitFor(() => root(el).querySelector(`#${controlId('description@en')}`), 'the form again');
    await waitFor(() => !root(el).querySelector(arabic), 'the form without Arabic');
    expect(root(el).querySelector(`#${controlId('description@sv')}`)).to.not.equal(null);
  });
});
