/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  clearDatasetCache,
  createClient,
  createFetchClient,
  formatMeetingTime,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  localStorageDatasetStorage,
  searchContacts,
  sortBySwedishName,
  toICalendar,
  upcomingMeetings,
  type ClientOptions,
  type SamverkanClient,
} from '@samverkan/sdk';

const DEMO = '/examples/data/sodertalje.json';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

// The same contract for both clients: the ky-based one and the fetch-based
// one the elements use.
const clients: [string, (options?: ClientOptions) => SamverkanClient][] = [
  ['createClient', createClient],
  ['createFetchClient', createFetchClient],
];

for (const [name, makeClient] of clients) {
  describe(`${name} in Chromium`, () => {
    beforeEach(() => {
      clearDatasetCache();
      // The page's own modules fill the resource timing buffer (250 entries by default); once it is full the
      // browser records no request more, and the one-request check below would see none.
      performance.clearResourceTimings();
    });

    it('resolves a relative URL against the page, and five clients make one request', async () => {
      const url = new URL(`${DEMO}?five-${name}`, document.baseURI).href;
      const clients = Array.from({ length: 5 }, () => makeClient({ datasetUrl: `${DEMO}?five-${name}` }));
      const results = await Promise.all(clients.map((c) => c.getDataset()));
      expect(results[0]!.url).to.equal(url);
      expect(results[0]!.dataset.organisations).to.have.length(69);
      expect(results.every((r) => r.dataset === results[0]!.dataset && !r.stale)).to.equal(true);
      const requests = performance.getEntriesByType('resource').filter((e) => e.name === url);
      expect(requests).to.have.length(1);
    });

    it('a missing dataset is an HttpError 404 that names the address', async () => {
      const error = await rejection(makeClient({ datasetUrl: '/examples/data/missing.json', retry: 0 }).getDataset());
      expect(isHttpError(error)).to.equal(true);
      expect((error as { status?: number }).status).to.equal(404);
      expect(error.message).to.contain('/examples/data/missing.json (HTTP 404');
    });

    it('an unreachable server is a NetworkError that mentions CORS, not a bare "Failed to fetch"', async () => {
      const error = await rejection(makeClient({ datasetUrl: 'http://127.0.0.1:9/dataset.json', retry: 0 }).getDataset());
      expect(isNetworkError(error)).to.equal(true);
      expect(error.message).to.match(/^Could not reach http:\/\/127\.0\.0\.1:9\/dataset\.json/);
      expect(error.message).to.contain('CORS');
    });

    it('keeps a copy in localStorage and shows it, stale, when the server cannot be reached', async () => {
      const storage = localStorageDatasetStorage('samverkan-test:');
      const fresh = await makeClient({ datasetUrl: `${DEMO}?persist`, cache: storage }).getDataset();
      const saved = localStorage.getItem(`samverkan-test:${fresh.url}`);
      expect(saved).to.be.a('string');
      // The same copy under an address where nothing answers: a later visit, offline.
      const dead = 'http://127.0.0.1:9/sodertalje.json';
      localStorage.setItem(`samverkan-test:${dead}`, saved!);
      const stale = await makeClient({ datasetUrl: dead, cache: storage, retry: 0 }).getDataset();
      expect(stale.stale).to.equal(true);
      expect(stale.dataset.organisations).to.have.length(69);
      expect(isNetworkError(stale.error)).to.equal(true);
      localStorage.removeItem(`samverkan-test:${fresh.url}`);
      localStorage.removeItem(`samverkan-test:${dead}`);
    });
  });
}

describe('createFetchClient in Chromium: what only the lean path is tested for here', () => {
  beforeEach(() => clearDatasetCache());
  const hits = async (key: string) => (await (await fetch(`/__samverkan-test/hits/${key}`)).json()) as { hits: number; notModified: number };

  it('asks again with If-None-Match (same origin) and keeps its copy on 304', async () => {
    const key = `etag-${Math.random().toString(36).slice(2)}`;
    const client = createFetchClient({ datasetUrl: `/__samverkan-test/dataset/${key}?etag=v1`, maxAge: 0 });
    const first = await client.getDataset();
    await new Promise((r) => setTimeout(r, 5));
    const second = await client.getDataset();
    expect(await hits(key)).to.deep.equal({ hits: 2, notModified: 1 });
    expect(second.dataset).to.equal(first.dataset);
    expect(second.stale).to.equal(false);
    expect(second.fetchedAt.getTime()).to.be.greaterThan(first.fetchedAt.getTime());
  });

  it('gives up after `timeout` with a TimeoutError that says so, and a caller\'s abort stays an AbortError', async () => {
    const key = `slow-${Math.random().toString(36).slice(2)}`;
    const error = await rejection(createFetchClient({ datasetUrl: `/__samverkan-test/dataset/${key}?delay=3000`, timeout: 200 }).getDataset());
    expect(isTimeoutError(error), String(error)).to.equal(true);
    expect(error.message).to.match(/did not answer within 200 ms, so the dataset could not be loaded/);
    const controller = new AbortController();
    const sending = createFetchClient({ apiUrl: '/__samverkan-test/receipt/K7QM-2XPD/api/v1' }).submitSignup(
      {
        organisation: { name: 'Exempelföreningen', form: 'non-profit-association', email: 'info@forening.example.org' },
        contact: { name: 'Kim Exempel', email: 'kim@forening.example.org' },
        acceptsPrinciples: true,
        consent: true,
        language: 'sv',
      },
      { signal: controller.signal },
    );
    controller.abort();
    expect((await rejection(sending)).name).to.equal('AbortError');
  });

  it('sends a signup with its Idempotency-Key and reads the receipt', async () => {
    const receipt = await createFetchClient({ apiUrl: '/__samverkan-test/receipt/K7QM-2XPD/api/v1' }).submitSignup({
      organisation: { name: 'Exempelföreningen', form: 'non-profit-association', email: 'info@forening.example.org' },
      contact: { name: 'Kim Exempel', email: 'kim@forening.example.org' },
      acceptsPrinciples: true,
      consent: true,
      language: 'sv',
    });
    expect(receipt).to.deep.equal({ id: '0b6f6a52-7c3e-4f0e-9a51-3d2f0c1e8b47', status: 'pending', reference: 'K7QM-2XPD' });
  });
});

describe('the helpers in Chromium', () => {
  it('search, sort, time formatting and iCalendar agree with Node', async () => {
    const { dataset } = await createClient({ datasetUrl: DEMO }).getDataset();
    const [hit] = searchContacts(dataset, 'kultur och fritid', { limit: 1 });
    const match = hit!.matches[0]!;
    expect(match.text.slice(match.start, match.end).toLowerCase()).to.equal('kultur');
    expect(sortBySwedishName([{ name: 'Öland' }, { name: 'Zeta' }, { name: 'Åsa' }]).map((o) => o.name)).to.deep.equal(['Zeta', 'Åsa', 'Öland']);
    const spring = dataset.meetings.find((m) => m.id === 'workshop-development-plan-2026')!;
    expect(formatMeetingTime(spring, { lang: 'sv', timeZone: dataset.timeZone })).to.equal('sön 29 mars 2026 13:00–16:30');
    expect(upcomingMeetings(dataset, new Date('2027-12-01T00:00:00Z')).map((m) => m.id)).to.deep.equal(['collaboration-group-2027-12']);
    const ics = toICalendar([spring], { timeZone: dataset.timeZone, now: new Date('2026-01-01T00:00:00Z') });
    expect(ics).to.contain('\r\nDTSTART;TZID=Europe/Stockholm:20260329T130000\r\n');
    expect(ics).to.contain('\r\nTZOFFSETTO:+0200\r\n');
  });
});
