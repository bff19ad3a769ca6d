// The datasets the property tests of parseDataset (properties.test.ts) and of
// the progressive check (progressive-dataset.test.ts) are made of: the demo
// dataset, its entries as they are, with one field replaced, or anything at
// all, and ways to break one entry.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export const demo = JSON.parse(readFileSync(new URL('../../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
export const LISTS = ['principles', 'developmentAreas', 'organisations', 'contacts', 'meetings', 'followUps', 'opportunities'] as const;
export type ListName = (typeof LISTS)[number];

/** Valid entries from the demo (some sharing an id), demo entries with one field replaced, and anything at all. */
export const entryOf = (list: ListName) =>
  fc.oneof(
    fc.constantFrom(...(demo[list] as object[])),
    fc
      .tuple(fc.constantFrom(...(demo[list] as object[])), fc.constantFrom('id', 'name', 'title', 'form', 'start', 'end', 'kind', 'website', 'principles', 'x'), fc.jsonValue())
      .map(([e, k, v]) => ({ ...e, [k]: v })),
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('id', 'name', 'title', 'form', 'start', 'end', 'kind', 'website', 'x'), fc.jsonValue()),
  );

// Ways to break one entry. Each makes the entry invalid on its own, never
// another entry (ids stay unique).
export const breakers: Record<string, ((entry: any) => void)[]> = {
  common: [(e) => delete e.id, (e) => (e.id = ''), (e) => (e.id = 42)],
  organisations: [
    (e) => (e.website = 'javascript:alert(1)'),
    (e) => (e.form = 'club'),
    (e) => (e.email = 'no-at-sign'),
    (e) => (e.name = ''),
    (e) => (e.organisationNumber = '000000-0000'),
    (e) => (e.signature = { signedOn: 'yesterday', via: 'adoption' }),
  ],
  contacts: [(e) => (e.title = { en: 'no Swedish' }), (e) => (e.topics = 'not a list'), (e) => (e.phone = 'x')],
  meetings: [(e) => (e.end = e.start), (e) => (e.start = '2026-01-01 10:00'), (e) => (e.kind = 'party'), (e) => (e.location = { onlineUrl: 'data:,x' })],
  principles: [(e) => (e.title = null), (e) => (e.commitments = [{ id: 'x', party: 'nobody', text: 'y' }])],
  developmentAreas: [(e) => (e.actions = [{ id: 'a' }]), (e) => (e.title = [])],
  followUps: [(e) => (e.year = 'last year'), (e) => (e.commitments = 'none')],
  opportunities: [(e) => (e.contact = {}), (e) => (e.validThrough = 'soon'), (e) => (e.title = '')],
};
