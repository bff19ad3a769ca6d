// The reference rules of the follow-ups and the opportunities, for
// parseDataset: a follow-up's `commitmentId` must name a commitment of a
// principle, an opportunity's `organisationId` an organisation; one report
// per year, one status per commitment in a report.
import type { Issue } from './errors.js';
import { pathToString } from './issues.js';
import type { Dataset } from './schemas/dataset.js';

type Lists = Pick<Dataset, 'principles' | 'organisations' | 'followUps' | 'opportunities'>;
type FollowUp = Dataset['followUps'][number];
type Opportunity = Dataset['opportunities'][number];

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
  const followUps = checkFollowUps(lists.principles, lists.followUps, origins.followUps, issues).filter((report) => report !== undefined);
  const organisationIds = new Set(lists.organisations.map((o) => o.id));
  const opportunities = lists.opportunities.filter((opportunity, kept) =>
    opportunityReferenceHolds(opportunity, origins.opportunities[kept]!, (id) => organisationIds.has(id), issues),
  );
  return { followUps, opportunities };
}

/**
 * The follow-up rules for the valid reports `followUps` (at input indexes
 * `origins`): per report, what is kept (a copy when a status was left out)
 * or `undefined` when the whole report is left out (a second one for its
 * year). Pushes one issue per thing left out.
 */
export function checkFollowUps(
  principles: Dataset['principles'],
  followUps: readonly FollowUp[],
  origins: readonly number[],
  issues: Issue[],
): (FollowUp | undefined)[] {
  const commitmentIds = new Set<string>();
  for (const principle of principles) for (const commitment of principle.commitments) commitmentIds.add(commitment.id);
  const years = new Set<number>();
  return followUps.map((report, kept) => {
    const index = origins[kept]!;
    if (years.has(report.year)) {
      issues.push(issue(['followUps', index, 'year'], 'duplicate-year', `the dataset already has a follow-up for ${report.year}; this one was left out`));
      return undefined;
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
    return changed ? { ...report, commitments } : report;
  });
}

/**
 * Whether the valid `opportunity` (input index `index`) is kept: its
 * organisation is one the dataset keeps (`hasOrganisation`). When not, pushes
 * the issue that says so.
 */
export function opportunityReferenceHolds(opportunity: Opportunity, index: number, hasOrganisation: (id: string) => boolean, issues: Issue[]): boolean {
  if (hasOrganisation(opportunity.organisationId)) return true;
  issues.push(
    issue(['opportunities', index, 'organisationId'], 'unknown-reference', `refers to organisation "${opportunity.organisationId}", which the dataset does not have; the opportunity was left out`),
  );
  return false;
}
