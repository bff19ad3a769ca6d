// The admin page's browser tests against the real server (admin-server.mjs, behind the test
// runner's same-origin proxy): a signed-in editor through the page's own client, submissions
// through the public API, a restore on the History page, and a wait long enough for a busy machine.
import { expect } from '@open-wc/testing';
import { isValidOrganisationNumber } from '@samverkan/sdk';
import { createAdminApi } from '../../src/api-client.js';
import type { AdminApi } from '../../src/api.js';
import { announced, button, mountAdmin, q, root, waitFor } from './admin-page.js';
import sv from '../../src/i18n/messages.js';

export const API = '/__admin-server/api/v1';
export const unique = () => Math.random().toString(36).slice(2, 8);


/**
 * Waits longer than the page helpers do (up to 60 s at the machine's own speed, not 5; testTime scales both on a
 * slowed page): a real server on a busy machine answers later than memory.
 */
export async function slowly<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  try {
    return await waitFor(probe, what, 60_000);
  } catch (error) {
    // What the page shows instead, and what reached the server: a failure here says where it stopped.
    const page = document.querySelector('samverkan-admin')?.shadowRoot?.querySelector('main')?.textContent?.replace(/\s+/g, ' ').trim() ?? '(no page)';
    const requests = (await (await fetch('/__admin-server/requests')).json()).requests as string[];
    throw new Error(`${(error as Error).message}. The page shows: ${page.slice(0, 600)}. Last requests: ${requests.slice(-8).join(', ')}`);
  }
}

/** An organisation number no other test uses: nine random digits and the check digit the SDK's rule accepts. */
export function newOrganisationNumber(): string {
  const base = `802${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const formatted = (check: number) => `${base.slice(0, 6)}-${base.slice(6)}${check}`;
  return formatted([...Array(10).keys()].find((check) => isValidOrganisationNumber(formatted(check)))!);
}

/**
 * A new editor on the real server, signed in through the page's own client. `lang` is the page's language as
 * main.ts gives it: the client asks the server for its messages in it (Accept-Language); Swedish when not given.
 */
export async function signedInApi(lang?: () => string): Promise<AdminApi> {
  const made = await fetch('/__admin-server/user?role=editor', { method: 'POST' });
  expect(made.status, await made.clone().text()).to.equal(200);
  const { email, password } = (await made.json()) as { email: string; password: string };
  const api = createAdminApi({ apiUrl: API, ...(lang && { lang }) });
  await api.signIn(email, password);
  return api;
}

export async function post(path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).to.equal(201);
  return response.json();
}

/** What the proxy forwarded since the last call. */
export async function forwarded(): Promise<string[]> {
  return (await (await fetch('/__admin-server/requests?reset=1')).json()).requests;
}

/** Restores, on the History page, the newest version whose summary starts with `summary`. */
export async function restoreVersion(el: Awaited<ReturnType<typeof mountAdmin>>, api: AdminApi, summary: string): Promise<void> {
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
