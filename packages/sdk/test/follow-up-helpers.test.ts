import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  currentOpportunities,
  filterOpportunities,
  followUpFigures,
  followUpForYear,
  isOpportunityCurrent,
  jsonLdScriptContent,
  latestCommitmentStatuses,
  opportunityFacets,
  opportunityToJsonLd,
  parseDataset,
  previousFollowUp,
  statusChange,
  todayIn,
} from '@samverkan/sdk';

const demo = () => parseDataset(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8')).dataset;
// A moment when every demo opportunity is current (the earliest validThrough is 2026-12-12).
const EARLY = new Date('2026-11-30T12:00:00Z');

describe('follow-up helpers', () => {
  test('the latest report by default, a given year on request, and the one before', () => {
    const d = demo();
    assert.equal(followUpForYear(d)!.year, 2025);
    assert.equal(followUpForYear(d, 2023)!.id, 'follow-up-2023');
    assert.equal(followUpForYear(d, 1999), undefined);
    assert.equal(previousFollowUp(d, 2025)!.year, 2024);
    assert.equal(previousFollowUp(d, 2023), undefined);
  });

  test('figures per party count every commitment of the agreement once', () => {
    const d = demo();
    const report = followUpForYear(d, 2025)!;
    const figures = followUpFigures(d, report);
    assert.deepEqual(figures.map((f) => f.party), ['municipality', 'civil-society', 'both']);
    const total = d.principles.reduce((n, p) => n + p.commitments.length, 0);
    assert.equal(figures.reduce((n, f) => n + f.total, 0), total);
    for (const f of figures) assert.equal(Object.values(f.counts).reduce((a, b) => a + b, 0), f.total);
    // Recounted by hand from the report.
    const municipalityDone = report.commitments.filter((c) => c.status === 'done' && d.principles.some((p) => p.commitments.some((x) => x.id === c.commitmentId && x.party === 'municipality'))).length;
    assert.equal(figures[0]!.counts.done, municipalityDone);
    assert.equal(figures[0]!.counts.unreported, 0);
  });

  test('a commitment the report does not mention counts as unreported; the change is per status', () => {
    const d = demo();
    const full = followUpForYear(d, 2025)!;
    const partial = { ...full, commitments: full.commitments.slice(1) };
    const [before] = followUpFigures(d, full);
    const [after] = followUpFigures(d, partial);
    assert.equal(after!.counts.unreported, 1);
    const change = statusChange(after!.counts, before!.counts);
    assert.equal(change.unreported, 1);
    assert.equal(Object.values(change).reduce((a, b) => a + b, 0), 0);
  });

  test('the latest status of each commitment comes from the newest report that has it', () => {
    const d = demo();
    d.followUps = d.followUps.map((r) => (r.year === 2025 ? { ...r, commitments: r.commitments.filter((c) => c.commitmentId !== 'quality-b1') } : r));
    const latest = latestCommitmentStatuses(d);
    assert.deepEqual(latest.get('long-term-m1'), { status: 'done', year: 2025 });
    assert.deepEqual(latest.get('quality-b1'), { status: 'not-started', year: 2024 });
  });
});

describe('volunteer opportunities', () => {
  test('validThrough is the last day, on the calendar of the dataset time zone', () => {
    const o = { validThrough: '2026-12-12' };
    // 23:30 UTC on the 12th is already the 13th in Stockholm: gone there.
    assert.equal(isOpportunityCurrent(o, 'Europe/Stockholm', new Date('2026-12-12T22:59:00Z')), true);
    assert.equal(isOpportunityCurrent(o, 'Europe/Stockholm', new Date('2026-12-12T23:00:00Z')), false);
    // …while in New York it is still the 12th.
    assert.equal(isOpportunityCurrent(o, 'America/New_York', new Date('2026-12-12T23:30:00Z')), true);
    assert.equal(todayIn('Europe/Stockholm', new Date('2026-06-30T22:30:00Z')), '2026-07-01');
  });

  test('only current opportunities of signatories are listed, newest first', () => {
    const d = demo();
    assert.equal(currentOpportunities(d, EARLY).length, 25);
    d.organisations = d.organisations.map((o) => (o.id === 'hundra-hander' ? { ...o, signature: undefined } : o));
    const listed = currentOpportunities(d, EARLY);
    assert.equal(listed.length, 24);
    assert.ok(listed.every((l) => l.organisation.signature));
    const dates = listed.map((l) => l.opportunity.publishedOn);
    assert.deepEqual(dates, [...dates].sort().reverse());
    // After 2026-12-12 in Stockholm the Christmas concert's helper is gone.
    assert.ok(!currentOpportunities(demo(), new Date('2026-12-13T00:30:00+01:00')).some((l) => l.opportunity.id === 'opportunity-09'));
  });

  test('search folds case and å/ä/ö; filters by district, activity and language', () => {
    const d = demo();
    const ids = (f: Parameters<typeof filterOpportunities>[1]) => filterOpportunities(d, { now: EARLY, ...f }).map((l) => l.opportunity.id);
    assert.deepEqual(ids({ query: 'ALDREBOENDE' }), ['opportunity-07']);
    assert.deepEqual(ids({ query: 'äldreboende' }), ['opportunity-07']);
    assert.ok(ids({ query: 'laxhjalp' }).includes('opportunity-02'));
    assert.ok(ids({ district: 'hovsjo' }).every((id) => d.opportunities.find((o) => o.id === id)!.districts.includes('Hovsjö')));
    assert.ok(ids({ district: 'Hovsjö' }).length >= 3);
    assert.deepEqual(ids({ language: 'fa' }), ['opportunity-25']);
    assert.deepEqual(ids({ activity: 'Cykel', district: 'ronna' }), ['opportunity-11']);
    assert.deepEqual(ids({ query: 'no such thing anywhere' }), []);
  });

  test('facets list each district, activity and language once', () => {
    const f = opportunityFacets(demo(), EARLY);
    assert.ok(f.districts.includes('Hovsjö'));
    assert.equal(new Set(f.districts).size, f.districts.length);
    assert.ok(f.languages.includes('syc'));
    // Swedish order: Östertälje after Västergård.
    assert.ok(f.districts.indexOf('Östertälje') > f.districts.indexOf('Västergård'));
  });

  test('JSON-LD: a JobPosting for a volunteer, with a safe script content', () => {
    const d = demo();
    const o = { ...d.opportunities[0]!, title: { sv: '</script><script>alert(1)</script>' }, contact: { email: 'a@example.org', url: 'javascript:alert(1)' } };
    const org = d.organisations.find((x) => x.id === o.organisationId)!;
    const node = opportunityToJsonLd(o as any, org, { lang: 'en' });
    assert.equal(node['@type'], 'JobPosting');
    assert.equal(node['employmentType'], 'VOLUNTEER');
    assert.equal((node['hiringOrganization'] as any).name, org.name);
    assert.equal(node['validThrough'], o.validThrough);
    assert.equal(node['url'], undefined, 'a javascript: url is never written');
    assert.deepEqual(node['applicationContact'], { '@type': 'ContactPoint', email: 'a@example.org' });
    assert.ok(!jsonLdScriptContent(node).includes('</script>'));
  });
});

describe('signatoryByOrganisationNumber', () => {
  test('finds a signatory by its number written any accepted way, and nothing else', async () => {
    const { signatoryByOrganisationNumber } = await import('@samverkan/sdk');
    const d = demo();
    assert.equal(signatoryByOrganisationNumber(d, '802421-3764')!.id, 'asa-scoutkar');
    assert.equal(signatoryByOrganisationNumber(d, '8024213764')!.id, 'asa-scoutkar');
    assert.equal(signatoryByOrganisationNumber(d, '16802421-3764')!.id, 'asa-scoutkar');
    // A valid number of an organisation that has not signed, a wrong check digit, garbage.
    assert.equal(signatoryByOrganisationNumber(d, '802189-6629'), undefined);
    assert.equal(signatoryByOrganisationNumber(d, '802421-3765'), undefined);
    assert.equal(signatoryByOrganisationNumber(d, 'x'), undefined);
  });
});
