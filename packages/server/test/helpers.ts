// Shared by the server tests: a real server on a free loopback port with a
// temporary data directory, and a valid application to send it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, createLogger, type AppOptions, type SamverkanServer } from '@samverkan/server';

export const DEMO_FILE = new URL('../../../examples/data/sodertalje.json', import.meta.url).pathname;
export const demo = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface Running {
  base: string;
  server: SamverkanServer;
  dir: string;
  logFile: string;
  /** GET/POST with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1:0 with a fresh data directory and a log file. */
export async function start(options: Partial<AppOptions> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-server-test-'));
  const logFile = join(dir, 'requests.log');
  const server = createApp({
    dataDir: join(dir, 'data'),
    ...(options.datasetFile === undefined && { dataset: demo }),
    logger: createLogger(logFile),
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    server,
    dir,
    logFile,
    admin: (path, init = {}) =>
      fetch(base + path, { ...init, headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.headers as Record<string, string>) } }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      server.logger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON lines of a log file (flush the logger first). */
export function readLog(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A valid application, as the signup form sends it. */
export function application(overrides: Record<string, unknown> = {}) {
  return {
    organisation: {
      name: 'Föreningen Ängsbacken',
      organisationNumber: '802456-8977',
      form: 'non-profit-association',
      website: 'https://angsbacken.example.org/',
      email: 'styrelsen@angsbacken.example.org',
      districts: ['Hovsjö'],
      activities: ['läxhjälp'],
      description: 'Läxhjälp och språkcafé.',
    },
    contact: { name: 'Kim Testperson', email: 'kim.testperson@example.org', phone: '08-123 456 78' },
    acceptsPrinciples: true,
    consent: true,
    message: 'Vi vill gärna vara med.',
    language: 'sv',
    privacyNotice: { url: 'https://kommun.example.org/integritet', version: '2026-03', shownAt: '2026-11-20T10:15:00+01:00' },
    ...overrides,
  };
}

/** An organisation of the demo that has signed (only signatories may offer opportunities). */
export const signatory = demo.organisations.find((o: { signature?: unknown; organisationNumber?: string }) => o.signature && o.organisationNumber);

/** A valid offer of a volunteer opportunity from {@link signatory}, as the opportunity form sends it. */
export function offer(overrides: Record<string, unknown> = {}) {
  return {
    organisationNumber: signatory.organisationNumber,
    title: 'Läxhjälpare på tisdagar',
    description: 'Hjälp barn i årskurs 4–6 med läxor, två timmar i veckan.',
    districts: ['Hovsjö'],
    activities: ['läxhjälp'],
    validThrough: '2027-06-30',
    contact: { email: 'volontar@forening.example.org' },
    consent: true,
    language: 'sv',
    ...overrides,
  };
}

/** POSTs {@link offer}(`overrides`) to /api/v1/opportunities, asserts it was received (201), and gives its admin path. */
export async function postOffer(base: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const posted = await fetch(`${base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(offer(overrides)) });
  assert.equal(posted.status, 201, await posted.clone().text());
  return `/api/v1/opportunities/${((await posted.json()) as { id: string }).id}`;
}

/** POSTs JSON to /api/v1/signups. */
export function postSignup(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/v1/signups`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The headers of a response as a plain object, without those that change per run. */
export function stableHeaders(response: Response, drop: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (['date', 'keep-alive', ...drop].includes(name)) continue;
    out[name] = value;
  }
  return out;
}
