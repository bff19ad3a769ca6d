/**
 * Checks several views' tests share, as a person meets them: on the two
 * decision pages (an application, an offered opportunity) the erase
 * question says what stays, is accessible, Escape cancels it with nothing
 * erased, and confirming erases; a view whose data cannot be fetched says so.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SamverkanAdmin } from '../../src/admin-app.js';
import type { MemoryApi } from '../fixtures/memory-api.js';
import { announced, expectAccessible, q, root, text, waitFor } from './admin-page.js';

/** Erases on the open page after the confirmation; `call` starts the fixture's record of the erase call. */
export async function eraseAfterConfirmation(el: SamverkanAdmin, api: MemoryApi, words: { eraseWhat: string; erasedDone: string }, call: string): Promise<void> {
  (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.erase'))).click();
  const dialog = q<HTMLDialogElement>(el, '#erase-dialog');
  expect(dialog.open).to.equal(true);
  expect(text(dialog)).to.contain(words.eraseWhat);
  await expectAccessible(el);
  // Escape cancels: nothing erased.
  await sendKeys({ press: 'Escape' });
  expect(dialog.open).to.equal(false);
  expect(api.calls.some((c) => c.startsWith(`${call} `))).to.equal(false);
  q<HTMLButtonElement>(el, 'button.erase').click();
  q<HTMLButtonElement>(el, 'button.confirm-erase').click();
  await waitFor(() => announced(el) === words.erasedDone);
}

/** Mounts the page at `hash` with every `list` call failing, and checks it says why, accessibly. */
export async function expectListFailure(mount: (api: MemoryApi) => Promise<SamverkanAdmin>, api: MemoryApi): Promise<SamverkanAdmin> {
  api.list = async () => {
    throw new Error('Servern svarar inte.');
  };
  const el = await mount(api);
  await waitFor(() => text(root(el).querySelector('main [role=alert]')).includes('Servern svarar inte.'), 'the failure');
  await expectAccessible(el);
  return el;
}
