// The browser side of opportunity-server.mjs: where the stand-in for
// POST /api/v1/opportunities listens, its failure modes and what it stored.

let base: Promise<string> | undefined;

function server(): Promise<string> {
  base ??= fetch('/__opportunity-server/info').then(async (r) => {
    if (!r.ok) throw new Error(`the opportunity test server did not start (HTTP ${r.status})`);
    return ((await r.json()) as { base: string }).base;
  });
  return base;
}

/** The API URL (…/api/v1) for `key`: its POSTs are counted and switched under that key. */
export async function opportunityApiUrl(key: string): Promise<string> {
  return `${await server()}/k/${encodeURIComponent(key)}/api/v1`;
}

/** Makes POSTs under `key` fail: the connection dropped before (`offline`) or after (`lost-answer`) the server handled it. */
export async function setOpportunityMode(key: string, mode: 'offline' | 'lost-answer' | undefined): Promise<void> {
  await fetch(`${await server()}/__set?key=${encodeURIComponent(key)}${mode ? `&mode=${mode}` : ''}`);
}

/** How many POSTs reached the server under `key`. */
export async function opportunityPosts(key: string): Promise<number> {
  return ((await (await fetch(`${await server()}/__posts?key=${encodeURIComponent(key)}`)).json()) as { posts: number }).posts;
}

/** An offer as the stand-in stored it. */
export interface StoredOffer {
  id: string;
  status: string;
  organisationId: string;
  offer: { title: string; organisationNumber: string; languages?: string[]; contact: { email?: string; phone?: string; url?: string }; language: string };
}

/** What the stand-in stored with the title `title`. */
export async function storedOffers(title: string): Promise<{ count: number; offers: StoredOffer[] }> {
  return (await (await fetch(`${await server()}/__stored?title=${encodeURIComponent(title)}`)).json()) as { count: number; offers: StoredOffer[] };
}
