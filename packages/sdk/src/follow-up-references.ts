// The reference rules of the follow-ups and the opportunities, for
// parseDataset: a follow-up's `commitmentId` must name a commitment of a
// principle, an opportunity's `organisationId` an organisation; one report
// per year, one status per commitment in a report.
import type { Issue } from './errors.js';
import { pathToString } from './issues.js';
import type { Dataset } from './schemas/dataset.js';

type Lists = Pick<Dataset, 'principles' | 'organisations' | 'followUps' | 'opportunities'>;

function issue(segments: (string | number)[], code: string, message: string): Issue {
  return { path: pathToString(segments), segments, code, message };
}

/**
 * Checks the references of `lists.followUps` and `lists.opportunities`
 * (already valid entries; `origins` gives each kept entry's index in the
 * input). Returns the lists with what breaks a rule left out, and pushes one
 * issue per thing left out. Entries that need no change are kept as they are.
 */
export function checkFollowUpReferences(
  lists: Lists,
  origins: { followUps: readonly number[]; opportunities: readonly number[] },
  issues: Issue[],
): Pick<Dataset, 'followUps' | 'opportunities'> {
  const commitmentIds = new Set<string>();
  for (const principle of lists.principles) for (const commitment of principle.commitments) commitmentIds.add(commitment.id);
  const years = new Set<number>();
  const followUps: Dataset['followUps'] = [];
  lists.followUps.forEach((report, kept) => {
    const index = origins.followUps[kept]!;
    if (years.has(report.year)) {
      issues.push(issue(['followUps', index, 'year'], 'duplicate-year', `the dataset already has a follow-up for ${report.year}; this one was left out`));
      return;
    }
    years.add(report.year);
    const seen = new Set<string>();
    let changed = false;
    const commitments = report.commitments.filter((entry, at) => {
      const path = ['followUps', index, 'commitments', at, 'commitmentId'];
      if (!commitmentIds.has(entry.commitmentId)) {
        issues.push(issue(path, 'unknown-reference', `refers to commitment "${entry.commitmentId}", which no principle in the dataset has; the entry was left out`));
        changed = true;
        return false;
      }
      if (seen.has(entry.commitmentId)) {
        issues.push(issue(path, 'duplicate-id', `commitment "${entry.commitmentId}" already has a status in this follow-up; this entry was left out`));
        changed = true;
        return false;
      }
      seen.add(entry.commitmentId);
      return true;
    });
    // A copy only when something was left out: the fast path may have returned the caller's own object.
    followUps.push(changed ? { ...report, commitments } : report);
  });

  // The organisations the opportunities name, looked up in one pass over the
  // organisations: a set of thousands of ids built for a few opportunities
  // was a twentieth of parseDataset's time.
  const named = new Set<string>();
  for (const opportunity of lists.opportunities) named.add(opportunity.organisationId);
  const existing = new Set<string>();
  if (named.size > 0) for (const organisation of lists.organisations) if (named.has(organisation.id)) existing.add(organisation.id);
  if (existing.size === named.size) return { followUps, opportunities: lists.opportunities };
  const opportunities = lists.opportunities.filter((opportunity, kept) => {
    if (existing.has(opportunity.organisationId)) return true;
    const index = origins.opportunities[kept]!;
    issues.push(
      issue(['opportunities', index, 'organisationId'], 'unknown-reference', `refers to organisation "${opportunity.organisationId}", which the dataset does not have; the opportunity was left out`),
    );
    return false;
  });
  return { followUps, opportunities };
}
