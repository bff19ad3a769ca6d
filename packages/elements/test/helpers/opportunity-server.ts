// The opportunity form's side of signup-server.mjs: the same real Samverkan
// server (packages/server, started by the test runner) and the proxy in front
// of it that can drop connections, plus a look into the offers it stored and
// an editor's approval.
import { proxyApiUrl, proxyPosts, setProxyMode, signupServer } from './signup-server.js';

/** The API URL (…/api/v1) through the proxy, counted and switched under `key`. */
export function opportunityApiUrl(key: string): Promise<string> {
  return proxyApiUrl(key);
}

/** Makes POSTs under `key` fail: the connection dropped before (`offline`) or after (`lost-answer`) the server handled it. */
export function setOpportunityMode(key: string, mode: 'offline' | 'lost-answer' | undefined): Promise<void> {
  return setProxyMode(key, mode);
}

/** How many POSTs reached the proxy under `key`. */
export function opportunityPosts(key: string): Promise<number> {
  return proxyPosts(key);
}

/** An offer as the server's admin API shows it. */
export interface StoredOffer {
  id: string;
  reference: string;
  status: string;
  organisationId: string;
  opportunityId?: string;
  offer: { title: string; organisationNumber: string; languages?: string[]; contact: { email?: string; phone?: string; url?: string }; language: string };
}

/** What the server stored with the title `title`. */
export async function storedOffers(title: string): Promise<{ count: number; offers: StoredOffer[] }> {
  await signupServer();
  return (await (await fetch(`/__signup-server/offers?title=${encodeURIComponent(title)}`)).json()) as { count: number; offers: StoredOffer[] };
}

/** Approves an offer as an editor would (the server publishes it in the dataset). */
export async function approveOffer(id: string): Promise<StoredOffer> {
  const response = await fetch(`/__signup-server/approve-offer?id=${encodeURIComponent(id)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`approving ${id} failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as StoredOffer;
}
